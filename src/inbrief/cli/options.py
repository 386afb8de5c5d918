"""Options several commands share, so they read and complete the same everywhere."""

from __future__ import annotations

import click

from .completion import complete_audiences, complete_langs, complete_layouts


def matrix_filters(f):
    """--lang, --layout and --audience, each repeatable and completed from the project."""
    f = click.option("--audience", "audiences", multiple=True, metavar="NAME",
                     shell_complete=complete_audiences,
                     help="Only this audience (repeatable).")(f)
    f = click.option("--layout", "layouts", multiple=True, metavar="NAME",
                     shell_complete=complete_layouts,
                     help="Only this layout (repeatable).")(f)
    f = click.option("--lang", "langs", multiple=True, metavar="CODE",
                     shell_complete=complete_langs,
                     help="Only this language (repeatable).")(f)
    return f
