"""One target of a sections project: its HTML (layout slots filled with sections of blocks)
and its stylesheets (the built-in design, the kinds' styles, the project's overrides).

The design ships in the package (``inbrief/design``): a project overrides any template or
stylesheet by a file of the same name under its own ``templates/`` or ``styles/``, and any
kind's file under ``blocks/<kind>/``, so a user's kind is never second-class.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from ..blocks.data import Unset
from ..blocks.load import BlockContent
from ..blocks.registry import folders as kind_folders
from ..config.loader import Project
from ..locale import formatting as fmt
from ..pdf.fonts import Face
from .direction import text_direction
from .document import Design, Rendered, page_css, page_furniture_css
from .env import make_env, render
from .filters import within
from .searchpath import search_path

DESIGN = Path(__file__).resolve().parent.parent / "design"


def load_block_design(project: Project, audience: str) -> Design:
    templates = search_path(project.root, "templates", audience, builtin=DESIGN)
    kinds = kind_folders(project.root, audience)
    return Design(make_env(templates, kinds=[k for k in kinds if k.is_dir()]), templates,
                  search_path(project.root, "styles", audience, builtin=DESIGN))


@dataclass(frozen=True)
class BlockView:
    id: str
    kind: str
    data: object
    full: str
    short_form: str | None

    def template(self, short: bool = False) -> str:
        return self.short_form if short and self.short_form else self.full


@dataclass(frozen=True)
class SectionView:
    id: str
    heading: str | None
    beside: str | None
    blocks: list[BlockView]


def render_block_document(project: Project, content: BlockContent, layout: str, audience: str,
                          faces: list[Face], *, paper: str = "a4", print_mode: bool = False,
                          filler_pages: int = 0, fill_mm: float = 0,
                          design: Design | None = None) -> Rendered:
    cfg = project.config.layouts[layout]
    design = design or load_block_design(project, audience)
    context = block_context(project, content, layout, filler_pages, print_mode, fill_mm)
    template = f"layouts/{cfg.template or layout + '.html.j2'}"
    design.find("templates", template)
    html = render(design.env, template, context)
    kinds_css = [(k.css, k.css.read_text(encoding="utf-8"))
                 for k in sorted(content.kinds.values(), key=lambda k: k.name)
                 if k.css is not None]
    sheets = [design.stylesheet("base.css"), *kinds_css,
              (None, _generated_css(content, faces)),
              design.stylesheet(f"layouts/{cfg.stylesheet or layout + '.css'}")]
    project_css = project.root / "styles" / "project.css"
    if project_css.is_file():  # the project's own look on top of the design: colours, type
        sheets.append((project_css, project_css.read_text(encoding="utf-8")))
    sheets.append((None, page_css(cfg.paper, paper, print_mode)))
    return Rendered(html=html, stylesheets=sheets, fill_slot=bool(context["slots"]["fill"]))


def block_context(project: Project, content: BlockContent, layout: str, filler_pages: int,
                  print_mode: bool, fill_mm: float = 0) -> dict:
    from .qr import qr_img

    words, facts, lang = content.words, content.facts, content.lang
    sections = [_section_view(s, content) for s in content.sections]
    slots = _slots({**project.config.layouts[layout].slots, **content.slots.get(layout, {})},
                   sections)
    figures = {fid: _figure(content, fid) for fid in facts.key_figures}
    contact = facts.contact
    site = urlparse(contact.website).netloc if contact and contact.website else None
    shown = [fid for s in sections for b in s.blocks if b.kind == "key_figures"
             for fid in b.data.figures]
    cited: dict[str, list[str]] = {}
    for fid in dict.fromkeys(shown):
        cited.setdefault(facts.key_figures[fid].latest.source, []).append(figures[fid]["label"])
    return {
        "lang": lang, "dir": text_direction(lang), "layout": layout,
        "audience": content.audience, "filler_pages": filler_pages, "fill_mm": fill_mm,
        "print_mode": print_mode, "typography": content.typography,
        "document": words.document, "organization": words.organization,
        "labels": words.labels, "sections": sections, "slots": slots, "rows_of": _rows,
        "figures": figures, "charts": _charts(content, sections, figures),
        "events": {name: [{"id": e.id, "date": fmt.partial_date(e.date, lang),
                           "year": e.date[:4]} for e in evs]
                   for name, evs in facts.events.items()},
        "edition": words.labels["edition"].format(year=facts.edition) if facts.edition else None,
        "contact": _contact(contact, lang, site, words.organization) if contact else None,
        "qr": qr_img(contact.website, label=words.labels["qr"].format(site=site))
              if site else None,
        "sources": [{"title": facts.sources[s].title, "year": facts.sources[s].year,
                     "figures": labels} for s, labels in cited.items()],
        "images": _Images(project.root),
    }


class _Images(dict):
    """Project files by their path as written in the content: ``images[block.image]``."""

    def __init__(self, root: Path):
        super().__init__()
        self.root = root

    def __missing__(self, path: str) -> str:
        return (self.root / path).resolve().as_uri()


def _section_view(section, content: BlockContent) -> SectionView:
    blocks = []
    for b in section.blocks:
        blocks.append(BlockView(b.id, b.kind, b.data, f"kinds/{b.kind}/block.html.j2",
                                f"kinds/{b.kind}/short.html.j2" if content.kinds[b.kind].short
                                else None))
    return SectionView(section.id, section.heading or None, section.beside, blocks)


def _slots(mapping: dict[str, list[str]], sections: list[SectionView]) -> dict:
    """Sections by slot: each mapped id to its slot, every other section to ``body``."""
    by_id = {s.id: s for s in sections}
    placed = {sid for ids in mapping.values() for sid in ids}
    slots = {name: [by_id[sid] for sid in ids if sid in by_id] for name, ids in mapping.items()}
    slots["body"] = [s for s in sections if s.id not in placed]
    for name in ("cover", "figures", "flap", "fill", "back"):
        slots.setdefault(name, [])
    if not slots["cover"]:  # every layout opens with a masthead: the document's own words
        slots["cover"] = [SectionView("cover", None, None, [
            BlockView("masthead", "cover", Unset(), "kinds/cover/block.html.j2", None)])]
    return slots


def _rows(sections: list[SectionView]) -> list[list[SectionView]]:
    rows, i = [], 0
    while i < len(sections):
        s = sections[i]
        nxt = sections[i + 1] if i + 1 < len(sections) else None
        if nxt is not None and (s.beside == nxt.id or nxt.beside == s.id):
            rows.append([s, nxt])
            i += 2
        else:
            rows.append([s])
            i += 1
    return rows


def _figure(content: BlockContent, fid: str) -> dict:
    fig, labels = content.facts.key_figures[fid], content.words.labels
    obs = fig.latest
    label = content.words.figures.get(fid, fid)
    return {"id": fid, "label": label, "value": fmt.figure_value(fig, obs, content.lang),
            "year": obs.as_of, "as_of": labels["as_of"].format(year=obs.as_of)}


def _charts(content: BlockContent, sections, figures) -> dict:
    from .chart import series_chart_svg

    charts = {}
    for s in sections:
        for b in s.blocks:
            if b.kind != "chart" or b.data.figure in charts:
                continue
            fig = content.facts.key_figures[b.data.figure]
            obs = sorted(fig.observations, key=lambda o: o.as_of)
            title = content.words.labels["trend"].format(label=figures[b.data.figure]["label"])
            charts[b.data.figure] = None if len(obs) < 2 else {"title": title, "svg": series_chart_svg(
                [(o.as_of, o.value) for o in obs], title=title,
                value_labels=[fmt.number(o.value, content.lang) for o in obs],
                rtl=text_direction(content.lang) == "rtl", width_mm=70, height_mm=28)}
    return charts


def _contact(contact, lang: str, site: str | None, organization) -> dict:
    """facts.yaml's address, with the words a text file gives in its language (its city)."""
    address = contact.address
    words = organization.address if organization and organization.address else None
    street = (words and words.street) or address.street
    city = (words and words.city) or address.city
    return {"address_lines": [street, f"{address.postcode} {city}",
                              fmt.country(address.country, lang)],
            "phone": contact.phone, "fax": contact.fax, "email": contact.email,
            "website": contact.website, "website_display": site}


def _generated_css(content: BlockContent, faces: list[Face]) -> str:
    words = content.words
    org = words.organization.short_name if words.organization else None
    title = words.document.title
    # The short name once: not before a title that already says it (as the Arabic one does).
    footer = f"{org} · {title}" if org and not within(org, title) else title
    return page_furniture_css(content.lang, faces, words.labels["page_of"], footer)
