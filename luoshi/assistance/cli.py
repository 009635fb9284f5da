"""``luoshi rotate-keys``: re-encrypt sensitive personal data under the newest key (docs/privacy.md)."""

from __future__ import annotations

import argparse

DESCRIPTION = """\
Re-encrypt every encrypted field (ID numbers, phones, health and disability, income details) under
the first key of LUOSHI_FIELD_KEYS and recompute the ID-number lookup hashes under
LUOSHI_FIELD_HASH_KEY.

Rotation: 1. `luoshi rotate-keys --new-key` prints a new key; 2. put it FIRST in LUOSHI_FIELD_KEYS,
keeping the old key after it, and restart the service (old rows still decrypt); 3. run
`luoshi rotate-keys`; 4. remove the old key and restart. To change LUOSHI_FIELD_HASH_KEY, set the
new one, restart and run step 3 at once (lookups by ID number fail until it has run).
"""


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "rotate-keys",
        help="re-encrypt sensitive personal data under the newest key",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--new-key", action="store_true", help="print a new key and exit (changes nothing)")
    parser.set_defaults(func=run)


def run(args) -> int:
    if args.new_key:
        from cryptography.fernet import Fernet

        print(Fernet.generate_key().decode())
        return 0
    from luoshi.org.cli import setup_django

    setup_django()
    from luoshi.assistance.rotation import rotate

    for model, n in rotate().items():
        print(f"{model}: {n} rows re-encrypted")
    return 0
