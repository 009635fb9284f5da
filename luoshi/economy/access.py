"""Who sees what of the economy desk, in one place.

* Per-enterprise figures (returns, warnings, the enterprise page, its exports and API): the town's
  leaders (镇领导) and the staff of its economy office (the enterprise's ``desk`` unit, 经发办), and
  admins. The models' ``scope_paths`` say the same to ``visible()``; these helpers are what views,
  the API and exports call.
* Town totals (roll-ups, the indicators): whoever reads the town's indicators
  (``luoshi.accounts.selectors.towns_for``: county staff, leaders, office, unit staff, deputies).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404

from luoshi.accounts.selectors import towns_for
from luoshi.economy.models import Enterprise, EnterpriseView, Feed
from luoshi.org.models import Town, Unit
from luoshi.org.scoping import get_visible_or_404, scope_of, visible


def desk_unit_codes() -> tuple[str, ...]:
    return tuple(getattr(settings, "ECONOMY_DESK_UNIT_CODES", ("jfb",)))


def desk_towns(user) -> QuerySet[Town]:
    """Towns whose per-enterprise figures the user may see."""
    s = scope_of(user)
    if s.is_admin:
        return Town.objects.all()
    unit_towns = Unit.objects.filter(pk__in=s.unit_ids, code__in=desk_unit_codes()).values("town_id")
    return Town.objects.filter(Q(id__in=s.leader_town_ids) | Q(id__in=unit_towns))


def is_desk(user) -> bool:
    return desk_towns(user).exists()


def desk_town_for(user, pk) -> Town:
    try:
        return desk_towns(user).get(pk=int(pk))
    except (Town.DoesNotExist, TypeError, ValueError) as exc:
        raise Http404("not found") from exc


def reader_towns(user) -> QuerySet[Town]:
    """Towns whose totals the user may read."""
    return towns_for(user)


def enterprises_for(user) -> QuerySet[Enterprise]:
    return visible(Enterprise.objects.select_related("town"), user)


def enterprise_for(user, pk: int, *, channel: str) -> Enterprise:
    """One enterprise with its figures, for a desk user; logs the view (append-only). 404 otherwise."""
    if not 0 < int(pk) < 2**63:
        raise Http404("not found")
    ent = get_visible_or_404(
        Enterprise.objects.select_related("town", "desk", "village", "grid"), user, pk=pk
    )
    EnterpriseView.objects.create(user=user, enterprise=ent, channel=channel)
    return ent


def feeds_for(user) -> QuerySet[Feed]:
    return Feed.objects.filter(town__in=desk_towns(user))
