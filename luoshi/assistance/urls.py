from django.urls import path
from django.views.decorators.cache import never_cache

from luoshi.assistance import io_views, views

app_name = "assistance"

# Every page here is a household's record or a list of them, and the full view and the national
# export show sensitive values in full: none may stay in a browser's or a proxy's cache
# (Cache-Control: no-store, docs/privacy.md).
urlpatterns = [
    path("", never_cache(views.household_list), name="list"),
    path("new/", never_cache(views.household_flag), name="flag"),
    path("kpis/", never_cache(views.kpi_page), name="kpis"),
    path("lines/", never_cache(views.income_lines), name="lines"),
    path("access-log/", never_cache(views.access_log), name="access_log"),
    path("notice.csv", never_cache(io_views.notice_export), name="notice"),
    path("national/", never_cache(io_views.national_export), name="national"),
    path("national/queue/", never_cache(views.national_queue), name="national_queue"),
    path("payments/import/", never_cache(io_views.import_upload), name="import"),
    path("payments/import/<str:token>/", never_cache(io_views.import_check), name="import_check"),
    path("payments/import/<str:token>/commit/", never_cache(io_views.import_commit), name="import_commit"),
    path("payments/<int:pk>/", never_cache(views.payment_detail), name="payment"),
    path("<int:pk>/", never_cache(views.household_detail), name="detail"),
    path("<int:pk>/reveal/", never_cache(views.household_reveal), name="reveal"),
    path("<int:pk>/act/<slug:name>/", never_cache(views.household_act), name="act"),
    path("<int:pk>/members/new/", never_cache(views.member_new), name="member_new"),
    path("<int:pk>/measures/new/", never_cache(views.measure_new), name="measure_new"),
    path("<int:pk>/visits/new/", never_cache(views.visit_new), name="visit_new"),
    path("<int:pk>/incomes/new/", never_cache(views.income_new), name="income_new"),
    path("<int:pk>/payments/new/", never_cache(views.payment_new), name="payment_new"),
    path("<int:pk>/payments/correct/", never_cache(views.payment_correct), name="payment_correct"),
    path("<int:pk>/incomes/correct/", never_cache(views.income_correct), name="income_correct"),
]
