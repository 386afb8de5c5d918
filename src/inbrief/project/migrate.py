"""``inbrief migrate``: a project of the classic fixed model, rewritten as sections of blocks.

Every text moves to its new key by one map (old key path → new key path), in the source
file, the translations, the audiences' files and the ``.sources.json`` beside them, so a
translation made before the move is still complete and up to date after it: the texts and
their hashes are the same, only their keys change. The source file then gets the structure
(kinds, figure ids, event lists) that the classic model kept in code.

What is a project's own (its key map, section ids and orders, what each layout shows, its
structure and stylesheet) is read from a recipe file, YAML; this module is the machinery
that applies one. The built-in project ships its recipe as ``migrate/classic.yaml``, whose
opening comment describes the format (so does docs/sections.md, "The recipe").
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..content import RESERVED
from ..content.files import audience_text_path
from ..content.yamlsrc import Source, dotted, load
from ..errors import Problem, UserError
from ..i18n.catalog import leaves
from ..content.staleness import source_hash
from .defaults import builtin_root

CONDITIONS = ("with callout", "without callout", "chosen")
"""What a ``shows`` entry of the recipe may depend on."""
ANY = "*"
"""In a classic key prefix of the recipe: any one part."""


def default_recipe() -> Path:
    """The recipe of the built-in project (the repository root in a checkout)."""
    return builtin_root() / "migrate" / "classic.yaml"


# --- the recipe ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shown:
    """One entry of a layout's ``shows``: a section, shown when all its conditions hold."""

    section: str
    when: tuple[str, ...] = ()


@dataclass(frozen=True)
class Callout:
    """An audience's own section: marked by a classic key of its source-language file."""

    key: str
    section: str
    block: str
    type: str


@dataclass
class Recipe:
    """What moves where: a project's choices, read from its recipe file."""

    path: Path
    keys: list[tuple[tuple, tuple]]
    order: list[str]
    open: list[str]
    close: list[str]
    slots: dict[str, dict[str, list[str]]]
    structure: dict[str, dict]
    renamed: dict[str, str] = field(default_factory=dict)
    follows: dict[str, str] = field(default_factory=dict)
    shows: dict[str, list[Shown]] = field(default_factory=dict)
    callout: Callout | None = None
    fact_structure: dict[tuple, tuple] = field(default_factory=dict)
    fact_texts: dict[tuple, tuple] = field(default_factory=dict)
    fact_keep: dict[tuple, tuple] = field(default_factory=dict)
    lead_to: tuple | None = None
    lead_default: tuple | None = None
    stylesheet: dict | None = None

    def new_key(self, old: tuple) -> tuple | None:
        """The sections key of a classic text key; None for a key with no place."""
        for prefix, target in self.keys:
            if len(old) < len(prefix):
                continue
            if any(p != ANY and p != o for p, o in zip(prefix, old)):
                continue
            matched = iter(o for p, o in zip(prefix, old) if p == ANY)
            return tuple(next(matched) if t == ANY else t for t in target) + old[len(prefix):]
        return None

    def moved(self, data: Any) -> tuple[dict, list[tuple]]:
        """The texts of a classic file at their new keys, and the keys that have no place."""
        out: dict = {}
        lost = []
        for old, text in leaves(data).items():
            new = self.new_key(old)
            if new is None:
                lost.append(old)
            else:
                put(out, new, text)
        return out, lost

    def shown(self, layout: str, body: list[str], callout: bool) -> list[str]:
        """The sections a classic layout showed: the audience's own between the opening and
        closing sections, unless the recipe says what the layout shows."""
        if layout not in self.shows:
            return [*self.open, *body, *self.close]
        holds = {"with callout": lambda sid: callout, "without callout": lambda sid: not callout,
                 "chosen": lambda sid: sid in body}
        return [entry.section for entry in self.shows[layout]
                if all(holds[c](entry.section) for c in entry.when)]

    def selection(self, body: list[str], callout: bool,
                  layouts: list[str]) -> tuple[list[str], dict]:
        """An audience's sections (what any layout shows, in its order) and, per layout, the
        sections that layout leaves out (its slot ``none``)."""
        order = [*self.open, *body]
        for layout in layouts:
            order += [sid for sid in self.shown(layout, body, callout) if sid not in order]
        order = [sid for sid in order if sid not in self.close] + self.close
        slots = {}
        for layout in layouts:
            keep = self.shown(layout, body, callout)
            if left := [sid for sid in order if sid not in keep]:
                slots[layout] = {"none": left}
        return order, slots

    def lead(self, facts: dict) -> list:
        """The figures the brief leads with: the facts' list, else the ids of a fact's."""
        default = fact(facts, self.lead_default) if self.lead_default else None
        return facts.get("lead_figures") or list(default or {})

    def fact_text(self, facts: dict) -> dict[tuple, Any]:
        """The texts every language gets from the facts, by their new keys."""
        found = {new: fact(facts, old) for old, new in self.fact_texts.items()}
        return {new: value for new, value in found.items() if value}

    def skeleton(self, facts: dict) -> dict:
        """The source file's structure: what the classic model kept in its templates."""
        out = copy.deepcopy(self.structure)
        for new, value in self.fact_text(facts).items():
            put(out, new, value)
        if self.lead_to:
            put(out, self.lead_to, self.lead(facts))
        for old, new in self.fact_structure.items():
            value = fact(facts, old)
            if value:
                put(out, new, value)
            else:
                out.pop(new[0], None)
        return out

    def new_facts(self, facts: dict) -> dict:
        """facts.yaml of sections: the classic facts the recipe keeps, at their new keys."""
        out: dict = {}
        for old, new in self.fact_keep.items():
            value = fact(facts, old)
            if value is not None and value != [] and value != {} and value != "":
                put(out, new, value)
        return out

    def look(self, classic_styles: Path) -> str | None:
        """The project stylesheet, with the colours the classic styles set; None without one."""
        if self.stylesheet is None:
            return None
        colours = classic_styles / self.stylesheet.get("colours", "")
        css = colours.read_text(encoding="utf-8") if colours.is_file() else ""
        found = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})", css))
        tokens = " ".join(f"--{new}: {found[old]};"
                          for old, new in self.stylesheet.get("tokens", {}).items() if old in found)
        return self.stylesheet["template"].replace("{tokens}", tokens)


