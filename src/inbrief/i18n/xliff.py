"""XLIFF 1.2 files, for memoQ, Trados, Crowdin and other CAT tools.

One <file> per source YAML file, one <trans-unit> per key (its id), the state
of each <target> telling translated, new and stale (needs-review-translation)
apart.

Files come back from contractors, so they are untrusted: a DOCTYPE (and with it
every entity declaration, the road to "billion laughs" and to reading local
files) is refused before any entity could be expanded. expat is driven
directly rather than through ElementTree because problems must name the line.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers import expat

from .. import __version__
from ..errors import Problem
from .exchange import Entry, Incoming, Unit, read_capped

NS = "urn:oasis:names:tc:xliff:document:1.2"
NEEDS_WORK = {"new", "needs-translation", "needs-adaptation", "needs-l10n",
              "needs-review-translation", "needs-review-adaptation", "needs-review-l10n"}
"""Target states that do not vouch for the translation: imported, but kept stale."""
INLINE_TEXT = {"mrk", "g"}
"""Inline elements whose text is kept; other inline codes have no meaning in our texts."""


def dump(units: list[Unit], *, project: str, lang: str, source_lang: str) -> str:
    root = ET.Element("xliff", {"xmlns": NS, "version": "1.2"})
    files: dict[str, ET.Element] = {}
    for u in units:
        if u.origin not in files:
            f = ET.SubElement(root, "file", {"original": u.origin, "datatype": "plaintext",
                                             "source-language": source_lang,
                                             "target-language": lang})
            header = ET.SubElement(f, "header")
            ET.SubElement(header, "tool", {"tool-id": "inbrief", "tool-name": "inbrief",
                                           "tool-version": __version__})
            ET.SubElement(header, "note").text = (f"{project}. Bring this file back with "
                                                  "`inbrief i18n import`; unit ids are keys.")
            files[u.origin] = ET.SubElement(f, "body")
        tu = ET.SubElement(files[u.origin], "trans-unit", {"id": u.key, "resname": u.key})
        ET.SubElement(tu, "source").text = u.source
        state = "new" if not u.target else "needs-review-translation" if u.stale else "translated"
        ET.SubElement(tu, "target", {"state": state}).text = u.target or None
        ET.SubElement(tu, "note", {"from": "inbrief"}).text = " ".join(u.refs)
        if u.placeholders:
            ET.SubElement(tu, "note", {"from": "inbrief"}).text = (
                f"Placeholders: {', '.join(u.placeholders)}: keep them as they are.")
        if u.stale:
            ET.SubElement(tu, "note", {"from": "inbrief"}).text = (
                "The source text changed since this was translated: check the translation.")
        for advice in u.glossary:  # 1.2 allows <note>s after <target>; annotates: the source
            ET.SubElement(tu, "note", {"from": "inbrief", "annotates": "source"}).text = advice
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


class _El:
    def __init__(self, tag: str, attrs: dict, line: int):
        self.tag, self.attrs, self.line = tag.rsplit(":", 1)[-1], attrs, line
        self.content: list = []  # text and child elements, in order

    def children(self, tag: str) -> list[_El]:
        return [c for c in self.content if isinstance(c, _El) and c.tag == tag]

    def text(self) -> tuple[str, list[_El]]:
        """The text inside, and the inline elements that carry something else."""
        parts, odd = [], []
        for c in self.content:
            if isinstance(c, str):
                parts.append(c)
            else:
                t, more = c.text()
                parts.append(t)
                odd += more if c.tag in INLINE_TEXT else [c]
        return "".join(parts), odd


class _Refused(Exception):
    def __init__(self, line: int):
        self.line = line


def _tree(raw: bytes) -> _El:
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[_El] = []
    top: list[_El] = []

    def refuse(*_args):
        raise _Refused(parser.CurrentLineNumber)

    def start(tag, attrs):
        el = _El(tag, attrs, parser.CurrentLineNumber)
        (stack[-1].content if stack else top).append(el)
        stack.append(el)

    def end(_tag):
        stack.pop()

    def chars(data):
        if stack:
            stack[-1].content.append(data)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = chars
    parser.Parse(raw, True)
    return top[0]


def parse(path: Path) -> Incoming:
    incoming = Incoming(path, None, 1)
    raw = read_capped(path, incoming)
    where = str(path)
    if raw is None:
        return incoming
    try:
        root = _tree(raw)
    except _Refused as exc:
        incoming.problems.append(Problem(where, exc.line, None,
                                         "DOCTYPE or entity declarations are not allowed",
                                         "remove the <!DOCTYPE …> part: XLIFF needs none"))
        return incoming
    except expat.ExpatError as exc:
        incoming.problems.append(Problem(where, exc.lineno, exc.offset + 1,
                                         f"XML syntax error: {expat.ErrorString(exc.code)}",
                                         "check the tags and the & < > characters around here"))
        return incoming
    if root.tag != "xliff" or root.attrs.get("version") != "1.2":
        version = root.attrs.get("version")
        incoming.problems.append(Problem(where, root.line, None, f"not an XLIFF 1.2 file "
                                         f"(<{root.tag} version={version!r}>)",
                                         "export XLIFF 1.2 from your tool"))
        return incoming
    for f in root.children("file"):
        lang = f.attrs.get("target-language")
        if incoming.lang is None:
            incoming.lang, incoming.lang_line = lang, f.line
            if lang is None:
                incoming.problems.append(Problem(where, f.line, None, "<file> has no "
                                                 "target-language", 'add target-language="…"'))
        elif lang != incoming.lang:
            incoming.problems.append(Problem(where, f.line, None, f"<file> is for '{lang}', an "
                                             f"earlier one for '{incoming.lang}'",
                                             "send one language per file"))
        for body in f.children("body"):
            _units(body, incoming)
    return incoming


def _units(el: _El, incoming: Incoming) -> None:
    where = str(incoming.path)
    for group in el.children("group"):
        _units(group, incoming)
    for tu in el.children("trans-unit"):
        key = tu.attrs.get("id")
        if not key:
            incoming.problems.append(Problem(where, tu.line, None, "<trans-unit> without id",
                                             "put back its id (the key) from the exported file"))
            continue
        source = tu.children("source")
        target = tu.children("target")
        text, odd = target[0].text() if target else ("", [])
        for o in odd:
            incoming.problems.append(Problem(where, o.line, None, f"'{key}': inline code <{o.tag}>"
                                             " in the target", "the source text has none: "
                                             "remove it, keep its text"))
        state = target[0].attrs.get("state", "translated") if target else "new"
        incoming.entries.append(Entry(key, source[0].text()[0] if source else "", text,
                                      state in NEEDS_WORK, tu.line,
                                      target[0].line if target else tu.line))
