"""Read the State Council's yearly holiday notice (国务院办公厅关于某年部分节假日安排的通知) into days.

The notice lists each holiday on one numbered line, e.g.

    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。

The sentence with 放假 gives a range of days off (``M月D日`` to ``[M月]D日``, or one day); the sentence
with 上班 lists make-up working days (调休). Brackets carry the weekday (checked against the date,
which catches a notice pasted under the wrong year) and lunar notes (ignored); ``共N天`` / ``放假N天``
is checked against the range. Lines that are neither numbered items nor carry a date with 放假/上班
(the title, the preamble, the closing paragraph) are skipped; an item line that cannot be read is
reported with its number and the reason, so the admin can correct the text before saving anything.

Pure: no database, no settings. Reasons are gettext msgids (``gettext_noop``) with parameters,
translated by the page that shows them.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop as N_

WEEKDAYS = "一二三四五六日"
_ITEM = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
_DATE = re.compile(r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})日\s*(?:\((?P<note>[^()]*)\))?")
_WEEKDAY = re.compile(r"(?:周|星期)([一二三四五六日天])")
_COUNT = re.compile(r"(?:共|放假)(\d{1,2})天")
_TITLE_YEAR = re.compile(r"关于(\d{4})年(?:部分)?节假日安排")
_NAME = re.compile(r"^(?:[一二三四五六七八九十]+[、.．])?(?P<name>[^:\d]{1,20}):")


@dataclass(frozen=True)
class NoticeDay:
    date: dt.date
    is_workday: bool  # True: a make-up working day (上班); False: a day off (放假)
    name: str  # the holiday the line is about (元旦, 春节 …)
    line: int


@dataclass(frozen=True)
class LineError:
    line: int
    text: str
    reason: str  # a msgid; format with ``params`` after translating
    params: dict = field(default_factory=dict)


@dataclass
class Notice:
    year: int
    days: list[NoticeDay] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)

    @property
    def holidays(self) -> list[NoticeDay]:
        return [d for d in self.days if not d.is_workday]

    @property
    def workdays(self) -> list[NoticeDay]:
        return [d for d in self.days if d.is_workday]


class _LineProblem(Exception):
    def __init__(self, reason: str, **params):
        super().__init__(reason)
        self.reason = reason
        self.params = params


def _normalise(line: str) -> str:
    # NFKC turns full-width brackets, colons and digits into ASCII; spaces inside a line carry nothing.
    text = unicodedata.normalize("NFKC", line)
    text = text.replace("〔", "(").replace("〕", ")").replace("【", "(").replace("】", ")")
    return re.sub(r"\s+", "", text)


def _date(match: re.Match, year: int, month: int | None) -> tuple[dt.date, int, int | None]:
    """The date of a ``[Y年][M月]D日(…)`` match, its month, and the weekday its bracket states."""
    y = int(match["y"]) if match["y"] else year
    m = int(match["m"]) if match["m"] else month
    if m is None:
        raise _LineProblem(N_("“%(text)s”缺少月份。"), text=match.group(0))
    try:
        day = dt.date(y, m, int(match["d"]))
    except ValueError:
        raise _LineProblem(N_("“%(text)s”不是有效日期。"), text=match.group(0)) from None
    weekday = _WEEKDAY.search(match["note"] or "")
    return day, m, (WEEKDAYS.index(weekday[1].replace("天", "日")) if weekday else None)


def _check_weekday(day: dt.date, stated: int | None) -> dt.date:
    if stated is not None and stated != day.weekday():
        raise _LineProblem(
            N_("%(date)s 是星期%(actual)s，通知写的是星期%(stated)s：年份是否选错了？"),
            date=day.isoformat(),
            actual=WEEKDAYS[day.weekday()],
            stated=WEEKDAYS[stated],
        )
    return day


def _holiday_range(part: str, year: int) -> list[dt.date]:
    """The days off of the text before 放假: one date, or ``A至B`` (B may omit its month and year)."""
    first, sep, rest = part.partition("至")
    start_m = _DATE.search(first)
    if start_m is None:
        raise _LineProblem(N_("没有找到放假日期。"))
    start, month, start_wd = _date(start_m, year, None)
    if not sep:
        return [_check_weekday(start, start_wd)]
    end_m = _DATE.search(rest)
    if end_m is None:
        raise _LineProblem(N_("“至”后面没有日期。"))
    end, _month, end_wd = _date(end_m, start.year, month)
    if end < start and not end_m["y"] and not start_m["y"] and end_m["m"]:
        # 元旦 ranges such as "12月31日至1月2日": the start belongs to the year before.
        start = start.replace(year=start.year - 1)
    _check_weekday(start, start_wd)
    _check_weekday(end, end_wd)
    if end < start:
        raise _LineProblem(
            N_("结束日期 %(end)s 早于开始日期 %(start)s。"), start=start.isoformat(), end=end.isoformat()
        )
    if (end - start).days > 30:
        raise _LineProblem(N_("放假区间超过 30 天，请检查日期。"))
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def _check_count(clause: str, off: list[dt.date]) -> None:
    count = _COUNT.search(clause)
    if count and int(count[1]) != len(off):
        raise _LineProblem(
            N_("写明共 %(stated)s 天，日期区间却是 %(counted)s 天。"), stated=count[1], counted=len(off)
        )


def _parse_item(text: str, year: int, line: int) -> list[NoticeDay]:
    """Clause by clause: ``…放假…`` gives days off, ``…上班`` make-up days, ``共N天`` checks the last range."""
    name_m = _NAME.match(text)
    name = name_m["name"] if name_m else ""
    body = text[name_m.end() :] if name_m else text
    days: list[NoticeDay] = []
    off: list[dt.date] = []
    for clause in re.split(r"[。;,]", body):
        if "放假" in clause:
            off = _holiday_range(clause.split("放假", 1)[0], year)
            _check_count(clause, off)
            days += [NoticeDay(d, False, name, line) for d in off]
        elif "上班" in clause:
            found = list(_DATE.finditer(clause.split("上班", 1)[0]))
            if not found:
                raise _LineProblem(N_("“上班”前面没有日期。"))
            month = None
            for m in found:
                day, month, stated = _date(m, year, month)
                days.append(NoticeDay(_check_weekday(day, stated), True, name, line))
        elif _COUNT.search(clause):
            if not off:
                raise _LineProblem(N_("“%(text)s”前面没有放假日期。"), text=clause)
            _check_count(clause, off)
        elif _DATE.search(clause):
            raise _LineProblem(N_("有日期，但不是“放假”或“上班”的写法。"))
    if not days:
        raise _LineProblem(N_("没有找到放假或上班日期。"))
    return days


def parse_notice(text: str, year: int) -> Notice:
    """The days off and make-up working days of ``year``'s notice, and the lines that could not be read."""
    notice = Notice(year=year)
    seen: dict[dt.date, NoticeDay] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _normalise(raw)
        if not line:
            continue
        title = _TITLE_YEAR.search(line)
        if title and int(title[1]) != year:
            notice.errors.append(
                LineError(
                    number,
                    raw.strip(),
                    N_("这是 %(found)s 年的通知，所选年份是 %(year)s 年。"),
                    {"found": title[1], "year": year},
                )
            )
            continue
        is_item = bool(_ITEM.match(line))
        has_day = bool(_DATE.search(line)) and ("放假" in line or "上班" in line)
        if not (is_item or has_day):
            continue
        try:
            days = _parse_item(line, year, number)
        except _LineProblem as problem:
            notice.errors.append(LineError(number, raw.strip(), problem.reason, problem.params))
            continue
        for day in days:
            earlier = seen.get(day.date)
            if earlier is not None and earlier.is_workday != day.is_workday:
                notice.errors.append(
                    LineError(
                        number,
                        raw.strip(),
                        N_("%(date)s 在第 %(other)s 行已列为另一种安排。"),
                        {"date": day.date.isoformat(), "other": earlier.line},
                    )
                )
                continue
            if earlier is None:
                seen[day.date] = day
    notice.days = sorted(seen.values(), key=lambda d: d.date)
    return notice
