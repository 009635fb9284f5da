"""Computed indicators: registry key → how Luoshi computes the figure from its own records.

Each entry is a function (town, start, end, now) → ``Result`` carrying the value, numerator,
denominator, the definition text and version, and the querysets of the records behind it (the
provenance page lists them). Case KPIs are not re-implemented here: they read the KPI roll-up the
KPI page reads (``luoshi.cases.rollup``, the measures of ``luoshi.cases.kpis``) for one case type,
so the plan board, the KPI page and a report quote the same figure without counting case rows. An ``Indicator`` row with ``source=computed`` names one key of ``REGISTRY``.

Apps above accounts (economy, ledgers, assistance …) register their own figures and the record
models behind them from their ``indicators`` module, imported by their ``AppConfig.ready()``
(``register`` and ``register_records``): accounts never imports them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Count, Model, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from luoshi.cases import kpis, rollup
from luoshi.cases.models import Case, CaseType
from luoshi.org.models import Town
from luoshi.plans.models import LivelihoodProject, Project, ProjectStage

PROJECTS_VERSION = "2026.1"


@dataclass
class Result:
    value: float | None
    numerator: float | None
    denominator: float | None
    version: str
    definition: str
    model: str  # "case" | "project" | "livelihood": what the records are
    records: QuerySet  # every record the figure looks at (the denominator, or the counted rows)
    counted: QuerySet | None = None  # the numerator's rows when there is a ratio
    exclusions: str = ""
    # a cumulative figure that stops short of the period's end (the economy desk's sums run to the
    # last month every enterprise has reported): its last month, which sets its 序时进度
    through: dt.date | None = None


@dataclass(frozen=True)
class Computation:
    key: str
    label: str
    unit: str
    version: str
    definition: str
    compute: Callable[[Town, dt.datetime, dt.datetime, dt.datetime], Result]
    aliases: tuple[str, ...] = ()  # how reports phrase it (the catalogue row's aliases when seeded)


# --- cases -------------------------------------------------------------------------------------------


_shared_cells: ContextVar[dict | None] = ContextVar("shared_case_cells", default=None)


@contextmanager
def sharing_case_cells():
    """Within, case figures of the same town, period and clock read the roll-up once (a report quotes
    some twenty of them); outside, every figure reads afresh."""
    if _shared_cells.get() is not None:  # already inside one
        yield
        return
    token = _shared_cells.set({})
    try:
        yield
    finally:
        _shared_cells.reset(token)


def _case_cells(town: Town, start, end, now) -> tuple[dict, dict]:
    """The town's KPI measures per case type for cases received in [start, end), from the KPI roll-up
    (``luoshi.cases.rollup``, the KPI page's source): the same figures as counting the case rows."""
    memo = _shared_cells.get()
    key = (town.pk, start, end, now)
    if memo is not None and key in memo:
        return memo[key]
    cells = rollup.town_cells(town.pk, start, end, now)
    if memo is not None:
        memo[key] = cells
    return cells


def _type_ids(type_code: str) -> set[int]:
    return set(CaseType.objects.filter(code=type_code).values_list("pk", flat=True))


def _case_kpi(type_code: str, key: str, *, count: bool = False) -> Callable:
    """A case KPI of one case type, or (``count``) the number of cases in its numerator."""

    def compute(town: Town, start, end, now) -> Result:
        cells, overdue = _case_cells(town, start, end, now)
        v = rollup.cells_kpi(key, cells, overdue, _type_ids(type_code))
        cohort = kpis.cohort(Case.objects.filter(town=town, case_type__code=type_code), start, end)
        return Result(
            value=float(v.numerator) if count else v.rate,
            numerator=v.numerator,
            denominator=v.denominator,
            version=v.version,
            definition=v.definition,
            model="case",
            records=cohort.filter(kpis.filter_for(key, "den", now)),
            counted=cohort.filter(kpis.filter_for(key, "num", now)),
            exclusions=v.exclusions,
        )

    return compute


def _case_received(type_code: str) -> Callable:
    """Cases of one type received in the period (merged duplicates and withdrawn cases left out):
    what a report calls 受理工单 N 件 / 排查隐患 N 处 / 排查矛盾纠纷 N 件."""

    def compute(town: Town, start, end, now) -> Result:
        cells, _overdue = _case_cells(town, start, end, now)
        n = rollup.cells_count(cells, _type_ids(type_code))
        qs = kpis.cohort(Case.objects.filter(town=town, case_type__code=type_code), start, end)
        return Result(
            value=float(n),
            numerator=n,
            denominator=None,
            version=kpis.DEFINITION_VERSION,
            definition="",
            model="case",
            records=qs.order_by("-received_at", "-id"),
        )

    return compute


# (registry key, case type code, label, unit): counts of cases received, quoted by the report writer
RECEIVED_ENTRIES = [
    ("cases-hotline-received", "hotline", _("12345工单受理数"), "件"),
    ("cases-petition-received", "petition", _("信访事项受理数"), "件"),
    ("cases-dispute-received", "dispute", _("矛盾纠纷排查数"), "件"),
    ("cases-hazard-received", "hazard", _("安全隐患排查数"), "处"),
    ("cases-grid-received", "grid", _("网格事件上报数"), "件"),
]

# (registry key, case type code, KPI key, label, unit, count?)
CASE_ENTRIES = [
    ("cases-petition-on-time", "petition", "on_time", _("信访事项按期办结率"), "%", False),
    ("cases-petition-satisfaction", "petition", "satisfaction", _("信访事项满意率"), "%", False),
    ("cases-hotline-on-time", "hotline", "on_time", _("12345工单按期办结率"), "%", False),
    ("cases-hotline-satisfaction", "hotline", "satisfaction", _("12345工单满意率"), "%", False),
    ("cases-hotline-callback", "hotline", "callback", _("12345工单回访率"), "%", False),
    ("cases-dispute-mediation", "dispute", "mediation", _("矛盾纠纷化解率"), "%", False),
    ("cases-hazard-rectification", "hazard", "rectification", _("安全隐患整改销号率"), "%", False),
    ("cases-hazard-closed", "hazard", "rectification", _("安全隐患整改销号数"), "项", True),
    ("cases-grid-completion", "grid", "completion", _("网格事件办结率"), "%", False),
    ("cases-grid-handled", "grid", "completion", _("网格事件办结数"), "件", True),
    ("cases-suggestion-on-time", "suggestion", "on_time", _("人大代表建议按期办复率"), "%", False),
]


# --- projects and livelihood projects ------------------------------------------------------------------


def _day(moment: dt.datetime) -> dt.date:
    return timezone.localtime(moment).date()


def _last_day(end: dt.datetime) -> dt.date:
    """The last calendar day a period ending (exclusively) at ``end`` includes: a period cut at
    10:00 today includes today; one ending at midnight does not include the new day."""
    return timezone.localtime(end - dt.timedelta(microseconds=1)).date()


def _stage_count(stage: str, *, kind: str | None = None, min_investment: int | None = None) -> Callable:
    """Projects of the town that reached ``stage`` within the period (by the stage's recorded date)."""

    def projects(towns: Q, start, end) -> QuerySet:
        stages = ProjectStage.objects.filter(
            towns, stage=stage, date__gte=_day(start), date__lte=_last_day(end)
        )
        qs = Project.objects.filter(pk__in=stages.values("project_id"))
        if kind:
            qs = qs.filter(kind=kind)
        if min_investment is not None:
            qs = qs.filter(investment__gte=min_investment)
        return qs

    def compute(town: Town, start, end, now) -> Result:
        qs = projects(Q(project__plan__town=town), start, end)
        n = qs.count()
        return Result(
            value=float(n),
            numerator=n,
            denominator=None,
            version=PROJECTS_VERSION,
            definition="",
            model="project",
            records=qs.order_by("-investment", "id"),
        )

    def many(towns, start, end, now) -> dict[int, float]:
        """The same count for many towns in one grouped query (town id → value; absent: 0)."""
        qs = projects(Q(project__plan__town__in=towns), start, end)
        rows = qs.values("plan__town_id").annotate(n=Count("id")).order_by()
        return {r["plan__town_id"]: float(r["n"]) for r in rows}

    compute.many = many  # type: ignore[attr-defined]  # read by bulk callers (county dashboard)
    return compute


def _annual_done(town: Town, start, end, now) -> Result:
    """Sum of the key projects' reported completed investment in the plan of the period's year (亿元)."""
    qs = Project.objects.filter(plan__town=town, plan__year=start.year, kind=Project.Kind.KEY)
    total = qs.aggregate(s=Sum("annual_done"))["s"] or 0
    counted = qs.filter(annual_done__isnull=False)
    return Result(
        value=round(float(total) / 10000, 4),
        numerator=float(total),
        denominator=None,
        version=PROJECTS_VERSION,
        definition="",
        model="project",
        records=counted.order_by("-annual_done", "id"),
    )


def _annual_done_many(towns, start, end, now) -> dict[int, tuple]:
    """``_annual_done`` for many towns in one grouped query: town id → (value, numerator, None)."""
    rows = (
        Project.objects.filter(plan__town__in=towns, plan__year=start.year, kind=Project.Kind.KEY)
        .values("plan__town_id")
        .annotate(s=Sum("annual_done"))
        .order_by()
    )
    out = {}
    for r in rows:
        total = r["s"] or 0
        out[r["plan__town_id"]] = (round(float(total) / 10000, 4), float(total), None)
    return out


_annual_done.many = _annual_done_many  # type: ignore[attr-defined]


def _key_projects(town: Town, start, end, now) -> Result:
    """Key projects in the plan of the period's year (what a report calls 实施重点项目 N 个)."""
    qs = Project.objects.filter(plan__town=town, plan__year=start.year, kind=Project.Kind.KEY)
    n = qs.count()
    return Result(
        value=float(n),
        numerator=n,
        denominator=None,
        version=PROJECTS_VERSION,
        definition="",
        model="project",
        records=qs.order_by("-investment", "id"),
    )


def _key_projects_many(towns, start, end, now) -> dict[int, float]:
    rows = (
        Project.objects.filter(plan__town__in=towns, plan__year=start.year, kind=Project.Kind.KEY)
        .values("plan__town_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {r["plan__town_id"]: float(r["n"]) for r in rows}


_key_projects.many = _key_projects_many  # type: ignore[attr-defined]


def _livelihood_adopted(town: Town, start, end, now) -> Result:
    """Livelihood projects of the year's plan adopted by the deputies' vote (票决确定)."""
    qs = LivelihoodProject.objects.filter(round__plan__town=town, round__plan__year=start.year, adopted=True)
    n = qs.count()
    return Result(
        value=float(n),
        numerator=n,
        denominator=None,
        version=PROJECTS_VERSION,
        definition="",
        model="livelihood",
        records=qs.order_by("id"),
    )


def _livelihood_adopted_many(towns, start, end, now) -> dict[int, float]:
    rows = (
        LivelihoodProject.objects.filter(
            round__plan__town__in=towns, round__plan__year=start.year, adopted=True
        )
        .values("round__plan__town_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    return {r["round__plan__town_id"]: float(r["n"]) for r in rows}


_livelihood_adopted.many = _livelihood_adopted_many  # type: ignore[attr-defined]


def _livelihood_completed(town: Town, start, end, now) -> Result:
    """Voted (adopted) livelihood projects of the year accepted (验收) by the period's end."""
    adopted = LivelihoodProject.objects.filter(
        round__plan__town=town, round__plan__year=start.year, adopted=True
    )
    done = adopted.filter(accepted_on__isnull=False, accepted_on__lte=_last_day(end))
    n, total = done.count(), adopted.count()
    return Result(
        value=float(n),
        numerator=n,
        denominator=total,
        version=PROJECTS_VERSION,
        definition="",
        model="livelihood",
        records=adopted.order_by("id"),
        counted=done.order_by("id"),
    )


def _livelihood_completed_many(towns, start, end, now) -> dict[int, tuple]:
    """``_livelihood_completed`` for many towns in one grouped query: town id → (value, numerator,
    denominator), the denominator being the adopted projects."""
    done = Q(accepted_on__isnull=False, accepted_on__lte=_last_day(end))
    rows = (
        LivelihoodProject.objects.filter(
            round__plan__town__in=towns, round__plan__year=start.year, adopted=True
        )
        .values("round__plan__town_id")
        .annotate(n=Count("id", filter=done), total=Count("id"))
        .order_by()
    )
    out: dict[int, tuple] = {t.pk: (0.0, 0, 0) for t in towns}  # none adopted: 0 of 0
    out.update({r["round__plan__town_id"]: (float(r["n"]), r["n"], r["total"]) for r in rows})
    return out


_livelihood_completed.many = _livelihood_completed_many  # type: ignore[attr-defined]


STAGE = Project.Stage
REGISTRY: dict[str, Computation] = {}
# Result.model → (model class, URL name of a record's page): what the provenance page lists and links.
RECORD_MODELS: dict[str, tuple[type[Model], str]] = {}


def register(key, label, unit, version, definition, compute, *, aliases=()) -> None:
    """Add a computed indicator. A key is claimed once: two apps computing the same code differently
    would make a figure depend on import order."""
    if key in REGISTRY:
        raise ImproperlyConfigured(f"computed indicator {key!r} is registered twice")
    REGISTRY[key] = Computation(key, label, unit, version, definition, compute, tuple(aliases))


def register_records(model_name: str, model: type[Model], url_name: str) -> None:
    """Declare the records a ``Result.model`` name stands for and the page that opens one."""
    if RECORD_MODELS.get(model_name, (model, url_name)) != (model, url_name):
        raise ImproperlyConfigured(f"record model {model_name!r} is registered twice")
    RECORD_MODELS[model_name] = (model, url_name)


register_records("case", Case, "cases:detail")
register_records("project", Project, "plans:project")
register_records("livelihood", LivelihoodProject, "plans:livelihood")


for _key, _type, _kpi, _label, _unit, _count in CASE_ENTRIES:
    _spec = kpis.SPECS[_kpi]
    register(
        _key,
        _label,
        _unit,
        kpis.DEFINITION_VERSION,
        format_lazy(
            _("按“{kpi}”口径计入分子的件数。{definition}"), kpi=_spec.label, definition=_spec.definition
        )
        if _count
        else _spec.definition,
        _case_kpi(_type, _kpi, count=_count),
    )

for _key, _type, _label, _unit in RECEIVED_ENTRIES:
    register(
        _key,
        _label,
        _unit,
        kpis.DEFINITION_VERSION,
        _("统计期内受理（登记）的该类案件件数，不含被合并的重复件和已撤销的案件。"),
        _case_received(_type),
    )

register(
    "projects-started",
    _("新开工重点项目"),
    "个",
    PROJECTS_VERSION,
    _("统计期内登记“开工”日期的重点项目个数。"),
    _stage_count(STAGE.STARTED, kind=Project.Kind.KEY),
)
register(
    "projects-completed",
    _("竣工重点项目"),
    "个",
    PROJECTS_VERSION,
    _("统计期内登记“竣工”日期的重点项目个数。"),
    _stage_count(STAGE.COMPLETED, kind=Project.Kind.KEY),
)
register(
    "projects-producing",
    _("投产项目"),
    "个",
    PROJECTS_VERSION,
    _("统计期内登记“投产”日期的项目（重点项目和招商项目）个数。"),
    _stage_count(STAGE.PRODUCING),
)
register(
    "projects-signed-100m",
    _("签约亿元以上项目"),
    "个",
    PROJECTS_VERSION,
    _("统计期内登记“签约”日期、总投资 1 亿元（10000 万元）及以上的项目个数。"),
    _stage_count(STAGE.SIGNED, min_investment=10000),
)
register(
    "projects-investment-signed",
    _("招商引资签约项目"),
    "个",
    PROJECTS_VERSION,
    _("统计期内登记“签约”日期的招商项目个数。"),
    _stage_count(STAGE.SIGNED, kind=Project.Kind.INVESTMENT),
)
register(
    "projects-key-investment-done",
    _("重点项目年度完成投资"),
    "亿元",
    PROJECTS_VERSION,
    _("本年度计划中重点项目“年度完成投资”（万元）之和 ÷ 10000；为最新填报的年度累计数。"),
    _annual_done,
)
register(
    "projects-key-count",
    _("实施重点项目"),
    "个",
    PROJECTS_VERSION,
    _("本年度计划中列入的重点项目个数。"),
    _key_projects,
)
register(
    "livelihood-adopted",
    _("票决确定的民生实事项目"),
    "项",
    PROJECTS_VERSION,
    _("本年度民生实事票决最终确定的项目数。"),
    _livelihood_adopted,
)
register(
    "livelihood-completed",
    _("民生实事项目完成数"),
    "项",
    PROJECTS_VERSION,
    _("本年度票决确定的民生实事项目中，统计期末前已验收的项数（分母为票决确定的项数）。"),
    _livelihood_completed,
)


def compute(key: str, town: Town, start: dt.datetime, end: dt.datetime, now: dt.datetime) -> Result:
    """Run a registry entry; the definition text and version always come from the registry."""
    entry = REGISTRY[key]
    result = entry.compute(town, start, end, now)
    result.definition = str(entry.definition)
    result.version = entry.version
    return result
