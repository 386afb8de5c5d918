"""WeasyPrint, loaded late and configured once per process.

WeasyPrint is imported here and only here, after fontconfig has been isolated
from system fonts; the rest of inbrief (check, list, init) never pays for it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .fonts import isolate_fontconfig

DEFAULT_VARIANT = "pdf/ua-1"


@dataclass
class PdfResult:
    data: bytes
    pages: int
    warnings: list[str]


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _weasyprint():
    isolate_fontconfig()
    import warnings

    with warnings.catch_warnings():
        # fontconfig has no system fonts by design: every face comes from @font-face.
        warnings.filterwarnings("ignore", message="No fonts configured in FontConfig")
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration
    return weasyprint, FontConfiguration


def render_pdf(html: str, stylesheets: list[tuple[Path | None, str]], *, base_url: Path,
               roots: list[Path], variant: str | None = DEFAULT_VARIANT) -> PdfResult:
    weasyprint, FontConfiguration = _weasyprint()
    from .fetcher import SafeFetcher

    fetcher = SafeFetcher(roots)
    font_config = FontConfiguration()
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        css = [weasyprint.CSS(string=text, base_url=(path or base_url / "x").as_uri(),
                              url_fetcher=fetcher, font_config=font_config)
               for path, text in stylesheets]
        doc = weasyprint.HTML(string=html, base_url=(base_url / "index.html").as_uri(),
                              url_fetcher=fetcher).render(
            stylesheets=css, font_config=font_config, pdf_tags=True)
        data = doc.write_pdf(pdf_variant=variant, pdf_tags=True)
    finally:
        logger.removeHandler(handler)
    warnings = list(handler.messages)
    warnings += [f"refused resource {r}" for r in fetcher.refused]
    return PdfResult(data=data, pages=len(doc.pages), warnings=sorted(set(warnings)))
