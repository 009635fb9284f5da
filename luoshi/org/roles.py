"""The roles a person can hold. Declared once; navigation, scoping and permissions key off them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("系统管理员")
    COUNTY = "county", _("县级人员")
    LEADER = "leader", _("镇领导")
    OFFICE = "office", _("党政办")
    UNIT = "unit", _("站所人员")
    VILLAGE = "village", _("村(社区)干部")
    GRID = "grid", _("网格员")
    DEPUTY = "deputy", _("人大代表")


# Which organisational level each role is anchored to (the field that must be set on its assignment).
ROLE_ANCHOR = {
    Role.ADMIN: None,
    Role.COUNTY: "county",
    Role.LEADER: "town",
    Role.OFFICE: "town",
    Role.UNIT: "unit",
    Role.VILLAGE: "village",
    Role.GRID: "grid",
    Role.DEPUTY: "town",
}

# Roles that work for a whole town (read and act on every object of the town).
TOWN_WIDE = {Role.LEADER, Role.OFFICE}
STAFF_ROLES = {Role.ADMIN, Role.COUNTY, Role.LEADER, Role.OFFICE, Role.UNIT, Role.VILLAGE, Role.GRID}
