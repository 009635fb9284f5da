"""Excel import of reported statistics: one row per (indicator, town, period, value, source).

``check`` never writes: it returns every problem (Excel row number, column, why). ``commit`` checks
again and writes every row through ``services.value_record`` in one transaction: any refusal rolls
all of them back. A row may name the indicator by code, name or alias; computed indicators are
refused (their values come from the records), and each row's town must be one the user may enter.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from luoshi.accounts import periods, selectors, services
from luoshi.accounts.models import Indicator, Source
from luoshi.lib import sheets
from luoshi.org.models import Town, User
from luoshi.reports.compare import metric_key

# field key → (label, header aliases, required)
COLUMNS = {
    "indicator": (gettext_lazy("指标"), ("指标", "指标代码", "指标名称", "指标项", "项目"), True),
    "town": (gettext_lazy("乡镇"), ("乡镇", "乡镇(街道)", "镇", "单位", "地区"), True),
    "period": (gettext_lazy("统计期"), ("统计期", "期间", "时间", "月份", "统计时间", "报告期"), True),
    "value": (gettext_lazy("数值"), ("数值", "本期累计", "累计", "完成值", "值", "数据"), True),
    "source": (gettext_lazy("来源"), ("来源", "来源文件", "数据来源", "文件"), False),
    "note": (gettext_lazy("说明"), ("说明", "备注"), False),
}


class RowError(Exception):
    def __init__(self, row: int, message: str):
        super().__init__(message)
        self.row = row
        self.message = message


@dataclass
class Row:
    row: int
    indicator: Indicator
    town: Town
    period: str
    value: float
    source: str
    note: str


def _indicator_index(user) -> dict[str, Indicator | None]:
    """code, name and alias keys → indicator; a key two indicators share maps to None (ambiguous)."""
    index: dict[str, Indicator | None] = {}
    for ind in selectors.indicators_for(user).filter(is_active=True):
        index[ind.code.lower()] = ind
        for name in (ind.name, *(ind.aliases or [])):
            key = metric_key(name)
            if key in index and index[key] is not None and index[key].pk != ind.pk:
                index[key] = None
            else:
                index.setdefault(key, ind)
    return index


def check(sheet: sheets.Sheet, user) -> tuple[list[Row], list[sheets.Problem]]:
    """Every problem of every row (nothing stops at the first); the rows are usable only without any."""
    cols = sheets.match_columns(sheet.headers, {k: (str(v[0]), *v[1]) for k, v in COLUMNS.items()})
    problems: list[sheets.Problem] = []
    for key, (label, _aliases, required) in COLUMNS.items():
        if required and key not in cols:
            problems.append(
                sheets.Problem(sheet.header_row, "", str(label), _("缺少必填列“%(f)s”。") % {"f": label})
            )
    if problems:
        return [], problems
    index = _indicator_index(user)
    towns = {}
    for t in selectors.enterable_towns(user):
        towns[t.name] = towns[t.code] = t
    seen: dict[tuple, int] = {}
    rows: list[Row] = []
    for number, values in sheet.rows:

        def cell(key: str, values=values) -> object:
            i = cols.get(key)
            return values[i] if i is not None and i < len(values) else None

        def bad(key: str, message: str, number=number) -> None:
            i = cols.get(key)
            header = sheet.headers[i] if i is not None else str(COLUMNS[key][0])
            problems.append(
                sheets.Problem(number, sheets.column_letter(i) if i is not None else "", header, message)
            )

        before = len(problems)
        name = sheets.cell_text(cell("indicator"))
        ind = index.get(name.lower()) or index.get(metric_key(name)) if name else None
        if not name:
            bad("indicator", _("必填项为空。"))
        elif metric_key(name) in index and index.get(metric_key(name)) is None and name.lower() not in index:
            bad("indicator", _("“%(n)s”对应多个指标，请写指标代码。") % {"n": name})
        elif ind is None:
            bad("indicator", _("指标库中没有“%(n)s”。") % {"n": name})
        elif ind.source == Source.COMPUTED:
            bad("indicator", _("“%(n)s”由系统根据业务记录计算，不能导入数值。") % {"n": ind.name})
        town_text = sheets.cell_text(cell("town"))
        town = towns.get(town_text)
        if not town_text:
            bad("town", _("必填项为空。"))
        elif town is None:
            bad("town", _("您不能为“%(t)s”填报数据。") % {"t": town_text})
        raw_period = cell("period")
        period = None
        try:
            period = periods.parse(raw_period)
        except periods.PeriodError:
            bad(
                "period",
                _("无法识别的统计期“%(p)s”，请写成 2026、2026-Q3 或 2026-09。")
                % {"p": sheets.cell_text(raw_period)},
            )
        raw_value = cell("value")
        value = None
        try:
            value = float(str(raw_value).replace(",", "").strip()) if raw_value not in (None, "") else None
        except ValueError:
            pass
        if value is None or value != value:
            bad("value", _("数值“%(v)s”不是数字。") % {"v": sheets.cell_text(raw_value)})
        source, note = sheets.cell_text(cell("source"))[:300], sheets.cell_text(cell("note"))
        if ind and ind.source == Source.REPORTED and not source:
            bad("source", _("统计报送的数值必须注明来源文件。"))
        if ind and ind.source == Source.MANUAL and not note:
            bad("note", _("人工填报的数值必须附说明。"))
        if ind and town and not ind.is_computed and not selectors.can_enter(user, ind, town):
            bad("indicator", _("您无权填报“%(t)s”的“%(n)s”。") % {"t": town, "n": ind.name})
        if ind and period and not periods.accepts(ind.period, period):
            bad(
                "period",
                _("“%(n)s”按%(k)s统计，不能填报%(p)s的数值。")
                % {
                    "n": ind.name,
                    "k": ind.get_period_display(),
                    "p": period.display(language=get_language() or "zh-hans"),
                },
            )
        if ind and town and period:
            key = (ind.pk, town.pk, period.key)
            if key in seen:
                bad("period", _("与第 %(r)s 行重复。") % {"r": seen[key]})
            seen.setdefault(key, number)
        if len(problems) == before:
            rows.append(Row(number, ind, town, period.key, value, source, note))
    return rows, problems


def commit(rows: list[Row], *, by: User) -> int:
    """Write every row or none."""
    with transaction.atomic():
        for r in rows:
            try:
                services.value_record(
                    indicator=r.indicator,
                    town=r.town,
                    period=r.period,
                    value=r.value,
                    source_document=r.source,
                    note=r.note,
                    by=by,
                )
            except services.AccountsError as exc:
                raise RowError(r.row, exc.message) from exc
    return len(rows)
