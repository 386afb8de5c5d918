"""The ``inbrief`` executable: what a cold process does before Click and after the command.

Before: a command line that asks for PDFs (``inbrief [--project P] [--debug] build …``,
not ``--help``, not ``--format html``) starts the rendering worker here, before Click and
our commands are imported, so the engine's import (most of a second) starts a tenth of a
second sooner (batch.warm). A guess that turns out wrong costs only that worker.

After: the process ends with ``os._exit`` once the exit handlers have run and the output
is flushed: tearing down the modules a build loaded (the models, Jinja, Babel) takes
another tenth of a second and does nothing a user can see. Tests call ``cli`` directly and
keep the ordinary exit.
"""

from __future__ import annotations

import os
import sys

_GLOBAL_FLAGS = {"--debug"}
_GLOBAL_VALUES = {"--project", "-p"}


def wants_pdfs(args: list[str]) -> bool:
    """Whether ``args`` (without the program name) run ``build`` for PDFs."""
    i = 0
    while i < len(args):
        if args[i] in _GLOBAL_VALUES:
            i += 2
        elif args[i] in _GLOBAL_FLAGS or args[i].startswith("--project="):
            i += 1
        else:
            break
    if i >= len(args) or args[i] != "build":
        return False
    rest = args[i + 1:]
    if "-h" in rest or "--help" in rest or "--format=html" in rest:
        return False
    return not any(a == "--format" and b == "html" for a, b in zip(rest, rest[1:]))


def main() -> None:
    from ..batch import warm

    if wants_pdfs(sys.argv[1:]):
        try:
            warm.begin()
        except Exception:  # no fork here, say: the build starts its worker as before
            pass
    code: object = 0
    try:
        from .main import cli

        cli(prog_name="inbrief")
    except SystemExit as exc:
        code = exc.code
    finally:
        warm.stop(warm.take())
    _exit(code)


def _exit(code: object) -> None:
    import atexit

    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"), as Python itself prints it
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code)
