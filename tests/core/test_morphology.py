"""Light stemming: inflected forms of one lemma reduce to one stem, distinct words stay apart."""

import pytest

from matchmaker.core.morphology import stem, stem_tokens
from matchmaker.core.text import fold


def s(word: str) -> str:
    return stem(fold(word))


@pytest.mark.parametrize(
    "forms",
    [
        ("томат", "томаты", "томатов", "томатами", "томату"),
        ("яблоко", "яблоки", "яблок", "яблоками"),
        ("пшеница", "пшеницы", "пшеницей", "пшеницу"),
        ("грецкий", "грецкие", "грецкого", "грецких"),
        ("мороженая", "мороженую", "мороженое", "мороженые"),
        ("орех", "орехи", "орехов", "ореха"),
        ("хурма", "хурмы", "хурму", "хурмой"),
        ("мёд", "мед", "мёда"),
        ("автомобиль", "автомобили", "автомобилей"),  # noun, not verb "-или"
        ("огурец", "огурцы", "огурцов"),  # fleeting vowel
        ("перец", "перцы", "перца"),
    ],
)
def test_russian_inflections_share_a_stem(forms):
    assert len({s(f) for f in forms}) == 1, {f: s(f) for f in forms}


@pytest.mark.parametrize(
    "forms",
    [
        ("pomidor", "pomidorlar", "pomidorları", "pomidorlardan", "pomidoru"),
        ("bağ", "bağları", "bağlar"),
        ("meyvə", "meyvələr", "meyvələri", "meyvəsi", "meyvələrdən"),
        ("ət", "əti"),
        ("un", "unu"),
        ("balıq", "balığı", "balıqlar"),
        ("fındıq", "fındığı", "findiqlar"),
        ("su", "suyu"),
        ("çay", "çayı"),
        ("xidmət", "xidmətləri", "xidmətlər"),
        ("hissə", "hissələri", "hissəsi"),
        ("boru", "borular"),
        ("alma", "almalar", "alması", "almaya"),
    ],
)
def test_azerbaijani_suffixes_share_a_stem(forms):
    assert len({s(f) for f in forms}) == 1, {f: s(f) for f in forms}


@pytest.mark.parametrize(
    "forms",
    [
        ("tomato", "tomatoes"),
        ("cherry", "cherries"),
        ("potato", "potatoes"),
        ("peach", "peaches"),
        ("walnut", "walnuts"),
        ("service", "services"),
    ],
)
def test_english_plurals_share_a_stem(forms):
    assert len({s(f) for f in forms}) == 1, {f: s(f) for f in forms}


@pytest.mark.parametrize(
    "a,b",
    [
        ("nar", "narlar"),  # short words keep their stem
    ],
)
def test_short_words_survive(a, b):
    assert s(a) == "nar"
    assert s(b) == "nar"


@pytest.mark.parametrize(
    "a,b",
    [
        ("bal", "balıq"),  # honey / fish
        ("nar", "naringi"),  # pomegranate / mandarin
        ("сыр", "сок"),
        ("un", "yun"),  # flour / wool
    ],
)
def test_distinct_words_stay_apart(a, b):
    assert s(a) != s(b)


def test_stem_tokens_and_digits():
    assert stem_tokens(fold("Грецкие орехи 2024")) == ["грецк", "орех", "2024"]
    assert stem("") == ""
