"""Case types, categories, time limits, routing rules and reply templates are data: maintained here."""

from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from luoshi.cases import deadlines
from luoshi.cases.models import (
    Case,
    CaseAssist,
    CaseEvent,
    CaseType,
    Category,
    ReplyTemplate,
    RoutingRule,
    SlaPolicy,
)
from luoshi.cases.open311.models import Open311Key
from luoshi.org.admin import AppendOnlyAdmin, MaskedFieldsMixin, MaskedPersonalDataAdmin, masked


def warn_unknown_years(request) -> None:
    """A message per year whose holidays are not entered: the time limits set here count across it."""
    for year, count in deadlines.unknown_year_counts():
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("%(year)s 年的节假日安排尚未录入：%(n)s 件在办案件的工作日截止时间暂按周末计算。")
                % {"year": year, "n": count},
                reverse("org:calendar_year", args=[year]),
                _("录入节假日安排"),
            ),
        )


class CategoryInline(admin.TabularInline):
    model = Category
    extra = 1


class SlaPolicyInline(admin.TabularInline):
    model = SlaPolicy
    extra = 0
    fields = [
        "town",
        "category",
        "priority",
        "day_basis",
        "clock_starts",
        "sign_days",
        "response_days",
        "resolution_days",
        "near_due_days",
        "max_extension_days",
        "is_active",
        "note",
    ]


@admin.register(CaseType)
class CaseTypeAdmin(SimpleHistoryAdmin):
    list_display = [
        "code",
        "name",
        "requires_sign",
        "requires_verification",
        "requires_callback",
        "requires_photos",
        "public",
        "is_active",
        "sort_order",
    ]
    list_editable = ["public", "is_active", "sort_order"]  # model clean() refuses publishing 信访/纠纷/隐患
    search_fields = ["code", "name"]
    inlines = [CategoryInline, SlaPolicyInline]

    def changelist_view(self, request, extra_context=None):
        warn_unknown_years(request)
        return super().changelist_view(request, extra_context)


@admin.register(SlaPolicy)
class SlaPolicyAdmin(SimpleHistoryAdmin):
    list_display = [
        "case_type",
        "town",
        "category",
        "priority",
        "day_basis",
        "clock_starts",
        "resolution_days",
        "max_extension_days",
        "is_active",
    ]
    list_filter = ["case_type", "town", "day_basis"]

    def changelist_view(self, request, extra_context=None):
        warn_unknown_years(request)
        return super().changelist_view(request, extra_context)


@admin.register(RoutingRule)
class RoutingRuleAdmin(SimpleHistoryAdmin):
    list_display = ["town", "case_type", "category", "village", "unit", "is_active"]
    list_filter = ["town", "case_type"]


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["title", "town", "case_type"]
    list_filter = ["town", "case_type"]


# What residents and staff typed about people: masked for the administrator (docs/privacy.md).
CASE_PERSONAL_FIELDS = (
    "title",
    "content",
    "address",
    "details",
    "contact_phone",
    "extension_reason",
    "last_return_reason",
    "reply",
    "rating_reason",
)


@admin.register(Case)
class CaseAdmin(MaskedPersonalDataAdmin):
    """Read-mostly: state changes go through the services (the staff pages), never through admin edits.
    Personal data masked only: the administrator calls nobody back (``selectors.sees_phone_numbers``)."""

    masked_fields = CASE_PERSONAL_FIELDS
    list_display = [
        "number",
        masked("title", Case._meta.get_field("title").verbose_name),
        "case_type",
        "town",
        "unit",
        "status",
        "received_at",
        "due_at",
        "overdue",
    ]
    list_filter = ["case_type", "status", "town"]
    search_fields = ["number", "external_no"]  # not the title: a search would confirm a number in it
    readonly_fields = [f.name for f in Case._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # a case is cancelled or merged, never deleted: its timeline is append-only


@admin.register(CaseAssist)
class CaseAssistAdmin(MaskedPersonalDataAdmin):
    """Co-handling units are chosen at 派单 and answer through the case page (audited there)."""

    masked_fields = ("case", "opinion")
    list_display = ["case_number", "unit", "added_at", "answered_at"]
    list_filter = ["unit__town", "unit"]
    search_fields = ["case__number"]
    list_select_related = ["case", "unit"]
    readonly_fields = [f.name for f in CaseAssist._meta.fields]

    @admin.display(description=Case._meta.get_field("number").verbose_name)
    def case_number(self, assist):
        return assist.case.number

    def has_add_permission(self, request):
        return False


@admin.register(CaseEvent)
class CaseEventAdmin(MaskedFieldsMixin, AppendOnlyAdmin):
    list_display = ["case_number", "kind", "at", "actor_label", "from_status", "to_status"]
    list_filter = ["kind"]
    list_select_related = ["case"]
    masked_fields = ("case", "note")  # the case's name holds its title: masked like the note

    @admin.display(description=Case._meta.get_field("number").verbose_name)
    def case_number(self, event):
        return event.case.number


@admin.register(Open311Key)
class Open311KeyAdmin(SimpleHistoryAdmin):
    """Keys are issued with ``intake.key_create`` (only a digest is stored); here they are revoked or
    given their own per-minute limit."""

    list_display = ["town", "label", "prefix", "is_active", "rate_per_minute", "last_used_at"]
    list_editable = ["is_active", "rate_per_minute"]
    list_filter = ["town", "is_active"]
    fields = ["town", "label", "prefix", "is_active", "rate_per_minute", "created_at", "last_used_at"]
    readonly_fields = ["town", "prefix", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False
