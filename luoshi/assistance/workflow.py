"""The monitoring workflow (防返贫动态监测), declared once: states, transitions, who may fire each,
what each requires. ``services.household_transition`` enforces it; pages only ask it what to offer.
Drawn in ``docs/assistance.md``; follows DOMAIN.md §9 (中农组发〔2021〕7号).

    识别 flag (农户自主申报 / 干部排查 / 部门筛查预警) → flagged ─入户核实→ verified ─民主评议→ appraised
      ─公示→ publicised ─镇审核→ town_reviewed ─县审批→ monitored      (~15 days from flag: identify_due)
    monitored ─落实帮扶措施→ assisting (first measure, with its 帮扶责任人); visits any time
    assisting ─提出风险消除 (conditions checked from the records)→ elim_proposed ─核实→ elim_verified
      ─评议→ elim_appraised ─公示→ elim_publicised ─镇审核→ elim_town_reviewed ─县审批→ eliminated
    any elimination step ─不同意消除→ assisting;  flagged…town_reviewed ─不予纳入→ rejected
    eliminated | rejected ─重新识别 (返贫风险)→ flagged
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from luoshi.assistance.models import Household, Status
from luoshi.org.roles import Role
from luoshi.org.scoping import Scope

IDENTIFYING = (Status.FLAGGED, Status.VERIFIED, Status.APPRAISED, Status.PUBLICISED, Status.TOWN_REVIEWED)
MONITORED = (
    Status.MONITORED,
    Status.ASSISTING,
    Status.ELIM_PROPOSED,
    Status.ELIM_VERIFIED,
    Status.ELIM_APPRAISED,
    Status.ELIM_PUBLICISED,
    Status.ELIM_TOWN_REVIEWED,
)
ELIMINATING = MONITORED[2:]
# What the county may open: the records pending its approval (otherwise it sees aggregates only).
PENDING_COUNTY = (Status.TOWN_REVIEWED, Status.ELIM_TOWN_REVIEWED)
PUBLIC_NOTICE = {
    Status.PUBLICISED: _("拟纳入防返贫监测对象"),
    Status.ELIM_PUBLICISED: _("拟标注风险消除"),
}


class Actor:
    GRID = "grid"  # the grid worker of the household's grid
    VILLAGE = "village"  # a cadre of the household's village
    TOWN = "town"  # 党政办 or a leader of the household's town
    COUNTY = "county"  # county staff of the town's county


def actor_kinds(household: Household, scope: Scope) -> set[str]:
    """Which actors ``scope`` is for this household. Admins are none: running the system is not
    doing casework on people's sensitive data."""
    kinds = set()
    if household.grid_id and household.grid_id in scope.grid_ids:
        kinds.add(Actor.GRID)
    if household.village_id in scope.village_ids:
        kinds.add(Actor.VILLAGE)
    if household.town_id in scope.town_ids and scope.roles & {Role.OFFICE, Role.LEADER}:
        kinds.add(Actor.TOWN)
    if scope.county_ids and household.town.county_id in scope.county_ids:
        kinds.add(Actor.COUNTY)
    return kinds


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    actors: tuple[str, ...]
    note_label: str = ""  # the required note (评议结果, 审核意见 …); "" = optional
    check_elimination: bool = False  # the risk-elimination conditions must hold


V, G, T, C = Actor.VILLAGE, Actor.GRID, Actor.TOWN, Actor.COUNTY
S = Status
_TABLE = [
    Transition("verify", _("入户核实"), (S.FLAGGED,), S.VERIFIED, (V, G, T), _("核实情况")),
    Transition("appraise", _("民主评议"), (S.VERIFIED,), S.APPRAISED, (V,), _("评议结果")),
    Transition("publicise", _("公示"), (S.APPRAISED,), S.PUBLICISED, (V, T), _("公示地点与期限")),
    Transition("town_review", _("镇审核"), (S.PUBLICISED,), S.TOWN_REVIEWED, (T,), _("审核意见")),
    Transition("county_approve", _("县级审批"), (S.TOWN_REVIEWED,), S.MONITORED, (C,), _("审批意见")),
    Transition("reject", _("不予纳入"), IDENTIFYING, S.REJECTED, (V, T, C), _("理由")),
    Transition("start_assistance", _("落实帮扶措施"), (S.MONITORED,), S.ASSISTING, (V, T)),
    Transition(
        "propose_elimination",
        _("提出风险消除"),
        (S.ASSISTING,),
        S.ELIM_PROPOSED,
        (V, T),
        _("说明"),
        check_elimination=True,
    ),
    Transition(
        "elim_verify",
        _("入户核实（风险消除）"),
        (S.ELIM_PROPOSED,),
        S.ELIM_VERIFIED,
        (V, G, T),
        _("核实情况"),
    ),
    Transition(
        "elim_appraise", _("民主评议（风险消除）"), (S.ELIM_VERIFIED,), S.ELIM_APPRAISED, (V,), _("评议结果")
    ),
    Transition(
        "elim_publicise",
        _("公示（风险消除）"),
        (S.ELIM_APPRAISED,),
        S.ELIM_PUBLICISED,
        (V, T),
        _("公示地点与期限"),
    ),
    Transition(
        "elim_town_review",
        _("镇审核（风险消除）"),
        (S.ELIM_PUBLICISED,),
        S.ELIM_TOWN_REVIEWED,
        (T,),
        _("审核意见"),
    ),
    Transition(
        "elim_approve",
        _("县级审批（风险消除）"),
        (S.ELIM_TOWN_REVIEWED,),
        S.ELIMINATED,
        (C,),
        _("审批意见"),
        check_elimination=True,
    ),
    Transition("elim_refuse", _("不同意消除"), ELIMINATING, S.ASSISTING, (T, C), _("理由")),
    Transition(
        "reflag", _("重新识别（返贫风险）"), (S.ELIMINATED, S.REJECTED), S.FLAGGED, (V, G, T), _("理由")
    ),
]
TRANSITIONS: dict[str, Transition] = {t.name: t for t in _TABLE}


def allowed(household: Household, scope: Scope) -> list[Transition]:
    """The transitions ``scope`` may fire on ``household`` now (start_assistance fires with a measure)."""
    kinds = actor_kinds(household, scope)
    return [
        t
        for t in _TABLE
        if household.status in t.sources and kinds.intersection(t.actors) and t.name != "start_assistance"
    ]
