"""Command-line interface. Commands parse options and print; the work is elsewhere."""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from pathlib import Path

import click

from .. import __version__
from ..errors import EXIT_TARGET_FAILED, EXIT_USAGE, UserError, display_path
from ..pdf.variants import VARIANTS as PDF_VARIANTS
from .completion import completion
from .options import matrix_filters as _filters
from . import summary
from .doctor import doctor
from .sheets_cmd import contact_sheets
from .schema_cmd import schema

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class State:
    def __init__(self, project: Path | None, debug: bool):
        self.project_dir = project
        self.debug = debug

    def project(self):
        from ..config.loader import load_project

        return load_project(self.project_dir)

    def root(self) -> Path:
        """The project's folder, found without loading its configuration."""
        from ..config.find import find_project

        return Path(self.project_dir).resolve() if self.project_dir else find_project()


class InbriefGroup(click.Group):
    """Turns user errors into one clean paragraph and internal errors into a bug report."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except UserError as exc:
            click.echo(exc.text, err=True)
            n = len(exc.problems)
            if n > 1:
                click.echo(f"{n} problems found.", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            raise  # not a bug: the reader of our output left; Click exits quietly (code 1)
        except Exception as exc:
            debug = bool(ctx.obj and ctx.obj.debug) or "--debug" in sys.argv
            if debug:
                traceback.print_exc()
            else:
                click.echo(f"internal error: {type(exc).__name__}: {exc}\n"
                           "This is a bug in inbrief, not in your files. Re-run with --debug "
                           "and include the traceback in a bug report.", err=True)
            ctx.exit(70)


@click.group(cls=InbriefGroup, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="inbrief")
@click.option("--project", "-p", type=click.Path(file_okay=False, path_type=Path),
              help="Project folder (holding inbrief.yaml). Default: the current folder or "
                   "the nearest parent that has one.")
@click.option("--debug", is_flag=True, help="Show full tracebacks (for bug reports).")
@click.pass_context
def cli(ctx, project, debug):
    """Build printable "In Brief" PDFs from YAML content, Jinja2 templates and CSS.

    \b
    Examples:
      inbrief build                       # every language, layout and audience
      inbrief build --lang en --layout factsheet
      inbrief check                       # validate everything, write nothing
      inbrief init my-brief               # start a new project
    """
    ctx.obj = State(project, debug)


def _parse_shard(ctx, param, value):
    if value is None:
        return None
    try:
        k, n = (int(x) for x in value.split("/"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not K/N, e.g. 2/4") from None
    if not 1 <= k <= n:
        raise click.BadParameter(f"{value!r}: K must be between 1 and N")
    return (k, n)


@cli.command()
@_filters
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder. Default: output/ in the project (inbrief.yaml: output.dir).")
@click.option("--force", is_flag=True, help="Rebuild even targets whose inputs are unchanged.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "html"]), default="pdf",
              show_default=True, help="html writes the final HTML WeasyPrint would render.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True,
              help="letter: US Letter variants (file names get -letter).")
@click.option("--print", "print_mode", is_flag=True,
              help="Print production: 3 mm bleed, crop marks, TrimBox/BleedBox (-print).")
@click.option("--pdf-variant", type=click.Choice(PDF_VARIANTS), metavar="NAME",
              help="PDF standard to claim and meet: " + ", ".join(PDF_VARIANTS) +
                   ". Default pdf/ua-1.")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None, metavar="N",
              help="Worker processes (default: the number of CPUs).")
@click.option("--shard", callback=_parse_shard, metavar="K/N",
              help="Build only part K of N (1-based): deterministic, disjoint, covering; for "
                   "splitting the matrix across CI runners.")
@click.option("--timeout", type=click.FloatRange(0), default=300, show_default=True,
              metavar="SECONDS",
              help="Fail a target that takes longer (0: no limit); the others go on.")
@click.option("--allow-remote", is_flag=True,
              help="Let templates load http(s) images and styles (10 s timeout, 20 MB cap). "
                   "Off by default: a build never touches the network.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems and the summary.")
@click.option("--verbose", "-v", is_flag=True,
              help="One line per target, also on a terminal (instead of the progress bar).")
@click.pass_obj
def build(state: State, langs, layouts, audiences, out, force, fmt, strict, paper, print_mode,
          pdf_variant, jobs, shard, timeout, allow_remote, quiet, verbose):
    """Build the PDFs (or HTML) of the matrix languages × layouts × audiences.

    \b
    Examples:
      inbrief build
      inbrief build --lang en --layout brief --out dist/
      inbrief build --format html --layout factsheet
      inbrief build --print --layout brief          # for the print shop
      inbrief build --pdf-variant pdf/a-3b          # for the archive
    """
    from ..batch import warm

    # First a rendering worker, which loads the engine while we load and check the project.
    early = warm.start() if fmt == "pdf" else None
    try:
        _build_command(state, langs, layouts, audiences, out, force, fmt, strict, paper,
                       print_mode, pdf_variant, jobs, shard, timeout, allow_remote, quiet,
                       verbose, early)
    finally:
        warm.stop(early)


def _build_command(state, langs, layouts, audiences, out, force, fmt, strict, paper, print_mode,
                   pdf_variant, jobs, shard, timeout, allow_remote, quiet, verbose, early):
    from ..batch.build import build as run_build
    from ..batch.options import Options

    project = state.project()
    opts = Options(langs=langs, layouts=layouts, audiences=audiences, out=out, force=force,
                   format=fmt, strict=strict, debug=state.debug, paper=paper,
                   print_mode=print_mode, pdf_variant=pdf_variant,
                   jobs=jobs or os.cpu_count() or 1, shard=shard, timeout=timeout or None,
                   allow_remote=allow_remote)

    # A progress bar on a terminal; one plain line per target in logs and CI.
    live = not quiet and not verbose and sys.stderr.isatty() and not os.environ.get("CI")
    done = {"n": 0, "total": 0}

    def start(total):
        done["total"] = total

    def progress(res):
        done["n"] += 1
        if live:
            click.echo("\r\033[K" + _bar(done["n"], done["total"], time.perf_counter() - started)
                       + f" {res.status} {res.path}", err=True, nl=False)
        if res.status == "failed":
            click.echo(("\n" if live else "") + f"FAILED  {res.error}", err=True)
        elif not quiet and not live:
            size = f"{res.bytes / 1024:.0f} KB" if res.bytes else ""
            pages = f"{res.pages} p" if res.pages else ""
            click.echo(f"{res.status:<7} {res.path}  {pages:>4} {size:>7}  {res.seconds:5.2f} s")
        for w in res.warnings:
            if w not in content_warned:
                click.echo(("\n" if live else "") + f"warning {res.path}: {w}", err=True)

    content_warned: dict[str, str] = {}  # printed once: warning → the language counting it
    started = time.perf_counter()

    def content_warning(problem, lang):
        content_warned[problem.format()] = lang
        click.echo(f"warning: {problem.format()}", err=True)

    report = run_build(project, opts, progress, content_warning, start, early=early)
    wall = time.perf_counter() - started
    if live:
        click.echo("\r\033[K", err=True, nl=False)
    if not quiet and len(report.results) > 1:
        click.echo(summary.table(report.results, content_warned, wall))
    if verbose:
        from ..batch.pool import peak_rss_kb

        click.echo(f"peak memory: main process {peak_rss_kb() // 1024} MB, "
                   f"largest worker {report.worker_peak_rss_kb // 1024} MB")
    total = summary.totals(report.results, content_warned, wall)
    click.echo(summary.line(total, display_path(report.out)), err=bool(quiet))
    if report.failed:
        sys.exit(EXIT_TARGET_FAILED)
    if strict and total["warnings"]:
        click.echo("--strict: warnings are errors", err=True)
        sys.exit(EXIT_USAGE)


def _bar(n: int, total: int, elapsed: float, width: int = 24) -> str:
    """``[#########-----------] 12/80 0:07 left``: the live line on a terminal."""
    filled = round(width * n / total) if total else width
    left = f" {_clock(elapsed / n * (total - n))} left" if 0 < n < total else ""
    return f"[{'#' * filled}{'-' * (width - filled)}] {n}/{total}{left}"


def _clock(seconds: float) -> str:
    return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"


@cli.command()
@_filters
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder. Default: output/ in the project.")
@click.pass_obj
def watch(state: State, langs, layouts, audiences, out):
    """Build, then rebuild the targets each saved change affects. Ctrl-C stops.

    Watches inbrief.yaml, data/, templates/, styles/ and assets/. A mistake in an edit is
    printed and watching goes on; fix the file and save again.

    \b
    Example:
      inbrief watch --lang en --layout factsheet --audience general
    """
    from ..batch.build import Options
    from ..batch.watch import watch as run_watch

    project = state.project()
    opts = Options(langs=langs, layouts=layouts, audiences=audiences, out=out,
                   debug=state.debug)

    def on_report(report, changed):
        if changed:
            names = ", ".join(display_path(p) for p in changed[:3])
            more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
            click.echo(f"changed: {names}{more}")
        built = [r for r in report.results if r.status == "built"]
        for r in built:
            click.echo(f"rebuilt {r.path}  {r.pages} p  {r.seconds:.2f} s")
        for r in report.results:
            if r.status == "failed":
                click.echo(f"FAILED  {r.error}", err=True)
        cached = sum(r.status == "cached" for r in report.results)
        click.echo(f"{len(built)} rebuilt, {cached} unchanged, "
                   f"{len(report.failed)} failed → {display_path(report.out)}")

    def on_error(exc):
        click.echo(exc.text, err=True)
        click.echo("fix the file and save: still watching", err=True)

    def on_waiting():
        click.echo("watching for changes (Ctrl-C to stop)…", err=True)

    try:
        run_watch(project.root, opts, on_report=on_report, on_error=on_error,
                  on_waiting=on_waiting)
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)


