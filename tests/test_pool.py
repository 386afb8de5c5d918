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


def _arabic_pdf_sha(job) -> str:
    """The same Arabic page each time (``job``: its faces and the font folders), its face added
    to the font configuration a worker inherits from this process."""
    import hashlib

    from inbrief.pdf import engine
    from inbrief.pdf.fonts import font_face_css

    faces, roots, base = job
    html = f"<p style='font-family: \"{faces[0].family}\"'>مرحبا بالعالم</p>"
    laid = engine.layout(html, [(None, font_face_css(faces) + "@page { size: A6 }")],
                         base_url=base, roots=roots)
    return hashlib.sha256(engine.write(laid, variant="pdf/ua-1", bleed_mm=None).data).hexdigest()


def test_workers_forked_after_a_layout_each_add_a_new_face_for_themselves():
    """Workers fork after the engine is loaded: a face the parent never used, added by one
    worker, must not keep another from adding it (WeasyPrint skips a face whose file is
    already in the font folder, which a fork would share). Both write the parent's bytes."""
    from conftest import REPO

    from inbrief.config.loader import load_project
    from inbrief.pdf import engine
    from inbrief.pdf.fonts import font_face_css, resolve_faces

    faces = resolve_faces(load_project(REPO).config.fonts, "ar")
    roots = sorted({f.path.parent for f in faces} | {REPO})
    latin = [f for f in faces if "Arabic" not in f.family]  # this process adds these only
    engine.layout("<p>warm</p>", [(None, font_face_css(latin) + "@page { size: A6 }")],
                  base_url=REPO, roots=roots)
    job = ([f for f in faces if "Arabic" in f.family], roots, REPO)
    assert pool._method() == "fork"
    # One worker after the other, each forked from this process (as builds one after another).
    got = [outcome for _ in range(2) for _, outcome in pool.run(_arabic_pdf_sha, [job], workers=1)]
    assert all(o.ok for o in got), [o.error for o in got]
    assert len({o.value for o in got}) == 1
    assert got[0].value == _arabic_pdf_sha(job)
