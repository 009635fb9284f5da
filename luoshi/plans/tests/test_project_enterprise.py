"""A key project reaching 投产/入库 links its enterprise in the economy register (by credit code) or
becomes a proposal for the economy office; the project page shows per-enterprise figures only to
those the economy desk lets see them, and logs each view."""

# ruff: noqa: F811  (pytest fixtures imported from the economy tests are parameters here)
from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from luoshi.economy.models import Enterprise, EnterpriseView
from luoshi.economy.services import EconomyError, project_enterprise_confirm

# the economy desk's fixtures (enterprises with 24 months of returns), used by name below
from luoshi.economy.tests.conftest import code_for, econ, last_month  # noqa: F401
from luoshi.plans import enterprise, services
from luoshi.plans.services import PlanError

TODAY = dt.date.today()


@pytest.fixture
def project(plan, units):
    return services.project_create(
        plan=plan, name="精密铸造项目", investor="测试企业1", owner_unit=units["jfb"], kind="investment"
    )


def _produce(project, org):
    services.project_stage_set(project=project, stage="producing", date=TODAY, by=org.users["office"])


def test_reaching_production_with_a_credit_code_links_the_registered_enterprise(project, econ, org):
    services.project_edit(project=project, credit_code=code_for(1).lower(), by=org.users["office"])
    assert project.credit_code == code_for(1)  # normalised
    assert not Enterprise.objects.filter(project=project).exists()  # not yet at 投产
    _produce(project, org)
    ent = Enterprise.objects.get(project=project)
    assert ent.pk == econ[0].pk
    assert Enterprise.objects.count() == 4  # linked, no duplicate created
    assert ent.history.first().history_user == org.users["office"]


def test_a_bad_credit_code_is_refused_with_the_registers_message(project, org):
    with pytest.raises(PlanError, match="校验位"):
        services.project_edit(project=project, credit_code=code_for(1)[:-1] + "X", by=org.users["office"])


def test_without_a_code_it_is_a_proposal_settled_by_the_economy_office(project, econ, org, client_for):
    _produce(project, org)
    assert not Enterprise.objects.filter(project=project).exists()
    assert project in enterprise.proposals_for(org.users["unit_jfb"])
    assert not enterprise.proposals_for(org.users["unit"]).exists()
    page = client_for("unit_jfb").get(reverse("plans:project", args=[project.pk])).content.decode()
    assert "待经发办确认" in page and "测试企业1" in page
    # another town's enterprise cannot be linked
    resp = client_for("unit_jfb").post(
        reverse("plans:project_enterprise", args=[project.pk]), {"enterprise": econ[3].pk}
    )
    assert resp.status_code == 404
    # office staff (not the economy office) may not settle it
    resp = client_for("office").post(
        reverse("plans:project_enterprise", args=[project.pk]), {"enterprise": econ[1].pk}
    )
    assert resp.status_code == 403
    resp = client_for("unit_jfb").post(
        reverse("plans:project_enterprise", args=[project.pk]), {"enterprise": econ[1].pk}
    )
    assert resp.status_code == 302
    assert Enterprise.objects.get(project=project).pk == econ[1].pk
    assert not enterprise.proposals_for(org.users["unit_jfb"]).exists()


def test_the_office_registers_the_projects_company_from_its_credit_code(project, econ, org, client_for):
    services.project_edit(project=project, credit_code=code_for(7), by=org.users["office"])
    _produce(project, org)
    assert not Enterprise.objects.filter(project=project).exists()  # unknown code: a proposal
    resp = client_for("unit_jfb").post(
        reverse("plans:project_enterprise", args=[project.pk]),
        {"name": "铸造科技有限公司", "industry": "C3391"},
    )
    assert resp.status_code == 302
    ent = Enterprise.objects.get(project=project)
    assert (ent.credit_code, ent.name, ent.industry) == (code_for(7), "铸造科技有限公司", "C3391")
    with pytest.raises(EconomyError):  # once only
        project_enterprise_confirm(by=org.users["unit_jfb"], project=project, industry="C3391")


def test_an_enterprise_linked_to_another_project_is_never_linked_twice(project, plan, econ, org):
    services.project_edit(project=project, credit_code=code_for(1), by=org.users["office"])
    _produce(project, org)
    second = services.project_create(plan=plan, name="二期", credit_code=code_for(1))
    services.project_stage_set(project=second, stage="attained", date=TODAY, by=org.users["office"])
    assert not Enterprise.objects.filter(project=second).exists()
    with pytest.raises(EconomyError):
        project_enterprise_confirm(by=org.users["unit_jfb"], project=second, enterprise=econ[0])


@pytest.mark.parametrize("who", ["leader", "unit_jfb"])
def test_leaders_and_the_economy_office_see_the_latest_figures_and_the_view_is_logged(
    project, econ, org, client_for, who, last_month
):
    services.project_edit(project=project, credit_code=code_for(1), by=org.users["office"])
    _produce(project, org)
    before = EnterpriseView.objects.count()
    body = client_for(who).get(reverse("plans:project", args=[project.pk])).content.decode()
    assert 'data-testid="enterprise-figures"' in body and "500000" in body
    assert f"{last_month:%Y年}{last_month.month}月" in body
    view = EnterpriseView.objects.order_by("-id").first()
    assert EnterpriseView.objects.count() == before + 1
    assert (view.user, view.enterprise_id) == (org.users[who], econ[0].pk)


@pytest.mark.parametrize("who", ["office", "unit", "deputy", "county"])
def test_without_economy_rights_no_per_enterprise_figure_is_shown(project, econ, org, client_for, who):
    services.project_edit(project=project, credit_code=code_for(1), by=org.users["office"])
    _produce(project, org)
    before = EnterpriseView.objects.count()
    resp = client_for(who).get(reverse("plans:project", args=[project.pk]))
    body = resp.content.decode()
    assert resp.status_code == 200 and "测试企业1" in body
    assert 'data-testid="enterprise-aggregate-only"' in body
    for figure in ("500000", "enterprise-figures", "36.0", "1000.0"):
        assert figure not in body
    assert EnterpriseView.objects.count() == before
    resp = client_for(who).post(reverse("plans:project_enterprise", args=[project.pk]), {})
    assert resp.status_code == 403


def test_other_towns_and_anonymous_see_nothing(project, econ, org, client_for, client):
    services.project_edit(project=project, credit_code=code_for(1), by=org.users["office"])
    _produce(project, org)
    assert client_for("office_b").get(reverse("plans:project", args=[project.pk])).status_code == 404
    resp = client.get(reverse("plans:project", args=[project.pk]))
    assert resp.status_code == 302 and "测试企业1".encode() not in resp.content
    assert client_for("village").get(reverse("plans:enterprise_proposals")).status_code == 403
