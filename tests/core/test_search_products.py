"""Product words in the directory search, the relevance floor and the nearest spellings."""

import pytest

from matchmaker.core.search import SearchDoc, SearchIndex
from matchmaker.core.search_lexicon import ProductReader, fleeting_variant
from matchmaker.core.text import fold

CARPETS = {1, 2, 3, 4, 5}
TOMATOES = {10, 11, 12, 13, 14}
WINE = {20, 21, 22, 23}

DOCS = [
    # carpet makers and traders, in every language and form
    SearchDoc(1, "Quba Sənətkar", "Quba", ("xalça", "ipək parça")),
    SearchDoc(2, "ООО Восток Текстиль", "Дербент", ("ковры ручной работы",)),
    SearchDoc(3, "Caspian Rugs Ltd", "Baku", ("handmade carpets",)),
    SearchDoc(4, "ИП Мамедов", "Москва", ("ковёр",)),
    SearchDoc(5, "Şirvan Ticarət", "Şamaxı", ("xalçalar",)),
    # tomatoes
    SearchDoc(10, "Masallı Tərəvəz", "Masallı", ("pomidor", "xiyar")),
    SearchDoc(11, "АО Юг Агро", "Краснодар", ("помидоры", "огурцы")),
    SearchDoc(12, "Volga Fresh", "Астрахань", ("fresh tomatoes",)),
    SearchDoc(13, "Лотос Торг", "Самара", (), ()),
    SearchDoc(14, "Araz Bağları", "Bakı", ("təzə pomidorlar",)),
    SearchDoc(15, "Kür Konserv", "Sabirabad", ("tomato paste",)),
    # wine, and its look-alike twine
    SearchDoc(20, "Göygöl Bağları", "Göygöl", ("şərab", "konyak")),
    SearchDoc(21, "ООО Кавказ Вина", "Дербент", ("вино",)),
    SearchDoc(22, "Ganja Trading", "Gəncə", ("red wine", "mineral water")),
    SearchDoc(23, "Naxçıvan Üzüm", "Naxçıvan", ("süfrə şərabı",)),
    SearchDoc(24, "Agro Supply LLC", "Ростов-на-Дону", ("baler twine", "шпагат")),
    # named after products they do not trade
    SearchDoc(30, "Kür Şərab", "Xaçmaz", ("lamb",)),
    SearchDoc(31, "Xəzər Xalça MMC", "Bakı", ("cement",)),
    SearchDoc(32, "Xəzər Tikinti", "Sumqayıt", ("armatur",)),
    SearchDoc(33, "Yaşıl Çay MMC", "Lənkəran", ("dərman preparatları",)),
    SearchDoc(34, "Lənkəran Çay", "Lənkəran", ("yaşıl çay", "qara çay")),
    SearchDoc(35, "Balakən Şərab 24 QSC", "Balakən", ("fındıq",)),
    # a grain firm, inflected
    SearchDoc(40, "Ağdaş Taxıl", "Ağdaş", ("buğda",)),
    # a wine maker known by its sector only
    SearchDoc(50, "Şamaxı İstehsal", "Şamaxı", ("üzüm emalı",), ("11.02",)),
]
# Лотос Торг sells tomatoes too, said in its description
DOCS[10] = SearchDoc(13, "Лотос Торг", "Самара", ("Поставляем томаты и огурцы. Закупаем удобрения.",))


@pytest.fixture(scope="module")
def index():
    return SearchIndex(DOCS)


def found(index, q, k=10):
    return [d for d, _ in index.find(q, limit=k).hits]


@pytest.mark.parametrize("q", ["ковры", "ковёр", "xalça", "xalca", "carpets", "коврами"])
def test_carpet_words_in_any_language_and_form_find_the_carpet_firms(index, q):
    got = found(index, q)
    assert set(got[: len(CARPETS)]) == CARPETS, (q, got)
    assert 32 not in got  # "Xəzər" is not a misspelt "ковёр"


@pytest.mark.parametrize("q", ["помидоры", "pomidor", "tomatoes", "томатами", "pomidorlar", "свежие томаты"])
def test_tomato_words_find_the_tomato_sellers_not_tomato_paste(index, q):
    got = found(index, q)
    assert set(got) == TOMATOES, (q, got)


@pytest.mark.parametrize("q", ["wine", "вино", "şərab", "serab", "şərabı"])
def test_wine_finds_the_wine_trade_and_not_twine(index, q):
    got = found(index, q)
    assert set(got[: len(WINE)]) == WINE, (q, got)
    assert 24 not in got
    # a firm whose activity is wine making (NACE 11.02) comes after those that say "wine"
    assert 50 in got
    assert got.index(50) >= len(WINE)


def test_a_one_product_query_ranks_traders_above_firms_merely_named_so(index):
    for q, traders, named in (("şərab", WINE, 30), ("xalça", CARPETS, 31)):
        got = found(index, q, 30)
        assert set(got[: len(traders)]) == traders, (q, got)
        assert named not in got[: len(traders)]


