"""The schedule, wall chart, meeting and escalation API and the ``luoshi projects`` CLI: the same
services behind the shared scope check, and the attacks on both (other towns, other roles, anonymous,
CSRF, out-of-range input)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.utils import timezone

from luoshi.cli import main
from luoshi.org.testing import csrf_client
from luoshi.plans import scheduling, services
from luoshi.plans.models import Decision, Meeting, Milestone, Update

J = "application/json"


@pytest.fixture
def project(plan, units, org):
    p = services.project_create(
        plan=plan, name="智能装备项目", owner_unit=units["jfb"], leader=org.users["leader"]
    )
    scheduling.project_schedule_apply(
        project=p, template="industrial", mode="backward", on=dt.date(timezone.localdate().year + 1, 12, 31),
        by=org.users["office"],
    )  # fmt: skip
    return p


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type=J)


def test_schedule_preview_then_apply_through_the_api(plan, units, client_for):
    p = services.project_create(plan=plan, name="新项目", owner_unit=units["jfb"])
    c = client_for("office")
    url = f"/api/plans/projects/{p.pk}/schedule"
    body = {"template": "industrial", "mode": "backward", "on": f"{plan.year}-12-31"}
    preview = _post(c, url, body)
    assert preview.status_code == 200 and preview.json()["applied"] is False
    steps = preview.json()["steps"]
    assert steps[-1]["name"] == "投产" and steps[-1]["finish"] <= f"{plan.year}-12-31"
    assert not p.milestones.exists()
    applied = _post(c, url, body | {"apply": True})
    assert applied.status_code == 200 and p.milestones.count() == len(steps)
    assert all(m.baseline_date == m.planned_date for m in p.milestones.all())
    again = _post(c, url, body | {"apply": True})  # only for a project without milestones
    assert again.status_code == 400
    bad = _post(c, url, body | {"mode": "sideways"})
    assert bad.status_code == 422


def test_move_preview_lists_successors_and_apply_keeps_the_baseline(project, client_for):
    first = project.milestones.order_by("seq").first()
    c = client_for("leader")
    new = first.planned_date + dt.timedelta(days=21)
    preview = _post(c, f"/api/plans/milestones/{first.pk}/move", {"date": new.isoformat()})
    moves = preview.json()["moves"]
    assert preview.status_code == 200 and moves[0]["milestone"] == first.pk and len(moves) > 1
    assert Milestone.objects.get(pk=first.pk).planned_date == first.planned_date  # nothing saved
    done = _post(c, f"/api/plans/milestones/{first.pk}/move", {"date": new.isoformat(), "apply": True})
    assert done.status_code == 200
    m = Milestone.objects.get(pk=first.pk)
    assert m.planned_date == new and m.baseline_date == first.baseline_date
    detail = c.get(f"/api/plans/projects/{project.pk}").json()
    assert detail["slip"] > 0 and detail["milestones"][0]["id"] == first.pk
    assert _post(c, f"/api/plans/projects/{project.pk}/baseline", {}).json()["ok"]
    assert c.get(f"/api/plans/projects/{project.pk}").json()["slip"] <= 0


@pytest.mark.parametrize(
    ("who", "status"), [("office_b", 404), ("unit", 403), ("deputy", 403), ("county", 403), ("village", 403)]
)
def test_writes_are_refused_to_other_towns_and_roles(project, client_for, who, status):
    first = project.milestones.order_by("seq").first()
    c = client_for(who)
    new = (first.planned_date + dt.timedelta(days=30)).isoformat()
    assert (
        _post(c, f"/api/plans/milestones/{first.pk}/move", {"date": new, "apply": True}).status_code == status
    )
    assert _post(c, f"/api/plans/projects/{project.pk}/baseline", {}).status_code == status
    assert _post(c, f"/api/plans/plans/{project.plan_id}/meetings", {"date": new}).status_code == status
    assert Milestone.objects.get(pk=first.pk).planned_date == first.planned_date
    assert not Meeting.objects.exists()


def test_reads_follow_the_scope(project, client_for, client):
    assert client_for("county").get(f"/api/plans/projects/{project.pk}").status_code == 200
    assert client_for("deputy").get(f"/api/plans/plans/{project.plan_id}/wall").status_code == 200
    assert client_for("office_b").get(f"/api/plans/projects/{project.pk}").status_code == 404
    assert client_for("office_b").get(f"/api/plans/plans/{project.plan_id}/wall").status_code == 404
    assert client_for("village").get(f"/api/plans/projects/{project.pk}/milestones").status_code == 403
    assert client_for("deputy").get(f"/api/plans/plans/{project.plan_id}/meetings").status_code == 403
    assert client.get(f"/api/plans/projects/{project.pk}").status_code in (401, 403)
    assert client.get(f"/api/plans/plans/{project.plan_id}/wall").status_code in (401, 403)


def test_bounded_inputs_and_csrf(project, client_for, org):
    c = client_for("office")
    assert c.get("/api/plans/projects/99999999999999999999").status_code == 422
    assert c.get(f"/api/plans/plans/{project.plan_id}/wall?group=evil").status_code == 422
    first = project.milestones.order_by("seq").first()
    resp = _post(c, f"/api/plans/milestones/{first.pk}/move", {"date": "9999-12-31"})
    assert resp.status_code == 400  # outside the schedulable range, named
    strict = csrf_client(org.users["office"])
    strict.cookies.clear()
    resp = strict.post(f"/api/plans/projects/{project.pk}/baseline", "{}", content_type=J)
    assert resp.status_code == 403


def test_wall_data_carries_plan_baseline_actual_links_and_slippage(project, client_for):
    data = client_for("deputy").get(f"/api/plans/plans/{project.plan_id}/wall?group=leader").json()
    (row,) = data["projects"]
    assert row["id"] == project.pk and row["group"] == str(project.leader)
    ms = row["milestones"]
    assert ms[0]["baseline_date"] == ms[0]["planned_date"] and ms[0]["predecessors"] == []
    assert any(m["predecessors"] for m in ms[1:])


def test_meeting_decision_close_and_escalation_through_the_api(project, org, client_for):
    office = org.users["office"]
    u = services.update_create(
        owner=project, date=timezone.localdate(), text="x", problem="用地指标不足", needs_help=True, by=office
    )
    c = client_for("office")
    today = timezone.localdate().isoformat()
    m = _post(c, f"/api/plans/plans/{project.plan_id}/meetings", {"date": today}).json()
    agenda = c.get(f"/api/plans/meetings/{m['id']}").json()
    assert [p["update_id"] for p in agenda["problems"]] == [u.pk]
    esc = _post(c, f"/api/plans/updates/{u.pk}/escalate", {"text": "请县自然资源局支持"})
    assert esc.status_code == 200 and esc.json()["case_number"]
    assert _post(c, f"/api/plans/updates/{u.pk}/escalate", {}).status_code == 400  # once
    assert _post(client_for("office_b"), f"/api/plans/updates/{u.pk}/escalate", {}).status_code == 404
    unit = project.owner_unit
    d = _post(
        c,
        f"/api/plans/meetings/{m['id']}/decisions",
        {
            "text": "协调用地",
            "owner_unit_id": unit.pk,
            "deadline": today,
            "update_id": u.pk,
            "project_id": project.pk,
        },
    )
    assert d.status_code == 200
    other_unit = org.towns[1].units.first()
    bad = _post(
        c,
        f"/api/plans/meetings/{m['id']}/decisions",
        {"text": "x", "owner_unit_id": other_unit.pk, "deadline": today},
    )
    assert bad.status_code == 400
    assert (
        _post(client_for("unit"), f"/api/plans/decisions/{d.json()['id']}/close", {"note": "x"}).status_code
        == 403
    )
    closed = _post(client_for("unit_jfb"), f"/api/plans/decisions/{d.json()['id']}/close", {"note": "已落实"})
    assert closed.status_code == 200 and closed.json()["done_on"] == today
    assert Update.objects.get(pk=u.pk).resolved_on is not None
    assert Decision.objects.get().done_note == "已落实"


# --- CLI ---------------------------------------------------------------------------------------------


def test_cli_schedules_backwards_and_applies_as_a_town_user(plan, units, capsys):
    p = services.project_create(plan=plan, name="CLI项目", owner_unit=units["jfb"])
    assert main(["projects", "schedule", "--template", "industrial", "--on", f"{plan.year}-06-30"]) == 0
    steps = json.loads(capsys.readouterr().out)["steps"]
    assert steps[-1]["finish"] <= f"{plan.year}-06-30" and not p.milestones.exists()
    args = [
        "projects",
        "schedule",
        "--template",
        "industrial",
        "--on",
        f"{plan.year}-06-30",
        "--project",
        str(p.pk),
    ]
    assert main([*args, "--apply", "--user", "office_b"]) == 2  # another town: not found
    assert "not found" in capsys.readouterr().err
    assert main([*args, "--apply", "--user", "county"]) == 2
    assert not p.milestones.exists()
    assert main([*args, "--apply", "--user", "office"]) == 0
    assert p.milestones.count() == len(steps)
    assert p.milestones.first().history.first().history_user.username == "office"


def test_cli_exports_the_wall_as_csv_and_json_in_the_users_scope(project, tmp_path, capsys):
    out = tmp_path / "wall.csv"
    assert (
        main(
            [
                "projects",
                "wall",
                "--plan",
                str(project.plan_id),
                "--user",
                "county",
                "--format",
                "csv",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0][:2] == ["project_id", "project"] and len(rows) == 1 + project.milestones.count()
    assert main(["projects", "wall", "--plan", str(project.plan_id), "--user", "office_b"]) == 2
    assert main(["projects", "wall", "--plan", str(project.plan_id), "--user", "village"]) == 2
    capsys.readouterr()
    assert main(["projects", "wall", "--plan", str(project.plan_id), "--user", "deputy"]) == 0
    assert json.loads(capsys.readouterr().out)["projects"][0]["name"] == "智能装备项目"


def test_cli_refuses_bad_input_naming_the_option(project, capsys):
    first = project.milestones.order_by("seq").first()
    assert main(["projects", "move", "--milestone", str(first.pk), "--date", "soon", "--user", "office"]) == 2
    assert "--date" in capsys.readouterr().err
    assert (
        main(["projects", "move", "--milestone", str(first.pk), "--date", "2030-01-01", "--user", "nobody"])
        == 2
    )
    assert main(["projects", "schedule", "--template", "nope", "--on", "2030-01-01"]) == 2
    new = (first.planned_date + dt.timedelta(days=10)).isoformat()
    assert main(["projects", "move", "--milestone", str(first.pk), "--date", new, "--user", "unit"]) == 2
    assert Milestone.objects.get(pk=first.pk).planned_date == first.planned_date
    capsys.readouterr()
    args = ["projects", "move", "--milestone", str(first.pk), "--date", new, "--user", "office", "--apply"]
    assert main(args) == 0
    moved = json.loads(capsys.readouterr().out)["moves"][0]  # the finish lands on a working day
    assert moved["milestone"] == first.pk and moved["new_finish"] > first.planned_date.isoformat()
    assert Milestone.objects.get(pk=first.pk).planned_date.isoformat() == moved["new_finish"]


def test_cli_decisions_csv_is_formula_safe(project, org, tmp_path):
    m = Meeting.objects.create(plan=project.plan, date=timezone.localdate(), title="调度会")
    Decision.objects.create(
        meeting=m,
        project=project,
        text="=HYPERLINK(1)",
        owner_unit=project.owner_unit,
        deadline=timezone.localdate(),
    )
    out = tmp_path / "d.csv"
    assert (
        main(
            [
                "projects",
                "decisions",
                "--plan",
                str(project.plan_id),
                "--user",
                "county",
                "--open",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[1][3] == "'=HYPERLINK(1)"


# --- The wall chart page: spliced bytes, gzip with the chart compressed once ---------------------------


def test_the_gzipped_wall_page_is_the_same_page_and_secrets_stay_uncompressed(project, client_for):
    import gzip
    import zlib

    c = client_for("office")
    url = f"/plans/{project.plan_id}/gantt/?group=leader&q=%E6%99%BA"
    plain = c.get(url)
    zipped = c.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain and zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    page = gzip.decompress(zipped.content)
    # the same page apart from what differs per request (CSRF token, CSP nonces)
    strip = lambda b: re.sub(rb'("X-CSRFToken": |name="csrfmiddlewaretoken" value=)"[^"]+"', b"", b)  # noqa: E731
    assert strip(page) == strip(plain.content)
    assert b'class="wallchart"' in page and page.count(b"<svg") == plain.content.count(b"<svg") >= 1
    assert b"<!--wallchart-svg-->" not in page
    chart = page.index(b"</svg>", page.index(b'class="wallchart"')) - page.index(
        b'<svg xmlns="http://www.w3.org/2000/svg" class="wallchart"'
    )
    assert len(zipped.content) < len(page) - chart // 2  # the chart is compressed (the rest is stored)
    # the part before the chart (CSRF token, the reflected search text) is stored, not compressed
    raw = zlib.decompressobj(-15)
    body = zipped.content[10:]
    head_end = page.index(b"<svg")
    token = re.search(rb'"X-CSRFToken": "([^"]+)"', page).group(1)
    assert token in body[: head_end + 200]  # verbatim: no compression around the secret
    assert "智".encode() in body[: head_end + 200] and raw.decompress(body)[:head_end] == page[:head_end]


def test_the_wall_page_without_gzip_is_plain_and_complete(project, client_for):
    body = client_for("deputy").get(f"/plans/{project.plan_id}/gantt/").content
    assert body.count(b'<svg xmlns="http://www.w3.org/2000/svg" class="wallchart"') == 1
    assert body.rstrip().endswith(b"</html>") and b"<!--wallchart-svg-->" not in body
