"""Numbers, money and dates as each locale writes them (CLDR via Babel).

House style for money: the ISO code then the amount in words, "USD 1.2 billion",
which reads the same in every language and never hides the currency.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal

from ..content.facts import Figure, Observation


# The organisation writes British English ("programme", "19 October 1953").
FORMAT_LOCALE = {"en": "en_GB"}


@lru_cache(maxsize=None)
def locale(lang: str) -> Locale:
    return Locale.parse(FORMAT_LOCALE.get(lang, lang).replace("-", "_"))


# CLDR groups digits with U+202F in French and other locales; our text faces lack
# that glyph, and a no-break space looks the same at text sizes.
_SPACES = str.maketrans({"\u202f": "\u00a0"})


@lru_cache(maxsize=4096)
def number(value: float, lang: str) -> str:
    if value >= 1_000_000:
        text = format_compact_decimal(value, format_type="long", locale=locale(lang),
                                      fraction_digits=1)
    else:
        text = format_decimal(value, locale=locale(lang), decimal_quantization=False)
    return text.translate(_SPACES)


def money(value: float, currency: str, lang: str) -> str:
    """House style: ISO code and amount in words, on the side the locale puts its currency."""
    amount = number(value, lang)
    pattern = locale(lang).currency_formats["standard"].pattern.split(";")[0]
    prefix = pattern.lstrip("\u200e\u200f").startswith("¤")
    return f"{currency}\u00a0{amount}" if prefix else f"{amount}\u00a0{currency}"


def figure_value(fig: Figure, obs: Observation, lang: str) -> str:
    """The value as printed large in a key-figure tile."""
    text = money(obs.value, "USD", lang) if fig.unit == "usd" else number(obs.value, lang)
    if obs.qualifier == "over":
        text += "+"
    elif obs.qualifier == "about":
        text = "≈" + text
    return text


@lru_cache(maxsize=4096)
def partial_date(value: str, lang: str) -> str:
    """'1953-10-19' → '19 October 1953'; '1951-12' → 'December 1951'; '1951' → '1951'.

    Month and year come from CLDR's ``yMMMM`` skeleton, the locale's own pattern for them, not
    from a fixed "LLLL y": Spanish writes "diciembre de 1951", Ukrainian the standalone month
    with its year mark, "грудень 1951 р.". A full date is the locale's long date format.
    """
    from datetime import date

    parts = [int(p) for p in value.split("-")]
    loc = locale(lang)
    if len(parts) == 3:
        return format_date(date(*parts), format="long", locale=loc).translate(_SPACES)
    if len(parts) == 2:
        return format_skeleton("yMMMM", date(parts[0], parts[1], 1), locale=loc).translate(_SPACES)
    return str(parts[0])


def country(code: str, lang: str) -> str:
    return locale(lang).territories.get(code, code)
