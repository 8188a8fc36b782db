"""Items read in descriptions count in the matching engine, below listed ones (packaged lexicon)."""

from matchmaker.core.concepts import default_lexicon
from matchmaker.core.matching import FirmProfile, MatchEngine, render_reason


def engine(*profiles: FirmProfile) -> MatchEngine:
    eng = MatchEngine(default_lexicon())
    for p in profiles:
        eng.add(p)
    return eng


def test_firm_described_only_in_prose_meets_a_listed_partner():
    eng = engine(
        FirmProfile(
            "az1", "AZ", description="Lənkərandan təzə pomidor ixrac edirik. Soyuducu anbar lazımdır."
        ),
        FirmProfile("ru1", "RU", needs=("томаты",)),
        FirmProfile("ru2", "RU", offers=("холодильные склады",)),
        FirmProfile("ru3", "RU", offers=("томаты",)),  # offers what az1 offers: no match on it
    )
    ranked = [s.partner_id for s in eng.suggestions_for("az1", 3)]
    assert ranked[:2] == ["ru1", "ru2"] or ranked[:2] == ["ru2", "ru1"]
    assert [s.partner_id for s in eng.suggestions_for("ru1", 1)] == ["az1"]


def test_reasons_say_the_item_comes_from_the_description_in_three_languages():
    eng = engine(
        FirmProfile("az1", "AZ", description="Закупаем фундук и грецкий орех."),
        FirmProfile("ru1", "RU", offers=("fındıq",)),
    )
    (s,) = eng.suggestions_for("ru1", 1)
    texts = {lang: render_reason(s.reasons[0], lang) for lang in ("en", "ru", "az")}
    assert "from their description: “Закупаем фундук и грецкий орех”" in texts["en"]
    assert "из их описания: «Закупаем фундук и грецкий орех»" in texts["ru"]
    assert "onların təsvirindən: «Закупаем фундук и грецкий орех»" in texts["az"]
    (own,) = eng.suggestions_for("az1", 1)
    assert "from your description" in render_reason(own.reasons[0], "en")


def test_listed_item_wins_over_the_same_concept_in_the_description():
    eng = engine(
        FirmProfile("az1", "AZ", offers=("pomidor",), description="Pomidor ixrac edirik."),
        FirmProfile("ru1", "RU", needs=("томаты",)),
    )
    (s,) = eng.suggestions_for("ru1", 1)
    assert s.reasons[0].partner_item == "pomidor"
    assert not s.reasons[0].partner_quote


def test_described_item_ranks_below_the_same_listed_item():
    eng = engine(
        FirmProfile("ru1", "RU", needs=("томаты",)),
        FirmProfile("az1", "AZ", description="Pomidor ixrac edirik."),
        FirmProfile("az2", "AZ", offers=("pomidor",)),
    )
    top = eng.suggestions_for("ru1", 2)
    assert [s.partner_id for s in top] == ["az2", "az1"]
    assert top[0].score > top[1].score


def test_changed_description_is_read_again():
    eng = engine(
        FirmProfile("az1", "AZ", description="Pomidor ixrac edirik."),
        FirmProfile("ru1", "RU", needs=("вино",)),
    )
    assert (
        not eng.suggestions_for("ru1", 1)[0].reasons
        or eng.suggestions_for("ru1", 1)[0].reasons[0].kind != "need_offer"
    )
    eng.add(FirmProfile("az1", "AZ", description="Şərab ixrac edirik."))
    (s,) = eng.suggestions_for("ru1", 1)
    assert s.reasons[0].kind == "need_offer"
    assert s.reasons[0].partner_quote == "Şərab ixrac edirik"
