from django.urls import path, re_path

from luoshi.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.index, name="index"),
    path("request/", views.disclosure_request, name="request"),
    path("similar/", views.similar, name="similar"),
    path("manage/", views.manage, name="manage"),
    path("manage/publish/", views.manage_publish, name="manage_publish"),
    path("manage/documents/new/", views.document_new, name="document_new"),
    path("manage/documents/<int:pk>/<str:action>/", views.document_action, name="document_action"),
    path("reports/<int:pk>/", views.report, name="report"),
    path("documents/<int:pk>/", views.document, name="document"),
    path("documents/<int:pk>.docx", views.document_docx, name="document_docx"),
    re_path(r"^(?P<code>\d{6,12})/$", views.area, name="area"),
    re_path(r"^(?P<code>\d{6,12})/targets/$", views.targets, name="targets"),
    re_path(r"^(?P<code>\d{6,12})/projects/$", views.projects, name="projects"),
    re_path(r"^(?P<code>\d{6,12})/livelihood/$", views.livelihood, name="livelihood"),
    re_path(r"^(?P<code>\d{6,12})/cases/$", views.cases, name="cases"),
    re_path(r"^(?P<code>\d{6,12})/disclosure/$", views.disclosure, name="disclosure"),
    re_path(
        r"^(?P<code>\d{6,12})/data/(?P<key>[a-z-]+)\.(?P<fmt>csv|json)$", views.download, name="download"
    ),
]
