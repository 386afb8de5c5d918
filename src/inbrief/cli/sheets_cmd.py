"""``inbrief contact-sheets``: look at every page of a build, one picture per target."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import UserError, display_path
from .options import matrix_filters


@click.command(name="contact-sheets")
@matrix_filters
@click.option("--out", type=click.Path(file_okay=False, path_type=Path),
              help="The build folder to picture [default: the project's output folder].")
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path),
              help="Where the PNGs go [default: OUT/contact-sheets].")
@click.option("--height", type=click.IntRange(100, 3000), default=420, show_default=True,
              help="Height of one page in pixels.")
@click.pass_obj
def contact_sheets(state, langs, layouts, audiences, out, dest, height):
    """Render each built PDF's pages side by side into one PNG, for review.

    Reads OUT/manifest.json and draws the PDFs on disk with PDFium, so the pictures
    show exactly what was built. Build first; then look at every page in every language
    before calling a layout done.

    \b
    Examples:
      inbrief build --lang en --lang ar && inbrief contact-sheets
      inbrief contact-sheets --layout leaflet --audience general --dest review/
    """
    from ..batch.sheets import contact_sheets as make

    if out is None:
        out = state.project().output_dir
    if not (out / "manifest.json").is_file():
        raise UserError(f"{display_path(out)}: no manifest.json — build first "
                        f"(inbrief build --out {display_path(out)}), then make contact sheets")
    dest = dest or out / "contact-sheets"
    made = make(out, dest, langs=langs, layouts=layouts, audiences=audiences, height=height)
    if not made:
        raise UserError(f"{display_path(out)}/manifest.json: no built PDF matches the filters — "
                        "check --lang, --layout and --audience against `inbrief list`")
    for sheet in made:
        click.echo(f"{display_path(sheet.png)}  {sheet.pages} p")
    click.echo(f"{len(made)} contact sheet{'s' if len(made) != 1 else ''} → {display_path(dest)}")
