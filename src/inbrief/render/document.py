"""One target's HTML and stylesheets, plus the list of files they were made from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from ..config.loader import Project
from ..content.loader import Content
from ..pdf.fonts import Face, families_stack, font_face_css
from .context import build_context, text_direction
from .env import make_env, render
from .filters import css_content
from .searchpath import find_file, search_path


@dataclass
class Rendered:
    html: str
    stylesheets: list[tuple[Path | None, str]]
    """(file it came from, CSS text); the generated sheet has no file."""


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


def load_design(project: Project, audience: str) -> Design:
    templates = search_path(project.root, "templates", audience)
    return Design(make_env(templates), templates, search_path(project.root, "styles", audience))


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
BLEED_MM = 3
MARKS_MM = 8  # media box margin: the 3 mm bleed plus room for crop marks outside it


def render_document(project: Project, content: Content, layout: str, audience: str,
                    faces: list[Face], *, paper: str = "a4", print_mode: bool = False,
                    filler_pages: int = 0, design: Design | None = None) -> Rendered:
    cfg = project.config.layouts[layout]
    design = design or load_design(project, audience)
    context = build_context(content, layout=layout, audience=audience, filler_pages=filler_pages,
                            print_mode=print_mode)
    template = f"layouts/{cfg.template or layout + '.html.j2'}"
    design.find("templates", template)
    html = render(design.env, template, context)

    # Order matters: the layout's stylesheet comes after the generated one, so a layout
    # can override the running footer or the font stack.
    sheets: list[tuple[Path | None, str]] = [
        design.stylesheet("base.css"),
        (None, generated_css(content, faces)),
        design.stylesheet(f"layouts/{cfg.stylesheet or layout + '.css'}"),
    ]
    sheets.append((None, page_css(cfg.paper, paper, print_mode)))
    return Rendered(html=html, stylesheets=sheets)


def page_css(layout_paper: str, paper: str, print_mode: bool) -> str:
    """Sheet size, and for print production 3 mm bleed with crop marks (sets TrimBox/BleedBox)."""
    size = PAGE_SIZES[(layout_paper, paper)]
    css = "@page { size: %s; }\n:root { --sheet-width: %gmm; --sheet-height: %gmm; }" % (
        size, *SHEET_MM[size])
    if print_mode:
        css += "\n@page { bleed: %dmm; marks: crop; }\n:root { --bleed: %dmm; }" % (MARKS_MM,
                                                                                 BLEED_MM)
    return css


def generated_css(content: Content, faces: list[Face]) -> str:
    """The part of the style that depends on configuration and language."""
    return page_furniture_css(content.lang, faces, content.texts.labels.page_of,
                              f"{content.texts.organization.short_name} · "
                              f"{content.texts.document.title}")


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
