"""In a real browser: the office pastes a report, sees its facts highlighted and filters the fact table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from luoshi.org.demo import DEMO_PASSWORD, load_org
from luoshi.org.testing import nav_link
from luoshi.reports import services

pytestmark = pytest.mark.django_db(transaction=True)

TEXT = (Path(services.__file__).resolve().parent / "demo" / "yunxi_2025.txt").read_text(encoding="utf-8")


def test_office_pastes_a_report_and_filters_its_facts(page, live_server):
    load_org()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "office")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/$"))

    nav_link(page, "reports").click()
    page.click("[data-testid=upload]")
    page.fill("textarea[name=text]", TEXT)
    page.click("[data-testid=upload-form] button[type=submit]")
    page.wait_for_url(re.compile(r"/reports/\d+/$"))
    assert "已读取新报告" in page.locator(".messages").inner_text()

    marks = page.locator("#report-text mark.fact")
    assert marks.count() > 20
    assert page.locator("#report-text mark.fact.k-target").count() > 0
    assert "1.36" in page.locator("#report-text").inner_text()
    title = marks.first.get_attribute("title")
    assert title and ":" in title
    page.screenshot(path="/tmp/reports-viewer.png", full_page=False)

    rows = page.locator("[data-testid=fact-table] tbody tr[data-seq]")
    total = rows.count()
    page.select_option("#fact-filters select[name=kind]", "target")
    page.wait_for_function(
        "() => { const r = document.querySelectorAll('[data-testid=fact-table] tbody tr[data-seq]');"
        " return r.length > 0 && [...r].every(x => x.classList.contains('k-target')); }"
    )
    targets = rows.count()
    assert 0 < targets < total
    assert "kind=target" in page.url  # the filter is in the address, so the view can be shared

    page.fill("#fact-filters input[name=q]", "一般公共预算收入")
    page.wait_for_function(
        f"() => document.querySelectorAll('[data-testid=fact-table] tbody tr[data-seq]').length < {targets}"
    )
    assert all("一般公共预算收入" in m for m in rows.locator("td.metric").all_inner_texts())

    row = rows.first
    seq = row.get_attribute("data-seq")
    row.click()
    flashed = page.locator(f'#report-text mark.flash[data-f~="{seq}"]')
    expect(flashed.first).to_be_in_viewport()
    page.screenshot(path="/tmp/reports-filtered.png", full_page=False)

    page.goto(f"{live_server.url}/reports/")
    assert page.locator("[data-testid=report-list] tbody tr").count() == 1
    page.screenshot(path="/tmp/reports-list.png", full_page=False)

    page.goto(f"{live_server.url}/reports/new/")
    page.set_input_files(
        "input[name=file]",
        files=[{"name": "扫描件.pdf", "mimeType": "application/pdf", "buffer": _scanned_pdf()}],
    )
    page.click("[data-testid=upload-form] button[type=submit]")
    error = page.locator("[data-testid=upload-error]")  # on the status page: the worker read it
    assert "扫描件.pdf" in error.inner_text() and "OCR" in error.inner_text()
    page.screenshot(path="/tmp/reports-upload-error.png", full_page=True)

    page.goto(f"{live_server.url}/")
    assert "云溪镇政府工作报告" in page.locator("[data-panel=reports]").inner_text()
    page.screenshot(path="/tmp/reports-home.png", full_page=False)


def _scanned_pdf() -> bytes:
    import io

    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(72, 72, 300, 500, fill=1)
    c.save()
    return buf.getvalue()
