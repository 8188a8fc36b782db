"""Directory search (matchmaker.core.search): ranking, filters, maintenance."""

import pytest

from matchmaker.core.search import SearchDoc, SearchIndex

NAMES = [
    "Gəncə Aqro",
    "Gəncə Tekstil",
    "Gəncə Tikinti",
    "Göyçay Aqro",
    "Волга Агро",
    "Волга Строй",
    "Жигули Трейд",
    "ООО Вектор Строй",
    "Вектор Сервис",
    "Альфа Трейд",
    "Альфа Торг",
    "Kür Çay MMC",
    "Kür Konserv",
    "Muğan Bağları",
    "Masallı Bağları",
    "Quba İnvest",
    "Quba Bağları",
    "Quba Tekstil",
    "Sumqayıt Konserv MMC",
    "Sumqayıt Logistika MMC",
    "Родник Холдинг",
    "Xəzər Holdinq MMC",
    "Şəki Ticarət",
    "Qəbələ Fermer MMC",
    "Araz Bağları",
    "Araz Bağları 11 MMC",
    "Lənkəran Meyvə QSC",
    "Каспий Лес",
    "АО Тамань Фиш",
    "Урал Продукт",
]


@pytest.fixture(scope="module")
def index():
    docs = [SearchDoc(i, n, "Bakı" if i % 2 else "Москва") for i, n in enumerate(NAMES)]
    docs.append(SearchDoc(100, "Şamaxı Ticarət", "Şamaxı", ("fındıq", "qoz")))
    docs.append(SearchDoc(101, "Дельта Маркет", "Самара", ("сухофрукты", "фундук")))
    docs.append(SearchDoc(102, "Caspian Foods LLC", "Baku", ("hazelnut kernels",)))
    return SearchIndex(docs, expand=None)


def top(index, q, k=1):
    return [NAMES[d] if d < len(NAMES) else d for d, _ in index.search(q, limit=k)]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Гянджа Агро", "Gəncə Aqro"),
        ("Gence Aqro", "Gəncə Aqro"),
        ("Gənəc Aqro", "Gəncə Aqro"),
        ("Volga Agro", "Волга Агро"),
        ("Jiguli", "Жигули Трейд"),
        ("Zhiguli Treyd", "Жигули Трейд"),
        ("Rodnik Kholding", "Родник Холдинг"),
        ("Хазар Холдинг", "Xəzər Holdinq MMC"),
        ("Кюр Чай", "Kür Çay MMC"),
        ("Муган Баглары", "Muğan Bağları"),
        ("Quba İnv", "Quba İnvest"),
        ("Quba Bağ", "Quba Bağları"),
        ("quba inv", "Quba İnvest"),
        ("Вктор Строй", "ООО Вектор Строй"),
        ("Аьфа Трейд", "Альфа Трейд"),
        ("Sumqayıt Koonserv", "Sumqayıt Konserv MMC"),
        ("Шеки Тиджарет", "Şəki Ticarət"),
        ("Qəbələ Feremr", "Qəbələ Fermer MMC"),
        ("Ленкорань Мейве", "Lənkəran Meyvə QSC"),
        ("Kaspiy Les", "Каспий Лес"),
        ("Taman Fish", "АО Тамань Фиш"),
        ("Урал Продкут", "Урал Продукт"),
    ],
)
def test_ranking_examples(index, query, expected):
    assert top(index, query, 1) == [expected]


def test_exact_name_beats_longer_name(index):
    assert top(index, "Araz Bağları", 2) == ["Araz Bağları", "Araz Bağları 11 MMC"]


def test_legal_form_weighs_little(index):
    # "ООО" in the query must not pull other ООО firms above the Вектор we want
    res = top(index, "ООО Вектор Сервис", 1)
    assert res == ["Вектор Сервис"]


def test_scores_best_first_and_in_range(index):
    res = index.search("Gəncə", limit=10)
    assert len(res) >= 3
    scores = [s for _, s in res]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 100 for s in scores)
    assert {NAMES[d] for d, _ in res[:3]} == {"Gəncə Aqro", "Gəncə Tekstil", "Gəncə Tikinti"}
    assert index.search("Gəncə Aqro")[0][1] == 100.0


