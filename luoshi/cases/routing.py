"""Routing: which unit a new case goes to (type × category × village → unit, with a default per town)."""

from __future__ import annotations

from django.db.models import Q

from luoshi.cases.models import RoutingRule
from luoshi.org.models import Unit


def route_for(*, town, case_type=None, category=None, village=None) -> Unit | None:
    """The unit of the most specific active rule of ``town`` matching the case; None if the town has none."""
    qs = RoutingRule.objects.filter(town=town, is_active=True, unit__is_active=True).select_related("unit")
    for field, value in (("case_type", case_type), ("category", category), ("village", village)):
        qs = (
            qs.filter(Q(**{f"{field}__isnull": True}) | Q(**{field: value}))
            if value
            else qs.filter(**{f"{field}__isnull": True})
        )

    def specificity(rule: RoutingRule) -> tuple[int, int, int, int]:
        # category beats village beats type; a rule naming more fields beats one naming fewer
        named = (
            (rule.category_id is not None) + (rule.village_id is not None) + (rule.case_type_id is not None)
        )
        return (named, rule.category_id is not None, rule.village_id is not None, -rule.pk)

    rules = sorted(qs, key=specificity, reverse=True)
    return rules[0].unit if rules else None