def fact(facts: Any, path: tuple) -> Any:
    """The classic fact at ``path``; None when it is absent."""
    node = facts
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


class _Reader:
    """Reads a recipe's parts, each problem located in the recipe file."""

    def __init__(self, source: Source):
        self.source = source

    def mapping(self, loc: tuple, value: Any, known: dict[str, bool]) -> dict:
        """A mapping of the known keys (True: required)."""
        if not isinstance(value, dict):
            raise UserError([self.source.problem(
                loc, "not a mapping in the recipe", "write it as key: value lines")])
        for key in value:
            if key not in known:
                raise UserError([self.source.problem(
                    loc + (key,), f"unknown key '{key}' in the recipe",
                    "known here: " + ", ".join(known), key=True)])
        for key, required in known.items():
            if required and key not in value:
                raise UserError([self.source.problem(
                    loc, f"required key '{key}' missing in the recipe",
                    "add it (the recipe's opening comment says what each key holds)")])
        return value

    def table(self, loc: tuple, value: Any) -> dict:
        """A mapping of any keys."""
        if not isinstance(value, dict):
            raise UserError([self.source.problem(
                loc, "not a mapping in the recipe", "write it as key: value lines")])
        return value

    def ids(self, loc: tuple, value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise UserError([self.source.problem(
                loc, "not a list of section ids in the recipe", "write it as [id, id, …]")])
        return list(value)

    def name(self, loc: tuple, value: Any) -> str:
        if not isinstance(value, str) or not value:
            raise UserError([self.source.problem(
                loc, "not a name in the recipe", "write a word, e.g. a section id")])
        return value

    def key(self, loc: tuple, value: Any, *, any_part: bool = False) -> tuple:
        """A dotted key path; a part of digits is a list position."""
        parts = value.split(".") if isinstance(value, str) else []
        if not parts or not all(parts) or (not any_part and ANY in parts):
            raise UserError([self.source.problem(
                loc, f"not a key path in the recipe: {value!r}",
                "write dotted names, e.g. section.block.field or items.0"
                + (" (* for any one part)" if any_part else ""))])
        return tuple(int(p) if p.isdigit() else p for p in parts)

    def keys(self, loc: tuple, value: Any) -> dict[tuple, tuple]:
        """A mapping of classic key paths to new ones."""
        return {self.key(loc + (old,), old): self.key(loc + (old,), new)
                for old, new in self.table(loc, value).items()}

    def pairs(self, loc: tuple, value: Any) -> list[tuple[tuple, tuple]]:
        if not isinstance(value, list):
            raise UserError([self.source.problem(
                loc, "not a list in the recipe", "write one [classic key, sections key] a line")])
        out = []
        for i, pair in enumerate(value):
            if not isinstance(pair, list) or len(pair) != 2:
                raise UserError([self.source.problem(
                    loc + (i,), "not a pair [classic key, sections key] in the recipe",
                    "write each entry as [old.key, new.key]")])
            old, new = (self.key(loc + (i, n), p, any_part=True) for n, p in enumerate(pair))
            if old.count(ANY) != new.count(ANY):
                raise UserError([self.source.problem(
                    loc + (i,), "not as many '*' in the sections key as in the classic key "
                    "in the recipe", "each * of the new key is the part its * matched")])
            out.append((old, new))
        return out

    def shows(self, loc: tuple, value: Any) -> list[Shown]:
        if not isinstance(value, list):
            raise UserError([self.source.problem(
                loc, "not a list in the recipe", "write one section id (or {section, when}) a line")])
        out = []
        for i, entry in enumerate(value):
            if isinstance(entry, str):
                out.append(Shown(self.name(loc + (i,), entry)))
                continue
            entry = self.mapping(loc + (i,), entry, {"section": True, "when": True})
            when = entry["when"] if isinstance(entry["when"], list) else [entry["when"]]
            for n, condition in enumerate(when):
                if condition not in CONDITIONS:
                    where = loc + (i, "when") + ((n,) if isinstance(entry["when"], list) else ())
                    raise UserError([self.source.problem(
                        where, f"unknown condition {condition!r} in the recipe",
                        "use " + ", ".join(CONDITIONS))])
            out.append(Shown(self.name(loc + (i, "section"), entry["section"]), tuple(when)))
        return out

    def structure(self, loc: tuple, value: Any) -> dict[str, dict]:
        for sid, section in self.table(loc, value).items():
            for name, block in self.table(loc + (sid,), section).items():
                if isinstance(block, dict) and not isinstance(block.get("type"), str):
                    raise UserError([self.source.problem(
                        loc + (sid, name), "a block without a type in the recipe",
                        "give it type: <kind> (text, list, cards…)")])
        return value


def load_recipe(path: Path) -> Recipe:
    """The recipe at ``path``; a malformed one is a UserError located in it."""
    source, problems = load(path)
    if problems:
        raise UserError(problems)
    r = _Reader(source)
    top = r.mapping((), source.data, {"keys": True, "sections": True, "layouts": True,
                                      "structure": True, "callout": False, "facts": False,
                                      "lead_figures": False, "stylesheet": False})
    sections = r.mapping(("sections",), top["sections"], {
        "order": True, "open": False, "close": False, "renamed": False, "follows": False})
    recipe = Recipe(
        path=path,
        keys=r.pairs(("keys",), top["keys"]),
        order=r.ids(("sections", "order"), sections["order"]),
        open=r.ids(("sections", "open"), sections.get("open", [])),
        close=r.ids(("sections", "close"), sections.get("close", [])),
        slots={},
        structure=r.structure(("structure",), top["structure"]),
    )
    for part in ("renamed", "follows"):
        table = r.table(("sections", part), sections.get(part, {}))
        setattr(recipe, part, {r.name(("sections", part, k), k): r.name(("sections", part, k), v)
                               for k, v in table.items()})
    for name, layout in r.table(("layouts",), top["layouts"]).items():
        loc = ("layouts", name)
        layout = r.mapping(loc, layout, {"slots": True, "shows": False})
        recipe.slots[name] = {slot: r.ids(loc + ("slots", slot), ids) for slot, ids
                              in r.table(loc + ("slots",), layout["slots"]).items()}
        if "shows" in layout:
            recipe.shows[name] = r.shows(loc + ("shows",), layout["shows"])
    if "callout" in top:
        callout = r.mapping(("callout",), top["callout"], dict.fromkeys(
            ("key", "section", "block", "type"), True))
        recipe.callout = Callout(**{k: r.name(("callout", k), v) for k, v in callout.items()})
    if "facts" in top:
        facts = r.mapping(("facts",), top["facts"], {"structure": False, "texts": False,
                                                      "keep": False})
        recipe.fact_structure = r.keys(("facts", "structure"), facts.get("structure", {}))
        recipe.fact_texts = r.keys(("facts", "texts"), facts.get("texts", {}))
        recipe.fact_keep = r.keys(("facts", "keep"), facts.get("keep", {}))
    if "lead_figures" in top:
        lead = r.mapping(("lead_figures",), top["lead_figures"], {"to": True, "default": False})
        recipe.lead_to = r.key(("lead_figures", "to"), lead["to"])
        if "default" in lead:
            recipe.lead_default = r.key(("lead_figures", "default"), lead["default"])
    wanted = [(("facts", "structure", dotted(old)), new)
              for old, new in recipe.fact_structure.items()]
    if recipe.lead_to:
        wanted.append((("lead_figures", "to"), recipe.lead_to))
    for loc, new in wanted:
        if len(new) < 2 or new[0] not in recipe.structure:
            raise UserError([source.problem(
                loc, f"'{dotted(new)}' is not in a section of the recipe's structure",
                "name a section of structure, then its block and field")])
    if "stylesheet" in top:
        sheet = r.mapping(("stylesheet",), top["stylesheet"], {
            "template": True, "colours": False, "tokens": False})
        if not isinstance(sheet["template"], str):
            raise UserError([source.problem(("stylesheet", "template"),
                                            "not a text in the recipe",
                                            "write the stylesheet as a block: template: |")])
        tokens = r.table(("stylesheet", "tokens"), sheet.get("tokens", {}))
        recipe.stylesheet = {
            "template": sheet["template"],
            "colours": r.name(("stylesheet", "colours"), sheet.get("colours", "base.css")),
            "tokens": {r.name(("stylesheet", "tokens", k), k):
                       r.name(("stylesheet", "tokens", k), v) for k, v in tokens.items()}}
    return recipe


# --- the files -------------------------------------------------------------------------------

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


def move_hashes(recipe: Recipe, path: Path, added: dict[str, str]) -> None:
    """A ``.sources.json``: the same hashes under the new keys, and those of ``added`` texts
    (a translation's copy of a text the classic model kept as a fact)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    keys = {key: source_hash(text) for key, text in added.items()}
    for name, digest in doc.get("keys", {}).items():
        old = tuple(int(p) if p.isdigit() else p for p in name.split("."))
        new = recipe.new_key(old)
        if new is not None:
            keys[".".join(str(p) for p in new)] = digest
    doc["keys"] = dict(sorted(keys.items()))
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=92)


def read(path: Path) -> Any:
    """A YAML file of the project, as plain data; a mistake in it is a UserError."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UserError([Problem(str(path), None, None, "file not found",
                                 "create it or fix the path")]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise UserError([Problem(str(path), line, col,
                                 f"YAML syntax error: {exc.problem or exc.context}",
                                 "check indentation, colons and quotes around this point")]) from None
    except yaml.YAMLError as exc:
        raise UserError([Problem(str(path), None, None, f"YAML error: {exc}")]) from None


