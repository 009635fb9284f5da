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
