"""Typography by language, as code: content files keep plain text, the PDF gets the characters.

Writers type ``Attention: voir "ici"!`` on any keyboard; French prints a no-break space before
« : ; ? ! » and inside guillemets, Ukrainian its apostrophe ʼ (U+02BC, a letter, so words are
not split at it), Arabic-script languages their own comma, semicolon and question mark
(، ؛ ؟) after a word of theirs, and every language its own quotation marks. Applied once to
each text as the renderer receives it (``blocks.typeset``), never to markup: URLs, e-mail
addresses, Markdown link targets, times (10:30) and ratios (1:2) are left as written.

Every rule emits only characters the language's faces have (``covered``): without U+202F
(the shipped faces lack it) a French thin space is a no-break space, which looks the same at
text sizes; without the locale's quotation marks straight quotes stay. The pass is
idempotent (a second run changes nothing) and deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

NBSP, NNBSP = "\u00a0", "\u202f"
MODIFIER_APOSTROPHE = "\u02bc"

# CLDR 47 <delimiters> (quotationStart, quotationEnd) of the languages whose texts we are
# likely to print. Babel (2.19) does not carry CLDR's delimiters, so they are kept here; a
# language missing from this table keeps its straight quotes.
QUOTES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("en", "es", "pt", "zh", "ko", "id", "ms", "hi", "tr", "vi", "th", "sw",
                     "ga", "cy", "da", "eo", "fil", "lv"), ("\u201c", "\u201d")),
    **dict.fromkeys(("fr", "it", "ca", "el", "eu", "sq", "kk", "pt-PT", "es-US", "hy", "no",
                     "ru", "uk", "be", "ky"), ("\u00ab", "\u00bb")),
    **dict.fromkeys(("ar", "ur"), ("\u201d", "\u201c")),
    **dict.fromkeys(("am", "fa", "fr-CH"), ("\u00ab", "\u00bb")),
    **dict.fromkeys(("de", "cs", "sk", "sl", "hr", "et", "is", "mk", "bg", "lt"),
                    ("\u201e", "\u201c")),
    **dict.fromkeys(("pl", "ro", "hu", "sr", "bs"), ("\u201e", "\u201d")),
    **dict.fromkeys(("fi", "sv", "he"), ("\u201d", "\u201d")),
    **dict.fromkeys(("ja", "zh-Hant"), ("\u300c", "\u300d")),
    "nl": ("\u2018", "\u2019"),
}


@dataclass(frozen=True)
class Rules:
    """What the pass does for one language with one set of faces; hashable, for the cache."""

    quotes: tuple[str, str] | None = None
    french_spaces: tuple[str, str] | None = None
    """(before : and inside « », before ; ? !): a no-break space and, if the faces have it,
    the narrow one; None: no spacing rule (or no space glyph to make it with)."""
    apostrophe: str | None = None
    """Replaces ' and ’ between two Cyrillic letters (Ukrainian)."""
    arabic_marks: bool = False
    """, ; ? after an Arabic letter become ، ؛ ؟ (a list joined with ', ' in a template)."""

    @property
    def noop(self) -> bool:
        return self == Rules()


@lru_cache(maxsize=64)
def rules_for(lang: str, covered: frozenset[int] | None = None) -> Rules:
    """``covered``: the code points the language's faces have (None: assume every one)."""
    def has(*chars: str) -> bool:
        return covered is None or all(ord(c) in covered for c in chars)

    parts = lang.replace("_", "-").split("-")
    base = parts[0].lower()
    region = next((p for p in parts[1:] if len(p) == 2), "")
    script = next((p for p in parts[1:] if len(p) == 4), "")
    quotes = (QUOTES.get(f"{base}-{region.upper()}") or QUOTES.get(f"{base}-{script.title()}")
              or QUOTES.get(base))
    spaces = None
    if base == "fr" and has(NBSP):
        spaces = (NBSP, NNBSP if has(NNBSP) else NBSP)
    apostrophe = MODIFIER_APOSTROPHE if base == "uk" and has(MODIFIER_APOSTROPHE) else None
    arabic = ((script.title() == "Arab" or (base in ARABIC_SCRIPT and not script))
              and has(*ARABIC_MARKS.values()))
    return Rules(quotes if quotes and has(*quotes) else None, spaces, apostrophe, arabic)


ARABIC_SCRIPT = frozenset({"ar", "arz", "ary", "apc", "fa", "prs", "ur", "ps", "ckb", "sd", "ug",
                           "ks", "bal"})
"""Languages written in Arabic script by default (CLDR likely subtags)."""
ARABIC_MARKS = {",": "\u060c", ";": "\u061b", "?": "\u061f"}
# After an Arabic letter or mark, not an Arabic-Indic digit (١,٥ is a number), and after the
# closing quotes, brackets and emphasis that may end an Arabic word: (المهاجرون), …
_ARABIC_MARK = re.compile("([\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef"
                          "\u06fa-\u06ff\u0750-\u077f\u0870-\u089f\u08a0-\u08ff"
                          "\ufb50-\ufdff\ufe70-\ufefc][\u201c\u201d\u00ab\u00bb)\\]*_]*)"
                          "([,;?])")


