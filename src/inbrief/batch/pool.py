"""Worker processes that fail one target at a time.

``concurrent.futures`` cannot tell which task killed a worker (the whole pool
breaks and every pending task fails with it) and cannot stop one task that
hangs. Here each worker holds exactly one job, so a crash or a timeout is
charged to that job alone: the worker is killed, replaced, and the others go on.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Callable, Iterable, Iterator


@dataclass
class Outcome:
    ok: bool
    value: Any = None
    """The function's return value when ok."""
    error: str = ""
    """Why the job failed: the exception, the crash or the timeout."""
    peak_rss_kb: int = 0
    """The worker's peak resident memory so far (for the build summary and the benchmark)."""


def _serve(conn, fn: Callable, warm: Callable | None = None) -> None:
    # The parent owns Ctrl-C and stops us with SIGTERM; exiting through SystemExit runs
    # every ``finally`` on the way (atomic writes delete their temporary file).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if warm is not None:
        try:  # while the parent is still validating: a failure here recurs in the job
            warm()
        except Exception:
            pass
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            outcome = Outcome(True, fn(job))
        except Exception as exc:
            outcome = Outcome(False, error=f"{type(exc).__name__}: {exc}")
        outcome.peak_rss_kb = peak_rss_kb()
        conn.send(outcome)


def peak_rss_kb() -> int:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _method() -> str:
    """Fork: the child starts with what this process has loaded (with the engine already
    loaded, a worker renders at once). The engine's C libraries hold no lock across calls
    and no other thread of ours lays out while a worker is forked (preview's server threads
    serve files and draw pages with PDFium; watch and preview build with one worker, in this
    process). Each worker writes the font faces it adds apart (engine._own_font_folders).
    Except on macOS, where a child forked after system frameworks are loaded may crash, and
    where fork is not the default for that reason: there, fork only while WeasyPrint (and
    its C libraries) is not loaded here."""
    if sys.platform == "darwin" and "weasyprint" in sys.modules:
        return "spawn"
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


class _Worker:
    def __init__(self, fn: Callable, warm: Callable | None = None):
        method = _method()
        ctx = multiprocessing.get_context(method)
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, fn, warm), daemon=True)
        self.proc.start()
        child.close()
        self.job = None
        self.started = 0.0

    def give(self, job) -> None:
        self.job, self.started = job, time.monotonic()
        self.conn.send(job)

    def stop(self, kill: bool = False) -> None:
        if self.proc.is_alive():
            if kill:
                self.proc.kill()
            else:
                self.proc.terminate()
        self.proc.join(5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def start(fn: Callable, workers: int, warm: Callable | None = None) -> list[_Worker]:
    """Workers started ahead of their jobs, each running ``warm`` first (loading the engine)
    while this process is still busy preparing the jobs; hand them to ``run``, which stops
    them. A caller that ends up with no jobs must still call ``stop_all``."""
    return [_Worker(fn, warm) for _ in range(workers)]


def stop_all(workers: list[_Worker]) -> None:
    for w in workers:
        w.stop(kill=True)


def run(fn: Callable, jobs: Iterable, workers: int, timeout: float | None = None,
        started: list[_Worker] | None = None) -> Iterator[tuple[Any, Outcome]]:
    """Yield ``(job, outcome)`` as jobs finish; ``fn`` must be a module-level function.

    ``started`` (from ``start``, with their own function) are used first; new workers are
    added up to ``workers``."""
    queue = deque(jobs)
    pool = list(started or ())
    pool += [_Worker(fn) for _ in range(min(workers, len(queue)) - len(pool))]
    try:
        while True:
            for w in pool:
                if w.job is None and queue:
                    w.give(queue.popleft())
            busy = [w for w in pool if w.job is not None]
            if not busy:
                return
            wait_for = None
            if timeout:
                wait_for = max(0.0, min(w.started + timeout for w in busy) - time.monotonic())
            wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_for)
            for i, w in enumerate(pool):
                if w.job is None:
                    continue
                outcome = None
                if w.conn.poll():
                    try:
                        outcome = w.conn.recv()
                    except (EOFError, OSError):
                        outcome = _crashed(w)
                elif not w.proc.is_alive():
                    outcome = _crashed(w)
                elif timeout and time.monotonic() - w.started >= timeout:
                    outcome = Outcome(False, error=f"took longer than --timeout {timeout:g} s; "
                                                   "the worker was stopped")
                    w.stop(kill=False)
                if outcome is None:
                    continue
                job, w.job = w.job, None
                if not w.proc.is_alive():
                    pool[i] = _Worker(fn) if queue else w
                yield job, outcome
    finally:
        for w in pool:
            if w.proc.is_alive() and w.job is None:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
        for w in pool:
            w.stop()


def _crashed(w: _Worker) -> Outcome:
    w.proc.join(5)
    code = w.proc.exitcode
    how = (f"killed by signal {-code}" if code is not None and code < 0
           else f"exited with code {code}")
    return Outcome(False, error=f"the worker process {how} while rendering")
