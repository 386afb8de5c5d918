"""What every layout shares: an audience's design (templates and stylesheets found once), the
sheet sizes, and the page furniture (fonts, running footer) made from configuration."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from ..pdf.fonts import Face, families_stack, font_face_css
from .direction import text_direction
from .filters import css_content
from .rendered import BLEED_MM, Rendered  # noqa: F401  (re-exported)
from .searchpath import find_file


@dataclass
class Design:
    """An audience's templates and stylesheets, looked up once per build, not per target.

    Finding the search path, compiling (or stamp-checking) the templates and reading the
    stylesheets cost about as much as templating a target itself.
    """

    env: Environment
    templates: list[Path]
    styles: list[Path]
    _found: dict[tuple[str, str], Path] = field(default_factory=dict)
    _css: dict[str, tuple[Path, str]] = field(default_factory=dict)

    def find(self, kind: str, name: str) -> Path:
        if (kind, name) not in self._found:
            folders = self.templates if kind == "templates" else self.styles
            self._found[(kind, name)] = find_file(folders, name, kind)
        return self._found[(kind, name)]

    def stylesheet(self, name: str) -> tuple[Path, str]:
        if name not in self._css:
            path = self.find("styles", name)
            self._css[name] = (path, path.read_text(encoding="utf-8"))
        return self._css[name]


PAGE_SIZES = {
    ("a4", "a4"): "A4", ("a4", "letter"): "letter",
    ("a5", "a4"): "A5", ("a5", "letter"): "5.5in 8.5in",
    ("a4-landscape", "a4"): "A4 landscape", ("a4-landscape", "letter"): "letter landscape",
}
# The same sheets in mm (width, height), exposed to layouts as --sheet-width/--sheet-height so
# that a design which places things on the sheet (folds, full-bleed panels) follows the paper.
SHEET_MM = {
    "A4": (210, 297), "letter": (215.9, 279.4), "A5": (148, 210), "5.5in 8.5in": (139.7, 215.9),
    "A4 landscape": (297, 210), "letter landscape": (279.4, 215.9),
}
MARKS_MM = 8  # media box margin: the 3 mm bleed plus room for crop marks outside it


def page_css(layout_paper: str, paper: str, print_mode: bool) -> str:
    """Sheet size, and for print production 3 mm bleed with crop marks (sets TrimBox/BleedBox)."""
    size = PAGE_SIZES[(layout_paper, paper)]
    css = "@page { size: %s; }\n:root { --sheet-width: %gmm; --sheet-height: %gmm; }" % (
        size, *SHEET_MM[size])
    if print_mode:
        css += "\n@page { bleed: %dmm; marks: crop; }\n:root { --bleed: %dmm; }" % (MARKS_MM,
                                                                                 BLEED_MM)
    return css


def page_furniture_css(lang: str, faces: list[Face], page_of: str, title: str) -> str:
    """Fonts, and the running footer: the folio outside, the title inside, none on page 1."""
    folio = css_content(page_of, page="counter(page)", pages="counter(pages)")
    title = css_content(title)
    # Page-margin boxes are physical: mirror them for right-to-left languages.
    outer, inner = ("left", "right") if text_direction(lang) == "rtl" else ("right", "left")
    return "\n".join([
        font_face_css(faces),
        "html { font-family: %s; }" % families_stack(faces),
        "@page { @bottom-%s { content: %s; text-align: %s; } }" % (outer, folio, outer),
        "@page { @bottom-%s { content: %s; text-align: %s; } }" % (inner, title, inner),
        "@page :first { @bottom-right { content: none; } @bottom-left { content: none; } }",
    ])
