"""A key project's enterprise in the economy register (issue 15 item 1), as the project page shows it.

Linking is the economy app's service (``economy.services.project_enterprise_link`` / ``_confirm``);
confidentiality is the economy app's rule (``economy.access``): per-enterprise figures only for the
town's leaders and economy office, every such view logged (``EnterpriseView``). Everyone else who
reads the project sees which enterprise it became, never its figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from luoshi.economy import access
from luoshi.economy.models import Enterprise, EnterpriseView, MonthlyReturn
from luoshi.economy.services import PROJECT_STAGES
from luoshi.plans.models import Project

FIGURES = ("kwh", "employment", "output", "sales", "tax")


@dataclass
class Panel:
    enterprise: Enterprise | None
    desk: bool  # the reader may see per-enterprise figures (and settle proposals)
    pending: bool  # reached 投产/入库 without a linked enterprise: a proposal for the economy office
    latest: MonthlyReturn | None = None
    candidates: list | None = None


def is_desk_for(user, project: Project) -> bool:
    return access.desk_towns(user).filter(pk=project.plan.town_id).exists()


def panel(user, project: Project, *, channel: str = EnterpriseView.Channel.PAGE) -> Panel | None:
    """What the project page shows of its enterprise; logs the view when figures are shown."""
    ent = Enterprise.objects.filter(project=project).select_related("town").first()
    pending = ent is None and project.stage in PROJECT_STAGES
    if ent is None and not pending:
        return None
    desk = is_desk_for(user, project)
    out = Panel(ent, desk, pending)
    if ent is not None and desk:
        access.enterprise_for(user, ent.pk, channel=channel)  # scoped again and logged
        out.latest = MonthlyReturn.objects.filter(enterprise=ent).order_by("-month").first()
    elif pending and desk:
        out.candidates = list(candidates(project)[:50])
    return out


def candidates(project: Project) -> QuerySet[Enterprise]:
    """Unlinked enterprises of the project's town, those sharing the code or a name first."""
    qs = Enterprise.objects.filter(town_id=project.plan.town_id, project__isnull=True)
    hints = [h for h in (project.credit_code, project.investor[:4], project.name[:4]) if h]
    first = [e.pk for e in qs.filter(credit_code__in=[project.credit_code] if project.credit_code else [])]
    for hint in hints[1:]:
        first += list(qs.filter(name__icontains=hint).values_list("pk", flat=True)[:10])
    ordered = list(dict.fromkeys(first))
    rest = qs.exclude(pk__in=ordered).order_by("name")
    return list(qs.filter(pk__in=ordered)) + list(rest)


def proposals_for(user) -> QuerySet[Project]:
    """Projects at 投产/入库 without an enterprise, in the towns whose economy office the user is."""
    return (
        Project.objects.filter(
            plan__town__in=access.desk_towns(user), stage__in=PROJECT_STAGES, enterprise__isnull=True
        )
        .select_related("plan__town", "owner_unit")
        .order_by("plan__town", "name")
    )
