"""Find the block kinds of a project: its own, an audience's overrides, and the built-in ones.

Lookup is per file, most specific first, so a project restyles a built-in kind by adding
only its ``style.css`` and keeps the built-in schema and partials. A new kind must bring
its schema: without one the folder is a mistake (often a misspelt built-in's name).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel

from ..content.validate import did_you_mean
from ..errors import Problem
from .compile import compile_schema
from .dialect import Schema, parse_schema

BUILTIN = Path(__file__).resolve().parent / "kinds"
FOLDER = "blocks"
AUDIENCES = "audiences"
"""``blocks/audiences/<a>/<kind>/``: so no project kind may be called ``audiences``."""
FILES = {"schema": "schema.yaml", "partial": "block.html.j2", "short": "short.html.j2",
         "css": "style.css", "labels": "labels.yaml"}
_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


@dataclass(frozen=True, eq=False)
class Kind:
    """A block kind: its fields, its compiled model, and the file found for each role."""

    name: str
    schema: Schema
    partial: Path | None
    """``block.html.j2``; None until the built-in partials exist (the renderer requires it)."""
    short: Path | None = None
    css: Path | None = None
    labels: Path | None = None
    builtin: bool = False
    """Whether the schema is the built-in one (an override may still replace other files)."""
    compiled: type[BaseModel] | None = None
    """The model, compiled when the kind was found (a project's kind, whose schema may be
    wrong); a built-in kind's is compiled when first used (a cold build pays only for the
    kinds its content names)."""

    @cached_property
    def model(self) -> type[BaseModel]:
        if self.compiled is not None:
            return self.compiled
        model, problems = compile_schema(self.name, self.schema)
        if model is None:  # the built-in schemas are tested: never a user's mistake
            raise RuntimeError(f"built-in kind {self.name!r}: {problems}")
        return model

    @property
    def schema_path(self) -> Path:
        return self.schema.path


@dataclass(frozen=True, eq=False)
class Registry:
    kinds: dict[str, Kind]
    broken: frozenset[str] = frozenset()
    """Kinds whose schema has problems: already reported, so their blocks go unchecked."""

    def known(self) -> list[str]:
        return sorted(set(self.kinds) | self.broken)


def folders(project: Path, audience: str | None = None) -> list[Path]:
    """Where kinds are looked up, most specific first: the audience's overrides, the
    project's own kinds, the built-in ones."""
    chain = [Path(project) / FOLDER / AUDIENCES / audience] if audience else []
    return chain + [Path(project) / FOLDER, BUILTIN]


_CACHE: dict[tuple, tuple[Registry, list[Problem]]] = {}


def load_registry(project: Path, audience: str | None = None) -> tuple[Registry, list[Problem]]:
    """Every kind visible to ``audience`` (or to the whole project), and every problem found
    in any kind folder. Kept per stamp of every folder and file read, so an edit is seen."""
    chain = folders(project, audience)
    listing = [_kind_dirs(folder, folder == Path(project) / FOLDER) for folder in chain]
    key = (str(Path(project).resolve()), audience, _stamps(listing))
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = _build(Path(project), listing)
    registry, problems = _CACHE[key]
    return registry, list(problems)


def _kind_dirs(folder: Path, top: bool) -> dict[str, Path]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return {}
    return {e.name: Path(e.path) for e in entries
            if e.is_dir() and not e.name.startswith(".") and e.name != "__pycache__"
            and not (top and e.name == AUDIENCES)}


def _stamps(listing: list[dict[str, Path]]) -> tuple:
    out = []
    for dirs in listing:
        for path in dirs.values():
            try:
                for entry in sorted(os.scandir(path), key=lambda e: e.name):
                    st = entry.stat()
                    out.append((entry.path, st.st_mtime_ns, st.st_size))
                out.append((str(path), path.stat().st_mtime_ns))
            except OSError:  # changed while we looked: never cache that state
                out.append((str(path), object()))
    return tuple(out)


def _build(project: Path, listing: list[dict[str, Path]]) -> tuple[Registry, list[Problem]]:
    problems: list[Problem] = []
    names = sorted({name for dirs in listing for name in dirs})
    with_schema = [n for n in names if any((d[n] / FILES["schema"]).is_file()
                                           for d in listing if n in d)]
    kinds, broken = {}, set()
    for name in names:
        places = [dirs[name] for dirs in listing if name in dirs]
        builtin = listing[-1].get(name)
        problems += _check_files(name, places, builtin)
        found = {role: next((p / f for p in places if (p / f).is_file()), None)
                 for role, f in FILES.items()}
        more = _check_name(name, places[0], found["schema"], with_schema)
        if more:
            problems += more
            broken.add(name)
            continue
        own = found["schema"].parent != builtin
        schema, more = parse_schema(found["schema"], project if own else None)
        model, more2 = compile_schema(name, schema) if schema and own else (None, [])
        problems += more + more2
        if schema is None or more or (own and model is None):
            broken.add(name)
            continue
        kinds[name] = Kind(name=name, schema=schema, compiled=model, partial=found["partial"],
                           short=found["short"], css=found["css"], labels=found["labels"],
                           builtin=found["schema"].parent == builtin)
    return Registry(kinds=kinds, broken=frozenset(broken)), problems


def _check_name(name: str, where: Path, schema: Path | None, with_schema: list[str]) -> list[Problem]:
    if not _ID.match(name):
        return [Problem(str(where), None, None, f"block kind folder '{name}' is not an id",
                        "name it with lowercase letters, digits, '_' and '-', starting with a "
                        "letter")]
    if schema is None:
        close = did_you_mean(name, [n for n in with_schema if n != name])
        return [Problem(str(where), None, None,
                        f"block kind '{name}' has no schema.yaml, and no built-in kind has that "
                        "name", (close + " " if close else "") + "a new kind needs schema.yaml; "
                        "to override a built-in kind's files, name the folder after it")]
    return []


def _check_files(name: str, places: list[Path], builtin: Path | None) -> list[Problem]:
    """A misspelt file would silently not override anything: refuse what a kind never reads."""
    problems = []
    for place in places:
        if place == builtin:
            continue
        for entry in sorted(place.iterdir()):
            if (entry.name in FILES.values() and entry.is_file()) or entry.name.startswith(".") \
                    or entry.name.upper().startswith("README"):
                continue
            problems.append(Problem(str(entry), None, None,
                                    f"unknown file '{entry.name}' in block kind '{name}'",
                                    did_you_mean(entry.name, FILES.values()) or
                                    "a kind folder holds " + ", ".join(FILES.values())))
    return problems
