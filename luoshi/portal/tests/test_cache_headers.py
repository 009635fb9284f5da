"""Public pages are cacheable for visitors; the copy a signed-in user gets carries their name and CSRF
token and must not be marked for shared caches (it was ``public, max-age=300`` for everyone)."""

from __future__ import annotations

import pytest
from django.utils.cache import get_max_age

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/portal/", "/portal/{code}/", "/portal/{code}/projects/"])
def test_public_pages_are_shared_cacheable_only_without_a_login(org, client, client_for, path):
    url = path.format(code=org.towns[0].code)
    anonymous = client.get(url)
    assert anonymous.status_code == 200
    assert "public" in anonymous["Cache-Control"] and get_max_age(anonymous) == 300
    staff = client_for("office").get(url)
    assert staff.status_code == 200 and "陈静" in staff.content.decode()  # the page names the user
    assert "public" not in staff["Cache-Control"] and "private" in staff["Cache-Control"]
