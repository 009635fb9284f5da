from django.urls import path

from luoshi.cases import views

app_name = "cases"

urlpatterns = [
    path("", views.case_list, name="list"),
    path("export.xlsx", views.case_export, name="export"),
    path("new/", views.case_new, name="new"),
    path("bulk/", views.case_bulk, name="bulk"),
    path("kpi/", views.kpi_page, name="kpi"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/act/<str:name>/", views.case_action, name="action"),
    path("<int:pk>/rate/", views.suggestion_rate, name="rate"),
    path("suggestions/new/", views.suggestion_new, name="suggestion_new"),
    path("<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("public/new/", views.public_new, name="public_new"),
    path("track/", views.track_lookup, name="track_lookup"),
    path("track/<str:code>/", views.track, name="track"),
]
