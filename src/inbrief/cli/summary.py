"""The table a build ends with: what was built, cached or failed, per language."""

from __future__ import annotations

from collections import defaultdict

COLUMNS = ("built", "cached", "failed", "warnings", "seconds")


def table(results, warned: set[str], wall: float) -> str:
    """Rows per language, then a total whose seconds are wall-clock (workers overlap)."""
    rows: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    for r in results:
        row = rows[r.target.lang]
        row[r.status] += 1
        row["warnings"] += len([w for w in r.warnings if w not in warned])
        row["seconds"] += r.seconds
    total = {c: sum(row[c] for row in rows.values()) for c in COLUMNS}
    total["warnings"] += len(warned)
    total["seconds"] = wall
    width = max([len("total")] + [len(k) for k in rows])
    lines = [" " * width + "".join(f"{c:>10}" for c in COLUMNS)]
    for name, row in [*sorted(rows.items()), ("total", total)]:
        cells = "".join(f"{int(row[c]):>10}" for c in COLUMNS[:-1]) + f"{row['seconds']:>10.1f}"
        lines.append(f"{name:<{width}}{cells}")
    return "\n".join(lines)
