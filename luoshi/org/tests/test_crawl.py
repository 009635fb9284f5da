"""Every page a persona can reach from the home page answers without a server error, also with
nonsense in its query string (a crawl over the demo data); on the Chinese interface no page shows a
raw model key (``satisfied``, ``deadline_note``) or an English word outside a short allow-list."""

from __future__ import annotations

import re
from html.parser import HTMLParser
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


# Brand and technical words a Chinese page may show as they are.
ALLOWED_WORDS = {
    "luoshi",
    "api",
    "open311",
    "excel",
    "csv",
    "pdf",
    "id",
    "gps",
    "sla",
    "kpi",
    "gdp",
    "url",
    "xlsx",
    "docx",
    "txt",
    "html",
    "json",
    "openapi",
    "sms",
    "sha",
    "sha256",
    "http",
    "https",
    "wps",
    "utf",
    "gbk",
    "ocr",
    "app",
    "ip",
    "qq",
    "ems",
    "ai",
    "pm",
    "word",
    "htm",
    "wgs",
    "mb",
    "kb",
}
# Runs of Latin letters, digits and code punctuation; a run with a digit or a hyphen is a code
# (a case number like 20260305-QQKXZEPEJQ, a tracking code), not a word.
TOKEN_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_\-./:]*")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z_]{2,}")


class VisibleText(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts, styles or json_script data."""

    # <code> holds identifiers a user copies into an import sheet (an indicator's code), not words.
    HIDDEN = {"script", "style", "template", "textarea", "code"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(parser.parts)


def raw_keys() -> set[str]:
    """Every choice value of the project's models that differs from its label, and every case type's
    detail-field key: words that must never reach a Chinese page as text."""
    from django.apps import apps

    from luoshi.cases.models import CaseType

    keys = set()
    for model in apps.get_models():
        if not model.__module__.startswith("luoshi."):
            continue
        for f in model._meta.get_fields():
            for value, label in getattr(f, "flatchoices", None) or ():
                if (
                    isinstance(value, str)
                    and re.fullmatch(r"[a-z][a-z0-9_]{2,}", value)
                    and value != str(label)
                ):
                    keys.add(value)
    for fields in CaseType.objects.values_list("detail_fields", flat=True):
        keys.update(k for k, _label in fields or ())
    return keys


def english_on_page(html: str, keys: set[str]) -> list[str]:
    """Raw keys and English words (3+ letters, outside the allow-list) in the visible text."""
    found = []
    for token in TOKEN_RE.findall(visible_text(html)):
        if any(ch.isdigit() for ch in token) or "-" in token.strip("-"):
            continue
        for word in WORD_RE.findall(token):
            if word in keys:
                found.append(f"key:{word}")
            elif word.lower() not in ALLOWED_WORDS:
                found.append(word)
    return sorted(set(found))


def crawl(client: Client, pages: dict[str, str] | None = None) -> dict[str, int]:
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
        if pages is not None:
            pages[url] = resp.content.decode()
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


def test_no_page_shows_a_raw_model_key_or_an_english_word_on_the_chinese_interface():
    from luoshi.org.demo import load_demo
    from luoshi.org.models import User

    load_demo()
    keys = raw_keys()
    assert {"satisfied", "in_progress", "deadline_note", "negotiating"} <= keys
    problems: dict[str, list[str]] = {}
    for persona in ("admin", "county", "leader", "office", "unit", "village", "grid", "deputy", None):
        client = Client()
        if persona:
            client.force_login(User.objects.get(username=persona))
        pages: dict[str, str] = {}
        crawl(client, pages)
        for url, html in pages.items():
            if words := english_on_page(html, keys):
                problems[f"{persona} {url}"] = words
    assert not problems, problems


def test_the_english_check_sees_visible_text_only():
    html = (
        '<p title="in_progress">办理中 <a href="/cases/?status=in_progress">查看</a></p>'
        '<script>var x = "satisfied";</script><p>回访评价 · satisfied · Luoshi API</p><p>Hello 世界</p>'
    )
    assert english_on_page(html, {"satisfied", "in_progress"}) == ["Hello", "key:satisfied"]


def test_the_admin_index_names_every_app_and_model_in_chinese(client_for):
    html = client_for("admin").get("/admin/").content.decode()
    assert "登录保护" in html and "后台任务" in html and "登录失败记录" in html
    words = [w for w in english_on_page(html, set()) if w != "admin"]  # the signed-in user's name
    assert words == [], words
