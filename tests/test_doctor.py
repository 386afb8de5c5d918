"""inbrief doctor explains what the machine lacks, and what to install."""

from conftest import REPO, run


def test_doctor_on_a_prepared_machine():
    result = run("--project", str(REPO), "doctor")
    assert result.exit_code == 0, result.output
    assert _line(result.output, "font subsetting").endswith(
        "HarfBuzz (native): byte-identical, fast")
    assert "fonts for 'ar'" in result.output and "IBM Plex Sans Arabic" in result.output


def test_doctor_says_what_to_install_without_harfbuzz_subset(monkeypatch):
    from inbrief.pdf.engine import _weasyprint

    _weasyprint()
    from weasyprint.text import ffi

    monkeypatch.setattr(ffi, "harfbuzz_subset", None)
    result = run("--project", str(REPO), "doctor")
    assert result.exit_code == 0, result.output  # slow, not wrong: a warning
    assert _line(result.output, "font subsetting").startswith("warn")
    assert "fontTools: byte-identical (inbrief keeps each font's own timestamp)" in result.output
    assert "apt-get install libharfbuzz-subset0" in result.output


def test_doctor_says_when_fonttools_is_asked_for(monkeypatch):
    from inbrief.pdf.engine import _weasyprint

    _weasyprint()
    import weasyprint.pdf.fonts as pdf_fonts

    monkeypatch.setenv("INBRIEF_FONT_SUBSETTING", "fonttools")
    monkeypatch.setattr(pdf_fonts, "harfbuzz_subset", None)  # what the variable does at start
    result = run("--project", str(REPO), "doctor")
    assert result.exit_code == 0, result.output
    assert "fontTools: byte-identical" in result.output
    assert "INBRIEF_FONT_SUBSETTING=fonttools asks for it: unset it" in result.output


def test_doctor_fails_on_an_unknown_subsetting_path(monkeypatch):
    monkeypatch.setenv("INBRIEF_FONT_SUBSETTING", "hb-subset")
    result = run("--project", str(REPO), "doctor")
    assert result.exit_code == 1
    assert "INBRIEF_FONT_SUBSETTING='hb-subset' is not a subsetting path" in result.output


def _line(output: str, name: str) -> str:
    return next(line.strip() for line in output.splitlines() if f"  {name}  " in line)


def test_doctor_fails_when_a_font_package_is_missing(project):
    config = project / "inbrief.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "family: Fira Sans", "family: Nonexistent Sans"), encoding="utf-8")
    result = run("--project", str(project), "doctor")
    assert result.exit_code == 1
    assert "pip install fontpkg-nonexistent-sans" in result.output
