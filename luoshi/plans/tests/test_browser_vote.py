"""End to end on a phone-sized screen: the chair opens the secret vote and keeps the round code, three
deputies vote and keep their trackers, the chair seals with the code, a deputy finds their ballot."""

from __future__ import annotations

import re

import pytest

from luoshi.org.demo import load_org
from luoshi.org.models import Unit
from luoshi.org.testing import browser_login
from luoshi.plans import services
from luoshi.plans.demo import _deputies

from .conftest import round_at_vote

pytestmark = pytest.mark.django_db(transaction=True)


def name_chair(page, live_server, round_url: str, quorum: int) -> None:
    """The office names the demo deputy as chair and sets the quorum (before the poll opens)."""
    browser_login(page, live_server, "office")
    page.goto(round_url)
    page.click("#poll-vote summary:has-text('主持人')")
    page.select_option("#poll-vote select[name=chair]", label="人大代表 刘芳")
    page.fill("#poll-vote input[name=quorum]", str(quorum))
    page.click("[data-testid=poll-configure-vote]")


def open_as_chair(page, live_server, round_url: str, shot: str = "") -> str:
    browser_login(page, live_server, "deputy")
    page.goto(round_url)
    page.click("[data-testid=poll-open-vote]")
    code = page.inner_text("[data-testid=round-code]").strip()
    if shot:
        page.screenshot(path=shot, full_page=True)
    page.click("[data-testid=code-done]")
    return code


def cast(page, live_server, round_url: str, username: str, choices: list[str], shot: str = "") -> str:
    browser_login(page, live_server, username)
    page.goto(round_url)
    page.click("[data-testid=go-vote-vote]")
    page.wait_for_selector("[data-testid=ballot-form]")
    for fieldset, choice in zip(page.locator("fieldset").all(), choices, strict=True):
        fieldset.locator(f"input[value={choice}]").check()
    page.click("[data-testid=cast]")
    tracker = page.inner_text("[data-testid=tracker]").strip()
    if shot:
        page.screenshot(path=shot, full_page=True)
    page.click("[data-testid=receipt-done]")
    assert page.locator("[data-testid=has-voted-vote]").count() == 1
    return tracker


def seal_as_chair(page, live_server, round_url: str, code: str) -> None:
    browser_login(page, live_server, "deputy")
    page.goto(round_url)
    page.fill("[data-testid=seal-form-vote] input[name=code]", code.lower().replace("-", " "))
    page.click("[data-testid=poll-seal-vote]")
    page.wait_for_selector("[data-testid=poll-sealed-vote]")


def test_three_deputies_vote_on_a_phone_the_chair_seals_and_a_deputy_finds_their_ballot(
    page, live_server, tmp_path
):
    ctx = load_org()
    yunxi = ctx.towns[0]
    _deputies(yunxi, "deputy", 3, 2, "王李张")  # deputy2..deputy4 (+ deputy, the chair: 4 deputies)
    plan = services.plan_create(town=yunxi, year=2031, by=ctx.users["office"])
    units = {u.code: u for u in Unit.objects.filter(town=yunxi)}
    round_at_vote(plan, ctx.users["office"], units, n_candidates=3, seats=2)
    round_url = f"{live_server.url}/plans/{plan.pk}/livelihood/"
    page.set_viewport_size({"width": 390, "height": 844})
    page.on("dialog", lambda d: d.accept())

    name_chair(page, live_server, round_url, quorum=3)
    code = open_as_chair(page, live_server, round_url, shot=str(tmp_path / "code.png"))
    assert re.fullmatch(r"([2-9A-HJKMNP-Z]{5}-){3}[2-9A-HJKMNP-Z]{5}", code)

    votes = {
        "deputy2": ["agree", "agree", "disagree"],
        "deputy3": ["agree", "disagree", "agree"],
    }
    trackers = {u: cast(page, live_server, round_url, u, c) for u, c in votes.items()}
    # Below the quorum (2 of 3) the chair cannot seal; the page says so.
    browser_login(page, live_server, "deputy")
    page.goto(round_url)
    assert "未达到" in page.inner_text("[data-testid=quorum-vote]")
    assert page.locator("[data-testid=poll-seal-vote]").is_disabled()
    trackers["deputy4"] = cast(
        page,
        live_server,
        round_url,
        "deputy4",
        ["agree", "agree", "abstain"],
        shot=str(tmp_path / "receipt.png"),
    )
    page.goto(round_url)
    page.screenshot(path=str(tmp_path / "voting.png"), full_page=True)
    assert "已投票 3 / 应到 4" in page.inner_text("[data-testid=quorum-vote]")
    assert not any(t in page.content() for t in trackers.values())

    seal_as_chair(page, live_server, round_url, code)
    published = page.locator("[data-testid=published-vote]").text_content()  # inside a closed <details>
    assert all(t in published for t in trackers.values())
    listed = re.findall(r"[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}", published)
    assert listed == sorted(listed) and len(listed) == 3
    assert "核验通过" in page.inner_text("[data-testid=recount-vote]")
    assert "全体代表 4 人" in page.inner_text("[data-testid=rule]")

    browser_login(page, live_server, "deputy3")
    page.goto(round_url)
    sent = []  # every URL and Referer the browser sends from here on
    page.on("request", lambda req: sent.append(f"{req.url} {req.headers.get('referer', '')}"))
    page.fill("[data-testid=find-form-vote] input[name=tracker]", trackers["deputy3"].lower())
    with page.expect_response(lambda resp: "/find/" in resp.url) as answer:
        page.click("[data-testid=find-form-vote] button")
    assert "no-store" in answer.value.headers["cache-control"]
    found = page.inner_text("[data-testid=found-vote]")
    assert trackers["deputy3"] in found and "赞成 · 反对 · 赞成" in found
    with page.expect_navigation():
        page.locator("nav.breadcrumbs a").last.click()  # the next click sends the answer's address as Referer
    assert any("/find/" in x.split(" ", 1)[1] for x in sent), sent
    assert not [x for x in sent if trackers["deputy3"].lower() in x.lower()], sent
    page.screenshot(path=str(tmp_path / "found.png"), full_page=True)
    print(f"screenshots in {tmp_path}")
