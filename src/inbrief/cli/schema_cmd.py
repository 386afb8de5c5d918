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
    from ..blocks.schema_json import project_documents

    return [name for name, _, _ in project_documents()]


def _catalogue(root: Path, source: str):
    """(name, file pattern, description) of each schema of the project's files, in order,
    and a function that makes the schemas, composed from the project's block kinds and its
    source file."""
    from ..blocks.schema_json import project_documents, project_schemas

    return project_documents(source), lambda: project_schemas(root, source)


def _check_name(ctx, param, value):
    if value is None:
        return value
    source, root, _base = _project(ctx.obj)
    names = [name for name, _, _ in _catalogue(root, source)[0]]
    if value not in names:
        raise click.BadParameter(f"{value!r} is not a schema — use one of: " + ", ".join(names))
    return value


def _complete_name(ctx, param, incomplete):
    return [n for n in _names() if n.startswith(incomplete)]


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
      inbrief schema text > text.schema.json
      inbrief schema --out .vscode/schema  # all of them, plus the VS Code setting
    """
    from ..content.schema import dumps

    source, root, base = _project(state)
    documents, make = _catalogue(root, source)
    if out is None and name is None:
        width = max(len(n) for n, _, _ in documents) + 2
        pwidth = max(len(g) for _, g, _ in documents) + 2
        for n, glob, description in documents:
            click.echo(f"{n:<{width}}{glob:<{pwidth}}{_summary(description)}")
        from ..blocks.schema_json import kinds_line

        click.echo(kinds_line(root), err=True)  # stdout stays one schema a line
        click.echo("print one: inbrief schema NAME; write them all: inbrief schema --out DIR",
                   err=True)
        return
    chosen = {n: s for n, s in make().items() if name in (None, n)}
    if out is None:
        click.echo(dumps(chosen[name]), nl=False)
        return
    patterns = {n: glob for n, glob, _ in documents}
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    setting = {}
    for n, made in chosen.items():
        path = folder / f"{n}.schema.json"
        path.write_text(dumps(made), encoding="utf-8", newline="\n")
        click.echo(f"wrote {display_path(path)}", err=True)
        where = path.resolve()  # the setting's paths start from the project folder
        where = ("./" + where.relative_to(base).as_posix() if where.is_relative_to(base)
                 else where.as_posix())
        setting[where] = patterns[n]
    click.echo("for VS Code with Red Hat's YAML extension, add to "
               f"{display_path(base / '.vscode' / 'settings.json')}:", err=True)
    click.echo(json.dumps({"yaml.schemas": setting}, indent=2))


def _project(state) -> tuple[str, Path, Path]:
    """The project's source language and folder, and the folder the VS Code setting's paths
    start from. Outside a project: the built-in default project's (what ``inbrief init``
    starts from), and the current folder."""
    from ..config.loader import load_project
    from ..errors import UserError
    from ..project.defaults import builtin_root

    explicit = state.project_dir if state else None
    try:
        project = load_project(explicit)
    except UserError:
        if explicit is not None:  # asked for by name: say what is wrong with it
            raise
        default = load_project(builtin_root())
        return default.config.source_language, default.root, Path.cwd().resolve()
    return project.config.source_language, project.root, project.root


def _summary(description: str) -> str:
    """The description up to its first colon or full stop: one line per schema."""
    return description.split(": ")[0].split(". ")[0]
