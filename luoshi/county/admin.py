from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from luoshi.county.models import Adjustment, Line, Objection, Result, ResultRow, Scheme, SchemeTown
from luoshi.org.admin import AppendOnlyAdmin


class LineInline(admin.TabularInline):
    model = Line
    extra = 0


class SchemeTownInline(admin.TabularInline):
    model = SchemeTown
    extra = 0


@admin.register(Scheme)
class SchemeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "year", "kind", "version", "frozen_at")
    inlines = [SchemeTownInline, LineInline]


@admin.register(Adjustment)
class AdjustmentAdmin(SimpleHistoryAdmin):
    list_display = ("scheme", "town", "kind", "points", "reason")


@admin.register(Result)
class ResultAdmin(SimpleHistoryAdmin):
    list_display = ("scheme", "computed_at", "published_at")


@admin.register(Objection)
class ObjectionAdmin(SimpleHistoryAdmin):
    list_display = ("town", "line", "state", "filed_at")


@admin.register(ResultRow)
class ResultRowAdmin(AppendOnlyAdmin):
    list_display = ("result", "town", "category", "total", "rank", "vetoed", "passed")
