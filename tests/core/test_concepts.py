"""Concept analysis across languages, scripts, typos and inflections (small test lexicon)."""

import pytest

from matchmaker.core.concepts import Lexicon, default_lexicon, free_similarity

from .support import LEX


@pytest.fixture(scope="module")
def lex():
    return Lexicon(LEX)


def top(lex, item):
    hits = lex.analyze(item)
    return hits[0].concept if hits else None


@pytest.mark.parametrize(
    "item,concept",
    [
        ("Свежая хурма", "persimmon"),
        ("xurmalar", "persimmon"),
        ("PERSIMMONS", "persimmon"),
        ("khurma", "persimmon"),  # Russian typed in Latin letters
        ("təzə pomidorlar", "tomato"),
        ("teze pomidorlar", "tomato"),
        ("Tomatoes", "tomato"),
        ("томатами", "tomato"),
        ("помидоры", "tomato"),
        ("hazelnut kernels", "hazelnut"),
        ("findiq", "hazelnut"),
        ("fındıq / фундук", "hazelnut"),
        ("лесные орехи", "hazelnut"),
        ("грецкие орехи", "walnut"),
        ("орехи", "nuts"),
        ("мука пшеничная", "flour"),
        ("пшеничная мука", "flour"),
        ("wheat flour", "flour"),
        ("buğda unu", "flour"),
        ("bugda unu", "flour"),
        ("wheat", "wheat"),
        ("пшеницы", "wheat"),
        ("мясо птицы", "chicken"),
        ("toyuq əti", "chicken"),
        ("əti", "meat"),
        ("yük daşımaları", "logistics"),
        ("грузоперевозки", "logistics"),
        ("Logistics services", "logistics"),
        ("программное обеспечение", "software"),  # a three-word lemma missing one word
        ("стальные трубы", "steel_pipe"),
        ("трубы", "steel_pipe"),  # head word of one lemma only
        ("гранаты", "pomegranate"),
        ("nar", "pomegranate"),
        ("meyvələr", "hs08"),
    ],
)
def test_items_map_to_concepts(lex, item, concept):
    assert top(lex, item) == concept


@pytest.mark.parametrize(
    "item,concept",
    [
        ("pomidr", "tomato"),
        ("pomodor", "tomato"),
        ("persimon", "persimmon"),
        ("kartoff", "potato"),
        ("картофел", "potato"),
        ("gretskie orekhi", "walnut"),
    ],
)
def test_typos_and_transliteration(lex, item, concept):
    hits = lex.analyze(item)
    assert hits
    assert hits[0].concept == concept
    assert 0.7 <= hits[0].confidence <= 1.0


def test_modifier_is_weaker_than_head(lex):
    hits = {h.concept: h for h in lex.analyze("wheat flour")}
    assert set(hits) == {"flour"}  # the whole lemma wins over its words
    hits = {h.concept: h.confidence for h in lex.analyze("alma nar")}
    assert hits["pomegranate"] == 1.0
    assert hits["apple"] < 0.5


@pytest.mark.parametrize("item", ["beef", "wool", "paper"])
def test_short_words_are_not_forced_onto_neighbours(lex, item):
    # beef/beer, wool/wood, paper/pepper: one letter apart, different goods
    assert all(h.free for h in lex.analyze(item))


def test_unknown_items_become_free_concepts_that_meet_across_scripts(lex):
    a, b, c = (lex.analyze(x)[0] for x in ("feijoa", "фейхоа", "Feyxoa"))
    assert a.free
    assert b.free
    assert c.free
    assert free_similarity(a, b) > 0.5
    assert free_similarity(b, c) > 0.5
    assert free_similarity(a, c) > 0.5
    d = lex.analyze("cement")[0]
    assert free_similarity(a, d) == 0


def test_stop_words_alone_give_nothing(lex):
    assert lex.analyze("свежие") == []
    assert lex.analyze("") == []


def test_concept_codes(lex):
    c = lex.concept("persimmon")
    assert (c.heading, c.chapter, c.group) == ("0810", "08", "fruit")
    assert "hs08" in c.ancestors  # by HS prefix
    assert "nuts" in lex.concept("hazelnut").ancestors  # explicit broader
    assert lex.concept("logistics").heading is None


def test_packaged_lexicon_loads():
    lex = default_lexicon()
    assert lex is default_lexicon()
    assert len(lex.concepts) > 50
    assert top(lex, "Свежая хурма") == "persimmon"
    assert top(lex, "pomidorlar") == "tomato"


def test_conjunctions_split_items_unless_a_lemma_spans_them():
    data = dict(
        LEX,
        concepts=LEX["concepts"]
        + [
            {
                "id": "fresh_produce",
                "hs": "08",
                "group": "fruit",
                "en": ["fruit and vegetables"],
                "ru": ["фрукты и овощи"],
                "az": ["meyvə və tərəvəz"],
                "broader": None,
            }
        ],
    )
    lex = Lexicon(data)
    assert {h.concept for h in lex.analyze("яблоки и гранаты")} == {"apple", "pomegranate"}
    assert all(h.confidence == 1.0 for h in lex.analyze("apples and pomegranates"))
    assert top(lex, "meyve ve terevez") == "fresh_produce"
    assert top(lex, "Фрукты и овощи") == "fresh_produce"


@pytest.mark.parametrize(
    "item,concept",
    [
        ("pomidorlagr", "tomato"),  # a known stem and a mistyped suffix
        ("kartofalrdan", "potato"),
        ("persimmo", "persimmon"),  # the typo changes what the stemmer strips
    ],
)
def test_mistyped_endings(lex, item, concept):
    hits = lex.analyze(item)
    assert hits
    assert hits[0].concept == concept
    assert hits[0].how == "fuzzy"


def test_grammatical_suffix_order_prevents_overstemming(lex):
    # "narinui" is not nar + ın + u + i (a case ending never precedes a possessive)
    assert top(lex, "narinui") != "pomegranate"
