"""Every write to the indicator catalogue and its values: keyword-only, atomic, validated, audited.

Who may write is checked by the caller (views and API through ``selectors.can_enter``); what may be
written is checked here, so no path can store a typed value for a computed indicator.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from luoshi.accounts import catalogue, periods
from luoshi.accounts.models import Indicator, IndicatorValue, Source
from luoshi.org.models import Town, User


class AccountsError(Exception):
    """A refused write, with a reason for the user (``field`` names the input when there is one)."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.message = message
        self.field = field


def _require(cond: bool, message: str, field: str = "") -> None:
    if not cond:
        raise AccountsError(message, field)


def _by(obj, user):
    if user is not None:
        obj._history_user = user
    return obj


@transaction.atomic
def indicator_create(*, town: Town | None, by: User | None = None, **fields) -> Indicator:
    """A new catalogue row (a town's own when ``town`` is set). Computed indicators come only from the
    registry through the catalogue, so a town can add reported or manual ones."""
    _require(
        town is None or fields.get("source") in (Source.REPORTED, Source.MANUAL),
        _("乡镇自建指标只能是统计报送或人工填报。"),
        "source",
    )
    ind = _by(Indicator(town=town, **fields), by)
    try:
        ind.full_clean()
    except ValidationError as exc:
        field, errors = next(iter(exc.message_dict.items()))
        raise AccountsError(f"{errors[0]}", field) from exc
    ind.save()
    return ind


def catalogue_sync(by: User | None = None) -> int:
    """Add the seeded indicators that are missing (existing rows, possibly edited, are left alone)."""
    have = set(Indicator.objects.values_list("code", flat=True))
    added = 0
    for row in catalogue.seeds():
        if row["code"] not in have:
            _by(Indicator(**row), by).save()
            added += 1
    return added


@transaction.atomic
def value_record(
    *,
    indicator: Indicator,
    town: Town,
    period: str,
    value: float,
    source_document: str = "",
    note: str = "",
    evidence=None,
    by: User | None = None,
    at: dt.datetime | None = None,
) -> IndicatorValue:
    """Enter (or correct) a reported or manual value; the previous value stays in the history."""
    _require(
        not indicator.is_computed,
        _("“%(n)s”由系统根据业务记录计算，不能填报数值。") % {"n": indicator},
        "value",
    )
    _require(indicator.is_active, _("该指标已停用。"), "indicator")
    _require(indicator.town_id in (None, town.pk), _("这是其他乡镇的自建指标。"), "town")
    try:
        p = periods.parse(period)
    except periods.PeriodError:
        raise AccountsError(
            _("无法识别的统计期“%(p)s”，请写成 2026、2026-Q3 或 2026-09。") % {"p": period}, "period"
        ) from None
    _require(
        periods.accepts(indicator.period, p),
        _("“%(n)s”按%(kind)s统计，不能填报%(p)s的数值。")
        % {
            "n": indicator,
            "kind": indicator.get_period_display(),
            "p": p.display(language=get_language() or "zh-hans"),
        },
        "period",
    )
    today = timezone.localdate()
    _require(p.start() <= today, _("统计期在将来。"), "period")
    _require(value is not None and value == value and abs(value) < 1e15, _("数值不正确。"), "value")
    source_document = (source_document or "").strip()
    note = (note or "").strip()
    if indicator.source == Source.REPORTED:
        _require(bool(source_document), _("统计报送的数值必须注明来源文件。"), "source_document")
    else:
        _require(bool(note or evidence), _("人工填报的数值必须附说明或佐证材料。"), "note")
    row = (
        IndicatorValue.objects.select_for_update()
        .filter(indicator=indicator, town=town, period=p.key)
        .first()
    )
    if row is None:
        row = IndicatorValue(indicator=indicator, town=town, period=p.key)
    row.value = float(value)
    row.source_document = source_document[:300]
    row.note = note
    if evidence:
        row.evidence = evidence
    row.definition_version = indicator.version
    row.entered_by = by
    row.entered_at = at or timezone.now()
    _by(row, by).save()
    return row
