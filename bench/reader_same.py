"""Check that a change to the reader left its output byte for byte the same.

    python bench/reader_same.py --dump BEFORE/      # before the change: one JSON file per input
    python bench/reader_same.py --compare BEFORE/   # after it: lists every input whose output differs

The inputs are every report text at hand — the shared seeds and openings (../shared/seeds, or
LUOSHI_SHARED_DIR), the reader's fixtures and holdout texts — and variants generated from them
with a fixed random seed: paragraphs shuffled, reports concatenated, openings cut at several
lengths, re-encoded (GB18030, UTF-16), CRLF line ends, full-width digits, letter-spaced lines,
hard-wrapped lines, page numbers and site furniture inserted, traditional characters. The
output compared is ``ParsedReport.to_dict(include_text=True)`` as JSON, so the cleaned text,
removed pieces and warnings count as well as the metadata, sections, facts and items.

This is a development tool, not a test: it needs no gold, and it is as good as the variety of
the inputs, so it pairs with the property tests of the reader.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from luoshi.reports.reader import parse  # noqa: E402

TESTS = ROOT / "luoshi" / "reports" / "tests"
FURNITURE = [
    "首页 > 政务公开 > 政府工作报告",
    "分享到：微信 微博 QQ",
    "浏览次数：1234",
    "【打印】【关闭】",
    "字号：大 中 小",
]
TRAD = str.maketrans(
    "国发经济业务农区县镇乡实现产项目设计划为进个长开关们来会",
    "國發經濟業務農區縣鎮鄉實現產項目設計劃為進個長開關們來會",
)


def sources() -> list[tuple[str, str]]:
    shared = Path(os.environ.get("LUOSHI_SHARED_DIR") or ROOT / ".." / "shared") / "seeds"
    found: list[tuple[str, str]] = []
    for folder, tag in (
        (shared, "seed"),
        (shared / "openings", "opening"),
        (TESTS / "fixtures", "fixture"),
        (TESTS / "holdout", "holdout"),
    ):
        for p in sorted(folder.glob("*.txt")):
            found.append((f"{tag}-{p.stem}", p.read_text(encoding="utf-8")))
    if not any(name.startswith("seed-") for name, _ in found):
        print(f"note: no shared seeds in {shared} (set LUOSHI_SHARED_DIR)", file=sys.stderr)
    return found


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def _wrap(text: str, width: int) -> str:
    out = []
    for line in text.split("\n"):
        out += [line[i : i + width] for i in range(0, max(len(line), 1), width)]
    return "\n".join(out)


def variants(texts: list[tuple[str, str]]) -> list[tuple[str, bytes]]:
    """(name, bytes) of every input: the texts themselves and generated variants of them."""
    rng = random.Random(18)
    out: list[tuple[str, bytes]] = [(name, text.encode("utf-8")) for name, text in texts]
    fulls = [(n, t) for n, t in texts if len(t) > 3000]
    for name, text in texts:
        paras = _paragraphs(text)
        for k in range(3):
            shuffled = paras[:]
            rng.shuffle(shuffled)
            out.append((f"{name}~shuffled{k}", "\n".join(shuffled).encode("utf-8")))
        head = paras[:3]
        body = paras[3:]
        rng.shuffle(body)
        out.append((f"{name}~body-shuffled", "\n".join(head + body).encode("utf-8")))
        for cut in (300, 800, 2000, 6000):
            if len(text) > cut:
                out.append((f"{name}~first{cut}", text[:cut].encode("utf-8")))
        out.append((f"{name}~gb18030", text.encode("gb18030", errors="replace")))
        out.append((f"{name}~utf16", text.encode("utf-16")))
        out.append((f"{name}~crlf", text.replace("\n", "\r\n").encode("utf-8")))
        fw = text.translate({ord("0") + i: ord("０") + i for i in range(10)} | {ord("%"): "％"})
        out.append((f"{name}~fullwidth", fw.encode("utf-8")))
        spaced = "\n".join(" ".join(p) if i % 7 == 0 else p for i, p in enumerate(text.split("\n")))
        out.append((f"{name}~spaced", spaced.encode("utf-8")))
        for width in (28, 40):
            out.append((f"{name}~wrapped{width}", _wrap(text, width).encode("utf-8")))
        noisy = []
        for i, p in enumerate(text.split("\n")):
            noisy.append(p)
            if i % 9 == 4:
                noisy.append(f"- {i // 9 + 1} -")
            if i % 13 == 6:
                noisy.append(rng.choice(FURNITURE))
        noisy = [rng.choice(FURNITURE), *noisy, "上一篇：无", "版权所有 某某县人民政府"]
        out.append((f"{name}~furniture", "\n".join(noisy).encode("utf-8")))
        paged = "\f".join(
            "\n".join(["某某镇政府工作报告", *paras[i : i + 6], f"第{i // 6 + 1}页"])
            for i in range(0, len(paras), 6)
        )
        out.append((f"{name}~paged", paged.encode("utf-8")))
        out.append(
            (f"{name}~watermark", "\n".join(p + "BNC" if p else p for p in text.split("\n")).encode("utf-8"))
        )
        tail = "\n".join(
            p + "xx百科--为乡村振兴助力" if i % 3 and p else p for i, p in enumerate(text.split("\n"))
        )
        out.append((f"{name}~line-tail", tail.encode("utf-8")))
        out.append((f"{name}~traditional", text.translate(TRAD).encode("utf-8")))
        out.append(
            (
                f"{name}~html",
                ("<html><body><p>" + text.replace("\n", "</p><p>") + "</p></body></html>").encode("utf-8"),
            )
        )
    for i in range(6 if fulls else 0):
        picked = rng.sample(fulls, k=min(2, len(fulls)))
        joined = "\n".join(t for _, t in picked)
        out.append((f"concat{i}-" + "+".join(n for n, _ in picked), joined.encode("utf-8")))
        paras = [p for _, t in picked for p in _paragraphs(t)]
        rng.shuffle(paras)
        out.append((f"mixed{i}", "\n".join(paras).encode("utf-8")))
    return out


def render(name: str, data: bytes) -> bytes:
    try:
        report = parse(data, name=name)
    except Exception as exc:  # noqa: BLE001 - an error is an output too
        return f"ERROR {type(exc).__name__}: {exc}\n".encode()
    return (json.dumps(report.to_dict(include_text=True), ensure_ascii=False, indent=1) + "\n").encode(
        "utf-8"
    )


def _file(folder: Path, name: str) -> Path:
    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    safe = "".join(c if c.isalnum() or c in "-_~+." else "_" for c in name)[:80]
    return folder / f"{safe}-{digest}.json"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--dump", type=Path, metavar="DIR", help="write the outputs into DIR")
    group.add_argument("--compare", type=Path, metavar="DIR", help="compare the outputs with those in DIR")
    args = ap.parse_args(argv)
    inputs = variants(sources())
    start = time.process_time()
    differ = []
    for name, data in inputs:
        output = render(name, data)
        if args.dump:
            args.dump.mkdir(parents=True, exist_ok=True)
            _file(args.dump, name).write_bytes(output)
        else:
            path = _file(args.compare, name)
            if not path.exists() or path.read_bytes() != output:
                differ.append(name)
                path.with_suffix(".after").write_bytes(output)
    cpu = time.process_time() - start
    print(f"{len(inputs)} inputs, {cpu:.1f} s CPU")
    if args.compare:
        for name in differ:
            print(f"  differs: {name} (new output beside the old one, .after)")
        print("identical" if not differ else f"{len(differ)} of {len(inputs)} differ")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
