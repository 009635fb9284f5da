"""Scoping, once: who may see which rows.

Every scoped model declares ``scope_paths = ScopePaths(...)``: the lookup from the model to the
town, village, grid, unit (and optionally owner) it belongs to. ``visible(qs, user)`` turns a
user's role assignments into one filter; ``get_visible_or_404`` is the only way views, the API,
exports, search and autocomplete fetch a single object. Outside a user's scope an object simply
does not exist for them (404), so counts and search results never leak it.

Role → rule: county staff see their county; town leaders and office staff their town; unit staff
what is assigned to their unit; village cadres their village; grid workers their grid; deputies
what the model opens to its town's deputies, and what names them (suggestions they co-sign);
everyone what they own (e.g. cases they reported).
Unit staff may also open (one object, never in lists) what their unit co-handles (协办).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from luoshi.org.roles import TOWN_WIDE, Role


@dataclass(frozen=True)
class ScopePaths:
    """ORM lookups from a model to the organisation levels it belongs to; None = not scoped that way.

    ``unit_town``: unit staff of that town may read (reference data such as villages).
    ``deputy_town``: deputies of that town may read (plans, livelihood projects).
    ``leader_town``: town leaders (镇领导) of that town, not its office staff, may read (confidential
    figures such as enterprise tax and sales, which only leaders and one named unit see).
    ``grid_village``: grid workers of a grid in that village may read (reference data: the village).
    ``owner``: the user who owns the row (always visible to them).
    ``assist``: the name of a reverse relation to rows that have a ``unit`` and give that unit a
    share of the row (co-handling units, 协办). Followed only when asked (``assisting=True``: opening
    one object, never lists), as a subquery.
    ``cosigner``: the name of a reverse relation to rows with a ``deputy`` (a user): deputies also
    see the rows they are named on (附议 of a suggestion), as a subquery, and only users holding
    the deputy role pay for it.
    ``distinct``: set when a path crosses a many-to-many relation.
    """

    county: str | None = None
    town: str | None = None
    village: str | None = None
    grid: str | None = None
    unit: str | tuple[str, ...] | None = None
    unit_town: str | None = None
    deputy_town: str | None = None
    leader_town: str | None = None
    grid_village: str | None = None
    owner: str | None = None
    assist: str | None = None
    cosigner: str | None = None
    distinct: bool = False


@dataclass(frozen=True)
class Scope:
    user_id: int | None
    roles: frozenset[str] = frozenset()
    is_admin: bool = False
    county_ids: frozenset[int] = frozenset()
    town_ids: frozenset[int] = frozenset()  # town-wide roles (leader, office)
    unit_ids: frozenset[int] = frozenset()
    unit_town_ids: frozenset[int] = frozenset()
    village_ids: frozenset[int] = frozenset()
    grid_ids: frozenset[int] = frozenset()
    grid_village_ids: frozenset[int] = frozenset()  # villages of the grids above
    deputy_town_ids: frozenset[int] = frozenset()
    leader_town_ids: frozenset[int] = frozenset()  # towns where the person is a leader (not office)
    member_town_ids: frozenset[int] = frozenset()  # every town the person works in or for
    portfolio_unit_ids: frozenset[int] = frozenset()

    def has(self, *roles: str) -> bool:
        return self.is_admin or bool(self.roles.intersection(roles))

    @property
    def is_staff_member(self) -> bool:
        return self.is_admin or bool(self.roles - {Role.DEPUTY})


ANONYMOUS = Scope(user_id=None)
_SET_FIELDS = [f.name for f in dataclasses.fields(Scope) if f.name.endswith("_ids")]
SESSION_KEY = "_luoshi_scope"


def remember_scope(request) -> None:
    """Reuse the scope kept in the session while the user's ``scope_version`` is unchanged.

    Every page needs the signed-in user's scope; computing it is a join over role assignments. The
    session keeps it with the version it was computed at; a change of roles or of the org tree bumps
    the version (``bump_scope_version``), so the next request recomputes it.
    """
    user = request.user
    if not user.is_authenticated or getattr(user, "_luoshi_scope", None) is not None:
        return
    stamp = [user.scope_version, user.is_superuser, _SET_FIELDS]  # a new Scope field invalidates old copies
    kept = request.session.get(SESSION_KEY)
    if kept and kept.get("stamp") == stamp:
        user._luoshi_scope = Scope(
            user_id=user.pk,
            roles=frozenset(kept["roles"]),
            is_admin=kept["is_admin"],
            **{name: frozenset(kept[name]) for name in _SET_FIELDS},
        )
        return
    scope = scope_of(user)
    request.session[SESSION_KEY] = {
        "stamp": stamp,
        "roles": sorted(scope.roles),
        "is_admin": scope.is_admin,
        **{name: sorted(getattr(scope, name)) for name in _SET_FIELDS},
    }


def bump_scope_version(user_id: int | None = None) -> None:
    """Invalidate kept scopes: of one user (their roles changed) or of everyone (the org tree changed)."""
    from django.db.models import F

    from luoshi.org.models import User

    users = User.objects.all() if user_id is None else User.objects.filter(pk=user_id)
    users.update(scope_version=F("scope_version") + 1)


def scope_of(user) -> Scope:
    """The user's scope, computed once per request (cached on the user object)."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_luoshi_scope", None)
    if cached is not None:
        return cached
    from luoshi.org.models import RoleAssignment

    sets: dict[str, set[int]] = {
        k: set()
        for k in (
            "county",
            "town",
            "unit",
            "unit_town",
            "village",
            "grid",
            "grid_village",
            "deputy",
            "leader",
            "member",
            "portfolio",
        )
    }
    roles: set[str] = set()
    assignments = RoleAssignment.objects.filter(user=user).select_related(
        "town", "unit", "village", "grid__village"
    )
    for a in assignments:
        roles.add(a.role)
        if a.role == Role.COUNTY and a.county_id:
            sets["county"].add(a.county_id)
        elif a.role in TOWN_WIDE and a.town_id:
            sets["town"].add(a.town_id)
            sets["member"].add(a.town_id)
            if a.role == Role.LEADER:
                sets["leader"].add(a.town_id)
                sets["portfolio"].update(a.portfolio.values_list("id", flat=True))
        elif a.role == Role.UNIT and a.unit_id:
            sets["unit"].add(a.unit_id)
            sets["unit_town"].add(a.unit.town_id)
            sets["member"].add(a.unit.town_id)
        elif a.role == Role.VILLAGE and a.village_id:
            sets["village"].add(a.village_id)
            sets["member"].add(a.village.town_id)
        elif a.role == Role.GRID and a.grid_id:
            sets["grid"].add(a.grid_id)
            sets["grid_village"].add(a.grid.village_id)
            sets["member"].add(a.grid.village.town_id)
        elif a.role == Role.DEPUTY and a.town_id:
            sets["deputy"].add(a.town_id)
            sets["member"].add(a.town_id)
    if sets["county"]:
        from luoshi.org.models import Town

        sets["member"].update(Town.objects.filter(county_id__in=sets["county"]).values_list("id", flat=True))
    scope = Scope(
        user_id=user.pk,
        roles=frozenset(roles),
        is_admin=user.is_superuser or Role.ADMIN in roles,
        county_ids=frozenset(sets["county"]),
        town_ids=frozenset(sets["town"]),
        unit_ids=frozenset(sets["unit"]),
        unit_town_ids=frozenset(sets["unit_town"]),
        village_ids=frozenset(sets["village"]),
        grid_ids=frozenset(sets["grid"]),
        grid_village_ids=frozenset(sets["grid_village"]),
        deputy_town_ids=frozenset(sets["deputy"]),
        leader_town_ids=frozenset(sets["leader"]),
        member_town_ids=frozenset(sets["member"]),
        portfolio_unit_ids=frozenset(sets["portfolio"]),
    )
    user._luoshi_scope = scope
    return scope


