"""A NUL character in a URL path never reaches the database (PostgreSQL cannot hold it in text)."""

from __future__ import annotations

import pytest

# Path segments that are matched as free text (``<str:…>`` or a ninja ``str`` path parameter) and
# then looked up: on PostgreSQL these answered 500 (DataError) before the middleware refused them.
URLS = [
    "/api/accounts/indicators/a%00b/values/1/2026",
    "/api/ledgers/registers/a%00b/items",
    "/api/ledgers/ranking/a%00b/2026-01",
    "/api/ledgers/ranking/village_light/2026%00",
    "/indicators/import/ab%00c/",
]


@pytest.mark.parametrize("url", URLS)
def test_a_nul_character_in_the_path_is_a_400_saying_so(client_for, url):
    resp = client_for("office").get(url)
    assert resp.status_code == 400, url
    assert "NUL" in resp.content.decode()


def test_an_escaped_percent_sign_in_the_path_is_not_refused(client_for):
    resp = client_for("office").get("/api/ledgers/registers/a%2500b/items")
    assert resp.status_code == 404  # looked up, not found
