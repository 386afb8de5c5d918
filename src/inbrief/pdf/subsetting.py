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

fontTools (4.68) also decompiles GSUB and GPOS in full before it subsets, only for
WeasyPrint to have it drop both: about 85 % of a subset's time, 0.4 s per Fira Sans face
and document. Dropping them before the subsetter sees them gives the same bytes (checked
on every face of both font packages) in a seventh of the time.

``INBRIEF_FONT_SUBSETTING=fonttools`` makes WeasyPrint subset with fontTools although
hb-subset is there: to reproduce, test or time a machine without it. It is read once per
process, when the engine is loaded: set it before, and the workers (forked) keep that choice.
"""

from __future__ import annotations

import os
from functools import lru_cache
from types import SimpleNamespace

from ..errors import UserError

ENV = "INBRIEF_FONT_SUBSETTING"
MIN_HARFBUZZ = (4, 1, 0)
"""WeasyPrint uses hb-subset from HarfBuzz 4.1 on (it needs ``hb_set_add_sorted_array``)."""


@lru_cache(maxsize=1)
def configure() -> None:
    """Run right after ``import weasyprint`` in every process that renders (once: cached)."""
    import weasyprint.pdf.fonts as pdf_fonts
    import weasyprint.text.fonts as text_fonts
    from fontTools import subset
    from fontTools.ttLib import TTFont

    class KeepTimestamp(TTFont):
        """A TTFont whose ``save`` leaves ``head.modified`` as the face has it."""

        def __init__(self, *args, recalcTimestamp=False, **kwargs):
            super().__init__(*args, recalcTimestamp=recalcTimestamp, **kwargs)

    # Both modules call TTFont by the name they imported: replacing the name there
    # reaches every font WeasyPrint saves, and no other user of fontTools.
    pdf_fonts.TTFont = text_fonts.TTFont = KeepTimestamp

    class DropFirst(subset.Subsetter):
        """Drops the layout tables it is told to drop before loading them, not after."""

        def subset(self, font):
            drop = [tag for tag in ("GSUB", "GPOS")
                    if tag in font and tag in self.options.drop_tables]
            # fontTools drops 'kern' when the font has GPOS: keep that decision.
            if "GPOS" in drop and "kern" in font and not self.options.legacy_kern:
                drop.append("kern")
            for tag in drop:
                del font[tag]
            super().subset(font)

    # WeasyPrint reaches fontTools.subset by that name only (subset.Options, .Subsetter).
    pdf_fonts.subset = SimpleNamespace(**{**vars(subset), "Subsetter": DropFirst})
    if forced():
        pdf_fonts.harfbuzz_subset = None


def forced() -> bool:
    """True when the environment asks for fontTools subsetting."""
    value = os.environ.get(ENV, "").strip().lower()
    if value not in ("", "auto", "fonttools"):
        raise UserError(f"{ENV}={value!r} is not a subsetting path — use 'fonttools' "
                        "(or leave it unset for HarfBuzz when available)")
    return value == "fonttools"


def expected() -> str:
    """``"harfbuzz"`` or ``"fonttools"`` without loading WeasyPrint (0.7 s): for cache keys.

    Finds the library as WeasyPrint's loader does (by name, through the system's linker
    cache); ``active()`` tells for sure once WeasyPrint is loaded.
    """
    import ctypes.util

    if forced():
        return "fonttools"
    return "harfbuzz" if ctypes.util.find_library("harfbuzz-subset") else "fonttools"


def native() -> bool:
    """Whether this machine lets WeasyPrint subset with hb-subset."""
    from weasyprint.text import ffi

    return (ffi.harfbuzz_subset is not None
            and bool(ffi.harfbuzz.hb_version_atleast(*MIN_HARFBUZZ)))


def active() -> str:
    """``"harfbuzz"`` or ``"fonttools"``: how the next PDF's fonts will be subset."""
    import weasyprint.pdf.fonts as pdf_fonts

    return "harfbuzz" if native() and pdf_fonts.harfbuzz_subset is not None else "fonttools"
