"""The secret ballot's cryptography and arithmetic, pure (no Django): docs/voting.md is the threat model.

A poll's chair receives a *round code* (会议码) when the poll opens. The code is never stored: a key pair is
derived from it (argon2id over the code with a random per-poll salt) and only the public key is kept. Each
ballot is a fixed-length *payload* (version, the choices as one byte per item, a random 128-bit nonce)
encrypted to that public key as a sealed box (an anonymous ephemeral-key box, libsodium through PyNaCl),
so whatever links a stored ciphertext to its deputy reveals nothing, and every ciphertext of a poll has the
same length. At sealing the chair enters the code again; the payloads are decrypted in memory and published
in random order. A *tracker* is a short fingerprint of the payload, shown to the deputy once at casting and
published beside the ballot after sealing; it depends on the nonce, so nobody can compute it from the
choices alone.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import nacl.exceptions
import nacl.public
import nacl.pwhash

# No 0/O, 1/I/L: a code or tracker read aloud or copied from paper cannot be mistaken.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 20  # 20 × log2(31) ≈ 99.1 bits
CODE_GROUP = 5
TRACKER_LENGTH = 10  # ≈ 49.5 bits: collisions among a few hundred ballots are negligible
NONCE_BYTES = 16
SALT_BYTES = nacl.pwhash.argon2id.SALTBYTES
VERSION = 1
# argon2id cost. The code already carries ~99 bits, so the KDF is a second line, not the main one;
# these limits keep opening and sealing well under a second on a small server.
KDF_OPS = 3
KDF_MEM = 64 * 1024 * 1024
CHOICES_PER_ITEM = 3  # vote: agree/disagree/abstain; evaluation: satisfied/basic/dissatisfied


class SecretError(ValueError):
    """A malformed code, a wrong code or a ciphertext that does not open."""


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def group(text: str, size: int = CODE_GROUP) -> str:
    """``ABCDEFGHJK…`` → ``ABCDE-FGHJK-…`` for reading and printing."""
    return "-".join(text[i : i + size] for i in range(0, len(text), size))


def normalize(text: str, length: int) -> str:
    """Upper-case, drop spaces and dashes; refuse any other character or a wrong length."""
    clean = "".join(ch for ch in (text or "").upper() if ch not in " -\t\r\n")
    if len(clean) != length or any(ch not in ALPHABET for ch in clean):
        raise SecretError("malformed")
    return clean


def normalize_code(text: str) -> str:
    return normalize(text, CODE_LENGTH)


def normalize_tracker(text: str) -> str:
    return group(normalize(text, TRACKER_LENGTH))


def new_salt() -> bytes:
    return secrets.token_bytes(SALT_BYTES)


def derive_key(code: str, salt: bytes, ops: int = KDF_OPS, mem: int = KDF_MEM) -> nacl.public.PrivateKey:
    seed = nacl.pwhash.argon2id.kdf(32, normalize_code(code).encode(), salt, opslimit=ops, memlimit=mem)
    return nacl.public.PrivateKey.from_seed(seed)


def public_hex(key: nacl.public.PrivateKey) -> str:
    return bytes(key.public_key).hex()


def encode(choices: Sequence[int], nonce: bytes) -> bytes:
    """The payload: version, item count, one byte per item, nonce. Same length for every ballot of a poll."""
    if not 0 < len(choices) < 256 or any(c not in range(CHOICES_PER_ITEM) for c in choices):
        raise SecretError("bad choices")
    if len(nonce) != NONCE_BYTES:
        raise SecretError("bad nonce")
    return bytes([VERSION, len(choices), *choices]) + nonce


def decode(payload: bytes) -> tuple[tuple[int, ...], bytes]:
    if len(payload) < 2 or payload[0] != VERSION or len(payload) != 2 + payload[1] + NONCE_BYTES:
        raise SecretError("bad payload")
    n = payload[1]
    choices = tuple(payload[2 : 2 + n])
    if any(c >= CHOICES_PER_ITEM for c in choices):
        raise SecretError("bad payload")
    return choices, payload[2 + n :]


def tracker(payload: bytes) -> str:
    """A short fingerprint of the payload (so of the choices *and* the nonce), grouped ``XXXXX-XXXXX``."""
    number = int.from_bytes(hashlib.sha256(b"luoshi-ballot-tracker\x00" + payload).digest(), "big")
    out = []
    for _ in range(TRACKER_LENGTH):
        number, k = divmod(number, len(ALPHABET))
        out.append(ALPHABET[k])
    return group("".join(out))


def seal_ballot(public_key_hex: str, choices: Sequence[int]) -> tuple[bytes, str]:
    """Encrypt one ballot with a fresh nonce: (ciphertext, tracker). The tracker goes to the voter only."""
    payload = encode(choices, secrets.token_bytes(NONCE_BYTES))
    box = nacl.public.SealedBox(nacl.public.PublicKey(bytes.fromhex(public_key_hex)))
    return bytes(box.encrypt(payload)), tracker(payload)


@dataclass(frozen=True)
class Opened:
    tracker: str
    nonce: str  # hex
    choices: tuple[int, ...]


def open_ballot(key: nacl.public.PrivateKey, ciphertext: bytes, items: int) -> Opened:
    try:
        payload = nacl.public.SealedBox(key).decrypt(bytes(ciphertext))
    except nacl.exceptions.CryptoError as exc:
        raise SecretError("does not open") from exc
    choices, nonce = decode(payload)
    if len(choices) != items:
        raise SecretError("wrong item count")
    return Opened(tracker(payload), nonce.hex(), choices)


def check_tracker(b: Opened) -> bool:
    """Anyone can recompute a published ballot's tracker from its choices and nonce."""
    return tracker(encode(b.choices, bytes.fromhex(b.nonce))) == b.tracker


def count(ballots: Iterable[Sequence[int]], items: int) -> list[list[int]]:
    """Per item, how many ballots chose option 0, 1, 2."""
    tallies = [[0] * CHOICES_PER_ITEM for _ in range(items)]
    for choices in ballots:
        for i, c in enumerate(choices):
            tallies[i][c] += 1
    return tallies


def seal_digest(
    *, poll: int, kind: str, items: Sequence[int], ballots: Iterable[Opened], tallies: Sequence[Sequence[int]]
) -> str:
    """SHA-256 over the canonical published record: ballots sorted by tracker, tallies in item order."""
    canonical = {
        "poll": poll,
        "kind": kind,
        "items": list(items),
        "ballots": sorted([b.tracker, b.nonce, "".join(map(str, b.choices))] for b in ballots),
        "tallies": [list(t) for t in tallies],
    }
    blob = json.dumps(canonical, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode()).hexdigest()
