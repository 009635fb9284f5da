"""What a clerk at the case desk tripped over (tester's U3, U6): a search that silently looked in one
queue, bulk actions without a question, bare error pages, an intake form that let anything through."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.cases import services
from luoshi.cases.models import Case, CaseEvent, CaseType, Category, Channel

pytestmark = pytest.mark.django_db


def html_of(resp) -> str:
    return resp.content.decode()


@pytest.fixture
def resolved_case(make_case, users):
    """A case the office cancelled (撤销): it is in no work queue of the office any more."""
    case = make_case(title="噪音扰民")
    return services.case_cancel(case=case, actor=users["office"], reason="来电人已自行解决。")


# --- U3: search ----------------------------------------------------------------------------------


def test_a_typed_case_number_finds_the_case_whatever_the_queue(resolved_case, client_for):
    c = client_for("office")
    for queue in ("", "to_dispatch", "returned", "overdue"):
        resp = c.get(
            "/cases/", {"queue": queue, "q": resolved_case.number} if queue else {"q": resolved_case.number}
        )
        assert resp.status_code == 200
        assert resolved_case.number in html_of(resp), queue
        assert "没有符合条件的案件" not in html_of(resp)


def test_a_typed_case_number_of_another_town_stays_hidden(resolved_case, client_for):
    html = html_of(client_for("office_b").get("/cases/", {"q": resolved_case.number}))
    table = re.search(r'<table class="data striped" data-testid="case-table">.*?</table>', html, re.S).group(
        0
    )
    assert resolved_case.number not in table
    assert "没有符合条件的案件" in table


def test_a_text_search_inside_one_queue_offers_all_queues(resolved_case, client_for):
    c = client_for("office")
    html = html_of(c.get("/cases/", {"queue": "to_dispatch", "q": "噪音扰民"}))
    assert "没有符合条件的案件" in html
    assert "当前仅在「待派单」中查找" in html
    link = re.search(r'href="\?([^"]*)" data-testid="search-all"', html).group(1).replace("&amp;", "&")
    assert "queue=all" in link
    found = html_of(c.get("/cases/?" + link))
    assert resolved_case.number in found
    assert 'data-testid="search-all"' not in found  # already 全部


def test_an_unfiltered_queue_offers_no_search_hint(client_for):
    html = html_of(client_for("office").get("/cases/", {"queue": "to_dispatch"}))
    assert 'data-testid="queue-scope"' not in html


# --- U6: bulk actions ----------------------------------------------------------------------------


def test_bulk_actions_ask_before_they_run(make_case, client_for):
    make_case()
    html = html_of(client_for("office").get("/cases/", {"queue": "to_dispatch"}))
    form = re.search(r'<form method="post" action="/cases/bulk/"[^>]*>', html).group(0)
    assert "data-confirm=" in form


def test_a_bulk_action_with_nothing_ticked_says_to_tick_cases(make_case, client_for):
    case = make_case()
    c = client_for("office")
    resp = c.post("/cases/bulk/", {"action": "urge", "next": "/cases/?queue=to_dispatch"}, follow=True)
    html = html_of(resp)
    assert "请先勾选案件" in html
    assert "已处理 0 件" not in html
    assert resp.redirect_chain[-1][0] == "/cases/?queue=to_dispatch"
    assert not CaseEvent.objects.filter(case=case, kind="urge").exists()


def test_a_bulk_redirect_never_leaves_the_case_pages(make_case, client_for):
    make_case()
    resp = client_for("office").post("/cases/bulk/", {"action": "dispatch", "next": "https://evil.example/"})
    assert resp.status_code == 302 and resp["Location"] == "/cases/"


# --- U6: attachments -----------------------------------------------------------------------------


def test_an_empty_attachment_is_called_empty_not_missing(make_case, client_for):
    case = make_case()
    empty = SimpleUploadedFile("现场.jpg", b"", content_type="image/jpeg")
    resp = client_for("office").post(
        f"/cases/{case.pk}/attachments/", {"file": empty, "kind": "evidence"}, follow=True
    )
    html = html_of(resp)
    assert "文件为空" in html
    assert "请选择文件" not in html
    assert not case.attachments.exists()


def test_no_file_at_all_still_says_choose_one(make_case, client_for):
    case = make_case()
    resp = client_for("office").post(f"/cases/{case.pk}/attachments/", {"kind": "evidence"}, follow=True)
    assert "请选择文件" in html_of(resp)


def test_the_service_refuses_an_empty_file_too(make_case, users):
    case = make_case()
    with pytest.raises(services.Invalid) as exc:
        services.attachment_add(
            case=case,
            actor=users["office"],
            file=SimpleUploadedFile("a.pdf", b"", content_type="application/pdf"),
        )
    assert "file" in exc.value.errors and "文件为空" in exc.value.message


# --- U6: a bad filter value ----------------------------------------------------------------------


def test_an_invalid_date_filter_keeps_the_page_and_names_the_field(make_case, client_for):
    make_case()
    resp = client_for("office").get("/cases/", {"queue": "all", "received_from": "2026-13-45"})
    assert resp.status_code == 400
    assert resp["Content-Type"].startswith("text/html")
    html = html_of(resp)
    assert 'data-testid="case-table"' in html and 'name="q"' in html  # the page and its form
    error = re.search(r'data-testid="error-received_from">([^<]*)<', html).group(1)
    assert "有效的日期" in error
    assert 'name="received_from" value=""' in html  # the bad value is not kept as a filter


def test_two_bad_filters_are_both_named(client_for):
    resp = client_for("office").get("/cases/", {"received_to": "x", "unit": "abc"})
    assert resp.status_code == 400
    html = html_of(resp)
    assert 'data-testid="error-received_to"' in html
    assert "筛选条件 unit 无效" in html


def test_the_api_still_answers_a_bad_filter_with_422(client_for):
    resp = client_for("office").get("/api/cases/", {"received_from": "2026-13-45"})
    assert resp.status_code == 422


# --- U6: the intake form -------------------------------------------------------------------------


def new_case_post(**over):
    data = {
        "case_type": CaseType.objects.get(code="public").pk,
        "priority": "normal",
        "channel": "phone",
        "title": "路灯不亮",
        "content": "村口路灯一周不亮。",
        "contact_name": "王建国",
        "contact_phone": "13800138000",
    }
    data.update(over)
    return {k: v for k, v in data.items() if v is not None}


def test_each_category_option_names_its_case_type_for_the_script(client_for):
    html = html_of(client_for("office").get("/cases/new/"))
    select = re.search(r'<select name="category"[^>]*>.*?</select>', html, re.S).group(0)
    assert 'data-follows="case_type"' in select
    for cat in Category.objects.filter(is_active=True).select_related("case_type")[:20]:
        assert f'value="{cat.pk}" data-parent="{cat.case_type_id}"' in select


def test_a_category_of_another_type_is_refused_once_under_the_field(client_for):
    hotline_cat = Category.objects.filter(case_type__code="hotline", is_active=True).first()
    resp = client_for("office").post("/cases/new/", new_case_post(category=hotline_cat.pk))
    assert resp.status_code == 200
    assert html_of(resp).count("类别不属于该案件类型") == 1
    assert not Case.objects.exists()


@pytest.mark.parametrize("phone", ["12345", "abc", "1380013800", "138001380001", "021-123"])
def test_a_contact_phone_that_is_no_number_is_refused(client_for, phone):
    resp = client_for("office").post("/cases/new/", new_case_post(contact_phone=phone))
    assert "联系电话格式不对" in html_of(resp)
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    "phone", ["13800138000", "138-0013-8000", "0571-88889999", "88889999", "0571-88889999转123", ""]
)
def test_mobile_and_landline_numbers_are_accepted(client_for, phone):
    resp = client_for("office").post("/cases/new/", new_case_post(contact_phone=phone))
    assert resp.status_code == 302, html_of(resp)
    assert Case.objects.get().contact_phone == phone


def test_a_clerk_must_choose_the_channel_of_a_residents_type(client_for):
    resp = client_for("office").post("/cases/new/", new_case_post(channel=""))
    assert resp.status_code == 200
    assert "请选择来源渠道" in html_of(resp)
    assert not Case.objects.exists()
    resp = client_for("office").post("/cases/new/", new_case_post(channel="visit"))
    assert resp.status_code == 302
    case = Case.objects.get()
    assert case.channel == Channel.VISIT
    assert "来访" in case.events.get(kind="create").note


def test_a_type_with_a_staff_channel_keeps_it_when_none_is_chosen(client_for):
    resp = client_for("office").post(
        "/cases/new/", new_case_post(case_type=CaseType.objects.get(code="hotline").pk, channel="")
    )
    assert resp.status_code == 302, html_of(resp)
    assert Case.objects.get().channel == Channel.HOTLINE


def test_staff_registering_through_the_api_are_not_counted_as_online(client_for, places):
    resp = client_for("office").post(
        "/api/cases/",
        {"case_type": "public", "title": "路灯", "content": "路灯不亮", "village_id": places["village"].pk},
        content_type="application/json",
    )
    assert resp.status_code == 201, resp.content
    assert Case.objects.get().channel != Channel.ONLINE


def test_a_resident_filing_online_is_still_online(org, client):
    from luoshi.org.models import Town

    town = Town.objects.first()
    resp = client.post(
        "/cases/public/new/",
        {
            "town": town.pk,
            "title": "路灯",
            "content": "路灯不亮",
            "contact_name": "王",
            "contact_phone": "13800138000",
        },
    )
    assert resp.status_code == 302
    assert Case.objects.get().channel == Channel.ONLINE


# --- U6: the API schema --------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/api/docs", "/api/openapi.json"])
def test_the_api_schema_is_for_signed_in_users_only(client, client_for, url):
    resp = client.get(url)
    assert resp.status_code in (302, 401, 403)
    assert b'"paths"' not in resp.content and b"swagger" not in resp.content.lower()
    assert client_for("office").get(url).status_code == 200
