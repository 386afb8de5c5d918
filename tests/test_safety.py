"""Templates cannot read files outside the project or reach the network."""

from __future__ import annotations

from pypdf import PdfReader

from conftest import run


def _add_to_template(project, snippet):
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("max: 4", "max: 8"), encoding="utf-8")
    partial = project / "templates/partials/overview.html.j2"
    partial.write_text(partial.read_text(encoding="utf-8") + snippet, encoding="utf-8")


def test_file_outside_project_is_refused(project, tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("body { background: red }", encoding="utf-8")
    _add_to_template(project, f'<link rel="stylesheet" href="{secret.as_uri()}">\n'
                              '<img src="file:///etc/passwd" alt="x">\n'
                              '<img src="../../../../etc/hostname" alt="y">\n')
    result = run("--project", str(project), "build", "--audience", "general", "--layout", "brief", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "outside the project" in result.stderr
    data = (project / "output/en/iom-in-brief-brief-general.pdf").read_bytes()
    assert b"root:" not in data


def test_network_is_refused(project):
    _add_to_template(project, '<img src="http://127.0.0.1:9/x.png" alt="remote">\n')
    result = run("--project", str(project), "build", "--audience", "general", "--layout", "brief", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "network access is disabled" in result.stderr


def test_image_inside_project_is_allowed(project):
    (project / "templates/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        '<rect width="10" height="10" fill="#0033a0"/></svg>', encoding="utf-8")
    _add_to_template(project, '<img src="templates/logo.svg" alt="logo">\n')
    result = run("--project", str(project), "build", "--audience", "general", "--layout", "brief", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "refused" not in result.stderr
    assert len(PdfReader(project / "output/en/iom-in-brief-brief-general.pdf").pages) >= 2
