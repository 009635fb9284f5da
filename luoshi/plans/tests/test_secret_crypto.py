"""The secret ballot's cryptography, pure: codes, key derivation, sealed boxes, trackers, the seal digest."""

from __future__ import annotations

import math
import secrets

import pytest

from luoshi.plans import secret

KEY_CACHE: dict[str, object] = {}


def _key(code: str, salt: bytes = b"s" * secret.SALT_BYTES):
    if (code, salt) not in KEY_CACHE:
        KEY_CACHE[(code, salt)] = secret.derive_key(code, salt)
    return KEY_CACHE[(code, salt)]


def test_codes_use_an_unambiguous_alphabet_and_carry_about_100_bits():
    assert not set("0O1IL") & set(secret.ALPHABET) and len(set(secret.ALPHABET)) == len(secret.ALPHABET)
    assert secret.CODE_LENGTH * math.log2(len(secret.ALPHABET)) >= 99
    codes = {secret.new_code() for _ in range(200)}
    assert len(codes) == 200 and all(len(c) == 20 and set(c) <= set(secret.ALPHABET) for c in codes)
    seen = set("".join(codes))
    assert seen == set(secret.ALPHABET)  # every symbol is used (4000 draws of 31 symbols)


def test_a_grouped_or_lower_case_code_normalises_and_a_bad_one_is_refused():
    code = secret.new_code()
    assert secret.normalize_code(secret.group(code).lower()) == code
    for bad in ("", code[:-1], code[:-1] + "0", code + "2", code[:-1] + "I"):
        with pytest.raises(secret.SecretError):
            secret.normalize_code(bad)


def test_round_trip_with_the_right_code_and_failure_with_any_other():
    code = secret.new_code()
    key = _key(code)
    ciphertext, tracker = secret.seal_ballot(secret.public_hex(key), [0, 2, 1])
    opened = secret.open_ballot(key, ciphertext, 3)
    assert opened.choices == (0, 2, 1) and opened.tracker == tracker and secret.check_tracker(opened)
    with pytest.raises(secret.SecretError):
        secret.open_ballot(_key(secret.new_code()), ciphertext, 3)
    with pytest.raises(secret.SecretError):
        secret.open_ballot(
            _key(code, b"t" * secret.SALT_BYTES), ciphertext, 3
        )  # same code, other poll's salt


def test_every_ciphertext_of_a_poll_has_the_same_length_whatever_the_choices():
    pub = secret.public_hex(_key(secret.new_code()))
    lengths = {
        len(secret.seal_ballot(pub, choices)[0]) for choices in ([0, 0, 0], [1, 1, 1], [2, 2, 2], [0, 1, 2])
    }
    assert len(lengths) == 1


def test_the_same_choices_encrypt_differently_and_give_different_trackers():
    pub = secret.public_hex(_key(secret.new_code()))
    a, b = secret.seal_ballot(pub, [0, 0]), secret.seal_ballot(pub, [0, 0])
    assert a[0] != b[0] and a[1] != b[1]


def test_the_tracker_depends_on_the_nonce_not_only_on_the_choices():
    nonce = secrets.token_bytes(secret.NONCE_BYTES)
    same = secret.tracker(secret.encode([1, 2], nonce))
    assert same == secret.tracker(secret.encode([1, 2], nonce))
    assert same != secret.tracker(secret.encode([1, 2], secrets.token_bytes(secret.NONCE_BYTES)))
    assert same != secret.tracker(secret.encode([2, 1], nonce))
    assert secret.normalize_tracker(same.lower().replace("-", " ")) == same


def test_a_tampered_published_ballot_no_longer_matches_its_tracker():
    payload = secret.encode([0, 1], secrets.token_bytes(secret.NONCE_BYTES))
    b = secret.Opened(secret.tracker(payload), payload[-16:].hex(), (0, 1))
    assert secret.check_tracker(b)
    assert not secret.check_tracker(secret.Opened(b.tracker, b.nonce, (1, 1)))


def test_the_seal_digest_ignores_ballot_order_but_not_content():
    rows = [secret.Opened("AAAAA-BBBBB", "00" * 16, (0,)), secret.Opened("CCCCC-DDDDD", "11" * 16, (1,))]
    digest = secret.seal_digest(poll=1, kind="vote", items=[7], ballots=rows, tallies=[[1, 1, 0]])
    assert digest == secret.seal_digest(
        poll=1, kind="vote", items=[7], ballots=rows[::-1], tallies=[[1, 1, 0]]
    )
    changed = [rows[0], secret.Opened("CCCCC-DDDDD", "11" * 16, (0,))]
    assert digest != secret.seal_digest(poll=1, kind="vote", items=[7], ballots=changed, tallies=[[2, 0, 0]])


def test_counting_per_item_and_option():
    assert secret.count([(0, 2), (0, 1), (1, 2)], 2) == [[2, 1, 0], [0, 1, 2]]


def test_malformed_payloads_are_refused():
    with pytest.raises(secret.SecretError):
        secret.encode([3], b"x" * 16)
    with pytest.raises(secret.SecretError):
        secret.decode(b"\x01\x02\x00")
