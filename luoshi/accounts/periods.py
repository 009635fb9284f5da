"""Statistical periods (统计期): a year, a quarter or a month, written ``2026``, ``2026-Q1``, ``2026-03``.

Pure (no Django). Statistics are usually reported cumulatively (1–N月累计): a cumulative value for
``2026-03`` covers January to March. ``parse`` also reads the ways sheets and people write periods
(``2026年3月``, ``2026年1-3月``, ``2026年第一季度``, ``2026年``, an Excel date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

YEAR, QUARTER, MONTH = "year", "quarter", "month"
# How fine each kind is: a monthly indicator may also carry quarterly and annual values, not the reverse.
FINENESS = {YEAR: 0, QUARTER: 1, MONTH: 2}
_QUARTER_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class PeriodError(ValueError):
    pass


@dataclass(frozen=True, order=True)
class Period:
    year: int
    kind: str
    n: int = 0  # quarter 1–4 or month 1–12; 0 for a year

    @property
    def key(self) -> str:
        if self.kind == YEAR:
            return f"{self.year}"
        if self.kind == QUARTER:
            return f"{self.year}-Q{self.n}"
        return f"{self.year}-{self.n:02d}"

    @property
    def last_month(self) -> int:
        """The last month the period reaches (12 for a year, 3·n for a quarter)."""
        return {YEAR: 12, QUARTER: 3 * self.n, MONTH: self.n}[self.kind]

    @property
    def first_month(self) -> int:
        return {YEAR: 1, QUARTER: 3 * self.n - 2, MONTH: self.n}[self.kind]

    def start(self, cumulative: bool = False) -> dt.date:
        return dt.date(self.year, 1 if cumulative else self.first_month, 1)

    def end(self) -> dt.date:
        """The first day after the period."""
        m = self.last_month
        return dt.date(self.year + 1, 1, 1) if m == 12 else dt.date(self.year, m + 1, 1)

    def elapsed_share(self) -> float:
        """Share of the year the period reaches (序时进度 of a cumulative value for it)."""
        return self.last_month / 12

    def label(self, cumulative: bool = False) -> str:
        if self.kind == YEAR:
            return f"{self.year}年"
        if self.kind == QUARTER:
            return f"{self.year}年1-{self.last_month}月" if cumulative else f"{self.year}年第{self.n}季度"
        if cumulative and self.n > 1:
            return f"{self.year}年1-{self.n}月"
        return f"{self.year}年{self.n}月"

    def display(self, cumulative: bool = False, language: str = "zh-hans") -> str:
        """The label shown to people reading ``language``: ``label`` in Chinese, else English
        (``2026``, ``Q3 2026``, ``Jan–Sep 2026``, ``Sep 2026``). ``label`` stays the report writer's text."""
        if not language.lower().startswith("en"):
            return self.label(cumulative)
        if self.kind == YEAR:
            return f"{self.year}"
        if self.kind == QUARTER and not cumulative:
            return f"Q{self.n} {self.year}"
        last = _MONTHS_EN[self.last_month - 1]
        if cumulative and self.last_month > 1:
            return f"Jan–{last} {self.year}"
        return f"{last} {self.year}"

    def __str__(self) -> str:
        return self.key


def _check_year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise PeriodError(f"year {year} out of range")
    return year


def parse(value) -> Period:
    """A Period from its key, common Chinese spellings or an Excel date (a date means its month)."""
    if isinstance(value, dt.datetime | dt.date):
        return Period(_check_year(value.year), MONTH, value.month)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = re.sub(r"\s", "", str(value or "")).replace("－", "-").replace("—", "-").replace("~", "-")
    if not text:
        raise PeriodError("empty period")
    if m := re.fullmatch(r"(\d{4})(?:年(?:度|全年)?)?", text):
        return Period(_check_year(int(m[1])), YEAR)
    if m := re.fullmatch(r"(\d{4})[-/.]?[Qq]([1-4])", text):
        return Period(_check_year(int(m[1])), QUARTER, int(m[2]))
    if m := re.fullmatch(r"(\d{4})年?第?([一二三四1-4])季度?", text):
        return Period(_check_year(int(m[1])), QUARTER, _QUARTER_WORDS[m[2]])
    if m := re.fullmatch(r"(\d{4})[-/.年](?:1-)?(\d{1,2})月?(?:份)?(?:累计)?", text):
        month = int(m[2])
        if not 1 <= month <= 12:
            raise PeriodError(f"month {month} out of range")
        return Period(_check_year(int(m[1])), MONTH, month)
    raise PeriodError(f"unreadable period {text!r}")


def accepts(indicator_kind: str, period: Period) -> bool:
    """Whether an indicator reported per ``indicator_kind`` can carry a value for ``period``."""
    return FINENESS[period.kind] <= FINENESS[indicator_kind]
