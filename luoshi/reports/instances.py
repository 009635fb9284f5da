"""Training instances kept in the repository (``luoshi/reports/training``): what the trainers of
``train-items`` and ``train-facts`` learn from each text — the feature lists of its units (or facts)
and their labels, and the name of the feature set that made them — without the text, its name or any
offset into it. The texts are third-party pages kept outside the repository; their instances stay, so
each round's gold keeps teaching the models after its texts are gone.

A file is JSON Lines, gzip-compressed (no name, no time in its header: the same instances give the
same bytes), one text a line in the order the texts were read: ``{"set", "tag", "i", "rows",
"labels"}`` (and ``"kinds"``, the rules' kind of each fact, for the facts' model), ``tag`` naming the
round, ``i`` the text's index in the file.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any


class InstanceError(ValueError):
    """A stored file the trainer cannot learn from (corrupt, or made with another feature set)."""


def write(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write ``records`` (one a text) to ``path`` as gzip-compressed JSON Lines; returns how many. The
    file appears whole or not at all."""
    part = path.with_name(path.name + ".part")
    n = 0
    with part.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        for record in records:
            line = json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
            gz.write(line.encode("utf-8") + b"\n")
            n += 1
    os.replace(part, path)
    return n


def records(
    tag: str,
    feature_set: str,
    seqs: Iterable[tuple[list[list[str]], list[str]]],
    kinds: Iterable[Sequence[str]] | None = None,
) -> list[dict[str, Any]]:
    """The records of ``seqs`` (rows and labels of each text, in order), with the facts' ``kinds``."""
    out: list[dict[str, Any]] = []
    kind_list = list(kinds) if kinds is not None else None
    for i, (rows, labels) in enumerate(seqs):
        r: dict[str, Any] = {"set": feature_set, "tag": tag, "i": i, "rows": rows, "labels": list(labels)}
        if kind_list is not None:
            r["kinds"] = list(kind_list[i])
        out.append(r)
    return out


def read(path: Path, feature_set: str, labels: Sequence[str], kinds: bool = False) -> list[dict[str, Any]]:
    """The records of the file ``path``, checked: each line a text's instances made with
    ``feature_set``, with a label of ``labels`` for each row (and a kind, with ``kinds``). Raises
    ``InstanceError`` naming the file and line of the first fault."""
    out: list[dict[str, Any]] = []
    allowed = set(labels)
    n = 0
    try:
        with gzip.open(path, "rb") as f:
            for n, raw in enumerate(f, 1):  # noqa: B007 - (n names the line of a fault below)
                out.append(_checked(path, n, raw, feature_set, allowed, kinds))
    except OSError as e:  # (not gzip, cut short, missing)
        raise InstanceError(f"{path}, line {n + 1}: cannot be read ({e})") from e
    except (EOFError, zlib.error) as e:
        raise InstanceError(f"{path}, line {n + 1}: cut short or corrupt ({e})") from e
    if not out:
        raise InstanceError(f"{path}, line 1: no instances")
    return out


def _checked(
    path: Path, n: int, raw: bytes, feature_set: str, allowed: set[str], kinds: bool
) -> dict[str, Any]:
    where = f"{path}, line {n}"
    try:
        r = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise InstanceError(f"{where}: not a JSON line ({e})") from e
    if not isinstance(r, dict):
        raise InstanceError(f"{where}: not a record of instances")
    if r.get("set") != feature_set:
        raise InstanceError(
            f"{where}: made with the feature set {r.get('set')!r}, the trainer's is {feature_set!r}"
            " (train with the feature code that made it, or regenerate it from its texts and gold)"
        )
    rows, labels = r.get("rows"), r.get("labels")
    if not (
        isinstance(rows, list)
        and all(isinstance(row, list) and all(isinstance(x, str) for x in row) for row in rows)
        and isinstance(labels, list)
        and len(labels) == len(rows)
        and rows
    ):
        raise InstanceError(f"{where}: rows and labels missing or not one label a row")
    bad = [x for x in labels if x not in allowed]
    if bad:
        raise InstanceError(f"{where}: unknown label {bad[0]!r}")
    if kinds:
        k = r.get("kinds")
        if not (isinstance(k, list) and len(k) == len(rows) and all(isinstance(x, str) and x for x in k)):
            raise InstanceError(f"{where}: kinds missing or not one a row")
    return r
