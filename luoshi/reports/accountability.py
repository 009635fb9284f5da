"""The accountability table (兑现表): year t's promised targets against the results reported for year t.

Pure: no Django. Input is what the report reader gives (``ParsedReport.to_dict()``: ``doc``, ``meta``,
``facts``), so it runs over a folder of reports of many places and years (``luoshi accountability``)
as well as over a town's stored reports; the town page adds the same rows from Luoshi's records
through :func:`judge`.

Pairing: for each place (``meta.jurisdiction``, else the document name), the report whose plan
year is t is paired with the report whose review year is t. Each target fact of the first (part
plan, kind target, year t) is matched with a result fact of the second (part review, kind actual,
year t): same measure (总量 / 增速 / 比率), same unit, and the same metric after
``compare.metric_key`` — or, failing that, one metric key containing the other (at least four
characters). Nothing else is guessed.

Verdict (:func:`judge`):

* ``met`` 已兑现 — the result reaches the target; for 左右 (about) 95 % of it is enough; for a ceiling
  (以内 / 以下 / 不超过 / 不高于, or 控制在 before the number) and for a decrease (下降, a negative growth
  target) the result must not exceed it;
* ``not_met`` 未兑现 — a matched result that does not;
* ``not_reported`` 未报告 — no matching result in the next year's report.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from luoshi.reports.compare import metric_key

MET, NOT_MET, NOT_REPORTED = "met", "not_met", "not_reported"
VERDICTS = (MET, NOT_MET, NOT_REPORTED)
CEILINGS = ("以内", "以下", "不超过", "不高于", "之内")
ABOUT = "左右"
ABOUT_SHARE = 0.95
MIN_CONTAINED = 4
_CAP_RE = re.compile(r"控制在|不超过|不高于")

COLUMNS = [
    "place",
    "year",
    "metric",
    "measure",
    "target",
    "unit",
    "approx",
    "commitment",
    "target_quote",
    "target_doc",
    "result",
    "result_quote",
    "result_doc",
    "verdict",
]


@dataclass
class Row:
    place: str
    year: int
    metric: str
    measure: str
    target: float
    unit: str
    approx: str
    commitment: str
    target_quote: str
    target_doc: str
    result: float | None
    result_quote: str
    result_doc: str
    verdict: str

    def to_dict(self) -> dict:
        return asdict(self)


def _g(obj: Any, name: str, default: Any = None) -> Any:
    value = obj.get(name) if type(obj) is dict else getattr(obj, name, None)
    return default if value is None else value


def is_ceiling(approx: str, quote: str = "") -> bool:
    """A target that must not be exceeded: 控制在3.5%以内, 不超过…"""
    return approx in CEILINGS or bool(_CAP_RE.search(quote or ""))


def judge(
    target: float, result: float | None, *, measure: str = "level", approx: str = "", ceiling: bool = False
) -> str:
    """met / not_met / not_reported for one target and its result (both in the same unit)."""
    if result is None:
        return NOT_REPORTED
    lower_is_better = ceiling or approx in CEILINGS or (measure == "growth" and target < 0)
    if lower_is_better:
        return MET if result <= target else NOT_MET
    if approx == ABOUT and target > 0:
        return MET if result >= ABOUT_SHARE * target else NOT_MET
    return MET if result >= target else NOT_MET


def _targets(report: dict, year: int) -> list:
    return [
        f
        for f in _g(report, "facts", [])
        if _g(f, "part") == "plan" and _g(f, "kind") == "target" and _g(f, "year") == year
    ]


def _results(report: dict, year: int) -> list:
    return [
        f
        for f in _g(report, "facts", [])
        if _g(f, "part") == "review" and _g(f, "kind") == "actual" and _g(f, "year") == year
    ]


_key = functools.lru_cache(maxsize=1 << 16)(metric_key)  # metrics repeat across places and years


def _index(results: list) -> dict[tuple, list[tuple[str, Any]]]:
    """(measure, unit) → [(metric key, result)] in the report's order: each result's key is computed
    once per pair, and a target looks only at results of its own measure and unit."""
    out: dict[tuple, list[tuple[str, Any]]] = {}
    for r in results:
        out.setdefault((_g(r, "measure"), _g(r, "unit", "")), []).append((_key(_g(r, "metric", "")), r))
    return out


def _find(target, index: dict[tuple, list[tuple[str, Any]]]) -> Any:
    key = _key(_g(target, "metric", ""))
    same = index.get((_g(target, "measure"), _g(target, "unit", "")), ())
    for k, r in same:
        if k == key:
            return r
    if len(key) >= MIN_CONTAINED:
        for k, r in same:
            if len(k) >= MIN_CONTAINED and (key in k or k in key):
                return r
    return None


def pair(place: str, plan_report: dict, result_report: dict | None, year: int) -> list[Row]:
    """Rows for one place and year: every target of ``plan_report`` against ``result_report``."""
    results = _results(result_report, year) if result_report is not None else []
    index = _index(results)
    rows = []
    plan_doc = _g(plan_report, "doc", "") or ""
    result_doc = (_g(result_report, "doc", "") or "") if result_report is not None else ""
    for t in _targets(plan_report, year):
        r = _find(t, index) if index else None
        target = float(_g(t, "value"))
        value = float(_g(r, "value")) if r is not None else None
        measure, approx, quote = _g(t, "measure", "level"), _g(t, "approx", ""), _g(t, "quote", "")
        rows.append(
            Row(
                place=place,
                year=year,
                metric=_g(t, "metric", ""),
                measure=measure,
                target=target,
                unit=_g(t, "unit", ""),
                approx=approx,
                commitment=_g(t, "commitment", ""),
                target_quote=quote,
                target_doc=plan_doc,
                result=value,
                result_quote=_g(r, "quote", "") if r is not None else "",
                result_doc=result_doc if r is not None else "",
                verdict=judge(
                    target, value, measure=measure, approx=approx, ceiling=is_ceiling(approx, quote)
                ),
            )
        )
    return rows


def place_of(report: dict) -> str:
    meta = _g(report, "meta", {})
    return _g(meta, "jurisdiction", "") or _g(report, "doc", "") or "?"


def pairs(reports: Iterable[dict]) -> list[tuple[str, int, dict, dict]]:
    """(place, year, the report planning that year, the report reviewing it), by place then year.
    A place's plan year without a later report reviewing it has no pair."""
    by_place: dict[str, dict[str, dict[int, dict]]] = {}
    for rep in sorted(reports, key=lambda r: str(_g(r, "doc", ""))):
        meta = _g(rep, "meta", {})
        slot = by_place.setdefault(place_of(rep), {"plan": {}, "review": {}})
        if _g(meta, "plan_year"):
            slot["plan"].setdefault(int(_g(meta, "plan_year")), rep)
        if _g(meta, "review_year"):
            slot["review"].setdefault(int(_g(meta, "review_year")), rep)
    out = []
    for place in sorted(by_place):
        slot = by_place[place]
        for year in sorted(slot["plan"]):
            if year in slot["review"]:
                out.append((place, year, slot["plan"][year], slot["review"][year]))
    return out


def table(reports: Iterable[dict]) -> list[Row]:
    """The accountability rows of every place and year that have both reports."""
    rows: list[Row] = []
    for place, year, planned, reviewed in pairs(reports):
        rows.extend(pair(place, planned, reviewed, year))
    return rows


def summary(rows: list[Row]) -> dict[str, int]:
    counts = dict.fromkeys(VERDICTS, 0)
    for row in rows:
        counts[row.verdict] += 1
    return counts
