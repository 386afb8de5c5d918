"""docs/sections.md, followed step by step with its own snippets: from `inbrief init
--template blank` to a brief in English and French with a block kind of one's own.

Every fenced block of the guide's walk-through (up to "Moving a classic project") is used:
a YAML or Jinja block opens with a comment naming its file (``# data/text/en.yaml`` is the
whole file, ``# data/text/en.yaml: add`` is merged into it), a shell block's commands are run
in order. Change the guide and this test follows it; break the guide and this test fails."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import yaml
from conftest import REPO, run
from pypdf import PdfReader

GUIDE = REPO / "docs" / "sections.md"
END = "## Moving a classic project to sections"
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
NAMED = re.compile(r"^(?:#|\{#)\s*(?P<path>[\w./-]+?)(?P<add>: add)?\s*(?:#\})?$")


def steps() -> list[tuple[str, str]]:
    """(language, body) of each fenced block of the walk-through, in order."""
    text = GUIDE.read_text(encoding="utf-8")
    assert END in text
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(text.split(END)[0])]


def merge(base: dict, more: dict) -> dict:
    for key, value in more.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge(base[key], value)
        else:
            base[key] = value
    return base


def apply(project: Path, lang: str, body: str) -> str:
    first, _, rest = body.partition("\n")
    named = NAMED.match(first.strip())
    assert named, f"a {lang} block of the guide names no file on its first line: {first!r}"
    path = project / named.group("path")
    path.parent.mkdir(parents=True, exist_ok=True)
    if named.group("add"):
        assert lang == "yaml", first
        data = merge(yaml.safe_load(path.read_text(encoding="utf-8")), yaml.safe_load(rest))
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    else:
        path.write_text(body, encoding="utf-8")
    return named.group("path")


def shell(cwd: Path, body: str) -> tuple[Path, list[str]]:
    """Run the block's commands (``inbrief …``, ``cd``) from ``cwd``; the folder they end in."""
    ran = []
    for line in body.splitlines():
        words = shlex.split(line, comments=True)
        if not words:
            continue
        if words[0] == "cd":
            cwd = cwd / words[1]
            continue
        assert words[0] == "inbrief", f"the guide runs {line!r}: only inbrief and cd here"
        result = run(*words[1:], cwd=cwd)
        assert result.exit_code == 0, (line, result.output)
        ran.append(" ".join(words[1:]))
    return cwd, ran


def _text(pdf: Path) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)


def test_the_guide_builds_a_two_language_brief_with_a_kind_of_ones_own(tmp_path):
    here, files, commands = tmp_path, [], []
    for lang, body in steps():
        if lang == "sh":
            here, ran = shell(here, body)
            commands += ran
        elif lang in ("yaml", "jinja"):
            files.append(apply(here, lang, body))
        else:
            assert lang == "text", f"unexpected block ```{lang} in the walk-through"
    assert commands[0] == "init my-brief --template blank" and here == tmp_path / "my-brief"
    assert commands[-2:] == ["check", "build --layout brief"], commands
    assert {"data/text/en.yaml", "data/text/fr.yaml", "data/facts.yaml", "inbrief.yaml",
            "blocks/milestone/schema.yaml", "blocks/milestone/block.html.j2",
            "blocks/milestone/labels.yaml"} <= set(files), files

    manifest = json.loads((here / "output" / "manifest.json").read_text(encoding="utf-8"))
    briefs = {t["lang"]: t for t in manifest["targets"] if t["layout"] == "brief"}
    assert set(briefs) == {"en", "fr"}
    assert not briefs["en"]["warnings"], briefs["en"]["warnings"]
    en = _text(here / "output" / briefs["en"]["path"])
    fr = _text(here / "output" / briefs["fr"]["path"])
    for phrase in ("The situation", "12,000 people displaced since March.", "Our response",
                   "People displaced", "Clean water for 40 villages — due 2027-06 (35 %)"):
        assert phrase in en, (phrase, en)
    for phrase in ("La situation", "Notre action", "Personnes déplacées",
                   "Eau potable pour 40 villages — échéance 2027-06 (35 %)"):
        assert phrase in fr, (phrase, fr)
    # What the French file leaves out is printed in English, with a warning naming its key.
    assert "Heavy rains flooded three districts." in fr
    assert any("no translation for 'response.steps.items.0'" in w
               for w in briefs["fr"]["warnings"]), briefs["fr"]["warnings"]
    assert "About this brief" not in en  # the starter's section made way for the guide's
