"""Ledger (台账) import: read a sheet, suggest a column mapping, check every row, write all or nothing.

``check`` never writes: it returns one ``Problem`` per bad cell (row number as Excel shows it,
column letter and header). ``commit`` re-checks and creates the cases through
``services.case_create`` inside one transaction; rows that record a result (办理结果 / 办结时间)
are then closed with their historical times by ``_close_historical`` (the services stamp "now",
so this adapter sets the same columns the services would, saves through simple-history and adds
a public timeline entry).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from luoshi.cases import services, workflow
from luoshi.cases.models import Case, CaseEvent, CaseType, Channel, EventKind, Outcome, Status
from luoshi.org.models import Town, Unit, User

MAX_ROWS = 20_000


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False


# Header names seen in township ledgers; matching ignores spaces, brackets and case.
FIELDS: list[Field] = [
    Field(
        "external_no",
        gettext_lazy("编号"),
        (
            "编号",
            "工单编号",
            "工单号",
            "事项编号",
            "案件编号",
            "登记编号",
            "上级平台编号",
            "平台编号",
            "平台工单号",
            "热线编号",
            "12345编号",
            "交办编号",
            "流水号",
        ),
        True,
    ),
    Field("title", gettext_lazy("标题"), ("标题", "事项名称", "诉求标题", "事件名称", "主题")),
    Field(
        "content",
        gettext_lazy("诉求内容"),
        ("诉求内容", "内容", "反映内容", "问题描述", "事项内容", "来电内容"),
        True,
    ),
    Field(
        "village",
        gettext_lazy("村(社区)"),
        ("村(社区)", "村社区", "所属村", "村居", "村", "社区", "所属村(社区)"),
    ),
    Field("category", gettext_lazy("类别"), ("类别", "分类", "问题类别", "诉求类别", "事项类别", "类型")),
    Field(
        "received_at",
        gettext_lazy("受理时间"),
        ("受理时间", "登记时间", "来电时间", "交办时间", "受理日期", "日期"),
        True,
    ),
    Field(
        "contact_name",
        gettext_lazy("诉求人"),
        ("诉求人", "姓名", "联系人", "来电人", "反映人", "诉求人姓名", "来电人姓名", "群众姓名"),
    ),
    Field(
        "contact_phone",
        gettext_lazy("联系电话"),
        ("联系电话", "电话", "手机", "手机号", "来电号码", "手机号码", "联系方式", "诉求人电话"),
    ),
    Field("address", gettext_lazy("地址"), ("地址", "发生地点", "事发地点", "详细地址")),
    Field("unit", gettext_lazy("承办单位"), ("承办单位", "承办站所", "责任单位", "办理单位")),
    Field("reply", gettext_lazy("办理结果"), ("办理结果", "处理结果", "答复内容", "办理情况", "处理情况")),
    Field("resolved_at", gettext_lazy("办结时间"), ("办结时间", "完成时间", "办结日期", "答复时间")),
]
FIELD_BY_KEY = {f.key: f for f in FIELDS}


_BRACKETED = re.compile(r"[(\[【{<《〈][^)\]】}>》〉]*[)\]】}>》〉]")


def _norm(text: str) -> str:
    """Header text for matching: full-width folded (NFKC), no spaces, brackets or marks, lower case."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    return re.sub(r"[\s()【】\[\]{}<>《》〈〉:*_\-/\\.、·]", "", text).lower()


class ImportError_(Exception):  # noqa: N801 - not the builtin
    pass


class RowError(Exception):
    """A row the services refused at commit time (e.g. a type-specific required detail)."""

    def __init__(self, row: int, message: str):
        super().__init__(message)
        self.row = row
        self.message = message


@dataclass
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list]]  # (Excel row number, cell values)
    header_row: int


