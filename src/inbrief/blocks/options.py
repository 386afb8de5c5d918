"""The options of a field in a kind's schema: which apply to which type, and their values.

An option that does not apply (``min`` on a text) is an error rather than ignored, so
an author never believes a limit is enforced when it is not.
"""

from __future__ import annotations

from typing import Any

from ..content.base import MAX_TEXT
from ..content.validate import did_you_mean
from ..content.yamlsrc import Loc, Source, dotted
from ..errors import Problem

NO_DEFAULT = object()
_APPLIES = {"required": None, "default": None, "min": ("list", "map"), "max": ("list", "map"),
            "max_length": ("text", "rich text"), "values": ("choice",), "of": ("list", "map")}
_OPTION_HINT = {"min": "'min' and 'max' count the items of a list or map",
                "max": "'min' and 'max' count the items of a list or map",
                "max_length": "'max_length' counts the characters of a text",
                "values": "'values' lists the choices of a 'choice'",
                "of": "'of' says what the items of a list or map are"}


def check_options(src: Source, spec: dict, kind: str, loc: Loc, problems: list[Problem]) -> dict:
    """The options of one field, checked; ``kind`` is its type as shown in messages."""
    opts: dict[str, Any] = {}
    for key, value in spec.items():
        where = loc + (key,)
        if key in ("type", "fields", "of"):
            if key == "of" and kind not in ("list", "map"):
                problems.append(src.problem(where, f"option 'of' does not apply to {kind}",
                                            _OPTION_HINT["of"], key=True))
            continue
        if key not in _APPLIES:
            usable = [o for o, types in _APPLIES.items() if types is None or kind in types]
            problems.append(src.problem(where, f"unknown option '{key}'",
                                        did_you_mean(str(key), list(_APPLIES))
                                        or "options of " + kind + ": " + ", ".join(usable), key=True))
        elif _APPLIES[key] is not None and kind not in _APPLIES[key]:
            problems.append(src.problem(where, f"option '{key}' does not apply to {kind}",
                                        _OPTION_HINT[key], key=True))
        elif key == "required" and not isinstance(value, bool):
            problems.append(src.problem(where, f"'{dotted(where)}' should be true or false"))
        elif key in ("min", "max", "max_length") and not _count(value, key == "max_length"):
            problems.append(src.problem(where, f"'{dotted(where)}' should be a whole number",
                                        f"from 1 to {MAX_TEXT} for max_length, 0 or more for "
                                        "min and max"))
        elif key == "values" and not _choices(value):
            problems.append(src.problem(where, f"'{dotted(where)}' should be a list of distinct "
                                        "texts", "e.g. values: [left, right]"))
        else:
            opts[key] = tuple(value) if key == "values" else value
    if "default" in opts:
        if opts.get("required") is True:
            problems.append(src.problem(loc + ("required",), "a field with a default cannot be "
                                        "required", "remove 'required: true' or the default",
                                        key=True))
        opts["required"] = False
    low, high = opts.get("min"), opts.get("max")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        problems.append(src.problem(loc + ("min",), "'min' is larger than 'max'",
                                    "swap them, or correct one"))
    return opts


def _count(value: Any, length: bool) -> bool:
    if not isinstance(value, int) or isinstance(value, bool):
        return False
    return 1 <= value <= MAX_TEXT if length else value >= 0


def _choices(value: Any) -> bool:
    return (isinstance(value, list) and bool(value) and len(set(map(str, value))) == len(value)
            and all(isinstance(v, str) and v for v in value))
