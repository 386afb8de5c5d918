"""Finding a glossary term in a text, the way a reviewer would read it.

A term is found as whole words, whatever the case, the Unicode composition, the kind of
space (a no-break space U+00A0 or U+202F that French typography puts in is still a
space) and the apostrophe (' ’ ʼ are one). ``*`` in a form stands for the rest of a word,
so one form accepts the inflections of Ukrainian or the prefixes Arabic attaches.
Markdown marks in a text (``**strong**``, ``[link](url)``) are not words and are read
through. No I/O: the glossary file and the report live elsewhere (glossary, report).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"\u2019": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-",
                       "\u00ad": None})
"""Characters that read the same: the apostrophes, the hyphens; a soft hyphen is no
character at all."""
_SPACES = re.compile(r"\s+")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_STRONG = re.compile(r"(?<!\\)\*+")


def normalize(text: str) -> str:
    """The text as terms are looked for in it: NFC, case-folded, one kind of space,
    apostrophe and hyphen."""
    text = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    return _SPACES.sub(" ", text.translate(_FOLD)).strip()


def readable(text: str) -> str:
    """A content text without its Markdown marks, normalized: what a reader sees."""
    return normalize(_STRONG.sub("", _LINK.sub(r"\1", text.replace("\\\n", " "))))


_JOINERS = "\u200c\u200d"
_STAR = ("[\\w\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5"
         "\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7"
         "\u06e8\u06ea-\u06ed\u200c\u200d]*")
"""What ``*`` matches: letters, digits and the combining marks of the scripts a word may carry
uncomposed after NFC (Latin and Cyrillic accents, Hebrew points, Arabic vowel signs). Kept
small: a class of every mark in Unicode makes each form's regex take 30 ms to compile."""


def _wordish(ch: str) -> bool:
    """Part of a word: what Python's ``\\w`` says, plus every combining mark (an Arabic vowel
    sign, an Indic vowel sign) and ZWNJ/ZWJ, which ``\\w`` leaves out."""
    return ch.isalnum() or ch == "_" or ch in _JOINERS or unicodedata.category(ch)[0] == "M"


@lru_cache(maxsize=4096)
def pattern(form: str) -> tuple[str, re.Pattern]:
    """A form as a regex over normalized text, ``*`` the rest of a word (whole words are
    checked around each match, in ``contains``), and its longest literal part: a text
    without it cannot match, and most texts are ruled out by that substring test alone."""
    parts = normalize(form).split("*")
    return max(parts, key=len), re.compile(_STAR.join(re.escape(part) for part in parts))


def contains(form: str, normalized: str) -> bool:
    """Whether ``normalized`` text holds ``form`` as whole words."""
    literal, regex = pattern(form)
    if literal not in normalized:
        return False
    find, pos = regex.search, 0
    while (m := find(normalized, pos)) is not None:
        start, end = m.span()
        if ((start == 0 or not _wordish(normalized[start - 1]))
                and (end == len(normalized) or not _wordish(normalized[end]))):
            return True
        pos = start + 1
    return False


def first_found(forms, normalized: str) -> str | None:
    """The first of ``forms`` (as written) that ``normalized`` text contains, or None."""
    for form in forms:
        if contains(form, normalized):
            return form
    return None
