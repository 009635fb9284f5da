from django.urls import path

from luoshi.accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("new/", views.indicator_new, name="indicator_new"),
    path("values/new/", views.value_new, name="value_new"),
    path("values/<int:pk>/evidence/", views.evidence, name="evidence"),
    path("import/", views.import_upload, name="import"),
    path("import/<str:token>/", views.import_check, name="import_check"),
    path("import/<str:token>/commit/", views.import_commit, name="import_commit"),
    path("<slug:code>/", views.indicator_detail, name="indicator"),
    path("<slug:code>/<int:town>/<str:period>/", views.provenance, name="provenance"),
]
