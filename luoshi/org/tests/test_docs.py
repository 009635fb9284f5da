"""Docs that can't drift: every setting read from the environment and every CLI command is in the README."""

from __future__ import annotations

import re
from pathlib import Path

from luoshi.cli import build_parser

ROOT = Path(__file__).resolve().parents[3]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_environment_variable_is_documented():
    source = (ROOT / "luoshi" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', source))
    assert names, "settings.py reads no variables?"
    missing = sorted(n for n in names if f"`{n}`" not in README)
    assert not missing, f"undocumented settings: {missing}"


def test_every_cli_command_is_documented():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    missing = sorted(name for name in sub.choices if f"`{name}`" not in README)
    assert not missing, f"undocumented commands: {missing}"


def test_every_cli_command_explains_itself():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.format_help().strip(), name
        assert any(action.help for action in sub._choices_actions if action.dest == name), name


def test_api_schema_names_are_unique():
    """ninja names OpenAPI components by class name: two apps' ``ItemOut`` would silently share one
    schema, and one endpoint would be documented (and validated) with the other's fields."""
    import collections

    from ninja import Schema

    from luoshi.api import api  # noqa: F401 - imports every app's API module

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    names = collections.Counter(
        c.__name__ for c in set(subclasses(Schema)) if c.__module__.startswith("luoshi.")
    )
    assert not [n for n, count in names.items() if count > 1]
