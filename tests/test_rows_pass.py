"""The pass that lets rows of cards break (produce._rows_break) runs only where it can change
the page that ends short: not where that page ends at a forced break (a leaflet's outside
sheet, a booklet's last inside page before its back cover), whose layout it would repeat only
to keep."""

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


@pytest.mark.parametrize("lang, layout, skipped", [("en", "leaflet", 1), ("es", "booklet", 2)])
def test_a_short_page_at_a_forced_break_is_laid_out_once_to_the_same_bytes(
        project, tmp_path, monkeypatch, lang, layout, skipped):
    """The leaflet's outside sheet ends short by design (three fixed panels, then break-after:
    page); the Spanish booklet's last inside page ends short at its back cover, with rows of
    cards on the pages before it. Skipping the pass there writes what running it wrote."""
    n, entry = _layouts(project, tmp_path / "skipped", monkeypatch, lang, layout, "general")
    assert n == skipped and not (entry["copyfit"] or {}).get("rows_break")
    from inbrief.batch import produce

    monkeypatch.setattr(produce, "_fixed", lambda *args: False)
    n_run, entry_run = _layouts(project, tmp_path / "run", monkeypatch, lang, layout,
                                "general")
    assert n_run == skipped + 1 and entry_run["copyfit"] == entry["copyfit"]
    assert entry_run["sha256"] == entry["sha256"]


@pytest.mark.parametrize("lang, audience", [("fr", "general"), ("uk", "partners")])
def test_a_brief_whose_rows_fill_a_short_page_still_gets_them(project, tmp_path, monkeypatch,
                                                               lang, audience):
    n, entry = _layouts(project, tmp_path, monkeypatch, lang, "brief", audience)
    assert n >= 2 and entry["copyfit"]["rows_break"] is True
