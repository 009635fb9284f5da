"""Case figures of the registry read the KPI roll-up; they must equal counting the case rows directly
(``kpis.kpi`` / ``kpis.cohort``) for every case entry, town and period shape."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from luoshi.accounts import periods, registry
from luoshi.accounts import selectors as sel
from luoshi.accounts.models import Indicator
from luoshi.cases import kpis, rollup
from luoshi.cases import services as case_services
from luoshi.cases.models import Case, CaseType, Outcome, Rating, Status

pytestmark = pytest.mark.django_db

TYPES = sorted({t for _k, t, *_r in registry.CASE_ENTRIES} | {t for _k, t, *_r in registry.RECEIVED_ENTRIES})


def aware(y, m, d, hh=0):
    return timezone.make_aware(dt.datetime(y, m, d, hh))


@pytest.fixture
def many_cases(org):
    """~90 cases of every type the registry quotes, in both towns, over last year and this one, in
    every state the KPIs tell apart (resolved on time / late, open past or before due, no due time,
    rated, mediated, rectified and verified, merged, cancelled); written past ``save()`` as bulk
    loads do, then the roll-up rebuilt."""
    rng = random.Random(12)
    types = {t.code: t for t in CaseType.objects.filter(code__in=TYPES)}
    now = timezone.now()
    made = []
    for i in range(90):
        received = now - dt.timedelta(days=rng.randint(0, 500), hours=rng.randint(0, 23))
        town = org.towns[i % 2]
        case = case_services.case_create(  # then turned into the type (some require more fields)
            case_type="hotline",
            title=f"事项{i}",
            content="反映问题。",
            actor_label="测试",
            town=town,
            contact_name="王建国",
            contact_phone="13812345678",
            received_at=received,
        )
        state = rng.choice(["open", "open_due", "late", "on_time", "closed", "merged", "cancelled"])
        resolved = received + dt.timedelta(days=rng.randint(0, 30))
        fields = {
            "case_type": types[TYPES[i % len(TYPES)]],
            "due_at": received + dt.timedelta(days=rng.choice([3, 15, 900])) if state != "open" else None,
            "rating": rng.choice(["", Rating.SATISFIED, Rating.BASIC, Rating.UNSATISFIED]),
        }
        if state in ("late", "on_time", "closed") and resolved < now:
            fields.update(
                status=Status.CLOSED if state == "closed" else Status.RESOLVED,
                resolved_at=resolved,
                resolved_on_time=state != "late",
                outcome=rng.choice([Outcome.RESOLVED, Outcome.RESOLVED, Outcome.PARTLY]),
                verified_at=resolved if rng.random() < 0.7 else None,
                reviewed_at=resolved if rng.random() < 0.5 else None,
            )
        elif state in ("merged", "cancelled"):
            fields["status"] = state
        Case.objects.filter(pk=case.pk).update(**fields)
        made.append(case)
    rollup.rebuild()
    return made


def _direct(key: str, town, start, end, now) -> tuple:
    """What the entry meant before the roll-up: counting the case rows."""
    for k, type_code, kpi_key, _label, _unit, count in registry.CASE_ENTRIES:
        if k == key:
            v = kpis.kpi(kpi_key, Case.objects.filter(town=town, case_type__code=type_code), start, end, now)
            return (float(v.numerator) if count else v.rate, v.numerator, v.denominator)
    for k, type_code, _label, _unit in registry.RECEIVED_ENTRIES:
        if k == key:
            n = kpis.cohort(Case.objects.filter(town=town, case_type__code=type_code), start, end).count()
            return (float(n), n, None)
    raise KeyError(key)


CASE_KEYS = [e[0] for e in registry.CASE_ENTRIES] + [e[0] for e in registry.RECEIVED_ENTRIES]


def _periods(now):
    year = timezone.localtime(now).year
    return [
        (aware(year, 1, 1), now),  # this year so far: whole months, then a partial month to now
        (aware(year - 1, 1, 1), aware(year, 1, 1)),  # last year, whole months only
        (aware(year - 1, 4, 1), aware(year - 1, 7, 1)),  # a quarter
        (aware(year - 1, 2, 14, 9), aware(year - 1, 11, 20, 17)),  # partial months at both ends
        (now - dt.timedelta(days=40), now - dt.timedelta(days=3)),  # ends before now: cases after the end
    ]


def test_every_case_figure_from_the_rollup_equals_a_direct_count_of_the_case_rows(org, many_cases):
    now = timezone.now()
    compared = nonzero = 0
    for town in org.towns:
        for start, end in _periods(now):
            for key in CASE_KEYS:
                r = registry.compute(key, town, start, end, now)
                assert (r.value, r.numerator, r.denominator) == _direct(key, town, start, end, now), (
                    key,
                    town.name,
                    start,
                    end,
                )
                compared += 1
                nonzero += bool(r.numerator)
    assert compared == 2 * 5 * len(CASE_KEYS) and nonzero > compared // 4  # the cases reach the figures


def test_a_save_after_the_rebuild_moves_the_figure_at_once(org, many_cases):
    """The roll-up follows ``Case.save()``: a case registered now counts in the next figure."""
    yunxi = org.towns[0]
    period = periods.Period(timezone.localdate().year, periods.YEAR)
    indicator = Indicator.objects.get(code="cases-petition-received")
    before = sel.figure(indicator, yunxi, period).value
    case_services.case_create(
        case_type="petition",
        title="新信访",
        content="反映土地补偿款未发放到位。",
        actor_label="测试",
        town=yunxi,
        contact_name="王建国",
        contact_phone="13812345678",
    )
    assert sel.figure(indicator, yunxi, period).value == before + 1


def test_figures_of_one_town_and_period_share_one_read_of_the_rollup(org, many_cases):
    yunxi = org.towns[0]
    now = timezone.now()
    start = aware(timezone.localtime(now).year, 1, 1)

    def case_reads(queries) -> int:  # statements over the case table or the roll-up
        return sum('"cases_case"' in q["sql"] or "casemonthlystat" in q["sql"] for q in queries)

    with CaptureQueriesContext(connection) as alone:
        registry.compute("cases-hotline-on-time", yunxi, start, now, now)
    with registry.sharing_case_cells(), CaptureQueriesContext(connection) as shared:
        for key in CASE_KEYS:
            registry.compute(key, yunxi, start, now, now)
    assert 0 < case_reads(shared) == case_reads(alone)  # the other figures only look up case types
