"""The writer's pages: who may write which town's report (the attacks), editing wording, regenerating
with refreshed numbers, versions, provenance links and the .docx download."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from luoshi.accounts import periods
from luoshi.accounts import services as accounts_services
from luoshi.accounts.models import Indicator
from luoshi.plans import demo as plans_demo
from luoshi.reports.models import Draft
from luoshi.reports.writer import demo as writer_demo
from luoshi.reports.writer import services

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year


@pytest.fixture
def world(org):
    plans_demo.load(org)
    writer_demo.load(org)
    return org


def text(body: str) -> str:
    return re.sub(r"<[^>]+>", "", body)


def draft_of(org, n=0) -> Draft:
    return services.draft_generate(town=org.towns[n], year=YEAR, by=org.users["office"])


def test_office_writes_its_town_and_every_number_links_to_its_provenance(world, client_for):
    c = client_for("office")
    r = c.post(reverse("reports:write"), {"town": world.towns[0].pk, "year": YEAR})
    assert r.status_code == 302
    draft = Draft.objects.get(town=world.towns[0], year=YEAR)
    body = c.get(r["Location"]).content.decode()
    assert "云溪镇人民政府工作报告" in text(body) and f"{YEAR}年工作回顾" in text(body)
    fig = next(
        f for f in draft.composition["fields"].values() if f["url"].startswith("/indicators/") and f["value"]
    )
    assert f'href="{fig["url"]}" data-field="{fig["key"]}"' in body
    assert c.get(fig["url"]).status_code == 200  # the provenance page opens for the writer


@pytest.mark.parametrize("persona", ["unit", "jingfa", "deputy", "village", "grid"])
def test_other_roles_cannot_write_or_read_drafts(world, client_for, persona):
    draft = draft_of(world)
    c = client_for(persona)
    assert c.get(reverse("reports:write")).status_code == 403
    assert c.post(reverse("reports:write"), {"town": world.towns[0].pk, "year": YEAR}).status_code == 403
    for name in ("reports:draft", "reports:draft_docx"):
        assert c.get(reverse(name, args=[draft.pk])).status_code == 403
    assert c.post(reverse("reports:draft_regenerate", args=[draft.pk])).status_code == 403
    assert Draft.objects.get(pk=draft.pk).version == 1


def test_another_towns_office_gets_404_and_cannot_write_for_it(world, client_for):
    draft = draft_of(world, 0)  # 云溪镇
    c = client_for("office_b")  # 白鹭街道
    for name in ("reports:draft", "reports:draft_docx"):
        assert c.get(reverse(name, args=[draft.pk])).status_code == 404
    key = "review.overview"
    assert c.get(reverse("reports:draft_block", args=[draft.pk, key])).status_code == 404
    assert c.post(reverse("reports:draft_block", args=[draft.pk, key]), {"template": "改"}).status_code == 404
    assert c.post(reverse("reports:draft_regenerate", args=[draft.pk])).status_code == 404
    assert c.post(reverse("reports:draft_block_reset", args=[draft.pk, key])).status_code == 404
    r = c.post(reverse("reports:write"), {"town": world.towns[0].pk, "year": YEAR})
    assert r.status_code == 400 and "town" in r.context["form"].errors  # not offered, refused by name
    assert Draft.objects.get(pk=draft.pk).version == 1 and not draft.edits


def test_anonymous_is_sent_to_login(world, client):
    draft = draft_of(world)
    for url in (reverse("reports:write"), reverse("reports:draft", args=[draft.pk])):
        r = client.get(url)
        assert r.status_code == 302 and "login" in r["Location"]


def test_county_writes_for_every_town_of_its_county(world, client_for):
    c = client_for("county")
    for town in world.towns:
        assert c.post(reverse("reports:write"), {"town": town.pk, "year": YEAR}).status_code == 302
    assert Draft.objects.count() == 2


def test_bad_year_is_a_form_error_not_a_500(world, client_for):
    c = client_for("office")
    for year in ("abc", "1800", "99999999999999999999"):
        r = c.post(reverse("reports:write"), {"town": world.towns[0].pk, "year": year})
        assert r.status_code == 400 and "year" in r.context["form"].errors


def test_edit_keeps_wording_through_regeneration_which_refreshes_the_number(world, client_for):
    town = world.towns[0]
    ind = Indicator.objects.get(code="budget-revenue")
    period = periods.Period(YEAR, periods.MONTH, 11).key
    accounts_services.value_record(
        indicator=ind,
        town=town,
        period=period,
        value=1.11,
        source_document="财政所台账",
        by=world.users["office"],
    )
    draft = draft_of(world)
    key = next(k for k, f in draft.composition["fields"].items() if f["url"].endswith(f"/{period}/"))
    block = next(b for b in draft.composition["blocks"] if "{{" + key + "}}" in b["template"])
    c = client_for("office")
    url = reverse("reports:draft_block", args=[draft.pk, block["key"]])
    # a typed number is refused, naming the problem; nothing is saved
    r = c.post(url, {"template": "一般公共预算收入完成1.11亿元。"})
    assert r.status_code == 400 and "数字须来自字段" in r.content.decode()
    wording = "财政收入稳中有进，一般公共预算收入达到{{" + key + "}}，实属不易。"
    assert c.post(url, {"template": wording}).status_code == 302
    page = c.get(reverse("reports:draft", args=[draft.pk])).content.decode()
    assert "一般公共预算收入达到1.11亿元，实属不易" in text(page)
    # a corrected statistic: regenerating refreshes the number inside the edited wording
    accounts_services.value_record(
        indicator=ind,
        town=town,
        period=period,
        value=1.19,
        source_document="财政所更正",
        by=world.users["office"],
    )
    assert c.post(reverse("reports:draft_regenerate", args=[draft.pk])).status_code == 302
    body = c.get(reverse("reports:draft", args=[draft.pk])).content.decode()
    assert "一般公共预算收入达到1.19亿元，实属不易" in text(body)
    draft.refresh_from_db()
    assert draft.version == 3 and draft.history.count() == 3  # generated, edited, regenerated
    # the .docx carries the edited wording with the new number
    data = c.get(reverse("reports:draft_docx", args=[draft.pk])).content
    words = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "一般公共预算收入达到1.19亿元，实属不易" in words
    # reset: the generated wording is back
    assert c.post(reverse("reports:draft_block_reset", args=[draft.pk, block["key"]])).status_code == 302
    draft.refresh_from_db()
    assert block["key"] not in draft.edits and draft.version == 4


def test_unknown_block_is_404(world, client_for):
    draft = draft_of(world)
    assert (
        client_for("office").get(reverse("reports:draft_block", args=[draft.pk, "nope"])).status_code == 404
    )
