"""Scheme editing pages: county staff of the scheme's county build and change a scheme; every other
role, another county and anonymous visitors are refused; a frozen (published) version refuses every
change; the lines' points never total more than 100."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from luoshi.accounts.models import Indicator
from luoshi.county import services
from luoshi.county.models import Line, Scheme, SchemeTown
from luoshi.org.models import County
from luoshi.org.services import user_create_with_role

pytestmark = pytest.mark.django_db


def _urls(scheme):
    line = scheme.lines.first()
    return [
        ("get", reverse("county:scheme_new")),
        ("post", reverse("county:scheme_new")),
        ("get", reverse("county:scheme_edit", args=[scheme.pk])),
        ("post", reverse("county:scheme_edit", args=[scheme.pk])),
        ("post", reverse("county:scheme_delete", args=[scheme.pk])),
        ("post", reverse("county:scheme_towns", args=[scheme.pk])),
        ("get", reverse("county:line_new", args=[scheme.pk])),
        ("post", reverse("county:line_new", args=[scheme.pk])),
        ("get", reverse("county:line_edit", args=[scheme.pk, line.pk])),
        ("post", reverse("county:line_edit", args=[scheme.pk, line.pk])),
        ("post", reverse("county:line_delete", args=[scheme.pk, line.pk])),
    ]


def _line_post(indicator, **over):
    data = {
        "indicator": indicator.pk,
        "group": "economy",
        "weight": "20",
        "rule": "ratio",
        "target": "5",
        "cap": "1.2",
    }
    data.update(over)
    return data


def test_only_county_staff_open_the_editing_pages(org, scheme, client):
    before = (Scheme.objects.count(), Line.objects.count())
    for persona in ("leader", "office", "unit", "village", "grid", "deputy"):
        c = Client()
        c.force_login(org.users[persona])
        for method, url in _urls(scheme):
            assert getattr(c, method)(url).status_code == 403, (persona, method, url)
    for method, url in _urls(scheme):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert (Scheme.objects.count(), Line.objects.count()) == before


def test_another_countys_staff_get_404_and_change_nothing(org, scheme):
    other = County.objects.create(code="999999", name="邻县")
    user = user_create_with_role(
        username="neighbour", password="x-Strong-pass-1", role="county", place_code=other.code
    )
    c = Client()
    c.force_login(user)
    for method, url in _urls(scheme)[2:]:
        assert getattr(c, method)(url).status_code == 404, (method, url)
    assert Scheme.objects.filter(pk=scheme.pk).exists() and scheme.lines.count() == 2
    # a scheme it creates belongs to its own county
    c.post(reverse("county:scheme_new"), {"name": "邻县考核", "kind": "annual", "year": "2026", "quarter": "0",
                                          "pass_score": "60", "objection_days": "5"})  # fmt: skip
    assert Scheme.objects.get(name="邻县考核").county == other


def test_county_builds_a_scheme_through_the_pages(org, scheme, client_for, bailu):
    c = client_for("county")
    response = c.post(
        reverse("county:scheme_new"),
        {"name": "第三季度安全生产竞赛", "kind": "quarter", "year": "2026", "quarter": "3", "pass_score": "60",
         "objection_days": "3", "document": "青岚县安委办〔2026〕5号"},
    )  # fmt: skip
    new = Scheme.objects.get(name="第三季度安全生产竞赛")
    assert response.status_code == 302 and response["Location"] == reverse("county:scheme", args=[new.pk])
    assert new.county == org.county and new.towns.count() == len(org.towns)
    revenue = Indicator.objects.get(code="budget-revenue")
    assert (
        c.post(reverse("county:line_new", args=[new.pk]), _line_post(revenue, weight="70")).status_code == 302
    )
    line = new.lines.get()
    assert line.history.filter(history_user=org.users["county"]).exists()  # audited with its author
    # more than 100 points in total: refused, the form says why
    petition = Indicator.objects.get(code="cases-petition-on-time")
    response = c.post(
        reverse("county:line_new", args=[new.pk]), _line_post(petition, weight="40", target="100")
    )
    assert response.status_code == 400 and "不能超过 100 分" in response.content.decode()
    assert new.lines.count() == 1
    # a step rule written wrongly names the step
    response = c.post(
        reverse("county:line_new", args=[new.pk]),
        _line_post(petition, weight="30", rule="threshold", thresholds="1.0:1.0, 0,9"),
    )
    assert response.status_code == 400 and "分档“0”缺少冒号" in response.content.decode()
    response = c.post(
        reverse("county:line_new", args=[new.pk]),
        _line_post(
            petition,
            weight="30",
            rule="threshold",
            target="100",
            thresholds="0.9:0.8, 1.0:1.0",
            target_2="90",
        ),
    )
    assert response.status_code == 302
    stepped = new.lines.get(indicator=petition)
    assert stepped.thresholds == [[1.0, 1.0], [0.9, 0.8]] and stepped.targets == {"2": 90.0}
    # edit: the indicator stays whatever is posted
    c.post(reverse("county:line_edit", args=[new.pk, line.pk]), _line_post(petition, weight="65", target="3"))
    line.refresh_from_db()
    assert (line.indicator, line.weight, line.target) == (revenue, 65, 3)
    body = c.get(reverse("county:scheme", args=[new.pk])).content.decode()
    assert "分值合计 95 / 100 分" in body and "data-confirm" in body
    # categories: 白鹭 becomes 二类
    c.post(reverse("county:scheme_towns", args=[new.pk]), {f"cat_{bailu.pk}": "2"})
    assert SchemeTown.objects.get(scheme=new, town=bailu).category == 2
    # remove a line, then the scheme itself (never computed)
    assert c.post(reverse("county:line_delete", args=[new.pk, stepped.pk])).status_code == 302
    assert not Line.objects.filter(pk=stepped.pk).exists()
    assert c.post(reverse("county:scheme_delete", args=[new.pk])).status_code == 302
    assert not Scheme.objects.filter(pk=new.pk).exists()


def test_a_published_version_refuses_every_change_from_the_pages(org, scheme, client_for, bailu):
    county = org.users["county"]
    services.result_publish(result=services.result_compute(scheme=scheme, by=county), by=county)
    c = client_for("county")
    line = scheme.lines.first()
    before = (line.weight, line.target, scheme.name, scheme.towns.count())
    revenue = Indicator.objects.get(code="budget-revenue")
    r = c.post(reverse("county:line_edit", args=[scheme.pk, line.pk]), _line_post(revenue, weight="10"))
    assert r.status_code == 400 and "已冻结" in r.content.decode()
    c.post(reverse("county:line_delete", args=[scheme.pk, line.pk]))
    c.post(
        reverse("county:scheme_edit", args=[scheme.pk]),
        {"name": "改名", "pass_score": "10", "objection_days": "5"},
    )
    c.post(reverse("county:scheme_towns", args=[scheme.pk]), {f"cat_{bailu.pk}": "0"})
    c.post(reverse("county:scheme_delete", args=[scheme.pk]))
    line.refresh_from_db()
    scheme.refresh_from_db()
    assert (line.weight, line.target, scheme.name, scheme.towns.count()) == before
    body = c.get(reverse("county:scheme", args=[scheme.pk])).content.decode()
    assert 'data-testid="add-line"' not in body and 'data-testid="delete-scheme"' not in body


def test_a_town_with_adjustments_cannot_leave_and_a_computed_scheme_cannot_be_deleted(
    org, scheme, client_for, bailu
):
    county = org.users["county"]
    services.adjustment_add(
        scheme=scheme, town=bailu, kind="deduction", points=2, reason="通报批评", by=county
    )
    c = client_for("county")
    c.post(reverse("county:scheme_towns", args=[scheme.pk]), {f"cat_{bailu.pk}": "0"})
    assert scheme.towns.filter(town=bailu).exists()
    services.result_compute(scheme=scheme, by=county)
    c.post(reverse("county:scheme_delete", args=[scheme.pk]))
    assert Scheme.objects.filter(pk=scheme.pk).exists()
    adj = scheme.adjustments.get()
    assert c.post(reverse("county:adjustment_delete", args=[scheme.pk, adj.pk])).status_code == 302
    assert not scheme.adjustments.exists()


def test_bad_input_gets_named_errors_not_a_crash(org, client_for):
    c = client_for("county")
    r = c.post(reverse("county:scheme_new"), {"name": "", "kind": "quarter", "year": "20x6", "quarter": "0"})
    assert r.status_code == 400 and "errorlist" in r.content.decode()
    r = c.post(reverse("county:scheme_new"), {"name": "x\x00", "kind": "quarter", "year": "2026", "quarter": "0",
                                              "pass_score": "60", "objection_days": "5"})  # fmt: skip
    assert r.status_code == 400
    r = c.post(reverse("county:scheme_new"), {"name": "Q", "kind": "quarter", "year": "2026", "quarter": "0",
                                              "pass_score": "60", "objection_days": "5"})  # fmt: skip
    assert r.status_code == 400 and "季度竞赛须指定第1–4季度" in r.content.decode()
    assert not Scheme.objects.filter(name__in=["Q", "x"]).exists()
    assert get_user_model().objects.filter(username="county").exists()
