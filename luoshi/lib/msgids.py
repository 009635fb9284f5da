"""List every msgid the code and templates ask for, so a test can check the catalogue has them all.

``makemessages`` matches gettext calls by name only, so strings wrapped with an alias such as
``_l = gettext_lazy`` never reach the catalogue and stay Chinese on English pages. This module
finds them by meaning instead:

* **Python** (stdlib :mod:`ast`): calls to whatever name a module binds to a Django translation
  function — ``from django.utils.translation import gettext_lazy as _l``, ``from django.utils
  import translation`` then ``translation.pgettext(...)``, or ``N_ = gettext_noop`` — with string
  literals for the message, context and plural. Calls with anything else there (an f-string,
  ``"…" % x``) are not msgids; those built from a literal are reported as :class:`Problem`.
* **Templates** (regular expressions, following ``django/utils/translation/template.py`` and the
  template ``Lexer``): ``{% translate %}``/``{% trans %}`` with optional ``context``, and
  ``{% blocktranslate %}``/``{% blocktrans %}`` whose msgid is the block text with ``{{ var }}`` as
  ``%(var)s``, literal ``%`` as ``%%``, whitespace collapsed when ``trimmed``, and the part after
  ``{% plural %}`` as msgid_plural; also ``_("…")`` constants in tags and filter arguments.

Django-free and stdlib-only apart from polib for reading a catalogue. From the command line,
``python -m luoshi.lib.msgids --missing`` prints what the English catalogue lacks.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
EN_PO = PACKAGE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
SKIPPED_DIRS = frozenset({"migrations", "tests", "node_modules", "__pycache__"})
TRANSLATION_MODULE = "django.utils.translation"


@dataclass(frozen=True, order=True)
class Message:
    """One catalogue entry as gettext looks it up: context, singular and (for ngettext) plural."""

    msgid: str
    context: str | None = None
    plural: str | None = None

    def __str__(self) -> str:
        text = repr(self.msgid)
        if self.plural is not None:
            text += f" / plural {self.plural!r}"
        if self.context is not None:
            text += f" (context {self.context!r})"
        return text


@dataclass(frozen=True)
class Occurrence:
    message: Message
    path: str  # as given to the extractor; relative to the package for files found by extract()
    line: int

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """A gettext call or template tag that cannot give a msgid although it looks meant to."""

    path: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


# --- Python -------------------------------------------------------------------------------------

# Positions of (context, singular, plural) among each function's arguments, and their keyword names.
_SIGNATURES: dict[str, tuple[tuple[int | None, int, int | None], tuple[str | None, str, str | None]]] = {
    "gettext": ((None, 0, None), (None, "message", None)),
    "gettext_lazy": ((None, 0, None), (None, "message", None)),
    "gettext_noop": ((None, 0, None), (None, "message", None)),
    "ngettext": ((None, 0, 1), (None, "singular", "plural")),
    "ngettext_lazy": ((None, 0, 1), (None, "singular", "plural")),
    "pgettext": ((0, 1, None), ("context", "message", None)),
    "pgettext_lazy": ((0, 1, None), ("context", "message", None)),
    "npgettext": ((0, 1, 2), ("context", "singular", "plural")),
    "npgettext_lazy": ((0, 1, 2), ("context", "singular", "plural")),
}


def _dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of attribute look-ups on a name, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else None
    return None


class _Bindings:
    """Which local names mean a translation function, or the translation module itself.

    Collected over the whole module (imports inside functions included): precise scoping would
    only matter if a module used ``_`` for two different things, which the house style rules out.
    """

    def __init__(self, tree: ast.Module):
        self.functions: dict[str, str] = {}  # local name -> Django function name
        self.modules: set[str] = set()  # dotted names that refer to django.utils.translation
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                for alias in node.names:
                    local = alias.asname or alias.name
                    if node.module == TRANSLATION_MODULE and alias.name in _SIGNATURES:
                        self.functions[local] = alias.name
                    elif f"{node.module}.{alias.name}" == TRANSLATION_MODULE:
                        self.modules.add(local)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name == TRANSLATION_MODULE:
                        self.modules.add(alias.asname or alias.name)
        # Plain re-bindings such as ``_ = gettext_lazy``, after the imports they refer to.
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
            ):
                name = self.resolve(node.value)
                if name:
                    self.functions[node.targets[0].id] = name

    def resolve(self, func: ast.expr) -> str | None:
        """The Django function a call target stands for, or None."""
        if isinstance(func, ast.Name):
            return self.functions.get(func.id)
        if (
            isinstance(func, ast.Attribute)
            and func.attr in _SIGNATURES
            and _dotted(func.value) in self.modules
        ):
            return func.attr
        return None


def _argument(call: ast.Call, position: int | None, keyword: str | None) -> ast.expr | None:
    if position is None:
        return None
    if position < len(call.args):
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _looks_built(node: ast.expr) -> bool:
    """An f-string, ``"…" % x``, ``"…" + x`` or ``"…".format(…)``: meant as a msgid, but never one."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return _literal(node.left) is not None or _looks_built(node.left)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _literal(node.func.value) is not None
    return False


