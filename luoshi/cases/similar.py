"""How alike two cases are: the ranking behind the merge form's duplicate candidates (重复件 / 并单).

Pure functions, no Django. A case is reduced to a ``Profile`` (place, category, contact phone and the
character bigrams of its title and content); ``compare`` scores a pair and names the reasons:

==========  ======  ==================================================================
reason      weight  when
==========  ======  ==================================================================
phone       3       the same contact phone, compared exactly (after trimming spaces)
village     1       the same village (社区)
grid        0.5     also the same grid
category    1       the same category (so also the same case type)
title       4 × J   title bigram Jaccard J ≥ ``TEXT_MIN`` ("标题相近")
content     4 × J   content bigram Jaccard J ≥ ``TEXT_MIN`` ("内容相近")
==========  ======  ==================================================================

Only the larger of the two text similarities counts towards the score (a near-identical title and
content are one piece of evidence, not two), but both are named when they pass ``TEXT_MIN``. A pair
is a candidate from ``MIN_SCORE`` on: the same caller alone, a clearly similar text alone
(J ≥ 0.5), or the same village together with the same category or a loosely similar text.

Chinese has no spaces, so words are approximated by overlapping character pairs: "村口路灯不亮" →
村口 口路 路灯 灯不 不亮. Text is NFKC-normalised and lower-cased; punctuation and spaces split it
into runs, and pairs never span a split.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PHONE_WEIGHT = 3.0
VILLAGE_WEIGHT = 1.0
GRID_WEIGHT = 0.5
CATEGORY_WEIGHT = 1.0
TEXT_WEIGHT = 4.0
TEXT_MIN = 0.3
MIN_SCORE = 2.0
# Content beyond this many characters adds little to the comparison and costs time.
CONTENT_CHARS = 300


def bigrams(text: str | None) -> frozenset[str]:
    """The set of adjacent character pairs within each run of letters, digits and CJK characters."""
    if not text:
        return frozenset()
    norm = unicodedata.normalize("NFKC", text).lower()
    pairs: set[str] = set()
    prev = ""
    for ch in norm:
        if ch.isalnum():
            if prev:
                pairs.add(prev + ch)
            prev = ch
        else:
            prev = ""
    return frozenset(pairs)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b|; 0.0 when either is empty (nothing to compare is no evidence)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


@dataclass(frozen=True, slots=True)
class Profile:
    village_id: int | None
    grid_id: int | None
    category_id: int | None
    phone: str
    title: frozenset[str]
    content: frozenset[str]


def profile(
    *,
    village_id: int | None,
    grid_id: int | None,
    category_id: int | None,
    phone: str | None,
    title: str | None,
    content: str | None,
) -> Profile:
    return Profile(
        village_id=village_id,
        grid_id=grid_id,
        category_id=category_id,
        phone=(phone or "").strip(),
        title=bigrams(title),
        content=bigrams((content or "")[:CONTENT_CHARS]),
    )


@dataclass(frozen=True, slots=True)
class Match:
    score: float
    reasons: tuple[
        str, ...
    ]  # in the order of the table above: phone, village, grid, category, title, content

    @property
    def is_candidate(self) -> bool:
        return self.score >= MIN_SCORE


def compare(a: Profile, b: Profile) -> Match:
    """Score the pair (symmetric) and list why it looks like a duplicate."""
    score = 0.0
    reasons: list[str] = []
    if a.phone and a.phone == b.phone:
        score += PHONE_WEIGHT
        reasons.append("phone")
    if a.village_id is not None and a.village_id == b.village_id:
        score += VILLAGE_WEIGHT
        reasons.append("village")
        if a.grid_id is not None and a.grid_id == b.grid_id:
            score += GRID_WEIGHT
            reasons.append("grid")
    if a.category_id is not None and a.category_id == b.category_id:
        score += CATEGORY_WEIGHT
        reasons.append("category")
    title, content = jaccard(a.title, b.title), jaccard(a.content, b.content)
    text = max(title, content)
    if text >= TEXT_MIN:
        score += TEXT_WEIGHT * text
    if title >= TEXT_MIN:
        reasons.append("title")
    if content >= TEXT_MIN:
        reasons.append("content")
    return Match(round(score, 3), tuple(reasons))