# What is never touched: Markdown link targets, autolinks, bare URLs (without the
# punctuation that ends a sentence after them) and e-mail addresses.
_PROTECTED = re.compile(
    r"\]\([^\s)]*\)"
    r"|<(?:https?://|mailto:)[^\s>]*>"
    r"|(?:https?://|mailto:|www\.)[^\s<>\"()\[\]]*[^\s<>\"()\[\].,;:!?'\u00bb\u201d\u2019]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINKS = ("](", "://", "mailto:", "www.", "@")
"""A text without any of these has nothing to protect (most texts: the pass skips the regex)."""
_MASK = "\ue000"  # a private-use character stands for each protected span during the pass

_SPACE = frozenset(" \t\u00a0\u202f\u2009")
_NO_SPACE_AFTER = frozenset(";:!?([{\u00ab\u201c\u201e\"'\u2018")
"""A high punctuation mark after these (or a space, or nothing) gets no space before it."""
_FRENCH = frozenset(":;!?\u00ab\u00bb")
_HIGH = re.compile("[:;!?\u00ab\u00bb]")
_APOSTROPHE = re.compile("(?<=[\u0400-\u04ff])['\u2019](?=[\u0400-\u04ff])")
# Around a straight quote: what may stand before one that opens (spaces, brackets, dashes,
# Markdown emphasis), and after one that closes (spaces, punctuation, closing marks).
_OPENS_AFTER = frozenset(" \t\n\u00a0\u202f([{\u2014\u2013/*_\u00ab\u201c\u201e\u2018" + _MASK)
_CLOSES_BEFORE = frozenset(" \t\n\u00a0\u202f.,;:!?)]}\u2026\u2014\u2013/*_\u00bb\u201d\u2019" + _MASK)


def typeset(text: str, rules: Rules) -> str:
    if rules.noop or not text:
        return text
    return _typeset(text, rules)


@lru_cache(maxsize=16384)
def _typeset(text: str, rules: Rules) -> str:
    """Cached: the same texts come back for every audience and layout of a language."""
    if _MASK in text:  # cannot tell our placeholders from the writer's: leave it as written
        return text
    kept: list[str] = []

    def keep(m: re.Match) -> str:
        kept.append(m.group(0))
        return _MASK

    out = _PROTECTED.sub(keep, text) if any(t in text for t in _LINKS) else text
    if rules.quotes:
        out = pair_quotes(out, *rules.quotes)
    if rules.french_spaces:
        out = french_spacing(out, *rules.french_spaces)
    if rules.apostrophe and ("'" in out or "\u2019" in out):
        out = _APOSTROPHE.sub(rules.apostrophe, out)
    if rules.arabic_marks and ("," in out or ";" in out or "?" in out):
        out = _ARABIC_MARK.sub(lambda m: m.group(1) + ARABIC_MARKS[m.group(2)], out)
    if kept:
        pieces = out.split(_MASK)
        out = pieces[0] + "".join(k + p for k, p in zip(kept, pieces[1:]))
    return out


def pair_quotes(text: str, start: str, end: str) -> str:
    """Straight double quotes that open (after a space or the start, before a letter) and
    close (after a letter, before a space, punctuation or the end) become the locale's;
    a quote without its pair, or inside a word (12"), stays as written."""
    if '"' not in text:
        return text
    chars = list(text)
    pending = None
    for i, ch in enumerate(chars):
        if ch != '"':
            continue
        before = chars[i - 1] if i else " "
        after = chars[i + 1] if i + 1 < len(chars) else " "
        if before in _OPENS_AFTER and not after.isspace() and after != '"':
            pending = i
        elif pending is not None and not before.isspace() and after in _CLOSES_BEFORE:
            chars[pending], chars[i] = start, end
            pending = None
    return "".join(chars)


def french_spacing(text: str, word: str = NBSP, thin: str = NBSP) -> str:
    """A no-break space before : and » (``word``) and ; ? ! (``thin``) and after «: inserted
    where missing, the spaces there made one no-break space, never two. A colon between
    digits (10:30, 1:2) is not punctuation and is left alone, as is a mark after a space or
    an opening bracket, or after another mark (?!)."""
    if _FRENCH.isdisjoint(text):
        return text
    edits: list[tuple[int, int, str]] = []  # (start, end, space): the spaces there replaced
    done = 0
    for m in _HIGH.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\u00ab":
            k = i + 1
            while k < len(text) and text[k] in _SPACE:
                k += 1
            if k < len(text) and not text[k].isspace() and text[k] != "\u00bb":
                edits.append((i + 1, k, word))
                done = k
            continue
        j = i
        while j > done and text[j - 1] in _SPACE:
            j -= 1
        prev = text[j - 1] if j else ""
        if not prev or prev.isspace() or (prev == "\u00ab" if ch == "\u00bb"
                                          else prev in _NO_SPACE_AFTER):
            continue
        if ch == ":" and j == i and prev.isdigit() and text[i + 1:i + 2].isdigit():
            continue
        edits.append((j, i, thin if ch in ";!?" else word))
        done = i
    if not edits:
        return text
    out, at = [], 0
    for start, end, space in edits:
        out += [text[at:start], space]
        at = end
    out.append(text[at:])
    return "".join(out)
