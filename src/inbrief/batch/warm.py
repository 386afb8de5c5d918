"""A rendering worker started as `inbrief build` begins, before the project is loaded.

Importing WeasyPrint and its libraries is most of a second, about what loading,
validating and templating the project costs us; in a cold process the two ran one after
the other. A worker forked once the build code is imported (so it inherits that, and only
imports the engine) loads WeasyPrint while this process prepares the targets, then renders
them, so the engine's start-up costs no wall time of its own.
"""

from __future__ import annotations


def start() -> list:
    """One warm worker for `build`'s pool (more are added as usual for --jobs N)."""
    from . import pool

    return pool.start(make, 1, warm=warm)


def stop(workers: list | None) -> None:
    if workers:
        from . import pool

        pool.stop_all(workers)


def make(job):
    from .build import _make

    return _make(job)


def warm() -> None:
    from ..pdf import engine
    from . import build  # noqa: F401  (the job's code, loaded while the parent prepares)

    engine._weasyprint()
