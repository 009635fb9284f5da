"""The reports pages: upload or paste, store without duplicates, viewer, filters, exports, scope, roles, delete."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from luoshi.reports import services
from luoshi.reports.models import Fact, Report

DEMO = Path(services.__file__).resolve().parent / "demo"
YUNXI = (DEMO / "yunxi_2025.txt").read_text(encoding="utf-8")
BAILU = (DEMO / "bailu_2025.txt").read_text(encoding="utf-8")


def store(org, text=YUNXI, town=0, user="office"):
    parsed = services.read_source(source=text.encode("utf-8"), name="t.txt")
    report, _ = services.report_store(
        parsed=parsed, town=org.towns[town], uploaded_by=org.users[user], source_name="t.txt"
    )
    return report


def docx_bytes(text: str) -> bytes:
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def scanned_pdf_bytes() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.rect(72, 72, 300, 500, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


# --- store -------------------------------------------------------------------------------------


def test_store_keeps_text_meta_years_and_facts(org):
    report = store(org)
    assert report.town == org.towns[0]
    assert report.plan_year == 2025 and report.review_year == 2024
    assert "云溪镇" in report.title or report.meta.get("jurisdiction") == "云溪镇"
    assert report.facts.count() > 30
    for fact in report.facts.all()[:20]:
        assert report.text[fact.start : fact.end] == fact.quote


def test_storing_the_same_text_again_updates_instead_of_duplicating(org):
    first = store(org)
    Fact.objects.filter(report=first).update(metric="stale")
    parsed = services.read_source(source=docx_bytes(YUNXI), name="again.docx")
    again, created = services.report_store(
        parsed=parsed, town=org.towns[0], uploaded_by=org.users["office"], source_name="again.docx"
    )
    assert not created and again.pk == first.pk
    assert Report.objects.count() == 1
    assert again.source_name == "again.docx"
    assert not again.facts.filter(metric="stale").exists()


def test_town_is_guessed_from_the_jurisdiction(org):
    parsed = services.read_source(source=BAILU.encode(), name="b.txt")
    county = org.users["county"]
    assert services.resolve_town(parsed=parsed, town=None, user=county) == org.towns[1]


def test_a_town_outside_the_users_scope_is_refused(org):
    from django.core.exceptions import ValidationError

    parsed = services.read_source(source=YUNXI.encode(), name="y.txt")
    with pytest.raises(ValidationError, match="云溪镇"):
        services.resolve_town(parsed=parsed, town=org.towns[0], user=org.users["office_b"])


# --- upload, paste, demo -----------------------------------------------------------------------


def test_paste_stores_and_redirects_to_viewer_with_message(client_for):
    c = client_for("office")
    r = c.post(reverse("reports:new"), {"text": YUNXI}, follow=True)
    report = Report.objects.get()
    assert r.redirect_chain[-1][0] == reverse("reports:detail", args=[report.pk])
    assert "已读取新报告" in r.content.decode()


def test_an_upload_with_control_bytes_is_stored_on_every_database(client_for):
    c = client_for("office")
    up = SimpleUploadedFile("云溪镇2025.txt", ("\x00" + YUNXI.replace("。", "。\x00", 3)).encode("utf-8"))
    r = c.post(reverse("reports:new"), {"file": up}, follow=True)
    assert r.status_code == 200 and "已读取新报告" in r.content.decode()
    assert "\x00" not in Report.objects.get().text


def test_upload_text_then_docx_of_the_same_report_updates_it(client_for):
    c = client_for("office")
    up = SimpleUploadedFile("云溪镇2025.txt", YUNXI.encode("gb18030"), content_type="text/plain")
    c.post(reverse("reports:new"), {"file": up})
    assert Report.objects.count() == 1
    up = SimpleUploadedFile("云溪镇2025.docx", docx_bytes(YUNXI))
    r = c.post(reverse("reports:new"), {"file": up}, follow=True)
    assert Report.objects.count() == 1
    assert "该报告已存在，已用本次读取结果更新" in r.content.decode()
    assert Report.objects.get().source_name == "云溪镇2025.docx"


def test_demo_report_can_be_picked(client_for):
    c = client_for("office_b")
    c.post(reverse("reports:new"), {"demo": "bailu_2025.txt"})
    report = Report.objects.get()
    assert report.town.name == "白鹭街道" and report.facts.exists()


def test_scanned_pdf_gives_a_clear_error_naming_the_file(client_for):
    c = client_for("office")
    up = SimpleUploadedFile("扫描件.pdf", scanned_pdf_bytes(), content_type="application/pdf")
    r = c.post(reverse("reports:new"), {"file": up}, follow=True)
    assert r.redirect_chain[-1][0].startswith("/reports/uploads/")  # read by the worker, not the request
    body = r.content.decode()
    assert 'data-status="failed"' in body
    assert "扫描件.pdf" in body and "扫描版 PDF" in body and "OCR" in body
    assert not Report.objects.exists()


def test_unsupported_suffix_and_too_large_file_are_refused(client_for):
    c = client_for("office")
    r = c.post(reverse("reports:new"), {"file": SimpleUploadedFile("a.xlsx", b"x")})
    assert "「a.xlsx」的格式不受支持" in r.content.decode()
    with override_settings(MAX_UPLOAD_BYTES=100):
        r = c.post(reverse("reports:new"), {"file": SimpleUploadedFile("big.txt", YUNXI.encode())})
    assert "「big.txt」太大" in r.content.decode()
    assert not Report.objects.exists()


def test_exactly_one_source_is_required(client_for):
    r = client_for("office").post(reverse("reports:new"), {})
    assert "三选一" in r.content.decode()


def test_unknown_jurisdiction_asks_for_a_town(client_for):
    text = YUNXI.replace("云溪镇", "新河乡")
    r = client_for("county").post(reverse("reports:new"), {"text": text})
    assert "请在“所属乡镇”中选择" in r.content.decode()
    assert not Report.objects.exists()


@pytest.mark.parametrize("persona", ["office", "leader", "unit", "county", "admin"])
def test_staff_who_may_upload_see_the_form(client_for, persona):
    assert client_for(persona).get(reverse("reports:new")).status_code == 200


@pytest.mark.parametrize("persona", ["grid", "village", "deputy"])
def test_others_cannot_upload(client_for, persona):
    c = client_for(persona)
    assert c.get(reverse("reports:new")).status_code == 403
    assert c.post(reverse("reports:new"), {"text": YUNXI}).status_code == 403
    assert not Report.objects.exists()


# --- viewer ------------------------------------------------------------------------------------


def test_viewer_highlights_each_fact_with_its_reading(org, client_for):
    report = store(org)
    fact = report.facts.get(seq=1)
    body = client_for("deputy").get(reverse("reports:detail", args=[report.pk])).content.decode()
    assert f'id="f-{fact.seq}"' in body
    assert '<mark class="fact k-actual' in body and '<mark class="fact k-target' in body
    assert 'data-testid="outline"' in body and "二、2025年工作安排" in body
    assert f"{fact.metric}: {fact.value:g}" in body  # the tooltip's normalised value


def test_highlighting_escapes_text_and_handles_overlapping_quotes(org):
    from luoshi.reports.selectors import highlighted_text

    text = "甲<b>收入1亿元，增长5%</b>乙"
    report = Report(text=text, sections=[])
    outer = Fact(
        seq=1,
        kind="actual",
        measure="level",
        part="review",
        metric="收入",
        value=1e8,
        unit="元",
        quote=text[1:18],
        start=1,
        end=18,
    )
    inner = Fact(
        seq=2,
        kind="target",
        measure="growth",
        part="plan",
        metric="增长",
        value=5,
        unit="%",
        quote="增长5%",
        start=text.index("增长"),
        end=text.index("增长") + 4,
    )
    html = str(highlighted_text(report, [outer, inner]))
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert 'data-f="1 2"' in html and 'class="fact k-target m-growth"' in html
    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") == text


def test_fact_table_filters_by_part_kind_measure_and_search(org, client_for):
    report = store(org)
    c = client_for("office")
    url = reverse("reports:detail", args=[report.pk])
    targets = c.get(url, {"kind": "target"}, headers={"HX-Request": "true", "HX-Target": "fact-table"})
    assert targets.templates[0].name == "reports/partials/fact_table.html"
    n_target = report.facts.filter(kind="target").count()
    assert targets.content.decode().count("<tr data-seq=") == n_target
    growth = c.get(url, {"part": "review", "measure": "growth"}).content.decode()
    rows = report.facts.filter(part="review", measure="growth")
    assert growth.count("<tr data-seq=") == rows.count()
    metric = report.facts.filter(part="review").first().metric
    found = c.get(url, {"q": metric}).content.decode()
    assert 0 < found.count("<tr data-seq=") < report.facts.count()
    by_value = c.get(url, {"sort": "-value"}, headers={"HX-Request": "true", "HX-Target": "fact-table"})
    biggest = report.facts.order_by("-value", "seq").first()
    assert re.findall(r'<tr data-seq="(\d+)"', by_value.content.decode())[0] == str(biggest.seq)


def test_csv_export_has_bom_and_chinese_headers_and_labels_by_default(org, client_for):
    report = store(org)
    r = client_for("office").get(reverse("reports:export_csv", args=[report.pk]))
    assert r["Content-Type"].startswith("text/csv")
    raw = r.content
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:6] == ["序号", "部分", "类别", "度量", "指标", "数值"]
    assert len(rows) == report.facts.count() + 1
    assert any("一般公共预算收入" in row[4] for row in rows[1:])
    assert {row[1] for row in rows[1:]} <= {"回顾", "安排", "其他"}
    assert {row[2] for row in rows[1:]} == {"实绩", "目标"}


def test_csv_export_with_codes_keeps_the_field_names_and_stored_codes(org, client_for):
    report = store(org)
    r = client_for("office").get(reverse("reports:export_csv", args=[report.pk]), {"labels": "codes"})
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:6] == ["seq", "part", "kind", "measure", "metric", "value"]
    assert {row[2] for row in rows[1:]} == {"actual", "target"}


def test_excel_export_has_the_same_chinese_table(org, client_for):
    from openpyxl import load_workbook

    report = store(org)
    r = client_for("office").get(reverse("reports:export_xlsx", args=[report.pk]))
    ws = load_workbook(io.BytesIO(r.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0][:3]) == ["序号", "部分", "类别"] and len(rows) == report.facts.count() + 1
    assert isinstance(rows[1][5], int | float)  # values stay numbers


def test_json_export_has_schema_shape_with_offsets(org, client_for):
    report = store(org)
    r = client_for("office").get(reverse("reports:export_json", args=[report.pk]), {"kind": "target"})
    data = json.loads(r.content)
    assert set(data) == {"doc", "meta", "sections", "facts"}
    assert data["meta"]["plan_year"] == 2025
    assert data["facts"] and all(f["kind"] == "target" for f in data["facts"])
    f = data["facts"][0]
    assert report.text[f["start"] : f["end"]] == f["quote"]


# --- scope, list, delete -----------------------------------------------------------------------


def test_other_towns_report_does_not_exist_for_office_b(org, client_for):
    report = store(org)
    c = client_for("office_b")
    for name in (
        "reports:detail",
        "reports:export_csv",
        "reports:export_xlsx",
        "reports:export_json",
        "reports:delete",
    ):
        assert c.get(reverse(name, args=[report.pk])).status_code == 404
    body = c.get(reverse("reports:list")).content.decode()
    assert report.title not in body and 'data-testid="empty"' in body


def test_grid_worker_gets_403_on_the_list_and_404_never_leaks(org, client_for):
    store(org)
    assert client_for("grid").get(reverse("reports:list")).status_code == 403


def test_list_filters_by_town_and_year_and_paginates(org, client_for):
    store(org)
    store(org, text=BAILU, town=1, user="office_b")
    c = client_for("county")
    body = c.get(reverse("reports:list")).content.decode()
    assert body.count('href="/reports/') >= 2
    only_bailu = c.get(reverse("reports:list"), {"town": org.towns[1].pk}).content.decode()
    assert "白鹭" in only_bailu and "云溪镇第十八届" not in only_bailu
    assert Report.objects.filter(town=org.towns[0]).get().title not in only_bailu
    none = c.get(reverse("reports:list"), {"year": "1999"}).content.decode()
    assert "没有符合条件的报告" in none


def test_delete_needs_confirmation_and_office_role(org, client_for):
    report = store(org)
    assert client_for("leader").get(reverse("reports:delete", args=[report.pk])).status_code == 403
    c = client_for("office")
    page = c.get(reverse("reports:delete", args=[report.pk]))
    assert page.status_code == 200 and "确认删除" in page.content.decode()
    assert Report.objects.exists()
    r = c.post(reverse("reports:delete", args=[report.pk]), follow=True)
    assert not Report.objects.exists() and not Fact.objects.exists()
    assert "已删除报告" in r.content.decode()


def test_home_panel_and_navigation(org, client_for):
    store(org)
    body = client_for("deputy").get("/").content.decode()
    assert 'data-panel="reports"' in body and 'data-nav="reports"' in body
    assert 'data-testid="panel-upload"' not in body
    grid = client_for("grid").get("/").content.decode()
    assert 'data-panel="reports"' not in grid and 'data-nav="reports"' not in grid


def test_list_paginates_twenty_per_page(org, client_for):
    for i in range(23):
        Report.objects.create(
            town=org.towns[0], title=f"报告{i:02d}", content_hash=f"h{i}", text="x", plan_year=2000 + i
        )
    c = client_for("office")
    first = c.get(reverse("reports:list")).content.decode()
    assert len(re.findall(r'href="/reports/\d+/"', first)) == 20 and "第 1 / 2 页" in first
    second = c.get(reverse("reports:list"), {"page": 2}).content.decode()
    assert "报告00" in second and "报告22" not in second


def test_html_page_furniture_is_listed_and_warnings_are_explained(client_for):
    body = "".join(f"<p>{line}</p>" for line in YUNXI.splitlines())
    html = (
        '<html><body><div class="nav">首页 | 政务公开 | 网站地图</div>'
        f'<div class="article">{body}</div><div class="footer">版权所有：青岚县人民政府</div></body></html>'
    )
    c = client_for("office")
    r = c.post(reverse("reports:new"), {"file": SimpleUploadedFile("page.html", html.encode())}, follow=True)
    page = r.content.decode()
    assert 'data-testid="removed"' in page and "网站地图" in page
    short = client_for("office").post(
        reverse("reports:new"), {"text": "各位代表：云溪镇今年完成收入3亿元，"}, follow=True
    )
    assert "没有识别出一级标题" in short.content.decode() and "正文可能不完整" in short.content.decode()


def test_a_report_naming_another_town_is_not_stored_in_the_users_own(client_for):
    r = client_for("office").post(reverse("reports:new"), {"demo": "bailu_2025.txt"})
    assert "报告写的是「白鹭街道」" in r.content.decode()
    assert not Report.objects.exists()
