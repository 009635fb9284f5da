"""Open311 as a client developer meets it: a JSON body told what to send, and every service_code a
request shows is one that services.json lists."""

from __future__ import annotations

import json

import pytest

from luoshi.cases import services
from luoshi.cases.models import Case

pytestmark = pytest.mark.django_db

V2 = "/open311/v2"
YUNXI = "369901100"


def test_a_json_body_is_told_that_georeport_takes_form_encoding(client, keys):
    body = {
        "api_key": keys["yunxi"],
        "jurisdiction_id": YUNXI,
        "service_code": "public.sanitation",
        "description": "村口垃圾三天没人清运。",
    }
    resp = client.post(
        f"{V2}/requests.json?jurisdiction_id={YUNXI}", json.dumps(body), content_type="application/json"
    )
    assert resp.status_code == 400
    description = resp.json()[0]["description"]
    assert "application/x-www-form-urlencoded" in description
    assert "application/json" in description
    assert "api_key is required" not in description
    assert not Case.objects.exists()


def test_the_same_request_form_encoded_is_accepted(client, keys):
    resp = client.post(
        f"{V2}/requests.json",
        {
            "api_key": keys["yunxi"],
            "jurisdiction_id": YUNXI,
            "service_code": "public.sanitation",
            "description": "村口垃圾三天没人清运。",
            "address_string": "云溪社区村口",
        },
    )
    assert resp.status_code == 201, resp.content


def test_a_case_without_category_shows_no_service_code_missing_from_services_json(client, org, towns):
    listed = {s["service_code"] for s in client.get(f"{V2}/services.json", {"jurisdiction_id": YUNXI}).json()}
    # staff file a hotline case without a category, as the tester did (case 2514)
    case = services.case_create(
        case_type="hotline",
        actor=org.users["office"],
        town=towns["yunxi"],
        title="噪音扰民",
        content="楼下夜里施工。",
        contact_phone="13800138000",
    )
    assert case.category_id is None
    rows = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI}).json()
    row = next(r for r in rows if r["service_request_id"] == case.number)
    assert row["service_code"] is None or row["service_code"] in listed
    assert row["service_code"] != "hotline"
    one = client.get(f"{V2}/requests/{case.number}.json", {"jurisdiction_id": YUNXI}).json()[0]
    assert one["service_code"] is None or one["service_code"] in listed
    for r in rows:  # and every other request of the list too
        assert r["service_code"] is None or r["service_code"] in listed, r
