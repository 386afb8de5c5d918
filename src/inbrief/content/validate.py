"""Turn pydantic's errors into located, actionable problems.

Every error of a file is reported at once, each at the line and column of the
offending key or value, with a "did you mean" for misspelt keys.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from .yamlsrc import Source, dotted

M = TypeVar("M", bound=BaseModel)

_HINTS = {
    "missing": "add it",
    "string_type": "write it as text (quote it if it looks like a number or date)",
    "int_type": "write a whole number without quotes",
    "int_parsing": "write a whole number without quotes",
    "float_parsing": "write a number without quotes or units",
    "float_type": "write a number without quotes or units",
    "list_type": "write a list, one '- item' per line",
    "dict_type": "write a mapping of 'key: value' lines",
    "model_type": "write a mapping of 'key: value' lines",
    "literal_error": "use one of the allowed values",
    "string_pattern_mismatch": "fix the format",
    "string_too_short": "write some text or remove the key",
    "string_too_long": "shorten it",
    "too_short": "add entries",
    "too_long": "remove entries",
    "greater_than_equal": "use a larger value",
    "less_than_equal": "use a smaller value",
}


def validate(model: type[M], source: Source, root: tuple = ()) -> tuple[M | None, list[Problem]]:
    """Validate ``source.data`` (or the part at ``root``) against ``model``."""
    data = source.data
    for part in root:
        data = data.get(part) if isinstance(data, dict) else None
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [_problem(model, source, root, err) for err in exc.errors()]


def _problem(model: type[BaseModel], source: Source, root: tuple, err: dict[str, Any]) -> Problem:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind = err["type"]
    where = root + loc
    if kind == "extra_forbidden":
        key = loc[-1]
        allowed = _allowed_keys(model, loc[:-1])
        hint = (did_you_mean(str(key), allowed)
                or ("allowed keys here: " + ", ".join(allowed) if allowed else "remove it"))
        return source.problem(where, f"unknown key '{key}'", hint, key=True)
    if kind == "missing":
        parent = where[:-1]
        return source.problem(parent, f"required key '{loc[-1]}' is missing" +
                              (f" under '{dotted(parent)}'" if parent else ""), _HINTS[kind])
    message = err["msg"]
    message = message[0].lower() + message[1:]
    if kind not in ("model_type", "dict_type") and "input" in err:
        got = err["input"]
        if isinstance(got, (str, int, float, bool)) or got is None:
            shown = repr(got) if not isinstance(got, str) or len(got) < 60 else repr(got[:57] + "...")
            message += f" (got {shown})"
    if where:
        message = f"'{dotted(where)}': {message}"
    return source.problem(where, message, _HINTS.get(kind, ""))


def did_you_mean(word: str, choices) -> str | None:
    """The hint for a misspelt name, when one of ``choices`` is close enough."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def _unwrap(tp: Any) -> Any:
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            models = [a for a in args if _is_model(_unwrap(a))]
            tp = models[0] if models else args[0]
        else:
            return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        origin = typing.get_origin(tp)
        if _is_model(tp):
            field = tp.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return []
            tp = field.annotation
        elif origin is list:
            tp = typing.get_args(tp)[0]
        elif origin is dict:
            tp = typing.get_args(tp)[1]
        else:
            return []
    tp = _unwrap(tp)
    return list(tp.model_fields) if _is_model(tp) else []
