"""``inbrief migrate``: a project of the classic fixed model, rewritten as sections of blocks.

Every text moves to its new key by one map (old key path → new key path), in the source
file, the translations, the audiences' files and the ``.sources.json`` beside them, so a
translation made before the move is still complete and up to date after it: the texts and
their hashes are the same, only their keys change. The source file then gets the structure
(kinds, figure ids, event lists) that the classic model kept in code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from ..errors import UserError
from ..i18n.catalog import leaves
from ..i18n.fingerprints import source_hash

# (classic key prefix, sections key prefix); the first that matches a text's key wins.
MAP: list[tuple[tuple, tuple]] = [
    (("document",), ("document",)),
    (("organization",), ("organization",)),
    (("labels",), ("labels",)),
    (("overview", "heading"), ("overview", "heading")),
    (("overview", "paragraphs"), ("overview", "body", "paragraphs")),
    (("mission", "heading"), ("mission", "heading")),
    (("mission", "statement"), ("mission", "statement", "paragraphs", 0)),
    (("mission", "lead"), ("mission", "commitments", "lead")),
    (("mission", "commitments"), ("mission", "commitments", "items")),
    (("strategic_focus", "heading"), ("focus", "heading")),
    (("strategic_focus", "points"), ("focus", "points", "items")),
    (("areas", "heading"), ("areas", "heading")),
    (("areas", "intro"), ("areas", "areas", "intro")),
    (("areas", "items"), ("areas", "areas", "items")),
    (("areas", "cross_cutting", "title"), ("across", "note", "title")),
    (("areas", "cross_cutting", "paragraphs", 0), ("across", "note", "text")),
    (("policy", "heading"), ("policy", "heading")),
    (("policy", "intro"), ("policy", "activities", "intro")),
    (("policy", "items"), ("policy", "activities", "items")),
    (("vision", "heading"), ("vision", "heading")),
    (("vision", "intro"), ("vision", "pillars", "intro")),
    (("vision", "items"), ("vision", "pillars", "items")),
    (("history", "heading"), ("history", "heading")),
    (("history", "intro"), ("history", "events", "intro")),
    (("history", "events"), ("history", "events", "texts")),
    (("cooperation", "heading"), ("cooperation", "heading")),
    (("cooperation", "intro"), ("cooperation", "events", "intro")),
    (("cooperation", "events"), ("cooperation", "events", "texts")),
    (("contact", "heading"), ("contact", "reach", "heading")),
    (("contact", "cta"), ("contact", "reach", "cta")),
    (("callout", "heading"), ("callout", "heading")),
    (("callout", "summary"), ("callout", "message", "text")),
    (("callout", "paragraphs"), ("callout", "message", "paragraphs")),
    (("callout", "items"), ("callout", "message", "items")),
]
SECTION_IDS = {"strategic_focus": "focus"}
"""Classic section names whose sections-id differs (an audience's list uses them)."""


def new_key(old: tuple) -> tuple | None:
    """The sections key of a classic text key; None for a key with no place."""
    if len(old) == 3 and old[0] == "key_figures" and old[2] == "label":
        return ("figures", old[1])
    for prefix, target in MAP:
        if old[:len(prefix)] == prefix:
            return target + old[len(prefix):]
    return None


def put(data: dict, path: tuple, value: Any) -> None:
    """Set ``path`` in nested dicts (list indexes become list positions, in order)."""
    node = data
    for part, nxt in zip(path, path[1:]):
        if isinstance(node, list):
            while len(node) <= part:
                node.append({} if not isinstance(nxt, int) else [])
            node = node[part]
            continue
        if part not in node:
            node[part] = [] if isinstance(nxt, int) else {}
        node = node[part]
    last = path[-1]
    if isinstance(node, list):
        while len(node) <= last:
            node.append(None)
        node[last] = value
    else:
        node[last] = value


def moved(data: Any) -> tuple[dict, list[tuple]]:
    """The texts of a classic file at their new keys, and the keys that have no place."""
    out: dict = {}
    lost = []
    for old, text in leaves(data).items():
        new = new_key(old)
        if new is None:
            lost.append(old)
        else:
            put(out, new, text)
    return out, lost


def move_hashes(path: Path, added: dict[str, str]) -> None:
    """A ``.sources.json``: the same hashes under the new keys, and those of ``added`` texts
    (a translation's copy of a text the classic model kept as a fact)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    keys = {key: source_hash(text) for key, text in added.items()}
    for name, digest in doc.get("keys", {}).items():
        old = tuple(int(p) if p.isdigit() else p for p in name.split("."))
        new = new_key(old)
        if new is not None:
            keys[".".join(str(p) for p in new)] = digest
    doc["keys"] = dict(sorted(keys.items()))
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=92)


def heading_comment(path: Path) -> str:
    """A file's opening comment lines, which say what it is for: kept over the rewrite."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines[:next((i for i, l in enumerate(lines)
                                                 if not l.startswith("#")), len(lines))])


