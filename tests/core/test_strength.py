"""Calibrated strength: a direct match of the same product ranks and scores above every
related-goods match, which ranks above every match without a product in common, whatever
sector, language and verification add; the bands are named in three languages."""

import pytest

from matchmaker.core.concepts import Lexicon
from matchmaker.core.matching import Band, FirmProfile, MatchEngine, band_label, band_of, strength_label

from .support import LEX

P = FirmProfile


@pytest.fixture(scope="module")
def lex():
    return Lexicon(LEX)


def test_a_direct_match_outranks_a_related_goods_match_with_every_bonus(lex):
    eng = MatchEngine(lex)
    eng.add(P("buyer", "RU", ("46.31",), (), ("хурма",), ("ru", "az")))
    # the same product, but no sector, no shared language, not verified
    eng.add(P("direct", "AZ", ("24.20",), ("xurma",), (), ("tr",)))
    # only related goods (same HS heading, product group, chapter), with every bonus there is
    eng.add(P("heading", "AZ", ("46.31",), ("narlar",), (), ("ru", "az"), verified=True))
    eng.add(P("group", "AZ", ("46.31",), ("alma",), (), ("ru", "az"), verified=True))
    # no product in common at all
    eng.add(P("sector", "AZ", ("46.31",), ("polad borular",), (), ("ru", "az"), verified=True))
    got = eng.suggestions_for("buyer", k=4)
    assert [s.partner_id for s in got] == ["direct", "heading", "group", "sector"]
    assert [s.band for s in got] == [Band.DIRECT, Band.RELATED, Band.RELATED, Band.SECTOR]
    direct, heading, group, sector = (s.score for s in got)
    assert direct >= 60
    assert heading < 60
    assert group >= 25
    assert sector < 25
    # seen from the seller's side, the buyer is a direct match too
    assert eng.suggestions_for("direct", k=1)[0].band == Band.DIRECT


def test_weakest_direct_match_is_not_below_the_strongest_related_one(lex):
    """A low-confidence exact match (a mistyped word) still outranks a perfect same-heading one."""
    eng = MatchEngine(lex)
    eng.add(P("buyer", "RU", ("46.31",), (), ("хурма",), ("ru",)))
    eng.add(P("typo", "AZ", (), ("xurmma",), (), ()))
    eng.add(P("heading", "AZ", ("46.31",), ("nar",), (), ("ru",), verified=True))
    got = eng.suggestions_for("buyer", k=2)
    assert [s.partner_id for s in got] == ["typo", "heading"]
    assert got[0].score >= 60 > got[1].score


def test_bands_by_score_and_their_names():
    assert band_of(100) == band_of(60) == Band.DIRECT
    assert band_of(59.9) == band_of(25) == Band.RELATED
    assert band_of(24.9) == band_of(0) == Band.SECTOR
    assert band_label(Band.DIRECT, "en") == "Direct match"
    assert band_label("related", "ru") == "Смежные товары"
    assert band_label(Band.SECTOR, "az") == "Eyni sahə"
    assert band_label(Band.DIRECT, "xx") == "Direct match"
    assert band_label(Band.RELATED, "az", hint=True)


def test_strength_words_say_little_in_common_without_related_activities():
    assert strength_label(80, False, "en") == "Direct match"
    assert strength_label(30, False, "ru") == "Смежные товары"
    assert strength_label(10, True, "az") == "Eyni sahə"
    assert strength_label(6, False, "ru") == "Мало общего"
    assert strength_label(6, False, "az") == "Az ortaq cəhət"
