"""A town objects to a value (a 考核异议 case with its deadline); only the county answers it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from luoshi.cases import services as case_services
from luoshi.cases.models import Status
from luoshi.county import services
from luoshi.county.models import Objection

pytestmark = pytest.mark.django_db


def test_the_town_office_files_an_objection_that_becomes_a_case_with_a_deadline(
    org, scheme, yunxi, client_for
):
    line = scheme.lines.get(indicator__code="budget-revenue")
    resp = client_for("office").post(
        reverse("county:objection_new", args=[scheme.pk, yunxi.pk, line.pk]),
        {"text": "1月入库数漏计了一笔 0.3 亿元的土地出让收入。"},
    )
    obj = Objection.objects.get()
    assert resp.status_code == 302 and resp["Location"] == reverse("county:objection", args=[obj.pk])
    assert obj.value_seen == 1.8 and obj.town == yunxi and obj.filed_by == org.users["office"]
    case = obj.case
    assert case.case_type.code == "objection" and case.town == yunxi and case.due_at is not None
    assert case.status == Status.RECEIVED
    # the county sees it, the other town does not
    assert client_for("county").get(reverse("county:objection", args=[obj.pk])).status_code == 200
    assert client_for("office_b").get(reverse("county:objection", args=[obj.pk])).status_code == 404


def test_another_town_and_deputies_cannot_object_for_a_town(org, scheme, yunxi, client_for):
    line = scheme.lines.first()
    url = reverse("county:objection_new", args=[scheme.pk, yunxi.pk, line.pk])
    assert client_for("office_b").post(url, {"text": "x"}).status_code == 404
    assert client_for("deputy").post(url, {"text": "x"}).status_code == 403
    assert client_for("county").post(url, {"text": "x"}).status_code == 403
    with pytest.raises(services.CountyError):
        services.objection_file(scheme=scheme, line=line, town=yunxi, text="x", by=org.users["office_b"])
    assert not Objection.objects.exists()


def test_only_the_county_answers_and_the_case_is_closed(org, scheme, yunxi, client_for):
    obj = services.objection_file(
        scheme=scheme, line=scheme.lines.first(), town=yunxi, text="数据有误", by=org.users["office"]
    )
    # the town cannot answer its own objection, neither here nor through the case engine
    resp = client_for("office").post(
        reverse("county:objection", args=[obj.pk]), {"upheld": "1", "answer": "成立"}
    )
    assert resp.status_code == 403
    for persona in ("office", "leader"):
        with pytest.raises(case_services.NotAllowed):
            case_services.case_self_handle(case=obj.case, actor=org.users[persona], reply="自行认定成立")
    client_for("county").post(
        reverse("county:objection", args=[obj.pk]), {"upheld": "0", "answer": "经核实数据无误。"}
    )
    obj.refresh_from_db()
    assert obj.state == Objection.State.REJECTED and obj.decided_by == org.users["county"]
    obj.case.refresh_from_db()
    assert obj.case.status == Status.CLOSED and "经核实数据无误" in obj.case.reply


def test_objections_close_after_the_window(org, scheme, yunxi):
    import datetime as dt

    from django.utils import timezone

    county = org.users["county"]
    result = services.result_compute(scheme=scheme, by=county)
    services.result_publish(result=result, by=county, now=timezone.now() - dt.timedelta(days=30))
    with pytest.raises(services.CountyError):
        services.objection_file(
            scheme=scheme, line=scheme.lines.first(), town=yunxi, text="晚了", by=org.users["office"]
        )
