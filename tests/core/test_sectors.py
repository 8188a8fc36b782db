"""NACE Rev. 2 data, code handling, search and sector affinity (matchmaker.core.sectors)."""

from __future__ import annotations

import re

import pytest

from matchmaker.core import sectors as S

LEVEL_KEYS = ("sections", "divisions", "groups", "classes")
CODE_RE = {
    "sections": re.compile(r"^[A-U]$"),
    "divisions": re.compile(r"^\d{2}$"),
    "groups": re.compile(r"^\d{2}\.\d$"),
    "classes": re.compile(r"^\d{2}\.\d{2}$"),
}


@pytest.fixture(scope="module")
def nace():
    return S.load_nace()


@pytest.fixture(scope="module")
def all_codes(nace):
    return {e["code"] for k in LEVEL_KEYS for e in nace[k]}


# Data file ----------------------------------------------------------------------------------
def test_counts_match_nace_rev2(nace):
    assert [len(nace[k]) for k in LEVEL_KEYS] == [21, 88, 272, 615]
    assert "NACE Rev. 2" in nace["source"]
    assert "OKVED2" in nace["source"]
    assert "İFNT" in nace["source"]


def test_codes_well_formed_unique_and_consistent_with_parents(nace):
    seen = set()
    for k in LEVEL_KEYS:
        for e in nace[k]:
            assert CODE_RE[k].match(e["code"]), e
            assert e["code"] not in seen
            seen.add(e["code"])
    sections = {e["code"] for e in nace["sections"]}
    assert sections == set("ABCDEFGHIJKLMNOPQRSTU")
    divisions = {e["code"]: e["section"] for e in nace["divisions"]}
    groups = {e["code"]: e["division"] for e in nace["groups"]}
    assert set(divisions.values()) == sections
    for g, d in groups.items():
        assert d in divisions
        assert g.startswith(d + ".")
    for c in nace["classes"]:
        assert c["group"] in groups
        assert c["code"].startswith(c["group"])
    # every division has a group, every group a class
    assert set(groups.values()) == set(divisions)
    assert {c["group"] for c in nace["classes"]} == set(groups)


def test_known_division_boundaries(nace):
    div = {e["code"]: e["section"] for e in nace["divisions"]}
    assert div["01"] == "A"
    assert div["03"] == "A"
    assert div["05"] == "B"
    assert div["33"] == "C"
    assert div["35"] == "D"
    assert div["39"] == "E"
    assert div["43"] == "F"
    assert div["47"] == "G"
    assert div["53"] == "H"
    assert div["56"] == "I"
    assert div["63"] == "J"
    assert div["66"] == "K"
    assert div["68"] == "L"
    assert div["75"] == "M"
    assert div["82"] == "N"
    assert div["84"] == "O"
    assert div["85"] == "P"
    assert div["88"] == "Q"
    assert div["93"] == "R"
    assert div["96"] == "S"
    assert div["98"] == "T"
    assert div["99"] == "U"
    # Rev. 2 (2008), not Rev. 2.1: no division 04, 34 or 44; class 62.01 exists, 62.10 does not
    assert not {"04", "34", "44"} & set(div)
    assert S.is_valid_class("62.01")
    assert not S.is_valid_class("62.10")


def test_titles_present_in_required_languages(nace):
    for k in ("sections", "divisions"):
        for e in nace[k]:
            for lang in ("az", "ru", "en"):
                assert e["title"].get(lang, "").strip(), (e["code"], lang)
    for k in ("groups", "classes"):
        for e in nace[k]:
            for lang in ("ru", "en"):
                assert e["title"].get(lang, "").strip(), (e["code"], lang)
    for k in LEVEL_KEYS:
        for e in nace[k]:
            t = e["title"]
            assert t["en"] == t["en"].strip()
            assert "  " not in t["en"]
            assert re.search(r"[А-Яа-яЁё]", t["ru"]), e["code"]
            assert set(t) <= {"en", "ru", "az"}


def test_official_english_titles_spot_check():
    assert S.title("01.13") == "Growing of vegetables and melons, roots and tubers"
    assert S.title("11.02") == "Manufacture of wine from grape"
    assert S.title("46.31") == "Wholesale of fruit and vegetables"
    assert S.title("49.41") == "Freight transport by road"
    assert S.title("62.01") == "Computer programming activities"
    assert S.title("A") == "Agriculture, forestry and fishing"
    assert S.title("11.02", "ru") == "Производство вина из винограда"
    assert S.title("11.02", "az") == "Üzümdən şərab istehsalı"


