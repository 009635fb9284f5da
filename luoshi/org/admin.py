from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from luoshi.org.models import CalendarDay, County, Grid, RoleAssignment, Town, Unit, User, Village


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
