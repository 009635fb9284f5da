"""Excel import helpers shared by importers: read a sheet, match headers by alias, report row problems,
keep an import in progress (its file and state) where any server process can continue it.

An importer built on this does: ``read_sheet`` → ``match_columns`` → its own ``check`` returning
``Problem`` rows (Excel row number, column letter, header, why) without writing → on confirmation,
check again and write everything in one transaction (all or nothing).
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

MAX_ROWS = 20_000


class SheetError(Exception):
    """The file as a whole cannot be used; the message is fit to show."""


@dataclass
class Sheet:
    headers: list[str]
    rows: list[tuple[int, list]]  # (Excel row number, cell values)
    header_row: int


@dataclass
class Problem:
    row: int
    column: str  # letter, "" when the column is missing altogether
    header: str
    message: str


def norm(text) -> str:
    """Header key: no spaces, brackets, colons or asterisks; lower case."""
    return re.sub(r"[\s()（）【】\[\]:：*＊]", "", str(text or "")).lower()


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_sheet(path: Path, max_rows: int = MAX_ROWS) -> Sheet:
    """The first sheet: the first row with two or more cells is the header; empty rows are skipped."""
    return read_sheets(path, max_rows, first_only=True)[0][1]


def read_sheets(path: Path, max_rows: int = MAX_ROWS, *, first_only: bool = False) -> list[tuple[str, Sheet]]:
    """Every sheet that has a header, as (sheet title, Sheet); ``max_rows`` counts all sheets together
    (a feed may come as one sheet per month)."""
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a bad file
        raise SheetError(_("无法读取该文件，请上传 Excel（.xlsx）文件。")) from exc
    out: list[tuple[str, Sheet]] = []
    total = 0
    for ws in wb.worksheets[:1] if first_only else wb.worksheets:
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
                headers = [cell_text(v) for v in values]
                header_row = number
                continue
            rows.append((number, values))
            total += 1
            if total > max_rows:
                wb.close()
                raise SheetError(_("一次最多导入 %(n)s 行，请拆分文件。") % {"n": max_rows})
        if headers:
            out.append((ws.title, Sheet(headers, rows, header_row)))
    wb.close()
    if not out:
        raise SheetError(_("表格是空的。"))
    return out


def match_columns(headers: list[str], fields: dict[str, tuple[str, ...]]) -> dict[str, int]:
    """field key → column index, for the first header equal (after ``norm``) to one of its aliases."""
    present = {norm(h): i for i, h in reversed(list(enumerate(headers))) if h}
    out: dict[str, int] = {}
    for key, aliases in fields.items():
        for alias in aliases:
            if norm(alias) in present:
                out[key] = present[norm(alias)]
                break
    return out


def column_letter(index: int) -> str:
    return get_column_letter(index + 1)


# --- an import in progress: DATA_DIR/imports/<token>/ holds the upload and a small JSON state ---


def new_job(upload, state: dict) -> str:
    """Store an uploaded file and its state; returns the token that names the job."""
    token = secrets.token_urlsafe(16)
    folder = workdir(token)
    folder.mkdir(parents=True)
    with open(folder / "upload.xlsx", "wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    save_state(token, state)
    return token


def workdir(token: str) -> Path:
    if not re.fullmatch(r"[A-Za-z0-9_-]{16,64}", token or ""):
        raise SheetError("bad token")
    return Path(settings.DATA_DIR) / "imports" / token


def save_state(token: str, state: dict) -> None:
    path = workdir(token) / "state.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False))
    tmp.replace(path)


def owned_job(token: str, *, user_id: int, kind: str) -> dict | None:
    """The state of an import job if ``user_id`` started it as ``kind``, else None: a job belongs to
    its uploader, and a token of another kind of import opens nothing."""
    state = load_state(token)
    if not state or state.get("user_id") != user_id or state.get("kind") != kind:
        return None
    return state


def load_state(token: str) -> dict | None:
    try:
        return json.loads((workdir(token) / "state.json").read_text())
    except (OSError, ValueError, SheetError):
        return None
