"""The accountability table (兑现表): verdicts, pairing reports by place and year, the CLI over a folder,
and the town page from stored reports and from Luoshi's records (with its scope)."""

from __future__ import annotations

import csv
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from luoshi.cli import main
from luoshi.reports import accountability as acc
from luoshi.reports.services import demo_reports


def fact(
    part,
    metric,
    value,
    unit,
    *,
    measure="level",
    kind=None,
    year=2024,
    approx=None,
    commitment=None,
    quote="",
):
    return {
        "part": part,
        "kind": kind or ("target" if part == "plan" else "actual"),
        "measure": measure,
        "metric": metric,
        "value": value,
        "unit": unit,
        "approx": approx,
        "commitment": commitment,
        "year": year,
        "quote": quote or f"{metric}{value}{unit}",
    }


def report(doc, place, review, plan, facts):
    return {
        "doc": doc,
        "meta": {"jurisdiction": place, "review_year": review, "plan_year": plan},
        "facts": facts,
    }


def test_verdicts():
    assert acc.judge(100, 100) == acc.MET
    assert acc.judge(100, 99.9) == acc.NOT_MET
    assert acc.judge(100, None) == acc.NOT_REPORTED
    assert acc.judge(6.5, 6.2, measure="growth", approx="左右") == acc.MET  # ≥ 95 % of an "about" target
    assert acc.judge(6.5, 6.1, measure="growth", approx="左右") == acc.NOT_MET
    assert acc.judge(3.5, 3.0, approx="以内") == acc.MET  # a ceiling
    assert acc.judge(3.5, 3.6, approx="以内") == acc.NOT_MET
    assert acc.judge(3.5, 3.6, ceiling=acc.is_ceiling("", "城镇登记失业率控制在3.5%")) == acc.NOT_MET
    assert acc.judge(-10, -15.3, measure="growth") == acc.MET  # a decrease target: more decrease is better
    assert acc.judge(-10, -5, measure="growth") == acc.NOT_MET


def test_pairs_by_place_and_year_with_both_quotes():
    a24 = report(
        "a24",
        "甲镇",
        2023,
        2024,
        [
            fact(
                "plan",
                "一般公共预算收入",
                1.2e8,
                "元",
                commitment="确保",
                quote="一般公共预算收入确保1.2亿元",
            ),
            fact("plan", "固定资产投资", 10, "%", measure="growth"),
            fact("plan", "新增就业", 600, "人"),
            fact("review", "一般公共预算收入", 9e7, "元", year=2023),  # last year's result: not a target
        ],
    )
    a25 = report(
        "a25",
        "甲镇",
        2024,
        2025,
        [
            fact("review", "全年一般公共预算收入", 1.25e8, "元", quote="全年一般公共预算收入1.25亿元"),
            fact("review", "固定资产投资总额", 8.5, "%", measure="growth"),
            fact("plan", "新增就业", 700, "人", year=2025),
        ],
    )
    b25 = report("b25", "乙镇", 2024, 2025, [fact("review", "新增就业", 900, "人")])  # another place
    rows = acc.table([b25, a25, a24])
    assert [(r.place, r.year, r.metric, r.verdict) for r in rows] == [
        ("甲镇", 2024, "一般公共预算收入", "met"),
        ("甲镇", 2024, "固定资产投资", "not_met"),
        ("甲镇", 2024, "新增就业", "not_reported"),  # 乙镇's 900 人 is not 甲镇's result
    ]
    first = rows[0]
    assert (first.target_quote, first.result_quote) == (
        "一般公共预算收入确保1.2亿元",
        "全年一般公共预算收入1.25亿元",
    )
    assert (first.target_doc, first.result_doc, first.commitment) == ("a24", "a25", "确保")


def test_units_and_measures_must_agree():
    plan = report("p", "甲镇", 2023, 2024, [fact("plan", "固定资产投资", 10, "%", measure="growth")])
    review = report("r", "甲镇", 2024, 2025, [fact("review", "固定资产投资", 12e8, "元")])
    assert acc.table([plan, review])[0].verdict == acc.NOT_REPORTED


def test_cli_over_a_folder_of_reports_and_reader_json(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    for _name, path in demo_reports():
        (tmp_path / "sub" / path.name).write_bytes(path.read_bytes())
    evil = report("evil.json", '=HYPERLINK("http://x")', 2023, 2024, [fact("plan", "=1+1", 5, "个")])
    evil2 = report("evil2.json", '=HYPERLINK("http://x")', 2024, 2025, [fact("review", "=1+1", 6, "个")])
    (tmp_path / "evil.json").write_text(json.dumps(evil, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "evil2.json").write_text(json.dumps(evil2, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "table.csv"
    assert main(["accountability", str(tmp_path), "--out", str(out)]) == 0
    summary = capsys.readouterr().out
    assert "3 places, 3 report pairs" in summary, summary
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {r["place"] for r in rows} >= {"云溪镇", "白鹭街道"}
    fixed = [r for r in rows if "HYPERLINK" in r["place"]]
    assert fixed and fixed[0]["place"].startswith("'=") and fixed[0]["metric"] == "'=1+1"  # never a formula
    assert fixed[0]["verdict"] == "met"
    assert main(["accountability", str(tmp_path), "--out", str(tmp_path / "t.json")]) == 0
    assert json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))[0]["place"]
    assert main(["accountability", str(tmp_path / "missing"), "--out", str(out)]) == 2
    assert main(["accountability", str(tmp_path), "--out", str(tmp_path / "t.xlsx")]) == 2


@pytest.mark.django_db
def test_town_page_from_reports_and_records_and_its_scope(org, client_for):
    from luoshi.plans import demo as plans_demo
    from luoshi.reports import demo as reports_demo

    reports_demo.load(org)
    plans_demo.load(org)
    yunxi = org.towns[0]
    url = reverse("reports:accountability", args=[yunxi.pk])
    body = client_for("office").get(url).content.decode()
    assert 'data-testid="acc-reports-2024"' in body  # 2024 report's targets against the 2025 report
    assert "一般公共预算收入增长6%左右" in body and "同比增长6.8%" in body
    year = timezone.localdate().year
    assert f'data-testid="acc-records-{year}"' in body  # this year's plan against the records
    assert client_for("county").get(url).status_code == 200
    assert client_for("deputy").get(url).status_code == 200  # deputies read their town's accounts
    assert client_for("office_b").get(url).status_code == 404  # another town
    assert client_for("village").get(url).status_code == 403
    assert client_for("grid").get(url).status_code == 403
