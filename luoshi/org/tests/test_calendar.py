"""The holiday calendar page: who may use it, the paste → preview → confirm flow, the manual editor."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from luoshi.lib.tests.test_holidays_notice import NOTICE_2026, NOTICE_2027
from luoshi.org import services
from luoshi.org.models import CalendarDay, CalendarYear
from luoshi.org.selectors import year_known

pytestmark = pytest.mark.django_db

D = dt.date


def notice_url(year=2027):
    return reverse("org:calendar_notice", args=[year])


@pytest.mark.parametrize("persona", ["leader", "office", "unit", "village", "grid", "deputy", "office_b"])
def test_the_page_and_every_action_are_refused_to_town_village_grid_and_deputy_roles(client_for, persona):
    c = client_for(persona)
    assert c.get(reverse("org:calendar_year", args=[2027])).status_code == 403
    assert c.get(reverse("org:calendar_progress", args=[2027])).status_code == 403
    assert c.post(notice_url(), {"text": NOTICE_2027, "action": "confirm"}).status_code == 403
    assert (
        c.post(reverse("org:calendar_day", args=[2027]), {"date": "2027-01-01", "kind": "off"}).status_code
        == 403
    )
    assert c.post(reverse("org:calendar_confirm", args=[2027]), {"confirmed": "1"}).status_code == 403
    assert not CalendarDay.objects.exists()
    assert not CalendarYear.objects.filter(confirmed_at__isnull=False).exists()


def test_anonymous_is_sent_to_login_and_saves_nothing(client, org):
    response = client.post(notice_url(), {"text": NOTICE_2027, "action": "confirm"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(reverse("org:calendar")).status_code == 302
    assert not CalendarDay.objects.exists()


@pytest.mark.parametrize("persona", ["county", "admin"])
def test_county_staff_and_admins_use_the_page(client_for, persona):
    page = client_for(persona).get(reverse("org:calendar_year", args=[2027]))
    assert page.status_code == 200
    assert 'data-testid="notice-form"' in page.content.decode()


def test_nav_shows_the_page_to_county_staff_only(client_for):
    url = reverse("org:calendar")
    assert f'href="{url}"' in client_for("county").get("/").content.decode()
    assert f'href="{url}"' not in client_for("office").get("/").content.decode()


def test_preview_shows_the_days_and_saves_nothing(client_for):
    response = client_for("county").post(notice_url(), {"text": NOTICE_2027, "action": "preview"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="preview-table"' in page
    assert "2027-02-13" in page and "春节" in page and "2027-05-08" in page
    assert "放假 29 天，调休上班 5 天" in page
    assert 'data-testid="confirm-notice"' in page
    assert not CalendarDay.objects.exists()
    assert not year_known(2027)


def test_confirm_saves_the_year_in_one_go_audited_and_marks_it_known(client_for, org):
    response = client_for("county").post(notice_url(), {"text": NOTICE_2027, "action": "confirm"})
    assert response.status_code == 302
    days = dict(CalendarDay.objects.values_list("date", "is_workday"))
    assert len(days) == 34
    assert days[D(2027, 1, 1)] is False and days[D(2027, 2, 20)] is True
    assert CalendarDay.objects.get(date=D(2027, 10, 1)).note == "国庆节"
    row = CalendarYear.objects.get(year=2027)
    assert row.confirmed_by == org.users["county"] and row.notice_text.startswith("国务院办公厅")
    assert row.recompute_state == "queued"
    assert year_known(2027)
    # audited: one creation record per day, by the county user
    history = CalendarDay.history.filter(date=D(2027, 1, 1)).get()
    assert history.history_type == "+" and history.history_user == org.users["county"]


def test_confirm_replaces_the_days_entered_for_that_year_only(client_for, org):
    county = client_for("county")
    services.calendar_day_set(date=D(2027, 3, 3), is_workday=False, note="旧", actor=org.users["admin"])
    services.calendar_day_set(date=D(2028, 3, 3), is_workday=False, note="别的年份", actor=org.users["admin"])
    county.post(notice_url(), {"text": NOTICE_2027, "action": "confirm"})
    assert not CalendarDay.objects.filter(date=D(2027, 3, 3)).exists()
    assert CalendarDay.objects.filter(date=D(2028, 3, 3)).exists()
    assert CalendarDay.history.filter(date=D(2027, 3, 3), history_type="-").exists()


def test_bad_lines_are_listed_with_line_numbers_and_block_saving(client_for):
    text = NOTICE_2027.replace("至13日（农历正月初八、周六）", "至13号") + "八、补充：另行通知。\n"
    county = client_for("county")
    page = county.post(notice_url(), {"text": text, "action": "preview"}).content.decode()
    assert 'data-testid="notice-errors"' in page
    assert "第 3 行" in page and "第 9 行" in page
    assert "没有找到放假或上班日期" in page
    assert 'data-testid="confirm-notice"' not in page
    # a forged confirm with the same bad text saves nothing either
    county.post(notice_url(), {"text": text, "action": "confirm"})
    assert not CalendarDay.objects.exists()


def test_a_notice_of_another_year_is_refused_with_the_reason(client_for):
    page = client_for("county").post(notice_url(2027), {"text": NOTICE_2026, "action": "confirm"})
    assert page.status_code == 200
    body = page.content.decode()
    assert "这是 2026 年的通知，所选年份是 2027 年" in body
    assert "年份是否选错了" in body
    assert not CalendarDay.objects.exists()


@pytest.mark.parametrize(
    ("data", "field_text"),
    [
        ({"text": "", "action": "preview"}, "这个字段是必填项"),
        ({"text": "x" * 20_001, "action": "preview"}, "20000"),
        ({"text": "a\x00b", "action": "confirm"}, "不允许是用空字符串"),
    ],
)
def test_bad_notice_input_is_a_clear_400(client_for, data, field_text):
    response = client_for("county").post(notice_url(), data)
    assert response.status_code == 400
    assert field_text in response.content.decode()
    assert not CalendarDay.objects.exists()


def test_manual_editor_adds_changes_and_removes_a_day(client_for):
    county = client_for("county")
    url = reverse("org:calendar_day", args=[2027])
    assert county.post(url, {"date": "2027-01-04", "kind": "off", "note": "元旦补假"}).status_code == 302
    assert CalendarDay.objects.get(date=D(2027, 1, 4)).is_workday is False
    county.post(url, {"date": "2027-01-04", "kind": "work", "note": ""})
    assert CalendarDay.objects.get(date=D(2027, 1, 4)).is_workday is True
    page = county.get(reverse("org:calendar_year", args=[2027])).content.decode()
    assert "2027-01-04" in page
    county.post(reverse("org:calendar_day_remove", args=[2027]), {"date": "2027-01-04"})
    assert not CalendarDay.objects.exists()
    assert CalendarDay.history.filter(date=D(2027, 1, 4)).count() == 3  # created, changed, deleted


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date": "2026-05-01", "kind": "off"}, "日期须在 2027 年内"),
        ({"date": "2027-02-30", "kind": "off"}, "输入一个有效的日期"),
        ({"date": "2027-02-03", "kind": "maybe"}, "选择一个有效的选项"),
    ],
)
def test_manual_editor_names_the_bad_field(client_for, data, message):
    response = client_for("county").post(reverse("org:calendar_day", args=[2027]), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CalendarDay.objects.exists()


def test_confirming_a_year_needs_days_and_can_be_taken_back(client_for, org):
    county = client_for("county")
    confirm = reverse("org:calendar_confirm", args=[2027])
    county.post(confirm, {"confirmed": "1"})
    assert not year_known(2027)
    services.calendar_day_set(date=D(2027, 1, 1), is_workday=False, actor=org.users["county"])
    county.post(confirm, {"confirmed": "1"})
    assert year_known(2027)
    county.post(confirm, {"confirmed": "0"})
    assert not year_known(2027)


def test_years_outside_the_range_and_nonsense_are_not_errors(client_for):
    county = client_for("county")
    assert county.get(reverse("org:calendar_year", args=[1999])).status_code == 404
    assert county.get(reverse("org:calendar") + "?year=abc").status_code == 302
    assert (
        county.post(reverse("org:calendar_day_remove", args=[2027]), {"date": "nonsense"}).status_code == 302
    )
    assert (
        county.post(reverse("org:calendar_day_remove", args=[2027]), {"date": "2027-06-06"}).status_code
        == 302
    )


def test_progress_partial_polls_only_while_the_recomputation_runs(client_for):
    county = client_for("county")
    url = reverse("org:calendar_progress", args=[2027])
    CalendarYear.objects.create(year=2027, recompute_state="running", recompute_total=10, recompute_done=4)
    running = county.get(url).content.decode()
    assert 'hx-trigger="every 2s"' in running and "4 / 10" in running
    CalendarYear.objects.filter(year=2027).update(recompute_state="done", recompute_moved=3)
    done = county.get(url).content.decode()
    assert "hx-trigger" not in done and "3 件截止时间调整" in done
