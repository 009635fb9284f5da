"""Assessment arithmetic (综合考核计分), pure: no Django, no database.

A scheme is a list of indicator lines; each town brings its category (一类/二类/三类), one value and
one target per line, its bonus points (加分), deductions (扣分) and veto items (一票否决). Rules per
line (DOMAIN.md §10.3):

* ``ratio``: weight × min(completion, cap), completion = value ÷ target (target ÷ value when lower
  is better), never below 0;
* ``rank``: within the town's category, the best value gets the whole weight and each place below
  one n-th less (weight × (n − rank + 1) ÷ n over the n towns with a value; ties share a place);
* ``threshold``: the share of the weight of the highest step whose completion is reached
  (steps like ``[(1.0, 1.0), (0.9, 0.8), (0.8, 0.5)]``), else 0;
* ``passfail``: the whole weight when completion reaches 100 %, else 0.

A line without a value (or a target the rule needs) scores 0 and says so. The total is the base
score + bonus (capped when the scheme caps it) − deductions. A veto sets the result whatever the
score: the town fails and is ranked after every town without a veto. Towns are ranked within their
category by total (ties share a place: 1, 2, 2, 4).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

RATIO, RANK, THRESHOLD, PASSFAIL = "ratio", "rank", "threshold", "passfail"
RULES = (RATIO, RANK, THRESHOLD, PASSFAIL)


class SchemeError(ValueError):
    """A line that cannot be scored as written (weight, cap, thresholds)."""


@dataclass(frozen=True)
class LineSpec:
    key: int
    weight: float
    rule: str = RATIO
    cap: float = 1.0
    lower_is_better: bool = False
    thresholds: tuple[tuple[float, float], ...] = ()

    def check(self) -> None:
        if self.rule not in RULES:
            raise SchemeError(f"line {self.key}: unknown rule {self.rule!r}")
        if not (self.weight >= 0 and self.weight < 1e6):
            raise SchemeError(f"line {self.key}: weight must be between 0 and 1e6")
        if not (self.cap >= 1 and self.cap <= 10):
            raise SchemeError(f"line {self.key}: cap must be between 1 and 10")
        if self.rule == THRESHOLD and not self.thresholds:
            raise SchemeError(f"line {self.key}: a threshold rule needs at least one step")
        for reach, share in self.thresholds:
            if not (0 <= reach <= 10 and 0 <= share <= 1):
                raise SchemeError(f"line {self.key}: a step is (completion 0–10, share 0–1)")


@dataclass(frozen=True)
class TownInput:
    town: int
    category: int
    values: dict[int, float | None]
    targets: dict[int, float | None]
    bonus: float = 0.0
    deduction: float = 0.0
    vetoes: tuple[str, ...] = ()


@dataclass
class LineScore:
    key: int
    value: float | None
    target: float | None
    completion: float | None
    score: float
    missing: bool = False  # no value (or no target where the rule needs one): scored 0


@dataclass
class TownScore:
    town: int
    category: int
    lines: list[LineScore] = field(default_factory=list)
    base: float = 0.0
    bonus: float = 0.0
    deduction: float = 0.0
    total: float = 0.0
    vetoed: bool = False
    vetoes: tuple[str, ...] = ()
    rank: int | None = None  # within the category; None when vetoed
    passed: bool = False


def completion(value: float | None, target: float | None, lower_is_better: bool = False) -> float | None:
    """value ÷ target (target ÷ value when lower is better), at least 0; None when it cannot be formed."""
    if value is None or target is None:
        return None
    if lower_is_better:
        if value <= 0:
            # none at all against a positive ceiling: the best possible (any cap applies)
            return None if target < 0 else 10.0 if target > 0 else 1.0
        return max(target / value, 0.0)
    if target == 0:
        return None
    return max(value / target, 0.0)


def _places(items: list[tuple[int, float]], descending: bool = True) -> dict[int, int]:
    """Competition ranking (1, 2, 2, 4) of (id, number) pairs."""
    ordered = sorted(items, key=lambda p: -p[1] if descending else p[1])
    out: dict[int, int] = {}
    for i, (ident, number) in enumerate(ordered):
        if i and number == ordered[i - 1][1]:
            out[ident] = out[ordered[i - 1][0]]
        else:
            out[ident] = i + 1
    return out


def line_score(spec: LineSpec, value, target, place: int | None = None, of: int = 0) -> LineScore:
    """One line of one town (``place`` of ``of``: its rank in the category, for the rank rule)."""
    comp = completion(value, target, spec.lower_is_better)
    if spec.rule == RANK:
        if value is None or place is None or not of:
            return LineScore(spec.key, value, target, comp, 0.0, missing=True)
        return LineScore(spec.key, value, target, comp, round(spec.weight * (of - place + 1) / of, 4))
    if comp is None:
        return LineScore(spec.key, value, target, None, 0.0, missing=True)
    if spec.rule == RATIO:
        score = spec.weight * min(comp, spec.cap)
    elif spec.rule == PASSFAIL:
        score = spec.weight if comp >= 1 else 0.0
    else:  # THRESHOLD
        share = next((s for reach, s in sorted(spec.thresholds, reverse=True) if comp >= reach), 0.0)
        score = spec.weight * share
    return LineScore(spec.key, value, target, comp, round(score, 4))


def score(
    lines: list[LineSpec], towns: list[TownInput], *, pass_score: float = 60.0, bonus_cap: float | None = None
) -> list[TownScore]:
    """Score every town, rank within categories; the result lists categories in order, best first."""
    for spec in lines:
        spec.check()
    by_category: dict[int, list[TownInput]] = defaultdict(list)
    for t in towns:
        by_category[t.category].append(t)
    # places per (category, rank-rule line)
    places: dict[tuple[int, int], dict[int, int]] = {}
    counts: dict[tuple[int, int], int] = {}
    for cat, members in by_category.items():
        for spec in lines:
            if spec.rule != RANK:
                continue
            have = [(t.town, v) for t in members if (v := t.values.get(spec.key)) is not None]
            places[(cat, spec.key)] = _places(have, descending=not spec.lower_is_better)
            counts[(cat, spec.key)] = len(have)
    out: list[TownScore] = []
    for t in towns:
        ts = TownScore(town=t.town, category=t.category, vetoes=tuple(t.vetoes), vetoed=bool(t.vetoes))
        for spec in lines:
            ls = line_score(
                spec,
                t.values.get(spec.key),
                t.targets.get(spec.key),
                places.get((t.category, spec.key), {}).get(t.town),
                counts.get((t.category, spec.key), 0),
            )
            ts.lines.append(ls)
        ts.base = round(sum(ls.score for ls in ts.lines), 2)
        ts.bonus = round(min(t.bonus, bonus_cap) if bonus_cap is not None else t.bonus, 2)
        ts.deduction = round(t.deduction, 2)
        ts.total = round(ts.base + ts.bonus - ts.deduction, 2)
        ts.passed = not ts.vetoed and ts.total >= pass_score
        out.append(ts)
    for cat in by_category:
        ranked = _places([(ts.town, ts.total) for ts in out if ts.category == cat and not ts.vetoed])
        for ts in out:
            if ts.category == cat and not ts.vetoed:
                ts.rank = ranked[ts.town]
    out.sort(key=lambda ts: (ts.category, ts.vetoed, ts.rank or 0, -ts.total, ts.town))
    return out
