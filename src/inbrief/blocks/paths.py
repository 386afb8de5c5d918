"""Reading and laying over nested YAML data by key path: (section, block, field, index…).

One set of helpers for the loader, the audiences and the text walk, so a path means the same
everywhere: dict keys and list indexes, a missing step being simply absent.
"""

from __future__ import annotations

import copy
from typing import Any

MISSING = object()


def get(data: Any, path: tuple, default: Any = None) -> Any:
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return default
    return data


def has(data: Any, path: tuple) -> bool:
    return get(data, path, MISSING) is not MISSING


def is_scalar(data: Any, path: tuple) -> bool:
    value = get(data, path, MISSING)
    return value is not MISSING and not isinstance(value, (dict, list))


def put(data: Any, path: tuple, value: Any) -> None:
    """Set an existing path's value (the path up to its last step must exist)."""
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def merge(into: dict, over: dict) -> None:
    """Lay ``over`` onto ``into`` key by key; a list or a text replaces what was there."""
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            merge(into[key], value)
        else:
            into[key] = copy.deepcopy(value)
