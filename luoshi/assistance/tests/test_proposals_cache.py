"""The list page's risk-elimination proposals are kept in the cache per town as household ids under a
version of the records they come from: a new income (or a correction) shows at once, one town's
list never reaches another town's user, the cache holds no decrypted personal data, and a warm view
decrypts nothing."""

from __future__ import annotations

import pickle

import pytest
from django.core.cache import cache
from django.utils import timezone

from luoshi.assistance import crypto, selectors, services
from luoshi.assistance.models import SECURE_FIELDS, Status

SOURCES = "务工收入每月六百元整"


def _month(today, back):
    y, m = today.year, today.month - back
    while m <= 0:
        y, m = y - 1, m + 12
    return today.replace(year=y, month=m, day=1)


@pytest.fixture
def helped(world):
    """Household a (云溪镇) and c (白鹭街道) being helped, everything secured, one member each, with
    incomes of 600 元 a month (7,200 a year, above the line) for five of the six months."""
    org = world["org"]
    today = timezone.localdate()
    for key, actor in (("a", org.users["office"]), ("c", org.users["office_b"])):
        h = world[key]
        h.status = Status.ASSISTING
        for f in (*SECURE_FIELDS, "rigid_expenses_resolved"):
            setattr(h, f, True)
        h.save()
        for back in range(1, 6):
            services.income_record(
                actor=actor, household=h, month=_month(today, back), amount="600", sources=SOURCES
            )
    return world


def _proposed(client, household) -> bool:
    body = client.get("/assistance/").content.decode()
    marker = 'data-testid="proposals"'
    block = body.split(marker, 1)[1].split("</article>", 1)[0] if marker in body else ""
    return f"/assistance/{household.pk}/" in block


def test_a_new_income_shows_at_once(helped, client_for):
    org, a = helped["org"], helped["a"]
    today = timezone.localdate()
    office = client_for("office")
    assert not _proposed(office, a)
    assert not _proposed(office, a)  # now from the cache
    record = services.income_record(
        actor=org.users["village"], household=a, month=_month(today, 6), amount="600"
    )
    assert _proposed(office, a)
    # a correction below the line withdraws it just as fast
    services.income_correct(actor=org.users["office"], record=record, amount="100", reason="核实后更正")
    assert not _proposed(office, a)


def test_one_towns_list_never_reaches_another_towns_user(helped, client_for):
    org, a, c = helped["org"], helped["a"], helped["c"]
    today = timezone.localdate()
    services.income_record(actor=org.users["office"], household=a, month=_month(today, 6), amount="600")
    services.income_record(actor=org.users["office_b"], household=c, month=_month(today, 6), amount="600")
    yunxi, bailu = client_for("office"), client_for("office_b")
    for _ in range(2):  # cold, then from the cache, in both orders
        assert _proposed(yunxi, a) and not _proposed(yunxi, c)
        assert _proposed(bailu, c) and not _proposed(bailu, a)
    assert [h.pk for h in selectors.eligible_for_elimination(org.users["office_b"], today)] == [c.pk]
    assert [h.pk for h in selectors.eligible_for_elimination(org.users["leader"], today)] == [a.pk]
    # a village cadre of 云溪镇 whose village a is not in does not get it either
    assert selectors.eligible_for_elimination(org.users["village2"], today) == []
    assert selectors.eligible_for_elimination(org.users["village"], today) == [a]


def test_the_cache_holds_ids_only_and_a_warm_view_decrypts_nothing(helped, org, monkeypatch):
    a = helped["a"]
    today = timezone.localdate()
    services.income_record(actor=org.users["office"], household=a, month=_month(today, 6), amount="600")
    calls = []
    real = crypto.decrypt
    monkeypatch.setattr(crypto, "decrypt", lambda token: calls.append(1) or real(token))
    office = org.users["office"]
    assert selectors.eligible_for_elimination(office, today) == [a]
    assert calls  # the first computation decrypts the candidates' incomes
    calls.clear()
    assert selectors.eligible_for_elimination(office, today) == [a]
    assert calls == []
    key = f"assistance:proposals:{a.town_id}:{today:%Y-%m-%d}:{selectors.records_version()}"
    assert cache.get(key) == [a.pk]
    # nothing decrypted anywhere in the cache: not the sources, not an amount, not an ID number
    blobs = b"".join(pickle.dumps(v) for v in cache._cache.values())  # locmem: pickled values
    for secret in (SOURCES, helped["a"].head_id_number, helped["b"].head_id_number, "Decimal"):
        assert secret.encode() not in blobs, secret
