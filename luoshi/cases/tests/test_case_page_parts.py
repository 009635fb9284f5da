"""The case page's parts built in Python (the action buttons, the attachment list and its upload
form): they follow the case's state, the reader's role and the language at once, and a form shown
with the page carries the reader's CSRF token."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.cases import services

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def actions(html: str) -> list[str]:
    return re.findall(r'<details[^>]* data-action="([a-z_]+)">', html)


def page(client, case) -> str:
    resp = client.get(f"/cases/{case.pk}/")
    assert resp.status_code == 200
    return resp.content.decode()


def test_the_buttons_follow_the_state_and_the_reader(client_for, make_case, users, places):
    case = make_case(title="路面塌陷")
    office, unit = client_for("office"), client_for("unit")
    received = actions(page(office, case))
    assert received[0] == "dispatch" and "sign" not in received
    assert f'hx-get="/cases/{case.pk}/act/dispatch/"' in page(office, case)
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    assert "sign" in actions(page(unit, case)) and "dispatch" not in actions(page(unit, case))
    assert "sign" not in actions(page(office, case))
    case = services.case_sign(case=case, actor=users["unit"])
    signed = page(unit, case)
    assert "sign" not in actions(signed) and "resolve" in actions(signed)
    assert f">{case.case_type.resolve_label}</summary>" in signed
    # a reader with no step to take sees the sentence instead of buttons
    assert actions(page(client_for("village"), case)) == [] and "当前没有您可办理的操作。" in page(
        client_for("village"), case
    )


def test_the_labels_follow_the_language(client_for, make_case):
    case = make_case(title="路面塌陷")
    office = client_for("office")
    assert ">派单</summary>" in page(office, case)
    office.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = page(office, case)
    assert ">派单</summary>" not in english and 'data-action="dispatch"' in english


def test_a_form_shown_with_the_page_carries_the_csrf_token(client_for, co_handled_case):
    """A co-unit's staff have one step (协办意见): its form is open on the page, with their token."""
    case = co_handled_case
    jfb = client_for("unit_jfb")
    html = page(jfb, case)
    assert actions(html) == ["assist_reply"] and '<details open data-action="assist_reply">' in html
    form = html.split('data-action="assist_reply"', 1)[1].split("</details>", 1)[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token and len(token.group(1)) == 64
    assert f'action="/cases/{case.pk}/act/assist_reply/"' in form


def test_attachments_listed_as_uploaded_and_no_upload_form_once_closed(client_for, make_case, users):
    case = make_case(title="有照片的案件")
    office = client_for("office")
    assert "暂无附件" in page(office, case) and 'name="kind"' in page(office, case)
    for name in ("现场一.png", "现场二.png"):
        services.attachment_add(
            case=case, actor=users["office"], file=SimpleUploadedFile(name, PNG, content_type="image/png")
        )
        html = page(office, case)
        assert name in html and "暂无附件" not in html
    assert page(office, case).index("现场一.png") < page(office, case).index("现场二.png")
    case.refresh_from_db()
    case = services.case_cancel(case=case, actor=users["office"], reason="重复登记")
    html = page(office, case)
    assert "现场二.png" in html and 'name="kind"' not in html


def test_a_url_reversed_once_per_pattern_is_what_reverse_gives_for_every_id_and_prefix():
    from django.urls import reverse, set_script_prefix

    from luoshi.cases.templatetags.cases_tags import _id_url

    try:
        for prefix in ("/", "/luoshi/"):
            set_script_prefix(prefix)
            for pk in (1, 7, 12, 2_071_960_319, 10**12):
                assert _id_url("cases:attachment", pk) == reverse("cases:attachment", args=[pk])
                for name in ("sign", "resolve", "request_review"):
                    assert _id_url("cases:action", pk, name) == reverse("cases:action", args=[pk, name])
            assert _id_url("cases:action", 5, "sign").startswith(prefix)
    finally:
        set_script_prefix("/")
