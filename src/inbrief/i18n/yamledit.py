"""Change texts inside a YAML file by editing its text, not by re-dumping it.

Translation files are written by people: comments, key order, quoting and line
wrapping are theirs, and a review diff should show the one sentence that
changed. So an import replaces only the changed scalars in place, inserts keys
new to the file after their nearest sibling, and re-parses the result to prove
it holds exactly the intended data before anything is written.
"""

from __future__ import annotations

import copy
import textwrap
from typing import Any

import yaml

from .catalog import Key, get_key, leaves

WIDTH = 92
"""Wrap column of the project's YAML files; longer texts become folded ``>-`` blocks."""

class EditError(Exception):
    """The edited text would not read back as the intended data, so it is not written."""


def update(text: str, data: Any, changes: dict[Key, str], shape: Any) -> str:
    """``text`` (parsed as ``data``) with ``changes`` applied; ``shape`` is the source file's data.

    ``shape`` gives the order of new keys and the length of new lists, whose
    untranslated items become ``~`` (which falls back to the source text).
    """
    if not changes:
        return text
    rank = {k: i for i, k in enumerate(leaves(shape))}
    changes = dict(sorted(changes.items(), key=lambda kv: rank.get(kv[0], len(rank))))
    expected = copy.deepcopy(data) if data is not None else {}
    for key, value in changes.items():  # in source order, so that new mappings are too
        _put(expected, key, value, shape)
    if not text.strip():
        header = "# Translation written by `inbrief i18n import`.\n"
        new = header + "\n".join(_lines(expected, 0)) + "\n"
    else:
        new = _edit(text, expected, changes, shape)
    try:
        got = yaml.safe_load(new)
    except yaml.YAMLError as exc:
        raise EditError(f"edited YAML does not parse: {exc}") from None
    if got != expected:
        raise EditError("edited YAML does not hold the intended texts")
    return new


def _put(data: Any, key: Key, value: str, shape: Any) -> None:
    """Set ``key`` in ``data``, creating the mappings and lists ``shape`` has on the way."""
    node, sh = data, shape
    for i, part in enumerate(key):
        sh = sh[part]
        if i == len(key) - 1:
            node[part] = value
        elif (node[part] if isinstance(node, list) else node.get(part)) is None:
            node[part] = {} if isinstance(sh, dict) else [None] * len(sh)
        node = node[part]


class _Where:
    """A node of the file, with what its rendering depends on."""

    def __init__(self, node, flow: bool, indent: int, in_seq: bool):
        self.node, self.flow, self.indent, self.in_seq = node, flow, indent, in_seq


def _index(node, path: Key, flow: bool, indent: int, in_seq: bool, out: dict) -> None:
    out[path] = _Where(node, flow, indent, in_seq)
    inner = flow or bool(getattr(node, "flow_style", False))
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            _index(v, path + (_key(k),), inner, k.start_mark.column + 2, False, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, path + (i,), inner, item.start_mark.column, True, out)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _key(node) -> Any:
    """A key as the loader types it: ``8:`` is the int 8, as in the parsed data."""
    return _CONSTRUCTOR.construct_object(node, deep=True)


def _end(text: str, node) -> int:
    """Index just after the node's last character of content (not its trailing blank lines)."""
    if isinstance(node, yaml.ScalarNode) or getattr(node, "flow_style", False):
        start = node.start_mark.index
        return start + len(text[start:node.end_mark.index].rstrip())
    if isinstance(node, yaml.MappingNode):
        return max(_end(text, node.value[-1][0]), _end(text, node.value[-1][1]))
    return _end(text, node.value[-1])


def _edit(text: str, expected: Any, changes: dict[Key, str], shape: Any) -> str:
    nl = "\r\n" if "\r\n" in text else "\n"
    where: dict[Key, _Where] = {}
    _index(yaml.compose(text, Loader=yaml.SafeLoader), (), False, 0, False, where)
    plan: dict[Key, str] = {}  # node path -> "insert" (a new child) or "replace"
    for key in changes:
        at = next(key[:i] for i in range(len(key), -1, -1) if key[:i] in where)
        node = where[at].node
        block = not getattr(node, "flow_style", False)
        if at != key and isinstance(node, yaml.MappingNode) and block:
            plan[at + (key[len(at)],)] = "insert"
        elif at != key and isinstance(node, yaml.SequenceNode) and block:
            raise EditError(f"list '{'.'.join(map(str, at))}' is shorter than the source's")
        else:
            plan[at] = "replace"
    replaced = {k for k, how in plan.items() if how == "replace"}
    edits = []  # (start, -depth, order, end, replacement): same start, deeper first
    for path, how in plan.items():
        if any(path[:i] in replaced for i in range(len(path))):
            continue  # inside a node rewritten as a whole
        if how == "insert":
            start, order, new = _insertion(text, where[path[:-1]].node, path,
                                           get_key(expected, path), shape)
            edits.append((start, -len(path), order, start, new))
        else:
            start, end, new = _replacement(text, where[path], get_key(expected, path))
            edits.append((start, -len(path), 0, end, new))
    for start, _depth, _order, end, new in sorted(edits, reverse=True):
        text = text[:start] + new.replace("\n", nl) + text[end:]
    return text


