"""Household points (recorder ≠ approver, balances, public notice) and who may see which item."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from luoshi.ledgers import selectors, services
from luoshi.ledgers.models import EventState, PointEvent, ScoreSheet
from luoshi.ledgers.tests.conftest import photo

pytestmark = pytest.mark.django_db


def _record(org, ledgers, who="village", home=0):
    home = ledgers["homes_a"][home]
    rule = selectors.current_rules(ledgers["a"]).get(points=10)
    return services.point_event_record(
        actor=org.users[who], household=home, rule=rule, happened_on=dt.date(2026, 5, 1), evidence="庭院照片"
    )


def test_the_recorder_cannot_approve_their_own_points_event(org, ledgers):
    event = _record(org, ledgers)
    with pytest.raises(services.LedgerError):
        services.point_event_decide(actor=org.users["village"], event=event, approve=True)
    assert PointEvent.objects.get(pk=event.pk).state == EventState.PENDING
    assert services.balance(ledgers["homes_a"][0]) == 0


def test_the_database_refuses_an_event_approved_by_its_recorder_even_in_plain_sql(org, ledgers):
    event = _record(org, ledgers)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cur:
        cur.execute(
            "UPDATE ledgers_pointevent SET decided_by_id = recorded_by_id, state = 'approved' WHERE id = %s",
            [event.pk],
        )


def test_another_cadre_approves_and_the_household_redeems_no_more_than_its_balance(org, ledgers):
    event = _record(org, ledgers)
    services.point_event_decide(actor=org.users["office"], event=event, approve=True)
    home = ledgers["homes_a"][0]
    assert services.balance(home) == 10
    with pytest.raises(services.LedgerError) as err:
        services.redemption_record(actor=org.users["village"], household=home, points=11, goods="大米")
    assert "points" in err.value.fields
    services.redemption_record(actor=org.users["village"], household=home, points=4, goods="毛巾")
    assert services.balance(home) == 6
    ranking = selectors.household_ranking(org.users["village"], ledgers["a"])
    assert (ranking[0].owner, ranking[0].points) == ("王一", 6)


def test_a_cadre_of_another_village_cannot_record_approve_or_redeem_for_this_village(org, ledgers):
    home = ledgers["homes_a"][0]
    rule = selectors.current_rules(ledgers["a"]).first()
    with pytest.raises(services.LedgerError):
        services.point_event_record(
            actor=org.users["village2"],
            household=home,
            rule=rule,
            happened_on=dt.date(2026, 5, 1),
            evidence="x",
        )
    event = _record(org, ledgers)
    with pytest.raises(services.LedgerError):
        services.point_event_decide(actor=org.users["village2"], event=event, approve=True)
    with pytest.raises(services.LedgerError):
        services.redemption_record(actor=org.users["office_b"], household=home, points=1, goods="x")


def test_a_rule_of_another_village_cannot_score_this_household(org, ledgers):
    other_rule = selectors.current_rules(ledgers["b"]).first()
    with pytest.raises(services.LedgerError) as err:
        services.point_event_record(
            actor=org.users["village"],
            household=ledgers["homes_a"][0],
            rule=other_rule,
            happened_on=dt.date(2026, 5, 1),
            evidence="x",
        )
    assert "rule" in err.value.fields


def test_rules_not_carried_by_a_majority_of_the_assembly_are_refused(org, ledgers):
    with pytest.raises(services.LedgerError) as err:
        services.rulebook_record(
            actor=org.users["village"],
            village=ledgers["a"],
            title="x",
            assembly="x",
            assembly_date=dt.date(2026, 1, 1),
            attendance=30,
            votes_for=15,
            rules=[("x", 1)],
        )
    assert "votes_for" in err.value.fields


def test_the_public_notice_shows_household_names_and_points_and_nothing_else(org, ledgers, client_for):
    event = _record(org, ledgers)
    services.point_event_decide(actor=org.users["office"], event=event, approve=True)
    body = client_for("village").get(f"/ledgers/points/notice/{ledgers['a'].pk}/").content.decode()
    table = body[
        body.index('data-testid="notice"') : body.index("</table>", body.index('data-testid="notice"'))
    ]
    assert "王一" in table and ">10<" in table and "李二" in table
    for secret in ("庭院照片", "homes_a-1", "王一户", "美丽庭院", str(org.users["village"])):
        assert secret not in table
    cells = table.count("<td>")
    assert cells == 2 * len(ledgers["homes_a"])  # two columns: name and points


def test_the_notice_of_another_village_or_town_is_not_found(org, ledgers, client_for):
    assert client_for("village2").get(f"/ledgers/points/notice/{ledgers['a'].pk}/").status_code == 404
    assert client_for("office_b").get(f"/ledgers/points/notice/{ledgers['a'].pk}/").status_code == 404


def test_items_are_seen_only_inside_the_viewers_scope(org, ledgers, client_for):
    light_a = ledgers["lights"][0]  # 云溪社区
    light_b = ledgers["lights"][9]  # 桃坞村
    village2 = client_for("village2")
    assert village2.get(f"/ledgers/item/{light_a.pk}/").status_code == 404
    assert village2.get(f"/ledgers/item/{light_b.pk}/").status_code == 200
    body = village2.get("/ledgers/streetlight/").content.decode()
    assert "LD-010" in body and "LD-001" not in body
    assert client_for("office_b").get(f"/ledgers/item/{light_b.pk}/").status_code == 404
    assert client_for("office").get(f"/ledgers/item/{light_a.pk}/").status_code == 200
    anonymous = client_for("office").__class__().get(f"/ledgers/item/{light_a.pk}/")
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert client_for("deputy").get("/ledgers/").status_code == 403


def test_a_cadre_cannot_inspect_or_close_outside_their_village(org, ledgers, client_for):
    sheet = ScoreSheet.objects.get(code="light-patrol", is_current=True)
    r = client_for("village2").post("/ledgers/inspect/light-patrol/", {"number": "LD-001"})
    assert r.status_code == 400 and "LD-001" in r.content.decode()
    with pytest.raises(services.LedgerError):
        services.inspection_submit(
            actor=org.users["office_b"], item=ledgers["lights"][0], sheet=sheet, failed=[]
        )
    services.inspection_submit(
        actor=org.users["unit"],
        item=ledgers["lights"][0],
        sheet=sheet,
        failed=[sheet.criteria.get().pk],
        photos=[photo()],
    )
    problem = ledgers["lights"][0].problems.get()
    r = client_for("office_b").post(f"/ledgers/item/{ledgers['lights'][0].pk}/problems/{problem.pk}/close/")
    assert r.status_code == 404


def test_the_phone_form_records_an_inspection_and_names_a_missing_number(org, ledgers, client_for):
    office = client_for("office")
    assert office.get("/ledgers/inspect/light-patrol/").status_code == 200
    r = office.post("/ledgers/inspect/light-patrol/", {"number": "LD-002"})
    assert r.status_code == 200 and 'data-testid="done"' in r.content.decode()
    r = office.post("/ledgers/inspect/light-patrol/", {"number": "NO-SUCH"}, HTTP_X_REQUESTED_WITH="fetch")
    assert r.status_code == 400 and "NO-SUCH" in r.json()["error"]
    r = office.post("/ledgers/inspect/light-patrol/", {"number": "LD-003"}, HTTP_X_REQUESTED_WITH="fetch")
    assert r.json()["ok"] is True


def test_the_ranking_page_ranks_villages_and_contractors(org, ledgers, client_for):
    sheet = ScoreSheet.objects.get(code="light-patrol", is_current=True)
    for light in ledgers["lights"][:4]:
        services.inspection_submit(actor=org.users["unit"], item=light, sheet=sheet, failed=[])
    body = client_for("village2").get("/ledgers/ranking/?sheet=light-patrol").content.decode()
    assert "承包商0" in body and "承包商1" in body and "云溪社区" in body


def test_the_register_export_cannot_run_a_formula(org, ledgers, client_for):
    from luoshi.ledgers.models import RegisterType

    services.item_save(
        actor=org.users["admin"],
        register_type=RegisterType.objects.get(code="streetlight"),
        number="LD-099",
        village=ledgers["a"],
        name='=HYPERLINK("http://x")',
    )
    r = client_for("office").get("/ledgers/streetlight/?format=csv")
    text = b"".join(r.streaming_content).decode()
    assert "'=HYPERLINK" in text and "\n=HYPERLINK" not in text and ",=HYPERLINK" not in text
