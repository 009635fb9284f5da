"""In a real browser: pick a demo town and year, write the report, open a number's provenance, edit a
sentence, regenerate (the edit stays), download the .docx — and the reader finds every number in it."""

from __future__ import annotations

import os

import pytest
from django.utils import timezone

from luoshi.accounts import services as accounts_services
from luoshi.org.demo import load_org
from luoshi.org.testing import browser_login
from luoshi.plans import demo as plans_demo
from luoshi.reports.models import Draft
from luoshi.reports.reader import parse
from luoshi.reports.writer import demo as writer_demo
from luoshi.reports.writer import roundtrip
from luoshi.reports.writer.compose import Composition, merge, quoted_fields

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("WRITER_SCREENSHOTS", "/tmp/writer-shots")


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_write_open_provenance_edit_regenerate_download(page, live_server):
    ctx = load_org()
    accounts_services.catalogue_sync()  # a transactional test starts from a flushed database
    plans_demo.load(ctx)
    writer_demo.load(ctx)
    year = timezone.localdate().year
    page.set_viewport_size({"width": 1280, "height": 900})
    browser_login(page, live_server, "office")

    page.goto(f"{live_server.url}/reports/write/")
    page.select_option("select[name=town]", label="云溪镇")
    page.fill("input[name=year]", str(year))
    page.click("[data-testid=write]")
    page.wait_for_selector("[data-testid=draft]")
    shot(page, "draft")
    assert "云溪镇人民政府工作报告" in page.inner_text("[data-testid=draft]")

    # a number's provenance: the indicator page with its definition and source
    link = page.locator("[data-testid=draft] a.field[href^='/indicators/']").first
    number = link.inner_text()
    link.click()
    page.wait_for_url("**/indicators/**")
    assert page.locator("main").inner_text()  # the provenance page opened
    shot(page, "provenance")
    page.go_back()

    # edit the sentence around the first target result, keeping its fields
    block = page.locator(".block", has=page.locator("a.field[href^='/indicators/']")).first
    key = block.get_attribute("data-block")
    block.locator(f"[data-testid='edit-{key}']").click()
    area = page.locator("textarea[name=template]")
    original = area.input_value()
    area.fill("【经审议修改】" + original)
    page.click("[data-testid=save]")
    page.wait_for_selector("[data-testid=draft]")
    assert "【经审议修改】" in page.inner_text(f"[data-block='{key}']")

    # regenerate: the numbers are refreshed from the records, the edited wording stays
    page.click("[data-testid=regenerate]")
    page.wait_for_selector("[data-testid=draft]")
    text = page.inner_text(f"[data-block='{key}']")
    assert "【经审议修改】" in text and number in page.inner_text("[data-testid=draft]")
    assert "第 3 版" in page.inner_text("[data-testid=draft-version]")
    shot(page, "regenerated")

    # download the .docx; the reader finds every number of the draft in it
    with page.expect_download() as dl:
        page.click("[data-testid=docx]")
    data = open(dl.value.path(), "rb").read()
    draft = Draft.objects.get(town=ctx.towns[0], year=year)
    comp = Composition.from_dict(draft.composition)
    fields = quoted_fields(merge(comp, draft.edits).blocks, comp.fields)
    parsed = parse(data, name="draft.docx")
    assert "【经审议修改】" in parsed.text
    assert len(fields) > 20 and roundtrip.check(fields, parsed.facts) == []
