"""Excel import of assistance payments from the civil-affairs ledgers (低保、特困、临时救助 …).

One row per (person's ID number, programme, month, amount). The household is found through the
keyed hash of the ID number (``crypto.lookup_hash``) among the households of the user's town; the
name must match the member's. A row for a payment already recorded is a correction (更正) and must
say why in the 更正原因 column; it becomes a correction row (``services.payment_correct``), never an
edit. ``check`` never writes; ``commit`` checks again and writes every row through the services in
one transaction (all or nothing).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from luoshi.accounts import periods
from luoshi.assistance import crypto, services
from luoshi.assistance.models import Household, Member, Payment, Programme
from luoshi.lib import sheets
from luoshi.org.scoping import scope_of

COLUMNS = {
    "id_number": (gettext_lazy("身份证号"), ("身份证号", "身份证号码", "公民身份号码", "证件号码"), True),
    "name": (gettext_lazy("姓名"), ("姓名", "户主姓名", "救助对象", "享受人姓名"), True),
    "programme": (gettext_lazy("项目"), ("项目", "救助项目", "救助类别", "资金类别"), True),
    "month": (gettext_lazy("月份"), ("月份", "发放月份", "所属月份", "时间"), True),
    "amount": (gettext_lazy("金额"), ("金额", "发放金额", "金额元", "发放金额元"), True),
    "persons": (gettext_lazy("人数"), ("人数", "享受人数", "保障人数"), False),
    "reason": (gettext_lazy("更正原因"), ("更正原因", "更正说明"), False),
}
PROGRAMME_NAMES = {
    **{str(label): value for value, label in Programme.choices},
    "低保": "dibao",
    "最低生活保障": "dibao",
    "低保金": "dibao",
    "特困": "tekun",
    "五保": "tekun",
    "特困供养": "tekun",
    "五保户金": "tekun",
    "临时救助": "temporary",
    "雨露计划": "yulu",
    "代缴保险": "premium",
    "代缴医保": "premium",
    "代缴养老保险": "premium",
}


@dataclass
class Row:
    row: int
    household: Household
    programme: str
    month: dt.date
    amount: Decimal
    persons: int
    corrects: Payment | None = None
    reason: str = ""

    @property
    def programme_label(self) -> str:
        return str(Programme(self.programme).label)


def check(sheet: sheets.Sheet, user) -> tuple[list[Row], list[sheets.Problem]]:
    cols = sheets.match_columns(sheet.headers, {k: (str(v[0]), *v[1]) for k, v in COLUMNS.items()})
    problems = [
        sheets.Problem(sheet.header_row, "", str(label), _("缺少必填列“%(f)s”。") % {"f": label})
        for key, (label, _a, required) in COLUMNS.items()
        if required and key not in cols
    ]
    if problems:
        return [], problems
    towns = sorted(scope_of(user).town_ids)
    rows, seen = [], {}
    for number, values in sheet.rows:

        def cell(key, values=values):
            i = cols.get(key)
            return values[i] if i is not None and i < len(values) else None

        def bad(key, message, number=number):
            i = cols.get(key)
            problems.append(
                sheets.Problem(
                    number, sheets.column_letter(i) if i is not None else "", str(COLUMNS[key][0]), message
                )
            )

        before = len(problems)
        id_text = sheets.cell_text(cell("id_number"))
        name = sheets.cell_text(cell("name"))
        digest = crypto.lookup_hash(id_text)
        member = (
            Member.objects.filter(id_hash=digest, household__town_id__in=towns)
            .select_related("household")
            .first()
            if digest
            else None
        )
        if not id_text:
            bad("id_number", _("必填项为空。"))
        elif member is None:
            bad("id_number", _("本镇监测户中没有该身份证号的成员。"))
        elif member.name != name:
            bad("name", _("姓名与该身份证号登记的成员不一致。"))
        programme = PROGRAMME_NAMES.get(sheets.cell_text(cell("programme")))
        if programme is None:
            bad("programme", _("无法识别的项目“%(p)s”。") % {"p": sheets.cell_text(cell("programme"))})
        month = None
        raw = cell("month")
        if isinstance(raw, dt.datetime | dt.date):
            month = dt.date(raw.year, raw.month, 1)
        else:
            try:
                p = periods.parse(raw)
                month = dt.date(p.year, p.last_month, 1) if p.kind == periods.MONTH else None
            except periods.PeriodError:
                month = None
        if month is None:
            bad("month", _("无法识别的月份“%(m)s”，请写成 2026-03。") % {"m": sheets.cell_text(raw)})
        try:
            amount = services._money(cell("amount"), "amount")
            if amount <= 0:
                raise services.AssistanceError(_("金额必须大于0。"))
        except services.AssistanceError as exc:
            amount = None
            bad("amount", exc.message)
        persons_text = sheets.cell_text(cell("persons")) or "1"
        persons = int(persons_text) if persons_text.isdecimal() and 1 <= int(persons_text) <= 99 else None
        if persons is None:
            bad("persons", _("人数应在1到99之间。"))
        reason = sheets.cell_text(cell("reason"))
        existing = None
        if member and programme and month:
            key = (member.household_id, programme, month)
            if key in seen:
                bad("month", _("与第 %(r)s 行重复。") % {"r": seen[key]})
            seen.setdefault(key, number)
            existing = Payment.objects.filter(
                household_id=member.household_id, programme=programme, month=month, corrects__isnull=True
            ).first()
            if existing and not reason:
                bad("reason", _("该户该月该项目已登记；如需更正，请在“更正原因”列说明。"))
            elif existing and len(reason) < 4:
                bad("reason", _("更正原因至少4个字。"))
            elif reason and not existing:
                bad("reason", _("没有可更正的原发放记录；新发放请不要填写“更正原因”。"))
        if len(problems) == before:
            rows.append(Row(number, member.household, programme, month, amount, persons, existing, reason))
    return rows, problems


class RowError(Exception):
    def __init__(self, row: int, message: str):
        super().__init__(message)
        self.row, self.message = row, message


@transaction.atomic
def commit(rows: list[Row], *, by, source: str) -> int:
    for r in rows:
        try:
            if r.corrects is not None:
                services.payment_correct(
                    actor=by,
                    payment=r.corrects,
                    amount=r.amount,
                    persons=r.persons,
                    reason=r.reason,
                    source=source,
                )
                continue
            services.payment_record(
                actor=by,
                household=r.household,
                programme=r.programme,
                month=r.month,
                amount=r.amount,
                persons=r.persons,
                source=source,
            )
        except services.AssistanceError as exc:
            raise RowError(r.row, exc.message) from exc
    return len(rows)
