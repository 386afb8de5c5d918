"""inbrief: printable, multilingual "In Brief" factsheets from YAML, Jinja2 and CSS."""

__version__ = "0.1.0"