# Codes --------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw", ["01.13", "0113", " 01.13 ", "01,13", "1.13", "01.13."])
def test_normalize_code_class_spellings(raw):
    assert S.normalize_code(raw) == "01.13"


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("a", "A"),
        ("U", "U"),
        ("01", "01"),
        ("011", "01.1"),
        ("01.1", "01.1"),
        ("4631", "46.31"),
        ("", None),
        ("   ", None),
        (None, None),
        ("V", None),
        ("04", None),
        ("01.18", None),
        ("01.13.1", None),
        ("abc", None),
        ("01-13", None),
        ("99.99", None),
        ("1", None),
    ],
)
def test_normalize_code_other_inputs(raw, expected):
    assert S.normalize_code(raw) == expected


def test_normalize_code_okved_subclass_optional():
    assert S.normalize_code("01.13.1", allow_subclass=True) == "01.13"
    assert S.normalize_code("01.13.11", allow_subclass=True) == "01.13"
    assert S.normalize_code("011311", allow_subclass=True) == "01.13"
    assert S.normalize_code("01.18.1", allow_subclass=True) is None


def test_is_valid_class_only_for_classes():
    assert S.is_valid_class("01.13")
    assert S.is_valid_class("0113")
    assert not S.is_valid_class("01.1")
    assert not S.is_valid_class("01")
    assert not S.is_valid_class("A")
    assert not S.is_valid_class("12.34")
    assert not S.is_valid_class(None)


def test_hierarchy_helpers():
    assert S.section_of("01.13") == "A"
    assert S.section_of("46.31") == "G"
    assert S.section_of("A") == "A"
    assert S.division_of("01.13") == "01"
    assert S.division_of("0113") == "01"
    assert S.division_of("A") is None
    assert S.group_of("01.13") == "01.1"
    assert S.group_of("01") is None
    assert S.parent_of("01.13") == "01.1"
    assert S.parent_of("01.1") == "01"
    assert S.parent_of("A") is None
    assert S.ancestors("01.13") == ["A", "01", "01.1", "01.13"]
    assert S.level_of("01.13") == "class"
    assert S.level_of("01") == "division"
    assert S.level_of("x") is None
    assert "01.13" in S.children("01.1")
    assert len(S.classes_under("A")) == sum(1 for c in S.all_classes() if c < "05")
    assert S.classes_under("11.0") == ["11.01", "11.02", "11.03", "11.04", "11.05", "11.06", "11.07"]
    assert S.label("46.31", "ru") == "46.31 Торговля оптовая фруктами и овощами"
    with pytest.raises(KeyError):
        S.title("12.34")


def test_title_falls_back_to_english():
    # every code has an Azerbaijani title now (tests/core/test_nace_titles.py): a language the
    # data does not have falls back to English
    assert S.title("01.13", "fr") == S.title("01.13", "en")
    assert S.title("46.31", "tr") == "Wholesale of fruit and vegetables"


# Search -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "query,lang",
    [
        ("wine", "en"),
        ("вино", "ru"),
        ("şərab", "az"),
        ("serab", "az"),
        ("ŞƏRAB", "az"),
        ("Вино", "en"),
    ],
)
def test_search_wine_in_three_languages(query, lang):
    res = S.search_classes(query, lang)
    assert res[0]["code"] == "11.02"
    assert res[0]["title"] == S.title("11.02", lang)


def test_search_multiword_codes_and_limits():
    assert S.search_classes("freight road")[0]["code"] == "49.41"
    assert S.search_classes("оптовая фрукты", "ru")[0]["code"] == "46.31"
    assert [r["code"] for r in S.search_classes("0113")] == ["01.13"]
    assert all(r["code"].startswith("46.3") for r in S.search_classes("46.3", limit=50))
    assert len(S.search_classes("46", limit=5)) == 5
    assert S.search_classes("") == []
    assert S.search_classes("   ") == []
    assert S.search_classes("qwertyuiop") == []
    assert len(S.search_classes("производство", "ru", limit=7)) == 7


