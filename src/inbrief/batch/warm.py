"""A rendering worker started as `inbrief build` begins, before the project is loaded.

Importing WeasyPrint and its libraries is most of a second, about what loading,
validating and templating the project costs us; in a cold process the two ran one after
the other. A worker forked as soon as the command line is parsed imports the engine and
the few modules a job needs (batch.job: a job is plain data, see there) while this process
loads the build code and prepares the targets, then renders them; the engine's start-up
costs no wall time of its own.
"""

from __future__ import annotations


_begun: list = []


def start() -> list:
    """One warm worker for `build`'s pool (more are added as usual for --jobs N): the one
    ``begin`` started, or a new one."""
    if not _begun:
        begin()
    return take()


def begin() -> None:
    """Start the worker now, for the ``build`` command to take (cli.start, before Click)."""
    from . import pool

    _begun[:] = pool.start(make, 1, warm=warm)


def take() -> list:
    """The worker ``begin`` started, if not yet taken; the caller stops it."""
    taken, _begun[:] = list(_begun), []
    return taken


def stop(workers: list | None) -> None:
    if workers:
        from . import pool

        pool.stop_all(workers)


def make(job):
    """batch.job.make, imported in the worker: importing it here first would hold the fork
    back by its imports."""
    from .job import make as make_job

    return make_job(job)


def warm() -> None:
    from ..pdf import engine
    from . import job  # noqa: F401  (the job's code, loaded while the parent prepares)

    engine._weasyprint()
