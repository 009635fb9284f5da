"""The ``luoshi`` command: one entry point, thin subcommands.

Each subcommand lives beside the code it drives and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` to a callable taking the parsed arguments and
returning an exit status.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Modules that contribute subcommands, in the order they appear in --help.
SUBCOMMAND_MODULES = [
    "luoshi.org.cli",
    "luoshi.reports.cli",
    "luoshi.reports.train_items",
    "luoshi.reports.train_facts",
    "luoshi.reports.writer.cli",
    "luoshi.assistance.cli",
    "luoshi.plans.cli",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="luoshi",
        description="Luoshi (落实): work reports, plans and cases for township governments.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:  # a module still being written must not break the others
            if not name.startswith(exc.name or "?"):
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