# Affinity -----------------------------------------------------------------------------------
def test_affinity_ordering():
    same_class = S.sector_affinity("01.13", "01.13")
    same_group = S.sector_affinity("01.13", "01.11")
    same_division = S.sector_affinity("01.13", "01.41")
    same_section = S.sector_affinity("01.13", "02.40")
    unrelated = S.sector_affinity("01.13", "65.11")
    assert same_class == 1.0
    assert same_class > same_group > same_division > same_section > unrelated
    assert unrelated == 0.0


def test_supply_chain_links_beat_weak_relations():
    linked = S.sector_affinity("01.13", "46.31")
    assert linked > S.sector_affinity("01.13", "62.01") > 0
    assert linked > S.sector_affinity("01.13", "01.41")  # more than same division
    assert S.sector_affinity("01.21", "11.02") >= 0.85  # grapes → winery
    assert S.sector_affinity("01.11", "10.61") >= 0.8  # wheat → flour mill
    assert S.sector_affinity("10.61", "10.71") >= 0.8  # flour → bakery
    assert S.sector_affinity("16.10", "02.20") >= 0.8  # sawmill ← logging
    assert S.sector_affinity("31.09", "16.21") >= 0.7  # furniture ← boards (division endpoint)
    assert S.sector_affinity("49.41", "46.34") >= 0.7  # haulier ↔ any goods wholesaler
    assert S.sector_affinity("79.11", "55.10") >= 0.8  # tourism ↔ hotels
    assert S.sector_affinity("21.20", "46.46") >= 0.8
    assert S.sector_affinity("62.01", "87.30") == 0.4  # software ↔ anyone, weakly


def test_affinity_symmetric_and_bounded():
    codes = [
        "01.13",
        "46.31",
        "10.32",
        "62.01",
        "49.41",
        "52.10",
        "24.10",
        "41.20",
        "85.59",
        "99.00",
        "01",
        "46.3",
        "A",
        "C",
        "11.02",
    ]
    for a in codes:
        for b in codes:
            s = S.sector_affinity(a, b)
            assert 0.0 <= s <= 1.0
            assert s == S.sector_affinity(b, a), (a, b)


def test_affinity_coarser_codes_and_invalid():
    assert S.sector_affinity("01", "01.13") == 0.6
    assert S.sector_affinity("A", "01.13") == 0.3
    assert S.sector_affinity("0113", "01.13") == 1.0
    assert 0 < S.sector_affinity("01", "46.31") < S.sector_affinity("01.13", "46.31")
    assert S.sector_affinity("xx", "01.13") == 0.0
    assert S.sector_affinity("", "") == 0.0


def test_affinity_many_and_reasons():
    best, pair = S.sector_affinity_many(["62.01", "01.13"], ["47.11", "46.31"])
    assert pair == "01.13|46.31"
    assert best == S.sector_affinity("01.13", "46.31")
    assert S.sector_affinity_many([], ["01.13"]) == (0.0, None)
    assert S.sector_affinity_many(["01.13"], ["65.11"]) == (0.0, None)
    assert S.sector_affinity_many(["01.13", "46.31"], ["46.31"]) == (1.0, "46.31|46.31")
    en = S.affinity_reason("01.13", "46.31", "en")
    assert en.startswith(
        "01.13 Growing of vegetables and melons, roots and tubers ↔ 46.31 Wholesale of fruit"
    )
    assert "wholesaler" in en
    assert "Торговля оптовая фруктами и овощами" in S.affinity_reason("01.13", "46.31", "ru")
    assert "topdansatış" in S.affinity_reason("01.13", "46.31", "az")
    assert "same group" in S.affinity_reason("01.13", "01.11", "en")
    assert S.affinity_reason("01.13", "65.11", "en") == ""


# Links table --------------------------------------------------------------------------------
def test_links_reference_existing_codes_and_are_well_formed(all_codes):
    doc = S.load_links()
    assert doc["note"]
    assert doc["sources"]
    links = doc["links"]
    assert len(links) >= 80
    pairs = set()
    for ln in links:
        assert ln["a"] in all_codes | {"*"}, ln
        assert ln["b"] in all_codes | {"*"}, ln
        assert ln["a"] != ln["b"]
        assert 0.4 <= ln["w"] <= 0.9
        assert all(ln["why"].get(lang, "").strip() for lang in ("en", "ru", "az")), ln
        key = frozenset((ln["a"], ln["b"]))
        assert key not in pairs, ln
        pairs.add(key)
