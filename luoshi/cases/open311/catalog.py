"""What Open311 publishes: services (case type × category), jurisdictions (towns) and public case fields.

Reads only. Only case types that staff marked 公开发布 (``CaseType.public``) are services, listed or
returned; petitions (信访), disputes (矛盾纠纷) and hazards (安全隐患) never are, whatever the flag
says (``CaseType.NEVER_PUBLIC``, checked in every query here). A published case shows its address at
street precision, its coordinates rounded to about 100 m, its description and the notes staff marked
公开 with names and phone/ID numbers masked (``luoshi.lib.masking``), never a rating comment.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases.models import Case, CaseEvent, CaseType, Category, EventKind, Stage
from luoshi.lib.masking import mask_text, public_address, public_coordinate
from luoshi.org.models import Town, Village

HIDDEN_TYPES = CaseType.NEVER_PUBLIC
# Timeline entries whose note is never published: the resident's own rating comment, review requests.
PRIVATE_NOTE_KINDS = (
    EventKind.FEEDBACK,
    EventKind.REVIEW_REQUEST,
    EventKind.REVIEW_DECISION,
    EventKind.REREVIEW_REQUEST,
    EventKind.REREVIEW_DECISION,
)
# Open311 knows two states; a case counts as closed once it is 办结 (resolved) or closed.
CLOSED_STAGES = (Stage.RESOLVED, Stage.CLOSED)
OPEN_STAGES = (Stage.OPEN, Stage.PAUSED)
SEP = "."


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    description: str
    keywords: str
    group: str
    case_type: CaseType
    category: Category | None


def published_types() -> QuerySet:
    """Active types staff chose to publish; the never-public ones stay out even if flagged by SQL."""
    return CaseType.objects.filter(is_active=True, public=True).exclude(code__in=HIDDEN_TYPES)


# Services, towns and villages change a few times a year but are read on every Open311 call:
# each process keeps them for CACHE_SECONDS, and drops them at once when one of them is saved.
CACHE_SECONDS = 60.0
_cache: dict[str, tuple[float, object]] = {}


def _cached(name: str, build):
    hit = _cache.get(name)
    now = time.monotonic()
    if hit is not None and now - hit[0] < CACHE_SECONDS:
        return hit[1]
    value = build()
    _cache[name] = (now, value)
    return value


def clear_cache(**_kwargs) -> None:
    _cache.clear()


for _model in (CaseType, Category, Town, Village):
    post_save.connect(clear_cache, sender=_model, dispatch_uid=f"open311-{_model.__name__}-save")
    post_delete.connect(clear_cache, sender=_model, dispatch_uid=f"open311-{_model.__name__}-delete")


def _build_services() -> list[Service]:
    out = []
    for ct in published_types().prefetch_related("categories"):
        cats = [c for c in ct.categories.all() if c.is_active]
        if not cats:
            out.append(Service(ct.code, ct.name, ct.description, ct.name, ct.name, ct, None))
        for cat in cats:
            out.append(
                Service(
                    f"{ct.code}{SEP}{cat.code}",
                    cat.name,
                    f"{ct.name}：{cat.name}",
                    f"{cat.name},{ct.name}",
                    ct.name,
                    ct,
                    cat,
                )
            )
    return out


def services() -> list[Service]:
    return _cached("services", _build_services)


def service_by_code(code: str) -> Service | None:
    by_code = _cached("services_by_code", lambda: {s.code: s for s in services()})
    return by_code.get(code or "")


def village_by_code(town: Town, code: str) -> Village | None:
    villages = _cached("villages", lambda: {(v.town_id, v.code): v for v in Village.objects.all()})
    return villages.get((town.pk, code))


def service_q(codes: list[str]) -> Q:
    q = Q(pk__in=[])
    for code in codes:
        type_code, _sep, cat_code = code.partition(SEP)
        q |= (
            Q(case_type__code=type_code, category__code=cat_code)
            if cat_code
            else Q(case_type__code=type_code)
        )
    return q


class JurisdictionError(Exception):
    pass


def jurisdiction(code: str | None) -> Town:
    """The town named by ``jurisdiction_id`` (its division code); optional only in a one-town deployment."""
    towns: dict[str, Town] = _cached("towns", lambda: {t.code: t for t in Town.objects.order_by("code")})
    if code:
        town = towns.get(code)
        if town is None:
            raise JurisdictionError(f"unknown jurisdiction_id {code!r}; use a town code (乡镇代码)")
        return town
    if len(towns) == 1:
        return next(iter(towns.values()))
    if not towns:
        raise JurisdictionError("no jurisdiction is configured")
    codes = ", ".join(list(towns)[:50])
    raise JurisdictionError(f"jurisdiction_id is required: this server serves several towns ({codes})")


def requests_queryset(town: Town) -> QuerySet:
    """Cases of ``town`` in published types, with the columns Open311 shows and the latest note staff
    marked public (never a rating comment)."""
    latest_note = (
        CaseEvent.objects.filter(case=OuterRef("pk"), note_public=True)
        .exclude(note="")
        .exclude(kind__in=PRIVATE_NOTE_KINDS)
        .order_by("-at", "-id")
        .values("note")[:1]
    )
    return (
        Case.objects.filter(town=town, case_type__public=True)
        .exclude(case_type__code__in=HIDDEN_TYPES)
        .select_related("case_type", "category", "unit", "village", "town")
        .only(
            "number",
            "stage",
            "status",
            "content",
            "address",
            "contact_name",
            "latitude",
            "longitude",
            "details",
            "received_at",
            "updated_at",
            "due_at",
            "case_type__code",
            "case_type__name",
            "case_type__status_labels",
            "category__code",
            "category__name",
            "unit__name",
            "village__code",
            "village__name",
            "town__name",
        )
        .annotate(status_notes=Subquery(latest_note))
    )


def iso(value: dt.datetime | None) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def intake_notice(case: Case) -> str:
    """What the client tells the person who just reported: the public status and the expected date."""
    from luoshi.cases.workflow import public_label

    label = str(public_label(case.case_type, case.status))
    if case.due_at:
        return _("%(status)s，预计 %(date)s 前办结") % {
            "status": label,
            "date": f"{timezone.localtime(case.due_at):%Y-%m-%d}",
        }
    return label


def request_fields(case: Case) -> dict:
    """One service request, public fields only (never the caller's name or phone), in the spec's order.

    Text is masked by ``luoshi.lib.masking.mask_text`` (the caller's name, names after cue words or
    before a number, every phone-like and ID number); the address keeps the street or village.
    """
    from luoshi.cases.workflow import public_label

    code = case.case_type.code + (f"{SEP}{case.category.code}" if case.category_id else "")
    if service_by_code(code) is None:
        code = None  # e.g. a case of a type with categories filed without one: no service of services.json
    closed = case.stage in CLOSED_STAGES
    names = (case.contact_name,)
    note = mask_text(getattr(case, "status_notes", None) or "", names=names, public=True)
    address = public_address(case.address) or (case.village.name if case.village_id else "")
    return {
        "service_request_id": case.number,
        "status": "closed" if closed else "open",
        "status_notes": note or str(public_label(case.case_type, case.status)),
        "service_name": case.category.name if case.category_id else case.case_type.name,
        "service_code": code,
        "description": mask_text(case.content, names=names, public=True),
        "agency_responsible": case.unit.name if case.unit_id else case.town.name,
        "service_notice": str(public_label(case.case_type, case.status)),
        "requested_datetime": iso(case.received_at),
        "updated_datetime": iso(case.updated_at),
        "expected_datetime": None if closed else iso(case.due_at),
        "address": address,
        "address_id": case.village.code if case.village_id else "",
        "zipcode": "",
        "lat": public_coordinate(case.latitude),
        "long": public_coordinate(case.longitude),
        "media_url": (case.details or {}).get("media_url", "") if isinstance(case.details, dict) else "",
    }
