"""Writes to the organisation model."""

from __future__ import annotations

from django.db import transaction

from luoshi.org.models import County, Grid, RoleAssignment, Town, Unit, User, Village
from luoshi.org.roles import ROLE_ANCHOR, Role


def _anchor(role: Role, code: str | None):
    field = ROLE_ANCHOR[role]
    if field is None:
        return {}
    if not code:
        raise ValueError(f"role {role.value} needs --scope (the code of its {field})")
    if field == "unit":
        town_code, _, unit_code = code.partition(":")
        unit = Unit.objects.filter(town__code=town_code, code=unit_code).first()
        if unit is None:
            raise ValueError(f"no unit {unit_code!r} in town {town_code!r} (use TOWNCODE:UNITCODE)")
        return {"unit": unit}
    model = {"county": County, "town": Town, "village": Village, "grid": Grid}[field]
    obj = model.objects.filter(code=code).first()
    if obj is None:
        raise ValueError(f"no {field} with code {code!r}")
    return {field: obj}


@transaction.atomic
def user_create_with_role(
    *, username: str, password: str, role: str, full_name: str = "", place_code: str | None = None
) -> User:
    """Create a person with one role anchored at a place; raises ValueError with a readable reason."""
    if User.objects.filter(username=username).exists():
        raise ValueError(f"user {username!r} already exists")
    role_enum = Role(role)
    anchor = _anchor(role_enum, place_code)
    user = User.objects.create_user(username=username, password=password, full_name=full_name)
    if role_enum == Role.ADMIN:
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
    RoleAssignment.objects.create(user=user, role=role_enum, **anchor)
    return user
