"""Comparing reports (对比): the matching function, the page, its scope, its CSV and its English.

The three reports below are invented for these tests: 云溪镇 two years running, 白鹭街道 the second year.
"""

from __future__ import annotations

import csv
import io
import re
from types import SimpleNamespace

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from luoshi.reports import services
from luoshi.reports.compare import compare, filter_rows, metric_key, part_counts

YUNXI_2024 = """政府工作报告
——2024年1月9日在云溪镇第十八届人民代表大会第四次会议上
镇长 林晓

各位代表：
现在，我代表镇人民政府，向大会报告工作，请予审议。

一、2023年工作回顾
一年来，全镇上下齐心协力。全年完成一般公共预算收入1.2亿元，同比增长5%；完成固定资产投资总额8亿元，增长6.5%；农村居民人均可支配收入达到23000元，增长6%。新建高标准农田4000亩。

二、2024年工作安排
今年主要预期目标是：一般公共预算收入增长6%左右；固定资产投资增长8%；农村居民人均可支配收入增长7%。新建高标准农田约3000亩。
"""

YUNXI_2025 = """政府工作报告
——2025年1月8日在云溪镇第十八届人民代表大会第五次会议上
镇长 林晓

各位代表：
现在，我代表镇人民政府，向大会报告工作，请予审议。

一、2024年工作回顾
这一年，我们爬坡过坎、稳中求进。全年完成一般公共预算收入1.32亿元，同比增长10%；完成固定资产投资8.8亿元，增长10%；农村居民人均可支配收入达到24610元，增长7%。新建高标准农田5000亩。森林覆盖率达到61.5%。

二、2025年工作安排
今年主要预期目标是：一般公共预算收入增长6.5%；固定资产投资增长9%；农村居民人均可支配收入增长7%左右。新建高标准农田2000亩。
"""

BAILU_2025 = """政府工作报告
——2025年1月10日在白鹭街道第三届议政代表会议第二次会议上
街道办事处主任 周岚

各位代表：
现在，我代表街道办事处，向大会报告工作，请予审议。

一、2024年工作回顾
过去一年，街道经济平稳运行。全年完成一般公共预算收入2.05亿元，同比增长4.2%；完成固定资产投资12.4亿元，增长3%；城镇居民人均可支配收入达到51200元，增长5.1%。新增城镇就业1260人。

二、2025年工作安排
今年主要预期目标是：一般公共预算收入增长5%；固定资产投资增长6%；城镇居民人均可支配收入增长5.5%。新增城镇就业1300人以上。
"""


# --- the matching function ---------------------------------------------------------------------


def fact(metric, value, unit="元", *, part="review", measure="level", approx="", seq=None, quote=""):
    return {
        "part": part,
        "measure": measure,
        "metric": metric,
        "value": value,
        "unit": unit,
        "approx": approx,
        "seq": seq,
        "quote": quote or f"{metric}{value}{unit}",
    }


@pytest.mark.parametrize(
    ("metric", "key"),
    [
        (" 一般公共预算收入 ", "一般公共预算收入"),
        ("固定资产投资总额", "固定资产投资"),
        ("社会消费品零售总额", "社会消费品零售"),
        ("粮食总产量", "粮食总产量"),  # 产量, not 总量: kept
        ("新增就业总数", "新增就业"),
        ("全年新增市场主体", "新增市场主体"),
        ("一般公共预算收入（不含土地出让）", "一般公共预算收入"),
        ("“三资”清理、核查", "三资清理核查"),
        ("ＧＤＰ", "gdp"),
        ("总量", "总量"),
        ("全镇", "全镇"),
    ],
)
def test_metric_key_drops_spacing_punctuation_notes_and_common_affixes(metric, key):
    assert metric_key(metric) == key


def test_facts_match_by_metric_key_measure_and_part():
    rows = compare(
        [
            [fact("固定资产投资总额", 8e8), fact("固定资产投资总额", 6.5, "%", measure="growth")],
            [
                fact("固定资产投资", 8.8e8),
                fact("固定资产投资", 10, "%", measure="growth"),
                fact("固定资产投资", 9, "%", part="plan", measure="growth"),
            ],
        ]
    )
    assert [(r.part, r.measure, r.key) for r in rows] == [
        ("review", "level", "固定资产投资"),
        ("review", "growth", "固定资产投资"),
        ("plan", "growth", "固定资产投资"),
    ]
    level = rows[0]
    assert [c.value for c in level.cells] == [8e8, 8.8e8]
    assert level.metric == "固定资产投资总额" and level.spellings == ["固定资产投资总额", "固定资产投资"]
    assert rows[2].cells[0] is None and not rows[2].in_all


