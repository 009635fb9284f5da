"""The reader against six hand-annotated holdout reports it was not developed on.

The reports in ``holdout/`` were written for this test (a county report, a street office
without a congress, a 乡 report in Chinese numerals, a traditional-character report, a messy
web-page copy with full-width digits and a truncated anonymised report); ``holdout/gold/``
holds their annotations in the format of ``shared/eval/SCHEMA.md``.

Scoring uses ``shared/eval/score.py`` when it is beside the repository, otherwise a copy of
its matching rule: a predicted fact matches a gold fact when kind, measure, unit and value
agree (value within 0.1 %), one-to-one; "full" matches also need the metric phrases to
overlap (character Dice >= 0.5 or containment).

Thresholds: full F1 >= 0.90 and metadata accuracy >= 0.95 (measured when written: full F1
0.942, meta 0.981; after the general numeral/threshold/meeting rules of the next round, 0.997
and 1.000 - those rules were prompted by gaps found here, so this set is no longer quite
unseen). Do not lower them to make a change pass.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from luoshi.reports import parse

HOLDOUT = Path(__file__).resolve().parent / "holdout"
GOLD = HOLDOUT / "gold"
SCORE = Path(__file__).resolve().parents[3] / ".." / "shared" / "eval" / "score.py"

MIN_FULL_F1 = 0.90
MIN_META = 0.95


def _load_score():
    if SCORE.exists():
        spec = importlib.util.spec_from_file_location("holdout_score", SCORE)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return None


_score = _load_score()

if _score is not None:
    match, dice, simplified, prf, META_FIELDS = (
        _score.match,
        _score.dice,
        _score.simplified,
        _score.prf,
        _score.META_FIELDS,
    )
else:  # a small copy of score.py's matching rule
    _UNIT_ALIASES = {"％": "%", "千米": "公里", "万元": "元", "亿元": "元"}
    META_FIELDS = [
        "jurisdiction", "level", "parent", "review_year", "plan_year",
        "meeting", "delivered_on", "speaker", "speaker_title",
    ]  # fmt: skip

    def simplified(text):
        return text

    def _unit(u):
        u = (u or "").strip()
        return _UNIT_ALIASES.get(u, u)

    def dice(a, b):
        a, b = a or "", b or ""
        if not a or not b:
            return 0.0
        if a in b or b in a:
            return 1.0
        sa, sb = set(a), set(b)
        return 2 * len(sa & sb) / (len(sa) + len(sb))

    def _same(x, y):
        try:
            x, y = float(x), float(y)
        except (TypeError, ValueError):
            return False
        return x == y or abs(x - y) <= 1e-3 * max(abs(x), abs(y))

    def _key_ok(p, g):
        return (
            p.get("kind") == g.get("kind")
            and p.get("measure") == g.get("measure")
            and _unit(p.get("unit")) == _unit(g.get("unit"))
            and _same(p.get("value"), g.get("value"))
        )

    def match(pred, gold):
        pairs = []
        for i, p in enumerate(pred):
            for j, g in enumerate(gold):
                if _key_ok(p, g):
                    s = dice(p.get("metric"), g.get("metric")) + 0.5 * dice(p.get("quote"), g.get("quote"))
                    pairs.append((s, i, j))
        pairs.sort(reverse=True)
        used_p, used_g, out = set(), set(), []
        for _, i, j in pairs:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
                out.append((i, j))
        return out

    def prf(tp, npred, ngold):
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


GOLD_FILES = sorted(GOLD.glob("*.json"))


def _gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_holdout_is_complete():
    assert len(GOLD_FILES) == 6
    for g in GOLD_FILES:
        assert (HOLDOUT / _gold(g)["doc"]).exists(), g.name


@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_quotes_are_in_the_text(gold_path):
    gold = _gold(gold_path)
    text = (HOLDOUT / gold["doc"]).read_text(encoding="utf-8")
    for fact in gold["facts"]:
        assert fact["quote"] in text, fact
    for section in gold["sections"]:
        assert section["heading"] in text, section


def test_reader_on_holdout():
    tot = {"gold": 0, "pred": 0, "full": 0, "meta_ok": 0, "meta_n": 0}
    lines = []
    for gold_path in GOLD_FILES:
        gold = _gold(gold_path)
        pred = parse(HOLDOUT / gold["doc"]).to_dict()
        gf, pf = gold["facts"], pred.get("facts") or []
        full = [(i, j) for i, j in match(pf, gf) if dice(pf[i].get("metric"), gf[j].get("metric")) >= 0.5]
        gm, pm = gold["meta"], pred.get("meta") or {}
        meta_ok = sum(1 for k in META_FIELDS if simplified(str(gm.get(k))) == simplified(str(pm.get(k))))
        tot["gold"] += len(gf)
        tot["pred"] += len(pf)
        tot["full"] += len(full)
        tot["meta_ok"] += meta_ok
        tot["meta_n"] += len(META_FIELDS)
        lines.append(f"{gold_path.stem}: gold {len(gf)} pred {len(pf)} full {len(full)} meta {meta_ok}")
    _, _, full_f1 = prf(tot["full"], tot["pred"], tot["gold"])
    meta_acc = tot["meta_ok"] / tot["meta_n"]
    report = "\n".join(lines) + f"\nfull F1 {full_f1:.3f}, meta {meta_acc:.3f}"
    assert full_f1 >= MIN_FULL_F1, report
    assert meta_acc >= MIN_META, report
