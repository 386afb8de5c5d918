"""PDF production: fonts, safe resource loading, WeasyPrint, atomic writes."""