def test_a_metric_missing_from_a_report_still_has_its_row_with_an_empty_cell():
    rows = compare([[fact("森林覆盖率", 60, "%", measure="rate")], [], [fact("新增城镇就业", 1260, "人")]])
    assert len(rows) == 2
    assert [c is not None for c in rows[0].cells] == [True, False, False]
    assert [c is not None for c in rows[1].cells] == [False, False, True]
    assert rows[0].changes == [None, None]


def test_review_rows_come_before_plan_rows_and_a_metrics_measures_stay_together():
    rows = compare(
        [
            [
                fact("收入", 5, "%", part="plan", measure="growth"),
                fact("农田", 300, "亩", part="other"),
                fact("收入", 6, "%", measure="growth"),
                fact("投资", 2e8),
                fact("收入", 1e8),
            ]
        ]
    )
    assert [(r.part, r.key, r.measure) for r in rows] == [
        ("review", "收入", "level"),
        ("review", "收入", "growth"),
        ("review", "投资", "level"),
        ("plan", "收入", "growth"),
        ("other", "农田", "level"),
    ]


def test_change_is_absolute_and_relative_and_in_points_for_percentages():
    rows = compare(
        [
            [fact("农田", 4000, "亩"), fact("收入", 5, "%", measure="growth"), fact("人口", 0, "人")],
            [fact("农田", 5000, "亩"), fact("收入", 6.5, "%", measure="growth"), fact("人口", 10, "人")],
        ]
    )
    farmland, growth, people = rows
    assert farmland.changes[0].delta == 1000 and farmland.changes[0].pct == pytest.approx(25)
    assert growth.changes[0].points and growth.changes[0].delta == pytest.approx(1.5)
    assert growth.changes[0].pct is None
    assert people.changes[0].delta == 10 and people.changes[0].pct is None  # nothing to divide by


def test_no_change_is_given_when_units_differ_and_qualifiers_mark_it_approximate():
    rows = compare(
        [
            [
                fact("产量", 1.8, "万吨"),
                fact("农田", 3000, "亩", approx="约"),
                fact("收入", 23000, approx="达"),
            ],
            [fact("产量", 18000, "吨"), fact("农田", 2000, "亩"), fact("收入", 24610, approx="达")],
        ]
    )
    output, farmland, income = rows
    assert output.changes == [None]
    assert farmland.changes[0].approx and farmland.changes[0].delta == -1000
    assert not income.changes[0].approx  # 达 (reached) is not an approximation


def test_a_second_fact_with_the_same_key_is_counted_not_shown():
    rows = compare([[fact("新建农田", 100, "亩", seq=3), fact("新建农田", 40, "亩", seq=9)]])
    (row,) = rows
    assert row.cells[0].value == 100 and row.cells[0].seq == 3 and row.cells[0].more == 1


def test_fact_objects_work_as_well_as_dicts():
    obj = SimpleNamespace(
        part="review", measure="level", metric="收入", value=1e8, unit="元", approx=None, seq=1, quote="q"
    )
    rows = compare([[obj], [fact("收入", 1.1e8)]])
    assert rows[0].cells[0].fact is obj and rows[0].cells[0].approx == ""
    assert rows[0].changes[0].pct == pytest.approx(10)


def test_rows_filter_by_metric_text_measure_and_part():
    rows = compare(
        [
            [
                fact("固定资产投资总额", 8e8),
                fact("固定资产投资", 7, "%", measure="growth"),
                fact("森林覆盖率", 61, "%", measure="rate"),
                fact("固定资产投资", 9, "%", part="plan", measure="growth"),
            ]
        ]
    )
    assert len(filter_rows(rows, q="投资")) == 3
    assert len(filter_rows(rows, q="投资总额")) == 3  # matched through the key too
    assert [r.key for r in filter_rows(rows, q="森林")] == ["森林覆盖率"]
    assert [r.part for r in filter_rows(rows, measure="growth")] == ["review", "plan"]
    assert len(filter_rows(rows, q="投资", part="plan")) == 1
    assert filter_rows(rows, q="，") == []
    assert filter_rows(rows) == rows


