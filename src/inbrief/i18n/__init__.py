"""Locale-aware formatting through CLDR (Babel)."""
