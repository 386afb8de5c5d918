"""inbrief doctor explains what the machine lacks, and what to install."""

from conftest import REPO, run


def test_doctor_on_a_prepared_machine():
    result = run("--project", str(REPO), "doctor")
    assert result.exit_code == 0, result.output
    assert "HarfBuzz subsetting (libharfbuzz-subset)  native" in result.output
    assert "fonts for 'ar'" in result.output and "IBM Plex Sans Arabic" in result.output


def test_doctor_says_what_to_install_without_harfbuzz_subset(monkeypatch):
    from inbrief.pdf.engine import _weasyprint

    _weasyprint()
    from weasyprint.text import ffi

    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    result = run("--project", str(REPO), "doctor")
    assert result.exit_code == 0, result.output  # slow, not wrong: a warning
    assert "apt-get install libharfbuzz-subset0" in result.output


def test_doctor_fails_when_a_font_package_is_missing(project):
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "family: Fira Sans", "family: Nonexistent Sans"), encoding="utf-8")
    result = run("--project", str(project), "doctor")
    assert result.exit_code == 1
    assert "pip install fontpkg-nonexistent-sans" in result.output
