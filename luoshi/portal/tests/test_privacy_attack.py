"""The attacker's test of the privacy allow-list (``luoshi.portal.policy``).

Over the demo data plus planted canaries (a resident's name, phone, ID number and door-level
address inside a published case; a proposer; a project leader's account; an internal progress note;
an indicator value's note; an unpublished report, indicator and draft document), collect every
personal or non-public value from the database with plain queries, then fetch every public page
(crawled from /portal/ without login), every download of every area and every API answer, and
fail if any collected value appears in any of them.

One honest exception: a published work report is a public document and names its speaker (the
town head, also a user here): values found in a published report's own text are allowed on the
report viewer and in the report-facts download only.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.utils import timezone

from luoshi.org.tests.test_crawl import visible_text

pytestmark = pytest.mark.django_db

PLANTED = {
    "name": "欧阳铁柱",
    "phone": "13912345678",
    "id": "11010519491231002X",
    "door": "桃源路18号3栋2单元501室",
    "proposer": "上官小红",
    "leader": "诸葛明亮",
    "leader_phone": "13700002222",
    "username": "zhuge_mingliang88",
    "investor": "欧阳置业有限公司",
    "update": "资金缺口需县里协调QZX",
    "note": "内部口径说明QJX",
    "draft": "草稿正文不得公开DRAFTXYZ",
    "secret_report": "未公开的工作报告标题RPT",
    "private_note": "内部备注勿外传NOTE",
}


def plant(world_towns):
    from django.contrib.auth.hashers import make_password

    from luoshi.accounts.models import Indicator, IndicatorValue
    from luoshi.cases import services as case_services
    from luoshi.cases.models import CaseEvent
    from luoshi.org.models import User
    from luoshi.plans.models import Project, Proposal, Update
    from luoshi.portal import services
    from luoshi.portal.models import DisclosureItem
    from luoshi.reports.models import Report

    town = world_towns[0]
    case = case_services.case_create(
        case_type="public",
        title="路灯不亮",
        content=f"我是{PLANTED['name']}，身份证{PLANTED['id']}，电话{PLANTED['phone']}，住{PLANTED['door']}，门口路灯不亮。",
        town=town,
        address=f"云溪镇{PLANTED['door']}",
        contact_name=PLANTED["name"],
        contact_phone=PLANTED["phone"],
        actor=None,
        actor_label="群众",
    )
    CaseEvent.objects.create(case=case, kind="progress", at=case.received_at, note=PLANTED["private_note"])
    leader = User.objects.create(
        username=PLANTED["username"],
        full_name=PLANTED["leader"],
        phone=PLANTED["leader_phone"],
        password=make_password(None),
    )
    project = Project.objects.filter(
        plan__town=town, plan__year=timezone.localdate().year, kind="key"
    ).first()  # the year the portal shows
    Project.objects.filter(pk=project.pk).update(leader=leader, investor=PLANTED["investor"])
    Update.objects.create(
        plan=project.plan,
        project=project,
        date=project.plan.created_at.date(),
        text=PLANTED["update"],
        problem=PLANTED["update"],
        author=leader,
    )
    proposal = Proposal.objects.filter(round__plan__town=town).first()
    Proposal.objects.filter(pk=proposal.pk).update(
        proposer=PLANTED["proposer"], title=f"修缮{PLANTED['proposer']}家门前道路", content=PLANTED["update"]
    )
    IndicatorValue.objects.filter(town=town).update(note=PLANTED["note"], source_document=PLANTED["note"])
    Report.objects.create(
        town=town, title=PLANTED["secret_report"], content_hash="x" * 64, text=PLANTED["secret_report"]
    )
    item = DisclosureItem.objects.filter(town=town).first()
    office = User.objects.get(username="office")
    services.document_create(item=item, title=PLANTED["draft"], body=PLANTED["draft"], by=office)
    unpublished = Indicator.objects.create(
        code="secret-ind-qqq", name="内部考核指标QQQ", definition="内部", source="manual"
    )
    IndicatorValue.objects.create(
        indicator=unpublished,
        town=town,
        period="2026",
        value=123456.789,
        definition_version="1",
        entered_at=case.received_at,
        note="x",
    )
    return case


def personal_values() -> tuple[set[str], set[str]]:
    """(values to find as substrings, account names to find as whole tokens), read with plain queries."""
    from django.db import connection

    from luoshi.lib.masking import public_address

    values: set[str] = set(v for k, v in PLANTED.items() if k != "username")
    tokens: set[str] = set()
    with connection.cursor() as cur:
        cur.execute("SELECT username, full_name, phone, email FROM org_user")
        for username, full_name, phone, email in cur.fetchall():
            tokens.add(username)
            values.update(v for v in (full_name, phone, email) if v and len(v) >= 2)
        cur.execute(
            "SELECT c.contact_name, c.contact_phone, c.address, c.rating_reason, c.title, c.content, t.public, t.code"
            " FROM cases_case c JOIN cases_casetype t ON t.id = c.case_type_id"
        )
        for name, phone, address, reason, title, content, public, code in cur.fetchall():
            values.update(v for v in (name, phone, reason) if v and len(v) >= 2)
            if address and public_address(address) != address:
                values.add(address)  # the door-level address (the public one is cut before the door)
            if not public or code in ("petition", "dispute", "hazard"):
                values.update(v for v in (title, content) if v and len(v) >= 6)
            values.update(re.findall(r"\d{17}[\dXx]|1[3-9]\d{9}", content or ""))
        cur.execute("SELECT note FROM cases_caseevent WHERE note_public = %s AND note <> ''", [False])
        values.update(n for (n,) in cur.fetchall() if len(n) >= 8)
        cur.execute(
            "SELECT name FROM org_unit UNION SELECT name FROM org_village UNION SELECT name FROM org_town"
        )
        bodies = {v for (v,) in cur.fetchall()}  # public bodies named as proposer or helper: not persons
        cur.execute("SELECT proposer FROM plans_proposal WHERE proposer <> ''")
        values.update(v for (v,) in cur.fetchall())
        cur.execute("SELECT investor FROM plans_project WHERE investor <> ''")
        values.update(v for (v,) in cur.fetchall())
        cur.execute("SELECT text, problem, help_from FROM plans_update")
        for row in cur.fetchall():
            values.update(v for v in row if v and len(v) >= 6)
        cur.execute("SELECT note, source_document FROM accounts_indicatorvalue")
        for row in cur.fetchall():
            values.update(v for v in row if v and len(v) >= 6)
        cur.execute(
            "SELECT title, body, review_note FROM portal_disclosuredocument WHERE state <> 'published'"
        )
        for row in cur.fetchall():
            values.update(v for v in row if v and len(v) >= 6)
        cur.execute(
            "SELECT title FROM reports_report WHERE id NOT IN (SELECT report_id FROM portal_publishedreport)"
        )
        values.update(v for (v,) in cur.fetchall())
        cur.execute(
            "SELECT name FROM accounts_indicator WHERE id NOT IN (SELECT indicator_id FROM portal_publishedindicator)"
            " AND code = 'secret-ind-qqq'"
        )
        values.update(v for (v,) in cur.fetchall())
    return values - bodies, tokens


def published_text() -> str:
    from luoshi.reports.models import Report

    return "\n".join(Report.objects.filter(publication__isnull=False).values_list("text", flat=True))


def normalise(resp) -> tuple[str, list[str]]:
    """The response as text a reader (or a program) gets, and its atoms for token checks."""
    ctype = resp.get("Content-Type", "")
    if "wordprocessingml" in ctype:  # a document's .docx: its text, title and author as Word shows them
        from docx import Document

        doc = Document(io.BytesIO(resp.content))
        props = doc.core_properties
        text = "\n".join([p.text for p in doc.paragraphs] + [props.title or "", props.author or ""])
        return text, re.findall(r"[A-Za-z0-9_]+", text)
    body = resp.content.decode("utf-8-sig")
    if "json" in ctype:
        data = json.loads(body)
        atoms: list[str] = []

        def walk(x):
            if isinstance(x, dict):
                for k, v in x.items():
                    if k != "fields":  # the column list (keys such as "unit"), not data
                        walk(v)
            elif isinstance(x, list):
                for v in x:
                    walk(v)
            elif x is not None:
                atoms.append(str(x))

        walk(data)
        return json.dumps(data, ensure_ascii=False), atoms
    if "csv" in ctype:
        return body, [cell for row in csv.reader(io.StringIO(body)) for cell in row]
    return html.unescape(body), re.findall(r"[A-Za-z0-9_]+", visible_text(body))


def public_responses(client: Client) -> dict[str, object]:
    from luoshi.portal.selectors import areas, datasets

    seen: dict[str, object] = {}
    todo = ["/portal/"]
    while todo:
        url = todo.pop(0)
        if url in seen:
            continue
        resp = client.get(url)
        seen[url] = resp
        if resp.status_code != 200 or "html" not in resp.get("Content-Type", ""):
            continue
        for href in re.findall(r'href="([^"#]+)"', resp.content.decode()):
            target = urljoin(url, html.unescape(href))
            parts = urlsplit(target)
            if (
                parts.netloc
                or not parts.path.startswith("/portal/")
                or parts.path.startswith("/portal/manage")
            ):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if path not in seen and path not in todo:
                todo.append(path)
    for a in areas():
        for key in datasets():
            for fmt in ("csv", "json"):
                url = f"/portal/{a.code}/data/{key}.{fmt}"
                seen.setdefault(url, client.get(url))
            url = f"/api/portal/areas/{a.code}/datasets/{key}"
            seen[url] = client.get(url)
        seen[f"/api/portal/areas/{a.code}/catalogue"] = client.get(f"/api/portal/areas/{a.code}/catalogue")
    for url in ("/api/portal/areas", "/api/portal/datasets"):
        seen[url] = client.get(url)
    return seen


def test_no_personal_value_in_any_public_page_download_or_api_answer():
    from luoshi.org.demo import load_demo
    from luoshi.org.models import Town

    load_demo()
    case = plant(list(Town.objects.order_by("code")))
    values, tokens = personal_values()
    assert {PLANTED["name"], PLANTED["phone"], PLANTED["draft"], "镇长 林晓"} <= values
    assert PLANTED["username"] in tokens
    report_text = published_text()

    responses = public_responses(Client())
    assert len(responses) > 60, len(responses)
    bad = {u: r.status_code for u, r in responses.items() if r.status_code != 200}
    assert not bad, bad
    leaks: dict[str, list[str]] = {}
    for url, resp in responses.items():
        text, atoms = normalise(resp)
        exempt = (
            url.startswith("/portal/reports/") or "/data/facts." in url or url.endswith("/datasets/facts")
        )
        found = [v for v in values if v in text and not (exempt and v in report_text)]
        found += sorted(set(atoms) & tokens)
        if found:
            leaks[url] = sorted(found)[:8]
    assert not leaks, sorted(leaks.items())[:12]

    # the planted case is public (its type is published) — masked, at street level
    page = responses["/portal/369901100/cases/"].content.decode()
    assert case.number in page and "桃源路" in page


def test_the_attack_finds_a_leak_when_one_is_planted_in_a_public_field(monkeypatch):
    """The test above would fail if the policy let a personal field through: show a leader's name."""
    from luoshi.org.demo import load_demo
    from luoshi.org.models import Town
    from luoshi.portal import policy

    load_demo()
    plant(list(Town.objects.order_by("code")))
    values, _tokens = personal_values()
    leaky = dict(policy.PUBLIC_FIELDS)
    leaky["plans.Project"] = (*leaky["plans.Project"], policy.Pub("leader.full_name", "挂钩领导"))
    monkeypatch.setattr(policy, "PUBLIC_FIELDS", leaky)
    text, _atoms = normalise(Client().get("/portal/369901100/data/projects.csv"))
    assert PLANTED["leader"] in text and PLANTED["leader"] in values