@cli.command()
@_filters
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Port on 127.0.0.1 (the preview never listens on other interfaces).")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder. Default: output/ in the project.")
@click.pass_obj
def preview(state: State, langs, layouts, audiences, port, out):
    """Serve the real PDF pages on http://127.0.0.1:PORT, refreshed after each rebuild.

    Builds the selected targets, watches for changes like `inbrief watch`, and
    shows the pages rasterised from the PDFs. Ctrl-C stops.

    \b
    Example:
      inbrief preview --lang en --lang ar --layout factsheet --port 8000
    """
    from ..batch.build import Options
    from ..batch.preview import State as PreviewState, serve
    from ..batch.watch import watch as run_watch

    project = state.project()
    opts = Options(langs=langs, layouts=layouts, audiences=audiences, out=out,
                   debug=state.debug)
    out_dir = (out or project.output_dir).resolve()
    shared = PreviewState(out_dir, project.config)
    server = serve(port, shared)
    click.echo(f"preview on http://127.0.0.1:{port}/ (Ctrl-C to stop)", err=True)

    def on_report(report, changed):
        built = [r for r in report.results if r.status == "built"]
        for r in built:
            click.echo(f"rebuilt {r.path}", err=True)
        for r in report.failed:
            click.echo(f"FAILED  {r.error}", err=True)
        shared.bump(f"{len(built)} rebuilt, {len(report.failed)} failed")

    def on_error(exc):
        click.echo(exc.text, err=True)
        shared.bump("error: " + exc.text.splitlines()[0])

    try:
        run_watch(project.root, opts, on_report=on_report, on_error=on_error,
                  on_waiting=lambda: None)
    except KeyboardInterrupt:
        click.echo("stopped preview", err=True)
    finally:
        server.shutdown()


