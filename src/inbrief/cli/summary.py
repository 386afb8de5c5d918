"""The table a build ends with: what was built, cached or failed, per language."""

from __future__ import annotations

from collections import defaultdict

COLUMNS = ("built", "cached", "failed", "warnings", "seconds")


def _rows(results, warned: dict[str, str]) -> dict[str, dict[str, float]]:
    """Counts per language. A content warning (``warned``: warning → its language) is printed
    once however many targets carry it, so it counts once, in its language's row: the rows
    add up to the total, which is what was printed."""
    rows: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    for r in results:
        row = rows[r.target.lang]
        row[r.status] += 1
        row["warnings"] += len([w for w in r.warnings if w not in warned])
        row["seconds"] += r.seconds
    for lang in warned.values():
        rows[lang]["warnings"] += 1
    return rows


def totals(results, warned: dict[str, str], wall: float) -> dict[str, float]:
    """The whole run: seconds are wall-clock (workers overlap)."""
    rows = _rows(results, warned)
    total = {c: sum(row[c] for row in rows.values()) for c in COLUMNS}
    total["seconds"] = wall
    return total


def table(results, warned: dict[str, str], wall: float) -> str:
    """Rows per language, then the total."""
    rows, total = _rows(results, warned), totals(results, warned, wall)
    width = max([len("total")] + [len(k) for k in rows])
    lines = [" " * width + "".join(f"{c:>10}" for c in COLUMNS)]
    for name, row in [*sorted(rows.items()), ("total", total)]:
        cells = "".join(f"{int(row[c]):>10}" for c in COLUMNS[:-1]) + f"{row['seconds']:>10.1f}"
        lines.append(f"{name:<{width}}{cells}")
    return "\n".join(lines)


def line(total: dict[str, float], out: str) -> str:
    """The last line of a build, which CI logs and scripts grep."""
    return (f"{int(total['built'])} built, {int(total['cached'])} cached, "
            f"{int(total['failed'])} failed, {int(total['warnings'])} warnings in "
            f"{total['seconds']:.1f} s → {out}")
