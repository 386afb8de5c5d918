"""The translators' workflow: catalog, staleness, PO/XLIFF exchange, reports, explain."""
