"""Writes for stored reports: read a source, pick its town, store it with its facts, delete it.

The HTML views, the API and the demo loader all go through these functions.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import asdict, is_dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from luoshi.org.models import Town
from luoshi.org.scoping import visible_towns
from luoshi.reports.models import Fact, Report, ReportItem, ReportUpload

log = logging.getLogger(__name__)

UPLOAD_SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")
GENERIC_TITLES = {"政府工作报告", "工作报告", "政府工作报告（摘要）"}


# The reader's reasons are English; these are the ones a user can act on.
_NOT_DOCX = _l("不是可读取的 Word（.docx）文件")
_READER_REASONS = [
    ("OCR found no text", _l("这是扫描版 PDF，文字识别（OCR）未能从页面中识别出文字")),
    ("OCR is not available", _l("这是扫描版 PDF，本服务器未安装文字识别（OCR），无法读取")),
    ("scanned PDF", _l("这是没有文字层的扫描版 PDF，需要先做文字识别（OCR）")),
    ("cid codes", _l("PDF 的文字层缺少字符映射，需要先做文字识别（OCR）")),
    ("not a readable PDF", _l("不是可读取的 PDF 文件")),
    ("not a readable .docx", _NOT_DOCX),
    ("not a readable file", _l("文件已损坏或格式不受支持")),
]

# Why a file is not a report at all (luoshi.reports.reader.plausible).
_NOT_A_REPORT = {
    "empty": _l("其中没有可读取的文字"),
    "undecodable": _l("内容无法解码为文字，可能不是文本文件"),
    "not chinese": _l("其中几乎没有中文正文，不像一份工作报告"),
    "not prose": _l("其中的汉字不成文句，像是乱码而不是一份工作报告"),
    "no structure": _l("看不出报告的结构：没有“一、”“（一）”等标题，也没有“各位代表”“政府工作报告”等字样"),
}


def _limit_reason(what: str, limit: int, actual: int) -> str:
    """The limit a file passed, in words naming the limit (luoshi.reports.reader.Limits)."""
    size = filesizeformat
    reasons = {
        "zip_members": _("文件包含 %(actual)d 个部件，超过上限 %(limit)d 个"),
        "zip_unpacked_bytes": _("文件解压后有 %(actual_size)s，超过上限 %(limit_size)s，可能是“压缩炸弹”"),
        "zip_ratio": _("文件中有部件的压缩比达 %(actual)d 倍，超过上限 %(limit)d 倍，可能是“压缩炸弹”"),
        "pdf_pages": _("PDF 超过 %(limit)d 页的上限"),
        "ocr_pages": _("扫描版 PDF 超过文字识别（OCR）%(limit)d 页的上限"),
        "text_chars": _("提取出的文字超过 %(limit)d 字的上限"),
        "memory": _("读取时占用的内存超过上限 %(limit_size)s"),
        "seconds": _("读取时间超过 %(limit)d 秒的上限"),
    }
    template = reasons.get(what, _("文件超过读取上限"))
    return template % {
        "actual": actual,
        "limit": limit,
        "actual_size": size(actual),
        "limit_size": size(limit),
    }


def reader_limits():
    """The container limits from settings (LUOSHI_ZIP_*, LUOSHI_PDF_MAX_PAGES, LUOSHI_OCR_MAX_PAGES,
    LUOSHI_TEXT_MAX_CHARS)."""
    from luoshi.reports.reader import Limits

    return Limits(
        zip_members=settings.ZIP_MAX_MEMBERS,
        zip_unpacked_bytes=settings.ZIP_MAX_UNPACKED_MB * 1024 * 1024,
        zip_ratio=settings.ZIP_MAX_RATIO,
        pdf_pages=settings.PDF_MAX_PAGES,
        ocr_pages=settings.OCR_MAX_PAGES,
        text_chars=settings.TEXT_MAX_CHARS,
    )


def read_source(*, source: bytes | Path, name: str):
    """Parse an upload, pasted text or a bundled file; any failure becomes a ValidationError naming ``name``.

    User input is always passed as bytes: the reader treats a one-line *str* that names an existing
    file as a path, and pasted text must never be able to read the server's files. Bytes are read
    in a child process limited in memory and CPU time (``luoshi.reports.sandbox``), with the
    container limits of settings, and refused when they are not a report at all; a ``Path`` (a
    bundled demo report) is read here.
    """
    from luoshi.reports import parse
    from luoshi.reports.reader import LimitExceeded, ReportError
    from luoshi.reports.sandbox import NotAReport, parse_isolated

    if isinstance(source, str):
        source = source.encode("utf-8")
    if isinstance(source, bytes) and name.lower().endswith(".docx") and not source.startswith(b"PK"):
        # a .docx is a zip; other bytes under that name would be read as plain text and refused as
        # "not a report", which hides that the file itself is no Word document
        raise ValidationError(_("无法读取「%(name)s」：%(reason)s。") % {"name": name, "reason": _NOT_DOCX})
    try:
        if isinstance(source, Path):
            parsed = parse(source, name=name)
        else:
            parsed = parse_isolated(
                source,
                name=name,
                limits=reader_limits(),
                cpu_seconds=settings.PARSE_SECONDS,
                memory_bytes=settings.PARSE_MEMORY_MB * 1024 * 1024,
            )
    except LimitExceeded as exc:
        log.warning("refused %s: over the limit %s (%s > %s)", name, exc.what, exc.actual, exc.limit)
        reason = _limit_reason(exc.what, exc.limit, exc.actual)
        raise ValidationError(
            _("无法读取「%(name)s」：%(reason)s。") % {"name": name, "reason": reason}
        ) from exc
    except NotAReport as exc:
        reason = _NOT_A_REPORT.get(exc.reason, exc.reason)
        raise ValidationError(
            _("「%(name)s」不是工作报告：%(reason)s。") % {"name": name, "reason": reason}
        ) from exc
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


def _item_rows(report: Report, items: list[dict]) -> list[ReportItem]:
    kinds, parts = set(ReportItem.Kind.values), set(Fact.Part.values)
    rows = []
    for item in items:
        name = (item.get("name") or "").strip()
        if not name or item.get("kind") not in kinds:
            continue
        invest = item.get("investment")
        rows.append(
            ReportItem(
                report=report,
                seq=len(rows) + 1,
                kind=item["kind"],
                part=item.get("part") if item.get("part") in parts else Fact.Part.OTHER,
                name=name[:200],
                year=item.get("year") or None,
                stage=(item.get("stage") or "")[:20],
                investment=float(invest) if isinstance(invest, int | float) else None,
                quote=item.get("quote") or "",
                start=max(0, int(item.get("start") or 0)),
                end=max(0, int(item.get("end") or 0)),
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

    Returns (report, created). The report's facts and named items are replaced by the newly read ones.
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
        report.items.all().delete()
    Fact.objects.bulk_create(_fact_rows(report, data.get("facts") or []))
    ReportItem.objects.bulk_create(_item_rows(report, data.get("items") or []))
    return report, created


@transaction.atomic
def upload_create(*, user, name: str, data: bytes, town: Town | None) -> ReportUpload:
    """Keep an uploaded file and queue it for the worker, which reads it (``upload_read``).

    The web request never parses a file. The task is enqueued inside this transaction: with the
    database task backend its row commits together with the upload, so neither exists without the
    other.
    """
    from luoshi.reports.tasks import read_upload

    if town is not None and town.pk not in set(visible_towns(user).values_list("pk", flat=True)):
        raise ValidationError(_("您不能为「%(town)s」上传报告。") % {"town": town.name})
    upload = ReportUpload.objects.create(uploaded_by=user, town=town, source_name=name[:255], data=data)
    read_upload.enqueue(upload.pk)
    return upload


def upload_read(*, upload: ReportUpload) -> ReportUpload:
    """Read a queued upload (in the worker) and store the report, or keep the reason it failed.

    The file is parsed outside any transaction (it may take a minute); only storing is atomic.
    The kept bytes are dropped either way.
    """
    if upload.status != ReportUpload.Status.PENDING:
        return upload
    try:
        parsed = read_source(source=bytes(upload.data), name=upload.source_name)
        with transaction.atomic():
            town = resolve_town(parsed=parsed, town=upload.town, user=upload.uploaded_by)
            report, created = report_store(
                parsed=parsed, town=town, uploaded_by=upload.uploaded_by, source_name=upload.source_name
            )
    except ValidationError as exc:
        upload.status, upload.error = ReportUpload.Status.FAILED, " ".join(exc.messages)
    else:
        upload.status, upload.report, upload.created_report = ReportUpload.Status.DONE, report, created
    upload.data = b""
    upload.finished_at = timezone.now()
    upload.save(update_fields=["status", "error", "report", "created_report", "data", "finished_at"])
    return upload


@transaction.atomic
def is_published(report: Report) -> bool:
    """Whether the report is on the town's public portal (``luoshi.portal``'s ``PublishedReport``)."""
    from luoshi.portal.models import PublishedReport  # the portal builds on reports, not the reverse

    return PublishedReport.objects.filter(report=report).exists()


@transaction.atomic
def report_delete(*, report: Report, user) -> None:
    """Delete a report with its facts; its history rows stay (listed under 已删除的报告).

    A report published on the portal is not deleted: taking it off the public site is a decision
    of its own, made and recorded on the portal's management page (docs/portal.md)."""
    report = Report.objects.select_for_update().get(pk=report.pk)
    if is_published(report):
        raise ValidationError(
            _("「%(title)s」已在政务公开发布，请先在政务公开管理中撤下，再删除。") % {"title": report.title}
        )
    report._history_user = user
    report.delete()


def demo_reports() -> list[tuple[str, Path]]:
    """The bundled demo reports: (file name, path)."""
    folder = Path(__file__).resolve().parent / "demo"
    return [(p.name, p) for p in sorted(folder.glob("*.txt"))]
