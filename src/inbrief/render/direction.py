"""Which way a language's lines run: layouts mirror their panels, margins and running
footer for right-to-left scripts."""

from __future__ import annotations

import unicodedata

RTL_LANGS = {"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"}


def text_direction(lang: str) -> str:
    """``rtl`` or ``ltr`` for a BCP 47 code (its primary subtag decides)."""
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGS else "ltr"


def line_direction(text: str) -> str:
    """``rtl`` or ``ltr`` by the text's first strongly directional character (as HTML's
    ``dir=auto``, which WeasyPrint does not resolve): an address line whose city is written
    in Arabic ("1010 فيينا") reads right to left, a street in Latin letters left to right, in
    any document."""
    for ch in str(text):
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"
