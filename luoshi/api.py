"""The staff JSON API: one NinjaAPI, each app contributes a router.

Session auth (``django_auth``) is cookie based, so ninja enforces the CSRF token on unsafe methods.
Answers are never cached (``StaffAPI``).
"""

from __future__ import annotations

import importlib

from django.contrib.auth.decorators import login_required
from django.utils.cache import add_never_cache_headers
from ninja import NinjaAPI
from ninja.security import django_auth

from luoshi.lib.params import BadParameter


class StaffAPI(NinjaAPI):
    """Every answer is one signed-in reader's records (full phone numbers for the roles that call
    back, households, enterprises' figures): ``Cache-Control: no-store``, so none stays in a shared
    PC's browser cache or a proxy."""

    def create_response(self, request, data, *, status=None, temporal_response=None):
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        add_never_cache_headers(response)
        return response


api = StaffAPI(
    title="Luoshi API",
    version="1",
    urls_namespace="api",
    auth=django_auth,
    docs_url="/docs",
    # the schema lists every endpoint and field: for signed-in users only, like the API itself
    docs_decorator=login_required,
)


@api.exception_handler(BadParameter)
def bad_parameter(request, exc: BadParameter):
    """A filter the selectors cannot use: 422 in ninja's own validation-error shape, naming it."""
    detail = [{"type": "value_error", "loc": ["query", exc.name], "msg": exc.message}]
    return api.create_response(request, {"detail": detail}, status=422)


# (prefix, module): every module exposes ``router``.
ROUTERS = [
    ("/org/", "luoshi.org.api"),
    ("/reports/", "luoshi.reports.api"),
    ("/plans/", "luoshi.plans.api"),
    ("/cases/", "luoshi.cases.api"),
    ("/accounts/", "luoshi.accounts.api"),
    ("/portal/", "luoshi.portal.api"),
    ("/county/", "luoshi.county.api"),
    ("/assistance/", "luoshi.assistance.api"),
    ("/ledgers/", "luoshi.ledgers.api"),
    ("/economy/", "luoshi.economy.api"),
]

for prefix, module_name in ROUTERS:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:  # an app without an API yet
        if not module_name.startswith(exc.name or "?"):
            raise
        continue
    api.add_router(prefix, module.router)
