"""Numbers, money and dates as each locale writes them (CLDR via Babel).

House style for money: the ISO code then the amount in words, "USD 1.2 billion",
which reads the same in every language and never hides the currency.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal

from ..content.facts import Figure, Observation


# The organisation writes British English ("programme", "19 October 1953").
FORMAT_LOCALE = {"en": "en_GB"}


@lru_cache(maxsize=None)
def locale(lang: str) -> Locale:
    return Locale.parse(FORMAT_LOCALE.get(lang, lang).replace("-", "_"))


def number(value: float, lang: str) -> str:
    if value >= 1_000_000:
        return format_compact_decimal(value, format_type="long", locale=locale(lang),
                                      fraction_digits=1)
    return format_decimal(value, locale=locale(lang), decimal_quantization=False)


def figure_value(fig: Figure, obs: Observation, lang: str) -> str:
    """The value as printed large in a key-figure tile."""
    text = number(obs.value, lang)
    if fig.unit == "usd":
        text = f"USD {text}"
    if obs.qualifier == "over":
        text += "+"
    elif obs.qualifier == "about":
        text = "≈" + text
    return text


def partial_date(value: str, lang: str) -> str:
    """'1953-10-19' → '19 October 1953'; '1951-12' → 'December 1951'; '1951' → '1951'."""
    from datetime import date

    parts = [int(p) for p in value.split("-")]
    loc = locale(lang)
    if len(parts) == 3:
        return format_date(date(*parts), format="long", locale=loc)
    if len(parts) == 2:
        return format_date(date(parts[0], parts[1], 1), format="MMMM y", locale=loc)
    return str(parts[0])


def country(code: str, lang: str) -> str:
    return locale(lang).territories.get(code, code)
