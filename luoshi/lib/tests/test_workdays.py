import datetime as dt

from luoshi.lib.workdays import add_workdays, is_workday, workdays_between, year_is_official

D = dt.date


def test_national_day_week_is_skipped_and_make_up_saturday_counts():
    # 2025: Oct 1–8 off, Sat Sep 28 and Sat Oct 11 are make-up workdays.
    assert not is_workday(D(2025, 10, 3))
    assert is_workday(D(2025, 9, 28))
    assert add_workdays(D(2025, 9, 30), 1) == D(2025, 10, 9)


def test_override_wins_over_package():
    assert is_workday(D(2025, 10, 3), {D(2025, 10, 3): True})


def test_year_without_official_schedule_uses_weekends_and_overrides():
    assert not year_is_official(2031)
    # Fri 2031-01-03 + 1 working day → Mon 2031-01-06
    assert add_workdays(D(2031, 1, 3), 1) == D(2031, 1, 6)
    assert add_workdays(D(2031, 1, 3), 1, {D(2031, 1, 6): False}) == D(2031, 1, 7)


def test_workdays_between_is_consistent_with_add():
    start = D(2026, 1, 20)
    end = add_workdays(start, 15)
    assert workdays_between(start, end) == 15
    assert workdays_between(end, start) == -15
