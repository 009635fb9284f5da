"""The annual disclosure report (政府信息公开工作年度报告): figures counted from the records, drafted
into the national template's sections, edited and reviewed as a document, downloadable as .docx."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.utils import timezone
from docx import Document

from luoshi.cases.models import Case
from luoshi.cases.services import case_create
from luoshi.portal import annual, services
from luoshi.portal.models import DisclosureItem

pytestmark = pytest.mark.django_db


def _at(year, month, day):
    return dt.datetime(year, month, day, 10, tzinfo=timezone.get_current_timezone())


@pytest.fixture
def records(org):
    town, other = org.towns
    year = timezone.localdate().year - 1
    item = DisclosureItem.objects.create(
        county=org.county,
        town=town,
        category="财政信息",
        title="预算",
        basis="条例",
        owner="财政所",
        deadline="20日",
        channel="网站",
    )
    report_item = DisclosureItem.objects.create(
        county=org.county,
        town=town,
        category=annual.ANNUAL_CATEGORY,
        title="年度报告",
        basis="条例",
        owner="党政办",
        deadline="1月31日前",
        channel="网站",
    )
    doc = services.document_create(item=item, title="预算", body="正文", by=org.users["office"])
    services.document_move(document=doc, action="submit", by=org.users["office"])
    services.document_move(document=doc, action="publish", by=org.users["leader"])
    type(doc).objects.filter(pk=doc.pk).update(published_at=_at(year, 3, 1))

    def request(town_, received, resolved=None, due=None, outcome=""):
        case = case_create(
            case_type="disclosure",
            title="申请公开",
            content="请公开",
            town=town_,
            contact_name="郑一",
            contact_phone="13800001111",
            actor=None,
            actor_label="申请人",
        )
        Case.objects.filter(pk=case.pk).update(
            received_at=received,
            resolved_at=resolved,
            due_at=due or received + dt.timedelta(days=28),
            outcome=outcome,
        )
        return case

    request(town, _at(year, 2, 1), _at(year, 2, 20), outcome="resolved")  # on time
    request(town, _at(year, 5, 1), _at(year, 7, 1), due=_at(year, 6, 1), outcome="partly")  # late
    request(town, _at(year, 12, 20))  # still open at the year's end
    request(town, _at(year - 1, 12, 28), _at(year, 1, 10), outcome="unresolved")  # carried in
    request(other, _at(year, 2, 1), _at(year, 2, 2), outcome="resolved")  # another town
    return {"town": town, "year": year, "report_item": report_item}


def test_the_figures_are_counted_from_the_records_of_the_town_and_year(org, records):
    f = annual.figures(county=org.county, towns=[records["town"]], is_county=False, year=records["year"])
    assert (f["documents"], f["by_category"]) == (1, [("财政信息", 1)])
    assert (f["received"], f["carried_in"], f["answered"], f["on_time"], f["pending"]) == (3, 1, 3, 2, 1)
    assert sorted(f["outcomes"]) == sorted([("予以公开", 1), ("部分公开", 1), ("不予公开或无法提供", 1)])
    title, body = annual.draft_text("云溪镇", f)
    assert title == f"云溪镇{records['year']}年政府信息公开工作年度报告"
    for line in (
        "本年新收政府信息公开申请数量：3件",
        "上年结转政府信息公开申请数量：1件",
        "部分公开：1件",
        "按期答复：2件（按期答复率66.7%）",
        "结转下年度继续办理：1件",
        "财政信息：1条",
    ):
        assert line in body, line
    heads = [line for line in body.splitlines() if annual._H1.match(line)]
    assert [h[:2] for h in heads] == ["一、", "二、", "三、", "四、", "五、", "六、"]


def test_the_office_drafts_edits_and_a_second_person_publishes_then_docx(client_for, org, records):
    office = client_for("office")
    town, year = records["town"], records["year"]
    page = office.get(f"/portal/manage/?town={town.pk}&annual={year}").content.decode()
    assert "本年新收政府信息公开申请数量：3件" in page and 'data-testid="annual-note"' in page
    assert f'<option value="{records["report_item"].pk}" selected' in page
    # another town's office cannot draft from this town's records; a silly year is refused
    assert client_for("office_b").get(f"/portal/manage/?town={town.pk}&annual={year}").status_code == 404
    assert office.get(f"/portal/manage/?town={town.pk}&annual=1900").status_code == 404
    assert office.get(f"/portal/manage/?town={town.pk}&annual=x").status_code == 400
    title, body = annual.draft_text(
        town.name, annual.figures(county=org.county, towns=[town], is_county=False, year=year)
    )
    body = body.replace(annual.TO_FILL, "无。", 1)  # the office edits the wording before saving
    office.post(
        "/portal/manage/documents/new/", {"item": records["report_item"].pk, "title": title, "body": body}
    )
    doc = records["report_item"].documents.get()
    assert Client().get(f"/portal/documents/{doc.pk}.docx").status_code == 404  # a draft is not public
    services.document_move(document=doc, action="submit", by=org.users["office"])
    services.document_move(document=doc, action="publish", by=org.users["leader"])
    html = Client().get(f"/portal/documents/{doc.pk}/").content.decode()
    assert "本年新收政府信息公开申请数量：3件" in html and f"/portal/documents/{doc.pk}.docx" in html
    resp = Client().get(f"/portal/documents/{doc.pk}.docx")
    assert resp.status_code == 200 and "attachment" in resp["Content-Disposition"]
    paragraphs = [p.text for p in Document(io.BytesIO(resp.content)).paragraphs if p.text]
    assert paragraphs[0] == title and "一、总体情况" in paragraphs and "无。" in "".join(paragraphs)
    assert "郑一" not in "".join(paragraphs) and "13800001111" not in "".join(paragraphs)
