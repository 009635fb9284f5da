"""The dashboard keeps its computed parts (totals, warnings, nowcast) and their rendered rows in the
process, under keys carrying their version: the figures shown must be those a cold computation
shows, must follow every write at once, and must never cross audiences or languages."""

from __future__ import annotations

import html
import re

import pytest
from django.core.cache import cache

from luoshi.economy import imports, memo, services
from luoshi.economy import warnings as rules
from luoshi.economy.models import METRIC_FIELDS, EnterpriseCase, Feed, MonthlyReturn
from luoshi.economy.tests.conftest import report_stats

TABLES = ("summary", "county", "nowcast-table", "warnings")


def _figures(body: str) -> dict[str, str]:
    """Each figure-bearing block of the page as plain text (tags and the CSRF token left out)."""
    out = {}
    for testid in (*TABLES, "nowcast-words"):
        m = re.search(rf'data-testid="{testid}"(.*?)</(table|p)>', body, re.S)
        if m:
            text = re.sub(r"<[^>]+>", " ", m[1])
            out[testid] = " ".join(html.unescape(text).split())
    return out


def _cold():
    cache.clear()
    memo.clear()


@pytest.fixture
def both(econ, nc):
    """云溪镇: three steady enterprises (all reported) and seven of the nowcast fixture (four of them
    without last month's output); 白鹭街道: one steady and three to estimate."""
    return econ, nc


def _row(body: str, town_name: str) -> str:
    county = re.search(r'data-testid="county"(.*?)</table>', body, re.S)[1]
    return re.search(rf">{town_name}</a>(.*?)</tr>", county, re.S)[1]


def _output_cell(row: str) -> str:
    """The 工业总产值 cell of a county-table row (the columns follow ``METRICS``)."""
    return re.findall(r"<td>(.*?)</td>", row, re.S)[METRIC_FIELDS.index("output")]


def _cumulative_output(town, last_month) -> float:
    """Σ output of the town's returns this year up to last month, straight from the rows."""
    return sum(
        r.output or 0
        for r in MonthlyReturn.objects.filter(town=town, month__year=last_month.year, month__lte=last_month)
    )


@pytest.mark.parametrize("persona", ["county", "leader", "jingfa", "office"])
def test_a_warm_page_shows_the_figures_of_a_cold_one(both, org, client_for, persona, last_month):
    c = client_for(persona)
    url = f"/economy/?town={org.towns[0].pk}&month={last_month:%Y-%m}"
    _cold()
    cold = _figures(c.get(url).content.decode())
    assert "summary" in cold and "nowcast-table" in cold
    for _ in range(2):
        assert _figures(c.get(url).content.decode()) == cold
    _cold()
    assert _figures(c.get(url).content.decode()) == cold


def test_the_county_table_and_the_summary_follow_an_import_at_once(both, org, client_for, last_month):
    """Shown on the month before last (complete in both towns: last month still lacks four of 云溪镇's
    outputs, so its 1–N月 figures stop at the month before, see test_completeness.py)."""
    econ, _nc = both
    yunxi = org.towns[0]
    c = client_for("county")
    month = rules.add_months(last_month, -1)
    url = f"/economy/?month={month:%Y-%m}"
    before = _cumulative_output(yunxi, month)
    body = c.get(url).content.decode()
    assert f"{before:,.0f}" in _row(body, yunxi.name)
    c.get(url)  # warm
    report_stats(org, yunxi, econ[0], month, output=1300)
    after = _cumulative_output(yunxi, month)
    assert after == pytest.approx(before + 300)
    body = c.get(url).content.decode()
    cell = _output_cell(_row(body, yunxi.name))
    assert f"{after:,.0f}" in cell and f"{before:,.0f}" not in cell
    # the other town's row is untouched
    bailu = org.towns[1]
    assert f"{_cumulative_output(bailu, month):,.0f}" in _output_cell(_row(body, bailu.name))
    # last month's page counts the same months, and says so
    body = c.get(f"/economy/?month={last_month:%Y-%m}").content.decode()
    if month.year == last_month.year:
        cell = _output_cell(_row(body, yunxi.name))
        assert f"{after:,.0f}" in cell and f"1-{month.month}月" in cell


