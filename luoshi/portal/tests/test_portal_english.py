"""Every public portal page and the management page read in Chinese: no English word, no raw model key
(the crawl test covers the site from its home page; this covers every portal page of every area)."""

import pytest
from django.test import Client

from luoshi.org.tests.test_crawl import english_on_page, raw_keys
from luoshi.portal.tests.test_privacy_attack import public_responses

pytestmark = pytest.mark.django_db


def test_portal_pages_have_no_english(client_for):
    from luoshi.org.demo import load_demo

    load_demo()
    keys = raw_keys()
    problems = {}
    for url, resp in public_responses(Client()).items():
        if "html" in resp.get("Content-Type", ""):
            if words := english_on_page(resp.content.decode(), keys):
                problems[url] = words
    html = client_for("office").get("/portal/manage/").content.decode()
    if words := english_on_page(html, keys):
        problems["manage"] = words
    assert not problems, problems
