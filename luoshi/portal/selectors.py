"""Public reads: the areas (the county and its towns) and every dataset the portal shows.

Everything returned here is built from ``policy.public_dict`` / ``policy.public_case`` (dicts, never
model instances) or from aggregates passed through ``suppress``; pages, downloads and the API all
call these functions, so they show the same rows. Staff reads for the management page are at the end.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from luoshi.accounts.selectors import latest_in_year
from luoshi.cases.models import CaseMonthlyStat, CaseType
from luoshi.cases.open311 import catalog
from luoshi.org.models import County, Town
from luoshi.org.roles import Role
from luoshi.plans import selectors as plan_sel
from luoshi.plans.models import LivelihoodRound, Plan, Project
from luoshi.portal import policy, suppress
from luoshi.portal.models import DisclosureDocument, DisclosureItem, DocState, PublishedIndicator
from luoshi.reports.models import Report
from luoshi.reports.selectors import display_value, highlighted_text

MANAGERS = (Role.OFFICE, Role.LEADER, Role.COUNTY)
PUBLIC_CASES_MAX = 50  # the latest published cases per town on a page or download


@dataclass
class Area:
    """The county (all its towns) or one town: what a portal page or download covers."""

    code: str
    name: str
    is_county: bool
    county: County
    towns: list[Town] = field(default_factory=list)


def areas() -> list[Area]:
    out = []
    for county in County.objects.order_by("code"):
        towns = list(Town.objects.filter(county=county).order_by("code"))
        out.append(Area(county.code, county.name, True, county, towns))
        out.extend(Area(t.code, t.name, False, county, [t]) for t in towns)
    return out


def area_or_404(code: str) -> Area:
    town = Town.objects.select_related("county").filter(code=code).first()
    if town is not None:
        return Area(town.code, town.name, False, town.county, [town])
    county = County.objects.filter(code=code).first()
    if county is None:
        raise Http404
    return Area(county.code, county.name, True, county, list(county.towns.order_by("code")))


def _year() -> int:
    return timezone.localdate().year


# --- Reports ------------------------------------------------------------------------------------


def published_reports(area: Area):
    return (
        Report.objects.filter(town__in=area.towns, publication__isnull=False)
        .select_related("town")
        .order_by("-plan_year", "town__code")
    )


def report_list(area: Area) -> list[dict]:
    return [
        {"pk": r.pk, "town": r.town.name, **policy.public_dict(r, only=("title", "plan_year", "review_year"))}
        for r in published_reports(area)
    ]


def report_or_404(pk: int) -> Report:
    report = Report.objects.filter(pk=pk, publication__isnull=False).select_related("town").first()
    if report is None:
        raise Http404
    return report


def report_view(report: Report) -> dict:
    """The viewer: the published text with its facts highlighted (the reports app's own renderer)."""
    facts = list(report.facts.all())
    rows = []
    for f in facts:
        row = policy.public_dict(f)
        row["display_value"] = display_value(f.value, f.unit, f.approx)
        rows.append(row)
    return {
        "report": {"pk": report.pk, "town": report.town.name, **policy.public_dict(report)},
        "text": highlighted_text(report, facts),
        "facts": rows,
    }


# --- Datasets -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    key: str
    title: object
    columns: list  # (key, label)
    rows: object  # callable(area) -> list[dict]


def _published_indicators(towns) -> dict[int, list]:
    out: dict[int, list] = defaultdict(list)
    for p in PublishedIndicator.objects.filter(town__in=towns, indicator__is_active=True).select_related(
        "indicator"
    ):
        out[p.town_id].append(p.indicator)
    return out


def indicator_rows(area: Area) -> list[dict]:
    year, out = _year(), []
    published = _published_indicators(area.towns)
    for town in area.towns:
        for ind in sorted(published.get(town.pk, []), key=lambda i: i.code):
            fig = latest_in_year(ind, town, year)
            out.append(
                {
                    "town": town.name,
                    **policy.public_dict(ind, only=("code", "name", "unit")),
                    "period": fig.period_display,
                    "value": fig.value,
                    "display": fig.display,
                }
            )
    return out


def target_rows(area: Area) -> list[dict]:
    """This year's plan targets bound to an indicator the town published, with progress and 序时进度."""
    year, out = _year(), []
    published = _published_indicators(area.towns)
    today = timezone.localdate()
    for plan in Plan.objects.filter(town__in=area.towns, year=year).select_related("town"):
        codes = {i.pk for i in published.get(plan.town_id, [])}
        if not codes:
            continue
        for row in plan_sel.flatten(plan_sel.item_tree(plan, today)):
            item = row.obj
            if item.kind != item.Kind.TARGET or item.indicator_id not in codes:
                continue
            out.append(
                {
                    "town": plan.town.name,
                    "year": plan.year,
                    **policy.public_dict(item, only=("name", "unit", "target_value", "qualifier")),
                    "target": item.target_label,
                    "actual": row.actual,
                    "actual_display": row.figure.display if row.figure is not None else "—",
                    "progress": None if row.progress is None else round(row.progress, 1),
                    "time_progress": None if row.time_progress is None else round(100 * row.time_progress, 1),
                    "status": str(row.status_label),
                }
            )
    return out


def project_rows(area: Area) -> list[dict]:
    """Key projects (重点项目) of this year's plans, signed or later, and their stages; investment
    projects and anything still a lead or in negotiation stay internal (``policy.public_project_stages``)."""
    year, today, out = _year(), timezone.localdate(), []
    public = policy.public_project_stages()
    projects = (
        Project.objects.filter(
            plan__town__in=area.towns, plan__year=year, kind=Project.Kind.KEY, stage__in=public
        )
        .select_related("plan__town", "owner_unit")
        .prefetch_related("stages", "milestones", "updates")
        .order_by("plan__town__code", "-investment", "id")
    )
    for p in projects:
        row = plan_sel.project_row(p, today)
        # the dates of its lead and negotiation stay internal too: the history starts at signing
        stages = [
            policy.public_dict(s) for s in sorted(p.stages.all(), key=lambda s: s.date) if s.stage in public
        ]
        out.append(
            {
                "town": p.plan.town.name,
                **policy.public_dict(p),
                "stage_index": p.stage_index,
                "stages": "；".join(f"{s['stage']} {s['date']:%Y-%m-%d}" for s in stages),
                "status": str(row.status_label),
            }
        )
    return out


def livelihood(area: Area) -> list[dict]:
    """Each round of this year: its phase, proposals, candidates with the sealed result and delivery."""
    year, today, out = _year(), timezone.localdate(), []
    rounds = (
        LivelihoodRound.objects.filter(plan__town__in=area.towns, plan__year__in=(year, year - 1))
        .select_related("plan__town")
        .prefetch_related(
            "proposals", "candidates__owner_unit", "candidates__milestones", "candidates__updates"
        )
        .order_by("-plan__year", "plan__town__code")
    )
    for r in rounds:
        sealed = r.is_sealed
        candidates = []
        for c in r.candidates.all():
            row = plan_sel.livelihood_row(c, today)
            rate = c.satisfaction_rate
            candidates.append(
                {
                    **policy.public_dict(c, sealed=sealed),
                    "status": str(row.status_label) if sealed else "",
                    "satisfaction": None if rate is None else round(100 * rate, 1),
                }
            )
        out.append(
            {
                "town": r.plan.town.name,
                "year": r.plan.year,
                "round": policy.public_dict(r, sealed=sealed),
                "sealed": sealed,
                "proposals": [policy.public_dict(p, names=(p.proposer,)) for p in r.proposals.all()],
                "candidates": candidates,
            }
        )
    return out


def livelihood_rows(area: Area) -> list[dict]:
    return [
        {"town": r["town"], "year": r["year"], "phase": r["round"]["phase"], **c}
        for r in livelihood(area)
        for c in r["candidates"]
    ]


def fact_rows(area: Area) -> list[dict]:
    out = []
    for report in published_reports(area).prefetch_related("facts"):
        for f in report.facts.all():
            out.append({"town": report.town.name, "report": report.title, **policy.public_dict(f)})
    return out


def case_stats(area: Area, year: int | None = None) -> dict:
    """Month × type counts of the year from the roll-up, small cells hidden (``suppress``)."""
    year = year or _year()
    sums = (
        CaseMonthlyStat.objects.filter(town_id__in=[t.pk for t in area.towns], month__year=year)
        .values("month", "case_type_id")
        .annotate(n=Sum("n"), resolved=Sum("resolved"), on_time=Sum("on_time"))
        .annotate(rated=Sum("rated"), satisfied=Sum("satisfied"))
    )
    cells = {(s["month"].month, s["case_type_id"]): s for s in sums}
    types = list(CaseType.objects.filter(pk__in={k[1] for k in cells}).order_by("sort_order", "code"))
    months = sorted({k[0] for k in cells})
    counts = [[(cells.get((m, t.pk)) or {}).get("n", 0) for t in types] for m in months]
    hide = suppress.hidden_cells(counts)
    rows = []
    for r, m in enumerate(months):
        for c, t in enumerate(types):
            s = cells.get((m, t.pk))
            if not s:
                continue
            hidden = (r, c) in hide
            rows.append(
                {
                    "town": area.name,
                    "month": f"{year}-{m:02d}",
                    "case_type": t.name,
                    "received": None if hidden else s["n"],
                    "resolved": None if hidden else s["resolved"],
                    "on_time_rate": None if hidden else suppress.rate(s["on_time"], s["resolved"]),
                    "satisfaction_rate": None if hidden else suppress.rate(s["satisfied"], s["rated"]),
                }
            )
    table = [
        {
            "month": f"{year}-{m:02d}",
            "cells": [None if (r, c) in hide else counts[r][c] for c in range(len(types))],
            "total": None if ("row", r) in hide else sum(counts[r]),
        }
        for r, m in enumerate(months)
    ]
    totals = [None if ("col", c) in hide else sum(row[c] for row in counts) for c in range(len(types))]
    grand = None if ("all",) in hide else sum(map(sum, counts))
    return {
        "year": year,
        "types": [t.name for t in types],
        "table": table,
        "totals": totals,
        "grand": grand,
        "rows": rows,
    }


def case_stat_rows(area: Area) -> list[dict]:
    return case_stats(area)["rows"]


def public_case_rows(area: Area) -> list[dict]:
    """The latest cases of the Open311 published set (same types, same masking)."""
    out = []
    for town in area.towns:
        qs = catalog.requests_queryset(town).order_by("-received_at", "-id")[:PUBLIC_CASES_MAX]
        out.extend({"town": town.name, **policy.public_case(catalog.request_fields(c))} for c in qs)
    return out


# The similar-reports prompt of the public form compares with this many of the town's latest
# published cases, and shows at most SIMILAR_MAX of them.
SIMILAR_SCAN = 200
SIMILAR_MAX = 3


def similar_published(*, town: str, village: str, category: str, title: str, content: str) -> list[dict]:
    """Published cases alike the resident's draft, most alike first (``cases.similar``, the staff merge's
    scoring, without the phone: a resident must not learn who else called). Only Open311's published
    set of the chosen town (published types, not merged or cancelled), masked and cut to
    ``PUBLIC_CASE_FIELDS`` like every public case."""
    from luoshi.cases import similar, workflow

    town_obj = Town.objects.filter(pk=int(town)).first() if town.isdecimal() and len(town) < 10 else None
    if town_obj is None or not (title.strip() or content.strip()):
        return []
    mine = similar.profile(
        village_id=int(village) if village.isdecimal() and len(village) < 10 else None,
        grid_id=None,
        category_id=int(category) if category.isdecimal() and len(category) < 10 else None,
        phone=None,
        title=title,
        content=content,
    )
    rows = (
        catalog.requests_queryset(town_obj)
        .exclude(status__in=workflow.EXCLUDED_STATUSES)
        .defer(None)  # the title too, which Open311 does not show (it is compared, never returned)
        .order_by("-received_at", "-id")[:SIMILAR_SCAN]
    )
    scored = []
    for case in rows:
        theirs = similar.profile(
            village_id=case.village_id,
            grid_id=None,
            category_id=case.category_id,
            phone=None,
            title=case.title,
            content=case.content,
        )
        match = similar.compare(mine, theirs)
        # the same village and category alone is not "the same problem": some text must agree too
        if match.is_candidate and ({"title", "content"} & set(match.reasons)):
            scored.append((match.score, case))
    scored.sort(key=lambda sc: -sc[0])
    return [
        {"town": town_obj.name, **policy.public_case(catalog.request_fields(c))}
        for _score, c in scored[:SIMILAR_MAX]
    ]


def _labelled(model, only=None, head=(), tail=()):
    return [*head, *policy.labels(model, only), *tail]


TOWN = ("town", gettext_lazy("乡镇"))


def datasets() -> dict[str, Dataset]:
    from luoshi.accounts.models import Indicator
    from luoshi.plans.models import Item, LivelihoodProject
    from luoshi.reports.models import Fact

    items = [
        Dataset(
            "indicators",
            gettext_lazy("公开指标"),
            _labelled(
                Indicator,
                ("code", "name", "unit"),
                (TOWN,),
                (("period", gettext_lazy("统计期")), ("value", gettext_lazy("数值"))),
            ),
            indicator_rows,
        ),
        Dataset(
            "targets",
            gettext_lazy("年度目标及序时进度"),
            _labelled(
                Item,
                ("name", "unit", "target_value", "qualifier"),
                (TOWN, ("year", gettext_lazy("年度"))),
                (
                    ("actual", gettext_lazy("实际值")),
                    ("progress", gettext_lazy("完成进度(%)")),
                    ("time_progress", gettext_lazy("序时进度(%)")),
                    ("status", gettext_lazy("状态")),
                ),
            ),
            target_rows,
        ),
        Dataset(
            "projects",
            gettext_lazy("重点项目"),
            _labelled(
                Project,
                None,
                (TOWN,),
                (("stages", gettext_lazy("阶段日期")), ("status", gettext_lazy("状态"))),
            ),
            project_rows,
        ),
        Dataset(
            "livelihood",
            gettext_lazy("民生实事项目及票决结果"),
            _labelled(
                LivelihoodProject,
                None,
                (TOWN, ("year", gettext_lazy("年度")), ("phase", gettext_lazy("阶段"))),
                (("status", gettext_lazy("状态")), ("satisfaction", gettext_lazy("满意度(%)"))),
            ),
            livelihood_rows,
        ),
        Dataset(
            "facts",
            gettext_lazy("工作报告数据"),
            _labelled(Fact, None, (TOWN, ("report", gettext_lazy("报告")))),
            fact_rows,
        ),
        Dataset(
            "case-stats",
            gettext_lazy("诉求办理统计"),
            [
                TOWN,
                ("month", gettext_lazy("月份")),
                ("case_type", gettext_lazy("类型")),
                ("received", gettext_lazy("受理件数")),
                ("resolved", gettext_lazy("已办结")),
                ("on_time_rate", gettext_lazy("已办结件按期率(%)")),
                ("satisfaction_rate", gettext_lazy("满意率(%)")),
            ],
            case_stat_rows,
        ),
        Dataset(
            "cases",
            gettext_lazy("公开诉求"),
            [TOWN, *((p.key, p.label) for p in policy.PUBLIC_CASE_FIELDS)],
            public_case_rows,
        ),
    ]
    return {d.key: d for d in items}


def dataset_or_404(key: str) -> Dataset:
    found = datasets().get(key)
    if found is None:
        raise Http404
    return found


def dataset_table(area: Area, ds: Dataset) -> tuple[list[str], list[list]]:
    """Header labels and rows in column order: what CSV, Excel and the API's rows carry."""
    rows = ds.rows(area)
    return [str(label) for _k, label in ds.columns], [[r.get(k) for k, _l in ds.columns] for r in rows]


# --- Disclosure catalogue ------------------------------------------------------------------------


def catalogue(area: Area) -> list[dict]:
    """The area's 主动公开目录 with the documents published under each item."""
    where = Q(county=area.county, town__isnull=True) if area.is_county else Q(town__in=area.towns)
    items = DisclosureItem.objects.filter(where).prefetch_related("documents")
    out = []
    for item in items:
        docs = [d for d in item.documents.all() if d.state == DocState.PUBLISHED]
        out.append(
            {
                "pk": item.pk,
                **policy.public_dict(item),
                "documents": [
                    {"pk": d.pk, **policy.public_dict(d, only=("title", "published_at"))} for d in docs
                ],
            }
        )
    return out


def document_or_404(pk: int) -> dict:
    doc = DisclosureDocument.objects.filter(pk=pk, state=DocState.PUBLISHED).select_related("item").first()
    if doc is None:
        raise Http404
    return {"pk": doc.pk, **policy.public_dict(doc), "item": policy.public_dict(doc.item)}


def disclosure_report(area: Area, year: int) -> dict:
    """The annual report's figures (年度报告 draft): documents published per item, requests received,
    answered and answered on time (from the case roll-up of the 依申请公开 type)."""
    where = (
        Q(item__county=area.county, item__town__isnull=True)
        if area.is_county
        else Q(item__town__in=area.towns)
    )
    docs = DisclosureDocument.objects.filter(where, state=DocState.PUBLISHED, published_at__year=year)
    stat = CaseMonthlyStat.objects.filter(
        town_id__in=[t.pk for t in area.towns],
        month__year=year,
        case_type_id__in=CaseType.objects.filter(code=DISCLOSURE_TYPE).values("pk"),
    ).aggregate(n=Sum("n"), resolved=Sum("resolved"), on_time=Sum("on_time"))
    return {
        "year": year,
        "documents": docs.count(),
        "by_category": _count_by(docs),
        "requests": stat["n"] or 0,
        "answered": stat["resolved"] or 0,
        "on_time": stat["on_time"] or 0,
    }


def _count_by(docs) -> list[tuple[str, int]]:
    counts: dict[str, int] = defaultdict(int)
    for category in docs.values_list("item__category", flat=True):
        counts[category] += 1
    return sorted(counts.items())


DISCLOSURE_TYPE = "disclosure"  # the 依申请公开 case type (migration 0002_disclosure_request_type)


def annual_years() -> list[int]:
    """Years an annual report may be drafted for: the last five, the previous year first."""
    this = timezone.localdate().year
    return list(range(this - 1, this - 6, -1))


def annual_draft(town: Town, year: int) -> dict:
    """The document form's initial values for the town's annual disclosure report of ``year``: title and
    text drafted from the records (``annual``), under the town's 年度报告 catalogue item if it has one."""
    from luoshi.portal import annual

    if year not in annual_years():
        raise Http404
    f = annual.figures(county=town.county, towns=[town], is_county=False, year=year)
    title, body = annual.draft_text(town.name, f)
    item = DisclosureItem.objects.filter(town=town, category=annual.ANNUAL_CATEGORY).first()
    return {"item": item, "title": title, "body": body}


# --- Staff: the management page ------------------------------------------------------------------


def managed_towns(user):
    """Towns whose publication the user decides: their own town (office, leaders), every town (admin)."""
    from luoshi.org.scoping import scope_of

    scope = scope_of(user)
    qs = Town.objects.order_by("code")
    return qs if scope.is_admin else qs.filter(pk__in=scope.town_ids)


def managed_town(user, raw, towns) -> Town | None:
    """The town chosen on the page (a number among ``towns``), else the first one; never another."""
    from luoshi.lib.params import int_param

    pk = int_param(raw, "town") if raw else None
    if pk is not None:
        found = towns.filter(pk=pk).first()
        if found is None:
            raise Http404
        return found
    return towns.first()


def manageable_report(user, town: Town, pk: int | None) -> Report:
    report = Report.objects.filter(pk=pk, town=town).first() if pk else None
    if report is None:
        raise Http404
    return report


def manageable_indicator(town: Town, pk: int | None):
    from luoshi.accounts.models import Indicator

    found = (
        Indicator.objects.filter(Q(town__isnull=True) | Q(town=town), pk=pk, is_active=True).first()
        if pk
        else None
    )
    if found is None:
        raise Http404
    return found


def publish_preview(town: Town | None, obj) -> dict:
    """What the confirmation page says a publication makes public: the indicator's figure as a visitor
    will see it, the report with its facts, or the reviewed document."""
    from luoshi.accounts.models import Indicator

    if isinstance(obj, Indicator):
        fig = latest_in_year(obj, town, _year())
        shown = f"{fig.display} · {fig.period_display}" if fig.value is not None else _("本年度尚无数值")
        return {"town": town, "kind": _("指标"), "name": obj.name, "shown": shown}
    if isinstance(obj, Report):
        n = obj.facts.count()
        shown = ngettext("报告正文及 %(n)s 条数据", "报告正文及 %(n)s 条数据", n) % {"n": n}
        return {"town": town, "kind": _("工作报告"), "name": obj.title, "shown": shown}
    return {"town": town, "kind": _("主动公开文件"), "name": obj.title, "shown": obj.item.title}


def manage_context(user, town: Town | None) -> dict:
    """The management page: the town's plan-bound and published indicators, its reports, the
    catalogue items the user manages and their documents in every state."""
    from luoshi.accounts.models import Indicator
    from luoshi.org.scoping import visible
    from luoshi.portal import services

    if town is None:
        return {"indicators": [], "reports": [], "documents": [], "items": []}
    published = set(PublishedIndicator.objects.filter(town=town).values_list("indicator_id", flat=True))
    bound = set(
        Plan.objects.filter(town=town, year=_year()).values_list("items__indicator_id", flat=True)
    ) - {None}
    indicators = Indicator.objects.filter(pk__in=bound | published).order_by("code")
    reports = Report.objects.filter(town=town).select_related("publication").order_by("-plan_year")
    items = [i for i in visible(DisclosureItem, user) if services.can_manage_item(user, i)]
    documents = (
        DisclosureDocument.objects.filter(item__in=items)
        .select_related("item", "created_by", "reviewed_by")
        .order_by("state", "-id")
    )
    return {
        "indicators": [(i, i.pk in published) for i in indicators],
        "reports": reports,
        "items": items,
        "documents": [(d, _doc_actions(user, d)) for d in documents],
    }


def _doc_actions(user, doc) -> list[tuple[str, str]]:
    from luoshi.portal.services import DOC_TRANSITIONS

    labels = {
        "submit": _("提交审核"),
        "publish": _("审核通过并公开"),
        "return": _("退回"),
        "withdraw": _("撤回"),
    }
    out = []
    for action, (sources, _target, who) in DOC_TRANSITIONS.items():
        if doc.state not in sources:
            continue
        if who == "author" and doc.created_by_id != user.pk:
            continue
        if who == "reviewer" and doc.created_by_id == user.pk:
            continue
        out.append((action, labels[action]))
    return out
