"""Pages and API through scoping: outside one's scope a case does not exist (404), and nothing leaks."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from luoshi.cases import services
from luoshi.cases.models import Case, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_villages(make_case, places):
    """One case in the cadre's own village (云溪社区), one in 桃坞村, both with a unique search word."""
    own = make_case(title="云溪社区下水道堵塞", content="下水道堵塞 关键词甲")
    other = make_case(title="桃坞村私搭乱建", content="私搭乱建 关键词乙", village=places["village2"])
    return own, other


def test_village_cadre_cannot_open_another_villages_case(client_for, two_villages):
    own, other = two_villages
    c = client_for("village")
    assert c.get(f"/cases/{own.pk}/").status_code == 200
    assert c.get(f"/cases/{other.pk}/").status_code == 404
    assert c.post(f"/cases/{other.pk}/act/urge/", {"urge-version": other.version}).status_code == 404
    assert c.get(f"/api/cases/{other.pk}").status_code == 404
    resp = c.post(
        f"/api/cases/{other.pk}/transitions/cancel", {"reason": "x"}, content_type="application/json"
    )
    assert resp.status_code == 404


def test_nothing_leaks_in_list_counts_search_or_export(client_for, two_villages):
    own, other = two_villages
    c = client_for("village")
    page = c.get("/cases/", {"queue": "all", "q": "关键词乙"}).content.decode()
    assert other.number not in page and "共 1 条" not in page
    page = c.get("/cases/", {"queue": "all"}).content.decode()
    assert own.number in page and other.number not in page
    api = c.get("/api/cases/", {"q": "关键词"}).json()
    assert api["count"] == 1 and api["items"][0]["id"] == own.pk
    wb = load_workbook(io.BytesIO(c.get("/cases/export.xlsx", {"queue": "all"}).content))
    numbers = [row[0] for row in wb.active.iter_rows(min_row=2, values_only=True)]
    assert numbers == [own.number]
    counts = c.get("/").content.decode()
    assert 'data-panel="cases"' in counts


def test_other_town_office_sees_none_of_this_towns_cases(client_for, two_villages):
    assert client_for("office_b").get("/api/cases/").json()["count"] == 0
    own, _ = two_villages
    assert client_for("office_b").get(f"/cases/{own.pk}/").status_code == 404


def test_phone_numbers_are_masked_for_village_cadres_but_not_for_the_office(client_for, two_villages):
    own, _ = two_villages
    assert "138****5678" in client_for("village").get(f"/cases/{own.pk}/").content.decode()
    assert "13812345678" in client_for("office").get(f"/cases/{own.pk}/").content.decode()
    assert client_for("village").get(f"/api/cases/{own.pk}").json()["contact_phone"] == "138****5678"


