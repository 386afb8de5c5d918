"""Check a map of section ids to a layout's slots: inbrief.yaml's, or an audience's own.

A slot the layout's template never shows, or a section id that no text file has, would make
a section silently vanish from that layout: each is an error at its place in the file that
maps it. ``body`` is not mapped: it takes every section no other slot holds; ``none`` holds
the sections a layout leaves out.
"""

from __future__ import annotations

from ..content.validate import did_you_mean
from ..content.yamlsrc import Loc, Source
from ..errors import Problem

BODY = "body"
NONE = "none"


def check_slot_map(src: Source, loc: Loc, layout: str, mapping: dict, slots: frozenset[str],
                   known: list[str], who: str = "") -> list[Problem]:
    """Problems of ``mapping`` (slot → section ids) at ``loc`` of ``src`` for ``layout``,
    whose template shows ``slots``; ``known`` are the section ids there are."""
    problems: list[Problem] = []
    usable = sorted((set(slots) | {NONE}) - {BODY})
    for slot, ids in mapping.items():
        at = loc + (slot,)
        if slot == BODY:
            problems.append(src.problem(at, f"{who}'{layout}': the slot 'body' cannot be mapped",
                                        "'body' takes every section no other slot holds: "
                                        "remove it", key=True))
            continue
        if slot not in usable:
            close = did_you_mean(str(slot), [*usable, BODY])
            if close and f"'{BODY}'" in close:
                close += " 'body' takes every section no other slot holds: leave it out"
            problems.append(src.problem(at, f"{who}layout '{layout}' has no slot '{slot}'",
                                        close or f"its template shows: {', '.join(usable)}",
                                        key=True))
        for i, sid in enumerate(ids or []):
            if sid not in known:
                problems.append(src.problem(at + (i,), f"{who}unknown section '{sid}'",
                                            did_you_mean(sid, known)
                                            or "known sections: " + ", ".join(known)))
    return problems
