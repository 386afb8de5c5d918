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
import sys
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


@lru_cache(maxsize=1)
def _word() -> str:
    """A regex class of word characters: letters, digits, ``_``, and the combining marks
    (Arabic vowel signs, Indic vowel signs, accents left uncomposed) that Python's ``\\w``
    leaves out, so a word is never cut before its marks; ZWNJ/ZWJ join Persian words."""
    ranges, start = [], None
    for cp in range(0x300, min(sys.maxunicode, 0xFFFF) + 2):
        mark = cp <= 0xFFFF and unicodedata.category(chr(cp))[0] == "M"
        if mark and start is None:
            start = cp
        elif not mark and start is not None:
            ranges.append(f"\\u{start:04x}-\\u{cp - 1:04x}" if cp - 1 > start
                          else f"\\u{start:04x}")
            start = None
    return "[\\w\\u200c\\u200d" + "".join(ranges) + "]"


@lru_cache(maxsize=4096)
def pattern(form: str) -> re.Pattern:
    """A form as a regex over normalized text: whole words, ``*`` the rest of a word."""
    word = _word()
    body = f"{word}*".join(re.escape(part) for part in normalize(form).split("*"))
    return re.compile(f"(?<!{word}){body}(?!{word})")


def first_found(forms, normalized: str) -> str | None:
    """The first of ``forms`` (as written) that ``normalized`` text contains, or None."""
    for form in forms:
        if pattern(form).search(normalized):
            return form
    return None