@cli.command()
@_filters
@click.option("--no-cache", is_flag=True,
              help="Validate again even if nothing changed since the last clean check.")
@click.pass_obj
def check(state: State, langs, layouts, audiences, no_cache):
    """Validate configuration, content, templates and the glossary without writing anything.

    A clean result is remembered (in the user's cache folder): when not one byte the check
    reads has changed since, the next check answers at once.

    \b
    Examples:
      inbrief check                          # the whole matrix; exit 2 lists every problem
      inbrief check --lang fr --audience partners
      inbrief --project briefs check         # a project in another folder
    """
    from ..batch.check import check as run_check
    from ..batch.options import Options

    opts = Options(langs=langs, layouts=layouts, audiences=audiences)
    click.echo(run_check(state.root(), state.project, opts, use_cache=not no_cache))


@cli.command(name="list")
@_filters
@click.option("--shard", callback=_parse_shard, metavar="K/N", help="Only part K of N.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.pass_obj
def list_(state: State, langs, layouts, audiences, shard, as_json):
    """Print the build matrix: one line per target.

    \b
    Examples:
      inbrief list --lang en
      inbrief list --shard 2/3                 # what CI runner 2 of 3 builds
      inbrief list --json > targets.json
    """
    from ..batch import recall

    # Recalled while no file changed: CI scripts call list often, and loading the
    # configuration is most of its time.
    root = state.root()
    kept, key = recall.recall(root, "list", [langs, layouts, audiences, shard, as_json])
    if kept is None:
        from ..batch.matrix import matrix

        project = state.project()
        targets = matrix(project.config, langs, layouts, audiences, shard)
        rows = [{"lang": t.lang, "layout": t.layout, "audience": t.audience,
                 "path": t.filename(project.config)} for t in targets]
        if as_json:
            kept = json.dumps({"targets": rows}, indent=2, ensure_ascii=False) + "\n"
        else:
            kept = "".join(f"{r['lang']:<6} {r['layout']:<10} {r['audience']:<12} {r['path']}\n"
                           for r in rows)
        recall.keep(root, "list", key, kept)
    click.echo(kept, nl=False)


@cli.group(invoke_without_command=True)
@click.option("--lang", "langs", multiple=True, metavar="CODE", help="Only this language (repeatable).")
@click.option("--min-complete", type=click.FloatRange(0, 100), metavar="N",
              help="Exit 1 if any language is less than N % complete (for CI).")
@click.option("--strict", is_flag=True,
              help="Exit 1 on any missing or stale text or glossary term (for CI).")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option("--verbose", "-v", is_flag=True, help="List the missing and stale keys.")
@click.pass_context
def translations(ctx, langs, min_complete, strict, as_json, verbose):
    """Report translated, missing and stale texts per language, and glossary terms.

    A translation is stale when the source text changed after it was translated;
    stale texts do not count as complete. After updating one, run `confirm`.
    With a data/glossary.yaml, every translated text whose source has a term
    but which has none of the term's accepted forms is listed with its file and
    line, and does not count as complete either.

    \b
    Examples:
      inbrief translations
      inbrief translations --min-complete 100      # fail CI on missing or stale text
      inbrief translations --strict                # fail CI on any missing, stale or term
      inbrief translations confirm --lang fr overview.body.paragraphs.0
    """
    if ctx.invoked_subcommand:
        return
    from ..batch.matrix import matrix
    from ..i18n.glossary import load_glossary
    from ..i18n.report import status

    project = ctx.obj.project()
    cfg = project.config
    matrix(cfg, langs)  # validates --lang
    glossary = load_glossary(project.root, cfg.languages, cfg.source_language)
    rows = [status(project.data_dir, lang, cfg.source_language, glossary)
            for lang in cfg.languages if not langs or lang in langs]
    if as_json:
        click.echo(json.dumps({"source_language": cfg.source_language,
                               "languages": [r.as_dict() for r in rows]},
                              indent=2, ensure_ascii=False))
    else:
        click.echo(f"{'lang':<6}{'translated':>11}{'missing':>9}{'stale':>7}{'terms':>7}"
                   f"{'complete':>10}")
        for r in rows:
            mark = " (source)" if r.lang == cfg.source_language else ""
            click.echo(f"{r.lang:<6}{r.translated:>11}{len(r.missing):>9}{len(r.stale):>7}"
                       f"{len(r.terms):>7}{r.percent:>9.1f}%{mark}")
            if verbose:
                for k in r.missing:
                    click.echo(f"      missing  {k}")
                for k in r.stale:
                    click.echo(f"      stale    {k}")
        for r in rows:
            for v in r.terms:
                click.echo(v.format(project.root))
    failed = False
    if min_complete is not None:
        below = [r for r in rows if r.percent < min_complete]
        if below:
            click.echo("below --min-complete %g: %s" % (min_complete, ", ".join(
                f"{r.lang} ({r.percent:g} %)" for r in below)), err=True)
            failed = True
    if strict:
        short = [r for r in rows if r.missing or r.stale or r.terms]
        if short:
            click.echo("--strict: not up to date: " + "; ".join(
                f"{r.lang} ({len(r.missing)} missing, {len(r.stale)} stale, "
                f"{len(r.terms)} glossary term(s))" for r in short), err=True)
            failed = True
    if failed:
        sys.exit(EXIT_TARGET_FAILED)


@translations.command()
@click.option("--lang", required=True, metavar="CODE", help="The translated language.")
@click.argument("keys", nargs=-1)
@click.pass_obj
def confirm(state: State, lang, keys):
    """Confirm translations are up to date with the source text (all, or KEYS).

    \b
    Examples:
      inbrief translations confirm --lang fr overview.body.paragraphs.0
      inbrief translations confirm --lang fr audiences.government.callout.heading
      inbrief translations confirm --lang es          # every translated text of es
    """
    from ..batch.matrix import matrix
    from ..i18n.report import confirm as do_confirm

    project = state.project()
    matrix(project.config, (lang,))
    if lang == project.config.source_language:
        raise UserError(f"--lang {lang} is the source language: only translations are confirmed")
    changed = do_confirm(project.data_dir, lang, project.config.source_language, list(keys))
    click.echo(f"{lang}: confirmed {len(changed)} text(s)")


@cli.command()
@click.argument("sources", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to receive the files and the merged manifest.json.")
def merge(sources, out):
    """Join shard outputs (each an --out folder with its manifest.json) into one.

    \b
    Example (after three CI jobs ran `inbrief build --shard K/3 --out shard-K`):
      inbrief merge shard-1 shard-2 shard-3 --out output
    """
    from ..batch.merge import merge as run_merge

    count = run_merge(list(sources), out)
    click.echo(f"merged {count} target(s) from {len(sources)} folder(s) → {display_path(out)}")


@cli.command()
@click.argument("key")
@click.option("--lang", default=None, metavar="CODE", help="Language (default: the source).")
@click.option("--audience", default="general", show_default=True, metavar="NAME")
@click.pass_obj
def explain(state: State, key, lang, audience):
    """Show KEY's final value and the file and line it came from.

    KEY is a dotted text key, <section>.<block>.<field>[.<item>] (overview.heading,
    overview.body.paragraphs.0),
    a label (labels.key_figures: the built-in words, a kind's, the project's) or a fact
    (facts.key_figures.offices).

    \b
    Examples:
      inbrief explain overview.heading --audience government
      inbrief explain document.subtitle --lang fr
    """
    from ..batch.matrix import matrix
    from ..i18n.explain import explain as run_explain

    project = state.project()
    cfg = project.config
    lang = lang or cfg.source_language
    matrix(cfg, (lang,), (), (audience,))  # validates --lang and --audience
    source_texts = ("base", f"audience {audience}")
    layers = run_explain(project.root, key, lang, cfg.source_language, audience)
    fallback = layers[-1].kind in source_texts
    final = layers[-1]
    click.echo(f"{key} = {json.dumps(final.value, ensure_ascii=False)}")
    click.echo(f"  from {final.where()} ({final.kind})")
    if lang != cfg.source_language and not key.startswith("facts.") and fallback:
        click.echo(f"  fallback: no {lang} translation, the {cfg.source_language} text is used")
    for layer in reversed(layers[:-1]):
        click.echo(f"  overrides {layer.where()} ({layer.kind}): "
                   f"{json.dumps(layer.value, ensure_ascii=False)}")


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), required=False)
@click.option("--template", "-t", "starter", default=None, metavar="NAME",
              help="The starter to copy (default: the built-in project, the first of --list).")
