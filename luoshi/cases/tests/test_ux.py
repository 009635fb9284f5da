"""What a new user tripped over on case pages: raw keys instead of labels, missing links and lists."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from luoshi.cases import services

pytestmark = pytest.mark.django_db

FIVE = {
    "responsible": "店主",
    "measures": "更换灭火器",
    "funds": "200元",
    "deadline_note": "3日内",
    "contingency": "临时借用邻店灭火器",
}
FIVE_LABELS = ("责任人", "整改措施", "整改资金", "整改时限", "应急预案")


@pytest.fixture
def hazard(users, places):
    return services.case_create(
        case_type="hazard",
        actor=users["office"],
        title="灭火器过期",
        content="超市灭火器过期",
        village=places["village"],
        address="云溪社区商业街3号",
        details=FIVE,
    )


def test_a_hazard_page_shows_the_five_fixes_by_their_chinese_labels(hazard, client_for):
    html = client_for("office").get(hazard.get_absolute_url()).content.decode()
    for label in FIVE_LABELS:
        assert f"<dt>{label}</dt>" in html
    for key in FIVE:
        assert f"<dt>{key}</dt>" not in html
    assert "<dd>临时借用邻店灭火器</dd>" in html


def test_the_case_export_carries_the_five_fixes_in_labelled_columns(hazard, client_for):
    resp = client_for("office").get("/cases/export.xlsx?queue=all")
    ws = load_workbook(io.BytesIO(resp.content)).active
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    for label in FIVE_LABELS:
        assert label in header
    row = next(r for r in rows[1:] if r[0] == hazard.number)
    assert row[header.index("应急预案")] == "临时借用邻店灭火器"
    assert row[header.index("整改时限")] == "3日内"


def test_a_timeline_shows_the_rating_by_its_label_not_its_code(make_case, users, places, client_for):
    case = make_case()
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    case = services.case_sign(case=case, actor=users["unit"])
    case = services.case_resolve(case=case, actor=users["unit"], reply="已更换灯泡")
    case = services.case_feedback(case=case, actor=users["office"], rating="basic")
    html = client_for("office").get(case.get_absolute_url()).content.decode()
    timeline = html.split('data-testid="timeline"')[1].split("</ol>")[0]
    assert "基本满意" in timeline and "basic" not in timeline


# --- grid workers ----------------------------------------------------------------------------------


def test_a_grid_worker_sees_the_village_of_their_grid_and_no_other(places, client_for):
    page = client_for("grid").get("/org/villages/").content.decode()
    assert places["village"].name in page and places["grid"].name in page
    assert places["village2"].name not in page
    form = client_for("grid").get("/cases/new/").content.decode()
    village_select = form.split('name="village"')[1].split("</select>")[0]
    assert places["village"].name in village_select and places["village2"].name not in village_select


def test_a_grid_worker_files_grid_events_only(client_for, places):
    from luoshi.cases.models import Category

    page = client_for("grid").get("/cases/new/")
    form = page.context["form"]
    assert {t.code for t in form.fields["case_type"].queryset} == {"grid"}
    assert {c.case_type.code for c in form.fields["category"].queryset} == {"grid"}
    assert form.fields["category"].queryset.count() < Category.objects.filter(is_active=True).count()
    hazard = Category.objects.filter(case_type__code="hazard").first()
    resp = client_for("grid").post(
        "/cases/new/",
        {
            "case_type": hazard.case_type_id,
            "category": hazard.pk,
            "title": "t",
            "content": "c",
            "priority": "normal",
        },
    )
    assert resp.status_code == 200 and "case_type" in resp.context["form"].errors
    # town office staff still file every type
    office_types = client_for("office").get("/cases/new/").context["form"].fields["case_type"].queryset
    assert office_types.filter(code="hazard").exists()


# --- ledger import ---------------------------------------------------------------------------------


def test_the_case_list_links_to_the_ledger_import_for_office_staff_only(client_for, org):
    assert 'href="/cases/import/"' in client_for("office").get("/cases/").content.decode()
    assert 'href="/cases/import/"' not in client_for("unit").get("/cases/").content.decode()


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("上级平台编号", "external_no"),
        ("平台工单号", "external_no"),
        ("工单编号（必填）", "external_no"),
        ("工 单 号", "external_no"),
        ("上级平台工单编号", "external_no"),
        ("诉求人姓名", "contact_name"),
        ("手机号码", "contact_phone"),
        ("受理时间:", "received_at"),
        ("所属村（社区）", "village"),
    ],
)
def test_common_header_variants_are_matched(header, field):
    from luoshi.cases.imports.importer import suggest_mapping

    mapping = suggest_mapping(["序号", header, "诉求内容"])
    assert mapping.get(field) == header, mapping
    assert mapping["content"] == "诉求内容" and "序号" not in mapping.values()


# --- public form -----------------------------------------------------------------------------------


def test_the_public_village_list_follows_the_chosen_town_and_the_server_checks_the_pair(client, places):
    page = client.get("/cases/public/new/").content.decode()
    select = page.split('name="village"')[0].rsplit("<select", 1)[1] + page.split('name="village"')[1]
    assert 'data-follows="town"' in select
    assert f'value="{places["village"].pk}" data-parent="{places["yunxi"].pk}"' in page
    resp = client.post(
        "/cases/public/new/",
        {
            "town": places["bailu"].pk,
            "village": places["village"].pk,
            "title": "路灯",
            "content": "路灯不亮",
            "contact_name": "王",
            "contact_phone": "13812345678",
        },
    )
    assert resp.status_code == 200 and "该村(社区)不属于所选乡镇" in resp.content.decode()


# --- short tracking code ---------------------------------------------------------------------------


def test_every_case_gets_a_short_unambiguous_code_shown_after_submission(client, places):
    from luoshi.cases.models import SHORT_CODE_ALPHABET, Case

    resp = client.post(
        "/cases/public/new/",
        {
            "town": places["yunxi"].pk,
            "title": "路灯",
            "content": "路灯不亮",
            "contact_name": "王",
            "contact_phone": "13812345678",
        },
        follow=True,
    )
    case = Case.objects.get()
    assert len(case.short_code) == 8 and set(case.short_code) <= set(SHORT_CODE_ALPHABET)
    assert not set(case.short_code) & set("01OIL")
    page = resp.content.decode()
    shown = f"{case.short_code[:4]}-{case.short_code[4:]}"
    assert f'data-testid="short-code">{shown}<' in page
    assert "查询码 " + shown in page.split('data-testid="sms-text"')[1]


def test_the_tracking_page_accepts_the_short_code_in_any_case_with_spaces_or_a_hyphen(client, make_case):
    case = make_case()
    code = case.short_code
    for typed in (
        code,
        code.lower(),
        f"{code[:4]}-{code[4:]}",
        f" {code[:4]} {code[4:].lower()} ",
        "".join(chr(ord(ch) + 0xFEE0) for ch in code),
    ):
        resp = client.get("/cases/track/", {"code": typed})
        assert resp.status_code == 302 and resp["Location"] == f"/cases/track/{case.tracking_code}/", typed
    assert client.get(f"/cases/track/{code[:4]}-{code[4:]}/").status_code == 200
    assert client.get(f"/cases/track/{case.tracking_code}/").status_code == 200
    miss = client.get("/cases/track/", {"code": "2345-6789"})
    assert miss.status_code == 404 and "没有找到" in miss.content.decode()


def test_guessing_tracking_codes_in_bulk_is_stopped(client, make_case, settings):
    from django.core.cache import cache

    from luoshi.cases.views import TRACK_MISSES_PER_HOUR

    cache.clear()
    case = make_case()
    for i in range(TRACK_MISSES_PER_HOUR + 1):
        client.get("/cases/track/", {"code": f"2345{i:04d}".replace("0", "A").replace("1", "B")})
    # from now on even a right code is refused to this client for the hour: no oracle for guessing
    assert client.get("/cases/track/", {"code": case.short_code}).status_code == 429
    assert client.get(f"/cases/track/{case.tracking_code}/").status_code == 429
    cache.clear()
