"""The template context: content shaped for layout, with every number formatted.

Templates only place and style; they never compute. Formatting here keeps the
rule "never a figure without its year" in one place for every layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from ..content.loader import Content
from ..i18n import formatting as fmt

RTL_LANGS = {"ar", "he", "fa", "ur"}


@dataclass(frozen=True)
class FigureView:
    id: str
    label: str
    value: str
    year: int
    as_of: str
    source: str
    spoken: str
    """The whole figure as one sentence, for alt text and screen readers."""


@dataclass(frozen=True)
class EventView:
    id: str
    date: str
    year: str
    text: str


def text_direction(lang: str) -> str:
    return "rtl" if lang.split("-")[0] in RTL_LANGS else "ltr"


def figure_view(content: Content, fid: str) -> FigureView:
    facts, t = content.facts, content.texts
    fig = facts.key_figures[fid]
    obs = fig.latest
    label = t.key_figures[fid].label
    value = fmt.figure_value(fig, obs, content.lang)
    as_of = t.labels.as_of.format(year=obs.as_of)
    plain = (fmt.money(obs.value, "USD", content.lang) if fig.unit == "usd"
             else fmt.number(obs.value, content.lang))
    qualifier = {"over": t.labels.over + " ", "about": t.labels.about + " "}.get(obs.qualifier, "")
    return FigureView(
        id=fid, label=label, value=value, year=obs.as_of, as_of=as_of,
        source=facts.sources[obs.source].title,
        spoken=f"{label}: {qualifier}{plain} ({as_of})",
    )


def events(content: Content, block: str) -> list[EventView]:
    facts_events = getattr(content.facts, block)
    texts = getattr(content.texts, block).events
    return [EventView(id=e.id, date=fmt.partial_date(e.date, content.lang), year=e.date[:4],
                      text=texts[e.id]) for e in facts_events]


def trend_chart(content: Content):
    """The chart of one figure over time (facts.chart), or None."""
    from .chart import series_chart_svg

    facts, t, lang = content.facts, content.texts, content.lang
    if not facts.chart:
        return None
    fig = facts.key_figures[facts.chart]
    observations = sorted(fig.observations, key=lambda o: o.as_of)
    if len(observations) < 2:
        return None
    title = t.labels.trend.format(label=t.key_figures[facts.chart].label)
    return {"title": title, "svg": series_chart_svg(
        [(o.as_of, o.value) for o in observations], title=title,
        value_labels=[fmt.number(o.value, lang) for o in observations],
        rtl=text_direction(lang) == "rtl", width_mm=70, height_mm=28)}


# Sections that sit side by side when an audience puts them next to each other.
PAIRS = {("overview", "mission"), ("history", "cooperation")}


def sections(content: Content) -> list[str]:
    """The audience's sections, minus those with nothing to show."""
    from ..content.audience import DEFAULT_SECTIONS

    wanted = list(content.spec.sections) if content.spec is not None else list(DEFAULT_SECTIONS)
    if content.texts.callout is None and "callout" in wanted:
        wanted.remove("callout")
    return wanted


def rows(names: list[str]) -> list[list[str]]:
    """Group adjacent pairs into two-column rows; everything else gets a row of its own."""
    out: list[list[str]] = []
    i = 0
    while i < len(names):
        if i + 1 < len(names) and (names[i], names[i + 1]) in PAIRS:
            out.append([names[i], names[i + 1]])
            i += 2
        else:
            out.append([names[i]])
            i += 1
    return out


def build_context(content: Content, *, layout: str, audience: str, filler_pages: int = 0,
                  print_mode: bool = False) -> dict:
    from .qr import qr_img

    facts, t, lang = content.facts, content.texts, content.lang
    contact = facts.organization.contact
    address = contact.address
    spec = content.spec
    lead = (spec.lead_figures if spec is not None and spec.lead_figures
            else facts.lead_figures or list(facts.key_figures))
    figures = {f: figure_view(content, f) for f in facts.key_figures}
    names = sections(content)
    site = urlparse(contact.website).netloc
    cited: dict[str, list[str]] = {}
    for f in lead:
        cited.setdefault(facts.key_figures[f].latest.source, []).append(t.key_figures[f].label)
    return {
        "lang": lang,
        "dir": text_direction(lang),
        "layout": layout,
        "audience": audience,
        "filler_pages": filler_pages,
        "sections": names,
        "rows": rows(names),
        "print_mode": print_mode,
        "t": t,
        "facts": facts,
        "edition": t.labels.edition.format(year=facts.edition),
        "lead_figures": [figures[f] for f in lead],
        "figures": figures,
        "history": events(content, "history"),
        "cooperation": events(content, "cooperation"),
        "qr": qr_img(contact.website, label=t.labels.qr.format(site=site)),
        "chart": trend_chart(content),
        "sources": [{"title": facts.sources[s].title, "year": facts.sources[s].year,
                     "figures": labels} for s, labels in cited.items()],
        "contact": {
            "address_lines": [address.street, f"{address.postcode} {address.city}",
                              fmt.country(address.country, lang)],
            "phone": contact.phone,
            "fax": contact.fax,
            "email": contact.email,
            "website": contact.website,
            "website_display": site,
        },
    }