def test_texts_found_but_below_name_matches(index):
    res = dict(index.search("fındıq"))
    assert 100 in res  # offers mention it
    res = index.search("фундук")
    assert res[0][0] == 101
    # a name match outranks a firm that only mentions the word in its offers
    idx = SearchIndex(
        [SearchDoc(1, "Fındıq Ticarət"), SearchDoc(2, "Quba Aqro", "", ("fındıq",))], expand=None
    )
    assert [d for d, _ in idx.search("findiq")] == [1, 2]


def test_lexicon_translations_reach_offers():
    idx = SearchIndex(
        [
            SearchDoc(1, "Şamaxı Ticarət", "", ("fındıq",)),
            SearchDoc(2, "Дельта Маркет", "", ("фундук",)),
            SearchDoc(3, "Caspian Foods", "", ("hazelnut kernels",)),
            SearchDoc(4, "Volga Trade", "", ("cement",)),
        ]
    )
    for q in ("hazelnut", "фундук", "findiq"):
        assert {d for d, _ in idx.search(q)} == {1, 2, 3}, q


def test_allowed_filter(index):
    gence = [i for i, n in enumerate(NAMES) if n.startswith("Gəncə")]
    allowed = {gence[2]}
    res = index.search("Gəncə Aqro", allowed=allowed)
    assert [d for d, _ in res] == [gence[2]]
    assert index.search("Gəncə Aqro", allowed=set()) == []


@pytest.mark.parametrize("q", ["", "   ", "\t\n", "—", None])
def test_blank_queries(index, q):
    assert index.search(q) == []


def test_nonsense_gives_nothing(index):
    assert index.search("zzzzqqqxx") == []


def test_limit(index):
    assert len(index.search("Bağları", limit=2)) == 2
    assert index.search("Bağları", limit=0) == []


def test_add_remove_replace():
    idx = SearchIndex(expand=None)
    assert len(idx) == 0
    assert idx.search("Вектор") == []
    idx.add(SearchDoc(7, "Вектор Строй"))
    idx.add(SearchDoc(8, "Gəncə Aqro"))
    assert len(idx) == 2
    assert idx.search("Vektor")[0][0] == 7
    # replace by id: the old name is gone, the new one found
    idx.add(SearchDoc(7, "Sibir Servis"))
    assert len(idx) == 2
    assert all(d != 7 for d, _ in idx.search("Вектор Строй"))
    assert idx.search("Сибирь Сервис")[0][0] == 7
    idx.remove(7)
    assert len(idx) == 1
    assert 7 not in idx
    assert idx.search("Сибирь Сервис") == []
    idx.remove(7)  # unknown id: no error
    idx.remove(12345)
    # a freed slot is reused without mixing documents up
    idx.add(SearchDoc(9, "Volga Agro"))
    assert idx.search("Волга")[0][0] == 9
    assert idx.search("Гянджа")[0][0] == 8


def test_city_searched_below_name():
    idx = SearchIndex(
        [SearchDoc(1, "Xəzər Tikinti", "Gəncə"), SearchDoc(2, "Gəncə Tikinti", "Bakı")], expand=None
    )
    assert [d for d, _ in idx.search("Gəncə")] == [2, 1]


def test_many_docs_still_find_the_right_one():
    docs = [SearchDoc(i, f"Firm {i} Trade") for i in range(3000)]
    docs.append(SearchDoc(99999, "Ставрополь Зерно"))
    idx = SearchIndex(docs, expand=None)
    assert idx.search("Stavropol Zerno")[0][0] == 99999
    assert len(idx.search("Trade", limit=50)) == 50


def test_typo_in_offers_word_found():
    idx = SearchIndex(
        [SearchDoc(1, "Quba Aqro", "", ("pomidor", "xiyar")), SearchDoc(2, "Volga Trade", "", ("cement",))],
        expand=None,
    )
    assert [d for d, _ in idx.search("pomidr")] == [1]


def test_min_score_drops_chance_matches():
    idx = SearchIndex([SearchDoc(1, "Gəncə Aqro"), SearchDoc(2, "Волга Строй")], expand=None)
    assert [d for d, _ in idx.search("Gence")] == [1]
    assert idx.search("Gence", min_score=100.0) == []
