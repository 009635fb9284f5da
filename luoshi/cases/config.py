"""Per-process cache of the configuration every intake reads: routing rules, SLA policies, calendar, API keys.

Routing rules, SLA policies and the admin-entered calendar days change a few times a year but were
queried (and sorted) for every case created. Each process now loads each table once and keeps it
for ``CACHE_SECONDS``; a save or delete of a rule, policy, unit, case type or calendar day clears the
cache of the process that made it at once (other processes pick the change up within
``CACHE_SECONDS``). ``bulk_create`` / ``update()`` send no signals: call ``clear()`` after them.
"""

from __future__ import annotations

import threading
import time

from django.db.models.signals import post_delete, post_save

CACHE_SECONDS = 30.0
_cache: dict[str, tuple[float, object]] = {}
_lock = threading.Lock()


def _cached(name: str, build):
    hit = _cache.get(name)
    now = time.monotonic()
    if hit is not None and now - hit[0] < CACHE_SECONDS:
        return hit[1]
    value = build()
    with _lock:
        _cache[name] = (now, value)
    return value


def clear(**_kwargs) -> None:
    with _lock:
        _cache.clear()


def _routing_rules() -> dict[int, list]:
    from luoshi.cases.models import RoutingRule

    by_town: dict[int, list] = {}
    for rule in RoutingRule.objects.filter(is_active=True, unit__is_active=True).select_related("unit"):
        by_town.setdefault(rule.town_id, []).append(rule)
    return by_town


def routing_rules(town_id: int) -> list:
    """Active rules (with their active unit loaded) of one town."""
    return _cached("routing", _routing_rules).get(town_id, [])


def _policies() -> dict[int, list]:
    from luoshi.cases.models import SlaPolicy

    by_type: dict[int, list] = {}
    for policy in SlaPolicy.objects.filter(is_active=True):
        by_type.setdefault(policy.case_type_id, []).append(policy)
    return by_type


def sla_policies(case_type_id: int) -> list:
    """Active SLA policies of one case type."""
    return _cached("policies", _policies).get(case_type_id, [])


def calendar_overrides() -> dict:
    """Every admin-entered holiday / make-up workday ({date: is_workday}), as ``luoshi.lib.workdays`` expects."""
    from luoshi.org.selectors import calendar_overrides as load

    return _cached("calendar", load)


def active_case_types() -> list:
    """Active case types in their admin order (the type filter of every case page)."""
    from luoshi.cases.models import CaseType

    return _cached("types", lambda: list(CaseType.objects.filter(is_active=True)))


def active_units(town_ids=None) -> list:
    """Active units (with their town) of ``town_ids`` (None: every town), as the unit filter lists them."""
    from luoshi.org.models import Unit

    units = _cached(
        "units",
        lambda: list(Unit.objects.filter(is_active=True).select_related("town")),
    )
    return units if town_ids is None else [u for u in units if u.town_id in town_ids]


def case_types_by_id() -> dict:
    """Every case type, active or not, by id: list rows name their type without a join."""
    from luoshi.cases.models import CaseType

    return _cached("types_by_id", lambda: {t.pk: t for t in CaseType.objects.all()})


def categories_by_id() -> dict:
    """Every category, active or not, by id: the case page names it without a join."""
    from luoshi.cases.models import Category

    return _cached("categories_by_id", lambda: {c.pk: c for c in Category.objects.all()})


def deputy_type_ids() -> list[int]:
    """Ids of the case types deputies file (``filed_by_deputies``: 代表建议)."""
    return sorted(pk for pk, t in case_types_by_id().items() if t.filed_by_deputies)


def village_names() -> dict[int, str]:
    """Every village's name by id (list rows show it without a join)."""
    from luoshi.org.models import Village

    return _cached("village_names", lambda: dict(Village.objects.values_list("id", "name")))


def unit_names() -> dict[int, str]:
    """Every unit's name by id, active or not (list rows show it without a join)."""
    from luoshi.org.models import Unit

    return _cached("unit_names", lambda: dict(Unit.objects.values_list("id", "name")))


def open311_keys() -> dict:
    """Active Open311 API keys by digest. A key revoked in another process stops working within
    ``CACHE_SECONDS`` (at once in the process that revoked it)."""
    from luoshi.cases.open311.models import Open311Key

    return _cached("open311_keys", lambda: {k.key_hash: k for k in Open311Key.objects.filter(is_active=True)})


def _connect() -> None:
    from luoshi.cases.models import CaseType, Category, RoutingRule, SlaPolicy
    from luoshi.cases.open311.models import Open311Key
    from luoshi.org.models import CalendarDay, Town, Unit, Village

    for model in (RoutingRule, SlaPolicy, CaseType, Category, Unit, Town, Village, CalendarDay, Open311Key):
        post_save.connect(clear, sender=model, dispatch_uid=f"cases-config-{model.__name__}-save")
        post_delete.connect(clear, sender=model, dispatch_uid=f"cases-config-{model.__name__}-delete")