def test_office_dispatches_through_the_htmx_form_and_gets_the_panel_back(client_for, two_villages, places):
    own, _ = two_villages
    resp = client_for("office").post(
        f"/cases/{own.pk}/act/dispatch/",
        {"dispatch-unit": places["yjb"].pk, "dispatch-version": own.version},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 200
    assert 'id="case-panel"' in resp.content.decode() and "<html" not in resp.content.decode()
    own.refresh_from_db()
    assert own.status == Status.DISPATCHED and own.unit == places["yjb"]


def test_action_forms_load_when_opened_and_only_for_who_may_act(client, client_for, two_villages):
    """The case page lists the actions without building their forms (the cost of an open case's
    page); each form loads from the action's URL, under the same scope and availability checks."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    own, other = two_villages
    office = client_for("office")
    with CaptureQueriesContext(connection) as page_queries:
        page = office.get(f"/cases/{own.pk}/").content.decode()
    assert 'data-action="dispatch"' in page and 'data-action="merge"' in page
    assert f'hx-get="/cases/{own.pk}/act/dispatch/"' in page and 'hx-trigger="toggle once"' in page
    assert 'name="dispatch-unit"' not in page and 'name="merge-into"' not in page
    sql = [q["sql"] for q in page_queries.captured_queries]
    # no unit choices read for the dispatch form (a received case shows its suggested unit: by id)
    assert not any('FROM "org_unit"' in q and '"org_unit"."town_id" =' in q for q in sql)
    assert not any("SUBSTR(" in q.upper() for q in sql)  # nor the merge form's duplicate search
    fragment = office.get(f"/cases/{own.pk}/act/dispatch/", HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200 and "<html" not in fragment.content.decode()
    assert 'name="dispatch-unit"' in fragment.content.decode()
    assert f'name="dispatch-version" value="{own.version}"' in fragment.content.decode()
    # without JavaScript: the whole page with that form open
    full = office.get(f"/cases/{own.pk}/act/dispatch/").content.decode()
    assert "<html" in full and '<details open data-action="dispatch">' in full
    # a step the user may not take (a village cadre does not dispatch; nothing signs a received case)
    village = client_for("village")
    assert village.get(f"/cases/{own.pk}/act/dispatch/", HTTP_HX_REQUEST="true").status_code == 404
    assert office.get(f"/cases/{own.pk}/act/sign/", HTTP_HX_REQUEST="true").status_code == 404
    assert office.get(f"/cases/{own.pk}/act/nonsense/").status_code == 404
    # another village's or another town's case does not exist for them
    assert village.get(f"/cases/{other.pk}/act/urge/", HTTP_HX_REQUEST="true").status_code == 404
    assert client_for("office_b").get(f"/cases/{own.pk}/act/dispatch/").status_code == 404
    assert client.get(f"/cases/{own.pk}/act/dispatch/").status_code == 302


def test_a_refused_action_in_the_page_says_why_and_changes_nothing(client_for, two_villages, places):
    own, _ = two_villages
    resp = client_for("village").post(
        f"/cases/{own.pk}/act/dispatch/",
        {"dispatch-unit": places["yjb"].pk, "dispatch-version": own.version},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 403
    assert "无权" in resp.content.decode()
    own.refresh_from_db()
    assert own.status == Status.RECEIVED


def test_a_stale_form_gets_a_conflict_message(client_for, two_villages, places, users):
    own, _ = two_villages
    stale = own.version
    services.case_urge(case=own, actor=users["leader"])
    resp = client_for("office").post(
        f"/cases/{own.pk}/act/dispatch/",
        {"dispatch-unit": places["yjb"].pk, "dispatch-version": stale},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 409 and "已被他人更新" in resp.content.decode()


def test_api_transitions_use_the_same_services_and_report_conflicts(client_for, two_villages, places):
    own, _ = two_villages
    c = client_for("office")
    body = {"unit_id": places["yjb"].pk, "version": own.version}
    ok = c.post(f"/api/cases/{own.pk}/transitions/dispatch", body, content_type="application/json")
    assert ok.status_code == 200 and ok.json()["status"] == "dispatched"
    again = c.post(f"/api/cases/{own.pk}/transitions/dispatch", body, content_type="application/json")
    assert again.status_code == 409
    refused = client_for("unit_jfb").post(
        f"/api/cases/{own.pk}/transitions/sign", {}, content_type="application/json"
    )
    assert refused.status_code in (403, 404)
    signed = client_for("unit").post(
        f"/api/cases/{own.pk}/transitions/sign", {}, content_type="application/json"
    )
    assert signed.status_code == 200 and "resolve" in signed.json()["actions"]


def test_api_creates_a_case_prefilled_from_the_grid_worker(client_for, places):
    resp = client_for("grid").post(
        "/api/cases/",
        {"case_type": "grid", "title": "路灯损坏", "content": "三盏不亮"},
        content_type="application/json",
    )
    assert resp.status_code == 201, resp.content
    case = Case.objects.get(pk=resp.json()["id"])
    assert case.grid == places["grid"] and case.village == places["village"]
    bad = client_for("grid").post(
        "/api/cases/", {"case_type": "nope", "title": "x", "content": "y"}, content_type="application/json"
    )
    assert bad.status_code == 422
    nul = client_for("grid").post(
        "/api/cases/",
        {"case_type": "grid", "title": "路灯\u0000损坏", "content": "三盏不亮"},
        content_type="application/json",
    )
    assert nul.status_code == 422 and [e["loc"][-1] for e in nul.json()["detail"]] == ["title"]
    assert Case.objects.count() == 1


def test_staff_form_creates_a_case_and_prefills_the_grid(client_for, places):
    c = client_for("grid")
    form = c.get("/cases/new/").content.decode()
    assert f'<option value="{places["grid"].pk}" selected' in form
    resp = c.post(
        "/cases/new/",
        {
            "case_type": Case._meta.get_field("case_type").related_model.objects.get(code="grid").pk,
            "priority": "normal",
            "title": "占道经营",
            "content": "菜市场门口占道",
            "grid": places["grid"].pk,
        },
    )
    assert resp.status_code == 302
    assert Case.objects.filter(title="占道经营", village=places["village"]).exists()


def test_queues_show_what_each_role_must_do(client_for, make_case, users, places):
    case = services.case_dispatch(
        case=make_case(title="待签收的案件"), actor=users["office"], unit=places["yjb"]
    )
    page = client_for("unit").get("/cases/").content.decode()  # default queue for unit staff: to sign
    assert case.number in page
    assert case.number not in client_for("unit").get("/cases/", {"queue": "overdue"}).content.decode()
    assert case.number not in client_for("unit_jfb").get("/cases/", {"queue": "all"}).content.decode()


def test_bulk_sign_signs_only_what_the_user_may_sign(client_for, make_case, users, places):
    a = services.case_dispatch(case=make_case(), actor=users["office"], unit=places["yjb"])
    b = services.case_dispatch(case=make_case(), actor=users["office"], unit=places["jfb"])
    resp = client_for("unit").post("/cases/bulk/", {"action": "sign", "ids": [a.pk, b.pk]})
    assert resp.status_code == 302
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == Status.IN_PROGRESS and b.status == Status.DISPATCHED


def test_bulk_dispatch_by_the_office(client_for, make_case, places):
    cases = [make_case() for _ in range(3)]
    client_for("office").post(
        "/cases/bulk/", {"action": "dispatch", "unit": places["jfb"].pk, "ids": [c.pk for c in cases]}
    )
    assert Case.objects.filter(unit=places["jfb"], status=Status.DISPATCHED).count() == 3


def test_attachments_are_served_only_through_the_scoped_view(client_for, two_villages, users):
    own, other = two_villages
    att = services.attachment_add(
        case=other,
        actor=users["office"],
        file=SimpleUploadedFile("p.png", b"\x89PNG" + b"0" * 10, content_type="image/png"),
    )
    assert client_for("office").get(f"/cases/attachments/{att.pk}/").status_code == 200
    assert client_for("village").get(f"/cases/attachments/{att.pk}/").status_code == 404
    resp = client_for("office").post(
        f"/cases/{own.pk}/attachments/",
        {
            "kind": "evidence",
            "file": SimpleUploadedFile("x.exe", b"MZ", content_type="application/x-msdownload"),
        },
    )
    assert resp.status_code == 302 and not own.attachments.exists()


def test_kpi_page_links_each_figure_to_its_case_list(client_for, make_case):
    make_case()
    resp = client_for("leader").get("/cases/kpi/")
    assert resp.status_code == 200
    html = resp.content.decode()
    assert "按期办结率" in html and "kpi=satisfaction&amp;part=num" in html
    assert client_for("village").get("/cases/kpi/").status_code == 403
    assert (
        client_for("office").get("/cases/", {"kpi": "completion", "part": "den", "queue": "all"}).status_code
        == 200
    )


def test_anonymous_users_are_sent_to_login(client):
    assert client.get("/cases/").status_code == 302
    assert client.get("/api/cases/").status_code == 401


def test_queue_badges_equal_the_queue_lists_for_every_role(client_for, make_case, users, places):
    """The badge counts come from one grouped count; each must equal the size of the list it opens.

    The list page reuses the badge as its page count when no filter is set, so a mismatch would
    also show a wrong "共 N 条".
    """
    import datetime as dt

    from django.utils import timezone

    from luoshi.cases import selectors
    from luoshi.cases.models import Case

    made = [make_case(title=f"队列{i}") for i in range(6)]
    for case in made[:4]:
        services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    services.case_sign(case=Case.objects.get(pk=made[0].pk), actor=users["unit"])
    past = timezone.now() - dt.timedelta(days=1)
    Case.objects.filter(pk=made[1].pk).update(due_at=past, warn_at=past - dt.timedelta(days=1))
    Case.objects.filter(pk=made[2].pk).update(
        due_at=timezone.now() + dt.timedelta(hours=5), warn_at=timezone.now() - dt.timedelta(hours=1)
    )
    for name in ("office", "unit", "village", "leader", "grid", "office_b"):
        counts = selectors.queue_counts(users[name])
        for key in selectors.COUNTED_QUEUES:
            listed = selectors.case_list(users[name], {"queue": key}).count()
            assert counts[key] == listed, (name, key)
    counts = selectors.queue_counts(users["unit"])
    assert counts["to_sign"] >= 3 and counts["overdue"] >= 1 and counts["near_due"] >= 1
    page = client_for("unit").get("/cases/", {"queue": "to_sign"}).content.decode()
    assert f'data-queue="to_sign">待签收<span class="badge">{counts["to_sign"]}</span>' in page


def test_work_queues_hold_the_units_work_and_mine_holds_what_i_registered(
    client_for, make_case, users, places
):
    """A case a unit's staff registered but another unit handles is theirs to follow, not to sign."""
    from luoshi.cases import selectors

    case = make_case(title="别的站所承办", actor=users["unit"])
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["jfb"])
    assert case.reporter_id == users["unit"].pk
    numbers = lambda queue: [c.number for c in selectors.case_list(users["unit"], {"queue": queue})]  # noqa: E731
    assert case.number not in numbers("to_sign")
    assert case.number in numbers("mine") and case.number in numbers("all")
    assert selectors.queue_counts(users["unit"])["to_sign"] == len(numbers("to_sign"))
    page = client_for("unit").get("/cases/", {"queue": "mine"}).content.decode()
    assert case.number in page
    assert client_for("unit").get(case.get_absolute_url()).status_code == 200  # still theirs to read
    deputy_page = client_for("deputy").get("/cases/").content.decode()  # deputies land on 我的建议
    assert 'aria-current="page" data-queue="suggestions"' in deputy_page


