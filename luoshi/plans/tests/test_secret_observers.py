"""Attack: before sealing, nothing any observer can see depends on the ballots cast; after it, no
request line, Referer or log line carries a deputy's tracker (what the web server logs, joined with the
sign-in log, would link a deputy to their published choices).

"Two worlds": the same deputies cast different ballots (all agree, all disagree, distinct ballots in a
permuted order). Every page and API answer visible to every persona (office, leader, unit, county, admin,
the chair, each deputy, anonymous) must be byte-identical across worlds once CSRF tokens (and the
caster's own one-time tracker) are removed. Then a brute force: for every possible ballot, every
digest or fingerprint the code can compute must appear in none of those answers.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import re
from html.parser import HTMLParser
from unittest import mock

import pytest
from django.core.signals import request_started
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from luoshi.org.audit import history_url
from luoshi.plans import polls, secret, voting

from .conftest import make_deputies, round_at_vote

FIXED = timezone.now().replace(second=0, microsecond=0)  # a frozen clock (sessions stay valid)
CSRF = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"'), 'name="csrfmiddlewaretoken" value=""'),
    (re.compile(r'"X-CSRFToken": "[^"]+"'), '"X-CSRFToken": ""'),
]
TRACKER = re.compile(r'data-testid="tracker">[A-Z0-9-]+<')
OPTIONS = ("agree", "disagree", "abstain")
N_DEPUTIES = 8


def _clean(body: bytes) -> str:
    text = body.decode("utf-8", "replace")
    for pattern, repl in CSRF:
        text = pattern.sub(repl, text)
    return TRACKER.sub('data-testid="tracker"><', text)


@pytest.fixture
def scene(org, plan, units, yunxi):
    office = org.users["office"]
    deputies = make_deputies(yunxi, N_DEPUTIES)
    r = round_at_vote(plan, office, units, n_candidates=3, seats=2)
    poll = r.polls.get(kind="vote")
    polls.poll_configure(poll=poll, chair=org.users["deputy"], quorum=5, by=office)
    clients = {}
    for name in ("office", "leader", "unit", "county", "admin", "deputy", "office_b", "village"):
        clients[name] = Client()
        clients[name].force_login(org.users[name])
    for d in deputies:
        clients[d.username] = Client()
        clients[d.username].force_login(d)
    clients["anonymous"] = Client()
    candidates = list(r.candidates.order_by("id"))
    return {
        "round": r,
        "poll": poll,
        "deputies": deputies,
        "clients": clients,
        "candidates": candidates,
        "org": org,
    }


def _urls(s) -> list[tuple[str, str, str]]:
    r, p = s["round"], s["poll"]
    urls = [
        ("get", "/", ""),
        ("get", reverse("plans:round", args=[r.plan_id]), ""),
        ("post", reverse("plans:poll_find", args=[p.pk]), ""),
        ("get", reverse("plans:print", args=[r.plan_id]), ""),
        ("get", reverse("plans:board", args=[r.plan_id]), ""),
        ("get", reverse("plans:poll_ballot", args=[p.pk]), ""),
        ("get", f"/api/plans/polls/{p.pk}", ""),
        ("get", f"/api/plans/rounds/{r.pk}/verify", ""),
        ("post", reverse("plans:verify", args=[r.pk]), ""),
        ("get", history_url(r), ""),
        ("get", history_url(p), ""),
    ]
    urls += [("get", reverse("plans:livelihood", args=[c.pk]), "") for c in s["candidates"]]
    urls += [("get", history_url(c), "") for c in s["candidates"]]
    return urls


def _world(s, ballots: list[tuple[int, ...]]) -> dict[tuple[str, str], str]:
    """Open the poll, cast ``ballots`` (deputy i casts ballots[i]) through the web, record what everyone sees.

    Runs in a savepoint that is rolled back, with a fixed clock, so the next world starts from the same state.
    """
    seen: dict[tuple[str, str], str] = {}
    with mock.patch("django.utils.timezone.now", return_value=FIXED), transaction.atomic():
        p = s["poll"]
        polls.poll_open(poll=p, by=s["org"].users["deputy"])
        for d, ballot in zip(s["deputies"], ballots, strict=True):
            form = {f"c{c.pk}": OPTIONS[k] for c, k in zip(s["candidates"], ballot, strict=True)}
            resp = s["clients"][d.username].post(reverse("plans:poll_ballot", args=[p.pk]), form)
            assert resp.status_code == 200 and b'data-testid="tracker"' in resp.content
            seen[(d.username, "cast-receipt")] = _clean(resp.content)
        for persona, client in s["clients"].items():
            for method, url, _ in _urls(s):
                resp = getattr(client, method)(url)
                seen[(persona, url)] = f"{resp.status_code}\n{_clean(resp.content)}"
        transaction.set_rollback(True)
    return seen


def _diff(a: dict, b: dict) -> list[str]:
    assert a.keys() == b.keys()
    return [f"{k}: {a[k][:0]}" for k in a if a[k] != b[k]]


ALL_AGREE = [(0, 0, 0)] * N_DEPUTIES
ALL_DISAGREE = [(1, 1, 1)] * N_DEPUTIES
DISTINCT = [(i % 3, (i // 3) % 3, (i + 1) % 3) for i in range(N_DEPUTIES)]


def test_every_page_and_api_answer_is_identical_whatever_the_ballots(scene):
    a = _world(scene, ALL_AGREE)
    b = _world(scene, ALL_DISAGREE)
    c = _world(scene, DISTINCT)
    d = _world(scene, DISTINCT[::-1])  # same ballots, cast in the opposite order
    assert len(a) > 250, "the observers saw too little to make the comparison meaningful"
    assert any('data-testid="quorum-vote"' in v and "8 / 应到 9" in v for v in a.values())
    for other in (b, c, d):
        differing = [k for k in a if a[k] != other[k]]
        assert not differing, f"ballot-dependent answers: {differing[:10]}"


def _fingerprints(s, ballots_so_far: list[tuple[int, ...]]) -> set[str]:
    """Every digest or fingerprint the code can compute over one possible ballot, or over the casts so far."""
    p, r = s["poll"], s["round"]
    ids = [c.pk for c in s["candidates"]]
    out: set[str] = set()
    zero = b"\x00" * secret.NONCE_BYTES
    for ballot in itertools.product(range(3), repeat=len(ids)):
        payload = secret.encode(ballot, zero)
        out.add(secret.tracker(payload))  # a tracker without a real nonce
        out.add(hashlib.sha256(payload).hexdigest())
        as_dict = {str(i): OPTIONS[k] for i, k in zip(ids, ballot, strict=True)}
        out.add(
            hashlib.sha256(json.dumps(as_dict, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
        )
        out.add(voting.seal_digest(round_id=r.pk, mode=r.mode, ballots=[as_dict]))  # the old leaking digest
        opened = secret.Opened(secret.tracker(payload), zero.hex(), ballot)
        out.add(
            secret.seal_digest(
                poll=p.pk, kind=p.kind, items=ids, ballots=[opened], tallies=secret.count([ballot], 3)
            )
        )
    for n in range(1, len(ballots_so_far) + 1):
        cast = ballots_so_far[:n]
        dicts = [{str(i): OPTIONS[k] for i, k in zip(ids, b, strict=True)} for b in cast]
        tallies = voting.count_ballots(dicts, ids).values()
        out.add(voting.seal_digest(round_id=r.pk, mode=r.mode, ballots=dicts, tallies=tallies))
        out.add(voting.seal_digest(round_id=r.pk, mode=r.mode, ballots=dicts))
    return out


def test_no_fingerprint_of_any_possible_ballot_appears_anywhere_before_sealing(scene):
    seen = _world(scene, DISTINCT)
    blob = "\n".join(seen.values())
    prints = _fingerprints(scene, DISTINCT)
    assert len(prints) > 3**3 * 4
    leaked = [f for f in prints if f in blob or f[:20] in blob or f[:12] in blob]
    assert not leaked, leaked[:5]
    # And no 64-hex digest of any kind is shown before sealing.
    assert not re.search(r"\b[0-9a-f]{64}\b", blob)


class _Forms(HTMLParser):
    """The forms and links of a page, as a browser would submit and follow them."""

    def __init__(self):
        super().__init__()
        self.forms: dict[str, dict] = {}
        self.urls: list[str] = []
        self._form: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("a", "link", "script", "img") and (a.get("href") or a.get("src")):
            self.urls.append(a.get("href") or a.get("src"))
        if tag == "form":
            self._form = {
                "method": (a.get("method") or "get").lower(),
                "action": a.get("action", ""),
                "fields": {},
            }
            self.urls.append(self._form["action"])
            self.forms[a.get("data-testid", "")] = self._form
        elif tag == "input" and self._form is not None and a.get("name"):
            self._form["fields"][a["name"]] = a.get("value") or ""

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _page(body: bytes) -> _Forms:
    parsed = _Forms()
    parsed.feed(body.decode())
    return parsed


def test_find_my_ballot_puts_the_tracker_in_no_url_log_line_or_cache(scene, caplog):
    """A deputy casts through the web, the chair seals, the deputy looks the tracker up on the round page.

    Everything the server saw (request lines: path and query, the Referer a browser would send from the
    answer page) and every log record at any level must be free of the tracker, and the answer must not
    be stored by the browser or a proxy (no-store).
    """
    s = scene
    p, r, deputy = s["poll"], s["round"], s["deputies"][0]
    code = polls.poll_open(poll=p, by=s["org"].users["deputy"])
    client = s["clients"][deputy.username]
    seen: list[dict] = []

    def saw(sender, environ, **kwargs):
        seen.append(
            {k: environ.get(k, "") for k in ("REQUEST_METHOD", "PATH_INFO", "QUERY_STRING", "HTTP_REFERER")}
        )

    request_started.connect(saw)
    caplog.set_level(logging.DEBUG)
    try:
        form = {f"c{c.pk}": OPTIONS[k] for c, k in zip(s["candidates"], DISTINCT[0], strict=True)}
        receipt = client.post(reverse("plans:poll_ballot", args=[p.pk]), form)
        tracker = re.search(r'data-testid="tracker">([A-Z0-9-]+)<', receipt.content.decode()).group(1)
        for d, ballot in zip(s["deputies"][1:5], DISTINCT[1:5], strict=True):
            polls.ballot_cast(
                poll=p,
                deputy=d,
                choices={c.pk: OPTIONS[k] for c, k in zip(s["candidates"], ballot, strict=True)},
            )
        polls.poll_seal(poll=p, code=code, by=s["org"].users["deputy"])

        round_url = reverse("plans:round", args=[r.plan_id])
        page = client.get(round_url)
        find = _page(page.content).forms["find-form-vote"]
        find["fields"]["tracker"] = tracker.lower()  # typed by hand
        action = find["action"].split("#")[0] or round_url
        answer = getattr(client, find["method"])(action, find["fields"], HTTP_REFERER=round_url)
        # The browser's next click sends the answer page's address as its Referer.
        client.get(round_url, HTTP_REFERER=action)
    finally:
        request_started.disconnect(saw)

    assert answer.status_code == 200
    assert f"<code>{tracker}</code>" in answer.content.decode().split('data-testid="found-vote"')[1][:400]
    assert "no-store" in answer["Cache-Control"]
    assert "no-store" in receipt["Cache-Control"]
    lines = [f"{e['REQUEST_METHOD']} {e['PATH_INFO']}?{e['QUERY_STRING']} {e['HTTP_REFERER']}" for e in seen]
    assert len(lines) >= 4
    needles = {tracker, tracker.lower(), tracker.replace("-", ""), tracker.lower().replace("-", "")}
    assert not [line for line in lines if any(n in line for n in needles)], lines
    for body in (receipt.content, answer.content):  # no link or form of either page carries it
        assert not [u for u in _page(body).urls if any(n in u for n in needles)]
    logged = "\n".join(f"{rec.name} {rec.getMessage()} {rec.args!r}" for rec in caplog.records)
    assert not any(n in logged for n in needles)


def test_a_tracker_in_the_query_string_finds_nothing_and_outsiders_cannot_look_up(scene):
    """Old bookmarks and hand-made links: the round page ignores ``?tracker=``, so none gets made or shared;
    the find box itself answers only the round's readers."""
    s = scene
    p, r = s["poll"], s["round"]
    code = polls.poll_open(poll=p, by=s["org"].users["deputy"])
    trackers = [
        polls.ballot_cast(
            poll=p, deputy=d, choices={c.pk: OPTIONS[k] for c, k in zip(s["candidates"], ballot, strict=True)}
        )
        for d, ballot in zip(s["deputies"][:5], DISTINCT[:5], strict=True)
    ]
    polls.poll_seal(poll=p, code=code, by=s["org"].users["deputy"])
    resp = s["clients"][s["deputies"][0].username].get(
        reverse("plans:round", args=[r.plan_id]), {"tracker": trackers[0]}
    )
    assert resp.status_code == 200 and trackers[0] in resp.content.decode()  # in the published list
    assert 'data-testid="found-vote"' not in resp.content.decode()
    assert 'data-testid="not-found-vote"' not in resp.content.decode()

    # The find box answers only those who may read the round: another town's staff get 404, a village
    # cadre 403, an anonymous visitor the sign-in page (whose ``next`` holds no tracker).
    find = reverse("plans:poll_find", args=[p.pk])
    assert s["clients"]["office_b"].post(find, {"tracker": trackers[0]}).status_code == 404
    assert s["clients"]["village"].post(find, {"tracker": trackers[0]}).status_code == 403
    anon = s["clients"]["anonymous"].post(find, {"tracker": trackers[0]})
    assert anon.status_code == 302 and trackers[0] not in anon["Location"]
    assert s["clients"]["office"].get(find).status_code == 405
