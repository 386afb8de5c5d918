"""The pass that lets rows of cards break (produce._rows_break) runs only where it can change
the page that ends short: not on a page that ends at a forced break and holds no row, whose
layout it would repeat only to keep (a leaflet's outside sheet)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from inbrief.batch.build import build
from inbrief.batch.options import Options
from inbrief.config.loader import load_project
from inbrief.pdf import engine

SHORT_PAGE = "<p>A few words.</p>"


def _laid(body: str, tmp_path: Path):
    html = f"<html><body>{body}</body></html>"
    css = [(None, "@page { size: A6; margin: 10mm } p { margin: 0 0 4mm }")]
    return engine.layout(html, css, base_url=tmp_path, roots=[tmp_path])


def test_a_page_ending_at_break_after_page_is_forced(tmp_path):
    laid = _laid(f'<div style="break-after: page">{SHORT_PAGE}</div>{SHORT_PAGE}', tmp_path)
    assert laid.pages == 2 and engine.ends_at_forced_break(laid, 0)


def test_a_page_ending_at_break_before_page_is_forced(tmp_path):
    laid = _laid(f'{SHORT_PAGE}<section style="break-before: page">{SHORT_PAGE}</section>',
                 tmp_path)
    assert laid.pages == 2 and engine.ends_at_forced_break(laid, 0)


def test_text_running_on_to_the_next_page_is_not_a_forced_break(tmp_path):
    laid = _laid(f'<div style="break-after: page">{SHORT_PAGE * 60}</div>', tmp_path)
    assert laid.pages >= 2 and not engine.ends_at_forced_break(laid, 0)
    plain = _laid(SHORT_PAGE * 60, tmp_path)
    assert plain.pages >= 2 and not engine.ends_at_forced_break(plain, 0)


def test_has_class_finds_an_element_of_the_class_on_its_page(tmp_path):
    laid = _laid(f'<div class="a cells" style="break-after: page">{SHORT_PAGE}</div>'
                 f'<div class="b">{SHORT_PAGE}</div>', tmp_path)
    assert engine.has_class(laid, 0, "cells") and not engine.has_class(laid, 1, "cells")
    assert engine.has_class(laid, 1, "b")


def _layouts(project: Path, tmp_path: Path, monkeypatch, lang: str, layout: str,
             audience: str) -> tuple[int, dict]:
    calls = []
    real = engine.layout

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "layout", counted)
    report = build(load_project(project),
                   Options(langs=(lang,), layouts=(layout,), audiences=(audience,), force=True,
                           jobs=1, out=tmp_path / "out"))
    [result] = report.results
    assert result.status == "built", result.error
    [entry] = json.loads((tmp_path / "out" / "manifest.json").read_text())["targets"]
    return len(calls), entry


def test_a_leaflet_is_laid_out_once_to_the_same_bytes(project, tmp_path, monkeypatch):
    """Its outside sheet ends short by design (three fixed panels, then break-after: page):
    skipping the pass there writes what running it wrote."""
    n, entry = _layouts(project, tmp_path / "skipped", monkeypatch, "en", "leaflet", "general")
    assert n == 1 and entry["copyfit"] is None
    from inbrief.batch import produce

    monkeypatch.setattr(produce, "_fixed", lambda *args: False)
    n_run, entry_run = _layouts(project, tmp_path / "run", monkeypatch, "en", "leaflet",
                                "general")
    assert n_run == 2 and entry_run["copyfit"] is None
    assert entry_run["sha256"] == entry["sha256"]


@pytest.mark.parametrize("lang, audience", [("fr", "general"), ("uk", "partners")])
def test_a_brief_whose_rows_fill_a_short_page_still_gets_them(project, tmp_path, monkeypatch,
                                                               lang, audience):
    n, entry = _layouts(project, tmp_path, monkeypatch, lang, "brief", audience)
    assert n >= 2 and entry["copyfit"]["rows_break"] is True
