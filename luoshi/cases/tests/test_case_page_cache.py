"""The case page's cached parts: the rendered timeline and the main menu.

Whatever is cached must change at once when what it shows changes (a new timeline entry, a role, the
mask decision, the language), and must never reach a reader it was not rendered for: another town's
office, the staff of another unit, a deputy (404, nothing of the case in the answer), a reader whose
phone numbers are masked (never the unmasked copy).
"""

from __future__ import annotations

import re

import pytest

from luoshi.cases import services
from luoshi.org.models import RoleAssignment
from luoshi.org.roles import Role

pytestmark = pytest.mark.django_db

PHONE = "13912345678"
MASKED = "139****5678"


def timeline(html: str) -> str:
    """The page's timeline (``<ol class="timeline" …>…</ol>``)."""
    match = re.search(r'<ol class="timeline" data-testid="timeline">(.*?)</ol>', html, re.S)
    assert match, "no timeline on the page"
    return match.group(1)


def page(client, case) -> str:
    resp = client.get(f"/cases/{case.pk}/")
    assert resp.status_code == 200
    return resp.content.decode()


@pytest.fixture
def dispatched(make_case, users, places):
    """A case of 云溪社区 dispatched to 应急管理办, with a progress note quoting a phone number."""
    case = make_case(title="路灯不亮", content="三盏路灯不亮")
    case = services.case_dispatch(case=case, actor=users["office"], unit=places["yjb"])
    case = services.case_sign(case=case, actor=users["unit"])
    return services.case_progress(
        case=case, actor=users["unit"], note=f"已联系诉求人（电话{PHONE}），明天到现场。"
    )


def test_a_new_entry_shows_at_once(client_for, dispatched, users):
    office = client_for("office")
    before = timeline(page(office, dispatched))
    assert "明天到现场" in before and "第二次到现场核实" not in before
    assert timeline(page(office, dispatched)) == before  # the second view: from the cache, the same
    services.case_progress(case=dispatched, actor=users["unit"], note="第二次到现场核实，已更换灯泡。")
    after = timeline(page(office, dispatched))
    assert "第二次到现场核实" in after and after.count("<li>") == before.count("<li>") + 1
    # an urge by the office (another kind, another service) too
    services.case_urge(case=dispatched, actor=users["office"], note="请本周内办结。")
    assert "请本周内办结" in timeline(page(office, dispatched))


def test_the_panel_after_an_action_shows_the_new_entry(client_for, dispatched):
    unit = client_for("unit")
    page(unit, dispatched)  # the timeline is cached now
    dispatched.refresh_from_db()
    resp = unit.post(
        f"/cases/{dispatched.pk}/act/progress/",
        {"progress-note": "第三次回访，群众满意。", "progress-version": dispatched.version},
        HTTP_HX_REQUEST="true",
    )
    assert resp.status_code == 200, resp.content.decode()[:500]
    assert "第三次回访" in timeline(resp.content.decode())


def test_masked_and_unmasked_readers_never_share_a_copy(client_for, dispatched, users):
    # the office (sees phone numbers) first, then a village cadre (masked), then the office again
    assert PHONE in timeline(page(client_for("office"), dispatched))
    village = timeline(page(client_for("village"), dispatched))
    assert PHONE not in village and MASKED in village
    assert PHONE in timeline(page(client_for("office"), dispatched))
    # and the other way round on a fresh entry: the masked copy is made first
    services.case_progress(case=dispatched, actor=users["unit"], note=f"再次致电{PHONE}。")
    assert f"再次致电{MASKED}" in timeline(page(client_for("village"), dispatched))
    assert f"再次致电{PHONE}" in timeline(page(client_for("office"), dispatched))


def test_a_role_change_shows_at_once(client_for, dispatched, users, org):
    """A village cadre made town office staff sees the numbers unmasked and the office's menu at
    once; the role taken away, masked again and the menu as before."""
    cadre = client_for("village")
    html = page(cadre, dispatched)
    assert MASKED in timeline(html) and 'data-nav="cases_kpi"' not in html
    office_role = RoleAssignment.objects.create(user=users["village"], role=Role.OFFICE, town=org.towns[0])
    html = page(cadre, dispatched)
    assert PHONE in timeline(html) and 'data-nav="cases_kpi"' in html
    office_role.delete()
    html = page(cadre, dispatched)
    assert MASKED in timeline(html) and PHONE not in html and 'data-nav="cases_kpi"' not in html


@pytest.mark.parametrize("intruder", ["office_b", "unit_jfb", "deputy", "village2", "grid"])
def test_a_cached_timeline_never_reaches_a_reader_outside_the_scope(client_for, dispatched, intruder):
    """The office and the handling unit have the page (and its timeline) cached; another town's
    office, the staff of another unit of the same town, a deputy, the cadre of another village and a
    grid worker of another grid still get a 404 with nothing of the case in it."""
    for insider in ("office", "unit", "leader", "village"):
        assert "明天到现场" in timeline(page(client_for(insider), dispatched))
    resp = client_for(intruder).get(f"/cases/{dispatched.pk}/")
    assert resp.status_code == 404
    body = resp.content.decode()
    assert "明天到现场" not in body and PHONE not in body and MASKED not in body
    # nor through the action URLs that render the same panel
    assert client_for(intruder).get(f"/cases/{dispatched.pk}/act/progress/").status_code == 404


def test_the_menu_follows_the_reader_not_the_previous_one(client_for, dispatched):
    """One rendered menu per set of entries: the county's menu (县级 entries) never shows to the town
    office after the county opened a page, nor the office's to a village cadre."""
    county = page(client_for("county"), dispatched)
    office = page(client_for("office"), dispatched)
    village = page(client_for("village"), dispatched)
    assert 'data-nav="county_dashboard"' in county and 'data-nav="county_dashboard"' not in office
    assert 'data-nav="cases_kpi"' in office and 'data-nav="cases_kpi"' not in village
    # the entry of the page being shown is the active one, on every page
    assert re.search(r'href="/cases/" data-nav="cases" aria-current="page"', office)
    home = client_for("office").get("/").content.decode()
    assert 'data-nav="home" aria-current="page"' in home and 'data-nav="cases" aria-current' not in home


def test_the_language_is_part_of_what_is_cached(client_for, dispatched):
    office = client_for("office")
    zh = page(office, dispatched)
    assert "办理进展" in timeline(zh)
    office.post("/i18n/setlang/", {"language": "en", "next": "/"})
    en = page(office, dispatched)
    assert "办理进展" not in timeline(en) and "办理进展" not in en.split("<main")[0]
    assert "明天到现场" in timeline(en)  # what people wrote stays as written


def test_pages_of_cases_without_timeline_attachments_or_co_units(client_for, make_case):
    case = make_case(title="无附件案件")
    html = page(client_for("office"), case)
    assert "暂无附件" in html and 'data-testid="assists"' not in html
