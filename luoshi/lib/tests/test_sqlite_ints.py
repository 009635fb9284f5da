"""A number beyond 64 bits in a lookup finds nothing (as on PostgreSQL) instead of a driver error."""

import pytest
from django import forms

from luoshi.org.models import Town

pytestmark = pytest.mark.django_db


def test_a_lookup_with_a_huge_number_finds_nothing(org):
    assert not Town.objects.filter(pk=2**70).exists()
    assert not Town.objects.filter(pk=-(2**70)).exists()
    assert Town.objects.filter(pk=org.towns[0].pk).exists()  # ordinary numbers still bind as numbers


def test_a_choice_field_answers_a_huge_number_with_a_field_error(org):
    class F(forms.Form):
        town = forms.ModelChoiceField(Town.objects.all())
        towns = forms.ModelMultipleChoiceField(Town.objects.all())

    form = F({"town": str(2**70), "towns": [str(2**80)]})
    assert not form.is_valid()
    assert set(form.errors) == {"town", "towns"}
