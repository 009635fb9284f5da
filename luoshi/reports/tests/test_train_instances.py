"""Training instances kept in the repository (``luoshi/reports/training``): saved from texts and gold,
a model learnt from them is the model learnt from the texts; a bad file is refused with its file and
line; the stored rounds match the current feature sets and hold no run of a text's words (made-up
texts and gold only)."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from pathlib import Path

import pytest

from luoshi.cli import main
from luoshi.reports import instances
from luoshi.reports.reader import factcheck, labeller, numbers, parse
from luoshi.reports.reader.chars import simplify
from luoshi.reports.tests.test_reader_factcheck import gold_facts

pycrfsuite = pytest.importorskip("pycrfsuite")

TRAINING = Path(instances.__file__).parent / "training"

NOTICES = (
    """\
蓝溪镇2026年民生实事项目公告
经镇人民代表大会票决，2026年办理以下民生实事：
1、新建竹林小学风雨操场，硬化蓝溪村至石门村道路，完成东坳村供水管网改造。
2、扩建镇中心卫生院住院楼。
3、更换东街、西街两条街道的路灯。
4、在各村建设老年食堂。
""",
    """\
杏花乡2027年民生实事项目公告
经乡人民代表大会票决，2027年办理以下民生实事：
1、改造杏花中学学生宿舍，修建河湾村便民桥。
2、新建乡文化活动中心。
3、整治杏花集镇排水沟渠。
""",
)
WORKS = (
    ("新建竹林小学风雨操场", "硬化蓝溪村至石门村道路", "完成东坳村供水管网改造", "扩建镇中心卫生院住院楼"),
    ("改造杏花中学学生宿舍", "修建河湾村便民桥", "新建乡文化活动中心", "整治杏花集镇排水沟渠"),
)
UNSEEN = """\
柳塘镇2026年民生实事项目公告
经镇人民代表大会票决，2026年办理以下民生实事：
1、新建柳塘小学图书室，硬化北岭村至南岭村道路。
2、扩建镇敬老院。
"""

PASSAGE = """\
枫桥镇召开人民代表大会，镇长在会上作报告。
今年，枫桥镇将新建村级养老站4个，硬化村组道路15公里，改造农村危房30户，新增就业岗位180个。
会议号召全镇干部群众齐心协力，完成全年各项任务。
"""
QUOTES = ("村级养老站4个", "硬化村组道路15公里", "改造农村危房30户", "新增就业岗位180个")
VALUES = ((4, "个"), (15, "公里"), (30, "户"), (180, "个"))


@pytest.fixture
def no_models(monkeypatch, tmp_path):
    """The shipped models out of reach: what the commands would replace by default is a file here."""
    monkeypatch.setattr(labeller, "MODEL_PATH", tmp_path / "default-items.crfsuite")
    monkeypatch.setattr(factcheck, "MODEL_PATH", tmp_path / "default-facts.crfsuite")
    monkeypatch.setattr(factcheck, "MIX_PATH", tmp_path / "none-mix.crfsuite")
    monkeypatch.setattr(factcheck, "_models", {})


def _items_corpus(root: Path) -> Path:
    (root / "texts").mkdir(parents=True)
    (root / "gold").mkdir()
    for n, (text, works) in enumerate(zip(NOTICES, WORKS, strict=True)):
        (root / "texts" / f"notice{n}.txt").write_text(text, encoding="utf-8")
        items = [
            {
                "name": w[2:],
                "kind": "livelihood",
                "part": "plan",
                "year": 2026 + n,
                "quote": w,
                "start": text.index(w),
                "end": text.index(w) + len(w),
            }
            for w in works
        ]
        doc = {"doc": f"notice{n}", "items": items}
        (root / "gold" / f"notice{n}.items.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return root


def _facts_corpus(root: Path) -> Path:
    (root / "texts").mkdir(parents=True)
    (root / "gold").mkdir()
    for n, kind in enumerate(("actual", "actual", "target")):
        (root / "texts" / f"p{n}.txt").write_text(PASSAGE, encoding="utf-8")
        facts = gold_facts(kind, QUOTES, VALUES)
        doc = {"doc": f"p{n}.txt", "meta": {}, "sections": [], "facts": facts[: 4 - n]}
        (root / "gold" / f"p{n}.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return root


def _lines(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _item_tags(model: Path, text: str) -> list[str]:
    with labeller.recording() as seen:
        parse(text, text_only=True)
    r = seen[0]
    _cut, rows = labeller.features(r.simple, r.sections, r.rule_items)
    t = pycrfsuite.Tagger()
    t.open(str(model))
    return t.tag(rows)


# --- a model learnt from saved instances is the model learnt from the texts


def test_an_items_model_from_saved_instances_is_the_model_from_the_texts(tmp_path, no_models):
    corpus = _items_corpus(tmp_path / "c")
    direct, stored, saved = (
        tmp_path / "direct.crfsuite",
        tmp_path / "stored.crfsuite",
        tmp_path / "r1.jsonl.gz",
    )
    assert main(["train-items", "--corpus", str(corpus), "--out", str(direct)]) == 0
    assert main(["train-items", "--corpus", str(corpus), "--save-instances", str(saved)]) == 0
    assert not labeller.MODEL_PATH.exists()  # (--save-instances alone trains no model)
    assert main(["train-items", "--instances", str(saved), "--out", str(stored)]) == 0
    assert _item_tags(direct, UNSEEN) == _item_tags(stored, UNSEEN)
    assert "B-livelihood" in _item_tags(stored, UNSEEN)
    assert direct.read_bytes() == stored.read_bytes()  # (crfsuite's lbfgs is deterministic)
    # half from texts, half stored: the same model again
    half = tmp_path / "half"
    (half / "texts").mkdir(parents=True)
    (half / "gold").mkdir()
    for p in ("texts/notice1.txt", "gold/notice1.items.json"):
        (half / p).write_bytes((corpus / p).read_bytes())
    (corpus / "texts" / "notice1.txt").unlink()
    first, mixed = tmp_path / "first.jsonl.gz", tmp_path / "mixed.crfsuite"
    assert main(["train-items", "--corpus", str(corpus), "--save-instances", str(first)]) == 0
    args = ["train-items", "--corpus", str(half), "--instances", str(first), "--out", str(mixed)]
    assert main(args) == 0
    # (the texts come first, then the stored files: the order differs, the tags on a new text agree)
    assert _item_tags(mixed, UNSEEN) == _item_tags(direct, UNSEEN)


def test_a_facts_model_from_saved_instances_is_the_model_from_the_texts(tmp_path, no_models):
    corpus = _facts_corpus(tmp_path / "c")
    direct, stored, saved = (
        tmp_path / "direct.crfsuite",
        tmp_path / "stored.crfsuite",
        tmp_path / "r1.jsonl.gz",
    )
    assert main(["train-facts", "--corpus", str(corpus), "--out", str(direct)]) == 0
    assert main(["train-facts", "--corpus", str(corpus), "--save-instances", str(saved)]) == 0
    assert not factcheck.MODEL_PATH.exists()
    assert main(["train-facts", "--instances", str(saved), "--out", str(stored)]) == 0
    assert direct.read_bytes() == stored.read_bytes()
    a, b = factcheck.read_model(direct), factcheck.read_model(stored)
    assert a is not None and b is not None
    with factcheck.recording() as seen:
        parse(PASSAGE.replace("枫桥", "梅岭"), text_only=True)
    for fact, row in zip(seen[0].facts, seen[0].rows, strict=True):
        assert a.probabilities(row, fact.kind) == b.probabilities(row, fact.kind)


def test_saved_instances_hold_no_text_no_names_and_the_same_bytes_each_time(tmp_path, no_models):
    corpus = _items_corpus(tmp_path / "c")
    one, two = tmp_path / "one.jsonl.gz", tmp_path / "two.jsonl.gz"
    assert main(["train-items", "--corpus", str(corpus), "--save-instances", str(one), "--tag", "rX"]) == 0
    assert main(["train-items", "--corpus", str(corpus), "--save-instances", str(two), "--tag", "rX"]) == 0
    assert one.read_bytes() == two.read_bytes()
    lines = _lines(one)
    assert [(r["i"], r["tag"], r["set"]) for r in lines] == [
        (0, "rX", labeller.feature_set()),
        (1, "rX", labeller.feature_set()),
    ]
    assert all(set(r) == {"set", "tag", "i", "rows", "labels"} for r in lines)
    raw = gzip.decompress(one.read_bytes()).decode("utf-8")
    assert "notice" not in raw and str(corpus) not in raw
    for works in WORKS:
        assert not any(w in raw for w in works)
    # the tag defaults to the file's stem
    assert (
        main(["train-items", "--corpus", str(corpus), "--save-instances", str(tmp_path / "r7.jsonl.gz")]) == 0
    )
    assert {r["tag"] for r in _lines(tmp_path / "r7.jsonl.gz")} == {"r7"}
    facts = tmp_path / "facts.jsonl.gz"
    assert (
        main(["train-facts", "--corpus", str(_facts_corpus(tmp_path / "f")), "--save-instances", str(facts)])
        == 0
    )
    assert all(set(r) == {"set", "tag", "i", "rows", "labels", "kinds"} for r in _lines(facts))


# --- refused


def _write_lines(path: Path, lines: list[str]) -> None:
    path.write_bytes(gzip.compress("".join(x + "\n" for x in lines).encode("utf-8"), mtime=0))


@pytest.mark.parametrize("command", ["train-items", "train-facts"])
def test_a_bad_file_is_refused_with_its_file_and_line_and_no_model_is_written(
    tmp_path, no_models, capsys, command
):
    corpus = (_items_corpus if command == "train-items" else _facts_corpus)(tmp_path / "c")
    good, out = tmp_path / "good.jsonl.gz", tmp_path / "m.crfsuite"
    assert main([command, "--corpus", str(corpus), "--save-instances", str(good)]) == 0
    lines = [json.dumps(r, ensure_ascii=False) for r in _lines(good)]
    capsys.readouterr()

    def refused(path: Path, line: int | None, says: str) -> None:
        assert (
            main(
                [
                    command,
                    "--corpus",
                    str(corpus),
                    "--instances",
                    str(good),
                    "--instances",
                    str(path),
                    "--out",
                    str(out),
                ]
            )
            == 2
        )
        err = capsys.readouterr().err
        named = re.search(re.escape(str(path)) + r", line (\d+):", err)
        assert named and says in err, err
        assert line is None or int(named[1]) == line, err
        assert not out.exists()

    corrupt = tmp_path / "corrupt.jsonl.gz"
    _write_lines(corrupt, [lines[0], lines[1][:-9]])
    refused(corrupt, 2, "not a JSON line")
    other = tmp_path / "other.jsonl.gz"
    _write_lines(other, [lines[0].replace(json.dumps(json.loads(lines[0])["set"]), '"items/0/old"')])
    refused(other, 1, "'items/0/old'")
    short = tmp_path / "short.jsonl.gz"
    r = json.loads(lines[1])
    r["labels"] = r["labels"][:-1]
    _write_lines(short, [lines[0], json.dumps(r)])
    refused(short, 2, "one label a row")
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(good.read_bytes()[:-12])
    refused(cut, None, "corrupt")  # (the line where the stream broke off)
    plain = tmp_path / "plain.jsonl.gz"
    plain.write_text(lines[0] + "\n", encoding="utf-8")
    refused(plain, 1, "cannot be read")


def test_a_stacked_model_is_not_trained_with_instances(tmp_path, no_models, capsys):
    corpus = _items_corpus(tmp_path / "c")
    saved, base = tmp_path / "s.jsonl.gz", tmp_path / "base.crfsuite"
    assert (
        main(["train-items", "--corpus", str(corpus), "--save-instances", str(saved), "--out", str(base)])
        == 0
    )
    assert base.exists()  # (with --out, --save-instances trains too)
    stack = ["train-items", "--stack", "--base", str(base), "--out", str(tmp_path / "stack.crfsuite")]
    assert main([*stack, "--instances", str(saved)]) == 2
    assert "--stack" in capsys.readouterr().err
    assert main([*stack, "--corpus", str(corpus), "--save-instances", str(tmp_path / "x.jsonl.gz")]) == 2
    assert not (tmp_path / "stack.crfsuite").exists() and not (tmp_path / "x.jsonl.gz").exists()


# --- the stored rounds

STORED = sorted(TRAINING.glob("*.jsonl.gz"))

# The digest of the features of a made-up text under each FEATURE_VERSION (see ``_digest``). A change of
# the feature code that moves it strands the stored instances: raise FEATURE_VERSION (labeller or
# factcheck), pin the new digest here, and either keep the old feature code path for the stored files or
# regenerate them from their texts and gold (``--save-instances``). (A change of the reader's rules
# that alters which facts it finds in PASSAGE moves the facts' digest too: re-pin it at the same version
# if ``factcheck.features`` is unchanged.)
ITEMS_DIGEST = {1: "5d39badc5e695ac0"}
FACTS_DIGEST = {1: "b3695057c8ae61b7"}


def _digest(rows: list[list[str]]) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def test_the_feature_code_still_writes_the_features_its_version_names(no_models):
    said = "the features changed: raise FEATURE_VERSION and pin its digest, then keep the old feature code for luoshi/reports/training or regenerate it from texts"
    text = NOTICES[0]
    _cut, rows = labeller.features(text, [], [])
    assert _digest(rows) == ITEMS_DIGEST.get(labeller.FEATURE_VERSION), said
    with factcheck.recording() as seen:
        parse(PASSAGE, text_only=True)
    assert _digest(seen[0].rows) == FACTS_DIGEST.get(factcheck.FEATURE_VERSION), said


def test_the_stored_rounds_are_there():
    names = {p.name for p in STORED}
    assert {"r19-items.jsonl.gz", "r19-facts.jsonl.gz", "r20-items.jsonl.gz", "r20-facts.jsonl.gz"} <= names


@pytest.mark.parametrize("path", STORED, ids=[p.name for p in STORED])
def test_a_stored_round_loads_with_the_current_feature_set(path):
    """A failure here: the feature code changed under the stored instances. Keep the old feature code
    path for them, or regenerate them from their texts and gold (``--save-instances``)."""
    if path.name.endswith("-items.jsonl.gz"):
        labels = ["O"] + [f"{p}-{k}" for k in labeller.KINDS for p in "BI"]
        records = instances.read(path, labeller.feature_set(), labels)
    else:
        records = instances.read(path, factcheck.FEATURE_SET, factcheck.LABELS, kinds=True)
    assert [r["i"] for r in records] == list(range(len(records)))
    assert len({r["tag"] for r in records}) == 1


# The fixed words the feature code writes from its own lists (cue words, heading words, units).
FIXED = {
    *labeller._CUES,
    *labeller._HEAD_CUES,
    *factcheck._CUES,
    *factcheck._PAST,
    *factcheck._AHEAD,
    *factcheck._HEAD_WORDS,
    *numbers.UNITS,
}
_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{4,}")


def copied_runs(rows: list[list[str]]) -> set[str]:
    """The runs of more than 3 CJK characters in ``rows`` that are not one of the feature code's own words
    (in simplified or traditional characters: a unit is written as the text writes it, 個百分點 too)."""
    return {
        m for row in rows for x in row for m in _RUN_RE.findall(x) if not any(simplify(m) in w for w in FIXED)
    }


def test_the_run_check_finds_a_copied_run_and_passes_the_fixed_words():
    assert copied_runs([["h=民生实事", "u=个百分点", "f3=新建竹"]]) == set()
    assert copied_runs([["u=個百分點"]]) == set()
    assert copied_runs([["hb=新建竹林小学"]]) == {"新建竹林小学"}


@pytest.mark.parametrize("path", STORED, ids=[p.name for p in STORED])
def test_no_stored_feature_holds_more_than_three_characters_copied_from_a_text(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        runs = {m for line in f for m in copied_runs(json.loads(line)["rows"])}
    assert not runs, sorted(runs)[:10]
