"""Load YAML while remembering where every value came from.

Validation errors are only useful if they point at a line and column, so we
compose the node graph ourselves and record each value's mark by its key path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem

MAX_BYTES = 2_000_000
MAX_DEPTH = 32
MAX_NODES = 100_000

Loc = tuple  # a key path: ("focus", "points", "items", 8, "footnote")


def dotted(loc: Loc) -> str:
    """The key path as people write it: "focus.points.items.8.footnote"."""
    return ".".join(str(p) for p in loc)


def leaves(data: Any, prefix: Loc = ()) -> dict[Loc, str]:
    """Every string of nested data by key path, in document order (a text file's texts)."""
    out: dict[Loc, str] = {}
    if isinstance(data, dict):
        for k, v in data.items():
            out.update(leaves(v, prefix + (k,)))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            out.update(leaves(v, prefix + (i,)))
    elif isinstance(data, str):
        out[prefix] = data
    return out


@dataclass
class Source:
    """A loaded YAML document plus the position of every key and value."""

    path: Path
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    origin: dict[Loc, Path] = field(default_factory=dict)
    """Key paths laid over from another file (an audience's): their problems name it."""

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int | None, int | None]:
        """Position of ``loc``, or of its nearest located ancestor."""
        loc = tuple(loc)
        while True:
            table = self.keys if key and loc in self.keys else self.values
            if loc in table:
                return table[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]

    def problem(self, loc: Loc, message: str, hint: str = "", *, key: bool = False) -> Problem:
        line, col = self.position(loc, key=key)
        return Problem(str(self.path_of(loc)), line, col, message, hint)

    def path_of(self, loc: Loc) -> Path:
        """The file ``loc`` was written in: another file's for keys laid over this one."""
        loc = tuple(loc)
        for n in range(len(loc), 0, -1):
            if loc[:n] in self.origin:
                return self.origin[loc[:n]]
        return self.path


class _Builder:
    def __init__(self, source: Source):
        self.source = source
        self.constructor = yaml.constructor.SafeConstructor()
        self.count = 0

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Limit(node, f"more than {MAX_NODES} values (is an alias expanding without end?)")
        if depth > MAX_DEPTH:
            raise _Limit(node, f"nesting deeper than {MAX_DEPTH} levels")
        self.source.values[loc] = _mark(node)
        if node.tag not in _PLAIN_TAGS:
            raise _Limit(node, f"YAML tag '{node.tag}' is not allowed",
                         "remove the tag: content is text, numbers, dates, lists and mappings")
        if isinstance(node, yaml.MappingNode):
            self.constructor.flatten_mapping(node)
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.constructor.construct_object(key_node, deep=True)
                if not isinstance(key, (str, int)):
                    raise _Limit(key_node, "keys must be plain text")
                if key in out:
                    raise _Limit(key_node, f"duplicate key {key!r}", "remove one of the two entries")
                self.source.keys[loc + (key,)] = _mark(key_node)
                out[key] = self.build(value_node, loc + (key,), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, loc + (i,), depth + 1) for i, item in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node, deep=True)
        except ValueError as exc:  # e.g. an impossible unquoted date: 1952-13-01
            raise _Limit(node, f"invalid value {node.value!r}: {exc}",
                         "correct it, or quote it if it is text (dates: \"YYYY-MM-DD\")")


_PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in
               ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge")}
"""What a safe loader resolves untagged values to; anything else (``!!python/…``) is refused."""


class _Limit(Exception):
    def __init__(self, node: yaml.Node, message: str, hint: str = ""):
        self.node, self.message, self.hint = node, message, hint


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


_CACHE: dict[tuple, tuple[Source | None, list[Problem]]] = {}
_CACHE_SIZE = 512


def load(path: Path, root: Path | None = None) -> tuple[Source | None, list[Problem]]:
    """Read one YAML file; problems instead of exceptions, so a run can report all of them.

    With ``root``, the file must really be inside it: a content file that is a
    symlink to ``~/.ssh/…`` or ``/etc/…`` would otherwise print that file in a PDF.

    A build reads the same facts and text files once per language × audience; parsed
    files are kept, keyed by their stamp, so an edit (watch) is always re-read. Callers
    must not mutate the returned Source (overlays copy it).
    """
    real = path.resolve()
    if root is not None and path.exists():
        top = Path(root).resolve()
        if real != top and top not in real.parents:
            return None, [Problem(str(path), None, None,
                                  f"is a link to {real}, outside the project",
                                  "copy the file into the project instead of linking to it")]
    try:
        st = path.stat()
        key = (str(real), st.st_mtime_ns, st.st_size)
    except OSError:
        key = None
    if key in _CACHE:
        source, problems = _CACHE[key]
        return source, list(problems)
    result = _load(path)
    if key is not None:
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        _CACHE[key] = result
    return result[0], list(result[1])


_FAST = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml composes the same nodes with the same marks several times faster; a check of the
default project reads about thirty files of content."""


def _compose(text: str, loader_class) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _load(path: Path) -> tuple[Source | None, list[Problem]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(str(path), None, None, "file not found", "create it or fix the path")]
    except OSError as exc:
        return None, [Problem(str(path), None, None, f"cannot read file: {exc.strerror}")]
    if len(raw) > MAX_BYTES:
        return None, [Problem(str(path), None, None, f"file is larger than {MAX_BYTES:,} bytes",
                              "split it or remove pasted binary content")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(str(path), line, None, "file is not valid UTF-8 text",
                              "save it as UTF-8 in your editor")]
    if "\x00" in text:
        return None, [Problem(str(path), None, None, "file looks binary (contains NUL bytes)",
                              "point at a YAML text file")]
    source = Source(path=path, data=None)
    try:
        try:
            node = _compose(text, _FAST)
        except yaml.YAMLError:  # rare: say it in the pure-Python parser's words and marks
            node = _compose(text, yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = exc.problem or exc.context or "invalid YAML"
        return None, [Problem(str(path), line, col, f"YAML syntax error: {what}",
                              "check indentation, colons and quotes around this point")]
    except yaml.YAMLError as exc:
        return None, [Problem(str(path), None, None, f"YAML error: {exc}")]
    if node is None:
        return None, [Problem(str(path), None, None, "file is empty", "add content or delete the file")]
    try:
        source.data = _Builder(source).build(node, (), 0)
    except _Limit as exc:
        line, col = _mark(exc.node)
        return None, [Problem(str(path), line, col, exc.message, exc.hint)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        return None, [Problem(str(path), line, col, f"YAML error: {getattr(exc, 'problem', exc)}")]
    return source, []
