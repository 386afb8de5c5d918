"""The worker pool charges a crash or a timeout to the one job that caused it.

``eval`` is the job function: it is picklable by name under both fork and spawn,
and each job string says what its worker does.
"""

import time

from inbrief.batch import pool

CRASH = "__import__('os')._exit(3)"
HANG = "__import__('time').sleep(60)"


def test_a_crashing_job_fails_alone():
    jobs = ["1 + 1", CRASH, "2 * 3", "'x' * 3", "10 // 2"]
    got = dict(pool.run(eval, jobs, workers=2))
    assert set(got) == set(jobs)
    assert not got[CRASH].ok
    assert "exited with code 3" in got[CRASH].error
    assert [got[j].value for j in jobs if j != CRASH] == [2, 6, "xxx", 5]


def test_a_job_exceeding_the_timeout_fails_alone_and_is_stopped():
    jobs = ["1", HANG, "2", "3"]
    started = time.monotonic()
    got = dict(pool.run(eval, jobs, workers=2, timeout=3))
    assert time.monotonic() - started < 30
    assert not got[HANG].ok and "--timeout 3 s" in got[HANG].error
    assert [got[j].value for j in ("1", "2", "3")] == [1, 2, 3]


def test_an_exception_is_reported_not_raised():
    got = dict(pool.run(eval, ["1/0", "4"], workers=2))
    assert not got["1/0"].ok and got["1/0"].error.startswith("ZeroDivisionError")
    assert got["4"].value == 4
