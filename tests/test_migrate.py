"""`inbrief migrate`: the classic default project rewritten as sections keeps every text,
every translation and every record of what each translation was made from."""

from __future__ import annotations

import json

from conftest import CLASSIC, copy_classic, run

BEFORE = CLASSIC / "translations-before.json"
"""`inbrief translations --json` of the classic fixture before the move (lang, total,
translated, percent per language), recorded while inbrief still read the classic model."""


def _report(project) -> dict:
    result = run("--project", str(project), "translations", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_migrated_project_keeps_every_translation_complete_and_up_to_date(tmp_path):
    project = copy_classic(tmp_path / "project")
    before = json.loads(BEFORE.read_text(encoding="utf-8"))
    result = run("--project", str(project), "migrate")
    assert result.exit_code == 0, result.output
    assert "content: sections" in (project / "inbrief.yaml").read_text(encoding="utf-8")
    after = _report(project)
    assert after["source_language"] == before["source_language"]
    assert [now["lang"] for now in after["languages"]] == \
        [was["lang"] for was in before["languages"]]
    for was, now in zip(before["languages"], after["languages"]):
        # One text more in every language: the cover's acronym, a fact of the classic model
        # printed the same everywhere, is now a text a translation may change (OIM, МОМ).
        assert (now["lang"], now["total"], now["translated"], now["percent"]) == \
            (was["lang"], was["total"] + 1, was["translated"] + 1, was["percent"])
        assert now["stale"] == [] and now["missing"] == []
    check = run("--project", str(project), "check")
    assert check.exit_code == 0, check.output
    assert "80 target(s) valid" in check.output


def test_migrate_refuses_a_project_of_sections(tmp_path):
    project = tmp_path / "brief"
    assert run("init", str(project), "--template", "blank").exit_code == 0
    result = run("--project", str(project), "migrate")
    assert result.exit_code == 2
    assert "already a project of sections — nothing to migrate" in result.output


def test_migrated_audiences_keep_their_own_words_without_warnings(tmp_path):
    """An audience's call-out and rewordings, in its own files and their own records."""
    from pypdf import PdfReader

    project = copy_classic(tmp_path / "project")
    assert run("--project", str(project), "migrate").exit_code == 0
    out = tmp_path / "out"
    result = run("--project", str(project), "build", "--layout", "brief", "--audience",
                 "government", "--lang", "en", "--lang", "uk", "--out", str(out))
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert [w for t in manifest["targets"] for w in t["warnings"]] == []
    text = " ".join(p.extract_text() for p in PdfReader(
        out / "en" / "iom-in-brief-brief-government.pdf").pages)
    assert "Partnering with governments" in " ".join(text.split())
