"""``inbrief doctor``: is this machine set up to render right, and fast?

Each check says what it found and, when something is off, what to install.
Problems that make output wrong are errors (exit 1); problems that only make
rendering slow are warnings. Nothing here is needed to build: it explains.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass

import click

OK, WARN, FAIL = "ok", "warn", "FAIL"
MIN_PANGO = (1, 44, 0)


@dataclass
class Check:
    status: str
    name: str
    found: str
    fix: str = ""


def run_checks(project=None) -> list[Check]:
    checks = [Check(OK, "Python", platform.python_version())]
    checks += _weasyprint()
    checks += _fonts(project)
    return checks


def _weasyprint() -> list[Check]:
    from importlib.metadata import version

    from ..errors import UserError
    from ..pdf.engine import _weasyprint

    want = "70.0"
    have = version("weasyprint")
    out = [Check(OK if have == want else WARN, "WeasyPrint", have,
                 "" if have == want else f"inbrief is tested with {want}: byte-identical output "
                 f"across machines needs the same version (pip install weasyprint=={want})")]
    try:
        _weasyprint()
        from weasyprint.text import ffi as wffi
    except OSError as exc:  # Pango or HarfBuzz missing: WeasyPrint cannot load
        return out + [Check(FAIL, "Pango/HarfBuzz", f"cannot load: {exc}",
                            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b "
                            "(or run .ci/system-deps)")]
    except UserError as exc:  # a wrong INBRIEF_FONT_SUBSETTING: no PDF could be written
        return out + [Check(FAIL, "font subsetting", "cannot choose", exc.text)]
    pango = _version(wffi.pango.pango_version())
    out.append(Check(OK if pango >= MIN_PANGO else FAIL, "Pango", _dotted(pango),
                     "" if pango >= MIN_PANGO else
                     f"Pango {_dotted(MIN_PANGO)} or later is needed (apt-get install "
                     "libpango-1.0-0)"))
    out.append(Check(OK, "HarfBuzz", _harfbuzz_version()))
    out.append(_subsetting())
    return out


def _subsetting() -> Check:
    """Which way fonts are subset: both give the same bytes every time, at different speeds."""
    from ..errors import UserError
    from ..pdf import subsetting

    try:
        subsetting.forced()
    except UserError as exc:
        return Check(FAIL, "font subsetting", "cannot choose", exc.text)
    if subsetting.active() == "harfbuzz":
        return Check(OK, "font subsetting", "HarfBuzz (native): byte-identical, fast")
    return Check(WARN, "font subsetting",
                 "fontTools: byte-identical (inbrief keeps each font's own timestamp), "
                 "writing PDFs about 3x slower",
                 "INBRIEF_FONT_SUBSETTING=fonttools asks for it: unset it to subset with HarfBuzz"
                 if subsetting.native() else
                 "apt-get install libharfbuzz-subset0 (HarfBuzz 4.1 or later)")


def _fonts(project) -> list[Check]:
    from ..errors import UserError
    from ..pdf.fonts import isolate_fontconfig, resolve_faces

    conf = isolate_fontconfig()
    out = [Check(OK, "fontconfig", f"isolated ({conf}): no system font can be embedded")]
    if project is None:
        return out + [Check(WARN, "fonts", "no project found: font packages not checked",
                            "run inside a project, or pass --project DIR")]
    for lang in project.config.languages:
        try:
            faces = resolve_faces(project.config.fonts, lang)
        except UserError as exc:
            out.append(Check(FAIL, f"fonts for '{lang}'", "missing", exc.text))
            continue
        variable = [f for f in faces if "variable" in f.path.name.lower()]
        families = sorted({f.family for f in faces})
        out.append(Check(WARN if variable else OK, f"fonts for '{lang}'",
                         f"{len(faces)} static faces of {', '.join(families)}",
                         "variable fonts are instanced on every document (hundreds of ms): "
                         "use a package with static faces" if variable else ""))
    return out


def _harfbuzz_version() -> str:
    """WeasyPrint's bindings do not declare hb_version_string; ask the library directly."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("harfbuzz")
    try:
        lib = ctypes.CDLL(name or "libharfbuzz.so.0")
        lib.hb_version_string.restype = ctypes.c_char_p
        return lib.hb_version_string().decode()
    except (OSError, AttributeError):
        return "loaded (version unknown)"


def _version(number: int) -> tuple[int, int, int]:
    return (number // 10000, number // 100 % 100, number % 100)


def _dotted(v) -> str:
    return ".".join(str(p) for p in v)


@click.command()
@click.pass_obj
def doctor(state):
    """Check what rendering needs: WeasyPrint, Pango, font subsetting, the fonts.

    Prints what to install when something would make rendering slow or wrong;
    exits 1 if output would be wrong.

    \b
    Example:
      inbrief doctor
    """
    from ..errors import UserError

    try:
        project = state.project()
    except UserError:
        project = None
    checks = run_checks(project)
    width = max(len(c.name) for c in checks)
    for c in checks:
        colour = {"ok": "green", "warn": "yellow", "FAIL": "red"}[c.status]
        click.echo(f"{click.style(f'{c.status:>4}', fg=colour)}  {c.name:<{width}}  {c.found}")
        if c.fix:
            click.echo(f"{'':>4}  {'':<{width}}  → {c.fix}")
    if any(c.status == FAIL for c in checks):
        sys.exit(1)
