"""The words of a PDF as a reader meets them, for comparing a target before and after a change.

Line breaks, hyphenation and page breaks move whenever a layout changes, so the comparison is
on words: NFKC-normalised, lower-cased, with hyphens and punctuation removed. A phrase is a run
of five consecutive words; a phrase of the baseline that no longer occurs is content lost.
Page furniture is not content: the running footer (each page's last line, which carries the
folio) and the blank filler pages a booklet is padded with are left out, so a brief that loses
a page or a notes page loses no words.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

WORD = re.compile(r"[^\W_]+", re.UNICODE)
N = 5


FOLIO = re.compile(r"\d+\D{1,6}\d+\s*$")
"""A running footer's last line ends with "page x of y" in every language of the project."""


def _body(page_text: str) -> str:
    lines = page_text.rstrip().splitlines()
    if lines and FOLIO.search(lines[-1]):
        # A word hyphenated at the page's foot carries PDFium's U+FFFE with no line break
        # after it: the footer follows on the same line, and only what comes after it goes.
        head, mark, _footer = lines.pop().rpartition("\ufffe")
        if mark:
            lines.append(head + mark)
    return "\n".join(lines)


def words(pdf: Path, filler_pages: int = 0) -> list[str]:
    """The body's words; ``filler_pages`` notes pages before the back cover are skipped."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        n = len(doc)
        skip = set(range(n - 1 - filler_pages, n - 1)) if filler_pages else set()
        text = "\n".join(_body(doc[i].get_textpage().get_text_range())
                         for i in range(n) if i not in skip)
    finally:
        doc.close()
    text = unicodedata.normalize("NFKC", text)
    # Typography is not content: the Ukrainian apostrophe ʼ (U+02BC, a letter) the build now
    # prints reads as the ’ the baseline was frozen with, which splits the word there (#16).
    text = text.replace("\u02bc", "\u2019")
    # A word hyphenated at a line end, or a compound broken at its own hyphen, joins up.
    # PDFium marks a hyphen the layout added at a line end with U+FFFE (U+0002 in some builds).
    text = re.sub("[\ufffe\x02]\\s*", "", text)
    text = re.sub(r"[-\u00ad\u2010\u2011]\s*\r?\n\s*", "", text).replace("-", "")
    return WORD.findall(text.lower())


def phrases(seq: list[str]) -> set[str]:
    return {" ".join(seq[i:i + N]) for i in range(len(seq) - N + 1)}


def lost(before: list[str], after: list[str]) -> list[str]:
    """Runs of words of ``before`` that no phrase of ``after`` covers, as readable snippets.

    A word is covered when some five-word phrase around it still occurs, so text that only
    moved (another page break, another column) is not lost, while a dropped sentence is.
    Runs of layout, not content, are not lost: numbers (list markers, a chart's values, which
    extraction orders by column or by drawing); up to three words that still occur as a whole between other neighbours
    (a chart's title); a word hyphenated at the foot of a column, whose first half extraction
    joined to the next column's first word (or the word glued to the previous column's half).
    """
    # Numbers are layout on both sides: a list's numbers are text when a layout draws them
    # (points in rows), markers when the list does; a footnote call moves with line breaks.
    before = [w for w in before if not w.isdigit()]
    after = [w for w in after if not w.isdigit()]
    have = phrases(after)
    text = " " + " ".join(after) + " "
    tokens = set(after)
    starts = {t[:k] for t in tokens for k in range(2, len(t))}
    ends = {t[k:] for t in tokens for k in range(2, len(t) - 1)}

    def split(w: str) -> bool:
        """``w`` hyphenated at a column's foot: its halves, or it whole, glued to a neighbour."""
        return w in ends or any(w[:k] in starts and w[k:] in tokens for k in range(2, len(w) - 1))

    def moved(run: list[str]) -> bool:
        return len(run) <= 3 and (f" {' '.join(run)} " in text or
                                  all(w in tokens or split(w) for w in run))
    covered = [False] * len(before)
    for i in range(len(before) - N + 1):
        if " ".join(before[i:i + N]) in have:
            for j in range(i, i + N):
                covered[j] = True
    runs, start = [], None
    for i, ok in enumerate(covered + [True]):
        if not ok and start is None:
            start = i
        elif ok and start is not None:
            # Numbers are layout here (list markers, a chart's values and axis), wherever
            # extraction puts them; the words among them are what must not be lost.
            run = [w for w in before[start:i] if not w.isdigit()]
            if run and not moved(run):
                runs.append(" ".join(before[max(0, start - 2):i + 2]))
            start = None
    return runs