def check_classic(root: Path) -> dict:
    config = yaml.safe_load((root / "inbrief.yaml").read_text(encoding="utf-8"))
    if not isinstance(config, dict) or config.get("content") == "sections":
        raise UserError(f"{root / 'inbrief.yaml'}: already a project of sections — "
                        "nothing to migrate")
    return config


BODY = ["overview", "mission", "focus", "vision", "areas", "across", "policy", "chart", "history",
        "cooperation"]
"""The classic default order of the long layouts' sections."""
FRAME = ["cover", "numbers"], ["contact", "sources"]
"""Sections every classic layout opened and closed with."""
SLOTS = {
    "brief": {"cover": ["cover"], "figures": ["numbers"], "back": ["contact", "sources"]},
    "factsheet": {"cover": ["cover"], "figures": ["numbers"], "back": ["contact"]},
    "leaflet": {"cover": ["cover"], "flap": ["overview", "numbers"],
                "back": ["contact", "sources"]},
    "booklet": {"cover": ["cover"], "figures": ["numbers"], "back": ["contact", "sources"]},
}


def shown(layout: str, body: list[str], callout: bool) -> list[str]:
    """The sections a classic layout showed: the long layouts the audience's own, the one-page
    and the folded layouts a fixed choice (with the call-out in place of some)."""
    if layout == "factsheet":
        return [*FRAME[0], *(["callout"] if callout else ["overview"]), "mission", "areas",
                *(["vision"] if "vision" in body and not callout else []), "contact"]
    if layout == "leaflet":
        return [*FRAME[0], "overview", *(["callout"] if callout else []), "mission", "focus",
                "areas", "vision", *([] if callout else ["history"]), *FRAME[1]]
    return [*FRAME[0], *body, *FRAME[1]]


def selection(body: list[str], callout: bool, layouts: list[str]) -> tuple[list[str], dict]:
    """An audience's sections (what any layout shows, in its order) and, per layout, the
    sections that layout leaves out (its slot ``none``)."""
    order = [*FRAME[0], *body]
    for layout in layouts:
        order += [sid for sid in shown(layout, body, callout) if sid not in order]
    order = [sid for sid in order if sid not in FRAME[1]] + FRAME[1]
    slots = {}
    for layout in layouts:
        keep = shown(layout, body, callout)
        if left := [sid for sid in order if sid not in keep]:
            slots[layout] = {"none": left}
    return order, slots


