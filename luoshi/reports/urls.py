from django.urls import path

from luoshi.reports import views

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
]
