"""The writer's .docx, read back by the report reader: every number found with its value, unit, part
and year (on the demo towns), and the page layout of GB/T 9704."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.utils import timezone
from docx import Document
from docx.shared import Pt

from luoshi.accounts import demo as accounts_demo
from luoshi.cases import demo as cases_demo
from luoshi.plans import demo as plans_demo
from luoshi.reports.reader import parse
from luoshi.reports.writer import demo as writer_demo
from luoshi.reports.writer import docx as docx_writer
from luoshi.reports.writer import roundtrip, selectors, services
from luoshi.reports.writer.compose import Field

pytestmark = pytest.mark.django_db


def test_the_reader_finds_every_number_the_writer_put_in_on_the_demo_towns(org):
    plans_demo.load(org)
    cases_demo.load(org)
    accounts_demo.load(org)
    writer_demo.load(org)
    year = timezone.localdate().year
    for town in org.towns:
        draft = services.draft_generate(town=town, year=year, by=org.users["office"])
        data = selectors.docx_bytes(draft)
        parsed = parse(data, name="draft.docx")
        assert parsed.meta.review_year == year and parsed.meta.plan_year == year + 1
        assert parsed.meta.jurisdiction == town.name
        fields, misses = selectors.round_trip(draft, data)
        parts = {f.part for f in fields}
        assert parts == {"review", "plan"}, parts
        # the demo has case work, projects, livelihood projects and next year's targets to quote
        keys = {f.key for f in fields}
        for key in ("ind.cases-hotline-received", "ind.cases-hotline-on-time", "ind.cases-hazard-received"):
            assert key in keys, key
        assert any(k.startswith("tgt.") for k in keys) and any(k.startswith("nc.") for k in keys)
        assert len(fields) > 40
        assert misses == [], [(m.field.key, m.field.text, m.near) for m in misses]


def test_the_round_trip_catches_a_number_the_reader_reads_differently():
    """The check is not vacuous: a field whose number the report does not carry is reported."""
    f = Field(key="x", label="x", text="5623件", value=5623, unit="件", part="review", year=2026)
    g = Field(
        key="y", label="y", text="98.9%", value=98.9, unit="%", measure="rate", part="review", year=2026
    )
    parsed = parse(
        "一、2026年工作回顾\n受理工单5623件，按期办结率98.8%。\n二、2027年工作安排\n力争更好。",
        text_only=True,
    )
    misses = roundtrip.check([f, g], parsed.facts)
    assert [m.field.key for m in misses] == ["y"]
    wrong_year = Field(key="z", label="z", text="5623件", value=5623, unit="件", part="review", year=2025)
    assert roundtrip.check([wrong_year], parsed.facts)


def test_docx_has_the_official_layout():
    data = docx_writer.write(
        [("title", "云溪镇人民政府工作报告"), ("h1", "一、工作回顾"), ("p", "正文。" * 200)]
    )
    doc = Document(io.BytesIO(data))
    s = doc.sections[0]
    mm = [round(x.mm, 1) for x in (s.page_width, s.page_height)]
    assert mm == [210, 297]  # A4 (stored in twips)
    margins = [round(x.mm, 1) for x in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)]
    assert margins == [37, 35, 28, 26]
    grid = s._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}docGrid")
    assert grid.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}type") == "lines"
    assert (
        abs(int(grid.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}linePitch")) - 579)
        <= 1
    )
    title, heading, body = doc.paragraphs[0], doc.paragraphs[1], doc.paragraphs[2]
    assert title.runs[0].font.size == Pt(22) and body.runs[0].font.size == Pt(16)
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert title.runs[0]._element.rPr.rFonts.get(f"{ns}eastAsia") == "方正小标宋简体"
    assert body.runs[0]._element.rPr.rFonts.get(f"{ns}eastAsia") == "仿宋_GB2312"
    assert heading.runs[0]._element.rPr.rFonts.get(f"{ns}eastAsia") == "黑体"
    assert abs(body.paragraph_format.line_spacing.pt * 22 - 225 / 25.4 * 72) < 1  # 22 lines in 225 mm
    # page numbers: 4号 "— PAGE —", odd pages right, even pages left
    odd, even = s.footer.paragraphs[0], s.even_page_footer.paragraphs[0]
    assert odd.text.startswith("— ") and odd.text.endswith(" —") and odd.alignment == 2  # RIGHT
    assert even.alignment == 0 and odd.runs[0].font.size == Pt(14)
    assert "PAGE" in odd._element.xml
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        fonts = z.read("word/fontTable.xml").decode()
        settings = z.read("word/settings.xml").decode()
    assert 'w:name="仿宋_GB2312"' in fonts and 'w:val="仿宋"' in fonts  # the stated fallback
    assert "evenAndOddHeaders" in settings
