"""Every page a persona can reach from the home page answers without a server error, also with
nonsense in its query string (a crawl over the demo data)."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

HREF_RE = re.compile(r'href="([^"#]+)"')
SKIP = ("/static/", "/media/", "/accounts/logout", "/admin/", "/api/docs", "/history/")
JUNK = (
    "page=abc&sort=zzz&from=2026-13-45&to=x&unit=x&village=-1&q=%27%22<%25&queue=nope&ids=1,x&year=abc&town=x"
)
MAX_PAGES = 80  # per persona, breadth first from the home page
JUNK_PAGES = 40


def crawl(client: Client) -> dict[str, int]:
    seen: dict[str, int] = {}
    todo = ["/"]
    while todo and len(seen) < MAX_PAGES:
        url = todo.pop(0)
        if url in seen:
            continue
        resp = client.get(url)
        seen[url] = resp.status_code
        if resp.status_code != 200 or "html" not in resp.get("Content-Type", ""):
            continue
        for href in HREF_RE.findall(resp.content.decode()):
            target = urljoin(url, href.replace("&amp;", "&"))
            parts = urlsplit(target)
            if parts.netloc or not parts.path.startswith("/") or parts.path.startswith(SKIP):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path not in seen and path not in todo:
                todo.append(path)
    return seen


def test_no_page_reachable_by_a_persona_fails_even_with_junk_parameters():
    from luoshi.org.demo import load_demo
    from luoshi.org.models import User

    load_demo()
    errors: dict[str, int] = {}
    for persona in ("admin", "office", "unit", "grid", "deputy", None):
        client = Client()
        if persona:
            client.force_login(User.objects.get(username=persona))
        seen = crawl(client)
        assert len(seen) >= (5 if persona else 1), persona
        errors.update({f"{persona} {url}": code for url, code in seen.items() if code >= 500})
        for url in list(seen)[:JUNK_PAGES]:
            junk_url = url + ("&" if "?" in url else "?") + JUNK
            code = client.get(junk_url).status_code
            if code >= 500:
                errors[f"{persona} {junk_url}"] = code
    assert not errors, errors


def test_a_nul_character_in_the_query_string_is_a_400_naming_the_parameter(client_for):
    client = client_for("office")
    for url in ("/cases/?q=%00", "/org/villages/?q=a%00b&page=2", "/api/cases/?q=%00"):
        resp = client.get(url)
        assert resp.status_code == 400, url
        assert "NUL" in resp.content.decode() and "q" in resp.content.decode()
    assert client.get("/cases/?q=%2500").status_code == 200  # a literal "%00" typed in the search box