def read_sheet(path: Path) -> Sheet:
    """The first sheet: the first row with two or more cells is the header; empty rows are skipped."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a bad file
        raise ImportError_(_("无法读取该文件，请上传 Excel（.xlsx）文件。")) from exc
    ws = wb.worksheets[0]
    headers: list[str] | None = None
    header_row = 0
    rows: list[tuple[int, list]] = []
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        values = list(values)
        if not any(v not in (None, "") for v in values):
            continue
        if headers is None:
            if sum(v not in (None, "") for v in values) < 2:
                continue  # a title row above the header (usually one merged cell)
            headers = [str(v).strip() if v is not None else "" for v in values]
            header_row = number
            continue
        rows.append((number, values))
        if len(rows) > MAX_ROWS:
            raise ImportError_(_("一次最多导入 %(n)s 行，请拆分文件。") % {"n": MAX_ROWS})
    wb.close()
    if not headers:
        raise ImportError_(_("表格是空的。"))
    return Sheet(headers, rows, header_row)


def suggest_mapping(headers: list[str], remembered: dict | None = None) -> dict[str, str]:
    """field key → header; a remembered mapping wins where its header is still in the sheet."""
    present = {_norm(h): h for h in headers if h}
    for h in headers:  # a note in brackets (工单编号（必填）) may be dropped, 村(社区) keeps its own
        if h:
            present.setdefault(_norm(_BRACKETED.sub("", unicodedata.normalize("NFKC", h))), h)
    mapping: dict[str, str] = {}
    for f in FIELDS:
        if remembered and remembered.get(f.key) in headers:
            mapping[f.key] = remembered[f.key]
            continue
        for alias in (f.label, *f.aliases):
            if _norm(alias) in present and present[_norm(alias)] not in mapping.values():
                mapping[f.key] = present[_norm(alias)]
                break
    # A header no alias names exactly may still end with one (上级平台工单编号, 来电人联系电话).
    for f in FIELDS:
        if f.key in mapping:
            continue
        for norm, header in present.items():
            if header not in mapping.values() and any(
                len(_norm(a)) >= 2 and norm.endswith(_norm(a)) for a in (f.label, *f.aliases)
            ):
                mapping[f.key] = header
                break
    return mapping


@dataclass
class Problem:
    row: int
    column: str  # letter, "" when the column is missing altogether
    header: str
    message: str


@dataclass
class Record:
    row: int
    values: dict = field(default_factory=dict)


_DATE_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")
_DATE_FORMATS += (
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%Y%m%d",
    "%Y年%m月%d日",
    "%Y年%m月%d日 %H:%M",
    "%Y年%m月%d日%H时%M分",
)


def parse_datetime(value) -> dt.datetime | None:
    """Excel dates, or text in the usual Chinese ledger formats; None when it cannot be read."""
    if isinstance(value, dt.datetime):
        when = value
    elif isinstance(value, dt.date):
        when = dt.datetime.combine(value, dt.time(9, 0))
    else:
        text = str(value).strip()
        when = None
        for fmt in _DATE_FORMATS:
            try:
                when = dt.datetime.strptime(text, fmt)
                break
            except ValueError:
                continue
        if when is None:
            return None
        if when.time() == dt.time(0, 0) and ":" not in text and "时" not in text:
            when = when.replace(hour=9)  # a date without a time: office hours, not midnight
    return timezone.make_aware(when) if timezone.is_naive(when) else when


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def check(
    sheet: Sheet, mapping: dict[str, str], *, town: Town, case_type: CaseType
) -> tuple[list[Record], list[Problem]]:
    """Every problem of every row (nothing stops at the first); records are usable only if none."""
    problems: list[Problem] = []
    col = {h: i for i, h in enumerate(sheet.headers) if h}

    def where(key: str) -> tuple[str, str]:
        header = mapping.get(key, "")
        return (
            (get_column_letter(col[header] + 1), header)
            if header in col
            else ("", str(FIELD_BY_KEY[key].label))
        )

    for f in FIELDS:
        if f.required and mapping.get(f.key) not in col:
            problems.append(
                Problem(
                    sheet.header_row,
                    "",
                    str(f.label),
                    _("缺少必填列「%(f)s」，请在列对应中选择。") % {"f": f.label},
                )
            )
    if problems:
        return [], problems

    villages = {v.name: v for v in town.villages.all()}
    categories = {}
    for c in case_type.categories.filter(is_active=True):
        categories[c.name] = c
        categories[c.code] = c
    units = {u.name: u for u in Unit.objects.filter(town=town, is_active=True)}
    numbers = [
        _text(v[col[mapping["external_no"]]]) if col[mapping["external_no"]] < len(v) else ""
        for _r, v in sheet.rows
    ]
    existing = set(
        Case.objects.filter(town=town, external_no__in=[n for n in numbers if n]).values_list(
            "external_no", flat=True
        )
    )
    seen: dict[str, int] = {}
    records = []
    required_create = set(case_type.required_for("create"))
    for number, values in sheet.rows:
        rec = Record(number)

        def cell(key: str, values=values):
            header = mapping.get(key)
            if header not in col or col[header] >= len(values):
                return None
            return values[col[header]]

        def bad(key: str, message: str, number=number) -> None:
            letter, header = where(key)
            problems.append(Problem(number, letter, header, message))

        for f in FIELDS:
            raw = cell(f.key)
            text = _text(raw)
            if f.required and not text:
                bad(f.key, _("必填项为空。"))
                continue
            if not text:
                continue
            if f.key == "external_no":
                if len(text) > 50:
                    bad(f.key, _("编号过长（最多 50 字）。"))
                elif text in existing:
                    bad(f.key, _("编号 %(n)s 已导入过（重复）。") % {"n": text})
                elif text in seen:
                    bad(f.key, _("编号 %(n)s 与第 %(r)s 行重复。") % {"n": text, "r": seen[text]})
                seen.setdefault(text, number)
                rec.values[f.key] = text
            elif f.key == "village":
                if text not in villages:
                    bad(f.key, _("本乡镇没有村(社区)「%(v)s」。") % {"v": text})
                rec.values[f.key] = villages.get(text)
            elif f.key == "category":
                if text not in categories:
                    bad(f.key, _("「%(t)s」没有类别「%(c)s」。") % {"t": case_type.name, "c": text})
                rec.values[f.key] = categories.get(text)
            elif f.key == "unit":
                if text not in units:
                    bad(f.key, _("本乡镇没有站所「%(u)s」。") % {"u": text})
                rec.values[f.key] = units.get(text)
            elif f.key in ("received_at", "resolved_at"):
                when = parse_datetime(raw)
                if when is None:
                    bad(
                        f.key,
                        _("无法识别的日期「%(d)s」，请用 2026-03-01 或 2026-03-01 09:30 格式。")
                        % {"d": text},
                    )
                elif when > timezone.now():
                    bad(f.key, _("日期在将来。"))
                rec.values[f.key] = when
            elif f.key == "contact_phone":
                if not re.fullmatch(r"[\d\-+ ()]{5,20}", text):
                    bad(f.key, _("电话号码格式不对。"))
                rec.values[f.key] = text
            else:
                limit = {"title": 200, "contact_name": 50, "address": 200}.get(f.key)
                if limit and len(text) > limit:
                    bad(f.key, _("内容过长（最多 %(n)s 字）。") % {"n": limit})
                rec.values[f.key] = text
        for name in required_create:  # the case type's own required fields (e.g. 12345: 联系电话)
            if (
                name in FIELD_BY_KEY
                and not rec.values.get(name)
                and not any(p.row == number and p.header == where(name)[1] for p in problems)
            ):
                bad(name, _("该类案件必须填写此项。"))
        received, resolved = rec.values.get("received_at"), rec.values.get("resolved_at")
        if received and resolved and resolved < received:
            bad("resolved_at", _("办结时间早于受理时间。"))
        if rec.values.get("resolved_at") and not rec.values.get("reply"):
            bad("reply", _("已办结的案件须填写办理结果。"))
        records.append(rec)
    return records, problems


def commit(
    records: list[Record],
    *,
    town: Town,
    case_type: CaseType,
    actor: User,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> list[Case]:
    """Create every case in one transaction; any error rolls back all of them."""
    created = []
    total = len(records)
    label = _("台账导入")
    with transaction.atomic():
        for i, rec in enumerate(records, start=1):
            v = rec.values
            content = v.get("content", "")
            try:
                case = _create(rec, case_type, town, actor, label, content)
            except services.CaseError as exc:
                raise RowError(rec.row, exc.message) from exc
            if v.get("unit") or v.get("resolved_at"):
                _close_historical(
                    case, actor=actor, unit=v.get("unit"), reply=v.get("reply", ""), at=v.get("resolved_at")
                )
            created.append(case)
            if i % 50 == 0 or i == total:
                progress(i, total)
    return created


def _create(rec: Record, case_type: CaseType, town: Town, actor: User, label: str, content: str) -> Case:
    v = rec.values
    return services.case_create(
        case_type=case_type,
        title=v.get("title") or content.splitlines()[0][:40],
        content=content,
        actor=actor,
        actor_label=label,
        town=town,
        village=v.get("village"),
        category=v.get("category"),
        channel=case_type.default_channel or Channel.OTHER,
        address=v.get("address", ""),
        contact_name=v.get("contact_name", ""),
        contact_phone=v.get("contact_phone", ""),
        external_no=v["external_no"],
        received_at=v["received_at"],
    )


def _close_historical(
    case: Case, *, actor: User, unit: Unit | None, reply: str, at: dt.datetime | None
) -> None:
    """A ledger row that was already handled: set the unit and, when it has a result, close it as of then."""
    previous = case.status
    if unit is not None:
        case.unit = unit
        case.dispatched_at = case.dispatched_at or case.received_at
        case.dispatch_count = max(case.dispatch_count, 1)
        if previous == Status.RECEIVED:
            case.status = Status.IN_PROGRESS
    if at is not None:
        case.status = Status.CLOSED
        case.resolved_at = case.closed_at = at
        case.reply = reply
        case.outcome = Outcome.RESOLVED
        case.resolved_on_time = case.due_at is None or at <= case.due_at
        case.overdue = not case.resolved_on_time
        case.near_due = False
    case.stage = workflow.stage_of(case.status)
    case.version += 1
    case._history_user = actor
    case.save()
    CaseEvent.objects.create(
        case=case,
        kind=EventKind.CLOSE if at else EventKind.DISPATCH,
        at=at or case.received_at,
        actor=actor,
        actor_label=_("台账导入"),
        from_status=previous,
        to_status=case.status,
        note=reply if at else (unit.name if unit else ""),
        data={"import": True, "unit": unit.pk if unit else None},
        public=True,
    )


# --- where an import in progress keeps its file and state (shared by all server processes) ---


def workdir(token: str) -> Path:
    if not re.fullmatch(r"[A-Za-z0-9_-]{16,64}", token or ""):
        raise ImportError_("bad token")
    return Path(settings.DATA_DIR) / "imports" / token


def save_state(token: str, state: dict) -> None:
    path = workdir(token) / "state.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False))
    tmp.replace(path)


def load_state(token: str) -> dict | None:
    try:
        return json.loads((workdir(token) / "state.json").read_text())
    except (OSError, ValueError, ImportError_):
        return None
