"""The case page's cheap reads and the rendered timeline kept in the cache.

``probe`` asks, in one plain statement, what the page would otherwise learn from three ORM queries
(building each cost more CPU than PostgreSQL spent running it): the id of the newest timeline entry,
and whether the case has co-handling units (协办) or attachments at all, so that the page reads those
only when there are some.

The timeline (办理记录) of a case is read on every view of its page and of its panel after each
action; it only grows (``CaseEvent`` is append-only: a trigger refuses UPDATE and DELETE), so the
newest entry's id names its content. The cache key holds everything else the HTML depends on: the
mask decision (free text with phone and ID numbers masked or not, ``selectors.sees_phone_numbers``)
and the language of the labels. Nothing else of the viewer enters the fragment: the page checks
access (``selectors.get_case``: 404 outside the scope) before the fragment is looked up, and every
reader who may open a case sees the same timeline, masked or not.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import caches
from django.db import connection
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from luoshi.cases import selectors
from luoshi.cases.models import Attachment, Case, CaseAssist, CaseEvent
from luoshi.cases.templatetags.cases_tags import timeline_entries

TIMELINE_TTL = 24 * 3600  # seconds; the key changes with every new entry, the TTL only frees memory


@dataclass(frozen=True)
class Probe:
    last_event_id: int  # 0: no entry yet
    has_assists: bool
    has_attachments: bool


def probe(case: Case) -> Probe:
    events, assists, files = (m._meta.db_table for m in (CaseEvent, CaseAssist, Attachment))
    with connection.cursor() as cur:
        cur.execute(
            f"SELECT (SELECT max(id) FROM {events} WHERE case_id = %s), "  # noqa: S608 - table names from models
            f"EXISTS (SELECT 1 FROM {assists} WHERE case_id = %s), "
            f"EXISTS (SELECT 1 FROM {files} WHERE case_id = %s)",
            [case.pk] * 3,
        )
        last, has_assists, has_files = cur.fetchone()
    return Probe(last_event_id=last or 0, has_assists=bool(has_assists), has_attachments=bool(has_files))


def timeline_key(case_id: int, last_event_id: int, mask: bool) -> str:
    return f"cases:timeline:{case_id}:{last_event_id}:{'m' if mask else 'p'}:{get_language()}"


def timeline(case: Case, *, mask: bool, last_event_id: int) -> SafeString:
    """The ``<li>`` entries of the case's timeline (as ``cases_tags.timeline_entries``), cached under
    the id of its newest entry (from ``probe``)."""
    if not last_event_id:
        return mark_safe("")
    key = timeline_key(case.pk, last_event_id, mask)
    cache = caches["fragments"]
    html = cache.get(key)
    if html is None:
        html = str(timeline_entries(selectors.timeline(case), mask))
        cache.set(key, html, TIMELINE_TTL)
    return mark_safe(html)  # noqa: S308 - built by timeline_entries, which escapes every value
