from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from luoshi.accounts.models import Indicator, IndicatorValue


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "unit", "source", "period", "version", "town", "is_active"]
    list_filter = ["source", "period", "level", "is_active"]
    search_fields = ["code", "name"]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "town", "period", "value", "source_document", "entered_by", "entered_at"]
    list_filter = ["town", "indicator__source"]
    search_fields = ["indicator__name", "source_document"]
    raw_id_fields = ["indicator", "entered_by"]
