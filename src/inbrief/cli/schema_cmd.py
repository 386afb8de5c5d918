"""`inbrief schema`: the JSON Schemas for editors, generated from the installed models.

Generated on the fly rather than shipped as files, so an installed inbrief can never
hand out a schema older than the code that checks the files.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import display_path


def _names() -> list[str]:
    # Imported here, not at the top: the models cost every other command (and every
    # Tab press of shell completion) noticeable start-up time.
    from ..content.schema import DOCUMENTS

    return [doc.name for doc in DOCUMENTS]


SECTIONS = "text"
"""A project of sections: its source text file's schema, made from its block kinds."""
SECTIONS_NAMES = ("inbrief", "facts", "audience", SECTIONS)
"""The schemas of a project of sections' files (its facts and audiences have models of
their own; its translations have no schema: they hold texts at the source's keys)."""


def _check_name(ctx, param, value):
    if value is None:
        return value
    names = SECTIONS_NAMES if _of_sections(_project(ctx.obj)[1]) else _names()
    if value not in names:
        raise click.BadParameter(f"{value!r} is not a schema — use one of: " + ", ".join(names))
    return value


def _complete_name(ctx, param, incomplete):
    return [n for n in dict.fromkeys([*_names(), SECTIONS]) if n.startswith(incomplete)]


@click.command(name="schema")
@click.argument("name", required=False, callback=_check_name, shell_complete=_complete_name)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="Write <name>.schema.json files into this folder (every schema, or NAME's) "
                   "and print the matching VS Code setting.")
@click.pass_obj
def schema(state, name, out):
    """List the JSON Schemas of the project's files, print one, or write them for an editor.

    An editor given these schemas completes keys and underlines mistakes while you
    type; `inbrief check` remains the final word. Setup: docs/editors.md.

    \b
    Examples:
      inbrief schema                       # which schemas exist, for which files
      inbrief schema texts > texts.schema.json
      inbrief schema --out .vscode/schema  # all of them, plus the VS Code setting
    """
    from ..content.schema import DOCUMENTS, dumps, globs, schemas, write_schemas

    source, root = _project(state)
    if _of_sections(root):
        _sections(root, source, name, out)
        return
    patterns = globs(source)
    if out is None and name is not None:
        click.echo(dumps(schemas()[name]), nl=False)
        return
    if out is None:
        width = max(len(doc.name) for doc in DOCUMENTS) + 2
        pwidth = max(map(len, patterns.values())) + 2
        for doc in DOCUMENTS:
            click.echo(f"{doc.name:<{width}}{patterns[doc.name]:<{pwidth}}{_summary(doc)}")
        click.echo("print one: inbrief schema NAME; write them all: inbrief schema --out DIR",
                   err=True)
        return
    _setting(root, {path: patterns[path.name.removesuffix(".schema.json")]
                    for path in write_schemas(out, only=name)})


def _setting(root: Path, written: dict[Path, str]) -> None:
    """Say what was written, and print the VS Code setting that maps each file to its schema."""
    setting = {}
    for path, glob in written.items():
        click.echo(f"wrote {display_path(path)}", err=True)
        where = path.resolve()  # the setting's paths start from the project folder
        where = ("./" + where.relative_to(root).as_posix() if where.is_relative_to(root)
                 else where.as_posix())
        setting[where] = glob
    click.echo("for VS Code with Red Hat's YAML extension, add to "
               f"{display_path(root / '.vscode' / 'settings.json')}:", err=True)
    click.echo(json.dumps({"yaml.schemas": setting}, indent=2))


def _sections(root: Path, source: str, name: str | None, out: Path | None) -> None:
    """``inbrief schema`` in a project of sections: its own files' schemas, the source text's
    composed from the project's kinds."""
    from ..blocks.schema_json import kinds_line, project_schemas
    from ..content.schema import dumps

    docs = {d.name: d for d in project_schemas(root, source)}
    if out is None and name is not None:
        click.echo(dumps(docs[name].schema), nl=False)
        return
    if out is None:
        width = max(map(len, docs)) + 2
        pwidth = max(len(d.glob) for d in docs.values()) + 2
        for d in docs.values():
            click.echo(f"{d.name:<{width}}{d.glob:<{pwidth}}{d.summary}")
        click.echo(kinds_line(root))
        click.echo("print one: inbrief schema NAME; write them all: inbrief schema --out DIR",
                   err=True)
        return
    written = {}
    for d in docs.values():
        if name is None or d.name == name:
            path = Path(out) / f"{d.name}.schema.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(dumps(d.schema), encoding="utf-8", newline="\n")
            written[path] = d.glob
    _setting(root, written)


def _project(state) -> tuple[str, Path]:
    """The project's source language and folder; outside a project, English and the cwd
    (the schemas do not depend on a project, only the file pattern of the source text)."""
    from ..config.loader import load_project
    from ..errors import UserError

    explicit = state.project_dir if state else None
    try:
        project = load_project(explicit)
    except UserError:
        if explicit is not None:  # asked for by name: say what is wrong with it
            raise
        return "en", Path.cwd().resolve()
    return project.config.source_language, project.root


def _of_sections(root: Path) -> bool:
    import yaml

    try:
        config = yaml.safe_load((root / "inbrief.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False
    return isinstance(config, dict) and config.get("content") == "sections"


def _summary(doc) -> str:
    """The description up to its first colon or full stop: one line per schema."""
    return doc.description.split(": ")[0].split(". ")[0]