def test_part_counts_count_each_part():
    facts = [fact("a", 1), fact("b", 1, part="plan"), fact("c", 1, part="plan"), fact("d", 1, part="?")]
    assert part_counts(facts) == {"review": 1, "plan": 2, "other": 1}


FACTS = st.builds(
    fact,
    metric=st.text(alphabet="收入投资总额全年（）() ，、农田", max_size=8),
    value=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
    unit=st.sampled_from(["元", "%", "亩", ""]),
    part=st.sampled_from(["review", "plan", "other"]),
    measure=st.sampled_from(["level", "growth", "rate"]),
)


@given(st.lists(st.lists(FACTS, max_size=8), min_size=1, max_size=4))
def test_every_fact_is_shown_once_or_counted_in_its_row(columns):
    """Each row has a cell per report and a change per neighbour pair; no fact is lost or shown twice."""
    rows = compare(columns)
    assert all(len(r.cells) == len(columns) and len(r.changes) == len(columns) - 1 for r in rows)
    for col, facts in enumerate(columns):
        shown = sum(1 + r.cells[col].more for r in rows if r.cells[col] is not None)
        assert shown == len(facts)
    keys = [(r.part, r.measure, r.key) for r in rows]
    assert len(keys) == len(set(keys))


# --- the page ----------------------------------------------------------------------------------


def store(org, text, town, user):
    parsed = services.read_source(source=text.encode("utf-8"), name="t.txt")
    report, _ = services.report_store(
        parsed=parsed, town=org.towns[town], uploaded_by=org.users[user], source_name="t.txt"
    )
    return report


@pytest.fixture
def reports(org):
    return SimpleNamespace(
        y24=store(org, YUNXI_2024, 0, "office"),
        y25=store(org, YUNXI_2025, 0, "office"),
        b25=store(org, BAILU_2025, 1, "office_b"),
    )


def url(*reports, **params):
    query = "&".join([*(f"ids={r if isinstance(r, str) else r.pk}" for r in reports)])
    extra = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{reverse('reports:compare')}?{query}{'&' + extra if extra else ''}"


def rows_of(body: str) -> dict[str, str]:
    """data-key/part/measure → the row's HTML."""
    found = re.findall(
        r'<tr data-key="([^"]*)" data-part="(\w+)" data-measure="(\w+)">(.*?)</tr>', body, re.S
    )
    return {f"{part}/{measure}/{key}": html for key, part, measure, html in found}


def test_office_compares_two_years_of_its_town_oldest_first(reports, client_for):
    r = client_for("office").get(url(reports.y25, reports.y24))
    assert r.status_code == 200
    body = r.content.decode()
    head = body[body.index('data-testid="compare-table"') :]
    head = head[: head.index("</thead>")]
    assert head.index(f'href="/reports/{reports.y24.pk}/"') < head.index(f'href="/reports/{reports.y25.pk}/"')
    rows = rows_of(body)
    invest = rows["review/level/固定资产投资"]  # 固定资产投资总额 (2024) and 固定资产投资 (2025)
    assert invest.index("8亿元") < invest.index("8.8亿元")
    assert "+8,000万元" in invest and "(+10.0%)" in invest
    fact = reports.y25.facts.get(part="review", measure="level", metric="固定资产投资")
    assert f'href="/reports/{reports.y25.pk}/#f-{fact.seq}" title="{fact.quote}"' in invest
    assert "+5 个百分点" in rows["review/growth/一般公共预算收入"]
    forest = rows["review/rate/森林覆盖率"]
    assert "—" in forest and "达61.5%" in forest
    assert "≈" in rows["plan/level/新建高标准农田"] and "约3,000亩" in rows["plan/level/新建高标准农田"]
    assert body.index("回顾 · 实绩") < body.index("安排 · 目标")
    keys = list(rows)
    assert max(i for i, k in enumerate(keys) if k.startswith("review")) < min(
        i for i, k in enumerate(keys) if k.startswith("plan")
    )