def heading_comment(path: Path) -> str:
    """A file's opening comment lines, which say what it is for: kept over the rewrite."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    return "".join(line for line in lines[:next((i for i, l in enumerate(lines)
                                                 if not l.startswith("#")), len(lines))])


def check_classic(root: Path) -> dict:
    path = root / "inbrief.yaml"
    if not path.is_file():
        raise UserError(f"{path}: not found — is {root} an inbrief project? "
                        f"Create one with `inbrief init {root}`")
    config = read(path)
    if not isinstance(config, dict) or config.get("content") == "sections":
        raise UserError(f"{path}: already a project of sections — nothing to migrate")
    return config


def merged(structure: dict, texts: dict) -> dict:
    """Reserved keys first, then the sections in the structure's order, texts laid in."""
    out = {k: texts[k] for k in RESERVED if k in texts}
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


def migrate_project(root: Path, recipe_path: Path | None = None) -> list[Path]:
    """Rewrite the classic project at ``root`` as sections, as the recipe at ``recipe_path``
    (default: the built-in project's) says; returns the files written."""
    recipe = load_recipe(recipe_path or default_recipe())
    config = check_classic(root)
    source = config.get("source_language", "en")
    data = root / "data"
    facts = read(data / "facts.yaml") or {}
    written: list[Path] = []

    def write(path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        written.append(path)

    fact_text = recipe.fact_text(facts)
    added = {dotted(key): value for key, value in fact_text.items()}
    every_language: dict = {}  # printed in every language from the facts; now texts to translate
    for key, value in fact_text.items():
        put(every_language, key, value)
    if not (data / "text" / f"{source}.yaml").is_file():
        raise UserError([Problem(str(data / "text" / f"{source}.yaml"), None, None,
                                 "file not found", "the texts of source_language: create it "
                                 "or fix source_language in inbrief.yaml")])
    sections: list[str] = []
    files = {}  # every text file moved before one is written: a text with no place stops all
    for path in sorted((data / "text").glob("*.yaml")):
        files[path], lost = recipe.moved(read(path))
        if lost:
            raise UserError(f"{path}: no place for {', '.join('.'.join(map(str, k)) for k in lost)}"
                            " in the sections model — move these texts by hand")
    for path, texts in files.items():
        if path.stem == source:
            texts = merged(recipe.skeleton(facts), texts)
            sections = [k for k in texts if k not in RESERVED]
        elif every_language:
            texts = {**every_language, **texts}
        write(path, f"# {path.stem}: moved to sections of blocks by `inbrief migrate`.\n"
                    + dump(texts))
    layouts = [name for name in config.get("layouts", {}) if name in recipe.slots]
    body_of_all = [s for s in recipe.order if s in sections]
    general = {name: recipe.selection(body_of_all, False, [name])[1].get(name, {})
               for name in layouts}
    own_section = recipe.callout.section if recipe.callout else None
    for spec_path in sorted((data / "audiences").glob("*.yaml")):
        spec = read(spec_path) or {}
        lead = spec.pop("lead_figures", None) if recipe.lead_to else None
        own = audience_text_path(data, spec_path.stem, source)
        callout = (recipe.callout is not None and own.exists()
                   and recipe.callout.key in (read(own) or {}))
        body = [recipe.renamed.get(s, s) for s in spec.get("sections", recipe.order)]
        for sid, after in recipe.follows.items():
            if after in body and sid not in body:
                body.insert(body.index(after) + 1, sid)
        body = [sid for sid in body if sid in sections or (sid == own_section and callout)]
        order, slots = recipe.selection(body, callout, layouts)
        if "sections" in spec or order != list(sections):
            spec["sections"] = order
        # What the layouts leave out for every audience is said once, in inbrief.yaml.
        slots = {name: value for name, value in slots.items() if value != general[name]}
        if slots:
            spec["slots"] = slots
        write(spec_path, heading_comment(spec_path) + dump(spec))
        if lead and own.exists():
            texts = read(own) or {}
            figures: dict = {}
            put(figures, recipe.lead_to, lead)
            texts.setdefault(recipe.lead_to[0], figures[recipe.lead_to[0]])
            write(own, dump(texts))
    for path in sorted((data / "text" / "audiences").glob("*/*.yaml")):
        raw = read(path) or {}
        texts, _lost = recipe.moved(raw)
        if path.stem == source and recipe.callout and own_section in texts:
            texts[own_section].setdefault(recipe.callout.block, {})["type"] = recipe.callout.type
        if path.stem == source and recipe.lead_to and recipe.lead_to[0] in raw:
            texts[recipe.lead_to[0]] = raw[recipe.lead_to[0]]
        write(path, dump(texts))
    for path in sorted(data.rglob("*.sources.json")):
        move_hashes(recipe, path, added if path.parent == data / "text" else {})
        written.append(path)
    write(data / "facts.yaml", dump(recipe.new_facts(facts)))
    for name, layout in config.get("layouts", {}).items():
        if name in recipe.slots:
            layout.setdefault("slots", copy.deepcopy(recipe.slots[name]))
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
    stylesheet = recipe.look(root / "styles.classic")
    if stylesheet is not None:
        write(root / "styles" / "project.css", stylesheet)
    return written
