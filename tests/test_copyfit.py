"""Copyfit search: the least adjustment that fits, whatever the hint, in few renders."""

import pytest

from inbrief.batch import copyfit

ORDER = (copyfit.NONE, *copyfit.STEPS)


@pytest.mark.parametrize("hint", [None, *ORDER])
@pytest.mark.parametrize("first_fit", range(len(ORDER) + 1))
def test_fit_finds_the_least_step_that_fits(hint, first_fit):
    # Rendering step i gives 1 page from ``first_fit`` on, 2 before (monotonic, as type shrinks).
    rendered = []

    def render(step):
        rendered.append(step)
        return 1 if ORDER.index(step) >= first_fit else 2

    step, pages, tries = copyfit.fit(render, lambda p: p, 1, hint=hint)
    expected = ORDER[min(first_fit, len(ORDER) - 1)]
    assert step == expected
    assert pages == (1 if first_fit < len(ORDER) else 2)
    assert tries == len(set(rendered)) <= (4 if hint is None else 5)
    if hint == expected and first_fit < len(ORDER):
        assert tries <= 2  # last build's step still right: two renders settle it