def python_messages(source: str, path: str = "<string>") -> tuple[list[Occurrence], list[Problem]]:
    """Msgids in one Python module, in source order, and the translation calls that give none."""
    tree = ast.parse(source, filename=path)
    bindings = _Bindings(tree)
    found: list[Occurrence] = []
    problems: list[Problem] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = bindings.resolve(node.func)
        if name is None:
            continue
        positions, keywords = _SIGNATURES[name]
        nodes = [_argument(node, p, k) for p, k in zip(positions, keywords, strict=True)]
        context_node, singular_node, plural_node = nodes
        if singular_node is None:
            continue
        singular = _literal(singular_node)
        if singular is None:
            if _looks_built(singular_node):
                problems.append(Problem(path, node.lineno, f"{name}() of a string built at run time"))
            continue  # a variable: its msgid is marked elsewhere (gettext_noop) or not ours to check
        context, plural = _literal(context_node), _literal(plural_node)
        if (context_node is not None and context is None) or (plural_node is not None and plural is None):
            problems.append(
                Problem(path, node.lineno, f"{name}() with a context or plural that is not a literal")
            )
            continue
        line = getattr(singular_node, "lineno", node.lineno)
        found.append(Occurrence(Message(singular, context, plural), path, line))
    found.sort(key=lambda o: o.line)
    return found, problems


# --- Templates ----------------------------------------------------------------------------------

# The template Lexer's split, and the patterns templatize() uses (django/utils/translation/template.py).
_TAG = re.compile(r"({%.*?%}|{{.*?}}|{#.*?#})")
_CONTEXT = re.compile(r"""^\s+.*context\s+((?:"[^"]*?")|(?:'[^']*?'))\s*""")
_INLINE = re.compile(
    # the trans/translate 'some text' part
    r"""^\s*trans(?:late)?\s+((?:"[^"]*?")|(?:'[^']*?'))"""
    # optional filters, ignored
    r"""(?:\s*\|\s*[^\s:]+(?::(?:[^\s'":]+|(?:"[^"]*?")|(?:'[^']*?')))?)*"""
    # the optional context part
    r"""(\s+.*context\s+((?:"[^"]*?")|(?:'[^']*?')))?\s*"""
)
_BLOCK = re.compile(r"""^\s*blocktrans(?:late)?(\s+.*context\s+((?:"[^"]*?")|(?:'[^']*?')))?(?:\s+|$)""")
_ENDBLOCK = re.compile(r"^\s*endblocktrans(?:late)?$")
_PLURAL = re.compile(r"^\s*plural$")
_CONSTANT = re.compile(r"""_\(((?:".*?")|(?:'.*?'))\)""")
# django.utils.text.smart_split, to see whether ``trimmed`` is one of the tag's bits.
_BITS = re.compile(
    r"""((?:[^\s'"]*(?:(?:"(?:[^"\\]|\\.)*" | '(?:[^'\\]|\\.)*')[^\s'"]*)+) | \S+)""", re.VERBOSE
)


def trim_whitespace(text: str) -> str:
    """What ``{% blocktranslate trimmed %}`` does to its text (django.utils.translation.trim_whitespace)."""
    return re.sub(r"\s*\n\s*", " ", text.strip())


def _unquote(literal: str) -> str:
    return literal[1:-1]


def _constant(literal: str) -> str:
    """The msgid of ``_("…")`` as the template engine looks it up: unescaped, with ``%`` doubled.

    (makemessages leaves ``%`` single here, unlike for ``{% translate %}``; the run-time look-up in
    ``Variable.resolve`` doubles it, and the run time is what the catalogue has to satisfy.)
    """
    quote = literal[0]
    text = literal[1:-1].replace("\\" + quote, quote).replace("\\\\", "\\")
    return text.replace("%", "%%")


def _tokens(source: str) -> Iterator[tuple[str, str, int]]:
    """(kind, contents, line) like django.template.base.Lexer: kind is text, block, var or comment."""
    verbatim: str | None = None
    line = 1
    for i, bit in enumerate(_TAG.split(source)):
        if bit:
            in_tag = i % 2 == 1
            kind, contents = "text", bit
            if in_tag and bit.startswith("{%"):
                inner = bit[2:-2].strip()
                if verbatim is None or inner == verbatim:
                    kind, contents = "block", inner
                    if verbatim is not None:
                        verbatim = None
                    elif inner[:9] in ("verbatim", "verbatim "):
                        verbatim = f"end{inner}"
            elif in_tag and verbatim is None:
                kind = "var" if bit.startswith("{{") else "comment"
                contents = bit[2:-2].strip()
            yield kind, contents, line
            line += bit.count("\n")


@dataclass
class _Block:
    """An open ``{% blocktranslate %}``: where it starts and the pieces read so far."""

    line: int
    context: str | None
    trimmed: bool
    singular: list[str] = field(default_factory=list)
    plural: list[str] | None = None  # a list once ``{% plural %}`` is seen

    def message(self) -> Message:
        def join(parts: list[str]) -> str:
            text = "".join(parts)
            return trim_whitespace(text) if self.trimmed else text

        return Message(join(self.singular), self.context, None if self.plural is None else join(self.plural))


