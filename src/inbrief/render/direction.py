"""Which way a language's lines run: layouts mirror their panels, margins and running
footer for right-to-left scripts."""

from __future__ import annotations

RTL_LANGS = {"ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"}


def text_direction(lang: str) -> str:
    """``rtl`` or ``ltr`` for a BCP 47 code (its primary subtag decides)."""
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGS else "ltr"
