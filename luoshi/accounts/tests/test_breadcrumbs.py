"""The provenance page's trail: the indicator links back to its page, and crumbs without a link are
still separated (the trail read 外出招商云溪镇 2026年1-11月, two crumbs run together)."""

from __future__ import annotations

import re

import pytest

from luoshi.accounts.models import Indicator

pytestmark = pytest.mark.django_db


def test_the_provenance_trail_links_the_indicator_and_separates_every_crumb(client_for, org):
    town = org.towns[0]
    ind = Indicator.objects.get(code="budget-revenue")
    body = client_for("office").get(f"/indicators/{ind.code}/{town.pk}/2026/").content.decode()
    trail = re.search(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', body, re.S).group(1)
    assert f'<a href="/indicators/{ind.code}/">{ind.name}</a>' in trail
    text = re.sub(r"<[^>]+>", "", trail)
    assert [part.strip() for part in text.split("/")][-2:] == [ind.name, f"{town.name} 2026年"]
