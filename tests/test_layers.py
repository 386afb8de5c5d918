"""Imports run downward: rendering and the locale layer never reach up into the translators'
workflow (i18n/), and locale/ reaches into no rendering package, read from the real sources."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "inbrief"


def _imports(package: str) -> list[tuple[str, int, str]]:
    """(file, line, imported module as a top package of inbrief) of every runtime import."""
    found = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                       and getattr(node.test, "id", None) == "TYPE_CHECKING"
                       for n in ast.walk(node)}
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""] if node.level == 0 else [
                    _resolve(path, node.level, node.module)]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if name.startswith("inbrief."):
                    found.append((path.name, node.lineno, name.split(".")[1]))
    return found


def _resolve(path: Path, level: int, module: str | None) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)[:-level]
    return ".".join(parts + ([module] if module else []))


@pytest.mark.parametrize("package", ["render", "pdf", "locale", "blocks", "content", "config"])
def test_rendering_content_and_locale_do_not_import_i18n(package):
    assert [i for i in _imports(package) if i[2] == "i18n"] == []


def test_locale_imports_no_rendering_layer():
    upward = {"render", "pdf", "blocks", "batch", "cli", "i18n", "project"}
    assert [i for i in _imports("locale") if i[2] in upward] == []


def test_rendering_reads_locale_from_locale():
    """The move is real: the formatting and glyph modules live in locale/ and are used there."""
    assert not (PACKAGE / "i18n" / "formatting.py").exists()
    assert not (PACKAGE / "i18n" / "glyphs.py").exists()
    assert ("blocks_doc.py", "locale") in {(f, m) for f, _, m in _imports("render")}
