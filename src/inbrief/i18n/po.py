"""Gettext PO files, for Poedit, Weblate, Crowdin and most translation tools.

One entry per key: ``msgctxt`` is the dotted key (msgids repeat, keys do not),
``msgid`` the source text, ``msgstr`` the translation; a stale translation is
``fuzzy``, which every PO tool shows as "needs work". Notes for the translator (placeholders,
staleness, glossary terms) are extracted comments (``#.``), which tools show beside the
entry and an import never reads.
"""

from __future__ import annotations

import re
from pathlib import Path

import polib

from .. import __version__
from ..errors import Problem
from .exchange import Entry, Incoming, Unit, read_capped

STALE_NOTE = ("The source text changed since this was translated: check the translation, "
              "then clear the fuzzy flag.")


def dump(units: list[Unit], *, project: str, lang: str, source_lang: str) -> str:
    po = polib.POFile(wrapwidth=78)
    po.header = (f"{project}: texts to translate into '{lang}'.\n"
                 f"Written by `inbrief i18n export`; bring it back with `inbrief i18n import`.\n"
                 "msgctxt is the key of each text: do not change it.")
    po.metadata = {
        "Project-Id-Version": project,
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": source_lang,
        "X-Generator": f"inbrief {__version__}",
    }
    for u in units:
        notes = []
        if u.placeholders:
            notes.append(f"Placeholders: {', '.join(u.placeholders)}: keep them as they are.")
        if u.stale:
            notes.append(STALE_NOTE)
        notes += u.glossary
        po.append(polib.POEntry(
            msgctxt=u.key, msgid=u.source, msgstr=u.target, comment="\n".join(notes),
            occurrences=[tuple(r.rsplit(":", 1)) for r in u.refs],
            flags=["fuzzy"] if u.stale else []))
    return str(po) + "\n"


def parse(path: Path) -> Incoming:
    incoming = Incoming(path, None, 1)
    text = _read(path, incoming)
    if text is None:
        return incoming
    try:
        po = polib.pofile(text)
    except (OSError, ValueError) as exc:  # polib reports syntax errors as IOError
        m = re.search(r"line (\d+)", str(exc))
        incoming.problems.append(Problem(str(path), int(m.group(1)) if m else None, None,
                                         "PO syntax error" + (f": {str(exc).split(': ', 1)[1]}"
                                                              if ": " in str(exc) else ""),
                                         "check the quotes of this entry"))
        return incoming
    lines = text.splitlines()
    incoming.lang = po.metadata.get("Language") or None
    incoming.lang_line = _find(lines, 0, '"Language:') or 1
    for e in po:
        if e.obsolete:
            continue
        first = e.linenum or 1
        line = _find(lines, first - 1, "msgctxt") or first
        target_line = _find(lines, first - 1, "msgstr") or first
        if e.msgid_plural:
            incoming.problems.append(Problem(str(path), first, None, "plural forms are not used "
                                             "by inbrief", "remove msgid_plural and msgstr[n]"))
            continue
        if e.msgctxt is None:
            incoming.problems.append(Problem(str(path), first, None,
                                             f"entry {e.msgid[:40]!r} has no msgctxt (the key)",
                                             "put back its msgctxt line from the exported file"))
            continue
        incoming.entries.append(Entry(e.msgctxt, e.msgid, e.msgstr, "fuzzy" in e.flags,
                                      line, target_line))
    return incoming


def _find(lines: list[str], start: int, prefix: str) -> int | None:
    """The 1-based number of the first line from ``start`` that begins with ``prefix``."""
    for i in range(start, len(lines)):
        if lines[i].startswith(prefix):
            return i + 1
    return None


def _read(path: Path, incoming: Incoming) -> str | None:
    raw = read_capped(path, incoming)
    if raw is None:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        incoming.problems.append(Problem(str(path), raw[:exc.start].count(b"\n") + 1, None,
                                         "file is not UTF-8", "save it as UTF-8 "
                                         "(charset=UTF-8 in the header)"))
        return None
