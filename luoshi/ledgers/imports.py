"""Excel import of an existing register (every town keeps them in spreadsheets already).

``check`` never writes: every problem of every row (Excel row, column, why). ``commit`` writes every
row through ``services.item_save`` in one transaction: a refusal rolls all of them back. Rows are
placed by village name within the towns the user may register in; an existing number is updated.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from luoshi.ledgers import services
from luoshi.ledgers.models import Item, RegisterType
from luoshi.lib import sheets
from luoshi.org.models import User, Village
from luoshi.org.scoping import scope_of

BASE = {
    "number": (gettext_lazy("编号"), ("编号", "序号编号", "路灯编号", "图斑编号", "户号", "河段编号"), True),
    "name": (gettext_lazy("名称"), ("名称", "位置", "地点", "户主姓名"), False),
    "village": (gettext_lazy("村(社区)"), ("村(社区)", "村", "社区", "所在村", "村名"), True),
    "owner": (gettext_lazy("责任人"), ("责任人", "户主", "承包农户", "河长", "林长", "所在道路"), False),
    "maintainer": (gettext_lazy("管护单位"), ("管护单位", "维护单位", "保洁公司", "整改责任人"), False),
    "latitude": (gettext_lazy("纬度"), ("纬度", "lat"), False),
    "longitude": (gettext_lazy("经度"), ("经度", "lng", "lon"), False),
}


class RowError(Exception):
    def __init__(self, row: int, message: str):
        super().__init__(message)
        self.row, self.message = row, message


@dataclass
class Row:
    row: int
    number: str
    village: Village
    values: dict = field(default_factory=dict)
    attributes: dict = field(default_factory=dict)


def columns(rt: RegisterType) -> dict:
    cols = dict(BASE)
    cols["number"] = (rt.number_label, (rt.number_label, *BASE["number"][1]), True)
    cols["owner"] = (rt.owner_label, (rt.owner_label, *BASE["owner"][1]), False)
    cols["maintainer"] = (rt.maintainer_label, (rt.maintainer_label, *BASE["maintainer"][1]), False)
    for a in rt.attributes or []:
        cols[f"attr:{a['key']}"] = (a["label"], (a["label"], a["key"]), bool(a.get("required")))
    return cols


def _villages(user: User) -> dict[str, Village]:
    scope = scope_of(user)
    qs = Village.objects.select_related("town")
    if not scope.is_admin:
        from django.db.models import Q

        qs = qs.filter(
            Q(town_id__in=scope.town_ids)
            | Q(id__in=scope.village_ids)
            | Q(town__county_id__in=scope.county_ids)
        )
    out: dict[str, Village] = {}
    for v in qs:
        out[v.code] = v
        out[v.name] = None if v.name in out and out[v.name] and out[v.name].pk != v.pk else v
    return out


def check(sheet: sheets.Sheet, rt: RegisterType, user: User) -> tuple[list[Row], list[sheets.Problem]]:
    cols_spec = columns(rt)
    cols = sheets.match_columns(sheet.headers, {k: (str(v[0]), *v[1]) for k, v in cols_spec.items()})
    problems = [
        sheets.Problem(sheet.header_row, "", str(label), _("缺少必填列“%(f)s”。") % {"f": label})
        for key, (label, _aliases, required) in cols_spec.items()
        if required and key not in cols
    ]
    if problems:
        return [], problems
    villages = _villages(user)
    seen: dict[tuple, int] = {}
    rows: list[Row] = []
    for number, values in sheet.rows:

        def cell(key, values=values):
            i = cols.get(key)
            return sheets.cell_text(values[i]) if i is not None and i < len(values) else ""

        def bad(key, message, number=number):
            i = cols.get(key)
            header = sheet.headers[i] if i is not None else str(cols_spec[key][0])
            problems.append(
                sheets.Problem(number, sheets.column_letter(i) if i is not None else "", header, message)
            )

        before = len(problems)
        ident = cell("number")[:40]
        if not ident:
            bad("number", _("必填项为空。"))
        vname = cell("village")
        village = villages.get(vname)
        if not vname:
            bad("village", _("必填项为空。"))
        elif village is None:
            bad("village", _("您不能在“%(v)s”登记，或该村(社区)不存在。") % {"v": vname})
        if "\x00" in "".join(sheets.cell_text(v) for v in values):
            bad("number", _("不能包含空字符（NUL）。"))
        attributes = {a["key"]: cell(f"attr:{a['key']}") for a in rt.attributes or []}
        for spec in rt.attributes or []:
            try:
                services.attribute_value(spec, attributes[spec["key"]])
            except services.LedgerError as exc:
                bad(f"attr:{spec['key']}", exc.message)
        for coord in ("latitude", "longitude"):
            text = cell(coord)
            if text:
                try:
                    services._decimal(text, coord, str(cols_spec[coord][0]))
                except services.LedgerError as exc:
                    bad(coord, exc.message)
        if village and ident:
            key = (village.town_id, ident)
            if key in seen:
                bad("number", _("与第 %(r)s 行重复。") % {"r": seen[key]})
            seen.setdefault(key, number)
        if len(problems) == before:
            rows.append(
                Row(
                    number,
                    ident,
                    village,
                    {k: cell(k) for k in ("name", "owner", "maintainer", "latitude", "longitude")},
                    attributes,
                )
            )
    return rows, problems


def commit(rows: list[Row], rt: RegisterType, *, by: User) -> int:
    """Write every row or none (an existing number in the same town is updated)."""
    with transaction.atomic():
        for r in rows:
            existing = Item.objects.filter(
                register_type=rt, town_id=r.village.town_id, number=r.number
            ).first()
            try:
                services.item_save(
                    actor=by,
                    register_type=rt,
                    item=existing,
                    number=r.number,
                    village=r.village,
                    name=r.values["name"],
                    owner=r.values["owner"],
                    maintainer=r.values["maintainer"],
                    latitude=r.values["latitude"] or None,
                    longitude=r.values["longitude"] or None,
                    attributes=r.attributes,
                )
            except services.LedgerError as exc:
                raise RowError(r.row, exc.message) from exc
    return len(rows)