LOOK = """\
/* The classic look over inbrief's built-in design: its colours (from the classic base.css),
   and the rules its sections need (by section id). Written by `inbrief migrate`. */
:root {{ {tokens} }}

/* The mission statement leads its section; a step smaller on one page and in narrow panels. */
.section-mission > .block-text:first-of-type p {{ hyphens: manual; font-size: 11pt;
  line-height: 1.35; color: var(--accent-dark); font-weight: 500; }}
.layout-factsheet .section-mission > .block-text:first-of-type p,
.layout-leaflet .section-mission > .block-text:first-of-type p {{ font-size: 10pt; }}
/* What cuts across the four areas closes their section, as a tinted note. */
.section-areas {{ margin-bottom: 0; }}
.section-across .callout {{ border-inline-start: 0; padding: 8pt 10pt 3pt; margin-top: 2pt; }}
.section-across .callout h3 {{ color: var(--accent-dark); }}
.section-across .callout-summary {{ font-weight: 400; color: var(--ink); }}
/* The booklet starts the strategic focus on a page of its own. */
.layout-booklet .section-focus {{ break-before: page; }}
"""
"""styles/project.css of a migrated project: what its classic templates and styles did that
the built-in design does not."""
TOKENS = {"blue": "accent", "blue-dark": "accent-dark", "blue-tint": "accent-tint",
          "blue-rule": "accent-rule", "on-blue": "on-accent", "on-blue-rule": "on-accent-rule"}


def look(classic_css: Path) -> str:
    """The project stylesheet, with the colours the classic base.css set."""
    import re

    css = classic_css.read_text(encoding="utf-8") if classic_css.is_file() else ""
    found = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})", css))
    tokens = " ".join(f"--{new}: {found[old]};" for old, new in TOKENS.items() if old in found)
    return LOOK.format(tokens=tokens)


def skeleton(facts: dict) -> dict:
    """The source file's structure: what the classic model kept in its templates."""
    lead = facts.get("lead_figures") or list(facts.get("key_figures", {}))
    org = facts.get("organization") or {}
    acronym = {"acronym": org["acronym"]} if org.get("acronym") else {}
    out = {
        "cover": {"masthead": {"type": "cover", **acronym}},
        "numbers": {"figures": {"type": "key_figures", "figures": lead}},
        "overview": {"beside": "mission", "body": {"type": "text"}},
        "mission": {"statement": {"type": "text"}, "commitments": {"type": "list"}},
        "focus": {"points": {"type": "list", "numbered": True, "columns": 2}},
        "vision": {"pillars": {"type": "cards"}},
        "areas": {"areas": {"type": "cards"}},
        "across": {"note": {"type": "callout"}},
        "policy": {"activities": {"type": "cards"}},
        "chart": {"trend": {"type": "chart", "figure": facts.get("chart")}},
        "history": {"beside": "cooperation",
                    "events": {"type": "timeline", "events": "history"}},
        "cooperation": {"events": {"type": "timeline", "events": "cooperation"}},
        "contact": {"reach": {"type": "contact"}},
        "sources": {"cited": {"type": "sources"}},
    }
    if not facts.get("chart"):
        del out["chart"]
    return out


def merged(structure: dict, texts: dict) -> dict:
    """Reserved keys first, then the sections in the structure's order, texts laid in."""
    out = {k: texts[k] for k in ("document", "organization", "labels", "figures") if k in texts}
    for sid, section in structure.items():
        text = texts.get(sid, {})
        new = {"heading": text["heading"]} if "heading" in text else {}
        for key, value in section.items():
            if isinstance(value, dict):
                new[key] = {**value, **text.get(key, {})}
            else:
                new[key] = value
        out[sid] = new
    return out


def new_facts(facts: dict) -> dict:
    out = {"edition": facts.get("edition")}
    org = facts.get("organization") or {}
    if "contact" in org:
        out["contact"] = org["contact"]
    for key in ("sources", "key_figures"):
        if key in facts:
            out[key] = facts[key]
    events = {name: facts[name] for name in ("history", "cooperation") if facts.get(name)}
    if events:
        out["events"] = events
    return out


