"""Copyfit search: the least adjustment that fits, in few renders, and the same answer
whatever the last build found."""

import pytest

from inbrief.batch import copyfit

ORDER = (copyfit.NONE, *copyfit.STEPS)


@pytest.mark.parametrize("first_fit", range(len(ORDER) + 1))
def test_fit_finds_the_least_step_that_fits(first_fit):
    # Rendering step i gives 1 page from ``first_fit`` on, 2 before (monotonic, as type shrinks).
    rendered = []

    def render(step):
        rendered.append(step)
        return 1 if ORDER.index(step) >= first_fit else 2

    step, pages, tries = copyfit.fit(render, lambda p: p, 1)
    expected = ORDER[min(first_fit, len(ORDER) - 1)]
    assert step == expected
    assert pages == (1 if first_fit < len(ORDER) else 2)
    assert tries == len(set(rendered)) <= 4
    if first_fit == 0:
        assert tries == 1  # content that fits as written costs one layout


def test_a_step_that_adds_a_page_does_not_change_the_answer():
    # Tightening can push an unbreakable block over a break: here the first step lays out
    # longer than no step at all. The answer is unadjusted, as a fresh build finds it.
    pages = {0: 4, 1: 5, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4}
    step, result, _ = copyfit.fit(lambda s: pages[ORDER.index(s)], lambda p: p, 4)
    assert step == copyfit.NONE and result == 4
    pages[0] = 5  # needing a step, the probes are the same whatever was found before
    assert copyfit.fit(lambda s: pages[ORDER.index(s)], lambda p: p, 4)[0] == ORDER[2]
