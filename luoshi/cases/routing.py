"""Routing: which unit a new case goes to (type × category × village → unit, with a default per town)."""

from __future__ import annotations

from luoshi.cases import config
from luoshi.org.models import Unit


def route_for(*, town, case_type=None, category=None, village=None) -> Unit | None:
    """The unit of the most specific active rule of ``town`` matching the case; None if the town has none.

    Rules come from the per-process cache (``luoshi.cases.config``), not from a query per case.
    """
    wanted = {
        "case_type_id": case_type.pk if case_type else None,
        "category_id": category.pk if category else None,
        "village_id": village.pk if village else None,
    }
    best, best_key = None, None
    for rule in config.routing_rules(town.pk):
        if any(getattr(rule, f) is not None and getattr(rule, f) != v for f, v in wanted.items()):
            continue
        # category beats village beats type; a rule naming more fields beats one naming fewer
        key = (
            (rule.category_id is not None) + (rule.village_id is not None) + (rule.case_type_id is not None),
            rule.category_id is not None,
            rule.village_id is not None,
            -rule.pk,
        )
        if best_key is None or key > best_key:
            best, best_key = rule, key
    return best.unit if best else None