def migrate_project(root: Path) -> list[Path]:
    """Rewrite the classic project at ``root`` as sections; returns the files written."""
    config = check_classic(root)
    source = config.get("source_language", "en")
    data = root / "data"
    facts = yaml.safe_load((data / "facts.yaml").read_text(encoding="utf-8"))
    written: list[Path] = []

    def write(path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        written.append(path)

    acronym = (facts.get("organization") or {}).get("acronym")
    added = {"cover.masthead.acronym": acronym} if acronym else {}
    for path in sorted((data / "text").glob("*.yaml")):
        texts, lost = moved(yaml.safe_load(path.read_text(encoding="utf-8")))
        if lost:
            raise UserError(f"{path}: no place for {', '.join('.'.join(map(str, k)) for k in lost)}"
                            " in the sections model — move these texts by hand")
        if path.stem == source:
            texts = merged(skeleton(facts), texts)
            sections = [k for k in texts if k not in ("document", "organization", "labels", "figures")]
        elif acronym:  # printed in every language from the facts; now a text to translate
            texts = {"cover": {"masthead": {"acronym": acronym}}, **texts}
        write(path, f"# {path.stem}: moved to sections of blocks by `inbrief migrate`.\n"
                    + dump(texts))
    layouts = [name for name in config.get("layouts", {}) if name in SLOTS]
    general = {name: selection([s for s in BODY if s in sections], False, [name])[1].get(name, {})
               for name in layouts}
    for spec_path in sorted((data / "audiences").glob("*.yaml")):
        spec = yaml.safe_load(spec_path.read_text(encoding="utf-8")) or {}
        lead = spec.pop("lead_figures", None)
        own = data / "text" / "audiences" / spec_path.stem / f"{source}.yaml"
        callout = own.exists() and "callout" in (yaml.safe_load(own.read_text(encoding="utf-8")) or {})
        body = [SECTION_IDS.get(s, s) for s in spec.get("sections", BODY)]
        if "areas" in body and "across" not in body:
            body.insert(body.index("areas") + 1, "across")
        body = [sid for sid in body if sid in sections or (sid == "callout" and callout)]
        order, slots = selection(body, callout, layouts)
        if "sections" in spec or order != list(sections):
            spec["sections"] = order
        # What the layouts leave out for every audience is said once, in inbrief.yaml.
        slots = {name: value for name, value in slots.items() if value != general[name]}
        if slots:
            spec["slots"] = slots
        write(spec_path, heading_comment(spec_path) + dump(spec))
        if lead and own.exists():
            texts = yaml.safe_load(own.read_text(encoding="utf-8")) or {}
            texts.setdefault("numbers", {"figures": {"figures": lead}})
            write(own, dump(texts))
    for path in sorted((data / "text" / "audiences").glob("*/*.yaml")):
        texts, _lost = moved(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        if path.stem == source and "callout" in texts:
            texts["callout"]["message"]["type"] = "callout"
        if path.stem == source:
            extra = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            if "numbers" in extra:
                texts["numbers"] = extra["numbers"]
        write(path, dump(texts))
    for path in sorted(data.rglob("*.sources.json")):
        move_hashes(path, added if path.parent == data / "text" else {})
        written.append(path)
    write(data / "facts.yaml", dump(new_facts(facts)))
    for name, layout in config.get("layouts", {}).items():
        if name in SLOTS:
            layout.setdefault("slots", SLOTS[name])
            layout["slots"].update(general[name])
    config["content"] = "sections"
    write(root / "inbrief.yaml", heading_comment(root / "inbrief.yaml") + dump(config))
    # The classic templates read the classic model: kept beside, out of the search path,
    # for whatever of them a project changed to be carried over to the design's overrides.
    for folder in ("templates", "styles"):
        if (root / folder).is_dir():
            kept = root / f"{folder}.classic"
            if kept.exists():
                raise UserError(f"{kept}: already exists — move it away, then migrate again")
            (root / folder).rename(kept)
            written.append(kept)
    (root / "styles").mkdir()
    write(root / "styles" / "project.css", look(root / "styles.classic" / "base.css"))
    return written
