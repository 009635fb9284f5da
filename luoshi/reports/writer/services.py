"""Writes of report drafts: generate (or regenerate) from the records, edit a block's wording, reset it.

Each write bumps the draft's version; django-simple-history keeps every version with who made it.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from luoshi.org.models import Town, User
from luoshi.org.replica import reading_replica
from luoshi.reports.models import Draft
from luoshi.reports.writer import compose
from luoshi.reports.writer.gather import gather

MIN_YEAR, MAX_YEAR = 2000, 2100
PROBLEMS = {
    "empty": _l("内容不能为空；要恢复自动生成的文字，请用“恢复默认”。"),
    "unknown": _l("没有这些字段：%(detail)s"),
    "digits": _l("数字须来自字段，不能直接输入（发现：%(detail)s）；请保留或移动 {{…}} 字段。"),
    "syntax": _l("字段写法应为 {{字段名}}。"),
}


def _by(draft: Draft, by: User | None) -> None:
    draft.updated_by = by
    draft._history_user = by


@transaction.atomic
def draft_generate(*, town: Town, year: int, by: User | None, now: dt.datetime | None = None) -> Draft:
    """Write the draft for ``town`` and the year it reviews from the records; regenerating an existing
    draft refreshes every number and keeps the edited wording."""
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        raise ValidationError({"year": _("年度须在 %(a)s–%(b)s 之间。") % {"a": MIN_YEAR, "b": MAX_YEAR}})
    now = now or timezone.now()
    with reading_replica():  # the figures only: the draft itself is locked and written on the primary
        inputs = gather(town, int(year), now)
    comp = compose.compose(inputs)
    draft = Draft.objects.select_for_update().filter(town=town, year=year).first()
    if draft is None:
        draft = Draft(town=town, year=year, version=0)
    draft.composition = comp.to_dict()
    draft.generated_at = now
    draft.version += 1
    _by(draft, by)
    draft.save()
    return draft


def _lock(draft: Draft) -> Draft:
    return Draft.objects.select_for_update().get(pk=draft.pk)


@transaction.atomic
def draft_edit(*, draft: Draft, key: str, template: str, by: User | None) -> Draft:
    """Keep the user's wording for one block; its numbers must stay ``{{field}}`` tokens."""
    draft = _lock(draft)
    comp = compose.Composition.from_dict(draft.composition)
    if key not in {b.key for b in comp.blocks}:
        raise ValidationError({"key": _("草稿中没有这一段。")})
    template = template.replace("\r\n", "\n").strip()
    problems = compose.check_template(template, comp.fields)
    if problems:
        raise ValidationError({"template": [str(PROBLEMS[code]) % {"detail": d} for code, d in problems]})
    default = next(b.template for b in comp.blocks if b.key == key)
    edits = dict(draft.edits)
    if template == default:
        edits.pop(key, None)
    else:
        edits[key] = template
    draft.edits = edits
    draft.version += 1
    _by(draft, by)
    draft.save()
    return draft


@transaction.atomic
def draft_reset(*, draft: Draft, key: str, by: User | None) -> Draft:
    """Drop the user's wording of one block: the generated wording applies again."""
    draft = _lock(draft)
    if key in draft.edits:
        edits = dict(draft.edits)
        del edits[key]
        draft.edits = edits
        draft.version += 1
        _by(draft, by)
        draft.save()
    return draft
