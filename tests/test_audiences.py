"""Audiences: tailored briefs from one source, overrides by convention, explain."""

from __future__ import annotations

import re
import shutil

import page
import pytest
from pypdf import PdfReader

from conftest import REPO, run

AUDIENCES = ("general", "government", "partners", "migrants")
MISSION = "IOM is committed to the principle that humane and orderly migration benefits"


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    out = tmp_path_factory.mktemp("audiences")
    result = run("--project", str(REPO), "build", "--lang", "en", "--layout", "brief",
                 "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def words(path) -> set[str]:
    text = " ".join(p.extract_text() for p in PdfReader(path).pages).lower()
    return set(re.findall(r"\w+", text))


def flat(path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def test_four_audiences_each_with_the_mission(briefs):
    for audience in AUDIENCES:
        path = briefs / f"en/iom-in-brief-brief-{audience}.pdf"
        assert 2 <= len(PdfReader(path).pages) <= 4
        assert MISSION in flat(path)
        assert page.validate_pdf(str(path), profile="ua1").is_compliant


def test_government_and_migrants_briefs_differ(briefs):
    gov = words(briefs / "en/iom-in-brief-brief-government.pdf")
    mig = words(briefs / "en/iom-in-brief-brief-migrants.pdf")
    shared = len(gov & mig) / len(gov | mig)
    assert shared < 0.85, f"{shared:.0%} of words shared"
    assert "Partnering with governments" in flat(briefs / "en/iom-in-brief-brief-government.pdf")
    assert "How IOM can help you" in flat(briefs / "en/iom-in-brief-brief-migrants.pdf")


def test_audience_lead_figures(briefs):
    text = flat(briefs / "en/iom-in-brief-brief-partners.pdf")
    assert text.index("Programme budget") < text.index("Offices worldwide")


def test_template_override_for_one_audience(project):
    src = REPO / "src/inbrief/design/templates/partials/section.html.j2"
    dest = project / "templates/audiences/migrants/partials/section.html.j2"
    dest.parent.mkdir(parents=True)
    shutil.copy(src, dest)
    original = dest.read_text(encoding="utf-8")
    assert "<h2>{{ s.heading }}</h2>" in original
    dest.write_text(original.replace(
        "<h2>{{ s.heading }}</h2>",
        "<h2>{{ s.heading }}</h2>{% if s.id == 'mission' %}<p>Override marker</p>{% endif %}"),
        encoding="utf-8")
    result = run("--project", str(project), "build", "--lang", "en", "--layout", "brief")
    assert result.exit_code == 0, result.output
    out = project / "output/en"
    assert "Override marker" in flat(out / "iom-in-brief-brief-migrants.pdf")
    for audience in ("general", "government", "partners"):
        assert "Override marker" not in flat(out / f"iom-in-brief-brief-{audience}.pdf")


def test_style_override_for_one_audience(project):
    css = project / "styles/audiences/government/layouts/brief.css"
    css.parent.mkdir(parents=True)
    design = REPO / "src/inbrief/design/styles/layouts/brief.css"
    css.write_text(design.read_text(encoding="utf-8") +
                   "\n.section-callout h2::after { content: ' (override)'; }\n", encoding="utf-8")
    result = run("--project", str(project), "build", "--lang", "en", "--layout", "brief",
                 "--audience", "government", "--audience", "partners")
    assert result.exit_code == 0, result.output
    assert "(override)" in flat(project / "output/en/iom-in-brief-brief-government.pdf")
    assert "(override)" not in flat(project / "output/en/iom-in-brief-brief-partners.pdf")


def test_explain_names_the_audience_file_and_line():
    result = run("--project", str(REPO), "explain", "mission.heading", "--audience", "government")
    assert result.exit_code == 0, result.output
    lines = (REPO / "data/text/audiences/government/en.yaml").read_text().splitlines()
    number = next(i for i, line in enumerate(lines, 1) if "heading: Our mandate" in line)
    assert 'mission.heading = "Our mandate"' in result.stdout
    assert f"data/text/audiences/government/en.yaml:{number}:" in result.stdout
    assert "(audience government)" in result.stdout
    assert re.search(r"overrides data/text/en\.yaml:\d+:\d+ \(base\): \"Mission\"", result.stdout)


def test_explain_unknown_key_suggests():
    result = run("--project", str(REPO), "explain", "mision.heading")
    assert result.exit_code == 2
    assert "did you mean mission.heading" in result.stderr


def test_bad_audience_definition(project):
    spec = project / "data/audiences/migrants.yaml"
    lines = spec.read_text(encoding="utf-8").splitlines()
    n = lines.index("- mission")  # in its list of sections
    lines[n] = "- missions"
    spec.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = project / "data/text/audiences/government/en.yaml"
    text.write_text(text.read_text(encoding="utf-8") + "vision:\n  hedding: x\n",
                    encoding="utf-8")
    result = run("--project", str(project), "check")
    assert result.exit_code == 2
    assert re.search(rf"data/audiences/migrants\.yaml:{n + 1}:\d+: audience 'migrants': unknown "
                     r"section 'missions' — did you mean 'mission'\?", result.stderr), result.stderr
    assert re.search(r"data/text/audiences/government/en\.yaml:\d+:\d+: unknown key "
                     r"'hedding' — did you mean 'heading'\?", result.stderr), result.stderr


def test_a_problem_in_an_audience_text_points_at_its_own_line(project):
    from conftest import run

    gov = project / "data/text/audiences/government/en.yaml"
    lines = gov.read_text(encoding="utf-8").splitlines()
    n = lines.index("  heading: Our mandate")
    lines[n] = '  heading: ""'
    gov.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--project", str(project), "check", "--lang", "en", "--audience", "government")
    assert result.exit_code == 2
    assert f"data/text/audiences/government/en.yaml:{n + 1}:" in result.stderr, result.stderr
