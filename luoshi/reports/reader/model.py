"""The reader's result types and their JSON / CSV / Markdown renderings.

``ParsedReport.to_dict()`` is the schema of ``shared/eval/SCHEMA.md`` (doc, meta, sections,
facts) plus character offsets of every heading and quote in ``ParsedReport.text``, the named
``items`` (``{name, kind: project|livelihood|task, part, year, quote, start, end, stage,
investment}``: key projects, livelihood projects 民生实事, key tasks 重点工作), and the reader's
``warnings`` and ``removed`` lists.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, field, fields
from typing import Any


class ReportError(ValueError):
    """The input cannot be read as a report (e.g. a scanned PDF without a text layer)."""


@dataclass(slots=True)
class Removed:
    """A piece of page furniture taken out of the text, kept so that removal can be audited."""

    text: str
    reason: str

    def flat(self) -> dict[str, Any]:
        """The fields as a dict, in field order (``to_dict``; see ``Meta.flat``)."""
        return {"text": self.text, "reason": self.reason}


@dataclass(slots=True)
class Meta:
    jurisdiction: str | None = None
    level: str | None = None
    parent: str | None = None
    review_year: int | None = None
    plan_year: int | None = None
    meeting: str | None = None
    delivered_on: str | None = None
    speaker: str | None = None
    speaker_title: str | None = None

    def flat(self) -> dict[str, Any]:
        """The fields as a dict, in field order, for ``ParsedReport.to_dict``: written out, compiled it
        is a native function building one dict, where a copy driven by ``fields()`` runs as Python for
        each of a report's facts and items (``test_reader_fast_output`` checks every ``flat`` against
        ``dataclasses.asdict``)."""
        return {
            "jurisdiction": self.jurisdiction,
            "level": self.level,
            "parent": self.parent,
            "review_year": self.review_year,
            "plan_year": self.plan_year,
            "meeting": self.meeting,
            "delivered_on": self.delivered_on,
            "speaker": self.speaker,
            "speaker_title": self.speaker_title,
        }


@dataclass(slots=True, init=False)
class Section:
    heading: str
    part: str
    start: int
    end: int

    # (init=False and this __init__: compiled, a native call; ``test_reader_fast_model`` checks it)
    def __init__(self, heading: str, part: str, start: int, end: int) -> None:
        self.heading, self.part, self.start, self.end = heading, part, start, end

    def flat(self) -> dict[str, Any]:
        """The fields as a dict, in field order (``to_dict``; see ``Meta.flat``)."""
        return {"heading": self.heading, "part": self.part, "start": self.start, "end": self.end}


@dataclass(slots=True, init=False)
class Fact:
    part: str
    kind: str
    measure: str
    metric: str
    value: float | int
    unit: str | None
    approx: str | None
    commitment: str | None
    year: int | None
    quote: str
    start: int
    end: int

    # (init=False and this __init__: compiled, it is a native call, where the one dataclass writes
    # runs as Python for each of a report's facts; ``test_reader_fast_model`` checks the two agree)
    def __init__(
        self,
        part: str,
        kind: str,
        measure: str,
        metric: str,
        value: float | int,
        unit: str | None,
        approx: str | None,
        commitment: str | None,
        year: int | None,
        quote: str,
        start: int,
        end: int,
    ) -> None:
        self.part, self.kind, self.measure, self.metric = part, kind, measure, metric
        self.value, self.unit, self.approx, self.commitment = value, unit, approx, commitment
        self.year, self.quote, self.start, self.end = year, quote, start, end

    def flat(self) -> dict[str, Any]:
        """The fields as a dict, in field order (``to_dict``; see ``Meta.flat``)."""
        return {
            "part": self.part,
            "kind": self.kind,
            "measure": self.measure,
            "metric": self.metric,
            "value": self.value,
            "unit": self.unit,
            "approx": self.approx,
            "commitment": self.commitment,
            "year": self.year,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


FACT_FIELDS = [f.name for f in fields(Fact)]


@dataclass(slots=True, init=False)
class Item:
    """A commitment named in the report: a key project, a livelihood project or a key task."""

    name: str
    kind: str  # project | livelihood | task
    part: str  # review | plan | other
    year: int | None
    quote: str
    start: int
    end: int
    stage: str | None = None  # 开工 / 竣工 / 投产 … as written near a project's name
    investment: float | None = None  # 元, when the clause gives 投资 X亿元

    # (init=False and this __init__: compiled, it is a native call, where the one dataclass writes
    # runs as Python for each item; ``test_reader_fast_model`` checks the two agree)
    def __init__(
        self,
        name: str,
        kind: str,
        part: str,
        year: int | None,
        quote: str,
        start: int,
        end: int,
        stage: str | None = None,
        investment: float | None = None,
    ) -> None:
        self.name, self.kind, self.part, self.year, self.quote = name, kind, part, year, quote
        self.start, self.end, self.stage, self.investment = start, end, stage, investment

    def flat(self) -> dict[str, Any]:
        """The fields as a dict, in field order (``to_dict``; see ``Meta.flat``)."""
        return {
            "name": self.name,
            "kind": self.kind,
            "part": self.part,
            "year": self.year,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "stage": self.stage,
            "investment": self.investment,
        }


ITEM_FIELDS = [f.name for f in fields(Item)]


@dataclass(slots=True)
class ParsedReport:
    doc: str | None
    meta: Meta
    sections: list[Section]
    facts: list[Fact]
    text: str
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)

    def to_dict(self, *, include_text: bool = False) -> dict:
        """The SCHEMA.md document, with offsets, warnings and removed furniture added."""
        # flat dataclasses: a field-by-field copy is several times faster than asdict's deep copy,
        # which counts when a corpus of 100,000 reports is written as JSON Lines
        out = {
            "doc": self.doc,
            "meta": self.meta.flat(),
            "sections": [s.flat() for s in self.sections],
            "facts": [f.flat() for f in self.facts],
            "items": [i.flat() for i in self.items],
            "warnings": list(self.warnings),
            "removed": [r.flat() for r in self.removed],
        }
        if include_text:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, data: dict) -> ParsedReport:
        """The inverse of ``to_dict(include_text=True)`` (a report read in another process)."""
        return cls(
            doc=data.get("doc"),
            meta=Meta(**data["meta"]),
            sections=[Section(**s) for s in data["sections"]],
            facts=[Fact(**f) for f in data["facts"]],
            text=data["text"],
            removed=[Removed(**r) for r in data.get("removed", [])],
            warnings=list(data.get("warnings", [])),
            items=[Item(**i) for i in data.get("items", [])],
        )

    def to_csv(self, *, header: bool = True) -> str:
        """One row per fact, prefixed with the document name."""
        return self._csv(self.facts, FACT_FIELDS, header)

    def to_items_csv(self, *, header: bool = True) -> str:
        """One row per named item (project, livelihood project, task), prefixed with the document name."""
        return self._csv(self.items, ITEM_FIELDS, header)

    def _csv(self, rows: list, names: list[str], header: bool) -> str:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        if header:
            writer.writerow(["doc", *names])
        for row in rows:
            writer.writerow(
                [self.doc or "", *("" if getattr(row, n) is None else getattr(row, n) for n in names)]
            )
        return buf.getvalue()

    def to_markdown(self) -> str:
        """A human-readable summary: metadata, sections, warnings and a table of facts."""
        lines = [f"# {self.doc or 'report'}", ""]
        lines += ["| field | value |", "|---|---|"]
        for key, value in asdict(self.meta).items():
            lines.append(f"| {key} | {_md(value)} |")
        lines += ["", "## Sections", ""]
        lines += [f"- {s.heading} ({s.part})" for s in self.sections] or ["- (none found)"]
        if self.warnings:
            lines += ["", "## Warnings", ""] + [f"- {w}" for w in self.warnings]
        lines += ["", f"## Facts ({len(self.facts)})", ""]
        lines.append("| part | kind | measure | metric | value | unit | approx | commitment | year | quote |")
        lines.append("|---|---|---|---|---|---|---|---|---|---|")
        for f in self.facts:
            cells = [
                f.part,
                f.kind,
                f.measure,
                f.metric,
                f.value,
                f.unit,
                f.approx,
                f.commitment,
                f.year,
                f.quote,
            ]
            lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
        lines += ["", f"## Items ({len(self.items)})", ""]
        lines.append("| kind | part | year | name | stage | quote |")
        lines.append("|---|---|---|---|---|---|")
        for i in self.items:
            lines.append(
                "| " + " | ".join(_md(c) for c in (i.kind, i.part, i.year, i.name, i.stage, i.quote)) + " |"
            )
        return "\n".join(lines) + "\n"


def _md(value) -> str:
    if value is None:
        return ""
    return str(value).replace("|", "\\|").replace("\n", " ")