def _context(options: str | None) -> str | None:
    """The ``context "…"`` of a tag, given the part of it that the tag pattern captured."""
    found = _CONTEXT.match(options) if options else None
    return _unquote(found[1]) if found else None


def template_messages(source: str, path: str = "<string>") -> tuple[list[Occurrence], list[Problem]]:
    """Msgids in one template, in source order, and translation blocks Django would refuse."""
    found: list[Occurrence] = []
    problems: list[Problem] = []

    def add(message: Message, line: int) -> None:
        found.append(Occurrence(message, path, line))

    in_comment = False
    block: _Block | None = None
    for kind, contents, line in _tokens(source):
        if in_comment:
            in_comment = not (kind == "block" and contents == "endcomment")
        elif block is not None:
            parts = block.singular if block.plural is None else block.plural
            if kind == "block" and _ENDBLOCK.match(contents):
                add(block.message(), block.line)
                block = None
            elif kind == "block" and _PLURAL.match(contents):
                block.plural = []
            elif kind == "block":
                problems.append(Problem(path, line, f"{{% {contents} %}} inside a blocktranslate"))
                block = None
            elif kind == "var":
                parts.append(f"%({contents})s")
            elif kind == "text":
                parts.append(contents.replace("%", "%%"))
        elif kind == "block":
            inline, opening = _INLINE.match(contents), _BLOCK.match(contents)
            if inline:
                add(Message(_unquote(inline[1]).replace("%", "%%"), _context(inline[2])), line)
            elif contents == "comment":
                in_comment = True
            else:
                for literal in _CONSTANT.findall(contents):
                    add(Message(_constant(literal)), line)
                if opening:
                    block = _Block(line, _context(opening[1]), "trimmed" in _BITS.findall(contents))
        elif kind == "var":
            first, *filters = contents.split("|")
            candidates = [first] + [f.split(":", 1)[1] for f in filters if ":_(" in f]
            for candidate in candidates:
                match = _CONSTANT.match(candidate)
                if match:
                    add(Message(_constant(match[1])), line)
    if block is not None:
        problems.append(Problem(path, block.line, "blocktranslate without endblocktranslate"))
    return found, problems


# --- The project --------------------------------------------------------------------------------


def source_files(root: Path = PACKAGE_DIR) -> Iterator[Path]:
    """Python modules and HTML templates under root, without migrations and tests."""
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).parts
        if SKIPPED_DIRS.intersection(relative[:-1]) or not path.is_file():
            continue
        if path.suffix == ".py" or (path.suffix == ".html" and "templates" in relative[:-1]):
            yield path


def extract(root: Path = PACKAGE_DIR) -> tuple[list[Occurrence], list[Problem]]:
    """Every msgid occurrence under root (paths relative to root, as in the .po references)."""
    found: list[Occurrence] = []
    problems: list[Problem] = []
    for path in source_files(root):
        reader = python_messages if path.suffix == ".py" else template_messages
        more, trouble = reader(path.read_text(encoding="utf-8"), path.relative_to(root).as_posix())
        found += more
        problems += trouble
    return found, problems


def missing(occurrences: Iterable[Occurrence], po_path: Path = EN_PO) -> dict[Message, list[Occurrence]]:
    """Messages the catalogue lacks or leaves untranslated (fuzzy counts as untranslated), with where used.

    A message matches an entry with the same context and msgid; a plural message needs an entry
    with msgid_plural (the .mo keys plural entries apart), a singular one an entry without.
    """
    import polib

    translated: set[Message] = set()
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if forms and all(forms):
            translated.add(Message(entry.msgid, entry.msgctxt, entry.msgid_plural or None))
    lacking: dict[Message, list[Occurrence]] = {}
    for occurrence in occurrences:
        if occurrence.message not in translated:
            lacking.setdefault(occurrence.message, []).append(occurrence)
    return lacking


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m luoshi.lib.msgids", description="List the msgids used in luoshi's code and templates."
    )
    parser.add_argument(
        "--missing", action="store_true", help="only those the catalogue lacks or leaves empty"
    )
    parser.add_argument(
        "--po", type=Path, default=EN_PO, help="catalogue to check (default: the English one)"
    )
    args = parser.parse_args(argv)
    occurrences, problems = extract()
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not args.missing:
        for occurrence in occurrences:
            print(f"{occurrence.where}\t{occurrence.message}")
        return 0
    lacking = missing(occurrences, args.po)
    for message, where in sorted(lacking.items(), key=lambda kv: (kv[1][0].path, kv[1][0].line)):
        print(f"{message}  {' '.join(o.where for o in where)}")
    print(f"{len(lacking)} missing from {args.po}", file=sys.stderr)
    return 1 if lacking else 0


if __name__ == "__main__":
    sys.exit(main())
