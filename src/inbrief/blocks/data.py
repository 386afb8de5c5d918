"""A block's validated data as templates read it, in plain picklable values.

Kinds' models are made at run time from schema.yaml, so their instances cannot travel to the
worker processes that lay out PDFs; templates get the same data as ``Fields`` (a record: its
fields by name, ``block.title`` or ``block["title"]``), dicts (maps, id-keyed, in order) and
lists. A field may be called ``items`` or ``values``: a record has no methods in the way.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


class Fields:
    __slots__ = ("_data",)

    def __init__(self, data: dict):
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            return self._data[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._data[name]

    def __contains__(self, name: str) -> bool:
        return name in self._data

    def __getstate__(self):
        return self._data

    def __setstate__(self, state):
        self._data = state

    def __eq__(self, other) -> bool:
        return isinstance(other, Fields) and other._data == self._data

    def __repr__(self) -> str:
        return f"Fields({self._data!r})"


class Unset(Fields):
    """A block the design makes, not the writer (the masthead of a project without a cover
    section): every field its kind may have is unset, whichever the kind's schema lists."""

    __slots__ = ()

    def __init__(self):
        super().__init__({})

    def __getattr__(self, name: str) -> Any:
        return None

    def __getitem__(self, name: str) -> Any:
        return None


def plain(value: Any) -> Any:
    """Models become Fields, dicts stay dicts (maps keep their order), lists stay lists."""
    if isinstance(value, BaseModel):
        return Fields({name: plain(getattr(value, name)) for name in type(value).model_fields})
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
