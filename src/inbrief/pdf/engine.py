"""WeasyPrint, loaded late and configured once per process.

WeasyPrint is imported here and only here, after fontconfig has been isolated
from system fonts; the rest of inbrief (check, list, init) never pays for it.
"""

from __future__ import annotations

import atexit
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .fonts import isolate_fontconfig
from .subsetting import configure as configure_subsetting
from .variants import DEFAULT_VARIANT, VARIANTS  # noqa: F401  (re-exported)

FONTTOOLS_NOTICE = "Using fontTools instead of HarfBuzz-Subset"


@dataclass
class PdfResult:
    data: bytes
    pages: int
    warnings: list[str]
    overflow: dict | None = None
    """When pages exceed ``page_limit``: how much (mm) and which block starts the excess."""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _plain_metadata(document, pdf) -> None:
    """PDF/A forbids a Filter on the catalog's XMP stream; WeasyPrint compresses it."""
    ref = pdf.catalog.get("Metadata")
    if ref is None:
        return
    number = int(bytes(ref).split()[0]) if isinstance(ref, (bytes, bytearray)) else int(str(ref).split()[0])
    for obj in pdf.objects:
        if getattr(obj, "number", None) == number and hasattr(obj, "compress"):
            obj.compress = False


def _exact_bleed_box(pdf, bleed: float) -> None:
    """BleedBox = TrimBox + bleed on every side.

    The media box is larger than the bleed so that crop marks sit outside the
    artwork; WeasyPrint would put the BleedBox at an arbitrary 10 pt.
    """
    import pydyf

    for obj in pdf.objects:
        if isinstance(obj, pydyf.Dictionary) and obj.get("Type") == "/Page" and "TrimBox" in obj:
            left, top, right, bottom = (float(v) for v in obj["TrimBox"])
            obj["BleedBox"] = pydyf.Array([round(left - bleed, 4), round(top - bleed, 4),
                                           round(right + bleed, 4), round(bottom + bleed, 4)])


def _weasyprint():
    isolate_fontconfig()
    import warnings

    with warnings.catch_warnings():
        # fontconfig has no system fonts by design: every face comes from @font-face.
        warnings.filterwarnings("ignore", message="No fonts configured in FontConfig")
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
    configure_subsetting()
    return weasyprint, FontConfiguration


@dataclass
class Laid:
    """A laid-out document: its page count is known, no PDF written yet.

    Copyfitting lays a target out several times and keeps one; writing is a
    third of the cost, so only the chosen layout is written.
    """

    document: Any
    pages: int
    warnings: list[str]
    overflow: dict | None = None
    refused: list[str] | None = None
    """Resources the fetcher would not load ("url: why"): the caller fails the target."""


class _Styles:
    """Parsed stylesheets and the font configuration, shared by every document of a process.

    Every target of a build uses the same few stylesheets; parsing them and
    loading their @font-face files once per worker instead of once per document
    saves ~50 ms a render. Warnings raised while parsing are kept and replayed so
    that each target reports the same warnings whatever ran before it.
    """

    def __init__(self, roots: tuple[Path, ...], allow_remote: bool):
        from .fetcher import SafeFetcher

        weasyprint, FontConfiguration = _weasyprint()
        self.fetcher = SafeFetcher(list(roots), allow_remote)
        self.font_config = FontConfiguration()
        self.sheets: dict[tuple, tuple[Any, list[str], list[str]]] = {}

    def get(self, text: str, base_url: str):
        key = (text, base_url)
        if key in self.sheets:
            return self.sheets[key]
        weasyprint, _ = _weasyprint()
        before = len(self.fetcher.refused)
        with _collecting() as messages:
            sheet = weasyprint.CSS(string=text, base_url=base_url, url_fetcher=self.fetcher,
                                   font_config=self.font_config)
        found = self.sheets[key] = (sheet, list(messages), self.fetcher.refused[before:])
        return found


_STYLES: dict[tuple, _Styles] = {}
# Release the font configurations while WeasyPrint's C bindings still exist: left to
# interpreter teardown, their __del__ finds the bindings gone and prints a traceback.
atexit.register(_STYLES.clear)


