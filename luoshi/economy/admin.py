from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from luoshi.economy.models import Enterprise, Feed, Thresholds
from luoshi.org.admin import MaskedPersonalDataAdmin


@admin.register(Thresholds)
class ThresholdsAdmin(SimpleHistoryAdmin):
    """Warning thresholds and the nowcast's error limit per county (预警阈值)."""

    list_display = [
        "county",
        "kwh_drop_pct",
        "decline_months",
        "scale_threshold",
        "employment_drop_pct",
        "nowcast_max_error_pct",
    ]


@admin.register(Enterprise)
class EnterpriseAdmin(MaskedPersonalDataAdmin):
    """The contact's phone masked, as on the enterprise page (docs/economy.md)."""

    masked_fields = ("contact_phone",)
    list_display = ["name", "credit_code", "industry", "town", "is_active"]
    list_filter = ["town", "is_active"]
    search_fields = ["name", "credit_code"]
    raw_id_fields = ["village", "grid", "desk"]


@admin.register(Feed)
class FeedAdmin(SimpleHistoryAdmin):
    list_display = ["name", "town", "source", "layout", "key", "last_imported_at"]