def _paths_of(model: type[Model]) -> ScopePaths:
    paths = getattr(model, "scope_paths", None)
    if not isinstance(paths, ScopePaths):
        raise TypeError(f"{model.__name__} declares no scope_paths; it cannot be fetched through scoping")
    return paths


def scope_q(model: type[Model], scope: Scope, *, as_owner: bool = True, assisting: bool = False) -> Q | None:
    """The filter for what ``scope`` may see of ``model``; None means everything (admin).

    ``as_owner=False`` leaves out what the user sees only as its owner (e.g. a case they reported
    that another unit handles): work queues list what the user's roles put in front of them.
    ``assisting=True`` adds what the user's units are co-units of (``ScopePaths.assist``). Only
    single-object lookups ask for it: ORed into a list query it would defeat the (unit, …) indexes.
    """
    if scope.is_admin:
        return None
    p = _paths_of(model)
    q = Q(pk__in=[])
    rules: list[tuple[str | tuple[str, ...] | None, frozenset[int]]] = [
        (p.county, scope.county_ids),
        (p.town, scope.town_ids),
        (p.unit, scope.unit_ids),
        (p.unit_town, scope.unit_town_ids),
        (p.village, scope.village_ids),
        (p.grid, scope.grid_ids),
        (p.grid_village, scope.grid_village_ids),
        (p.deputy_town, scope.deputy_town_ids),
        (p.leader_town, scope.leader_town_ids),
    ]
    for path, ids in rules:
        if not path or not ids:
            continue
        for one in (path,) if isinstance(path, str) else path:
            q |= Q(**{f"{one}__in": sorted(ids)})
    if as_owner and p.owner and scope.user_id:
        q |= Q(**{p.owner: scope.user_id})
    if as_owner and p.cosigner and scope.deputy_town_ids and scope.user_id:
        relation = model._meta.get_field(p.cosigner)
        rows = relation.related_model._default_manager.filter(deputy_id=scope.user_id)
        q |= Q(pk__in=rows.values(relation.field.attname))
    if assisting and p.assist and scope.unit_ids:
        q |= _assist_q(model, p.assist, scope.unit_ids)
    return q


