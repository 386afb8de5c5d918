"""The user guide documents every message inbrief can print.

``docs/troubleshooting.md`` must explain every error and warning. This test reads the
code (never runs it) and checks that each message template appears in that page, so a
new or reworded message fails here until it is documented.

How messages are found
----------------------
Every ``src/inbrief/**/*.py`` is parsed with :mod:`ast`, and the message argument of
each call that makes a user-facing message is collected (see ``MESSAGE_CALLS``):

* ``Problem(path, line, col, MESSAGE, hint)`` and the ``source.problem(loc, MESSAGE, …)``
  helpers (``Source.problem``), which become ``file:line:col: MESSAGE — hint``;
* ``UserError(MESSAGE)`` / ``ContentError(MESSAGE)`` (their Problem lists are found as
  Problem calls), ``TargetFailed(MESSAGE)``, ``EditError(MESSAGE)``;
* ``click.BadParameter`` / ``click.UsageError`` / ``click.ClickException``;
* ``_refuse(url, WHY)`` (pdf/fetcher.py), ``_Limit(node, MESSAGE)`` (content/yamlsrc.py),
  ``_located(name, MESSAGE, hint)`` (render/env.py);
* ``Outcome(..., error=MESSAGE)`` (batch/pool.py), ``Result(..., error=MESSAGE)``
  (batch/build.py, batch/job.py);
* ``<x>.warnings.append(MESSAGE)`` (a target's warnings, batch/produce.py);
* ``click.echo(MESSAGE, err=True)`` (everything the CLI prints on standard error);
* ``Check(status, name, FOUND, FIX)`` (the lines ``inbrief doctor`` prints);
* ``raise ValueError(MESSAGE)`` / ``raise RuntimeError(MESSAGE)``: in pydantic
  validators these become validation errors; elsewhere they can only surface as an
  "internal error" (a bug), which the guide also lists.

A message argument may be a string, an f-string, a ``+`` concatenation, a ``%``
formatting, ``"…".format(…)`` or a conditional expression (``a if c else b``: each
branch is a message of its own). Anything else (a variable, a call) is an
interpolation. An argument with no literal text at all (``click.echo(exc.text, err=True)``)
merely forwards a message made elsewhere and is skipped.

The signature of a message
--------------------------
The literal fragments of a template are what a reader can search the guide for. Each
fragment is stripped of surrounding whitespace, and inner whitespace is collapsed (so
the guide may wrap a long message, and the code may use ``\\n  `` inside one):

* if the longest fragment has **at least 10 characters**, it is the signature and must
  appear verbatim in docs/troubleshooting.md;
* otherwise the message is short (``FAILED  {error}``, ``wrote {path}``), and a single
  fragment would match almost anything. The signature is then the whole template: its
  fragments in order, each interpolation written in the guide as a ``<placeholder>``
  (``FAILED <target>: <why>``), on one line. It is reported as ``FAILED <…>``.

Fragments that are empty after stripping are dropped; a template left with none is not
a message.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "inbrief"
GUIDE = ROOT / "docs" / "troubleshooting.md"
MIN_LONG = 10
"""A fragment this long is specific enough to be the signature on its own."""
MIN_MESSAGES = 60
"""Fewer than this means the extraction broke, not that the code got quieter."""

PLACEHOLDER = None  # an interpolation inside a template's list of fragments

# call name → (positions of message arguments, keyword names of message arguments)
MESSAGE_CALLS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "Problem": ((3,), ("message",)),
    "problem": ((1,), ("message",)),
    "UserError": ((0,), ("problems",)),
    "ContentError": ((0,), ("problems",)),
    "TargetFailed": ((0,), ()),
    "EditError": ((0,), ()),
    "BadParameter": ((0,), ("message",)),
    "UsageError": ((0,), ("message",)),
    "ClickException": ((0,), ("message",)),
    "_refuse": ((1,), ("why",)),
    "_Limit": ((1,), ("message",)),
    "_located": ((1,), ("message",)),
    "Outcome": ((), ("error",)),
    "Result": ((), ("error",)),
    "Check": ((2, 3), ("found", "fix")),
    "ValueError": ((0,), ()),
    "RuntimeError": ((0,), ()),
}


@dataclass(frozen=True)
class Message:
    file: str
    line: int
    fragments: tuple  # literal strings and PLACEHOLDER, in order

    @property
    def literals(self) -> list[str]:
        return [f for f in self.fragments if f is not PLACEHOLDER]

    @property
    def long(self) -> bool:
        return max(map(len, self.literals)) >= MIN_LONG

    @property
    def signature(self) -> str:
        if self.long:
            return max(self.literals, key=len)
        return " ".join("<…>" if f is PLACEHOLDER else f for f in self.fragments)

    def found_in(self, guide: str, lines: list[str]) -> bool:
        if self.long:
            return self.signature in guide
        pattern = re.compile(_template_regex(self.fragments))
        return any(pattern.search(line) for line in lines)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.signature}"


def _template_regex(fragments: tuple) -> str:
    parts = []
    for f in fragments:
        parts.append(r"<[^<>]+>" if f is PLACEHOLDER else re.escape(f))
    return r"\s*".join(parts)


def _normal(text: str) -> str:
    return " ".join(text.split())


def _templates(node: ast.AST) -> list[list]:
    """The alternative templates of an expression, each a list of fragments."""
    if isinstance(node, ast.Constant):
        return [[node.value]] if isinstance(node.value, str) else [[PLACEHOLDER]]
    if isinstance(node, ast.JoinedStr):
        out: list = []
        for value in node.values:
            out.append(value.value if isinstance(value, ast.Constant) else PLACEHOLDER)
        return [out]
    if isinstance(node, ast.IfExp):
        return _templates(node.body) + _templates(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in _templates(node.left) for b in _templates(node.right)]
    if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod)
            and isinstance(node.left, ast.Constant) and isinstance(node.left.value, str)):
        return [_split(node.left.value, r"%[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")]
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format" and isinstance(node.func.value, ast.Constant)
            and isinstance(node.func.value.value, str)):
        return [_split(node.func.value.value, r"\{[^{}]*\}")]
    return [[PLACEHOLDER]]


def _split(text: str, placeholder: str) -> list:
    out: list = []
    for i, part in enumerate(re.split(placeholder, text)):
        if i:
            out.append(PLACEHOLDER)
        out.append(part)
    return out


_TERMINAL = re.compile(r"\x1b\[[0-9;]*[A-Za-z]|\r")
"""Terminal control (the live counter's carriage return and erase-line): not text."""


def _clean(fragments: list) -> tuple:
    """Strip and collapse each literal, drop empty ones, merge neighbouring placeholders."""
    out: list = []
    for f in fragments:
        if f is not PLACEHOLDER:
            f = _normal(_TERMINAL.sub("", f))
            if not f:
                continue
        if f is PLACEHOLDER and out and out[-1] is PLACEHOLDER:
            continue
        out.append(f)
    return tuple(out)


def _call_name(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def _message_args(call: ast.Call) -> list[ast.AST]:
    name = _call_name(call)
    f = call.func
    if name == "echo":
        err = any(k.arg == "err" and isinstance(k.value, ast.Constant) and k.value.value is True
                  for k in call.keywords)
        if not err:
            return []
        return call.args[:1] + [k.value for k in call.keywords if k.arg == "message"]
    if (name == "append" and isinstance(f, ast.Attribute)
            and isinstance(f.value, ast.Attribute) and f.value.attr == "warnings"):
        return call.args[:1]
    if name not in MESSAGE_CALLS:
        return []
    positions, keywords = MESSAGE_CALLS[name]
    return ([call.args[i] for i in positions if i < len(call.args)]
            + [k.value for k in call.keywords if k.arg in keywords])


def extract_messages(src: Path = SRC) -> list[Message]:
    found: dict[tuple, Message] = {}
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for arg in _message_args(node):
                for template in _templates(arg):
                    fragments = _clean(template)
                    if not [f for f in fragments if f is not PLACEHOLDER]:
                        continue  # forwards a message made elsewhere
                    m = Message(rel, arg.lineno, fragments)
                    found.setdefault((m.file, m.line, m.signature), m)
    return sorted(found.values(), key=lambda m: (m.file, m.line, m.signature))


def test_extraction_finds_the_messages():
    messages = extract_messages()
    assert len(messages) >= MIN_MESSAGES, (
        f"only {len(messages)} messages extracted from {SRC}: the extraction is broken "
        f"(a renamed error class? a new way of making messages?) — update MESSAGE_CALLS")
    signatures = {m.signature for m in messages}
    # One of each kind of call, so that a broken rule cannot hide behind the others.
    for expected in ("file is not valid UTF-8 text",                      # Problem
                     "required key '",                                    # source.problem
                     "here or in any parent folder",                      # UserError
                     "pages even with the tightest copyfitting",          # TargetFailed
                     "is not K/N, e.g. 2/4",                              # BadParameter
                     "network access is off",                             # _refuse
                     "nesting deeper than",                               # _Limit
                     "the worker process",                                # Outcome
                     "took longer than --timeout",                        # Result
                     "--strict: warnings are errors",                     # echo(err=True)
                     "static faces of",                                   # Check
                     "must be listed in languages",                       # ValueError
                     "PO syntax error"):                                  # "…" + (… if … else …)
        assert any(expected in s for s in signatures), f"no message like {expected!r} extracted"


def test_every_message_is_in_the_troubleshooting_guide():
    text = GUIDE.read_text(encoding="utf-8")
    guide = _normal(text)
    lines = [_normal(line) for line in text.splitlines()]
    missing = [m for m in extract_messages() if not m.found_in(guide, lines)]
    if missing:
        pytest.fail(
            f"{len(missing)} message(s) are not documented in {GUIDE.relative_to(ROOT)}; add "
            "each as printed (interpolated values as <placeholders>), what it means and how to "
            "fix it:\n  " + "\n  ".join(map(str, missing)), pytrace=False)


def _anchors(markdown: str) -> set[str]:
    """The anchors GitHub gives the headings of a page (outside fenced code blocks)."""
    anchors, fenced = set(), False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return anchors


def test_the_guide_links_resolve():
    """Every relative link of the user guide (docs/*.md) reaches a file, and its heading."""
    broken = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            linked = (page.parent / path) if path else page
            if not linked.exists():
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
            elif anchor and linked.suffix == ".md" and anchor not in _anchors(
                    linked.read_text(encoding="utf-8")):
                broken.append(f"{page.relative_to(ROOT)}: {target} (no such heading)")
    assert not broken, "broken links:\n  " + "\n  ".join(broken)
