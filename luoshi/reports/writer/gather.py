"""Gather what the writer quotes, from Luoshi's records, as ``compose.Inputs``.

Every number comes from an indicator (``luoshi.accounts``: computed from the records, or reported
with its source) or is a count of records listed right there (next year's key projects and
livelihood candidates); each carries the URL of its provenance page.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from luoshi.accounts import periods
from luoshi.accounts.models import Indicator
from luoshi.accounts.registry import sharing_case_cells
from luoshi.accounts.selectors import bound_figures, figure
from luoshi.org.models import Town
from luoshi.plans.models import Item, LivelihoodProject, LivelihoodRound, Plan, Project
from luoshi.reports.writer.compose import Figure, Inputs, Named, Target

# Computed indicators the review part quotes beside the plan's own targets.
FIGURE_CODES = [
    "projects-key-count",
    "projects-key-investment-done",
    "projects-started",
    "projects-completed",
    "projects-signed-100m",
    "projects-producing",
    "livelihood-adopted",
    "livelihood-completed",
    "cases-hotline-received",
    "cases-hotline-on-time",
    "cases-hotline-satisfaction",
    "cases-grid-received",
    "cases-grid-completion",
    "cases-dispute-received",
    "cases-dispute-mediation",
    "cases-hazard-received",
    "cases-hazard-closed",
    "cases-hazard-rectification",
    "cases-petition-received",
    "cases-petition-on-time",
    "cases-suggestion-on-time",
]


def _town_kind(town: Town) -> str:
    if town.name.endswith("街道"):
        return "街道"
    return "乡" if town.name.endswith("乡") else "镇"


def _figure(fig) -> Figure:
    ind = fig.indicator
    value = fig.value
    if value is not None and ind.unit == "%":
        value = round(value, 1)
    return Figure(code=ind.code, label=ind.name, value=value, unit=ind.unit, measure=ind.measure, url=fig.url)


def _target_name(name: str) -> str:
    return name[2:] if name.startswith("完成") and len(name) > 4 else name


def gather(town: Town, year: int, now: dt.datetime | None = None) -> Inputs:
    with sharing_case_cells():  # some twenty case figures of one town and year: one read of the roll-up
        return _gather(town, year, now or timezone.now())


def _gather(town: Town, year: int, now: dt.datetime) -> Inputs:
    inp = Inputs(town=town.name, town_kind=_town_kind(town), review_year=year, plan_year=year + 1)
    period = periods.Period(year, periods.YEAR)
    for ind in Indicator.objects.filter(code__in=FIGURE_CODES, is_active=True):
        inp.figures[ind.code] = _figure(figure(ind, town, period, now))

    plan = Plan.objects.filter(town=town, year=year).first()
    if plan is not None:
        items = list(
            plan.items.filter(kind=Item.Kind.TARGET, indicator__isnull=False)
            .select_related("indicator")
            .order_by("order", "id")
        )
        figs = bound_figures(items, town, year, now)
        for it in items:
            inp.review_targets.append(
                Target(
                    key=f"item-{it.pk}",
                    name=_target_name(it.name),
                    area=it.area,
                    value=it.target_value,
                    unit=it.unit,
                    measure=it.measure or "level",
                    qualifier=it.qualifier,
                    url=reverse("plans:item", args=[it.pk]),
                    result=_figure(figs[it.pk]) if it.pk in figs else None,
                )
            )
        last_day = dt.date(year, 12, 31)
        adopted = LivelihoodProject.objects.filter(round__plan=plan, adopted=True).order_by("id")
        for p in adopted:
            done = p.accepted_on is not None and p.accepted_on <= last_day
            url = reverse("plans:livelihood", args=[p.pk])
            inp.livelihood.append(Named(key=f"lv-{p.pk}", name=p.name, url=url, done=done))

    nxt = Plan.objects.filter(town=town, year=year + 1).first()
    rnd = None
    if nxt is not None:
        for it in nxt.items.filter(kind=Item.Kind.TARGET, target_value__isnull=False).order_by("order", "id"):
            inp.next_targets.append(
                Target(
                    key=f"item-{it.pk}",
                    name=it.name,
                    area=it.area,
                    value=it.target_value,
                    unit=it.unit,
                    measure=it.measure or "level",
                    qualifier=it.qualifier,
                    url=reverse("plans:item", args=[it.pk]),
                )
            )
        for p in nxt.projects.filter(kind=Project.Kind.KEY).order_by("-investment", "id"):
            inp.next_projects.append(
                Named(
                    key=f"pj-{p.pk}",
                    name=p.name,
                    url=reverse("plans:project", args=[p.pk]),
                    amount=float(p.investment) if p.investment else None,
                )
            )
        rnd = LivelihoodRound.objects.filter(plan=nxt).first()
        if rnd is not None:
            cands = LivelihoodProject.objects.filter(round=rnd).filter(
                Q(adopted__isnull=True) | Q(adopted=True)
            )
            for c in cands.order_by("id"):
                inp.next_candidates.append(
                    Named(
                        key=f"lv-{c.pk}",
                        name=c.name,
                        url=reverse("plans:livelihood", args=[c.pk]),
                        amount=float(c.budget) if c.budget else None,
                    )
                )
            inp.next_seats = rnd.seats
    session = rnd.session_name if rnd is not None and rnd.session_name else ""
    inp.session = session or f"{town.name}人民代表大会"
    return inp