def _own_font_folders() -> None:
    """In a worker forked from a process that has laid out (batch.pool forks after the engine
    is loaded): the font configurations it inherits keep the faces already added, but each
    writes the faces it adds from now on into a folder of its own. WeasyPrint skips a face
    whose file is already in its folder, so two workers sharing the parent's folder would
    each find the other's file and lay text out without the face."""
    for styles in _STYLES.values():
        styles.font_config._folder = None


os.register_at_fork(after_in_child=lambda: _own_font_folders())  # looked up at fork time


class _collecting:
    def __enter__(self) -> list[str]:
        self.handler = _Collect()
        logging.getLogger("weasyprint").addHandler(self.handler)
        return self.handler.messages

    def __exit__(self, *exc) -> None:
        logging.getLogger("weasyprint").removeHandler(self.handler)


def layout(html: str, stylesheets: list[tuple[Path | None, str]], *, base_url: Path,
           roots: list[Path], page_limit: int | None = None,
           allow_remote: bool = False) -> Laid:
    from .fetcher import SafeFetcher

    weasyprint, _ = _weasyprint()
    folders = tuple(sorted(Path(r).resolve() for r in roots))
    key = (folders, allow_remote)
    styles = _STYLES.get(key) or _STYLES.setdefault(key, _Styles(folders, allow_remote))
    warnings: list[str] = []
    refused: list[str] = []
    css = []
    for path, text in stylesheets:
        sheet, messages, refusals = styles.get(text, (path or base_url / "x").as_uri())
        css.append(sheet)
        warnings += messages
        refused += refusals
    fetcher = SafeFetcher(roots, allow_remote)
    with _collecting() as messages:
        doc = weasyprint.HTML(string=html, base_url=(base_url / "index.html").as_uri(),
                              url_fetcher=fetcher).render(
            stylesheets=css, font_config=styles.font_config, pdf_tags=True)
    # WeasyPrint logs each refusal as a failed load; our own message says why and what to do.
    warnings += [m for m in messages if not m.startswith("Failed to load")]
    refused += fetcher.refused
    overflow = _overflow(doc, page_limit) if page_limit and len(doc.pages) > page_limit else None
    return Laid(doc, len(doc.pages), sorted(set(warnings)), overflow,
                sorted(dict.fromkeys(refused)))


def write(laid: Laid, *, variant: str | None = DEFAULT_VARIANT,
          bleed_mm: float | None = None) -> PdfResult:
    def finish(document, pdf):
        _plain_metadata(document, pdf)
        if bleed_mm:
            _exact_bleed_box(pdf, bleed_mm * 72 / 25.4)

    with _collecting() as messages:
        data = laid.document.write_pdf(pdf_variant=variant, pdf_tags=True, finisher=finish)
    # WeasyPrint warns for every face it subsets with fontTools. Both ways give reproducible
    # bytes; the manifest records the way and `inbrief doctor` explains it, so a warning
    # per target would only make --strict fail on every machine without libharfbuzz-subset.
    messages = [m for m in messages if not m.startswith(FONTTOOLS_NOTICE)]
    return PdfResult(data=data, pages=laid.pages,
                     warnings=sorted(set(laid.warnings + messages)), overflow=laid.overflow)


def render_pdf(html: str, stylesheets: list[tuple[Path | None, str]], *, base_url: Path,
               roots: list[Path], variant: str | None = DEFAULT_VARIANT,
               bleed_mm: float | None = None, page_limit: int | None = None,
               allow_remote: bool = False) -> PdfResult:
    laid = layout(html, stylesheets, base_url=base_url, roots=roots, page_limit=page_limit,
                  allow_remote=allow_remote)
    return write(laid, variant=variant, bleed_mm=bleed_mm)


