"""Open311 GeoReport v2 endpoints (``/open311/v2/``): thin views over ``catalog`` and ``intake``.

No session, no CSRF: reads are public (public fields only), writes need an ``api_key``.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from luoshi.cases.open311 import catalog, intake
from luoshi.cases.open311.render import error, respond, respond_object
from luoshi.lib import ratelimit
from luoshi.lib.params import MAX_DATE, MIN_DATE, in_date_range

MAX_SPAN = dt.timedelta(days=90)
MAX_PAGE_SIZE = 1000


def _service_row(s: catalog.Service) -> dict:
    return {
        "service_code": s.code,
        "service_name": s.name,
        "description": s.description,
        "metadata": False,
        "type": "realtime",
        "keywords": s.keywords,
        "group": s.group,
    }


def _town(request: HttpRequest, fmt: str):
    try:
        return catalog.jurisdiction(
            request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id")
        ), None
    except catalog.JurisdictionError as exc:
        return None, error(fmt, 400, str(exc))


@require_GET
def discovery_root(request: HttpRequest) -> HttpResponse:
    """``/open311/v2/`` itself: the discovery document, XML when asked (``?format=xml`` or an Accept
    header preferring XML), else JSON."""
    accept = request.headers.get("Accept", "")
    wants_xml = request.GET.get("format") == "xml" or ("xml" in accept and "json" not in accept)
    return discovery(request, "xml" if wants_xml else "json")


@require_GET
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    url = request.build_absolute_uri(reverse("open311:services", args=["json"])).rsplit("/", 1)[0]
    return respond_object(
        fmt,
        "discovery",
        {
            "changeset": "2026-01-01T00:00:00+08:00",
            "contact": _("乡镇党政办"),
            "key_service": _("向乡镇党政办申请 api_key"),
            "endpoints": [
                {
                    "specification": "http://wiki.open311.org/GeoReport_v2",
                    "url": url,
                    "changeset": "2026-01-01T00:00:00+08:00",
                    "type": "production",
                    "formats": ["application/json", "text/xml"],
                }
            ],
        },
    )


@require_GET
def service_list(request: HttpRequest, fmt: str) -> HttpResponse:
    _t, err = _town(request, fmt)
    if err:
        return err
    return respond(fmt, "services", "service", [_service_row(s) for s in catalog.services()])


@require_GET
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    _t, err = _town(request, fmt)
    if err:
        return err
    service = catalog.service_by_code(code)
    if service is None:
        return error(fmt, 404, f"unknown service_code {code!r}")
    return respond_object(fmt, "service_definition", {"service_code": service.code, "attributes": []})


def _parse_when(value: str, name: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value.strip().replace(" ", "+"))
    except ValueError as exc:
        raise ValueError(f"{name} must be an ISO 8601 date/time, e.g. 2026-03-01T08:00:00+08:00") from exc
    if not in_date_range(when.date()):
        raise ValueError(f"{name} must be between {MIN_DATE} and {MAX_DATE}")
    return when if timezone.is_aware(when) else timezone.make_aware(when)


def _date_range(params) -> tuple[dt.datetime, dt.datetime]:
    start = _parse_when(params["start_date"], "start_date") if params.get("start_date") else None
    end = _parse_when(params["end_date"], "end_date") if params.get("end_date") else None
    if start is None and end is None:
        end = timezone.now()
    if start is None:
        start = end - MAX_SPAN
    if end is None:
        end = start + MAX_SPAN
    if end < start:
        raise ValueError("end_date is before start_date")
    if end - start > MAX_SPAN:
        raise ValueError("start_date and end_date may not span more than 90 days")
    return start, end


def _list_requests(request: HttpRequest, fmt: str) -> HttpResponse:
    town, err = _town(request, fmt)
    if err:
        return err
    params = request.GET
    qs = catalog.requests_queryset(town)
    ids = [i.strip() for i in (params.get("service_request_id") or "").split(",") if i.strip()]
    if ids:  # the spec: a list of ids overrides every other filter
        qs = qs.filter(number__in=ids[:MAX_PAGE_SIZE])
    else:
        try:
            start, end = _date_range(params)
        except ValueError as exc:
            return error(fmt, 400, str(exc))
        qs = qs.filter(received_at__gte=start, received_at__lte=end)
        codes = [c.strip() for c in (params.get("service_code") or "").split(",") if c.strip()]
        if codes:
            qs = qs.filter(catalog.service_q(codes))
        statuses = {s.strip() for s in (params.get("status") or "").split(",") if s.strip()}
        if statuses - {"open", "closed"}:
            return error(fmt, 400, "status must be open, closed or both (comma-delimited)")
        if statuses == {"open"}:
            qs = qs.filter(stage__in=catalog.OPEN_STAGES)
        elif statuses == {"closed"}:
            qs = qs.filter(stage__in=catalog.CLOSED_STAGES)
    try:
        size = min(MAX_PAGE_SIZE, max(1, int(params.get("page_size") or MAX_PAGE_SIZE)))
        number = max(1, int(params.get("page") or 1))
    except ValueError:
        return error(fmt, 400, "page and page_size must be positive integers")
    paginator = Paginator(qs.order_by("-received_at", "-id"), size)
    try:
        page = paginator.page(number)
    except EmptyPage:
        rows, has_next = [], False
    else:
        rows, has_next = [catalog.request_fields(c) for c in page.object_list], page.has_next()
    response = respond(fmt, "service_requests", "request", rows)
    response["X-Total-Count"] = str(paginator.count)
    links = []
    for rel, n in (("next", number + 1 if has_next else None), ("prev", number - 1 if number > 1 else None)):
        if n:
            query = params.copy()
            query["page"], query["page_size"] = str(n), str(size)
            links.append(f'<{request.build_absolute_uri(request.path)}?{query.urlencode()}>; rel="{rel}"')
    if links:
        response["Link"] = ", ".join(links)
    return response


def _create_request(request: HttpRequest, fmt: str) -> HttpResponse:
    town, err = _town(request, fmt)
    if err:
        return err
    try:
        key = intake.check_key(request.POST.get("api_key") or request.GET.get("api_key"), town)
        wait = ratelimit.hit(f"open311:{key.pk}", key.rate_per_minute, 60)
        if wait:
            response = error(
                fmt, 429, f"too many requests: this api_key may create {key.rate_per_minute} a minute"
            )
            response["Retry-After"] = str(wait)
            return response
        case = intake.create_request(key=key, town=town, params=request.POST)
    except intake.Open311Error as exc:
        return error(fmt, exc.status, exc.description)
    row = {
        "service_request_id": case.number,
        "service_notice": catalog.intake_notice(case),
        "account_id": None,
    }
    return respond(fmt, "service_requests", "request", [row], status=201)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def requests_view(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        if request.content_type not in FORM_TYPES and (request.content_type or request.body):
            # a JSON body would be ignored whole, and the client told only that api_key is missing
            return error(
                fmt,
                400,
                "GeoReport v2 takes the request as application/x-www-form-urlencoded (or"
                f" multipart/form-data), not {request.content_type or 'a body without a content type'}",
            )
        try:
            request.POST  # noqa: B018  (parse the body now: an unreadable one gets the spec's error format)
        except (BadRequest, MultiPartParserError, SuspiciousOperation):
            return error(
                fmt, 400, "the body must be application/x-www-form-urlencoded or multipart/form-data"
            )
        return _create_request(request, fmt)
    return _list_requests(request, fmt)


@require_GET
def request_detail(request: HttpRequest, request_id: str, fmt: str) -> HttpResponse:
    town, err = _town(request, fmt)
    if err:
        return err
    case = catalog.requests_queryset(town).filter(number=request_id).first()
    if case is None:
        return error(fmt, 404, f"service request {request_id!r} not found")
    return respond(fmt, "service_requests", "request", [catalog.request_fields(case)])


@require_GET
def token_detail(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    """Every service is ``realtime``: POST returns the id at once, so no token is ever issued."""
    return error(fmt, 404, "tokens are not used: every service is realtime")
