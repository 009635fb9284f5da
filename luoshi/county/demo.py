"""Demo assessment: the year's comprehensive assessment of the demo towns, scored from the demo plan's
indicators (published, with a bonus and a deduction), a draft quarterly competition, one objection."""

from __future__ import annotations

from django.utils import timezone

from luoshi.accounts.models import Indicator
from luoshi.county import services
from luoshi.county.models import Scheme
from luoshi.plans.models import Item

# plan area → assessment group
GROUPS = {
    "economy": "economy",
    "projects": "economy",
    "rural": "rural",
    "ecology": "ecology",
    "livelihood": "livelihood",
    "safety": "safety",
    "governance": "party",
}


def load(ctx, progress=lambda msg: None) -> None:
    if Scheme.objects.filter(county=ctx.county).exists():
        return
    progress("  county assessment …")
    county = ctx.users["county"]
    year = timezone.localdate().year
    towns = ctx.towns
    scheme = services.scheme_create(
        county=ctx.county,
        name=f"{year}年度乡镇综合考核",
        year=year,
        by=county,
        document=f"青岚县委办〔{year}〕8号",
        towns={t: 1 for t in towns},
    )
    items = (
        Item.objects.filter(
            plan__town=towns[0], plan__year=year, indicator__isnull=False, target_value__isnull=False
        )
        .select_related("indicator")
        .order_by("order")
    )
    chosen = [it for it in items if it.indicator.town_id is None][:8]
    weight = round(90 / max(len(chosen), 1), 1)
    for n, it in enumerate(chosen):
        services.line_add(
            scheme=scheme,
            indicator=it.indicator,
            group=GROUPS.get(it.area, "economy"),
            weight=weight if n else round(90 - weight * (len(chosen) - 1), 1),  # the lines total 90
            target=it.target_value,
            cap=1.2,
            by=county,
        )
    hazard = Indicator.objects.filter(code="cases-hazard-rectification").first()
    if hazard:
        services.line_add(
            scheme=scheme, indicator=hazard, group="safety", weight=10, rule="rank", cap=1.0, by=county
        )
    services.adjustment_add(
        scheme=scheme,
        town=towns[0],
        kind="bonus",
        points=2,
        reason="获评省级卫生乡镇",
        document=f"省爱卫办〔{year}〕3号",
        by=county,
    )
    if len(towns) > 1:
        services.adjustment_add(
            scheme=scheme,
            town=towns[1],
            kind="deduction",
            points=1,
            reason="上级交办事项超期被全县通报",
            by=county,
        )
    if scheme.lines.exists():
        result = services.result_compute(scheme=scheme, by=county)
        services.result_publish(result=result, by=county)
        line = scheme.lines.order_by("order").first()
        services.objection_file(
            scheme=scheme,
            line=line,
            town=towns[0],
            text="本项数值未计入12月补报的数据，请核实。",
            by=ctx.users["office"],
        )
    # a quarterly single-theme competition: one group
    quarter = (timezone.localdate().month - 1) // 3 + 1
    contest = services.scheme_create(
        county=ctx.county,
        name=f"{year}年第{quarter}季度安全生产竞赛",
        year=year,
        kind=Scheme.Kind.QUARTER,
        quarter=quarter,
        by=county,
        towns={t: 1 for t in towns},
    )
    for code, weight in (("cases-hazard-rectification", 60), ("cases-dispute-mediation", 40)):
        ind = Indicator.objects.filter(code=code).first()
        if ind:
            services.line_add(
                scheme=contest, indicator=ind, group="safety", weight=weight, target=100, cap=1.0, by=county
            )
    if contest.lines.exists():
        services.result_compute(scheme=contest, by=county)
