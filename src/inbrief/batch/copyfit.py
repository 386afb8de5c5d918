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

    def css(self) -> str:
        return (f":root {{ --fit-scale: {self.scale}; --fit-leading: {self.leading}; "
                f"--fit-space: {self.space}; }}")

    def as_dict(self) -> dict:
        return asdict(self)


NONE = Step(1.0, 1.0, 1.0)
STEPS = (
    Step(1.0, 1.0, 0.8),
    Step(1.0, 0.97, 0.75),
    Step(0.97, 0.97, 0.7),
    Step(0.95, 0.96, 0.65),
    Step(0.93, 0.95, 0.6),
    Step(0.9, 0.94, 0.55),
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
