"""One target's HTML and stylesheets, plus the list of files they were made from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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


PAGE_SIZES = {
    ("a4", "a4"): "A4", ("a4", "letter"): "letter",
    ("a5", "a4"): "A5", ("a5", "letter"): "5.5in 8.5in",
    ("a4-landscape", "a4"): "A4 landscape", ("a4-landscape", "letter"): "letter landscape",
}
BLEED_MM = 3
MARKS_MM = 8  # media box margin: the 3 mm bleed plus room for crop marks outside it


def render_document(project: Project, content: Content, layout: str, audience: str,
                    faces: list[Face], *, paper: str = "a4", print_mode: bool = False,
                    filler_pages: int = 0) -> Rendered:
    cfg = project.config.layouts[layout]
    templates = search_path(project.root, "templates", audience)
    styles = search_path(project.root, "styles", audience)
    env = make_env(templates)
    context = build_context(content, layout=layout, audience=audience, filler_pages=filler_pages,
                            print_mode=print_mode)
    template = f"layouts/{cfg.template or layout + '.html.j2'}"
    find_file(templates, template, "templates")
    html = render(env, template, context)

    # Order matters: the layout's stylesheet comes after the generated one, so a layout
    # can override the running footer or the font stack.
    base = find_file(styles, "base.css", "styles")
    own = find_file(styles, f"layouts/{cfg.stylesheet or layout + '.css'}", "styles")
    sheets: list[tuple[Path | None, str]] = [
        (base, base.read_text(encoding="utf-8")),
        (None, generated_css(content, faces)),
        (own, own.read_text(encoding="utf-8")),
    ]
    sheets.append((None, page_css(cfg.paper, paper, print_mode)))
    return Rendered(html=html, stylesheets=sheets)


def page_css(layout_paper: str, paper: str, print_mode: bool) -> str:
    """Sheet size, and for print production 3 mm bleed with crop marks (sets TrimBox/BleedBox)."""
    css = "@page { size: %s; }" % PAGE_SIZES[(layout_paper, paper)]
    if print_mode:
        css += "\n@page { bleed: %dmm; marks: crop; }\n:root { --bleed: %dmm; }" % (MARKS_MM,
                                                                                 BLEED_MM)
    return css


def generated_css(content: Content, faces: list[Face]) -> str:
    """The part of the style that depends on configuration and language."""
    folio = css_content(content.texts.labels.page_of, page="counter(page)",
                        pages="counter(pages)")
    title = css_content(f"{content.texts.organization.short_name} · {content.texts.document.title}")
    # Page-margin boxes are physical: mirror them for right-to-left languages.
    outer, inner = ("left", "right") if text_direction(content.lang) == "rtl" else ("right", "left")
    return "\n".join([
        font_face_css(faces),
        "html { font-family: %s; }" % families_stack(faces),
        "@page { @bottom-%s { content: %s; text-align: %s; } }" % (outer, folio, outer),
        "@page { @bottom-%s { content: %s; text-align: %s; } }" % (inner, title, inner),
        "@page :first { @bottom-right { content: none; } @bottom-left { content: none; } }",
    ])