def _replacement(text: str, w: _Where, value: Any) -> tuple[int, int, str]:
    node = w.node
    start = node.start_mark.index
    end = _end(text, node) if node.end_mark.index > start else start
    eol = text.find("\n", end)
    after = text[end:eol if eol >= 0 else len(text)]  # a comment would end up inside a block
    col = node.start_mark.column
    lead = " " if end == start else ""  # an empty value (``key:``) has no space before it
    if w.flow or getattr(node, "flow_style", False):
        return start, end, lead + _flow(value)
    if isinstance(value, str):
        first, more = _scalar(value, col + len(lead), w.indent, multiline=not after.strip(),
                              prefer=getattr(node, "style", None))
        return start, end, lead + "\n".join([first] + more)
    if w.in_seq:  # "- ~" becomes "- key: text" or "- - text": the first line follows the dash
        lines = _lines(value, col)
        return start, end, "\n".join([lines[0][col:]] + lines[1:])
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    return start, end, "\n" + "\n".join(_lines(value, w.indent))


def _insertion(text: str, mapping, child: Key, value: Any, shape: Any) -> tuple[int, int, str]:
    """Where and what to insert for a key new to ``mapping``: after its nearest earlier sibling."""
    name = child[-1]
    order = list(get_key(shape, child[:-1]))
    present = {_key(k): (k, v) for k, v in mapping.value}
    before = [k for k in order[:order.index(name)] if k in present]
    block = "\n".join(_entry(name, value, mapping.start_mark.column)) + "\n"
    first_key = mapping.value[0][0]
    line_start = text.rfind("\n", 0, first_key.start_mark.index) + 1
    if not before and not text[line_start:first_key.start_mark.index].strip():
        return line_start, order.index(name), block
    k, v = present[before[-1]] if before else mapping.value[-1]
    eol = text.find("\n", max(_end(text, k), _end(text, v)))
    if eol < 0:
        return len(text), order.index(name), "\n" + block
    return eol + 1, order.index(name), block


def _lines(value: Any, indent: int) -> list[str]:
    """A mapping's entries or a list's items as block lines at ``indent``."""
    if isinstance(value, dict):
        return [line for k, v in value.items() for line in _entry(k, v, indent)]
    return [line for item in value for line in _item(item, indent)]


def _entry(key, value: Any, indent: int) -> list[str]:
    pad = " " * indent
    name = key if isinstance(key, int) else _scalar(str(key), indent, indent, multiline=False)[0]
    if isinstance(value, (dict, list)):
        return [f"{pad}{name}:"] + _lines(value, indent + 2)
    if value is None:
        return [f"{pad}{name}: ~"]
    first, more = _scalar(value, indent + len(str(name)) + 2, indent + 2)
    return [f"{pad}{name}: {first}"] + more


def _item(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, (dict, list)):
        lines = _lines(value, indent + 2)
        return [f"{pad}- {lines[0][indent + 2:]}"] + lines[1:]
    if value is None:
        return [f"{pad}- ~"]
    first, more = _scalar(value, indent + 2, indent + 2)
    return [f"{pad}- {first}"] + more


def _flow(value: Any) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(str(k)) if isinstance(k, str) else k}: {_flow(v)}"
                               for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if value is None:
        return "~"
    return value if _loads(f"[{value}]", [value]) else _quoted(value)


def _scalar(text: str, col: int, indent: int, *, multiline: bool = True,
            prefer: str | None = None) -> tuple[str, list[str]]:
    """The first line of ``text`` as a block scalar starting at ``col``, and its other lines.

    Plain (or quoted, if it was) when it fits on the line and reads back the same,
    else folded ``>-`` wrapped at ``indent`` as the project's files are, else
    double-quoted on one line, which always reads back the same.
    """
    quoted = _quoted(text)
    styles = ["quoted", "plain"] if prefer == '"' else ["plain", "quoted"]  # keep the quotes
    styles += ["folded"] if multiline else []
    for style in styles:
        if style == "plain" and "\n" not in text and col + len(text) <= WIDTH \
                and _loads(f"k: {text}", {"k": text}):
            return text, []
        if style == "quoted" and col + len(quoted) <= WIDTH:
            return quoted, []
        if style == "folded" and text and text == " ".join(text.split()):
            lines = textwrap.wrap(text, max(WIDTH - indent, 20), break_long_words=False,
                                  break_on_hyphens=False)
            block = "k: >-\n" + "\n".join("  " + line for line in lines)
            if _loads(block, {"k": text}):
                return ">-", [" " * indent + line for line in lines]
    return quoted, []


def _quoted(text: str) -> str:
    out = yaml.dump(text, default_style='"', allow_unicode=True, width=10**9)
    return out.rstrip("\n").removesuffix("\n...").rstrip("\n")


def _loads(snippet: str, expected: Any) -> bool:
    try:
        return yaml.safe_load(snippet) == expected
    except yaml.YAMLError:
        return False
