"""Request checks shared by every app."""

from __future__ import annotations

import logging

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


def reject_nul(get_response):
    """A path or query string with a NUL character (%00) is refused with 400 saying where it is.

    No lookup, search or filter can use it (PostgreSQL cannot compare text containing NUL): a
    ``<str:…>`` path segment or an API path parameter would otherwise reach the database and fail
    with a 500. Forms and the JSON API refuse NUL in bodies themselves. The query check is a
    substring test on the raw string.
    """

    def middleware(request):
        if "\x00" in request.path_info:
            return HttpResponseBadRequest(
                _("请求路径含有无法处理的空字符（NUL）。"), content_type="text/plain; charset=utf-8"
            )
        if "%00" in request.META.get("QUERY_STRING", ""):
            names = sorted(k for k, values in request.GET.lists() if any("\x00" in v for v in values))
            names += sorted(k for k in request.GET if "\x00" in k)
            return HttpResponseBadRequest(
                _("请求参数含有无法处理的空字符（NUL）：%(names)s") % {"names": "、".join(names) or "?"},
                content_type="text/plain; charset=utf-8",
            )
        return get_response(request)

    return middleware


class OneLine403(logging.Filter):
    """Logging filter: a 403 (PermissionDenied, CSRF failure) is logged as one line, without traceback.

    Django logs ``PermissionDenied`` through ``django.request`` with the exception attached, so every
    refused request would print a traceback; the refusal is expected behaviour, the line enough.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403 or record.name.startswith("django.security"):
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


class BadParameterMiddleware:
    """A view that raised ``luoshi.lib.params.BadParameter`` answers 400 naming the parameter."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from luoshi.lib.params import BadParameter

        if isinstance(exception, BadParameter):
            return HttpResponseBadRequest(
                _("请求参数 %(name)s 无效：%(message)s")
                % {"name": exception.name, "message": exception.message},
                content_type="text/plain; charset=utf-8",
            )
        return None
