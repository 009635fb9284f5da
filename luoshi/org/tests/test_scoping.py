"""Scoping through the real views and API: outside one's scope an object does not exist."""

from __future__ import annotations

import pytest

from luoshi.org.models import Grid, Town, Village
from luoshi.org.scoping import get_visible_or_404, scope_of, visible

pytestmark = pytest.mark.django_db


def names(resp):
    return {row["name"] for row in resp.json()}


def test_village_cadre_sees_only_own_village_in_autocomplete(client_for, org):
    own = org.users["village"].roles.get().village
    resp = client_for("village").get("/api/org/villages")
    assert resp.status_code == 200
    assert names(resp) == {own.name}


def test_village_cadre_cannot_find_other_village_by_search(client_for, org):
    other = org.users["village2"].roles.get().village
    resp = client_for("village").get("/api/org/villages", {"q": other.name})
    assert resp.json() == []
    page = client_for("village").get("/org/villages/", {"q": other.name})
    assert page.status_code == 200
    assert f"<td>{other.name}</td>" not in page.content.decode()


def test_grid_worker_sees_only_own_grid(client_for, org):
    own = org.users["grid"].roles.get().grid
    resp = client_for("grid").get("/api/org/grids")
    assert [g["id"] for g in resp.json()] == [own.id]


def test_town_office_sees_all_villages_of_its_town_and_none_of_the_other(client_for, org):
    yunxi, bailu = org.towns
    resp = client_for("office").get("/api/org/villages", {"limit": 100})
    assert names(resp) == set(yunxi.villages.values_list("name", flat=True))
    resp_b = client_for("office_b").get("/api/org/villages", {"limit": 100})
    assert names(resp_b) == set(bailu.villages.values_list("name", flat=True))


def test_other_town_count_is_not_leaked_in_list_page(client_for, org):
    yunxi, bailu = org.towns
    page = client_for("office_b").get("/org/villages/").content.decode()
    for v in yunxi.villages.all():
        assert v.name not in page


def test_county_staff_reads_all_towns(client_for, org):
    resp = client_for("county").get("/api/org/villages", {"limit": 100})
    assert len(resp.json()) == Village.objects.count()


def test_history_of_other_towns_object_is_404(client_for, org):
    yunxi, bailu = org.towns
    village_b = bailu.villages.first()
    url = f"/history/org/village/{village_b.pk}/"
    assert client_for("office").get(url).status_code == 404
    assert client_for("office_b").get(url).status_code == 200


def test_get_visible_or_404_raises_outside_scope(org):
    from django.http import Http404

    other_grid = Grid.objects.exclude(pk=org.users["grid"].roles.get().grid_id).first()
    with pytest.raises(Http404):
        get_visible_or_404(Grid, org.users["grid"], pk=other_grid.pk)


def test_unit_staff_scope_is_their_unit_and_town_reference_data(org):
    scope = scope_of(org.users["unit"])
    yunxi = org.towns[0]
    assert scope.unit_town_ids == {yunxi.id}
    assert set(visible(Village, org.users["unit"]).values_list("town_id", flat=True)) == {yunxi.id}


def test_deputy_reads_own_town_only(org):
    yunxi, bailu = org.towns
    assert list(visible(Town, org.users["deputy"])) == [yunxi]


def test_anonymous_gets_redirected_from_pages_and_401_from_api(client):
    assert client.get("/org/villages/").status_code == 302
    assert client.get("/api/org/villages").status_code == 401


def test_deputy_is_refused_the_staff_village_page(client_for):
    assert client_for("deputy").get("/org/villages/").status_code == 403


def test_htmx_search_returns_only_the_table_partial(client_for, org):
    resp = client_for("office").get("/org/villages/", {"q": "村"}, HTTP_HX_REQUEST="true")
    html = resp.content.decode()
    assert "<table" in html and "<html" not in html


def test_a_role_removed_mid_session_takes_effect_on_the_next_request(client_for, org):
    """The scope kept in the session must not outlive the role it was computed from."""
    client = client_for("village")
    own = org.users["village"].roles.get().village
    assert names(client.get("/api/org/villages")) == {own.name}  # computes and keeps the scope
    assert names(client.get("/api/org/villages")) == {own.name}  # served from the kept copy
    org.users["village"].roles.get().delete()
    assert client.get("/api/org/villages").json() == []


def test_a_role_added_mid_session_widens_the_scope_on_the_next_request(client_for, org):
    from luoshi.org.models import RoleAssignment
    from luoshi.org.roles import Role

    yunxi, _bailu = org.towns
    client = client_for("village")
    assert len(client.get("/api/org/villages").json()) == 1
    RoleAssignment.objects.create(user=org.users["village"], role=Role.OFFICE, town=yunxi)
    resp = client.get("/api/org/villages", {"limit": 100})
    assert names(resp) == set(yunxi.villages.values_list("name", flat=True))


def test_moving_a_village_to_another_town_changes_who_sees_it(client_for, org):
    yunxi, bailu = org.towns
    client = client_for("office_b")
    village = yunxi.villages.order_by("code").first()
    assert village.name not in names(client.get("/api/org/villages", {"limit": 100}))
    village.town = bailu
    village.save()
    assert village.name in names(client.get("/api/org/villages", {"limit": 100}))


def test_a_revoked_superuser_loses_admin_scope_at_once(client_for, org):
    from luoshi.org.models import User

    boss = User.objects.create_user("boss", password="x-long-password-1", is_superuser=True, is_staff=True)
    client = client_for("boss")
    assert len(client.get("/api/org/villages", {"limit": 100}).json()) == Village.objects.count()
    boss.is_superuser = False
    boss.save()
    assert client.get("/api/org/villages").json() == []
