"""The NACE Rev. 2 data speaks all three languages: every section, division, group and class has
its English, Russian and Azerbaijani title, and the Azerbaijani one is Azerbaijani."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import matchmaker

NACE = json.loads((Path(matchmaker.__file__).parent / "data" / "nace.json").read_text(encoding="utf-8"))
LEVELS = ("sections", "divisions", "groups", "classes")
COUNTS = {"sections": 21, "divisions": 88, "groups": 272, "classes": 615}
# Azerbaijani titles that are written as in English: proper names only (none today)
PROPER_NAMES: set[str] = set()
AZ_LETTERS = re.compile(r"[əğıöşüçƏĞİÖŞÜÇ]")
# English words that never belong in an Azerbaijani title
ENGLISH = re.compile(
    r"\b(of|and|the|for|manufacture|wholesale|retail|sale|activities|growing|production|services?|"
    r"except|other|n\.e\.c)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("level", LEVELS)
def test_every_code_has_three_titles(level):
    items = NACE[level]
    assert len(items) == COUNTS[level]
    missing = [
        x["code"]
        for x in items
        if not all((x["title"].get(lang) or "").strip() for lang in ("en", "ru", "az"))
    ]
    assert not missing, f"{level} without an en, ru or az title: {missing}"


@pytest.mark.parametrize("level", LEVELS)
def test_azerbaijani_titles_are_azerbaijani(level):
    for x in NACE[level]:
        title = x["title"]
        az = title["az"]
        if az in PROPER_NAMES:
            continue
        assert az.casefold() != title["en"].casefold(), (x["code"], az)
        assert az != title["ru"], (x["code"], az)
        assert not re.search(r"[а-яё]", az, re.IGNORECASE), (x["code"], az)  # not Cyrillic
        assert not ENGLISH.search(az), (x["code"], az)
        assert az == az.strip(), (x["code"], az)
        assert "  " not in az, (x["code"], az)
        assert az[0].isupper(), (x["code"], az)


def test_azerbaijani_titles_follow_one_terminology():
    titles = {x["code"]: x["title"] for level in LEVELS for x in NACE[level]}
    az = {code: t["az"] for code, t in titles.items()}
    # most titles carry Azerbaijani letters: a rendering, not a transliteration of English
    assert sum(bool(AZ_LETTERS.search(t)) for t in az.values()) > 0.9 * len(az)
    for code, t in titles.items():
        if re.fullmatch(r"\d\d\.\d\d", code):
            en = t["en"]
            if en.startswith("Wholesale of"):
                assert az[code].endswith("topdan satışı"), (code, az[code])
            if en.startswith("Retail sale of") and "specialised stores" in en:
                assert az[code].startswith("İxtisaslaşdırılmış mağazalarda"), (code, az[code])
                assert az[code].endswith("pərakəndə satışı"), (code, az[code])
            if en.startswith("Manufacture of") and "," not in en and ";" not in en:
                assert az[code].endswith("istehsalı"), (code, az[code])
            if en.startswith("Growing of"):
                assert az[code].endswith("becərilməsi"), (code, az[code])
            if "n.e.c." in en:
                assert "digər qruplara daxil edilməyən" in az[code].lower(), (code, az[code])
    assert not any("topdansatış" in t for t in az.values())  # one spelling: "topdan satışı"
