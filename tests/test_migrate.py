"""`inbrief migrate`: the classic default project rewritten as sections keeps every text,
every translation and every record of what each translation was made from."""

from __future__ import annotations

import json

import pytest

from conftest import CLASSIC, REPO, copy_classic, run

BEFORE = CLASSIC / "translations-before.json"
"""`inbrief translations --json` of the classic fixture before the move (lang, total,
translated, percent per language), recorded while inbrief still read the classic model."""
RECIPE = REPO / "migrate" / "classic.yaml"
"""The recipe of the default project: what moves where (the default of `--recipe`)."""


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


def _yaml(path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_recipe_moves_the_default_project_as_before(tmp_path):
    """What migrate/classic.yaml makes of the classic fixture: checked, file by file, to be
    byte-identical with the output of the code that hard-wired these choices; here its most
    telling parts."""
    project = copy_classic(tmp_path / "project")
    classic = _yaml(project / "data" / "text" / "en.yaml")
    classic_facts = _yaml(project / "data" / "facts.yaml")
    classic_lead = _yaml(project / "data" / "audiences" / "government.yaml")["lead_figures"]
    assert run("--project", str(project), "migrate").exit_code == 0
    data = project / "data"

    en = _yaml(data / "text" / "en.yaml")
    assert list(en) == ["document", "organization", "labels", "figures", "cover", "numbers",
                        "overview", "mission", "focus", "vision", "areas", "across", "policy",
                        "chart", "history", "cooperation", "contact", "sources"]
    assert en["cover"]["masthead"] == {"type": "cover", "acronym": "IOM"}
    assert en["numbers"]["figures"] == {"type": "key_figures",
                                        "figures": classic_facts["lead_figures"]}
    assert en["chart"]["trend"] == {"type": "chart", "figure": classic_facts["chart"]}
    assert en["overview"]["beside"] == "mission"
    assert en["mission"]["statement"] == {"type": "text",
                                          "paragraphs": [classic["mission"]["statement"]]}
    assert {k: en["focus"]["points"][k] for k in ("type", "numbered", "columns")} == \
        {"type": "list", "numbered": True, "columns": 2}
    assert en["focus"]["points"]["items"] == classic["strategic_focus"]["points"]
    assert en["across"]["note"]["title"] == classic["areas"]["cross_cutting"]["title"]
    assert en["figures"]["staff"] == classic["key_figures"]["staff"]["label"]
    assert en["history"]["events"]["events"] == "history"
    assert en["cooperation"]["events"]["texts"] == classic["cooperation"]["events"]

    fr = (data / "text" / "fr.yaml").read_text(encoding="utf-8")
    assert fr.startswith("# fr: moved to sections of blocks by `inbrief migrate`.\n"
                         "cover:\n  masthead:\n    acronym: IOM\n")
    assert "cover.masthead.acronym" in json.loads(
        (data / "text" / "fr.sources.json").read_text(encoding="utf-8"))["keys"]

    facts = _yaml(data / "facts.yaml")
    assert list(facts) == ["edition", "contact", "sources", "key_figures", "events"]
    assert facts["contact"] == classic_facts["organization"]["contact"]
    assert list(facts["events"]) == ["history", "cooperation"]

    layouts = _yaml(project / "inbrief.yaml")["layouts"]
    assert layouts["brief"]["slots"] == {"cover": ["cover"], "figures": ["numbers"],
                                         "back": ["contact", "sources"]}
    assert layouts["factsheet"]["slots"]["none"] == ["focus", "across", "policy", "chart",
                                                     "history", "cooperation", "sources"]
    assert layouts["leaflet"]["slots"]["none"] == ["across", "policy", "chart", "cooperation"]

    government = _yaml(data / "audiences" / "government.yaml")
    assert "lead_figures" not in government
    assert government["sections"] == ["cover", "numbers", "callout", "mission", "areas",
                                      "across", "policy", "focus", "vision", "chart", "history",
                                      "cooperation", "overview", "contact", "sources"]
    assert government["slots"]["leaflet"] == {"none": ["across", "policy", "chart", "history",
                                                       "cooperation"]}
    assert list(_yaml(data / "audiences" / "general.yaml")) == ["description"]
    own = _yaml(data / "text" / "audiences" / "government" / "en.yaml")
    assert own["callout"]["message"]["type"] == "callout"
    assert own["numbers"] == {"figures": {"figures": classic_lead}}

    css = (project / "styles" / "project.css").read_text(encoding="utf-8")
    assert ":root { --accent: #0033a0; --accent-dark: #00205f;" in css
    assert css.endswith(".layout-booklet .section-focus { break-before: page; }\n")


def test_migrate_follows_the_recipe_it_is_given(tmp_path):
    """Without the factsheet's own choice of sections, it shows what the brief shows."""
    project = copy_classic(tmp_path / "project")
    recipe = tmp_path / "recipe.yaml"
    text = RECIPE.read_text(encoding="utf-8")
    start = text.index("  factsheet:\n")
    end = text.index("  leaflet:\n")
    mine = text[:start] + "  factsheet:\n    slots: {cover: [cover], back: [contact]}\n" + \
        text[end:]
    recipe.write_text(mine.replace("blue-dark: accent-dark", "blue-dark: ink-strong"),
                      encoding="utf-8")
    result = run("--project", str(project), "migrate", "--recipe", str(recipe))
    assert result.exit_code == 0, result.output
    factsheet = _yaml(project / "inbrief.yaml")["layouts"]["factsheet"]
    assert factsheet["slots"] == {"cover": ["cover"], "back": ["contact"]}
    partners = _yaml(project / "data" / "audiences" / "partners.yaml")
    assert "factsheet" not in partners.get("slots", {})
    assert "--ink-strong: #00205f;" in (project / "styles" / "project.css").read_text()


@pytest.mark.parametrize("old, new, says", [
    ("\nkeys:\n", "\nkeys:\n  - [document]\n", "not a pair [classic key, sections key]"),
    ("\nkeys:\n", "\nkeys:\n  - document\n", "not a pair [classic key, sections key]"),
    ("\nsections:\n", "\nsectons:\n", "unknown key 'sectons'"),
    ("when: with callout}", "when: callout}", "unknown condition 'callout'"),
])
def test_a_broken_recipe_is_one_paragraph_naming_it(tmp_path, old, new, says):
    project = copy_classic(tmp_path / "project")
    recipe = tmp_path / "broken-recipe.yaml"
    text = RECIPE.read_text(encoding="utf-8")
    assert old in text
    recipe.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run("--project", str(project), "migrate", "--recipe", str(recipe))
    assert result.exit_code == 2
    message = result.output.strip()
    assert "broken-recipe.yaml:" in message and "in the recipe" in message
    assert "\n" not in message and "Traceback" not in message and "internal error" not in message
    assert says in message
    # Nothing was rewritten.
    assert "content: sections" not in (project / "inbrief.yaml").read_text(encoding="utf-8")
    assert not (project / "templates.classic").exists()
