"""The tool is generic: the words of the brief it was first made for live in that brief's data,
never in the code, the built-in layouts, CSS or block kinds the package ships."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "src" / "inbrief"
DENIED = re.compile(
    r"\b(missions?|strategic[ _]focus|areas|visions?|pillars?|cooperation|migrants?|migration|"
    r"iom|oim|мом|geneva|genève|ginebra)\b", re.IGNORECASE)
"""The default project's own vocabulary: its sections, its name, its seat."""


def _hits(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [f"{path.relative_to(REPO)}:{n}: {m.group(0)!r} in {line.strip()[:90]!r}"
            for n, line in enumerate(text.splitlines(), 1) for m in DENIED.finditer(line)]


def _shipped() -> list[Path]:
    """Every text file of the package: code, templates, stylesheets, kinds, labels, starters."""
    return [p for p in sorted(PACKAGE.rglob("*")) if p.is_file()
            and "__pycache__" not in p.parts and p.suffix not in (".png", ".jpg", ".woff2")]


def test_no_word_of_the_default_brief_in_the_package():
    files = _shipped()
    kinds = {p.parent.name for p in files if p.name == "schema.yaml"}
    assert len(files) > 100 and {"text", "list", "cards", "chart", "contact"} <= kinds
    assert any(p.suffix == ".css" for p in files) and any(p.suffix == ".j2" for p in files)
    hits = [hit for path in files for hit in _hits(path)]
    assert not hits, "the package names the default brief's words:\n" + "\n".join(hits)


def test_the_denylist_finds_the_default_brief_where_it_belongs():
    """The same check over the default project's own files finds its words (it can fail)."""
    hits = _hits(REPO / "data" / "text" / "en.yaml") + _hits(REPO / "migrate" / "classic.yaml")
    found = {h.split("'")[1].lower() for h in hits}
    assert {"mission", "areas", "vision", "cooperation", "migrants", "iom"} <= found, found
