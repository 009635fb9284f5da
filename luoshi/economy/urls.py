from django.urls import path

from luoshi.economy import views

app_name = "economy"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("enterprises/", views.enterprise_list, name="enterprises"),
    path("enterprises/new/", views.enterprise_new, name="enterprise_new"),
    path("enterprises/<int:pk>/", views.enterprise_detail, name="enterprise"),
    path("enterprises/<int:pk>/returns.csv", views.enterprise_export, name="enterprise_export"),
    path("enterprises/<int:pk>/visit/", views.visit_new, name="visit_new"),
    path("enterprises/<int:pk>/task/", views.warning_task, name="warning_task"),
    path("nowcast/", views.nowcast_list, name="nowcast"),
    path("import/", views.import_upload, name="import"),
    path("import/<str:token>/", views.import_check, name="import_check"),
    path("import/<str:token>/commit/", views.import_commit, name="import_commit"),
]
