"""What Open311 publishes: services (case type × category), jurisdictions (towns) and public case fields.

Reads only. Petitions (信访) and disputes (矛盾纠纷) name private persons and their conflicts
(DOMAIN §12.4), so they are neither listed, nor returned, nor accepted here.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass

from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases.models import Case, CaseEvent, CaseType, Category, Stage
from luoshi.org.models import Town, Village

HIDDEN_TYPES = frozenset({"petition", "dispute"})
# Open311 knows two states; a case counts as closed once it is 办结 (resolved) or closed.
CLOSED_STAGES = (Stage.RESOLVED, Stage.CLOSED)
OPEN_STAGES = (Stage.OPEN, Stage.PAUSED)
SEP = "."

# Personal numbers written into free text (mobile phones, resident ID numbers) are masked.
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")
_ID_NUMBER = re.compile(r"(?<![\dXx])(\d{6})\d{8}(\d{3}[\dXx])(?![\dXx])")


def scrub(text: str) -> str:
    text = _ID_NUMBER.sub(r"\1********\2", text or "")
    return _MOBILE.sub(r"\1****\2", text)


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
    return CaseType.objects.filter(is_active=True).exclude(code__in=HIDDEN_TYPES)


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
    """Cases of ``town`` in published types, with the columns Open311 shows and the latest public note."""
    latest_note = (
        CaseEvent.objects.filter(case=OuterRef("pk"), public=True)
        .exclude(note="")
        .order_by("-at", "-id")
        .values("note")[:1]
    )
    return (
        Case.objects.filter(town=town)
        .exclude(case_type__code__in=HIDDEN_TYPES)
        .select_related("case_type", "category", "unit", "village", "town")
        .only(
            "number",
            "stage",
            "status",
            "content",
            "address",
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
    """One service request, public fields only (never the caller's name or phone), in the spec's order."""
    from luoshi.cases.workflow import public_label

    code = case.case_type.code + (f"{SEP}{case.category.code}" if case.category_id else "")
    closed = case.stage in CLOSED_STAGES
    return {
        "service_request_id": case.number,
        "status": "closed" if closed else "open",
        "status_notes": scrub(getattr(case, "status_notes", None) or "")
        or str(public_label(case.case_type, case.status)),
        "service_name": case.category.name if case.category_id else case.case_type.name,
        "service_code": code,
        "description": scrub(case.content),
        "agency_responsible": case.unit.name if case.unit_id else case.town.name,
        "service_notice": str(public_label(case.case_type, case.status)),
        "requested_datetime": iso(case.received_at),
        "updated_datetime": iso(case.updated_at),
        "expected_datetime": None if closed else iso(case.due_at),
        "address": case.address or "",
        "address_id": case.village.code if case.village_id else "",
        "zipcode": "",
        "lat": float(case.latitude) if case.latitude is not None else None,
        "long": float(case.longitude) if case.longitude is not None else None,
        "media_url": (case.details or {}).get("media_url", "") if isinstance(case.details, dict) else "",
    }