def test_summary_gives_town_years_and_fact_counts_by_part(reports, client_for):
    body = client_for("office").get(url(reports.y24, reports.y25)).content.decode()
    summary = body[body.index('data-testid="compare-summary"') :]
    summary = summary[: summary.index("</table>")]
    counts = {p: reports.y25.facts.filter(part=p).count() for p in ("review", "plan", "other")}
    cells = "".join(f'<td class="num">{counts[p]}</td>' for p in ("review", "plan", "other"))
    assert cells + f'<td class="num">{reports.y25.facts.count()}</td>' in summary
    assert summary.count("云溪镇") >= 2 and "<td>2024</td><td>2025</td>" in summary


def test_county_compares_two_towns_of_the_same_year(reports, client_for):
    body = client_for("county").get(url(reports.b25, reports.y25)).content.decode()
    rows = rows_of(body)
    income = rows["review/level/一般公共预算收入"]
    assert income.index("1.32亿元") < income.index("2.05亿元")  # same year: by town code
    assert "—" in rows["review/level/新增城镇就业"] and "1,260人" in rows["review/level/新增城镇就业"]
    assert "1,300人以上" in rows["plan/level/新增城镇就业"]


def test_deputies_may_compare_and_grid_workers_may_not(reports, client_for):
    assert client_for("deputy").get(url(reports.y24, reports.y25)).status_code == 200
    assert client_for("grid").get(url(reports.y24, reports.y25)).status_code == 403


def test_a_report_of_another_town_does_not_exist_for_the_comparison(reports, client_for):
    c = client_for("office_b")
    assert c.get(url(reports.y24, reports.y25)).status_code == 404
    assert c.get(url(reports.b25, reports.y25)).status_code == 404
    assert c.get(url(reports.b25, reports.y25, format="csv")).status_code == 404
    assert c.get(url(reports.b25, "999999")).status_code == 404


def test_fewer_than_two_reports_give_a_message_not_an_error(reports, client_for):
    c = client_for("office")
    for address in (url(), url(reports.y24), url(reports.y24, reports.y24)):
        r = c.get(address)
        assert r.status_code == 200
        assert "请至少选择两份报告进行对比" in r.content.decode()
        assert 'data-testid="compare-table"' not in r.content.decode()


def test_bad_ids_and_too_many_reports_are_refused_with_a_message(reports, client_for):
    c = client_for("office")
    r = c.get(url(reports.y24, "abc"))
    assert r.status_code == 400 and "“abc”不是有效的报告编号" in r.content.decode()
    assert c.get(url(reports.y24, "1e3")).status_code == 400
    assert c.get(url(reports.y24, reports.y25, format="csv") + "&ids=x").status_code == 400
    r = c.get(url(*[str(i) for i in range(1, 8)]))
    assert r.status_code == 400 and "一次最多对比 6 份报告，您选择了 7 份" in r.content.decode()


def test_comma_separated_ids_work_too(reports, client_for):
    r = client_for("office").get(f"{reverse('reports:compare')}?ids={reports.y24.pk},{reports.y25.pk}")
    assert r.status_code == 200 and 'data-testid="compare-table"' in r.content.decode()


def test_rows_filter_by_metric_part_and_measure(reports, client_for):
    c = client_for("office")
    pair = (reports.y24, reports.y25)
    found = rows_of(c.get(url(*pair, q="投资")).content.decode())
    assert found and all("投资" in k for k in found)
    growth = rows_of(c.get(url(*pair, measure="growth")).content.decode())
    assert growth and all("/growth/" in k for k in growth)
    plan = rows_of(c.get(url(*pair, part="plan", measure="level")).content.decode())
    assert list(plan) == ["plan/level/新建高标准农田"]
    nothing = c.get(url(*pair, q="不存在的指标")).content.decode()
    assert 'data-testid="no-rows"' in nothing


