"""Jinja filters for templates; small, pure and locale-aware."""

from __future__ import annotations

import re

from jinja2 import pass_context
from markupsafe import Markup, escape

from .direction import line_direction


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
    """Tie the last two words together so no line ends with a lone word (a typographic widow).

    For ``text`` fields, which are printed as typed (``rich`` ties ``rich text`` the same
    way): a plain text must not pass through Markdown, where a ``*`` would be emphasis."""
    from .rich import tie_last_words

    return Markup(tie_last_words(str(escape(str(text)))))


def balanced(items, columns: int, attr: str | None = None) -> list[dict]:
    """Split a list into ``columns`` consecutive runs of similar text length.

    Two flex columns filled this way read like CSS multi-column flow but lay out
    several times faster in WeasyPrint, and the split is deterministic. Each
    item also costs a fixed amount for its spacing and its partly filled last line.
    """
    items = list(items)
    weights = [len(str(getattr(i, attr) if attr else i)) + 40 for i in items]
    cuts: list[int] = []
    start = 0
    for col in range(columns - 1, 0, -1):
        rest = weights[start:]
        target = sum(rest) / (col + 1)
        best, acc, best_gap = start + 1, 0, float("inf")
        for i in range(start, len(items) - col):
            acc += weights[i]
            gap = abs(acc - target)
            if gap < best_gap:
                best, best_gap = i + 1, gap
        cuts.append(best)
        start = best
    bounds = [0, *cuts, len(items)]
    return [{"start": bounds[k] + 1, "items": items[bounds[k]:bounds[k + 1]]}
            for k in range(len(bounds) - 1)]


def _rich(text) -> Markup:
    from .rich import rich

    return rich(str(text))


@pass_context
def _date(context, value) -> str:
    """A date of the content (YYYY, YYYY-MM or YYYY-MM-DD) as the document's language writes it."""
    from ..locale.formatting import partial_date

    return partial_date(str(value), context["lang"])


@pass_context
def _number(context, value) -> str:
    """A number as the document's language writes it: 12,000 / 12 000 / 12.000."""
    from ..locale.formatting import number

    return number(value, context["lang"])


@pass_context
def _typeset(context, value) -> str:
    """Words a template puts together itself ("{{ (labels | join(', ') ~ ': ') | typeset }}")
    get the typography the document's texts already have (``locale.typography``)."""
    from ..locale.typography import typeset

    rules = context.get("typography")
    return typeset(str(value), rules) if rules is not None else str(value)


def within(short, text) -> bool:
    """Whether ``short`` is ``text`` or stands in it as whole words (as written: "SAMPLE" is
    not "Sample"): an acronym or short name that would only repeat the name or title it is
    printed beside."""
    short = " ".join(str(short or "").split())
    text = " ".join(str(text or "").split())
    return bool(short) and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", text) is not None


FILTERS = {"nbsp_last": nbsp_last, "balanced": balanced, "rich": _rich, "date": _date,
           "number": _number, "typeset": _typeset, "text_dir": line_direction}
TESTS = {"within": within}