def test_a_query_that_is_a_firms_name_still_finds_it(index):
    assert found(index, "Yaşıl Çay", 1) == [33]  # green tea, and the firm's whole name
    assert found(index, "Balakən Şərab", 1) == [35]
    assert found(index, "Kür Şərab", 1) == [30]
    assert found(index, "Xəzər Xalça", 1) == [31]


def test_azerbaijani_endings_read_to_the_dictionary_form(index):
    assert found(index, "buğdalar") == [40]
    assert found(index, "bugdani") == [40]


@pytest.mark.parametrize("q", ["qwxzv plorf", "ывапр жщзх", "zzkq vbnm", "щшзх ъфыв", "asdfgh"])
def test_nonsense_gives_an_empty_answer(index, q):
    assert index.find(q).hits == []


def test_an_empty_answer_offers_the_nearest_spellings(index):
    res = index.find("Naxcivn Uzm")
    assert res.hits == [] or res.hits[0][0] == 23
    res = index.find("Goyqolax")
    assert res.hits == []
    assert res.suggestions
    assert res.suggestions[0] == "Göygöl"
    res = index.find("Dərbəndski")
    assert res.hits == []
    assert "Дербент" in res.suggestions
    assert index.find("").suggestions == []
    assert index.find("qwxzv plorf").suggestions == []  # nothing near: nothing offered


def test_the_floor_drops_chance_likeness_but_keeps_typos():
    idx = SearchIndex([SearchDoc(1, "Gəncə Aqro"), SearchDoc(2, "Волга Строй"), SearchDoc(3, "Исток Торг")])
    assert [d for d, _ in idx.find("Gənəc").hits] == [1]  # one transposition
    assert [d for d, _ in idx.find("Гянджа").hits] == [1]  # the same sound in the other script
    assert [d for d, _ in idx.find("Вол").hits] == [2]  # a prefix being typed
    assert idx.find("asdfgh").hits == []  # "Исток" only sounds a little like it
    assert idx.search("asdfgh", min_score=0)  # below the floor, the raw ranking still has it


def test_legal_forms_match_only_as_themselves():
    idx = SearchIndex([SearchDoc(1, "ООО Ромашка"), SearchDoc(2, "Qubа Aqro QSC")], expand=None)
    assert idx.find("жжжж ыыыы").hits == []
    assert idx.find("ыыы").hits == []


def test_product_reader_words():
    r = ProductReader()
    assert r.word("wine").known
    assert "wine" in r.word("wine").concepts
    assert not r.word("twine").concepts  # a word of a longer lemma only
    assert not r.word("trade").concepts  # stems collide with "trailer"; the lemma does not look like it
    assert r.word(fold("ковры")).concepts.keys() & r.word(fold("ковёр")).concepts.keys()
    typo = r.word("pomidorr")
    assert "tomato" in typo.concepts
    assert not typo.known
    assert r.word(fold("свежие")).generic


def test_fleeting_vowels():
    assert fleeting_variant("ковер") == "ковр"
    assert fleeting_variant("котел") == "котл"
    assert fleeting_variant("уголь") == "угл"
    assert fleeting_variant("ковры") is None
    assert fleeting_variant("wine") is None


def test_sector_links_and_family():
    r = ProductReader()
    assert "11.02" in r.sectors("wine")
    assert "13.93" in r.sectors("carpet")
    fam = r.family("hs57")
    assert fam["hs57"] == 1.0
    assert fam["carpet"] > 0.9
    assert 0 < r.family("carpet")["hs57"] < 1.0


def test_tea_finds_tea_firms_before_firms_only_resembling_the_word():
    """Issue 10: the English "chains" was stemmed as an Azerbaijani genitive ("cha-in-s") to the
    key of the Russian "чай", so pharmacy chains' suppliers topped every tea search."""
    docs = [
        SearchDoc(id=i, name=f"Don Farm {i}", texts=("medicines", "лекарства", "pharmacy chains"))
        for i in range(1, 13)
    ]
    docs += [
        SearchDoc(id=100, name="Qarabağ Çay", texts=("qara çay", "packaging materials"), sectors=("10.83",)),
        SearchDoc(id=101, name="ООО Волга", texts=("coffee",), sectors=("46.37",)),
        SearchDoc(id=102, name="Astara MMC", texts=("чай чёрный",)),
        SearchDoc(id=103, name="Kür Ticarət", texts=("black tea",)),
    ]
    index = SearchIndex(docs)
    for q in ("çay", "чай", "tea", "cay"):
        hits = [i for i, _ in index.find(q, limit=20).hits]
        assert set(hits[:3]) <= {100, 101, 102, 103}, (q, hits)
        assert not set(hits) & set(range(1, 13)), (q, hits)
    assert ProductReader().word("chains").concepts.get("tea") is None


def test_a_query_word_is_read_in_its_own_script_first():
    """Latin and Cyrillic stems can share a key by chance: "nuts" and "нут" (chickpeas) both key
    "nut"; a word is read as a lemma of the other script only when its own script has none."""
    r = ProductReader()
    assert r.word("nuts").concepts == {"nuts": 1.0}
    assert r.word("нут").concepts == {"chickpea": 1.0}
    assert "medlar" not in r.word("мед").concepts
    assert r.word("pomidor").concepts == {"tomato": 1.0}  # a transliteration still reads across
