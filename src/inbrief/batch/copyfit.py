"""Copyfitting: fit content to a layout's page budget within typographic limits.

The steps are ordered from least to most visible (space first, then leading,
then type size, never below 90 %), so the first step that fits is the best
fit. Finding it is a binary search over that order: more adjustment never
adds pages, so three or four renders suffice instead of seven.
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

    If nothing fits, the result is that of the strongest step, which the caller
    reports as an overflow.
    """
    first = render(NONE)
    if pages(first) <= limit:
        return NONE, first, 1
    tries = 1
    lo, hi = 0, len(STEPS) - 1
    best: tuple[Step, R] | None = None
    strongest: R | None = None
    while lo <= hi:
        mid = (lo + hi) // 2
        result = render(STEPS[mid])
        tries += 1
        if mid == len(STEPS) - 1:
            strongest = result
        if pages(result) <= limit:
            best = (STEPS[mid], result)
            hi = mid - 1
        else:
            lo = mid + 1
    if best:
        return best[0], best[1], tries
    if strongest is None:
        strongest = render(STEPS[-1])
        tries += 1
    return STEPS[-1], strongest, tries
