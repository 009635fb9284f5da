"""Open311 GeoReport v2, written from the spec (wiki.open311.org/GeoReport_v2): every endpoint in JSON
and XML, errors in the spec's format, jurisdictions, date filters, status mapping, pagination, POST."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from lxml import etree

from luoshi.cases.models import Case, Channel
from luoshi.cases.open311.models import Open311Key

pytestmark = pytest.mark.django_db

V2 = "/open311/v2"
YUNXI, BAILU = "369901100", "369901200"


def xml(resp):
    return etree.fromstring(resp.content)


def assert_error(resp, status, fmt="json", contains=""):
    assert resp.status_code == status
    if fmt == "json":
        body = resp.json()
        assert isinstance(body, list) and body[0]["code"] == status
        assert contains in body[0]["description"]
    else:
        root = xml(resp)
        assert root.tag == "errors"
        assert root.findtext("error/code") == str(status)
        assert contains in root.findtext("error/description")


# --- service list and definition ------------------------------------------------------------


def test_service_list_publishes_types_times_categories_in_json(client, towns):
    resp = client.get(f"{V2}/services.json", {"jurisdiction_id": YUNXI})
    assert resp.status_code == 200 and resp["Content-Type"].startswith("application/json")
    services = {s["service_code"]: s for s in resp.json()}
    s = services["public.sanitation"]
    assert s == {
        "service_code": "public.sanitation",
        "service_name": "环境卫生",
        "description": "群众反映：环境卫生",
        "metadata": False,
        "type": "realtime",
        "keywords": "环境卫生,群众反映",
        "group": "群众反映",
    }
    assert "hotline.consult" in services


def test_petitions_and_disputes_are_never_published(client, towns):
    codes = [s["service_code"] for s in client.get(f"{V2}/services.json", {"jurisdiction_id": YUNXI}).json()]
    assert not any(c.startswith(("petition", "dispute")) for c in codes)


def test_service_list_in_xml_has_the_spec_root_and_elements(client, towns):
    resp = client.get(f"{V2}/services.xml", {"jurisdiction_id": YUNXI})
    assert resp["Content-Type"].startswith("text/xml")
    assert resp.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = xml(resp)
    assert root.tag == "services"
    first = root.find("service")
    assert [c.tag for c in first] == [
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    ]
    assert first.findtext("metadata") == "false" and first.findtext("type") == "realtime"


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_jurisdiction_is_required_when_several_towns_are_served(client, towns, fmt):
    assert_error(client.get(f"{V2}/services.{fmt}"), 400, fmt, "jurisdiction_id is required")
    assert_error(client.get(f"{V2}/requests.{fmt}"), 400, fmt, YUNXI)
    assert_error(client.get(f"{V2}/services.{fmt}", {"jurisdiction_id": "999"}), 400, fmt, "unknown")


def test_jurisdiction_is_optional_in_a_one_town_deployment(client, db):
    from luoshi.cases import services
    from luoshi.org.models import County, Town

    town = Town.objects.create(county=County.objects.create(code="1", name="县"), code="11", name="镇")
    services.case_create(case_type="public", title="t", content="c", town=town)
    assert client.get(f"{V2}/services.json").status_code == 200
    assert len(client.get(f"{V2}/requests.json").json()) == 1


def test_service_definition_has_no_attributes(client, towns):
    resp = client.get(f"{V2}/services/public.sanitation.json", {"jurisdiction_id": YUNXI})
    assert resp.json() == {"service_code": "public.sanitation", "attributes": []}
    root = xml(client.get(f"{V2}/services/public.sanitation.xml", {"jurisdiction_id": YUNXI}))
    assert root.tag == "service_definition" and root.findtext("service_code") == "public.sanitation"
    assert_error(client.get(f"{V2}/services/petition.appeal.json", {"jurisdiction_id": YUNXI}), 404)


def test_discovery_lists_the_endpoint_and_formats(client):
    body = client.get(f"{V2}/discovery.json").json()
    assert body["endpoints"][0]["url"].endswith("/open311/v2")
    assert "text/xml" in body["endpoints"][0]["formats"]
    assert xml(client.get(f"{V2}/discovery.xml")).tag == "discovery"


def test_tokens_are_not_used_because_services_are_realtime(client):
    assert_error(client.get(f"{V2}/tokens/abc.json"), 404, "json", "realtime")


# --- GET service requests -------------------------------------------------------------------


def test_requests_show_public_fields_only_never_name_or_phone(client, make_case):
    case = make_case(content="路口垃圾堆积，请联系我 13912345678。", latitude="28.123456", longitude="113.5")
    resp = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI})
    (row,) = resp.json()
    assert list(row) == [
        "service_request_id",
        "status",
        "status_notes",
        "service_name",
        "service_code",
        "description",
        "agency_responsible",
        "service_notice",
        "requested_datetime",
        "updated_datetime",
        "expected_datetime",
        "address",
        "address_id",
        "zipcode",
        "lat",
        "long",
        "media_url",
    ]
    assert row["service_request_id"] == case.number
    assert row["status"] == "open"
    assert row["service_code"] == "public.sanitation" and row["service_name"] == "环境卫生"
    assert row["agency_responsible"] == "云溪镇"
    assert row["lat"] == 28.123 and row["long"] == 113.5  # about 100 m
    assert row["requested_datetime"].endswith("+08:00")
    text = resp.content.decode()
    assert "王建国" not in text and "13812345678" not in text and "13912345678" not in text
    assert "139****5678" in row["description"]


def test_requests_in_xml(client, make_case):
    case = make_case()
    root = xml(client.get(f"{V2}/requests.xml", {"jurisdiction_id": YUNXI}))
    assert root.tag == "service_requests"
    assert root.findtext("request/service_request_id") == case.number
    assert root.findtext("request/status") == "open"
    assert b"13812345678" not in etree.tostring(root)


def test_requests_are_per_jurisdiction(client, make_case):
    ours, theirs = make_case(), make_case(town="bailu", address="")
    ids = [
        r["service_request_id"] for r in client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI}).json()
    ]
    assert ids == [ours.number]
    ids = [
        r["service_request_id"] for r in client.get(f"{V2}/requests.json", {"jurisdiction_id": BAILU}).json()
    ]
    assert ids == [theirs.number]


def test_hidden_types_are_not_returned(client, make_case):
    make_case(type_code="petition", category="appeal")
    assert client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI}).json() == []


def test_status_maps_resolved_and_closed_cases_to_closed(client, make_case, resolve):
    open_case = make_case()
    done = resolve(make_case(title="路灯坏了"))
    rows = {
        r["service_request_id"]: r
        for r in client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI}).json()
    }
    assert rows[open_case.number]["status"] == "open"
    assert rows[done.number]["status"] == "closed"
    assert rows[done.number]["status_notes"] == "已清运完毕。"  # the latest note marked public
    assert rows[done.number]["agency_responsible"] == "应急管理办"
    assert rows[done.number]["expected_datetime"] is None
    only_open = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "status": "open"}).json()
    assert [r["service_request_id"] for r in only_open] == [open_case.number]
    only_closed = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "status": "closed"}).json()
    assert [r["service_request_id"] for r in only_closed] == [done.number]
    both = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "status": "open,closed"}).json()
    assert len(both) == 2
    assert_error(client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "status": "pending"}), 400)


def test_default_window_is_the_last_90_days_and_dates_filter(client, make_case):
    now = timezone.now()
    recent = make_case(received_at=now - dt.timedelta(days=10))
    old = make_case(received_at=now - dt.timedelta(days=200))
    ids = [
        r["service_request_id"] for r in client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI}).json()
    ]
    assert ids == [recent.number]
    start = (now - dt.timedelta(days=210)).isoformat()
    end = (now - dt.timedelta(days=190)).isoformat()
    got = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "start_date": start, "end_date": end})
    assert [r["service_request_id"] for r in got.json()] == [old.number]
    # Z suffix and a start date alone (the window then runs 90 days from it)
    z = (now - dt.timedelta(days=205)).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    got = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "start_date": z})
    assert [r["service_request_id"] for r in got.json()] == [old.number]


def test_bad_dates_and_spans_over_90_days_are_refused(client, towns):
    q = {"jurisdiction_id": YUNXI}
    assert_error(client.get(f"{V2}/requests.json", {**q, "start_date": "yesterday"}), 400, "json", "ISO 8601")
    wide = {**q, "start_date": "2025-01-01T00:00:00+08:00", "end_date": "2025-06-01T00:00:00+08:00"}
    assert_error(client.get(f"{V2}/requests.json", wide), 400, "json", "90 days")
    back = {**q, "start_date": "2025-06-01T00:00:00+08:00", "end_date": "2025-05-01T00:00:00+08:00"}
    assert_error(client.get(f"{V2}/requests.xml", back), 400, "xml", "before")


def test_service_code_filter_takes_a_comma_list(client, make_case):
    a = make_case(category="sanitation")
    b = make_case(category="road")
    make_case(category="utility")
    got = client.get(
        f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "service_code": "public.sanitation,public.road"}
    ).json()
    assert {r["service_request_id"] for r in got} == {a.number, b.number}


def test_service_request_id_list_overrides_the_other_filters(client, make_case):
    old = make_case(received_at=timezone.now() - dt.timedelta(days=300))
    new = make_case()
    got = client.get(
        f"{V2}/requests.json",
        {"jurisdiction_id": YUNXI, "service_request_id": f"{old.number},{new.number}", "status": "closed"},
    ).json()
    assert {r["service_request_id"] for r in got} == {old.number, new.number}


def test_pagination_with_page_size_and_link_headers(client, make_case):
    now = timezone.now()
    cases = [make_case(received_at=now - dt.timedelta(hours=i)) for i in range(3)]
    first = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "page_size": 2})
    assert [r["service_request_id"] for r in first.json()] == [c.number for c in cases[:2]]
    assert first["X-Total-Count"] == "3"
    assert 'rel="next"' in first["Link"] and "page=2" in first["Link"]
    second = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "page_size": 2, "page": 2})
    assert [r["service_request_id"] for r in second.json()] == [cases[2].number]
    assert 'rel="prev"' in second["Link"] and 'rel="next"' not in second["Link"]
    assert client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "page": 9}).json() == []
    assert_error(client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, "page": "x"}), 400)


# --- GET one service request ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_one_request_by_id(client, make_case, fmt):
    case = make_case()
    resp = client.get(f"{V2}/requests/{case.number}.{fmt}", {"jurisdiction_id": YUNXI})
    assert resp.status_code == 200
    if fmt == "json":
        (row,) = resp.json()
        assert row["service_request_id"] == case.number and row["status_notes"].startswith("已受理")
    else:
        assert xml(resp).findtext("request/service_request_id") == case.number


def test_one_request_of_another_town_or_hidden_type_is_not_found(client, make_case):
    other = make_case(town="bailu", address="")
    petition = make_case(type_code="petition", category="appeal")
    assert_error(client.get(f"{V2}/requests/{other.number}.json", {"jurisdiction_id": YUNXI}), 404)
    assert_error(client.get(f"{V2}/requests/{petition.number}.xml", {"jurisdiction_id": YUNXI}), 404, "xml")


# --- POST service request -------------------------------------------------------------------


def _post(fmt="json", **data):
    c = Client(enforce_csrf_checks=True)  # no session, no CSRF token: the API key authenticates
    body = {"jurisdiction_id": YUNXI, "service_code": "public.road", "address_string": "桃坞村口", **data}
    return c.post(f"{V2}/requests.{fmt}", {k: v for k, v in body.items() if v is not None})


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_post_without_api_key_is_refused_with_400(keys, fmt):
    assert_error(_post(fmt), 400, fmt, "api_key is required")
    assert not Case.objects.exists()


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_post_with_a_bad_or_revoked_key_is_refused_with_403(keys, fmt):
    assert_error(_post(fmt, api_key="wrong"), 403, fmt, "invalid api_key")  # the keys are cached now
    for key in Open311Key.objects.all():  # revoked as the admin does it: a save clears the cache
        key.is_active = False
        key.save()
    assert_error(_post(fmt, api_key=keys["yunxi"]), 403, fmt)
    assert not Case.objects.exists()


def test_post_with_another_towns_key_is_refused(keys):
    assert_error(_post(api_key=keys["bailu"]), 403, "json", "jurisdiction")


def test_post_needs_jurisdiction_service_and_location(keys):
    assert_error(_post(api_key=keys["yunxi"], jurisdiction_id=None), 400, "json", "jurisdiction_id")
    assert_error(_post(api_key=keys["yunxi"], service_code=None), 400, "json", "service_code")
    assert_error(_post(api_key=keys["yunxi"], service_code="nope.x"), 404, "json", "service_code")
    assert_error(_post(api_key=keys["yunxi"], service_code="petition.appeal"), 404)
    assert_error(_post(api_key=keys["yunxi"], address_string=None), 400, "json", "location")
    assert_error(_post(api_key=keys["yunxi"], address_string=None, lat="28.1"), 400, "json", "together")
    assert_error(_post(api_key=keys["yunxi"], lat="abc", long="1"), 400, "json", "lat")
    assert_error(_post(api_key=keys["yunxi"], address_id="000"), 400, "json", "address_id")
    assert not Case.objects.exists()


def test_post_reports_the_case_types_missing_required_fields(keys):
    # a 12345 order needs the caller's phone (CaseType.required_fields)
    assert_error(_post(api_key=keys["yunxi"], service_code="hotline.urban"), 400, "json", "联系电话")


def test_a_nul_character_is_a_400_naming_the_field_not_a_server_error(keys):
    # PostgreSQL cannot store NUL in text: the service refuses it before the database does
    resp = _post(api_key=keys["yunxi"], description="路面坑洼\x00积水")
    assert_error(resp, 400, "json", "NUL")
    assert "content" in resp.json()[0]["description"]
    assert not Case.objects.exists()


def test_post_creates_a_case_visible_to_staff_of_that_town_only(keys, client_for, towns):
    village = towns["yunxi"].villages.order_by("code")[1]
    resp = _post(
        api_key=keys["yunxi"],
        description="桃坞村口路面塌陷，车辆难以通行。",
        address_id=village.code,
        lat="28.200001",
        long="113.100002",
        first_name="建国",
        last_name="王",
        phone="13812345678",
        email="x@example.com",
        media_url="https://img.example.com/1.jpg",
        **{"attribute[WHISPER]": "ignored"},
    )
    assert resp.status_code == 201
    (row,) = resp.json()
    assert set(row) == {"service_request_id", "service_notice", "account_id"}
    assert row["account_id"] is None and row["service_notice"].startswith("已受理")
    case = Case.objects.get(number=row["service_request_id"])
    assert case.town == towns["yunxi"] and case.village == village
    assert case.channel == Channel.OPEN311 and case.reporter is None
    assert case.contact_name == "王建国" and case.contact_phone == "13812345678"
    assert case.title == "桃坞村口路面塌陷，车辆难以通行。"
    assert case.category.code == "road" and case.case_type.code == "public"
    assert case.events.get().actor_label == "Open311：小程序-yunxi"
    assert client_for("office").get(f"/cases/{case.pk}/").status_code == 200
    assert client_for("office_b").get(f"/cases/{case.pk}/").status_code == 404
    # and it is readable back through Open311, with the media_url and without personal data
    got = Client().get(f"{V2}/requests/{case.number}.json", {"jurisdiction_id": YUNXI})
    (back,) = got.json()
    assert back["media_url"] == "https://img.example.com/1.jpg" and back["address_id"] == village.code
    assert "王建国" not in got.content.decode()
    assert Open311Key.objects.get(town=towns["yunxi"]).last_used_at is not None


def test_post_in_xml_answers_in_xml(keys):
    resp = _post("xml", api_key=keys["yunxi"], description="路灯不亮")
    assert resp.status_code == 201
    root = xml(resp)
    assert root.tag == "service_requests"
    number = root.findtext("request/service_request_id")
    assert Case.objects.filter(number=number).exists()
    assert root.find("request/account_id").text is None


def test_keys_are_stored_only_as_digests(keys):
    key = Open311Key.objects.get(town__code=YUNXI)
    assert keys["yunxi"] not in (key.key_hash, key.prefix) and key.prefix == keys["yunxi"][:8]


def test_a_renamed_category_shows_at_once_despite_the_cache(client, towns):
    from luoshi.cases.models import Category

    client.get(f"{V2}/services.json", {"jurisdiction_id": YUNXI})
    cat = Category.objects.get(case_type__code="public", code="road")
    cat.name = "道路桥梁"
    cat.save()
    services = {
        s["service_code"]: s for s in client.get(f"{V2}/services.json", {"jurisdiction_id": YUNXI}).json()
    }
    assert services["public.road"]["service_name"] == "道路桥梁"
