"""Jinja filters for templates; small, pure and locale-aware."""

from __future__ import annotations

import re

from markupsafe import Markup, escape


def css_content(label: str, **counters: str) -> str:
    """'Page {page} of {pages}' → '"Page " counter(page) " of " counter(pages)' for CSS ``content``."""
    parts = []
    for token in re.split(r"(\{[a-z]+\})", label):
        if not token:
            continue
        name = token[1:-1] if token.startswith("{") and token.endswith("}") else None
        if name in counters:
            parts.append(counters[name])
        else:
            parts.append('"' + token.replace("\\", "\\\\").replace('"', '\\"') + '"')
    return " ".join(parts)


def nbsp_last(text: str) -> Markup:
    """Tie the last two words together so no line ends with a lone word (a typographic widow)."""
    text = str(text)
    head, sep, tail = text.rpartition(" ")
    if not sep or len(tail) > 12:
        return escape(text)
    return escape(head) + Markup("&#160;") + escape(tail)


def balanced(items, columns: int, attr: str | None = None) -> list[dict]:
    """Split a list into ``columns`` consecutive runs of similar text length.

    Two flex columns filled this way read like CSS multi-column flow but lay out
    several times faster in WeasyPrint, and the split is deterministic.
    """
    items = list(items)
    weights = [len(str(getattr(i, attr) if attr else i)) + 80 for i in items]
    total = sum(weights)
    out, start, acc, target = [], 0, 0, total / columns
    for i, w in enumerate(weights):
        acc += w
        remaining_cols = columns - len(out) - 1
        if remaining_cols and acc >= target * (len(out) + 1) - w / 2 and i + 1 < len(items):
            out.append({"start": start + 1, "items": items[start:i + 1]})
            start = i + 1
    out.append({"start": start + 1, "items": items[start:]})
    return out


FILTERS = {"nbsp_last": nbsp_last, "balanced": balanced}
