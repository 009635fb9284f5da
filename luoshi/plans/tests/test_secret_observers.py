"""Attack: before sealing, nothing any observer can see depends on the ballots cast.

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
import re
from unittest import mock

import pytest
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
        ("get", reverse("plans:round", args=[r.plan_id]) + "?tracker=AAAAA-BBBBB", ""),
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
