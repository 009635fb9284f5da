import json

import axes.admin  # registers axes' admins first, so that ours below replaces one
from axes.models import AccessLog
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from luoshi.lib.masking import mask_text
from luoshi.org.audit import mask_value
from luoshi.org.models import CalendarDay, County, Grid, RoleAssignment, Town, Unit, User, Village


def masked_text(obj, field_name: str) -> str:
    """``obj.<field_name>`` as text, masked (``luoshi.org.audit.mask_value``); "—" when empty."""
    value = getattr(obj, field_name)
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False) if value else ""
    return mask_value(field_name, "" if value is None else str(value)) or "—"


def masked(field_name: str, label):
    """A list column showing ``field_name`` masked."""

    def show(obj):
        return masked_text(obj, field_name)

    show.short_description = label
    show.__name__ = f"masked_{field_name}"
    return show


class MaskedName:
    """Stands for an object in the admin's templates: its pk, and its name masked."""

    def __init__(self, obj):
        self.pk = obj.pk
        self.name = mask_text(str(obj))

    def __str__(self) -> str:
        return self.name


class MaskedFieldsMixin:
    """``masked_fields`` left out of the form and shown read-only and masked (as ``masked_<field>``)."""

    masked_fields: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name in cls.masked_fields:  # (the label is the model field's, set once the model is known)
            setattr(cls, f"masked_{name}", staticmethod(masked(name, name)))

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        for name in self.masked_fields:
            getattr(type(self), f"masked_{name}").short_description = model._meta.get_field(name).verbose_name

    def get_exclude(self, request, obj=None):
        return [*(super().get_exclude(request, obj) or ()), *self.masked_fields]

    def get_readonly_fields(self, request, obj=None):
        ro = [f for f in super().get_readonly_fields(request, obj) if f not in self.masked_fields]
        return [*ro, *(f"masked_{f}" for f in self.masked_fields)]


class MaskedPersonalDataAdmin(MaskedFieldsMixin, SimpleHistoryAdmin):
    """Personal data in the admin site, as the system administrator may see it: masked only, never in
    full (docs/privacy.md). ``masked_fields`` are left out of the form and shown masked, read-only;
    the object's name in the title and breadcrumbs is masked; the admin's history pages (which would
    show every past value in full) hand over to the masked audit page (``luoshi.org.audit``)."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:  # the admin's templates name the object by ``original`` (and link its pk)
            context["original"] = MaskedName(obj)
            context["subtitle"] = str(context["original"])
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_view(self, request, object_id, extra_context=None):
        return redirect(reverse("history", args=[self.opts.app_label, self.opts.model_name, object_id]))

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        return self.history_view(request, object_id)


class AppendOnlyAdmin(admin.ModelAdmin):
    """Timeline and audit rows: listed and opened, never added, changed or deleted (luoshi.org.appendonly)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(County)
class CountyAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Town)
class TownAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "county"]
    list_filter = ["county", "kind"]
    search_fields = ["code", "name"]


@admin.register(Village)
class VillageAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "town"]
    list_filter = ["town"]
    search_fields = ["code", "name"]


@admin.register(Grid)
class GridAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "village", "households"]
    list_filter = ["village__town"]
    search_fields = ["code", "name"]


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "town", "is_active"]
    list_filter = ["town", "is_active"]
    search_fields = ["code", "name"]


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ["county", "town", "village", "grid", "unit"]
    filter_horizontal = ["portfolio"]


@admin.register(User)
class UserAdmin(BaseUserAdmin, SimpleHistoryAdmin):
    list_display = ["username", "full_name", "is_active", "is_superuser"]
    search_fields = ["username", "full_name"]
    fieldsets = [*BaseUserAdmin.fieldsets, ("Luoshi", {"fields": ["full_name", "phone"]})]
    inlines = [RoleInline]

    def has_delete_permission(self, request, obj=None):
        return False  # deactivate instead: the audit trail keeps who did what (luoshi.org.appendonly)


@admin.register(CalendarDay)
class CalendarDayAdmin(SimpleHistoryAdmin):
    """Read-only: days are entered on the calendar page, whose services recompute open deadlines."""

    list_display = ["date", "is_workday", "note"]
    list_filter = ["is_workday"]
    date_hierarchy = "date"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        import datetime as dt

        from django.contrib import messages
        from django.urls import reverse
        from django.utils.html import format_html

        from luoshi.org.selectors import unknown_years

        this_year = dt.date.today().year
        for year in unknown_years(dt.date(this_year, 1, 1), dt.date(this_year + 1, 1, 1)):
            messages.warning(
                request,
                _("%(year)s 年的国务院节假日安排尚未录入：截止日期暂按周末计算。") % {"year": year},
            )
        messages.info(
            request,
            format_html(
                '<a href="{}">{}</a>',
                reverse("org:calendar"),
                _("在“节假日安排”页面录入或修改放假和调休日期（可粘贴国务院通知）。"),
            ),
        )
        return super().changelist_view(request, extra_context)


# The sign-in log is an audit record (luoshi.org.appendonly.FILL_ONCE): listed and opened, never
# changed or deleted here. Failed-attempt counters (AccessAttempt) stay deletable: that is how an
# administrator lifts a lockout.
class AccessLogAdmin(axes.admin.AccessLogAdmin):
    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


if admin.site.is_registered(AccessLog):
    admin.site.unregister(AccessLog)
    admin.site.register(AccessLog, AccessLogAdmin)
