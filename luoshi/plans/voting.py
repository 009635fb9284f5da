"""Vote arithmetic, pure: reconciling a paper tally, counting ballots, the adoption rule, the seal hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

CHOICES = ("agree", "disagree", "abstain")


@dataclass(frozen=True)
class Tally:
    candidate: int
    agree: int
    disagree: int
    abstain: int


def reconcile_paper(
    *,
    issued: int,
    returned: int,
    valid: int,
    invalid: int,
    rows: Iterable[Tally],
    names: Mapping[int, str] | None = None,
) -> list[str]:
    """Reasons the paper counts do not add up (empty when they reconcile).

    A candidate is named by ``names[id]`` when given, else by its id.
    """
    names = names or {}
    errors = []
    if min(issued, returned, valid, invalid) < 0:
        errors.append(_("票数不能为负数。"))
    if returned > issued:
        errors.append(
            _("收回选票 %(returned)s 张多于发出选票 %(issued)s 张。")
            % {"returned": returned, "issued": issued}
        )
    if valid + invalid != returned:
        errors.append(
            _("有效票 %(valid)s + 无效票 %(invalid)s ≠ 收回选票 %(returned)s。")
            % {"valid": valid, "invalid": invalid, "returned": returned}
        )
    for row in rows:
        name = names.get(row.candidate)
        if min(row.agree, row.disagree, row.abstain) < 0:
            if name is None:
                errors.append(_("候选项目 %(id)s 的票数不能为负数。") % {"id": row.candidate})
            else:
                errors.append(_("“%(name)s”的票数不能为负数。") % {"name": name})
        total = row.agree + row.disagree + row.abstain
        if total > valid:
            values = {"id": row.candidate, "name": name, "total": total, "valid": valid}
            if name is None:
                errors.append(
                    _("候选项目 %(id)s 的赞成+反对+弃权 = %(total)s，多于有效票 %(valid)s。") % values
                )
            else:
                errors.append(_("“%(name)s”的赞成+反对+弃权 = %(total)s，多于有效票 %(valid)s。") % values)
    return errors


def count_ballots(ballots: Iterable[Mapping[str, str]], candidates: Iterable[int]) -> dict[int, Tally]:
    """Tallies from anonymous ballots (candidate id as str → choice); an unmarked candidate counts as abstain."""
    ids = list(candidates)
    counts = {cid: {c: 0 for c in CHOICES} for cid in ids}
    for ballot in ballots:
        for cid in ids:
            choice = ballot.get(str(cid), "abstain")
            counts[cid][choice if choice in CHOICES else "abstain"] += 1
    return {cid: Tally(cid, **counts[cid]) for cid in ids}


def adopt(
    tallies: Iterable[Tally], *, seats: int, rule: str, deputies_total: int, valid_ballots: int
) -> tuple[list[int], list[str]]:
    """Candidates adopted by the rule, best first, and warnings (e.g. a tie at the last seat).

    ``top_n_majority_all`` (default): more than half of all deputies' votes, then the top ``seats`` by
    agree votes. ``top_n_majority_valid``: more than half of the valid ballots. ``top_n``: top by agree.
    Ties at the last seat are not broken by the machine: none of the tied candidates is adopted and a
    warning asks for a decision recorded as an override.
    """
    rows = sorted(tallies, key=lambda t: (-t.agree, t.candidate))
    if rule == "top_n_majority_all":
        rows = [t for t in rows if t.agree * 2 > deputies_total]
    elif rule == "top_n_majority_valid":
        rows = [t for t in rows if t.agree * 2 > valid_ballots]
    elif rule != "top_n":
        raise ValueError(f"unknown rule {rule!r}")
    warnings: list[str] = []
    if len(rows) > seats:
        boundary = rows[seats - 1].agree if seats else None
        if seats and rows[seats].agree == boundary:
            tied = [t.candidate for t in rows if t.agree == boundary]
            warnings.append(
                _("第 %(seat)s 名出现并列（赞成 %(agree)s 票），并列项目均未自动确定，请依法处理并记录理由。")
                % {"seat": seats, "agree": boundary}
            )
            rows = [t for t in rows[:seats] if t.candidate not in tied]
        else:
            rows = rows[:seats]
    return [t.candidate for t in rows], warnings


def seal_digest(
    *,
    round_id: int,
    mode: str,
    ballots: Iterable[Mapping[str, str]] = (),
    tallies: Iterable[Tally] = (),
    paper: Mapping[str, int] | None = None,
) -> str:
    """SHA-256 over a canonical form: sorted ballots, tallies by candidate, paper totals."""
    canonical = {
        "round": round_id,
        "mode": mode,
        "ballots": sorted(json.dumps(dict(b), sort_keys=True, separators=(",", ":")) for b in ballots),
        "tallies": [
            [t.candidate, t.agree, t.disagree, t.abstain] for t in sorted(tallies, key=lambda t: t.candidate)
        ],
        "paper": dict(sorted((paper or {}).items())),
    }
    blob = json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()


def rule_statement(*, rule: str, seats: int, deputies_total: int, valid_ballots: int) -> str:
    """The adoption rule as a sentence naming its denominator, for the published result."""
    if rule == "top_n_majority_all":
        return _(
            "确定规则：赞成票超过全体代表 %(n)d 人的半数（至少 %(min)d 票）的候选项目中，按赞成票从高到低确定 %(seats)d 项。"
        ) % {"n": deputies_total, "min": deputies_total // 2 + 1, "seats": seats}
    if rule == "top_n_majority_valid":
        return _(
            "确定规则：赞成票超过有效票 %(n)d 张的半数（至少 %(min)d 票）的候选项目中，按赞成票从高到低确定 %(seats)d 项。"
        ) % {"n": valid_ballots, "min": valid_ballots // 2 + 1, "seats": seats}
    return _("确定规则：按赞成票从高到低确定 %(seats)d 项，不设过半数要求。") % {"seats": seats}
