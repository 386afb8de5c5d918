"""Property-based tests: any content within the schema yields HTML or a clean error.

Hypothesis replaces texts of the English source with Unicode from every script,
empty and very long strings, and lists with many items. The pipeline must
answer with HTML (or a PDF) or with located problems (ContentError/UserError),
never with another exception. Runs are derandomized so CI is reproducible.
"""

from __future__ import annotations

import copy
import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import REPO, copy_project
from inbrief.batch.build import Options, build, prepare
from inbrief.blocks import field_at, load_registry
from inbrief.blocks.texts import text_leaves
from inbrief.config.loader import load_project
from inbrief.content import RESERVED, yamlsrc
from inbrief.errors import UserError
from inbrief.i18n.catalog import set_key

SOURCE = yaml.safe_load((REPO / "data/text/en.yaml").read_text(encoding="utf-8"))
REGISTRY = load_registry(REPO)[0]
# The texts of the source file (what a translation holds), not its structure: block types,
# figure ids, event lists and numbers are written there too on sections.
TEXTS = text_leaves(SOURCE, REGISTRY)
KEYS = sorted(TEXTS, key=str)
FREE_KEYS = [k for k in KEYS if "{" not in TEXTS[k]]  # no placeholders to keep
LISTS = [("mission", "commitments", "items"), ("overview", "body", "paragraphs")]


def _max_length(key: tuple) -> int | None:
    """A text field's own limit in its kind's schema (a card's title: 120 characters)."""
    if key[0] in RESERVED or key[1] == "heading":  # the document's words, a section's heading
        return None
    field = field_at(REGISTRY.kinds[SOURCE[key[0]][key[1]]["type"]], key[2:])
    return field.max_length if field is not None else None


MAX_LENGTH = {k: n for k in KEYS if (n := _max_length(k))}


def _within_limits(changes: dict) -> dict:
    return {k: v[:MAX_LENGTH[k]].strip() if k in MAX_LENGTH else v for k, v in changes.items()}


def _latin_font_chars() -> list[str]:
    """Letters, digits, punctuation and symbols the English fonts really have."""
    import unicodedata

    from inbrief.config.loader import load_project as _load
    from inbrief.locale.glyphs import coverage
    from inbrief.pdf.fonts import resolve_faces

    faces = resolve_faces(_load(REPO).config.fonts, "en")
    return [chr(c) for c in sorted(coverage(faces)) if 0x21 <= c < 0x3000
            and unicodedata.category(chr(c))[0] in "LNPS"]


LETTERS = _latin_font_chars()
word = st.text(alphabet=st.sampled_from(LETTERS), min_size=1, max_size=14)
short_text = st.lists(word, min_size=1, max_size=30).map(" ".join)
valid_text = st.one_of(
    short_text,
    # Long (up to 5,000 characters) but cheap to generate: a run of words, repeated.
    st.builds(lambda words, n: " ".join(words * n)[:5000].strip(),
              st.lists(word, min_size=5, max_size=20), st.integers(10, 40)),
)
valid_contents = st.tuples(
    st.dictionaries(st.sampled_from(FREE_KEYS), valid_text, max_size=6).map(_within_limits),
    st.dictionaries(st.sampled_from(LISTS), st.lists(short_text, min_size=1, max_size=40),
                    max_size=1),
)

# Scripts the fonts cover (Latin, Cyrillic, Greek, Arabic) and anything else at all.
covered = st.characters(min_codepoint=0x20, max_codepoint=0x6FF, exclude_categories=("Cs",))
anything = st.characters(exclude_categories=("Cs",))
plain = st.text(alphabet=covered, min_size=1, max_size=80)
texts = st.one_of(
    plain,
    st.text(alphabet=anything, max_size=80),               # any script, empty included
    st.builds(lambda s, n: (s + " ") * n, plain, st.integers(50, 200)),  # very long
    st.sampled_from(["<script>alert(1)</script>", "{{ 7*6 }}", "{% raw %}", "[x](file:///etc/passwd)",
                     "**bold** _em_ [IOM](https://www.iom.int)", "\\", "*", "`", "&amp;", "\u202e"]),
)
contents = st.tuples(
    st.dictionaries(st.sampled_from(KEYS), texts, max_size=6),
    st.dictionaries(st.sampled_from(LISTS), st.lists(plain, max_size=40), max_size=1),
)


def _write(project: Path, changes, lists) -> None:
    data = copy.deepcopy(SOURCE)
    for key, value in changes.items():
        set_key(data, key, value)
    for key, items in lists.items():
        set_key(data, key, items)
    (project / "data/text/en.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    yamlsrc._CACHE.clear()


def _examples(n: int):
    """Reproducible in CI (derandomized, no example database); slow examples are expected.

    The suite's share keeps it within its time aim; INBRIEF_EXAMPLES=10 runs ten times as many
    (for example before a release, or after a change to the content model)."""
    return settings(max_examples=n * int(os.environ.get("INBRIEF_EXAMPLES", "1")), deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("properties") / "project")


@_examples(50)
@given(content=contents, layout=st.sampled_from(["brief", "factsheet", "leaflet", "booklet"]))
def test_any_content_gives_html_or_a_clean_error(scratch, content, layout):
    _write(scratch, *content)
    project = load_project(scratch)
    try:
        prepared = prepare(project, Options(langs=("en",), layouts=(layout,),
                                            audiences=("general",)), partial=True)
    except UserError as exc:  # ContentError is a UserError: located problems
        assert exc.problems or exc.text
        event("clean error")
        return
    event("HTML" if prepared.rendered else "template problems")
    for html in (r.html for r in prepared.rendered.values()):
        assert html.startswith("<!DOCTYPE html>") or html.lstrip().lower().startswith("<!doctype")
        assert "<script" not in html  # content never becomes markup


@_examples(80)
@given(content=valid_contents, layout=st.sampled_from(["brief", "factsheet", "leaflet", "booklet"]))
def test_valid_content_always_gives_html(scratch, content, layout):
    """Within the schema and the fonts' coverage, there is no spurious error: always HTML."""
    _write(scratch, *content)
    prepared = prepare(load_project(scratch), Options(langs=("en",), layouts=(layout,),
                                                      audiences=("general",)))
    (html,) = [r.html for r in prepared.rendered.values()]
    assert "</html>" in html and not prepared.failed
    event("HTML")


@_examples(10)
@given(content=contents)
def test_any_content_gives_a_pdf_or_a_clean_failure(scratch, tmp_path_factory, content):
    _write(scratch, *content)
    out = tmp_path_factory.mktemp("pdf")
    try:
        report = build(load_project(scratch), Options(
            langs=("en",), layouts=("factsheet",), audiences=("general",), force=True,
            jobs=1, out=out, timeout=60))
    except UserError:
        event("clean error")
        return
    finally:
        yamlsrc._CACHE.clear()
    (result,) = report.results
    event(f"PDF {result.status}")
    if result.status == "failed":
        assert "internal error" not in result.error, result.error
    else:
        assert (out / result.path).read_bytes().startswith(b"%PDF-")
    shutil.rmtree(out)