def test_csv_export_has_a_column_per_report_and_the_changes(reports, client_for):
    r = client_for("office").get(url(reports.y25, reports.y24, format="csv", measure="level"))
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    assert r.content.startswith(b"\xef\xbb\xbf")
    a, b = reports.y24.pk, reports.y25.pk
    assert f'filename="compare-{b}-{a}.csv"' in r["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert all(row["measure"] == "level" for row in rows)
    invest = next(row for row in rows if row["key"] == "固定资产投资" and row["part"] == "review")
    assert invest["metric"] == "固定资产投资总额 / 固定资产投资"
    assert (invest[f"r{a}_value"], invest[f"r{b}_value"]) == ("800000000", "880000000")
    assert invest[f"change_r{a}_r{b}"] == "80000000" and invest[f"change_r{a}_r{b}_pct"] == "10"
    assert "8.8亿元" in invest[f"r{b}_quote"]
    farmland = next(row for row in rows if row["key"] == "新建高标准农田" and row["part"] == "plan")
    assert farmland[f"r{a}_approx"] == "约" and farmland[f"change_r{a}_r{b}_pct"] == "-33.33"


def test_csv_export_refuses_a_single_report(reports, client_for):
    r = client_for("office").get(url(reports.y24, format="csv"))
    assert r.status_code == 400 and "请至少选择两份报告" in r.content.decode()


def test_list_has_a_check_box_per_report_and_a_compare_button(reports, client_for):
    body = client_for("county").get(reverse("reports:list")).content.decode()
    assert f'action="{reverse("reports:compare")}"' in body and 'data-testid="compare"' in body
    for report in (reports.y24, reports.y25, reports.b25):
        assert f'name="ids" value="{report.pk}" form="compare-form"' in body


def test_viewer_links_to_the_previous_year_when_there_is_one(reports, client_for):
    c = client_for("deputy")
    body = c.get(reverse("reports:detail", args=[reports.y25.pk])).content.decode()
    assert f'href="/reports/compare/?ids={reports.y24.pk}&amp;ids={reports.y25.pk}"' in body
    assert "与上一年对比" in body
    first = c.get(reverse("reports:detail", args=[reports.y24.pk])).content.decode()
    assert 'data-testid="compare-previous"' not in first
    other_town = client_for("county").get(reverse("reports:detail", args=[reports.b25.pk])).content.decode()
    assert 'data-testid="compare-previous"' not in other_town


def test_comparison_page_in_english(reports, client_for):
    from django.utils.translation import trans_real

    from luoshi.lib.i18n import compile_catalogues

    if compile_catalogues():  # the .mo is build output: bring it up to date with the .po
        trans_real._translations = {}
        trans_real._default = None
    c = client_for("office")
    assert c.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    body = c.get(url(reports.y24, reports.y25)).content.decode()
    for english in ("Compare reports", "Review · results", "Plan · targets", ">Change<", "Export CSV"):
        assert english in body
    assert "percentage points" in body or " pp" in body
    for chinese in ("对比报告", "回顾 · 实绩", "安排 · 目标", "个百分点", "显示"):
        assert chinese not in body
    bad = c.get(url(reports.y24)).content.decode()
    assert "Choose at least two reports to compare." in bad


# --- in a real browser -------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_office_ticks_two_reports_and_sees_them_side_by_side(page, live_server, reports):
    from playwright.sync_api import expect

    from luoshi.org.testing import browser_login

    browser_login(page, live_server, "office")
    page.goto(f"{live_server.url}{reverse('reports:list')}")
    page.check(f'input[name=ids][value="{reports.y25.pk}"]')
    page.check(f'input[name=ids][value="{reports.y24.pk}"]')
    page.screenshot(path="/tmp/compare-list.png", full_page=False)
    page.click("[data-testid=compare]")
    page.wait_for_url(re.compile(r"/reports/compare/\?ids=\d+&ids=\d+$"))
    table = page.locator("[data-testid=compare-table]")
    expect(table).to_be_visible()
    invest = table.locator('tr[data-key="固定资产投资"][data-part="review"][data-measure="level"]')
    assert "8亿元" in invest.inner_text() and "+8,000万元" in invest.inner_text()
    page.screenshot(path="/tmp/compare.png", full_page=True)
    page.emulate_media(media="print")  # printed: no filters, no site header, the whole table
    expect(page.locator("[data-testid=compare-filters]")).to_be_hidden()
    expect(table).to_be_visible()
    page.screenshot(path="/tmp/compare-print.png", full_page=True)
    page.emulate_media(media="screen")

    invest.locator("[data-testid=cell]").last.click()
    page.wait_for_url(re.compile(rf"/reports/{reports.y25.pk}/#f-\d+$"))
    expect(page.locator("#report-text mark.fact.flash").first).to_be_in_viewport()
    assert page.locator("table.facts tr.selected").count() == 1