def _overflow(doc, limit: int) -> dict:
    """Measure what runs past the page budget, for an error a person can act on."""
    px_to_mm = 25.4 / 96
    extra = doc.pages[limit:]
    used = 0.0
    for page in extra:
        box = page._page_box
        top = box.content_box_y()
        bottom = top
        for child in _descendants(box, skip_margins=True):
            if child is box or getattr(child, "element_tag", None) in ("html", "body"):
                continue
            y, h = getattr(child, "position_y", None), getattr(child, "height", None)
            if isinstance(y, (int, float)) and isinstance(h, (int, float)):
                bottom = max(bottom, y + h)
        used += bottom - top
    block = None
    for child in _descendants(extra[0]._page_box, skip_margins=True):
        element = getattr(child, "element", None)
        if element is not None and element.tag in ("section", "header", "aside"):
            heading = element.find(".//h2")
            if heading is None:
                heading = element.find(".//h3")
            if heading is not None:
                block = " ".join("".join(heading.itertext()).split())
            else:
                block = "." + (element.get("class") or element.tag).split()[0]
            break
    return {"mm": round(used * px_to_mm), "block": block}


def slack(laid: Laid, index: int) -> float:
    """Share of page ``index``'s body left empty below its last ink (0 full, 1 empty)."""
    room, body = _foot(laid, index)
    return room / body if body > 0 else 0.0


def room_mm(laid: Laid, index: int) -> float:
    """The empty height (mm) at the foot of page ``index``'s body."""
    return _foot(laid, index)[0] * 25.4 / 96


def _foot(laid: Laid, index: int) -> tuple[float, float]:
    """(empty height below the last ink, body height) of a page, in CSS px.

    Read from the layout's boxes, so the build can ask it of every try without drawing a
    page. Ink is a line of text, a picture, or a box with a background or a rule; a box that
    goes on to the next page reaches the page's foot whatever it holds, so boxes alone do not
    say where the content ends. A footnote counts, as it is ink at the page's foot.
    """
    box = laid.document.pages[index]._page_box
    top = box.content_box_y()
    end = top + box.height
    bottom = top
    for child in _inked(box):
        y, h = getattr(child, "position_y", None), getattr(child, "height", None)
        if isinstance(y, (int, float)) and isinstance(h, (int, float)) and h > 0:
            bottom = max(bottom, y + h + child.padding_bottom + child.border_bottom_width)
    return max(0.0, end - bottom), end - top


def _off_flow(box) -> bool:
    """A margin box or a positioned one: not where the page's content ends."""
    return type(box).__name__ == "MarginBox" or box.style["position"] in ("absolute", "fixed")


def _inked(page_box):
    """The boxes of a page that put ink on it (not its margin boxes, not positioned ones)."""
    stack = list(page_box.children)
    while stack:
        b = stack.pop()
        kind = type(b).__name__
        if _off_flow(b):
            continue
        if kind == "LineBox" or "Replaced" in kind:
            yield b
            continue
        if b.style["background_color"].alpha > 0 or b.border_bottom_width or b.border_top_width:
            yield b
        stack.extend(getattr(b, "children", None) or [])


FORCED = frozenset({"page", "left", "right", "recto", "verso"})


def ends_at_forced_break(laid: Laid, index: int) -> bool:
    """Whether page ``index`` ends where the styles force a page break (``break-after`` on its
    last box, ``break-before`` on the next page's first), with nothing continued over it: no
    reflow of what comes later can move content back onto such a page."""
    pages = laid.document.pages
    if index + 1 >= len(pages):
        return True
    last = list(_edge(pages[index]._page_box, last=True))
    first = list(_edge(pages[index + 1]._page_box, last=False))
    before = {b.element for b in last if b.element is not None}
    after = {b.element for b in first if b.element is not None}
    # The box that forces the break must not go on over it (html and body always do).
    return (any(b.style["break_after"] in FORCED and b.element not in after for b in last)
            or any(b.style["break_before"] in FORCED and b.element not in before
                   for b in first))


def _edge(page_box, last: bool):
    """The in-flow boxes from the page's root down to its last (or first) block."""
    box = page_box
    while True:
        kids = [c for c in getattr(box, "children", None) or []
                if not _off_flow(c) and c.style["float"] == "none"]
        if not kids:
            return
        box = kids[-1] if last else kids[0]
        yield box


def _descendants(box, skip_margins: bool = False):
    stack = [box]
    while stack:
        b = stack.pop(0)
        if skip_margins and type(b).__name__ == "MarginBox":
            continue
        yield b
        stack[0:0] = list(getattr(b, "children", []) or [])
