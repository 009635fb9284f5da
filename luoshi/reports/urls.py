from django.urls import path

from luoshi.reports import views
from luoshi.reports.writer import views as wv

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_new, name="new"),
    path("uploads/<int:pk>/", views.report_upload, name="upload"),
    path("compare/", views.report_compare, name="compare"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/facts.csv", views.report_export, {"fmt": "csv"}, name="export_csv"),
    path("<int:pk>/facts.xlsx", views.report_export, {"fmt": "xlsx"}, name="export_xlsx"),
    path("<int:pk>/facts.json", views.report_export, {"fmt": "json"}, name="export_json"),
    path("<int:pk>/delete/", views.report_delete, name="delete"),
    path("deleted/", views.report_deleted_list, name="deleted"),
    path("deleted/<int:pk>/", views.report_deleted_history, name="deleted_history"),
    # the report writer and the accountability table (luoshi/reports/writer/)
    path("write/", wv.write, name="write"),
    path("write/<int:pk>/", wv.draft, name="draft"),
    path("write/<int:pk>/regenerate/", wv.regenerate, name="draft_regenerate"),
    path("write/<int:pk>/report.docx", wv.draft_docx, name="draft_docx"),
    path("write/<int:pk>/blocks/<str:key>/", wv.block_edit, name="draft_block"),
    path("write/<int:pk>/blocks/<str:key>/reset/", wv.block_reset, name="draft_block_reset"),
    path("accountability/<int:town>/", wv.accountability, name="accountability"),
]
