"""`inbrief check`: validate everything a build would read.

Pre-commit runs it on every commit. A clean answer is recalled (batch.recall) while not one
byte it read has changed, without loading the configuration; a failing check always runs
again, so its errors are never hidden behind a cache.
"""

from __future__ import annotations

from pathlib import Path

from . import recall
from .options import Options


def check(root: Path, load_project, opts: Options, *, use_cache: bool = True) -> str:
    """The one-line summary of a clean check; raises ContentError with every problem.

    ``load_project`` is called only when the answer is not recalled.
    """
    args = [sorted(opts.langs), sorted(opts.layouts), sorted(opts.audiences)]
    kept, k = recall.recall(root, "check", args)
    if kept is not None and use_cache:
        return kept
    # Loaded only now: the models, templating and the glossary are most of a cold check.
    from ..errors import ContentError
    from ..i18n.glossary import load_glossary
    from .build import prepare

    project = load_project()
    problems = []
    try:  # the glossary reaches no PDF, but a broken one would fail `inbrief translations`
        cfg = project.config
        load_glossary(project.root, cfg.languages, cfg.source_language)
    except ContentError as exc:
        problems = exc.problems
    try:
        prepared = prepare(project, opts)
    except ContentError as exc:
        raise ContentError(problems + exc.problems) from None
    if problems:
        raise ContentError(problems)
    langs_n = len({lang for lang, _ in prepared.contents})
    audiences_n = len({audience for _, audience in prepared.contents})
    summary = (f"ok: {langs_n} language(s), {audiences_n} audience(s), "
               f"{len(prepared.targets)} target(s) valid")
    fonts = [face.path for faces in prepared.faces.values() for face in faces]
    recall.keep(root, "check", k, summary, fonts)
    return summary
