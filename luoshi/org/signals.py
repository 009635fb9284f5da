"""Keeps the session-kept scopes honest: a change of roles or of the org tree bumps ``scope_version``."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from luoshi.org import models
from luoshi.org.scoping import bump_scope_version


def roles_changed(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    # a portfolio changed from the unit's side names no single user: invalidate everyone
    bump_scope_version(instance.user_id if isinstance(instance, models.RoleAssignment) else None)


def tree_changed(sender, **kwargs) -> None:
    if not kwargs.get("raw"):
        bump_scope_version()


def connect() -> None:
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(roles_changed, sender=models.RoleAssignment, dispatch_uid=f"scope-roles-{name}")
        for model in (models.County, models.Town, models.Village, models.Grid, models.Unit):
            signal.connect(tree_changed, sender=model, dispatch_uid=f"scope-tree-{model.__name__}-{name}")
    m2m_changed.connect(
        roles_changed, sender=models.RoleAssignment.portfolio.through, dispatch_uid="scope-portfolio"
    )
