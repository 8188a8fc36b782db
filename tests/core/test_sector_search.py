"""The sector picker's search (matchmaker.core.sector_search)."""

import pytest

from matchmaker.core.sector_search import find_sectors
from matchmaker.core.sector_titles import classes_naming


@pytest.mark.parametrize("q", ["вино", "şərab", "serab", "wine", "Вина"])
@pytest.mark.parametrize("lang", ["az", "ru", "en"])
def test_wine_in_any_language_finds_wine_making(q, lang):
    assert find_sectors(q, lang)[0]["code"] == "11.02"


def test_products_no_title_names_find_their_activities():
    # "чай" matches no title word as written ("чая"); the lexicon knows it is tea
    assert {m["code"] for m in find_sectors("чай", "ru")} >= {"10.83", "46.37"}
    # no NACE title names tomatoes: the activities of vegetables stand in
    codes = [m["code"] for m in find_sectors("помидоры", "az")]
    assert "01.13" in codes
    assert "46.31" in codes
    assert [m["code"] for m in find_sectors("fındıq", "ru")] == ["01.25"]


def test_titles_in_the_readers_language_and_codes():
    m = find_sectors("şərab", "ru")[0]
    assert m["code"] == "11.02"
    assert "вин" in m["title"].lower()
    assert [m["code"] for m in find_sectors("11.02")] == ["11.02"]
    assert find_sectors("") == []
    assert find_sectors("qwxzv") == []
    assert len(find_sectors("01", limit=3)) == 3


def test_classes_naming_needs_every_word_and_a_real_stem():
    assert "11.02" in classes_naming("wine")
    assert "11.03" in classes_naming("wines")
    assert "24.44" not in classes_naming("мед")  # honey is not copper (медь)
    assert classes_naming("wine cement") == []
