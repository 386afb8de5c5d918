"""Content: YAML sources with locations, strict models, and their validation."""

RESERVED = ("document", "organization", "labels", "figures")
"""Top-level keys of a text file that are not section ids: the document's own words and
the labels of its key figures (blocks.reserved)."""

NOT_SECTIONS = ("audiences",)
"""Ids no section may have: translation exports key an audience's texts
``audiences.<name>.<key>`` (i18n.report), which a section's texts would clash with."""
