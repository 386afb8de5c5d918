"""The words of a PDF as a reader meets them, for comparing a target before and after a change.

Line breaks, hyphenation and page breaks move whenever a layout changes, so the comparison is
on words: NFKC-normalised, lower-cased, with hyphens and punctuation removed. A phrase is a run
of five consecutive words; a phrase of the baseline that no longer occurs is content lost.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

WORD = re.compile(r"[^\W_]+", re.UNICODE)
N = 5


def words(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        text = "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()
    text = unicodedata.normalize("NFKC", text)
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
    """
    have = phrases(after)
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
            runs.append(" ".join(before[max(0, start - 2):i + 2]))
            start = None
    return runs
