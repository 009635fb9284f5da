"""Writes for stored reports: read a source, pick its town, store it with its facts, delete it.

The HTML views, the API and the demo loader all go through these functions.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, is_dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from luoshi.org.models import Town
from luoshi.org.scoping import visible_towns
from luoshi.reports.models import Fact, Report

log = logging.getLogger(__name__)

UPLOAD_SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")
GENERIC_TITLES = {"政府工作报告", "工作报告", "政府工作报告（摘要）"}


# The reader's reasons are English; these are the ones a user can act on.
_READER_REASONS = [
    ("scanned PDF", _l("这是没有文字层的扫描版 PDF，需要先做文字识别（OCR）")),
    ("cid codes", _l("PDF 的文字层缺少字符映射，需要先做文字识别（OCR）")),
    ("not a readable PDF", _l("不是可读取的 PDF 文件")),
    ("not a readable .docx", _l("不是可读取的 Word（.docx）文件")),
]


def read_source(*, source: bytes | Path, name: str):
    """Parse an upload, pasted text or a bundled file; any failure becomes a ValidationError naming ``name``.

    User input is always passed as bytes: the reader treats a one-line *str* that names an existing
    file as a path, and pasted text must never be able to read the server's files.
    """
    from luoshi.reports import parse
    from luoshi.reports.reader import ReportError

    if isinstance(source, str):
        source = source.encode("utf-8")
    try:
        parsed = parse(source, name=name)
    except ReportError as exc:
        reason = next((str(msg) for key, msg in _READER_REASONS if key in str(exc)), str(exc))
        hint = _("请上传含文字的 PDF、Word 文档，或直接粘贴正文。") if name.lower().endswith(".pdf") else ""
        raise ValidationError(
            _("无法读取「%(name)s」：%(reason)s。%(hint)s") % {"name": name, "reason": reason, "hint": hint}
        ) from exc
    except Exception as exc:  # the reader must never turn a bad upload into a 500
        log.exception("reader failed on %s", name)
        raise ValidationError(_("无法读取「%(name)s」：文件已损坏或格式不受支持。") % {"name": name}) from exc
    if not (parsed.text or "").strip():
        raise ValidationError(_("「%(name)s」中没有可读取的文字。") % {"name": name})
    return parsed


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def meta_of(parsed) -> dict:
    meta = parsed.meta
    if is_dataclass(meta):
        return asdict(meta)
    return dict(meta or {})


def guess_town(meta: dict, towns) -> Town | None:
    """The town among ``towns`` that the report's jurisdiction names (云溪镇, 云溪, 青岚县云溪镇 …)."""
    place = (meta or {}).get("jurisdiction") or ""
    if not place:
        return None
    for town in towns:
        if town.name == place or town.name in place:
            return town
    for town in towns:
        core = town.name.removesuffix("街道").removesuffix("镇").removesuffix("乡")
        if len(core) >= 2 and core in place:
            return town
    return None


def resolve_town(*, parsed, town: Town | None, user) -> Town:
    """The chosen town if the user may use it, else the one the report names, else the user's only town."""
    towns = list(visible_towns(user)) if user is not None else list(Town.objects.all())
    if town is not None:
        if town.pk not in {t.pk for t in towns}:
            raise ValidationError(_("您不能为「%(town)s」上传报告。") % {"town": town.name})
        return town
    meta = meta_of(parsed)
    guessed = guess_town(meta, towns)
    if guessed:
        return guessed
    place = meta.get("jurisdiction")
    if place:
        raise ValidationError(
            _("报告写的是「%(place)s」，与您可选的乡镇都不匹配，请在“所属乡镇”中选择。") % {"place": place}
        )
    if len(towns) == 1:
        return towns[0]
    raise ValidationError(_("无法从报告判断所属乡镇，请在“所属乡镇”中选择。"))


def report_title(text: str, meta: dict) -> str:
    meta = meta or {}
    if meta.get("title"):
        return str(meta["title"])[:200]
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")[:150]
    place = meta.get("jurisdiction") or ""
    title = first or _("政府工作报告")
    if place and place not in title and (title in GENERIC_TITLES or len(title) <= 8):
        title = f"{place}{title}"
    year = meta.get("plan_year")
    if year and str(year) not in title:
        title = f"{title}（{year}年）"
    return title[:200]


def _fact_rows(report: Report, facts: list[dict]) -> list[Fact]:
    rows = []
    for seq, f in enumerate(facts, start=1):
        rows.append(
            Fact(
                report=report,
                seq=seq,
                part=f.get("part") or Fact.Part.OTHER,
                kind=f.get("kind") or Fact.Kind.ACTUAL,
                measure=f.get("measure") or Fact.Measure.LEVEL,
                metric=(f.get("metric") or "")[:200],
                value=float(f.get("value") or 0),
                unit=(f.get("unit") or "")[:20],
                approx=(f.get("approx") or "")[:10],
                commitment=(f.get("commitment") or "")[:10],
                year=f.get("year") or None,
                quote=f.get("quote") or "",
                start=max(0, int(f.get("start") or 0)),
                end=max(0, int(f.get("end") or 0)),
            )
        )
    return rows


def _jsonable(items) -> list:
    out = []
    for item in items or []:
        if isinstance(item, str | int | float | dict | list) or item is None:
            out.append(item)
        elif hasattr(item, "to_dict"):
            out.append(item.to_dict())
        elif is_dataclass(item):
            out.append(asdict(item))
        else:
            out.append(str(item))
    return out


@transaction.atomic
def report_store(*, parsed, town: Town, uploaded_by, source_name: str) -> tuple[Report, bool]:
    """Store a parsed report; the same normalised text in the same town updates the stored one.

    Returns (report, created). The report's facts are replaced by the newly read ones.
    """
    if town is None:
        raise ValidationError(_("请选择报告所属的乡镇。"))
    text = parsed.text or ""
    if not text.strip():
        raise ValidationError(_("报告正文为空。"))
    data = parsed.to_dict()
    meta = dict(data.get("meta") or {})
    digest = content_hash(text)
    report = Report.objects.select_for_update().filter(town=town, content_hash=digest).first()
    created = report is None
    if created:
        report = Report(town=town, content_hash=digest, uploaded_by=uploaded_by)
    report.title = report_title(text, meta)
    report.source_name = (source_name or "")[:255]
    report.text = text
    report.meta = meta
    report.sections = data.get("sections") or []
    report.removed = _jsonable(data.get("removed", parsed.removed))
    report.warnings = _jsonable(data.get("warnings", parsed.warnings))
    report.review_year = meta.get("review_year") or None
    report.plan_year = meta.get("plan_year") or None
    if uploaded_by is not None:
        report._history_user = uploaded_by
    report.save()
    if not created:
        report.facts.all().delete()
    Fact.objects.bulk_create(_fact_rows(report, data.get("facts") or []))
    return report, created


@transaction.atomic
def report_delete(*, report: Report, user) -> None:
    report._history_user = user
    report.delete()


def demo_reports() -> list[tuple[str, Path]]:
    """The bundled demo reports: (file name, path)."""
    folder = Path(__file__).resolve().parent / "demo"
    return [(p.name, p) for p in sorted(folder.glob("*.txt"))]
