"""The livelihood-project round (民生实事票决) as one declared state machine.

``TRANSITIONS`` is the table: from each phase, the next phase, who may move it there and what must hold.
``ACTIONS`` says in which phases each write is allowed. ``luoshi.plans.services`` enforces both;
docs/plans.md draws them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from luoshi.org.roles import Role
from luoshi.plans.models import LivelihoodRound, Phase, Proposal

MANAGERS = frozenset({Role.OFFICE, Role.LEADER})


def _has_proposals(r: LivelihoodRound) -> str | None:
    return None if r.proposals.exists() else _("尚未征集到任何建议项目。")


def _all_screened(r: LivelihoodRound) -> str | None:
    n = r.proposals.filter(status=Proposal.Status.COLLECTED).count()
    return _("还有 %(n)d 条建议未完成筛选。") % {"n": n} if n else None


def _more_candidates_than_seats(r: LivelihoodRound) -> str | None:
    n = r.candidates.count()
    if n <= r.seats:
        return _("候选项目 %(n)d 个，须多于拟确定的 %(s)d 个（差额票决）。") % {"n": n, "s": r.seats}
    return None


def _candidates_complete(r: LivelihoodRound) -> str | None:
    bad = [c.name for c in r.candidates.all() if not c.budget or not c.owner_unit_id]
    return _("以下候选项目缺少预算或责任单位：%(names)s") % {"names": "、".join(bad)} if bad else None


def _deputies_exist(r: LivelihoodRound) -> str | None:
    from luoshi.plans.selectors import town_deputies

    return None if town_deputies(r.plan.town).exists() else _("本镇尚无人大代表账号。")


def _sealed(r: LivelihoodRound) -> str | None:
    return None if r.is_sealed else _("表决结果尚未封存。")


def _all_accepted(r: LivelihoodRound) -> str | None:
    n = r.candidates.filter(adopted=True, accepted_on__isnull=True).count()
    return _("还有 %(n)d 个项目未验收。") % {"n": n} if n else None


def _all_evaluated(r: LivelihoodRound) -> str | None:
    n = r.candidates.filter(adopted=True, eval_satisfied__isnull=True).count()
    return _("还有 %(n)d 个项目未完成满意度测评。") % {"n": n} if n else None


@dataclass(frozen=True)
class Step:
    to: Phase
    roles: frozenset[str]
    requires: tuple[Callable[[LivelihoodRound], str | None], ...] = ()


TRANSITIONS: dict[Phase, Step] = {
    Phase.COLLECTING: Step(Phase.SCREENING, MANAGERS, (_has_proposals,)),
    Phase.SCREENING: Step(Phase.CANDIDATES, MANAGERS, (_all_screened,)),
    Phase.CANDIDATES: Step(
        Phase.VOTING, MANAGERS, (_more_candidates_than_seats, _candidates_complete, _deputies_exist)
    ),
    Phase.VOTING: Step(Phase.ANNOUNCED, MANAGERS, (_sealed,)),
    Phase.ANNOUNCED: Step(Phase.IMPLEMENTING, MANAGERS),
    Phase.IMPLEMENTING: Step(Phase.ACCEPTANCE, MANAGERS),
    Phase.ACCEPTANCE: Step(Phase.EVALUATION, MANAGERS, (_all_accepted,)),
    Phase.EVALUATION: Step(Phase.CLOSED, MANAGERS, (_all_evaluated,)),
}

# Which writes each phase allows.
ACTIONS: dict[str, frozenset[Phase]] = {
    "proposal_create": frozenset({Phase.COLLECTING, Phase.SCREENING}),
    "proposal_screen": frozenset({Phase.SCREENING}),
    "candidate_create": frozenset({Phase.SCREENING, Phase.CANDIDATES}),
    "ballot_cast": frozenset({Phase.VOTING}),
    "paper_tally": frozenset({Phase.VOTING}),
    "vote_seal": frozenset({Phase.VOTING}),
    "vote_override": frozenset({Phase.VOTING, Phase.ANNOUNCED}),
    "progress": frozenset({Phase.ANNOUNCED, Phase.IMPLEMENTING, Phase.ACCEPTANCE}),
    "accept": frozenset({Phase.IMPLEMENTING, Phase.ACCEPTANCE}),
    "evaluate": frozenset({Phase.EVALUATION}),
}

ORDER = list(Phase)


def blockers(r: LivelihoodRound) -> list[str]:
    step = TRANSITIONS.get(Phase(r.phase))
    if step is None:
        return [_("已办结。")]
    return [msg for check in step.requires if (msg := check(r))]
