"""The report reader: government work reports (政府工作报告) in, structured facts out.

    >>> from luoshi.reports.reader import parse
    >>> report = parse("path/to/report.pdf")
    >>> report.meta.jurisdiction, len(report.facts)

``parse`` is pure and deterministic: the same input always gives the same result, nothing is
read but the input and nothing is written. It never imports Django, so it runs in scripts,
worker processes and tests without settings.

Modules, by concern:

* ``decode``    - paths, bytes, encodings, HTML pages, .docx and PDF text layers
* ``ocr``       - scanned PDFs: pages rendered and read by Tesseract (chi_sim), then tidied
* ``clean``     - normalisation and removal of page furniture (kept in ``removed``)
* ``structure`` - top-level sections and header metadata
* ``numbers``   - numerals, multipliers, units and qualifiers
* ``facts``     - which numbers are facts, and their metric, measure, kind, year
* ``items``     - named commitments: key projects, livelihood projects, key tasks
* ``model``     - result types and JSON / CSV / Markdown output

Every rule is written for a *kind* of text, with a made-up example in
``reports/tests/test_reader_general.py``, never for one report: copies from document sites
(an outline of the headings before the title, watermark tokens glued to line ends, pinyin after
characters, ;;…;; for quotation marks, a few words on each line of a PDF extraction, numbers broken
over two lines), headers of streets and of reports to a 居民议事会 or 居民代表会议, reports that start
at 各位代表 or mid-text (the place, its level and the year then come from the delegation sentence,
the opening sentence, the report's own 人大/政协 or how it speaks of itself, and the official division
list), copies that are not reports at all (a news story of the congress: place, speaker and day from
its sentences; a digest of the plan's targets: 预期目标, 今年（2025年）), and numbers in rarer phrasings
(百余, 超过千亩, 元/亩, percentage points as a change, a unit written once after a list, a prospect in the
review part).

Speed (``luoshi parse`` reads folders of 100,000 reports): a few hot spots skip work that cannot
find anything — number and heading patterns start with a character class or a lookahead
the regex engine can scan for, numerals written the standard way are read without cn2an, cheap tests
come before $-anchored searches. ``tests/test_reader_fast_paths.py`` checks each shortcut against
the plain way; ``bench/reader_same.py`` compares the whole output before and after a change.
"""

from __future__ import annotations

import re

from . import _compiled  # noqa: F401 - first: compiled modules replace the plain ones when built from these sources
from .chars import TERMINAL, simplify
from .clean import glossed, normalise, rare_characters
from .decode import DEFAULT_LIMITS, LimitExceeded, Limits, load
from .facts import extract_facts
from .items import extract_items
from .model import Fact, Item, Meta, ParsedReport, Removed, ReportError, Section
from .structure import date_a_passage, drop_unreviewed_year, entries_of_a_list, extract_meta, find_sections

__all__ = [
    "Fact",
    "Item",
    "LimitExceeded",
    "Limits",
    "Meta",
    "ParsedReport",
    "Removed",
    "ReportError",
    "Section",
    "parse",
]

_CLOSED_ENDING_RE = re.compile(r"(?:[。！？!?”」』）)]|附件[:：]?|\d{4}年\d{1,2}月\d{1,2}日)$")


def parse(
    source,
    *,
    name: str | None = None,
    text_only: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    ocr_keep=None,
) -> ParsedReport:
    """Read one report from a path (str or ``pathlib.Path``), bytes, or text.

    ``name`` sets ``ParsedReport.doc`` (a path's file name is used by default). Raises
    ``ReportError`` when the input cannot be read as text (e.g. a scanned PDF needing OCR).

    **Untrusted input.** A ``str`` is read as a *file name* when it is one short line
    (< 4096 characters, no newline) that names an existing file; otherwise it is the report
    text. So a one-line string from a user (a web form, an API body) could make ``parse`` read a
    file on the server. Pass untrusted text either as ``bytes`` (never taken as a path) or with
    ``text_only=True``, which makes a ``str`` always report text (a ``Path`` is then refused).
    Use ``pathlib.Path`` when you do mean a file.

    ``limits`` bounds what a container may unpack to (``LimitExceeded``, a ``ReportError``):
    members and unpacked bytes of a .docx, pages of a PDF, extracted characters of any input.

    A PDF without a text layer (a scan) is read by OCR (``ocr``; ``limits.ocr_pages`` = 0 turns
    it off). ``ocr_keep`` (a folder) is the one exception to "nothing is written": the page
    images and recognised text of a scan are kept there.
    """
    loaded = load(source, name, text_only=text_only, limits=limits, ocr_keep=ocr_keep)
    # (no traditional character in the input: none in anything cleaned from it, see ``normalise``)
    fullwidth, traditional = rare_characters(loaded.text)
    traditional = traditional or "&#" in loaded.text
    text, removed = normalise(loaded.text, traditional=traditional, fullwidth=fullwidth)
    removed = loaded.removed + removed
    simple = simplify(text) if traditional else text
    raw = loaded.text[:20000]
    found = find_sections(text, simple)
    # (a story's numbered list of projects: its entries are no parts of a report, but the items are read
    # by them)
    sections = [] if entries_of_a_list(simple, found) else found
    meta = extract_meta(text, simple, sections, raw, simplify(raw) if traditional else raw)
    facts = extract_facts(text, simple, sections, meta)
    items = extract_items(text, simple, found, meta)
    drop_unreviewed_year(meta, simple, sections)
    date_a_passage(meta, simple, sections, simplify(raw) if traditional else raw)
    if any(r.reason.startswith("pinyin after characters") for r in removed):
        # (the headings as the page shows them, its pinyin kept: "一、堅持量質(zhì)并舉"; the metadata's names
        # are given without it)
        for sec in sections:
            sec.heading = glossed(sec.heading, loaded.text)
    warnings = _warnings(text, sections, meta)
    if loaded.kind == "pdf-ocr":
        pages = loaded.text.count("\f") + 1
        warnings.insert(0, f"ocr: a scanned PDF read by OCR ({pages} pages); check numbers against the scan")
    return ParsedReport(
        doc=loaded.name,
        meta=meta,
        sections=sections,
        facts=facts,
        text=text,
        removed=removed,
        warnings=warnings,
        items=items,
    )


def _warnings(text: str, sections: list[Section], meta: Meta) -> list[str]:
    warnings: list[str] = []
    tail = text.rstrip()
    if not tail:
        return ["empty: no text found"]
    if tail.endswith(("...", "…")) or "展开阅读全文" in tail[-200:]:
        warnings.append("truncated: the text ends with an ellipsis")
    elif not _CLOSED_ENDING_RE.search(tail[-20:]) and tail[-1] not in TERMINAL:
        warnings.append(f"truncated: the text ends mid-sentence ({tail[-12:]!r})")
    parts = {s.part for s in sections}
    if "review" in parts and "plan" not in parts and meta.plan_year is not None:
        warnings.append("no plan part found: the report may be truncated")
    if not sections:
        warnings.append("no top-level sections found")
    return warnings
