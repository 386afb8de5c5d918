"""``inbrief i18n``: hand texts to translation tools and take the translations back."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import ContentError, UserError, display_path

FORMATS = {"po": "po", "pot": "po", "xlf": "xliff", "xliff": "xliff"}


@click.group("i18n")
def i18n():
    """Exchange translations with translation tools as PO or XLIFF files.

    Each text is one entry keyed by its dotted key (audience texts:
    audiences.NAME.KEY); stale translations are marked fuzzy (PO) or
    needs-review-translation (XLIFF). See docs/translations.md.

    \b
    Examples:
      inbrief i18n export --lang fr --out fr.po
      inbrief i18n import fr.po
    """


def _language(project, lang: str) -> str:
    from ..batch.matrix import matrix

    matrix(project.config, (lang,))  # validates the code against inbrief.yaml
    if lang == project.config.source_language:
        raise UserError(f"--lang {lang} is the source language: export a language to translate "
                        f"into (one of {', '.join(project.config.languages)})")
    return lang


@i18n.command("export")
@click.option("--lang", required=True, metavar="CODE", help="The language to translate into.")
@click.option("--format", "fmt", type=click.Choice(["po", "xliff"]),
              help="File format. Default: from the --out extension (.po, .xlf, .xliff), else po.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write. Default: standard output.")
@click.pass_obj
def export(state, lang, fmt, out):
    """Write every text of one language, with its source text, for a translation tool.

    Missing translations are empty; stale ones are fuzzy (PO) or
    needs-review-translation (XLIFF). With a data/glossary.yaml, each text
    names its glossary terms (a PO comment, an XLIFF note) and --out also
    writes the terms as a TBX file beside it (fr.po → fr.tbx).

    \b
    Examples:
      inbrief i18n export --lang fr --out fr.po
      inbrief i18n export --lang es --format xliff --out es.xlf
      inbrief i18n export --lang ar > ar.po
    """
    from ..i18n import exchange
    from ..pdf.atomic import write_text

    from ..i18n import tbx
    from ..i18n.glossary import load_glossary

    project = state.project()
    cfg = project.config
    _language(project, lang)
    fmt = fmt or (FORMATS.get(out.suffix.lstrip(".").lower(), "po") if out else "po")
    glossary = load_glossary(project.root, cfg.languages, cfg.source_language)
    units = exchange.units(project.root, lang, cfg.source_language, glossary)
    module = _module(fmt)
    text = module.dump(units, project=cfg.name, lang=lang, source_lang=cfg.source_language)
    if out is None:
        click.echo(text, nl=False)
        return
    termbase = (tbx.dump(glossary, project=cfg.name, lang=lang, source_lang=cfg.source_language)
                if glossary is not None else None)
    write_text(out, text)
    todo = sum(1 for u in units if not u.target or u.stale)
    click.echo(f"{lang}: {len(units)} text(s), {todo} to translate or review → "
               f"{display_path(out)}", err=True)
    if termbase is not None:
        tbx_path = out.with_suffix(".tbx") if out.suffix.lower() != ".tbx" else \
            out.with_name(out.name + ".tbx")  # never over the export itself
        write_text(tbx_path, termbase)
        click.echo(f"{lang}: {len(glossary.for_language(lang))} glossary term(s) → "
                   f"{display_path(tbx_path)}", err=True)


@i18n.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--lang", metavar="CODE", help="The file's language. Default: from its header; "
              "if given, the header must agree.")
@click.option("--dry-run", is_flag=True, help="Check the file and report, write nothing.")
@click.pass_obj
def import_(state, file, lang, dry_run):
    """Bring translations back from a PO or XLIFF file into data/text/.

    The whole file is checked first (keys, placeholders, lengths, language) and
    every problem is listed with its line; nothing is written unless all pass.
    Only changed texts are edited in the YAML, comments and layout kept; empty
    translations are skipped, so their source-language fallback stays.

    \b
    Examples:
      inbrief i18n import fr.po
      inbrief i18n import es.xlf --lang es
      inbrief i18n import fr.po --dry-run        # check only
    """
    from ..i18n import exchange

    project = state.project()
    fmt = FORMATS.get(file.suffix.lstrip(".").lower())
    if fmt is None:
        with file.open("rb") as fh:  # a peek, not the whole (possibly huge) file
            fmt = "xliff" if fh.read(200).lstrip().startswith(b"<") else "po"
    incoming = _module(fmt).parse(file)
    lang = lang or incoming.lang
    if not lang and incoming.problems:  # an unreadable file says nothing of its language
        raise ContentError(incoming.problems)
    if not lang:
        raise UserError(f"{display_path(file)}: the file does not say its language — "
                        "give it with --lang CODE")
    _language(project, lang)
    result = exchange.apply(project.root, lang, project.config.source_language, incoming,
                            dry_run=dry_run)
    verb = "would change" if dry_run else "changed"
    click.echo(f"{lang}: {verb} {len(result.changed)} text(s); source text recorded for "
               f"{len(result.confirmed)} (see `inbrief translations`)")
    for name in result.changed:
        click.echo(f"  {verb:<13}{name}")
    if result.from_older_source:
        click.echo(f"{len(result.from_older_source)} text(s) were translated from an older "
                   f"source text and stay stale: {', '.join(result.from_older_source)}", err=True)


def _module(fmt: str):
    from ..i18n import po, xliff

    return po if fmt == "po" else xliff
