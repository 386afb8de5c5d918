"""Rich text in content: a small Markdown subset, never HTML.

Editors may write *emphasis*, **strong**, [links](https://…) and a hard line
break (a backslash at the end of a line). Everything else is text: raw HTML is
escaped, template syntax is never evaluated (content is data to Jinja), and a
link whose address is not http(s) or mailto stays literal text, so a pasted
``[x](file:///etc/passwd)`` or ``javascript:`` link can do nothing. A real
parser (markdown-it-py, CommonMark) does the work: hand-written regexes get
nesting and escaping wrong.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup

ALLOWED_SCHEMES = ("http://", "https://", "mailto:")
RULES = ["emphasis", "link", "autolink", "newline", "escape"]


def allowed_link(url: str) -> bool:
    return url.strip().lower().startswith(ALLOWED_SCHEMES)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "breaks": False, "linkify": False}).enable(RULES)
    md.validateLink = allowed_link
    return md


@lru_cache(maxsize=8192)
def rich(text: str) -> Markup:
    """Inline Markdown subset to HTML, with the last two words tied (no lone last word)."""
    html = _parser().renderInline(str(text)).strip()
    return Markup(tie_last_words(html))


def tie_last_words(html: str) -> str:
    tail_start = html.rfind(">") + 1
    head, sep, tail = html[tail_start:].rpartition(" ")
    if not sep or not tail or len(tail) > 12 or not head.strip():
        return html
    return html[:tail_start] + head + "&#160;" + tail


_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_AUTOLINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\s]*)>")


def refused_links(text: str) -> list[str]:
    """Link targets in ``text`` that will be shown as text, for a warning at load time."""
    found = [m.group(1) for m in _LINK.finditer(text)] + [m.group(1) for m in _AUTOLINK.finditer(text)]
    return [url for url in found if url and not allowed_link(url)]
