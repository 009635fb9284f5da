"""KPIs against hand-computed cases (numerator, denominator, rate), and the case list behind each figure."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.utils import timezone

from luoshi.cases import kpis, services
from luoshi.cases.models import Case

pytestmark = pytest.mark.django_db


def at(y, m, d, hh=10):
    return timezone.make_aware(dt.datetime(y, m, d, hh))


def frozen(when):
    return mock.patch("luoshi.cases.services._now", return_value=when)


@pytest.fixture
def march(make_case, users, places):
    """Six 群众反映 cases received in March 2025 (7 working days each), one in April, two disputes:

    A resolved on time, rated 满意           B resolved on time, rated 基本满意
    C resolved late (03-25), rated 不满意 → reopened (no longer resolved)
    D still open, overdue on 04-01            E still open, not yet due (received 03-31)
    F cancelled (excluded)                    G received in April (outside the period)
    disputes: H 化解 (resolved), I not resolved
    """
    office, unit, yjb = users["office"], users["unit"], places["yjb"]

    def open_case(day, type_code="public"):
        with frozen(at(2025, 3, day) if isinstance(day, int) else day):
            c = make_case(type_code)
            c = services.case_dispatch(case=c, actor=office, unit=yjb)
            return services.case_sign(case=c, actor=unit)

    def resolve(c, when, **kw):
        with frozen(when):
            return services.case_resolve(case=c, actor=unit, reply="已办理", **kw)

    def rate(c, when, rating, reason=""):
        with frozen(when):
            return services.case_feedback(case=c, actor=office, rating=rating, reason=reason)

    a = rate(resolve(open_case(3), at(2025, 3, 5)), at(2025, 3, 6), "satisfied")
    b = rate(resolve(open_case(3), at(2025, 3, 10)), at(2025, 3, 11), "basic")
    c = resolve(open_case(3), at(2025, 3, 25))
    c = rate(c, at(2025, 3, 26), "unsatisfied", "没修好")
    d = open_case(10)
    e = open_case(31)
    f = open_case(4)
    with frozen(at(2025, 3, 5)):
        f = services.case_cancel(case=f, actor=office, reason="重复")
    g = open_case(at(2025, 4, 2))
    h = resolve(open_case(5, "dispute"), at(2025, 3, 20), outcome="resolved")
    i = resolve(open_case(5, "dispute"), at(2025, 3, 20), outcome="unresolved")
    return dict(a=a, b=b, c=c, d=d, e=e, f=f, g=g, h=h, i=i)


PERIOD = (at(2025, 3, 1, 0), at(2025, 4, 1, 0))
NOW = at(2025, 4, 1, 12)


def test_completion_rate_counts_resolved_over_received_in_the_period(march):
    v = kpis.completion_rate(Case.objects.all(), *PERIOD, now=NOW)
    # public: A, B, C(reopened → not resolved), D, E → 2 of 5; disputes H, I resolved → types without
    # "completion" (dispute) are not counted.
    assert (v.numerator, v.denominator, v.rate) == (2, 5, 40.0)


def test_on_time_rate_only_judges_cases_that_are_resolved_or_past_due(march):
    v = kpis.on_time_rate(Case.objects.all(), *PERIOD, now=NOW)
    # due or resolved: A, B (resolved on time), C (reopened, new due 04-04 → not yet due, not resolved),
    # D (received 03-10 → due 03-19, overdue) ; E not due; disputes: H, I resolved on time.
    assert (v.numerator, v.denominator) == (4, 5)
    assert v.rate == 80.0
    assert "延期" in v.definition


def test_satisfaction_rate_counts_satisfied_and_basic_over_valid_ratings(march):
    v = kpis.satisfaction_rate(Case.objects.all(), *PERIOD, now=NOW)
    assert (v.numerator, v.denominator) == (2, 3)
    assert v.rate == 66.7


def test_callback_rate_counts_reviewed_over_resolved(march, users):
    v = kpis.callback_rate(Case.objects.all(), *PERIOD, now=NOW)
    assert (v.numerator, v.denominator) == (2, 2)


def test_mediation_rate_only_counts_disputes(march):
    v = kpis.mediation_rate(Case.objects.all(), *PERIOD, now=NOW)
    assert (v.numerator, v.denominator, v.rate) == (1, 2, 50.0)


def test_average_handling_time_in_days(march):
    v = kpis.average_handling_days(Case.objects.all(), *PERIOD, now=NOW)
    # public A 2 days, B 7 days; disputes H, I 15 days each → (2+7+15+15)/4
    assert v.denominator == 4
    assert v.rate == pytest.approx(39 / 4, abs=0.01)


def test_rectification_rate_counts_verified_closed_hazards(users, places):
    five = {"responsible": "a", "measures": "b", "funds": "c", "deadline_note": "d", "contingency": "e"}
    cases = [
        services.case_create(
            case_type="hazard",
            actor=users["office"],
            title="隐患",
            content="隐患",
            village=places["village"],
            address="x",
            details=five,
        )
        for _ in range(3)
    ]
    services.case_cancel(case=cases[2], actor=users["office"], reason="误报")
    c = services.case_dispatch(case=cases[0], actor=users["office"], unit=places["yjb"])
    c = services.case_sign(case=c, actor=users["unit"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    services.attachment_add(
        case=c,
        actor=users["unit"],
        kind="after",
        file=SimpleUploadedFile("a.png", b"\x89PNG" + b"0" * 20, content_type="image/png"),
    )
    c = services.case_resolve(case=c, actor=users["unit"], reply="整改完毕")
    services.case_verify(case=c, actor=users["office"], passed=True)
    v = kpis.rectification_rate(Case.objects.all())
    assert (v.numerator, v.denominator, v.rate) == (1, 2, 50.0)


def test_breakdown_by_month_and_by_unit(march, places):
    rows = kpis.breakdown("completion", Case.objects.all(), "month", now=NOW)
    assert [(r["name"], r["numerator"], r["denominator"]) for r in rows] == [
        ("2025-03", 2, 5),
        ("2025-04", 0, 1),
    ]
    rows = kpis.breakdown("mediation", Case.objects.all(), "unit", *PERIOD, now=NOW)
    assert rows == [
        {"id": places["yjb"].pk, "name": "应急管理办", "numerator": 1, "denominator": 2, "rate": 50.0}
    ]


def test_the_case_list_behind_a_figure_matches_it(march):
    cohort = kpis.cohort(Case.objects.all(), *PERIOD)
    num = cohort.filter(kpis.filter_for("satisfaction", "num", NOW))
    den = cohort.filter(kpis.filter_for("satisfaction", "den", NOW))
    assert {c.pk for c in num} == {march["a"].pk, march["b"].pk}
    assert den.count() == 3
