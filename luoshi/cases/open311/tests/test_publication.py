"""What Open311 may publish, tried as an attacker would: anonymous reads of every type (also after the
publication flag was set by plain SQL), every returned string scanned for personal data, staff notes
and rating comments, per-key limits on POST and the discovery document at ``/open311/v2/``."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from luoshi.cases import services
from luoshi.cases.models import Case, CaseType
from luoshi.cases.open311.models import Open311Key
from luoshi.lib import ratelimit

pytestmark = pytest.mark.django_db

V2 = "/open311/v2"
YUNXI = "369901100"
NEVER = ("petition", "dispute", "hazard")

PHONE_LIKE = re.compile(r"(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{7,8})(?!\d)")
ID_LIKE = re.compile(r"\d{15}|\d{17}[\dXx]")
DOOR_LEVEL = re.compile(r"\d+\s*(?:号|栋|幢|单元|室|楼)")


def _rows(client, **params):
    resp = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI, **params})
    assert resp.status_code == 200
    return resp.json()


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _retype(case: Case, code: str) -> Case:
    """Move a case to another type by plain SQL, as a bulk import or a careless script might."""
    Case.objects.filter(pk=case.pk).update(case_type=CaseType.objects.get(code=code), category=None)
    return case


def test_never_public_types_stay_hidden_even_when_flagged_public_by_sql(client, make_case):
    with connection.cursor() as cursor:  # bypasses CaseType.clean(): the query must still refuse
        cursor.execute("UPDATE cases_casetype SET public = %s WHERE code IN (%s, %s, %s)", [True, *NEVER])
    assert CaseType.objects.filter(code__in=NEVER, public=True).count() == 3
    hidden = [_retype(make_case(title=f"{code}件"), code) for code in NEVER]
    services_list = client.get(f"{V2}/services.json", {"jurisdiction_id": YUNXI}).json()
    assert not {s["service_code"].split(".")[0] for s in services_list} & set(NEVER)
    assert _rows(client) == []
    assert _rows(client, service_request_id=",".join(c.number for c in hidden)) == []
    for case in hidden:
        detail = client.get(f"{V2}/requests/{case.number}.json", {"jurisdiction_id": YUNXI})
        assert detail.status_code == 404


def test_assignments_grid_events_and_suggestions_are_not_published_until_staff_decide(client, make_case):
    cases = {code: _retype(make_case(title=f"{code}件"), code) for code in ("assigned", "grid", "suggestion")}
    assert _rows(client) == []
    listed = client.get(f"{V2}/services.json", {"jurisdiction_id": YUNXI}).json()
    codes = {s["service_code"].split(".")[0] for s in listed}
    assert codes == {"hotline", "public"}  # what the data migration kept published
    CaseType.objects.filter(code="grid").update(public=True)  # staff decide (admin list)
    assert [r["service_request_id"] for r in _rows(client)] == [cases["grid"].number]


def test_a_non_public_id_is_a_404_just_like_an_unknown_one(client, make_case):
    hidden = _retype(make_case(), "assigned")
    known = client.get(f"{V2}/requests/{hidden.number}.json", {"jurisdiction_id": YUNXI})
    unknown = client.get(f"{V2}/requests/20990101-XXXXXXXXXX.json", {"jurisdiction_id": YUNXI})
    assert known.status_code == unknown.status_code == 404
    assert known.json()[0]["description"].replace(hidden.number, "?") == unknown.json()[0][
        "description"
    ].replace("20990101-XXXXXXXXXX", "?")


def test_model_clean_refuses_to_publish_petitions_disputes_and_hazards(db):
    for code in NEVER:
        ct = CaseType.objects.get(code=code)
        ct.public = True
        with pytest.raises(ValidationError) as exc:
            ct.full_clean()
        assert "public" in exc.value.message_dict
    CaseType.objects.get(code="grid").full_clean()  # others may be published


def _signed(case: Case, org) -> Case:
    unit = org.users["unit"].roles.get().unit
    case = services.case_dispatch(case=case, actor=org.users["office"], unit=unit)
    return services.case_sign(case=case, actor=org.users["unit"])


def test_every_returned_string_is_free_of_personal_data(client, make_case, org):
    case = make_case(
        contact_name="王建国",
        contact_phone="13812345678",
        address="云溪镇幸福路88号3栋2单元501室",
        latitude="28.1234567",
        longitude="113.9876543",
        content=(
            "王建国反映：邻居李秀英家3栋2单元502室漏水，李秀英电话13912345678，"
            "物业座机0731-84561234，门卫8456789，身份证430102199001011234。"
        ),
    )
    case = services.case_progress(
        case=_signed(case, org),
        actor=org.users["unit"],
        note="回访电话 0731-84561234，身份证 430102199001011234",
        note_public=True,
    )
    reply = "已联系李秀英（13912345678）并维修，王建国确认。"
    case = services.case_resolve(case=case, actor=org.users["unit"], reply=reply, note_public=True)
    for fmt_rows in (
        _rows(client),
        [client.get(f"{V2}/requests/{case.number}.json", {"jurisdiction_id": YUNXI}).json()[0]],
    ):
        (row,) = fmt_rows
        for text in _strings(row):
            assert not PHONE_LIKE.search(text.replace(case.number, "")), text
            assert not ID_LIKE.search(text), text
            assert not DOOR_LEVEL.search(text), text
            assert "王建国" not in text and "李秀英" not in text, text
        assert row["address"] == "云溪镇幸福路"
        for coord in (row["lat"], row["long"]):
            assert len(repr(coord).split(".")[1]) <= 3
        assert "王**" in row["description"] and "139****5678" in row["description"]
        assert row["status_notes"] == "已联系李**（139****5678）并维修，王**确认。"


def test_staff_notes_not_marked_public_and_rating_comments_never_appear(client, make_case, org):
    secret = "内部：该户系重点人员，勿外传"
    case = services.case_progress(case=_signed(make_case(), org), actor=org.users["unit"], note=secret)
    case = services.case_resolve(case=case, actor=org.users["unit"], reply="已处理。" + secret)
    services.case_feedback(
        case=case, actor=None, channel="online", rating="unsatisfied", reason="评价说明：处理太慢"
    )
    other = make_case(title="已撤销")
    services.case_cancel(case=other, actor=org.users["office"], reason="撤销理由：" + secret)
    body = client.get(f"{V2}/requests.json", {"jurisdiction_id": YUNXI}).content.decode()
    body += client.get(f"{V2}/requests.xml", {"jurisdiction_id": YUNXI}).content.decode()
    assert "内部" not in body and "评价说明" not in body and "撤销理由" not in body
    # the public tracking page shows the steps, but not these notes either
    page = Client().get(f"/cases/track/{case.tracking_code}/").content.decode()
    assert "重点人员" not in page and "评价说明" not in page
    # a note staff marked public does appear, masked
    reopened = Case.objects.get(pk=case.pk)  # 不满意 reopened it: 办理中 again
    services.case_progress(
        case=reopened, actor=org.users["unit"], note="已约施工队 13700001111", note_public=True
    )
    (row,) = [r for r in _rows(client) if r["service_request_id"] == case.number]
    assert row["status_notes"] == "已约施工队 137****1111"
    page = Client().get(f"/cases/track/{case.tracking_code}/").content.decode()
    assert "已约施工队 137****1111" in page


# --- POST limits ------------------------------------------------------------------------------


def _post(key, **data):
    body = {
        "jurisdiction_id": YUNXI,
        "service_code": "public.road",
        "address_string": "桃坞村口",
        "api_key": key,
    }
    return Client().post(f"{V2}/requests.json", {**body, **data})


def test_the_61st_post_in_a_minute_is_a_429_with_retry_after_and_other_keys_go_on(keys, towns, monkeypatch):
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_010.0)  # 10 s into a minute window
    from luoshi.cases.open311.intake import key_create

    other = key_create(town=towns["yunxi"], label="县平台")[1]
    for _ in range(60):
        assert _post(keys["yunxi"]).status_code == 201
    refused = _post(keys["yunxi"])
    assert refused.status_code == 429 and refused["Retry-After"] == "50"
    assert refused.json()[0]["code"] == 429
    assert Case.objects.count() == 60
    assert _post(other).status_code == 201  # another key has its own count
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_061.0)  # the next minute
    assert _post(keys["yunxi"]).status_code == 201


def test_the_limit_is_set_per_key(keys, monkeypatch):
    monkeypatch.setattr(ratelimit.time, "time", lambda: 1_800_000_000.0)
    for key in Open311Key.objects.all():
        key.rate_per_minute = 2
        key.save()  # clears the per-process key cache
    assert [_post(keys["yunxi"]).status_code for _ in range(3)] == [201, 201, 429]


# --- discovery ---------------------------------------------------------------------------------


def test_the_v2_root_serves_the_discovery_document(client):
    resp = client.get(f"{V2}/")
    assert resp.status_code == 200 and resp["Content-Type"].startswith("application/json")
    doc = resp.json()
    assert doc["endpoints"][0]["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert doc["endpoints"][0]["url"].endswith("/open311/v2")
    assert client.get(V2).status_code == 200
    xml = client.get(f"{V2}/", headers={"Accept": "text/xml"})
    assert xml["Content-Type"].startswith("text/xml") and b"<discovery>" in xml.content


# --- what the forms say -----------------------------------------------------------------------


def test_the_public_form_says_what_will_be_published(client, towns):
    page = client.get("/cases/public/new/").content.decode()
    assert "Open311" in page and "不含门牌号" in page
    CaseType.objects.filter(code="public").update(public=False)
    assert "您反映的内容不会公开发布" in client.get("/cases/public/new/").content.decode()


def test_note_forms_offer_the_public_choice_unticked(make_case, client_for, org):
    case = _signed(make_case(), org)
    unit = client_for("unit")
    page = unit.get(f"/cases/{case.pk}/").content.decode()
    # the page lists the actions; each form loads from its action's URL (htmx) when opened
    forms = [
        unit.get(f"/cases/{case.pk}/act/{name}/", HTTP_HX_REQUEST="true").content.decode()
        for name in ("progress", "resolve")
        if f'data-action="{name}"' in page
    ]
    assert len(forms) == 2 and all(
        "公开（将在公开查询和 Open311 中显示）" in f for f in forms
    )  # 办理进展 and 办结
    assert all(
        'type="checkbox"' in f and "note_public" in f and "checked" not in f.split("note_public")[1][:80]
        for f in forms
    )
    c = client_for("unit")
    data = {"progress-note": "已联系", "progress-version": case.version}
    c.post(f"/cases/{case.pk}/act/progress/", data)
    data = {"progress-note": "已派人", "progress-note_public": "on", "progress-version": case.version + 1}
    c.post(f"/cases/{case.pk}/act/progress/", data)
    notes = dict(case.events.filter(kind="progress").values_list("note", "note_public"))
    assert notes == {"已联系": False, "已派人": True}  # unticked by default, public only when ticked
