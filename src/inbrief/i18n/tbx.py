"""The glossary as a TBX file (TermBase eXchange v3, ISO 30042:2019, TBX-Basic, DCA style).

CAT tools load a term base from TBX and show the fixed terms while the translator types;
``inbrief i18n export`` writes one beside the PO or XLIFF file. TBX v3 (``<tbx>``), the
current standard, not the 2008 ``<martif>`` that some tools (the Translate Toolkit, hence
Weblate) still read only: those get the terms from the PO comments. One ``<conceptEntry>`` per term, a ``<langSec>`` for the source language and
one for the exported language, a ``<termSec>`` per form. The glossary's note goes to the
entry's ``<note>``: only the core structure (no data category) is used, which every TBX v3
dialect accepts. No ``<?xml-model?>`` schema link: the published schemas' namespaces have
moved between drafts, and a tool needs none to read the file.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import __version__
from .glossary import Glossary

NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WILDCARD_NOTE = "* stands for any ending of the word"


def dump(glossary: Glossary, *, project: str, lang: str, source_lang: str) -> str | None:
    """The TBX text for ``lang``, or None if no term has forms for it (TBX needs one)."""
    terms = glossary.for_language(lang)
    if not terms:
        return None
    root = ET.Element("tbx", {"xmlns": NS, "type": "TBX-Basic", "style": "dca",
                              XML_LANG: source_lang})
    desc = ET.SubElement(ET.SubElement(ET.SubElement(root, "tbxHeader"), "fileDesc"),
                         "sourceDesc")
    ET.SubElement(desc, "p").text = (f"{project}: glossary for '{lang}', written by inbrief "
                                     f"{__version__} from data/glossary.yaml")
    body = ET.SubElement(ET.SubElement(root, "text"), "body")
    for n, term in enumerate(terms, 1):
        entry = ET.SubElement(body, "conceptEntry", {"id": f"term-{n}"})
        if term.note:
            ET.SubElement(entry, "note").text = term.note
        for code, forms in ((source_lang, term.source), (lang, term.forms[lang])):
            sec = ET.SubElement(entry, "langSec", {XML_LANG: code})
            for form in forms:
                term_sec = ET.SubElement(sec, "termSec")
                ET.SubElement(term_sec, "term").text = form
                if "*" in form:
                    ET.SubElement(term_sec, "note").text = WILDCARD_NOTE
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
