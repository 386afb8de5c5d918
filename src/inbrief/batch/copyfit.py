"""Copyfitting: fit content to a layout's page budget within typographic limits.

The steps are ordered from least to most visible (space first, then leading,
then type size, never below 90 %), so the first step that fits is the best
fit. Finding it takes one render for content that fits as written, and a binary search
over the steps (four renders, not seven) for the rest.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Callable, TypeVar


@dataclass(frozen=True)
class Step:
    scale: float
    leading: float
    space: float
    rows_break: bool = False
    """Rows of cards may break across pages (see ROWS_BREAK)."""

    def css(self) -> str:
        css = (f":root {{ --fit-scale: {self.scale}; --fit-leading: {self.leading}; "
               f"--fit-space: {self.space}; }}")
        return css + ROWS_BREAK if self.rows_break else css

    def as_dict(self) -> dict:
        d = asdict(self)
        if not self.rows_break:
            del d["rows_break"]
        return d


# A row of cards does not break (split, its cards would go on side by side on the next page
# and read card 1, card 2, card 1, card 2); where keeping rows whole leaves a page but the last
# short, the build lays the target out once more with rows that may break.
ROWS_CLASS = "cells"
ROWS_BREAK = "\n.%s { break-inside: auto; }" % ROWS_CLASS


NONE = Step(1.0, 1.0, 1.0)
STEPS = (
    Step(1.0, 1.0, 0.8),
    Step(1.0, 0.97, 0.75),
    Step(0.97, 0.97, 0.7),
    Step(0.95, 0.96, 0.65),
    Step(0.93, 0.95, 0.6),
    Step(0.9, 0.94, 0.55),
)

# Content that fits as written but stops short on the page before the last (a booklet's last
# inside page before its back cover) is set a little looser instead: more space first, then
# leading, then type up to 104 %, the mirror of STEPS and as restrained.
LOOSER = (
    Step(1.0, 1.0, 1.25),
    Step(1.0, 1.03, 1.5),
    Step(1.02, 1.05, 1.5),
    Step(1.04, 1.07, 1.5),
)

R = TypeVar("R")


def fit(render: Callable[[Step], R], pages: Callable[[R], int], limit: int) -> tuple[Step, R, int]:
    """Return (step, result, tries) of the least adjustment within ``limit`` pages.

    Unadjusted first (most targets fit as written: one render), then a binary search over
    the steps. The probes are always the same ones, so the answer is a function of the
    layouts alone: fitting is only roughly monotonic (a tighter step can move an unbreakable
    block and add a page), and a search that started from last build's step could then end
    on another step than a fresh build, and write other bytes. If nothing fits, the result
    is that of the strongest step, which the caller reports as an overflow.
    """
    order = (NONE, *STEPS)
    results: dict[int, R] = {}

    def fits(i: int) -> bool:
        if i not in results:
            results[i] = render(order[i])
        return pages(results[i]) <= limit

    if fits(0):
        return NONE, results[0], 1
    lo, hi = 1, len(order) - 1  # steps below lo do not fit; the answer is at most hi
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    fits(lo)
    return order[lo], results[lo], len(results)
