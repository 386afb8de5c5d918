"""The words a translator would sign (#16), read in the PDFs of every language they concern.

The English follows the seeds (shared/seeds): the Strategic Vision 2019–2023 is told as a plan
of the past, its governance pillar *requires* partnership and research capacities (it does not
claim them), and the sentences the brief had dropped are back. The translations carry that
meaning and the UN terms: the Palermo Protocols' names for trafficking and smuggling, one
Ukrainian title for the Global Compact, "ex-combattants", "نهج" for "approaches". Each finding
is checked on the built PDFs, with the wrong variant that must be gone beside the right one.

Text is compared as letters: pypdf breaks lines, hyphenates words and keeps soft hyphens, and
locale typography puts no-break spaces before French punctuation, so spaces, hyphens and soft
hyphens are dropped on both sides and the apostrophes (' ’ ʼ) read as one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pytest
from pypdf import PdfReader

LANGS = ("en", "fr", "es", "ar", "uk")


def letters(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub("[\u2019\u02bc\u2018]", "'", text)
    return re.sub(r"[\s\-\u00ad\u2010\u2011\ufffe\x02]+", "", text)


ARABIC = re.compile("[\u0600-\u06ff]")


def _logical(line: str) -> str:
    """An Arabic line as it reads. The layout binds a paragraph's last two words with a
    no-break space, and pypdf gives that line's two runs in visual order ("C\xa0A B" for
    "A B C"): put them back."""
    if ARABIC.search(line) and line.count("\xa0") == 1:
        head, tail = line.split("\xa0")
        return f"{tail} {head}"
    return line


@lru_cache(maxsize=None)
def _read(pdf: Path) -> str:
    lines = "\n".join(page.extract_text() for page in PdfReader(pdf).pages).splitlines()
    return letters("\n".join(_logical(line) for line in lines))


@pytest.fixture(scope="module")
def pdf_text(built):
    """The letters of one built target, read once per module."""
    def read(lang: str, layout: str = "brief", audience: str = "general") -> str:
        return _read(built / lang / f"iom-in-brief-{layout}-{audience}.pdf")
    return read


def has(text: str, phrase: str) -> bool:
    return letters(phrase) in text


# Governance pillar (seed 002): "This requires stronger partnership … and the development of
# strong research and data collection capacities"; the brief said they came "with" them.
REQUIRES = {
    "en": ("This required stronger partnership and developing strong research",
           "with stronger partnership and strong research"),
    "fr": ("Cela exigeait des partenariats plus solides", "grâce à des partenariats"),
    "es": ("Ello requería alianzas más sólidas", "mediante alianzas más sólidas"),
    "ar": ("وكان ذلك يتطلب شراكات أمتن", "من خلال شراكات أمتن"),
    "uk": ("Це вимагало міцнішого партнерства", "завдяки міцнішому партнерству"),
}

# The pillar's opening sentence, which the brief had dropped.
GOVERNANCE_OPENING = {
    "en": "IOM was already an important partner for Member States, delivering services to "
          "migrants that governments could not.",
    "fr": "L'OIM était déjà un partenaire important des États Membres, fournissant aux "
          "migrants des services que les gouvernements ne pouvaient assurer.",
    "es": "La OIM ya era un asociado importante de los Estados Miembros, al prestar a los "
          "migrantes servicios que los gobiernos no podían prestar.",
    "ar": "كانت المنظمة بالفعل شريكا مهما للدول الأعضاء، إذ كانت تقدم إلى المهاجرين خدمات لم "
          "يكن بوسع الحكومات تقديمها.",
    "uk": "МОМ уже була важливим партнером держав-членів, надаючи мігрантам послуги, яких "
          "уряди не могли надати.",
}

# Mobility pillar: "… what works, where, and for whom, and specific regional and political
# contexts."
REGIONAL_CONTEXTS = {
    "en": "and for whom, and specific regional and political contexts.",
    "fr": "ainsi que sur les contextes régionaux et politiques particuliers.",
    "es": "y en los contextos regionales y políticos específicos.",
    "ar": "وإلى السياقات الإقليمية والسياسية الخاصة.",
    "uk": "і на конкретні регіональні й політичні контексти.",
}

# The 2019–2023 vision, read in a 2026 edition: it set out its priorities, it does not.
VISION_TENSE = {
    "en": ("Strategic Vision 2019–2023 set out a number of strategic priorities",
           "Strategic Vision 2019–2023 sets out"),
    "fr": ("de l'OIM définissait un certain nombre de priorités", "de l'OIM définit un"),
    "es": ("de la OIM establecía una serie de prioridades", "de la OIM establece una"),
    "ar": ("حددت الرؤية الاستراتيجية للمنظمة", "تحدد الرؤية الاستراتيجية للمنظمة"),
    "uk": ("Стратегічне бачення МОМ 2019–2023 визначало",
           "Стратегічне бачення МОМ 2019–2023 визначає"),
}
FUTURE_AS_IF_AHEAD = {
    "en": ["IOM will need to prepare", "IOM will endeavour", "IOM will pursue",
           "there is a new opportunity"],
    "fr": ["L'OIM devra se préparer", "L'OIM s'efforcera d'adopter", "L'OIM adoptera des"],
    "es": ["La OIM deberá prepararse", "La OIM procurará adoptar", "La OIM aplicará enfoques"],
    "ar": ["سيتعين على المنظمة الاستعداد", "وستسعى المنظمة", "وستنتهج المنظمة"],
    "uk": ["МОМ необхідно буде", "МОМ прагнутиме", "МОМ запроваджуватиме"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_governance_requires_what_it_had_not_yet(pdf_text, lang):
    right, wrong = REQUIRES[lang]
    for layout in ("brief", "booklet"):
        text = pdf_text(lang, layout)
        assert has(text, right), f"{lang} {layout}: no {right!r}"
        assert not has(text, wrong), f"{lang} {layout}: still {wrong!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_dropped_seed_sentences_are_back(pdf_text, lang):
    text = pdf_text(lang)
    assert has(text, GOVERNANCE_OPENING[lang])
    assert has(text, REGIONAL_CONTEXTS[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_the_vision_is_told_as_a_plan_of_the_past(pdf_text, lang):
    right, wrong = VISION_TENSE[lang]
    for layout in ("brief", "booklet"):
        text = pdf_text(lang, layout)
        assert has(text, right) and not has(text, wrong), f"{lang} {layout}"
        still = [w for w in FUTURE_AS_IF_AHEAD[lang] if has(text, w)]
        assert not still, f"{lang} {layout}: {still}"


# The Palermo Protocols' terms, as the UN's own texts in each language name them.
PROTOCOL_TERMS = {
    "fr": ("traite des personnes", "trafic illicite de migrants"),
    "es": ("trata de personas", "tráfico ilícito de migrantes"),
    "ar": ("الاتجار بالأشخاص", "تهريب المهاجرين"),
    "uk": ("торгівлі людьми", "незаконному ввозу мігрантів"),
}
NOT_PROTOCOL_TERMS = {
    "fr": ["traite des êtres humains"],
    "es": ["tráfico ilícito de personas"],
    "ar": ["الاتجار بالبشر", "وتهريبهم"],
    "uk": ["переправлен", "незаконному ввезенню"],
}


@pytest.mark.parametrize("lang", sorted(PROTOCOL_TERMS))
def test_trafficking_and_smuggling_carry_the_protocol_terms(pdf_text, lang):
    trafficking, smuggling = PROTOCOL_TERMS[lang]
    brief = pdf_text(lang)
    # Strategic focus point 11, "regulating migration", and the 2009 memorandum.
    assert brief.count(letters(trafficking)) >= 3, lang
    assert brief.count(letters(smuggling)) >= 2, lang
    # The four areas in short: the regulating summary names both.
    factsheet = pdf_text(lang, "factsheet")
    assert has(factsheet, trafficking) and has(factsheet, smuggling), lang
    for layout, audience in (("brief", "general"), ("factsheet", "general"),
                             ("brief", "migrants"), ("booklet", "government")):
        text = pdf_text(lang, layout, audience)
        wrong = [w for w in NOT_PROTOCOL_TERMS[lang] if has(text, w)]
        assert not wrong, f"{lang} {layout} {audience}: {wrong}"


def test_migrants_are_told_of_the_protocol_term_in_plain_words(pdf_text):
    assert has(pdf_text("fr", "brief", "migrants"), "victimes de la traite des personnes")
    assert has(pdf_text("es", "brief", "migrants"), "víctimas de la trata de personas")
    assert has(pdf_text("ar", "brief", "migrants"), "لضحايا الاتجار بالأشخاص")
    assert has(pdf_text("uk", "brief", "migrants"), "постраждалих від торгівлі людьми")


def test_french_former_combatants_are_not_war_veterans(pdf_text):
    text = pdf_text("fr")
    assert has(text, "des ex-combattants et des populations")
    assert not has(text, "anciens combattants")


def test_french_substantive_support_is_not_technical(pdf_text):
    text = pdf_text("fr")
    assert has(text, "Grâce à l'appui de fond et logistique de l'OIM")
    assert not has(text, "appui technique et logistique")


def test_spanish_point_seven_adjectives_agree_with_both_nouns(pdf_text):
    text = pdf_text("es")
    assert has(text, "el debate y el diálogo regionales y mundiales sobre la migración")
    assert not has(text, "el diálogo regional y mundial")


def test_arabic_approaches_are_nuhuj(pdf_text):
    """One term, نهج (plural نُهُج, written unvocalised like the rest of the Arabic text: the
    feminine adjective marks the plural), never مقاربات."""
    for layout in ("brief", "booklet", "leaflet"):
        assert "مقاربات" not in pdf_text("ar", layout), layout
    text = pdf_text("ar")
    # Point 7 ("comprehensive approaches"), research ("practical approaches"), mobility.
    assert has(text, "وتحديد نهج وتدابير شاملة")
    assert has(text, "وتصميم نهج عملية مستدامة")
    assert has(text, "ستنتهج نهجا مبتكرة")


def test_ukrainian_global_compact_has_one_title(pdf_text):
    title = re.compile(r"глобальн\w{2,3}догов(?:ір|ору)пробезпечну,впорядкованута(\w+?)міграц")
    for layout in ("brief", "booklet"):
        text = pdf_text("uk", layout)
        found = title.findall(text)
        assert found == ["легальну"], f"{layout}: {found}"
        assert "врегульовану" not in text


def test_audience_texts_follow_the_seeds(pdf_text):
    partners = pdf_text("en", "brief", "partners")
    assert has(partners, "The course we set: Strategic Vision 2019–2023")
    assert not has(partners, "Where we are going")
    assert has(partners, "its Strategic Vision called for stronger partnership")
    assert not has(partners, "funds thousands of active programmes")
    migrants = pdf_text("en", "brief", "migrants")
    assert has(migrants, "Help and support for victims of trafficking")
    assert not has(migrants, "Help and protection for victims")
    government = pdf_text("en", "brief", "government")
    assert has(government, "to engage diasporas, including as development partners")
    for lang, heading, old in (("fr", "Le cap fixé", "Notre cap"),
                               ("es", "El rumbo trazado", "Hacia dónde vamos"),
                               ("ar", "المسار الذي رسمناه", "إلى أين نمضي"),
                               ("uk", "Обраний курс", "Куди ми рухаємося")):
        text = pdf_text(lang, "brief", "partners")
        assert has(text, heading) and not has(text, old), lang
