"""The case read compiled once per scope (``luoshi/org/compiled.py``): the same rows and instances
as the ORM's read, the scope decided by the current roles, and nothing for an id out of range."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import Q
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from luoshi.cases import selectors, services
from luoshi.cases.models import Case
from luoshi.org.compiled import CompiledRead
from luoshi.org.models import RoleAssignment
from luoshi.org.roles import Role
from luoshi.org.scoping import scope_of

pytestmark = pytest.mark.django_db

RELATED = ("town", "village", "grid", "unit")


def orm_read(pk: int) -> Case:
    return Case.objects.select_related(*RELATED).get(pk=pk)


def values(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def assert_same(read: Case, orm: Case) -> None:
    assert type(read) is Case and read.pk == orm.pk
    assert values(read) == values(orm)
    for name in RELATED:
        mine, theirs = getattr(read, name), getattr(orm, name)  # loaded with the case: no statement
        assert (values(mine) if mine else None) == (values(theirs) if theirs else None), name
    assert read._rollup_loaded == orm._rollup_loaded  # what a save would take off the KPI roll-up
    assert not read._state.adding and read._state.db == orm._state.db


def test_the_compiled_read_gives_what_the_orm_gives(make_case, users, places):
    plain = make_case(title="无村无网格", village=None, details={"measures": "设警示牌"})
    in_grid = make_case(title="网格内事件", grid=places["grid"], latitude="28.123456", longitude="113.654321")
    dispatched = services.case_dispatch(
        case=make_case(title="已派单"), actor=users["office"], unit=places["yjb"]
    )
    selectors.get_case(users["office"], plain.pk)  # the configuration cache filled
    for case in (plain, in_grid, dispatched):
        for reader in ("office", "leader", "county"):
            scope_of(users[reader])  # the reader's scope computed (once per request on a page)
            with CaptureQueriesContext(connection) as queries:
                read = selectors.get_case(users[reader], case.pk)
                related = [getattr(read, name) for name in RELATED]
            assert len(queries) == 1, [q["sql"] for q in queries]
            assert_same(read, orm_read(case.pk))
            assert related[0] == places["yunxi"]
    # the unit sees the dispatched case only, with the same values
    assert_same(selectors.get_case(users["unit"], dispatched.pk), orm_read(dispatched.pk))
    with pytest.raises(Http404):
        selectors.get_case(users["unit"], plain.pk)


def test_a_role_given_and_taken_away_changes_what_the_same_reader_opens(client_for, make_case, users, org):
    """The SQL is kept per scope: a cadre of another village is refused, opens the case once made
    town office staff, and is refused again when the role is taken away."""
    case = make_case(title="只在桃坞村")
    cadre = client_for("village2")
    assert cadre.get(f"/cases/{case.pk}/").status_code == 404
    role = RoleAssignment.objects.create(user=users["village2"], role=Role.OFFICE, town=org.towns[0])
    assert cadre.get(f"/cases/{case.pk}/").status_code == 200
    role.delete()
    assert cadre.get(f"/cases/{case.pk}/").status_code == 404
    # and another town's office, before and after the case was read by its own office
    assert client_for("office").get(f"/cases/{case.pk}/").status_code == 200
    assert client_for("office_b").get(f"/cases/{case.pk}/").status_code == 404


def test_a_co_unit_removed_at_redispatch_no_longer_opens_the_case(client_for, co_handled_case, users, places):
    case = co_handled_case
    jfb = client_for("unit_jfb")
    assert jfb.get(f"/cases/{case.pk}/").status_code == 200
    services.case_dispatch(case=case, actor=users["office"], unit=places["zzzx"], assist_units=[])
    assert jfb.get(f"/cases/{case.pk}/").status_code == 404


@pytest.mark.parametrize("pk", [0, 2**63, 10**30])
def test_ids_out_of_range_are_a_404_not_an_error(client_for, org, pk):
    assert client_for("office").get(f"/cases/{pk}/").status_code == 404


def test_a_read_not_compilable_with_one_placeholder_goes_through_the_orm(make_case):
    case = make_case(title="两次出现的编号")
    twice = CompiledRead(Case, lambda _key, pk: Case.objects.filter(Q(pk=pk) | Q(pk=pk, title__gt="")))
    assert [c.pk for c in twice(None, case.pk)] == [case.pk]
    assert twice(None, case.pk + 1000) == []
    nothing = CompiledRead(Case, lambda _key, pk: Case.objects.filter(pk__in=[]).filter(pk=pk))
    with CaptureQueriesContext(connection) as queries:
        assert nothing(None, case.pk) == []
    assert len(queries) == 0  # as the ORM: an empty filter runs no statement


def test_an_id_given_as_text_reads_as_the_orm_would(make_case, users):
    case = make_case(title="编号是文字")
    assert selectors.get_case(users["office"], str(case.pk)).pk == case.pk
    with pytest.raises(ValueError):
        selectors.get_case(users["office"], "not-a-number")
