"""Font coverage kept between processes is the font's own, and follows an edited file."""

from __future__ import annotations

import shutil

from fontTools.ttLib import TTFont

from inbrief.locale import glyphs
from inbrief.pdf.fonts import resolve_faces


def test_a_kept_cmap_is_the_fonts_own_and_a_changed_file_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("INBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    from conftest import REPO
    from inbrief.config.loader import load_project

    fonts = load_project(REPO).config.fonts
    arabic = next(f.path for f in resolve_faces(fonts, "ar") if "Arabic" in f.path.name)
    latin = next(f.path for f in resolve_faces(fonts, "en") if "Arabic" not in f.path.name)
    font = tmp_path / "face.ttf"
    shutil.copy(latin, font)
    glyphs._cmap.cache_clear()
    first = glyphs._cmap(font)
    assert list((tmp_path / "cache" / "cmaps").glob("*.json")), "nothing kept"
    with TTFont(font, lazy=True) as f:
        assert first == frozenset(f.getBestCmap())
    glyphs._cmap.cache_clear()
    assert glyphs._cmap(font) == first  # read back from the cache
    shutil.copy(arabic, font)  # another face under the same name: another size and time
    glyphs._cmap.cache_clear()
    with TTFont(font, lazy=True) as f:
        assert glyphs._cmap(font) == frozenset(f.getBestCmap()) != first
    glyphs._cmap.cache_clear()
