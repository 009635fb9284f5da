"""The case read of every case page: the case type and category come from the per-process
configuration cache, not from joins (PostgreSQL planned the 7-table join in 1.5 ms on every view),
and still show the current names."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.cases import selectors

pytestmark = pytest.mark.django_db


def test_the_case_read_joins_neither_type_nor_category_and_names_both(make_case, users):
    case = make_case(title="井盖缺失", content="村口井盖缺失")
    selectors.get_case(users["office"], case.pk)  # fills the configuration cache
    with CaptureQueriesContext(connection) as queries:
        read = selectors.get_case(users["office"], case.pk)
        names = (read.case_type.name, read.category.name if read.category_id else None)
    assert len(queries) == 1, [q["sql"] for q in queries]
    sql = queries[0]["sql"]
    assert "cases_casetype" not in sql and "cases_category" not in sql
    assert names == (case.case_type.name, case.category.name if case.category_id else None)


def test_a_renamed_type_shows_on_the_next_case_page(make_case, users, client_for):
    case = make_case(title="井盖缺失", content="村口井盖缺失")
    office = client_for("office")
    assert office.get(f"/cases/{case.pk}/").status_code == 200
    case.case_type.name = "测试改名的案件类型"
    case.case_type.save()
    assert "测试改名的案件类型" in office.get(f"/cases/{case.pk}/").content.decode()


def test_another_towns_case_is_still_a_404(make_case, client_for):
    case = make_case(title="井盖缺失", content="村口井盖缺失")
    assert client_for("office_b").get(f"/cases/{case.pk}/").status_code == 404
