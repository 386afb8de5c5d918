"""The command line: list, check, init, html output."""

from __future__ import annotations

import json

from pypdf import PdfReader

from conftest import REPO, run


def test_list_json():
    result = run("--project", str(REPO), "list", "--json", "--audience", "general")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)["targets"]
    assert [(r["lang"], r["layout"], r["audience"]) for r in rows] == [
        (lang, layout, "general") for lang in ("ar", "en", "es", "fr", "uk")
        for layout in ("booklet", "brief", "factsheet", "leaflet")]
    assert rows[5]["path"] == "en/iom-in-brief-brief-general.pdf"


def test_list_filters():
    result = run("--project", str(REPO), "list", "--layout", "factsheet", "--lang", "fr",
                 "--audience", "general")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1 and "fr/iom-in-brief-factsheet-general.pdf" in result.stdout


def test_check_writes_nothing(project):
    result = run("--project", str(project), "check")
    assert result.exit_code == 0, result.output
    assert "ok: 5 language(s), 4 audience(s), 80 target(s) valid" in result.stdout
    assert not (project / "output").exists()


def test_init_creates_a_working_project(tmp_path):
    site = tmp_path / "site"
    result = run("init", str(site))
    assert result.exit_code == 0, result.output
    for part in ("inbrief.yaml", "data/facts.yaml", "data/text/en.yaml",
                 "data/audiences/government.yaml", "styles/project.css",
                 "schema/text.schema.json", ".vscode/settings.json"):
        assert (site / part).is_file()
    built = run("build", "--layout", "factsheet", "--lang", "en", "--audience", "general",
                cwd=site)
    assert built.exit_code == 0, built.output
    assert len(PdfReader(site / "output/en/iom-in-brief-factsheet-general.pdf").pages) == 1


def test_init_refuses_to_overwrite(project):
    result = run("init", str(project))
    assert result.exit_code == 2
    assert "already holds inbrief.yaml" in result.stderr


def test_project_override_of_one_partial(project):
    # The built-in section partial, replaced in the project for the overview section only.
    built_in = (REPO / "src/inbrief/design/templates/partials/section.html.j2").read_text(
        encoding="utf-8")
    override = project / "templates/partials/section.html.j2"
    override.parent.mkdir(parents=True)
    override.write_text("{% if s.id == 'overview' %}<section><h2>Custom overview</h2>"
                        "<p>Local text.</p></section>{% else %}" + built_in + "{% endif %}\n",
                        encoding="utf-8")
    result = run("--project", str(project), "build", "--audience", "general", "--layout", "brief", "--format", "html",
                 "--lang", "en")
    assert result.exit_code == 0, result.output
    html = (project / "output/en/iom-in-brief-brief-general.html").read_text(encoding="utf-8")
    assert "Custom overview" in html and "General information" not in html
    assert "IOM is committed to the principle" in html  # the other sections: built-in partial


def test_html_format_is_self_contained(project):
    result = run("--project", str(project), "build", "--audience", "general", "--format", "html", "--layout", "factsheet",
                 "--lang", "en")
    assert result.exit_code == 0, result.output
    html = (project / "output/en/iom-in-brief-factsheet-general.html").read_text(encoding="utf-8")
    assert "<style>" in html and "@font-face" in html and "file://" not in html
    assert "../assets/fonts/FiraSans-Regular.ttf" in html
    assert (project / "output/assets/fonts/FiraSans-Regular.ttf").is_file()


def test_content_is_escaped_not_interpreted(project):
    en = project / "data/text/en.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace(
        "  heading: General information",
        "  heading: \"<b>Bold</b> {{ 7 * 7 }}\""), encoding="utf-8")
    result = run("--project", str(project), "build", "--audience", "general", "--format", "html", "--layout", "brief",
                 "--lang", "en")
    assert result.exit_code == 0, result.output
    html = (project / "output/en/iom-in-brief-brief-general.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Bold&lt;/b&gt; {{ 7 * 7 }}" in html


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and "inbrief" in result.stdout


def test_a_closed_pipe_is_not_an_internal_error():
    """`inbrief list | head -1`: the reader left; inbrief must stop quietly."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first write: every write fails (EPIPE)
    try:
        done = subprocess.run([sys.executable, "-m", "inbrief", "--project", str(REPO), "list"],
                              stdout=write, stderr=subprocess.PIPE, timeout=60)
    finally:
        os.close(write)
    assert b"internal error" not in done.stderr and b"Traceback" not in done.stderr, done.stderr
    assert done.returncode == 1 and done.stderr == b""  # Click's quiet EPIPE exit


def test_progress_bar_shows_share_done_and_time_left():
    from inbrief.cli.main import _bar

    assert _bar(12, 80, 7.0) == "[####--------------------] 12/80 0:39 left"
    assert _bar(80, 80, 30.0) == "[########################] 80/80"


def _table(output: str) -> dict[str, int]:
    """Warnings per row of the build's summary table."""
    lines = output.splitlines()
    head = next(i for i, line in enumerate(lines) if line.split()[:4] == [
        "built", "cached", "failed", "warnings"])
    rows = {}
    for line in lines[head + 1:]:
        cells = line.split()
        if len(cells) != 6:
            break
        rows[cells[0]] = int(cells[4])
    return rows


def test_the_summary_counts_each_content_warning_once_in_its_languages_row(tmp_path):
    site = tmp_path / "site"
    assert run("init", str(site), "--template", "blank").exit_code == 0
    fr = site / "data/text/fr.yaml"  # two fr warnings: a text missing, one stale
    fr.write_text(fr.read_text(encoding="utf-8").replace("  heading:", "  # heading:", 1),
                  encoding="utf-8")
    en = site / "data/text/en.yaml"  # one en warning: a link shown as text
    en.write_text(en.read_text(encoding="utf-8").replace(
        "      - The first point, in one sentence.",
        "      - 'The first point, [in one](javascript:x) sentence.'"), encoding="utf-8")
    # One every language's content gives, about the source file: counted in the source's row.
    (site / "data/audiences").mkdir()
    (site / "data/audiences/general.yaml").write_text("sections: [about]\n", encoding="utf-8")
    extra = site / "data/text/audiences/general/en.yaml"
    extra.parent.mkdir(parents=True)
    extra.write_text("extra:\n  note: {type: text, paragraphs: [Hi.]}\n", encoding="utf-8")
    for cached in (False, True):  # built, then replayed from the manifest
        result = run("build", "--layout", "brief", "--layout", "factsheet", cwd=site)
        assert result.exit_code == 0, result.output
        statuses = [line.split()[0] for line in result.stdout.splitlines()[:4]]
        assert statuses == ["cached" if cached else "built"] * 4, result.output
        printed = result.stderr.count("warning: ")  # fr: the 2, and the extra's text missing
        assert printed == 5 and "5 warnings in" in result.stdout, result.output
        assert _table(result.stdout) == {"en": 2, "fr": 3, "total": 5}, (cached, result.output)
