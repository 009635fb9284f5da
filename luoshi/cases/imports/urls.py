from django.urls import path

from luoshi.cases.imports import models as _models  # noqa: F401  (registers ImportMapping)
from luoshi.cases.imports import views

app_name = "cases_import"

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<str:token>/map/", views.mapping, name="mapping"),
    path("<str:token>/check/", views.check, name="check"),
    path("<str:token>/commit/", views.commit, name="commit"),
    path("<str:token>/progress/", views.progress, name="progress"),
]
