"""Computed indicators from the assistance ledgers, registered in ``luoshi.accounts.registry`` when the
app is ready (``AssistanceConfig.ready``): payment
totals per programme (万元, "发放低保资金570万元"), new monitored households and people (新增监测户X户
Y人), households with risk eliminated, and 帮扶措施落实率. Each returns the registry's ``Result``
with the records behind the figure."""

from __future__ import annotations

from django.db.models import Sum
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from luoshi.accounts import registry
from luoshi.assistance import workflow
from luoshi.assistance.models import Household, Member, Payment, Programme

VERSION = "2026.1"


def _result(**kw):
    return registry.Result(version=VERSION, definition="", **kw)


def _paid(programme: str):
    def compute(town, start, end, now):
        qs = Payment.objects.filter(
            town=town, programme=programme, month__gte=start.date().replace(day=1), month__lt=end.date()
        )
        total = qs.aggregate(s=Sum("amount"))["s"] or 0
        return _result(
            value=round(float(total) / 10000, 4),
            numerator=float(total),
            denominator=None,
            model="payment",
            records=qs.order_by("-month", "id"),
        )

    return compute


def _new(people: bool):
    def compute(town, start, end, now):
        qs = Household.objects.filter(town=town, approved_on__gte=start.date(), approved_on__lt=end.date())
        n = Member.objects.filter(household__in=qs).count() if people else qs.count()
        return _result(
            value=float(n or 0),
            numerator=n or 0,
            denominator=None,
            model="household",
            records=qs.order_by("id"),
        )

    return compute


def _eliminated(town, start, end, now):
    qs = Household.objects.filter(town=town, eliminated_on__gte=start.date(), eliminated_on__lt=end.date())
    n = qs.count()
    return _result(
        value=float(n), numerator=n, denominator=None, model="household", records=qs.order_by("id")
    )


def _coverage(town, start, end, now):
    monitored = Household.objects.filter(town=town, status__in=workflow.MONITORED)
    with_measures = monitored.filter(measures__isnull=False).distinct()
    num, den = with_measures.count(), monitored.count()
    return _result(
        value=round(100 * num / den, 1) if den else None,
        numerator=num,
        denominator=den,
        model="household",
        records=monitored.order_by("id"),
        counted=Household.objects.filter(pk__in=with_measures.values("pk")),
    )


ENTRIES = [
    *[
        (
            f"assistance-paid-{value}",
            format_lazy(_("{p}资金发放"), p=label),
            "万元",
            VERSION,
            _("统计期内登记或导入的该项目发放金额之和（元）÷ 10000。"),
            _paid(value),
        )
        for value, label in Programme.choices
    ],
    (
        "assistance-new-households",
        _("新增监测户"),
        "户",
        VERSION,
        _("统计期内经县级审批纳入监测的户数。"),
        _new(False),
    ),
    (
        "assistance-new-people",
        _("新增监测人口"),
        "人",
        VERSION,
        _("统计期内经县级审批纳入监测的户的家庭成员人数。"),
        _new(True),
    ),
    (
        "assistance-eliminated-households",
        _("风险消除户"),
        "户",
        VERSION,
        _("统计期内经县级审批标注风险消除的户数。"),
        _eliminated,
    ),
    (
        "assistance-measure-coverage",
        _("帮扶措施落实率"),
        "%",
        VERSION,
        _("当前在监测的户中已落实至少一项帮扶措施的户数 ÷ 在监测户数。"),
        _coverage,
    ),
]

# Aliases as reports phrase the figures (seeded into the catalogue rows).
ALIASES = {
    "assistance-paid-dibao": ["低保资金", "发放低保资金", "低保金"],
    "assistance-paid-tekun": ["五保户金", "特困供养金", "五保金"],
    "assistance-paid-temporary": ["临时救助资金", "发放临时救助资金"],
    "assistance-paid-yulu": ["雨露计划教育补助", "雨露计划补助"],
    "assistance-new-households": ["新增监测户", "新增防返贫监测户"],
    "assistance-new-people": ["新增监测人口", "新增监测对象人数"],
    "assistance-eliminated-households": ["消除监测户", "风险消除户", "消除风险户"],
    "assistance-measure-coverage": ["帮扶措施落实率"],
}

for _entry in ENTRIES:
    registry.register(*_entry, aliases=ALIASES.get(_entry[0], ()))
registry.register_records("household", Household, "assistance:detail")
registry.register_records("payment", Payment, "assistance:payment")