def test_list_rows_escape_what_people_typed(client_for, make_case, users, places):
    case = make_case(title='<script>alert("x")</script>路灯', actor=users["office"])
    page = client_for("office").get("/cases/", {"queue": "to_dispatch"}).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;路灯" in page
    assert f'href="/cases/{case.pk}/"' in page


def test_reply_templates_include_the_county_wide_and_the_towns_own(make_case, places):
    from luoshi.cases import selectors
    from luoshi.cases.models import CaseType, ReplyTemplate

    case = make_case()
    other_type = CaseType.objects.exclude(pk=case.case_type_id).first()
    wanted = {
        ReplyTemplate.objects.create(title="通用", text="已处理。").pk,
        ReplyTemplate.objects.create(title="本镇", text="本镇已处理。", town=places["yunxi"]).pk,
        ReplyTemplate.objects.create(title="本类", text="同类已处理。", case_type=case.case_type).pk,
    }
    unwanted = {
        ReplyTemplate.objects.create(title="他镇", text="x", town=places["bailu"]).pk,
        ReplyTemplate.objects.create(title="他类", text="x", case_type=other_type).pk,
    }
    shown = {t.pk for t in selectors.reply_templates(case)}
    assert wanted <= shown and not unwanted & shown
    seeded_general = set(ReplyTemplate.objects.filter(town=None, case_type=None).values_list("pk", flat=True))
    assert seeded_general <= shown
