"""A small column chart drawn at build time as inline SVG, with its data in words.

User units are millimetres (the viewBox matches ``width_mm`` × ``height_mm``), so
font sizes are given in mm: 7 pt = 7 × 25.4 / 72 ≈ 2.47. Bars always start from
zero, so their heights compare honestly. Every coordinate is rounded to two
decimals: the same points give the same bytes.
"""

from __future__ import annotations

import math

from markupsafe import Markup, escape

FONT_SIZE = 7 * 25.4 / 72
"""7 pt in millimetres (the chart's user unit)."""
LABEL_GAP = 0.9
"""Space between a bar's top and its value label, and between the baseline and the year."""
BAR_RATIO = 0.56
"""Share of each column's slot taken by its bar."""
TEXT_COLOR = "#1a1a1a"
YEAR_COLOR = "#4d4d4d"
BASELINE_COLOR = "#4d4d4d"


def svg_number(value: float) -> str:
    """Short, stable numbers for SVG attributes: two decimals at most, never "-0"."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def spoken_series(points: list[tuple[int, float]], *, title: str, value_labels: list[str]) -> str:
    """'Member States: 155 (2014), 157 (2015)': the chart's accessible name."""
    data = ", ".join(f"{label} ({year})" for (year, _), label in zip(points, value_labels))
    return f"{title}: {data}" if title else data


def series_chart_svg(points: list[tuple[int, float]], *, title: str, value_labels: list[str],
                     width_mm: float = 80, height_mm: float = 38, color: str = "#0033A0",
                     rtl: bool = False, font_family: str | None = None) -> Markup:
    """An inline ``<svg>`` column chart: one bar per ``(year, value)`` point, in order.

    ``value_labels`` are the values already formatted for the language, one per
    point, drawn above the bars; the years are drawn below the baseline. With
    ``rtl`` the first point is drawn at the right. ``font_family`` (a CSS family
    list) is written on the text elements when given; without it WeasyPrint
    draws SVG text in 'sans-serif' — the document's CSS does not reach SVG text.
    """
    if not points:
        raise ValueError("series_chart_svg: no points")
    if len(value_labels) != len(points):
        raise ValueError(f"series_chart_svg: {len(points)} points but "
                         f"{len(value_labels)} value labels")
    for year, value in points:
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"series_chart_svg: value for {year} must be a finite number "
                             f"≥ 0 (bars start from zero), not {value!r}")
    if width_mm <= 0 or height_mm <= 0:
        raise ValueError("series_chart_svg: width_mm and height_mm must be positive")

    fs = FONT_SIZE
    top = fs + LABEL_GAP                       # room for the tallest bar's value label
    baseline = height_mm - (fs + LABEL_GAP + 0.4)  # room for the years below
    plot_h = baseline - top
    if plot_h <= 0:
        raise ValueError("series_chart_svg: height_mm too small for the labels")
    n = len(points)
    slot = width_mm / n
    bar_w = slot * BAR_RATIO
    year_y = baseline + LABEL_GAP + fs * 0.75  # digits' cap height is about 0.7 em
    peak = max(value for _, value in points)
    scale = plot_h / peak if peak > 0 else 0.0

    name = escape(spoken_series(points, title=title, value_labels=value_labels))
    text_attrs = f'font-size="{svg_number(fs)}" text-anchor="middle"'
    direction = f' direction="{"rtl" if rtl else "ltr"}"'
    if font_family:
        text_attrs += f' font-family="{escape(font_family)}"'

    bars, values, years = [], [], []
    for i, ((year, value), label) in enumerate(zip(points, value_labels)):
        column = n - 1 - i if rtl else i
        center = slot * column + slot / 2
        h = value * scale
        y = baseline - h
        bars.append(f'<rect x="{svg_number(center - bar_w / 2)}" y="{svg_number(y)}" '
                    f'width="{svg_number(bar_w)}" height="{svg_number(h)}"/>')
        x = svg_number(center)
        values.append(f'<text x="{x}" y="{svg_number(y - LABEL_GAP)}"{direction}>'
                      f'{escape(label)}</text>')
        years.append(f'<text x="{x}" y="{svg_number(year_y)}"{direction}>'
                     f'{escape(str(year))}</text>')

    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{name}" '
        f'width="{svg_number(width_mm)}mm" height="{svg_number(height_mm)}mm" '
        f'viewBox="0 0 {svg_number(width_mm)} {svg_number(height_mm)}">'
        f"<title>{name}</title>"
        f'<g fill="{escape(color)}">{"".join(bars)}</g>'
        f'<line x1="0" y1="{svg_number(baseline)}" x2="{svg_number(width_mm)}" '
        f'y2="{svg_number(baseline)}" '
        f'stroke="{BASELINE_COLOR}" stroke-width="0.25"/>'
        f'<g fill="{TEXT_COLOR}" {text_attrs}>{"".join(values)}</g>'
        f'<g fill="{YEAR_COLOR}" {text_attrs}>{"".join(years)}</g>'
        f"</svg>"
    )
