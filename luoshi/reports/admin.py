from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from luoshi.reports.models import Fact, Report


class FactInline(admin.TabularInline):
    model = Fact
    extra = 0
    fields = ["seq", "part", "kind", "measure", "metric", "value", "unit", "approx", "commitment", "year"]
    readonly_fields = fields
    can_delete = False
    show_change_link = False


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["title", "town", "review_year", "plan_year", "source_name", "updated_at"]
    list_filter = ["town", "plan_year"]
    search_fields = ["title", "source_name", "content_hash"]
    readonly_fields = ["content_hash", "uploaded_by", "created_at", "updated_at"]
    exclude = ["text"]
    inlines = [FactInline]


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["report", "seq", "part", "kind", "measure", "metric", "value", "unit", "year"]
    list_filter = ["part", "kind", "measure", "report__town"]
    search_fields = ["metric", "quote"]
    raw_id_fields = ["report"]