@click.option("--list", "list_starters", is_flag=True, help="List the starters and exit.")
def init(directory: Path | None, starter: str, list_starters: bool):
    """Create a new project in DIRECTORY from a starter: config and content to edit.

    \b
    Examples:
      inbrief init --list
      inbrief init my-brief --template blank && cd my-brief && inbrief build
    """
    from ..project.scaffold import init_project, starters

    known = starters()
    if list_starters:
        width = max(map(len, known))
        for name, (description, _folder) in known.items():
            click.echo(f"{name:<{width}}  {description}")
        return
    if directory is None:
        raise click.UsageError("give the new project's folder: inbrief init DIR [--template NAME]")
    init_project(directory, starter)
    starter = starter or next(iter(known))
    click.echo(f"created {display_path(directory)} from the '{starter}' starter: edit data/ "
               "and run `inbrief build` there")


@cli.command()
@click.option("--recipe", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="What moves where (YAML; docs/sections.md, \"The recipe\"). Default: the "
                   "built-in project's, migrate/classic.yaml.")
@click.pass_obj
def migrate(state: State, recipe: Path | None):
    """Rewrite a project of the classic model as sections of typed blocks, in place.

    Texts move to their new keys in every language and audience, with the records of what
    each translation was made from, so translations stay complete and up to date. The
    recipe says where each key goes and what each layout shows. Commit (or copy) the
    project first: the files are rewritten.

    \b
    Examples:
      git commit -am "before migrate" && inbrief migrate && inbrief build
      inbrief migrate --recipe my-recipe.yaml
    """
    from ..config.loader import find_project
    from ..project.migrate import default_recipe, migrate_project

    # Only the folder: the classic project is read as it is, not loaded and validated.
    root = Path(state.project_dir or find_project()).resolve()
    written = migrate_project(root, recipe or default_recipe())
    click.echo(f"rewrote {len(written)} file(s) of {display_path(root)} as sections; "
               "check with `inbrief translations` and `inbrief build`")
    kept = [p for p in written if p.name.endswith(".classic")]
    if kept:
        click.echo("the classic templates and styles are kept in " +
                   ", ".join(display_path(p) for p in kept) + ": the built-in design now "
                   "applies; carry your changes over as overrides (docs/sections.md)")


from .i18n_cmd import i18n  # noqa: E402  (a separate file keeps merges of main.py easy)

cli.add_command(i18n)
cli.add_command(schema)
cli.add_command(completion)
cli.add_command(doctor)
cli.add_command(contact_sheets)


def main() -> None:
    """The entry point of installs made before it moved to cli.start (their script names this)."""
    from .start import main as start

    start()


if __name__ == "__main__":
    main()
