from django.urls import path

from luoshi.assistance import io_views, views

app_name = "assistance"

urlpatterns = [
    path("", views.household_list, name="list"),
    path("new/", views.household_flag, name="flag"),
    path("kpis/", views.kpi_page, name="kpis"),
    path("lines/", views.income_lines, name="lines"),
    path("access-log/", views.access_log, name="access_log"),
    path("notice.csv", io_views.notice_export, name="notice"),
    path("national/", io_views.national_export, name="national"),
    path("national/queue/", views.national_queue, name="national_queue"),
    path("payments/import/", io_views.import_upload, name="import"),
    path("payments/import/<str:token>/", io_views.import_check, name="import_check"),
    path("payments/import/<str:token>/commit/", io_views.import_commit, name="import_commit"),
    path("payments/<int:pk>/", views.payment_detail, name="payment"),
    path("<int:pk>/", views.household_detail, name="detail"),
    path("<int:pk>/reveal/", views.household_reveal, name="reveal"),
    path("<int:pk>/act/<slug:name>/", views.household_act, name="act"),
    path("<int:pk>/members/new/", views.member_new, name="member_new"),
    path("<int:pk>/measures/new/", views.measure_new, name="measure_new"),
    path("<int:pk>/visits/new/", views.visit_new, name="visit_new"),
    path("<int:pk>/incomes/new/", views.income_new, name="income_new"),
    path("<int:pk>/payments/new/", views.payment_new, name="payment_new"),
    path("<int:pk>/payments/correct/", views.payment_correct, name="payment_correct"),
    path("<int:pk>/incomes/correct/", views.income_correct, name="income_correct"),
]