def test_the_nowcast_block_follows_a_new_return(both, org, client_for, last_month):
    _econ, nc = both
    yunxi = org.towns[0]
    c = client_for("leader")
    url = f"/economy/?town={yunxi.pk}&month={last_month:%Y-%m}"
    words = _figures(c.get(url).content.decode())["nowcast-words"]
    assert "已报送6家" in words  # econ's three and the nowcast fixture's three
    report_stats(org, yunxi, nc[0], last_month, output=777)
    words = _figures(c.get(url).content.decode())["nowcast-words"]
    assert "已报送7家" in words and "按用电估算2家" in words


def test_the_readers_block_is_not_the_desks(both, org, client_for, last_month):
    """The desk sees one firm's kWh; the town office, asking right after, must not get the desk's
    rendering from the cache."""
    yunxi = org.towns[0]
    url = f"/economy/?town={yunxi.pk}&month={last_month:%Y-%m}"
    noisy = MonthlyReturn.objects.get(enterprise=both[1][3], month=last_month)
    one_firm = f"用电{noisy.kwh / 10000:,.1f}万千瓦时"
    assert one_firm in client_for("leader").get(url).content.decode()
    office = client_for("office").get(url).content.decode()
    assert one_firm not in office and 'data-testid="nowcast-detail"' not in office
    assert 'data-testid="warnings"' not in office and both[0][0].name not in office


def test_warning_rows_follow_a_task_and_the_language(both, org, client_for, last_month):
    econ, _nc = both
    yunxi = org.towns[0]
    c = client_for("jingfa")
    url = f"/economy/?town={yunxi.pk}"
    assert "没有预警。" in c.get(url).content.decode()
    feed = services.feed_create(
        by=org.users["unit_jfb"],
        town=yunxi,
        name="电",
        source="grid",
        layout=Feed.Layout.ROWS,
        key="credit_code",
    )
    imports.commit(
        [imports.Row(econ[0].pk, last_month, {"kwh": 100_000}, "2")],
        town=yunxi,
        feed=feed,
        by=org.users["unit_jfb"],
        mapping={},
    )
    body = c.get(url).content.decode()
    value = f"{rules.KWH_DROP}|{last_month:%Y-%m}"
    assert f'value="{value}"' in body and 'form="warning-task"' in body
    english = c.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Make a task" in english
    assert "转为任务" in c.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    # the button posts the page's one form (with its CSRF token) to the enterprise's task URL
    c.handler.enforce_csrf_checks = True
    token = re.search(r'id="warning-task".*?name="csrfmiddlewaretoken" value="([^"]+)"', body, re.S)[1]
    action = re.search(rf'formaction="([^"]+)" name="warning" value="{re.escape(value)}"', body)[1]
    resp = c.post(action, {"csrfmiddlewaretoken": token, "next": "dashboard", "warning": value})
    assert resp.status_code == 302 and resp["Location"].startswith("/economy/?town=")
    link = EnterpriseCase.objects.get(enterprise=econ[0], warning_kind=rules.KWH_DROP)
    assert link.warning_month == last_month
    body = c.get(url).content.decode()
    assert link.case.number in body and f'value="{value}"' not in body


def test_the_kept_objects_follow_a_cleared_cache_and_stay_bounded(monkeypatch):
    calls = []

    def compute():
        calls.append(1)
        return {"n": len(calls)}

    first = memo.get_or_compute("economy:test:x", compute)
    assert memo.get_or_compute("economy:test:x", compute) is first and len(calls) == 1
    cache.clear()  # the token goes: the kept object is not used again
    assert memo.get_or_compute("economy:test:x", compute) == {"n": 2}
    monkeypatch.setattr(memo, "SIZE", 5)
    for i in range(20):
        memo.set_many({f"economy:test:{i}": i})
    assert len(memo._table) <= 5
    # another process sharing the cache finds the value there, not in its own table
    memo.clear()
    assert memo.get_many(["economy:test:19"]) == {"economy:test:19": 19}
