from django.urls import re_path

from luoshi.cases.open311 import models as _models  # noqa: F401  (registers Open311Key)
from luoshi.cases.open311 import views

app_name = "open311"

FMT = r"(?P<fmt>json|xml)"

urlpatterns = [
    re_path(r"^v2/?$", views.discovery_root, name="root"),
    re_path(rf"^v2/discovery\.{FMT}$", views.discovery, name="discovery"),
    re_path(rf"^v2/services\.{FMT}$", views.service_list, name="services"),
    re_path(rf"^v2/services/(?P<code>[\w.-]+)\.{FMT}$", views.service_definition, name="service"),
    re_path(rf"^v2/requests\.{FMT}$", views.requests_view, name="requests"),
    re_path(rf"^v2/requests/(?P<request_id>[\w-]+)\.{FMT}$", views.request_detail, name="request"),
    re_path(rf"^v2/tokens/(?P<token>[\w-]+)\.{FMT}$", views.token_detail, name="token"),
]
