"""What a language needs on the page: CLDR formatting, glyph coverage, typography.

Below rendering: ``render/``, ``pdf/`` and ``blocks/`` import from here, never from ``i18n/``,
which is the translators' workflow (catalog, staleness, PO/XLIFF, reports) and may import this.
"""
