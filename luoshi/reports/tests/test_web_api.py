"""The reports API: scoped list and detail, create from pasted text, same dedup as the pages."""

from __future__ import annotations

import json
from pathlib import Path

from luoshi.reports import services
from luoshi.reports.models import Report

DEMO = Path(services.__file__).resolve().parent / "demo"
YUNXI = (DEMO / "yunxi_2024.txt").read_text(encoding="utf-8")
BAILU = (DEMO / "bailu_2024.txt").read_text(encoding="utf-8")


def post(client, payload):
    return client.post("/api/reports/", json.dumps(payload), content_type="application/json")


def test_create_from_pasted_text_then_again_updates(client_for):
    c = client_for("office")
    r = post(c, {"text": YUNXI, "name": "粘贴"})
    assert r.status_code == 201, r.content
    data = r.json()
    assert data["created"] is True
    report = data["report"]
    assert report["town"] == "云溪镇" and report["plan_year"] == 2024
    assert report["fact_count"] == len(report["facts"]) > 20
    again = post(c, {"text": YUNXI})
    assert again.status_code == 200 and again.json()["created"] is False
    assert Report.objects.count() == 1


def test_create_is_refused_for_a_grid_worker_and_for_another_town(org, client_for):
    assert post(client_for("grid"), {"text": YUNXI}).status_code == 403
    r = post(client_for("office_b"), {"text": YUNXI, "town_id": org.towns[0].pk})
    assert r.status_code == 422
    r = post(client_for("office_b"), {"text": YUNXI})
    assert r.status_code == 422 and "云溪镇" in r.json()["detail"]
    assert not Report.objects.exists()


def test_list_and_detail_are_scoped(org, client_for):
    post(client_for("office"), {"text": YUNXI})
    post(client_for("office_b"), {"text": BAILU})
    yunxi = Report.objects.get(town=org.towns[0])
    listed = client_for("office_b").get("/api/reports/").json()
    assert listed["count"] == 1 and listed["items"][0]["town"] == "白鹭街道"
    assert client_for("county").get("/api/reports/").json()["count"] == 2
    assert client_for("office_b").get(f"/api/reports/{yunxi.pk}").status_code == 404
    detail = client_for("deputy").get(f"/api/reports/{yunxi.pk}").json()
    fact = detail["facts"][0]
    assert {"metric", "value", "unit", "quote", "start", "end"} <= set(fact)
    assert detail["meta"]["jurisdiction"] == "云溪镇"


def test_anonymous_gets_401(db, client):
    assert client.get("/api/reports/").status_code == 401
