"""Folding, transliteration and phonetic keys (matchmaker.core.text)."""

import pytest

from matchmaker.core.text import fold, latin_tokens, phonetic_key, to_latin, tokens


class TestFold:
    def test_dotted_capital_i_is_one_letter(self):
        # 'İ'.lower() gives 'i' + U+0307 in Python; fold must give a plain 'i'
        assert fold("İ") == "i"
        assert fold("İNVEST") == "invest"
        assert fold("İsmayıllı") == "ismayilli"

    def test_dotless_i_and_capital_i(self):
        assert fold("ı") == "i"
        assert fold("SUMQAYIT") == fold("Sumqayıt") == "sumqayit"

    def test_azerbaijani_letters(self):
        assert fold("Gəncə Şərab Çay Ağdaş Göyçay Kür") == "gence serab cay agdas goycay kur"
        assert fold("ƏLİYEV") == "eliyev"

    def test_cyrillic_kept_short_i_kept_yo_folded(self):
        assert fold("Каспий") == "каспий"
        assert "й" in fold("ЙОГУРТ")
        assert fold("Ёлка") == "елка"
        assert fold("Семёнов") == "семенов"
        # й given decomposed (и + combining breve) still comes back as й
        assert fold("Каспии\u0306") == "каспий"

    def test_punctuation_and_spaces(self):
        assert fold("  «Вектор-Строй»,  ООО ") == "вектор строй ооо"
        assert fold("Gəncə'nin") == "gencenin"
        assert fold("") == ""

    def test_tokens(self):
        assert tokens("ООО «Вектор Строй»") == ["ооо", "вектор", "строй"]


class TestToLatin:
    @pytest.mark.parametrize(
        "cyr, lat",
        [
            ("Жигули", "zhiguli"),
            ("Холдинг", "kholding"),
            ("Чайка", "chayka"),
            ("Щит", "shchit"),
            ("Цемент", "tsement"),
            ("Каспий", "kaspiy"),
            ("Заречье", "zarechye"),
            ("Степь", "step"),
            ("Юг", "yug"),
            ("Гянджа", "gyandzha"),
        ],
    )
    def test_russian(self, cyr, lat):
        assert to_latin(cyr) == lat

    def test_latin_passes_through_folded(self):
        assert to_latin("Gəncə Aqro") == "gence aqro"

    def test_mixed_script(self):
        assert latin_tokens("ООО Gəncə Трейд") == ["ooo", "gence", "treyd"]


class TestPhoneticKey:
    @pytest.mark.parametrize(
        "a, b",
        [
            ("Gəncə", "Гянджа"),
            ("Gence", "Гянджа"),
            ("Şəki", "Шеки"),
            ("Qəbələ", "Габала"),
            ("Xaçmaz", "Хачмаз"),
            ("Lənkəran", "Ленкорань"),
            ("Mingəçevir", "Мингечевир"),
            ("Jiguli", "Жигули"),
            ("Zhiguli", "Жигули"),
            ("Kholding", "Холдинг"),
            ("Xolding", "Холдинг"),
            ("Holdinq", "Холдинг"),
            ("Kür Çay", "Кюр Чай"),
            ("Muğan Bağları", "Муган Баглары"),
            ("Abşeron", "Апшерон"),
            ("Qarabağ", "Карабах"),
            ("Sumqayıt", "Сумгаит"),
            ("İsmayıllı", "Исмаиллы"),
            ("Ticarət", "Тиджарет"),
            ("Volga Agro", "Волга Агро"),
            ("Logistik", "Логистик"),
            ("Produkt", "Продукт"),
            ("Les", "Лес"),
            ("Fish", "Фиш"),
            ("Treyd", "Трейд"),
            ("Stroy", "Строй"),
            ("Zarechye", "Заречье"),
        ],
    )
    def test_same_key_across_scripts(self, a, b):
        assert phonetic_key(a) == phonetic_key(b)

    @pytest.mark.parametrize(
        "a, b",
        [("Gəncə", "Quba"), ("Şəki", "Sumqayıt"), ("Волга", "Дон"), ("Вектор", "Сибирь"), ("Трейд", "Строй")],
    )
    def test_different_names_differ(self, a, b):
        assert phonetic_key(a) != phonetic_key(b)

    def test_doubled_letters_collapse(self):
        assert phonetic_key("Metalll") == phonetic_key("Металл") == phonetic_key("Metal")

    def test_words_and_digits_kept(self):
        assert phonetic_key("Araz 11 MMC").split()[1] == "11"
        assert len(phonetic_key("Gəncə Aqro").split()) == 2
        assert phonetic_key("") == ""
