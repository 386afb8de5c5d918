"""User-facing errors.

A user mistake must print as ``file:line:col: what — how to fix`` and exit with
a documented code, never as a traceback; only internal bugs get tracebacks
(and only with ``--debug``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

EXIT_OK = 0
EXIT_TARGET_FAILED = 1
EXIT_USAGE = 2


def display_path(path: str | os.PathLike | None) -> str:
    """Paths relative to the working directory read better in terminals and CI logs."""
    if path is None:
        return "<unknown>"
    p = Path(path)
    try:
        return os.path.relpath(p)
    except ValueError:  # another drive on Windows
        return str(p)


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem in a user's input."""

    path: str
    line: int | None
    col: int | None
    message: str
    hint: str = ""

    def format(self) -> str:
        where = display_path(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text


class UserError(Exception):
    """A mistake the user can fix; printed without a traceback."""

    exit_code = EXIT_USAGE

    def __init__(self, problems: list[Problem] | str, *, exit_code: int | None = None):
        if isinstance(problems, str):
            self.problems: list[Problem] = []
            self.text = problems
        else:
            self.problems = sorted(set(problems), key=_problem_order)
            self.text = "\n".join(p.format() for p in self.problems)
        if exit_code is not None:
            self.exit_code = exit_code
        super().__init__(self.text)


class ContentError(UserError):
    """Invalid configuration, content, template or style: exit 2, every problem listed."""


def _problem_order(p: Problem) -> tuple:
    return (p.path, p.line or 0, p.col or 0, p.message)
