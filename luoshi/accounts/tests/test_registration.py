"""Apps above accounts register their own computed indicators and record models; accounts imports none
of them, and a key cannot be claimed twice."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from luoshi.accounts import registry

ACCOUNTS = Path(registry.__file__).resolve().parent
HIGHER = ("luoshi.economy", "luoshi.ledgers", "luoshi.assistance")


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_accounts_code_imports_none_of_the_apps_that_register_with_it():
    offenders = {
        f"{p.relative_to(ACCOUNTS)}: {m}"
        for p in ACCOUNTS.rglob("*.py")
        if "tests" not in p.parts
        for m in _imports(p)
        if m.startswith(HIGHER)
    }
    assert offenders == set()


@pytest.mark.parametrize(
    "key, record_model, url_name",
    [
        ("assistance-paid-dibao", "payment", "assistance:payment"),
        ("assistance-new-households", "household", "assistance:detail"),
        ("ledgers-lights-on", "ledger_item", "ledgers:item"),
        ("economy-output", "enterprise", "economy:enterprise"),
        ("cases-enterprise-solved", "case", "cases:detail"),
    ],
)
def test_each_app_registers_its_figures_and_records_when_ready(key, record_model, url_name):
    entry = registry.REGISTRY[key]
    assert entry.aliases  # the app passes how reports phrase it
    model, url = registry.RECORD_MODELS[record_model]
    assert url == url_name
    assert model._meta.app_label == url_name.split(":")[0] or record_model == "case"


def test_registered_aliases_reach_the_seeded_catalogue():
    from luoshi.accounts.catalogue import seeds

    rows = {r["code"]: r for r in seeds()}
    assert rows["ledgers-lights-on"]["aliases"] == ["亮灯率", "路灯亮灯率"]
    assert "工业用电量" in rows["economy-kwh"]["aliases"]
    assert rows["cases-petition-on-time"]["aliases"][0] == "信访按期办结率"  # accounts' own


def test_a_key_or_record_name_cannot_be_claimed_twice():
    before = dict(registry.REGISTRY)
    with pytest.raises(ImproperlyConfigured):
        registry.register("ledgers-lights-on", "x", "%", "1", "", lambda *a: None)
    with pytest.raises(ImproperlyConfigured):
        registry.register_records("payment", registry.Case, "cases:detail")
    assert registry.REGISTRY == before
    registry.register_records("payment", *registry.RECORD_MODELS["payment"])  # the same again is harmless
