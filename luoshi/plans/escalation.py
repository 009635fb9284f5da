"""Problems needing help from above (需协调解决的问题) escalated to the county: 请示上级协调 cases.

The 上级交办 flow in reverse: the town's leaders or office file a problem raised in a project's
update as a case of type ``coordination`` (deadline in working days from its SLA policy); county
staff of the town's county answer it in the case engine (``cases.workflow.COUNTY_HANDLED_TYPES``).
The reply and its state are read from the case wherever the problem is shown (project page, update,
dispatch agenda), never copied; the problem stays on the agenda until the town marks it resolved.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases import services as case_services
from luoshi.org.models import User
from luoshi.plans import selectors as sel
from luoshi.plans.models import Update
from luoshi.plans.services import PlanError, _by, _require

CASE_TYPE = "coordination"


@transaction.atomic
def update_escalate(*, update: Update, by: User, text: str = "", now: dt.datetime | None = None) -> Update:
    """File the open problem of a project update with the county; refuses twice, closed or foreign ones."""
    update = (
        Update.objects.select_for_update(of=("self",))
        .select_related("plan__town", "project")
        .get(pk=update.pk)
    )
    _require(sel.can_manage(by, update.plan), _("只有本镇领导或党政办可以向上级请示协调。"))
    _require(update.project_id is not None, _("只有重点项目的问题可以向上级请示协调。"))
    _require(update.is_open_problem, _("只有尚未解决的待协调问题可以向上级请示协调。"))
    _require(update.case_id is None, _("该问题已向上级请示协调。"))
    text = (text or "").strip()
    _require("\x00" not in text, _("不能包含空字符（NUL）。"))
    project = update.project
    lines = [
        _("项目：%(p)s（%(t)s）") % {"p": project.name, "t": update.plan.town.name},
        _("问题：%(q)s") % {"q": update.problem},
    ]
    if update.help_from:
        lines.append(_("需谁协调：%(w)s") % {"w": update.help_from})
    lines.append(_("进展情况（%(d)s）：%(x)s") % {"d": update.date.isoformat(), "x": update.text})
    if text:
        lines.append(_("请示事项：%(x)s") % {"x": text})
    try:
        case = case_services.case_create(
            case_type=CASE_TYPE,
            title=(_("%(p)s：%(q)s") % {"p": project.name, "q": update.problem})[:200],
            content="\n".join(lines),
            actor=by,
            town=update.plan.town,
            received_at=now or timezone.now(),
        )
    except case_services.CaseError as exc:
        raise PlanError(exc.message) from exc
    update.case = case
    _by(update, by).save(update_fields=["case"])
    return update