def _assist_q(model: type[Model], relation_name: str, unit_ids: frozenset[int]) -> Q:
    """``pk__in`` a subquery of the related rows whose unit is one of ``unit_ids``: a semi-join, so
    an object with several such co-units still comes back once."""
    relation = model._meta.get_field(relation_name)  # the reverse side of a ForeignKey
    rows = relation.related_model._default_manager.filter(unit_id__in=sorted(unit_ids))
    return Q(pk__in=rows.values(relation.field.attname))


def visible(qs: QuerySet | type[Model], user, *, as_owner: bool = True, assisting: bool = False) -> QuerySet:
    """Restrict a queryset (or a model's default manager) to what ``user`` may see (see ``scope_q``)."""
    if not isinstance(qs, QuerySet):
        qs = qs._default_manager.all()
    q = scope_q(qs.model, scope_of(user), as_owner=as_owner, assisting=assisting)
    if q is None:
        return qs
    qs = qs.filter(q)
    return qs.distinct() if _paths_of(qs.model).distinct else qs


def get_visible_or_404(qs: QuerySet | type[Model], user, *, assisting: bool = False, **lookup):
    """Fetch one object inside the user's scope; anything else is a 404, never a 403 that confirms it exists.

    ``assisting=True``: also what the user's units are co-units of (see ``scope_q``).
    """
    try:
        return visible(qs, user, assisting=assisting).get(**lookup)
    except (qs.model if isinstance(qs, QuerySet) else qs).DoesNotExist as exc:
        raise Http404("not found") from exc


def is_visible(obj: Model, user) -> bool:
    return visible(type(obj), user).filter(pk=obj.pk).exists()


def require_roles(*roles: str):
    """View decorator: the signed-in user must hold one of ``roles`` (admins always pass)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not scope_of(request.user).has(*roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def visible_towns(user) -> QuerySet:
    """Towns the user works in or for; the choices of every town selector."""
    from luoshi.org.models import Town

    scope = scope_of(user)
    if scope.is_admin:
        return Town.objects.all()
    return Town.objects.filter(id__in=scope.member_town_ids)
