"""The build-time SVG blocks: a QR code and a small column chart, each with its text."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from inbrief.render.chart import series_chart_svg
from inbrief.render.qr import qr_svg

SVG = "{http://www.w3.org/2000/svg}"
URL = "https://www.iom.int/"
POINTS = [(2014, 155), (2015, 157), (2018, 172), (2019, 173)]
LABELS = ["155", "157", "172", "173"]
SPOKEN = "Member States: 155 (2014), 157 (2015), 172 (2018), 173 (2019)"


def parse(markup) -> ET.Element:
    root = ET.fromstring(str(markup))
    assert root.tag == SVG + "svg"
    return root


def chart(**kw):
    return series_chart_svg(POINTS, title="Member States", value_labels=LABELS, **kw)


def bars(root: ET.Element) -> list[dict[str, float]]:
    return [{k: float(r.get(k)) for k in ("x", "y", "width", "height")}
            for r in root.iter(SVG + "rect")]


def texts(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(SVG + "text"))


# QR code ------------------------------------------------------------------------------

def test_qr_is_accessible_inline_svg():
    markup = qr_svg(URL, label="www.iom.int", size_mm=22)
    assert not str(markup).startswith("<?xml")
    root = parse(markup)
    assert root.get("role") == "img"
    assert root.get("aria-label") == "www.iom.int"
    assert root.find(SVG + "title").text == "www.iom.int"
    assert root.get("width") == root.get("height") == "22mm"
    x, y, w, h = root.get("viewBox").split()
    assert (x, y) == ("0", "0") and w == h


def test_qr_has_quiet_zone_and_black_on_white():
    root = parse(qr_svg(URL, label="x"))
    side = int(root.get("viewBox").split()[2])
    background = root.find(SVG + "rect")
    assert background.get("fill") == "#fff"
    assert background.get("width") == background.get("height") == str(side)
    path = root.find(SVG + "path")
    assert path.get("fill") == "#000"
    moves = [part.split("h")[0].split() for part in path.get("d").split("M")[1:]]
    xs = [int(x) for x, _ in moves]
    ys = [int(y) for _, y in moves]
    assert min(xs) == min(ys) == 4          # four light modules before the first dark one
    assert max(ys) == side - 4 - 1          # and after the last row


def test_qr_is_deterministic_and_escapes_label():
    assert qr_svg(URL, label="a") == qr_svg(URL, label="a")
    assert qr_svg(URL, label="a") != qr_svg(URL + "x", label="a")
    root = parse(qr_svg(URL, label='<IOM> "site" & more'))
    assert root.get("aria-label") == '<IOM> "site" & more'


# Column chart -------------------------------------------------------------------------

def test_chart_is_accessible_inline_svg():
    root = parse(chart())
    assert root.get("role") == "img"
    assert root.get("aria-label") == SPOKEN
    assert root.find(SVG + "title").text == SPOKEN
    assert root.get("width") == "80mm" and root.get("height") == "38mm"
    assert root.get("viewBox") == "0 0 80 38"
    assert "font-family" not in str(chart())


def test_chart_is_deterministic():
    assert chart() == chart()
    assert chart(rtl=True) == chart(rtl=True)


def test_chart_bars_start_from_zero_and_are_proportional():
    root = parse(chart())
    rects = bars(root)
    assert len(rects) == len(POINTS)
    baseline = float(root.find(SVG + "line").get("y1"))
    for r in rects:
        assert r["y"] + r["height"] == pytest.approx(baseline, abs=0.01)
    for r, (_, value) in zip(rects, POINTS):
        assert r["height"] / rects[-1]["height"] == pytest.approx(value / POINTS[-1][1], abs=0.001)
    assert [r["x"] for r in rects] == sorted(r["x"] for r in rects)
    assert all(r["y"] >= 0 for r in rects)


def test_chart_draws_values_above_and_years_below():
    root = parse(chart())
    baseline = float(root.find(SVG + "line").get("y1"))
    words = [t.text for t in texts(root)]
    assert words == LABELS + [str(y) for y, _ in POINTS]
    for t, r in zip(texts(root)[:4], bars(root)):
        assert float(t.get("y")) < r["y"]
        assert float(t.get("x")) == pytest.approx(r["x"] + r["width"] / 2, abs=0.01)
    for t in texts(root)[4:]:
        assert float(t.get("y")) > baseline
    assert all(t.get("direction") == "ltr" for t in texts(root))


def test_chart_rtl_puts_first_point_at_the_right():
    ltr, rtl = parse(chart()), parse(chart(rtl=True))
    xs_ltr = [r["x"] for r in bars(ltr)]
    xs_rtl = [r["x"] for r in bars(rtl)]
    assert xs_rtl == xs_ltr[::-1]
    assert xs_rtl == sorted(xs_rtl, reverse=True)
    assert [r["height"] for r in bars(rtl)] == [r["height"] for r in bars(ltr)]
    assert all(t.get("direction") == "rtl" for t in texts(rtl))
    years = [t for t in texts(rtl) if t.text in {str(y) for y, _ in POINTS}]
    assert float(years[0].get("x")) > float(years[-1].get("x"))


def test_chart_escapes_text_and_rejects_bad_input():
    root = parse(series_chart_svg([(2020, 1)], title="A & <B>", value_labels=["<1>"]))
    assert root.get("aria-label") == "A & <B>: <1> (2020)"
    with pytest.raises(ValueError):
        series_chart_svg(POINTS, title="x", value_labels=LABELS[:2])
    with pytest.raises(ValueError):
        series_chart_svg([(2020, -1)], title="x", value_labels=["-1"])
    with pytest.raises(ValueError):
        series_chart_svg([], title="x", value_labels=[])


def test_chart_all_zero_draws_empty_bars():
    root = parse(series_chart_svg([(2020, 0), (2021, 0)], title="x", value_labels=["0", "0"]))
    assert [r["height"] for r in bars(root)] == [0, 0]


# Rendered by WeasyPrint and read back by a real QR reader -----------------------------

def _alt_texts(node, found: list[str]) -> list[str]:
    node = node.get_object()
    if isinstance(node, dict):
        if "/Alt" in node:
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in (kids if isinstance(kids, list) else [kids] if kids is not None else []):
            _alt_texts(kid, found)
    return found


def test_qr_scans_after_weasyprint(tmp_path: Path):
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg not installed (Debian package zbar-tools)")
    import pypdf
    import pypdfium2

    from inbrief.config.model import FontFamily
    from inbrief.pdf.engine import render_pdf
    from inbrief.pdf.fonts import families_stack, font_face_css, resolve_faces

    # A real face, as in every build: with no font at all WeasyPrint 70 sometimes
    # places the inline SVG's line box far off the page (garbage font metrics).
    faces = resolve_faces([FontFamily(family="Fira Sans", weights=[400])], "en")
    css = font_face_css(faces) + f"\nbody {{ font-family: {families_stack(faces)}; }}"
    roots = [tmp_path, *sorted({f.path.parent for f in faces})]
    html = (f'<!doctype html><html lang="en"><head><title>QR</title></head><body>'
            f'<p>{qr_svg(URL, label="www.iom.int")}</p></body></html>')
    result = render_pdf(html, [(None, css)], base_url=tmp_path, roots=roots)
    assert not [w for w in result.warnings if "svg" in w.lower()], result.warnings
    pdf_path = tmp_path / "qr.pdf"
    pdf_path.write_bytes(result.data)

    # The SVG's <title> becomes the tagged Figure's alternate text.
    reader = pypdf.PdfReader(pdf_path)
    assert "www.iom.int" in _alt_texts(reader.trailer["/Root"]["/StructTreeRoot"], [])

    png = tmp_path / "qr.png"
    pypdfium2.PdfDocument(str(pdf_path))[0].render(scale=4).to_pil().save(png)
    out = subprocess.run(["zbarimg", "--raw", "-q", str(png)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, f"no QR code found in the rendered page ({out.stderr})"
    assert out.stdout.strip() == URL
