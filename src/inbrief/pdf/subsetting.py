"""How WeasyPrint subsets the embedded fonts, and keeping both ways reproducible.

WeasyPrint subsets each embedded face with HarfBuzz (``hb-subset``) when the system has
``libharfbuzz-subset`` (Debian: ``libharfbuzz-subset0``), and with fontTools otherwise.
hb-subset copies the face's ``head`` table as it is. fontTools, when it saves the subset,
stamps ``head.modified`` with the current second (and so changes
``head.checkSumAdjustment`` too): every embedded font of two builds made a second apart
differed, and with them the PDFs, the manifest's sha256, CI caches and ``merge``. The same
happens to every face WeasyPrint saves with fontTools on either path (a variable font
instanced at a weight, an emoji font stripped of its images, a WOFF 1 font decoded).

So WeasyPrint's fontTools fonts keep the face's own timestamp, as hb-subset does: the
subset then depends on the face and the glyphs used only. Nothing else in a fontTools
subset varies between processes (glyphs are kept at their ids, tables are written in
tag order, hash randomisation does not reach the bytes).

``INBRIEF_FONT_SUBSETTING=fonttools`` makes WeasyPrint subset with fontTools although
hb-subset is there: to reproduce, test or time a machine without it. Worker processes
inherit it.
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..errors import UserError

ENV = "INBRIEF_FONT_SUBSETTING"
MIN_HARFBUZZ = (4, 1, 0)
"""WeasyPrint uses hb-subset from HarfBuzz 4.1 on (it needs ``hb_set_add_sorted_array``)."""


@lru_cache(maxsize=1)
def configure() -> None:
    """Run right after ``import weasyprint`` in every process that renders (once: cached)."""
    import weasyprint.pdf.fonts as pdf_fonts
    import weasyprint.text.fonts as text_fonts
    from fontTools.ttLib import TTFont

    class KeepTimestamp(TTFont):
        """A TTFont whose ``save`` leaves ``head.modified`` as the face has it."""

        def __init__(self, *args, recalcTimestamp=False, **kwargs):
            super().__init__(*args, recalcTimestamp=recalcTimestamp, **kwargs)

    # Both modules call TTFont by the name they imported: replacing the name there
    # reaches every font WeasyPrint saves, and no other user of fontTools.
    pdf_fonts.TTFont = text_fonts.TTFont = KeepTimestamp
    if forced():
        pdf_fonts.harfbuzz_subset = None


def forced() -> bool:
    """True when the environment asks for fontTools subsetting."""
    value = os.environ.get(ENV, "").strip().lower()
    if value not in ("", "auto", "fonttools"):
        raise UserError(f"{ENV}={value!r} is not a subsetting path — use 'fonttools' "
                        "(or leave it unset for HarfBuzz when available)")
    return value == "fonttools"


def active() -> str:
    """``"harfbuzz"`` or ``"fonttools"``: how the next PDF's fonts will be subset."""
    import weasyprint.pdf.fonts as pdf_fonts
    from weasyprint.text import ffi

    native = (ffi.harfbuzz_subset is not None and pdf_fonts.harfbuzz_subset is not None
              and bool(ffi.harfbuzz.hb_version_atleast(*MIN_HARFBUZZ)))
    return "harfbuzz" if native else "fonttools"
