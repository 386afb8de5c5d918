"""Shell completion: the project's own languages, layouts and audiences after the filters.

Completion runs on every Tab press, inside the user's shell: it reads inbrief.yaml
as plain YAML (no validation, no content) and stays silent on any problem — an
error printed there would garble the command line being typed.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from click.shell_completion import CompletionItem, get_completion_class

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_INBRIEF_COMPLETE"

_ACTIVATE = {
    "bash": ('eval "$(inbrief completion bash)"', "~/.bashrc"),
    "zsh": ('eval "$(inbrief completion zsh)"', "~/.zshrc"),
    "fish": ("inbrief completion fish | source", "~/.config/fish/config.fish"),
}


def _config(ctx: click.Context) -> dict:
    import yaml

    from ..config.loader import CONFIG_NAME, find_project

    given = ctx.find_root().params.get("project")
    path = (Path(given) if given else find_project()) / CONFIG_NAME  # errors complete nothing
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _completer(values):
    """A ``shell_complete`` callback offering ``values(config)`` that start as typed."""

    def complete(ctx: click.Context, param: click.Parameter, incomplete: str):
        try:
            names = values(_config(ctx))
            return [CompletionItem(str(n)) for n in names
                    if isinstance(n, (str, int)) and str(n).startswith(incomplete)]
        except Exception:  # noqa: BLE001 — see the module docstring
            return []

    return complete


def _of(value, kind) -> list:
    return list(value) if isinstance(value, kind) else []


complete_langs = _completer(lambda cfg: _of(cfg.get("languages"), list))
complete_layouts = _completer(lambda cfg: _of(cfg.get("layouts"), dict))
complete_audiences = _completer(lambda cfg: _of(cfg.get("audiences", ["general"]), list))


@click.command(name="completion")
@click.argument("shell", required=False, type=click.Choice(SHELLS))
@click.pass_context
def completion(ctx, shell):
    """Print the shell script that makes Tab complete commands, options and the project's
    languages, layouts and audiences.

    SHELL defaults to the one in $SHELL.

    \b
    Examples:
      eval "$(inbrief completion bash)"     # this shell; add the line to ~/.bashrc
      eval "$(inbrief completion zsh)"      # add the line to ~/.zshrc
      inbrief completion fish > ~/.config/fish/completions/inbrief.fish
    """
    if shell is None:
        shell = os.path.basename(os.environ.get("SHELL", ""))
        if shell not in SHELLS:
            raise click.UsageError(f"cannot tell the shell from $SHELL ({shell or 'unset'}) — "
                                   f"name it: inbrief completion {{{'|'.join(SHELLS)}}}")
    cls = get_completion_class(shell)
    script = cls(ctx.find_root().command, {}, "inbrief", COMPLETE_VAR).source()
    line, rc = _ACTIVATE[shell]
    click.echo(f"# inbrief completion for {shell}. Activate it in this shell with:\n"
               f"#   {line}\n"
               f"# and in every new one by adding that line to {rc}.\n"
               f"{script}")
