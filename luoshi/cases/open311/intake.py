"""POST Service Request: check the API key, map the spec's parameters onto ``services.case_create``.

Mapping: service_code → case type + category; address_id → village (division code);
address_string → address; lat/long → coordinates; last_name + first_name → 诉求人; phone → 联系电话;
description → 诉求内容 (its first line, shortened, is the title); media_url is kept in ``details``.
``attribute[…]`` is ignored: every service has ``metadata: false``. email, device_id and
account_id are not stored (we keep no accounts for Open311 clients' users).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.cases import config, services
from luoshi.cases.models import Case, Channel
from luoshi.cases.open311 import catalog
from luoshi.cases.open311.models import DEFAULT_RATE_PER_MINUTE, KEY_PREFIX_LEN, Open311Key, digest
from luoshi.org.models import Town

TITLE_LEN = 40
KEY_TOUCH_EVERY = dt.timedelta(minutes=10)


class Open311Error(Exception):
    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status = status
        self.description = description


def key_create(
    *, town: Town, label: str, rate_per_minute: int = DEFAULT_RATE_PER_MINUTE
) -> tuple[Open311Key, str]:
    """Issue a key for ``town``; the raw key is returned once and only its digest is stored."""
    raw = Open311Key.new_raw_key()
    key = Open311Key.objects.create(
        town=town,
        label=label[:100],
        prefix=raw[:KEY_PREFIX_LEN],
        key_hash=digest(raw),
        rate_per_minute=rate_per_minute,
    )
    return key, raw


def check_key(raw: str | None, town: Town) -> Open311Key:
    if not raw:
        raise Open311Error(400, "api_key is required to create a service request")
    key = config.open311_keys().get(digest(raw))
    if key is None:
        raise Open311Error(403, "invalid api_key")
    if key.town_id != town.pk:
        raise Open311Error(403, "this api_key may not create requests in this jurisdiction")
    now = timezone.now()
    if key.last_used_at is None or now - key.last_used_at > KEY_TOUCH_EVERY:
        Open311Key.objects.filter(pk=key.pk).update(last_used_at=now)
        key.last_used_at = now
    return key


def _coordinate(value: str | None, name: str, limit: int) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value)).quantize(Decimal("0.000001"))
    except InvalidOperation as exc:
        raise Open311Error(400, f"{name} must be a decimal number") from exc
    if not number.is_finite():  # NaN cannot be compared with the limits
        raise Open311Error(400, f"{name} must be a decimal number")
    if not -limit <= number <= limit:
        raise Open311Error(400, f"{name} is out of range")
    return number


def create_request(*, key: Open311Key, town: Town, params) -> Case:
    """Register one case from the POSTed parameters (a QueryDict or dict)."""
    code = (params.get("service_code") or "").strip()
    if not code:
        raise Open311Error(400, "service_code is required")
    service = catalog.service_by_code(code)
    if service is None:
        raise Open311Error(404, f"unknown service_code {code!r}")
    lat = _coordinate(params.get("lat"), "lat", 90)
    lon = _coordinate(params.get("long"), "long", 180)
    address = (params.get("address_string") or "").strip()[:200]
    address_id = (params.get("address_id") or "").strip()
    if (lat is None) != (lon is None):
        raise Open311Error(400, "lat and long must be given together")
    if lat is None and not address and not address_id:
        raise Open311Error(400, "a location is required: lat and long, address_string or address_id")
    village = None
    if address_id:
        village = catalog.village_by_code(town, address_id)
        if village is None:
            raise Open311Error(400, f"unknown address_id {address_id!r} (a village code of this town)")
    description = (params.get("description") or "").strip()[:4000]
    content = description or f"{service.group}：{service.name}" + (f"（{address}）" if address else "")
    title = content.splitlines()[0][:TITLE_LEN]
    name = ((params.get("last_name") or "").strip() + (params.get("first_name") or "").strip())[:50]
    media_url = (params.get("media_url") or "").strip()
    details = {"media_url": media_url[:500]} if media_url.startswith(("http://", "https://")) else {}
    try:
        return services.case_create(
            case_type=service.case_type,
            category=service.category,
            title=title,
            content=content,
            actor=None,
            actor_label=_("Open311：%(client)s") % {"client": key.label},
            town=town,
            village=village,
            channel=Channel.OPEN311,
            address=address,
            latitude=lat,
            longitude=lon,
            contact_name=name,
            contact_phone=(params.get("phone") or "").strip()[:20],
            details=details,
        )
    except services.CaseError as exc:
        fields = ", ".join(exc.errors) if exc.errors else ""
        raise Open311Error(400, exc.message + (f" ({fields})" if fields else "")) from exc
