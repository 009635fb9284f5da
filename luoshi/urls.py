from __future__ import annotations

import importlib

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from luoshi.api import api
from luoshi.org import views as org_views

urlpatterns = [
    path("", org_views.home, name="home"),
    path("org/villages/", org_views.village_list, name="village_list"),
    path("org/", include("luoshi.org.urls")),
    path("history/<str:app_label>/<str:model_name>/<int:pk>/", org_views.history, name="history"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
]

# Apps mount their own pages; an app that has none yet is skipped.
for prefix, module_name in [
    ("reports/", "luoshi.reports.urls"),
    ("cases/import/", "luoshi.cases.imports.urls"),
    ("plans/", "luoshi.plans.urls"),
    ("cases/", "luoshi.cases.urls"),
    ("open311/", "luoshi.cases.open311.urls"),
    ("indicators/", "luoshi.accounts.urls"),
    ("portal/", "luoshi.portal.urls"),
    ("county/", "luoshi.county.urls"),
    ("assistance/", "luoshi.assistance.urls"),
    ("ledgers/", "luoshi.ledgers.urls"),
    ("economy/", "luoshi.economy.urls"),
]:
    try:
        importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if not module_name.startswith(exc.name or "?"):
            raise
        continue
    urlpatterns.append(path(prefix, include(module_name)))
