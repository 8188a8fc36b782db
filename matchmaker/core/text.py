"""Text normalisation across Azerbaijani Latin, Russian Cyrillic and English.

Pure Python: no Flask, no SQLAlchemy. Three levels of keys:

* ``fold(s)``: Azerbaijani-aware case folding plus diacritic folding (ə→e, ş→s, ı/İ→i, ё→е,
  й stays й); keeps the script (Cyrillic stays Cyrillic); punctuation becomes a single space.
* ``to_latin(s)``: ``fold`` and then Cyrillic transliterated to plain Latin in the usual Russian
  passport/BGN style (ж→zh, х→kh, ч→ch, ц→ts, й→y, ье→ye …).
* ``phonetic_key(s)``: one consonant-skeleton-like key for both scripts, so that Гянджа and Gəncə,
  Zhiguli and Jiguli, Kholding and Xolding, Abşeron and Апшерон come together.

``phonetic_key`` rules (applied to ``to_latin``):

* digraphs first: shch/sch/sh/ş→s, dzh/dj/tch/ch/zh/ts/tz/c/ç/j→j (Azerbaijani c is "dzh",
  ç is "ch", j is "zh"; users drop the diacritics, so all these affricates share one class),
  kh/gh/x/h/q/ğ/g/k→k (Azerbaijani q and ğ are rendered г/к/х in Russian, x is "kh"), ph→f;
* voicing pairs merged: b/p→p, d/t→t, v/f/w→f, z/s→s;
* every run of vowels (a e i o u y ə ı ö ü, and y/й which Russian renderings drop or add) → one
  ``a``; doubled letters collapse.

So Gəncə = Гянджа = "kanja", Qəbələ = Габала = "kapala", Lənkəran = Ленкорань = "lankaran".
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "fold",
    "to_latin",
    "phonetic_key",
    "phonetic_tokens",
    "tokens",
    "latin_tokens",
    "CYR_TO_LAT",
    "has_cyrillic",
]

# Azerbaijani and Turkish letters first: ``str.lower`` gets İ wrong (two code points) and
# knows nothing of dotless ı.
_AZ_CASE = str.maketrans({"İ": "i", "I": "i", "ı": "i", "Ə": "e", "ə": "e", "Ё": "е", "ё": "е"})
_ASCII = str.maketrans(
    {
        "ş": "s",
        "ç": "c",
        "ğ": "g",
        "ö": "o",
        "ü": "u",
        "ä": "a",
        "æ": "ae",
        "ø": "o",
        "ß": "ss",
        "œ": "oe",
        "ł": "l",
        "đ": "d",
        "ı": "i",
        # apostrophes and similar join the word ("Gəncə'nin" → "gencenin")
        "'": "",
        "’": "",
        "ʼ": "",
        "`": "",
        "´": "",
        "‘": "",
    }
)
_PUNCT = re.compile(r"[\W_]+", re.UNICODE)
_SPACE = re.compile(r"\s+")
_CYR = re.compile(r"[\u0400-\u04ff]")

CYR_TO_LAT = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    # Azerbaijani Cyrillic (older texts), Ukrainian/Kazakh letters seen in names
    "ә": "e",
    "ғ": "g",
    "ҝ": "g",
    "ҹ": "c",
    "ө": "o",
    "ү": "u",
    "һ": "h",
    "ј": "y",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "қ": "k",
    "ң": "n",
    "ұ": "u",
}
_CYR_VOWELS = set("аеёиоуыэюяәөүі")
# ь/ъ before a iotated vowel is heard as "y": Заречье → Zarechye, Ульяновск → Ulyanovsk.
_IOTATED = {"е": "ye", "ё": "yo", "ю": "yu", "я": "ya", "и": "yi"}


def has_cyrillic(s: str) -> bool:
    return bool(_CYR.search(s))


def fold(s: str) -> str:
    """Lower-case, fold Azerbaijani letters and diacritics, drop punctuation.

    >>> fold("İSMAYILLI Şərab-MMC")
    'ismayilli serab mmc'
    >>> fold("Ёлка Йогурт")
    'елка йогурт'
    """
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).translate(_AZ_CASE).lower().translate(_ASCII)
    if not s.isascii():
        # strip remaining combining marks but keep й (NFD would turn it into и + breve)
        out: list[str] = []
        for ch in unicodedata.normalize("NFD", s):
            if unicodedata.combining(ch):
                if ch == "\u0306" and out and out[-1] == "и":
                    out[-1] = "й"
                elif ch == "\u0308" and out and out[-1] == "е":
                    pass  # ё → е
                continue
            out.append(ch)
        s = "".join(out).translate(_AZ_CASE)
    s = _PUNCT.sub(" ", s)
    return _SPACE.sub(" ", s).strip()


def _cyr_word_to_latin(w: str) -> str:
    out = []
    n = len(w)
    for i, ch in enumerate(w):
        if ch in "ьъ":
            nxt = w[i + 1] if i + 1 < n else ""
            if nxt in _IOTATED:
                out.append("y")
            continue
        if ch == "е" and i == 0:
            out.append("e")  # Екатеринбург: both "E…" and "Ye…" are written; keep the short one
            continue
        lat = CYR_TO_LAT.get(ch)
        if lat is None:
            out.append(ch)
        elif ch == "й" and out and out[-1].endswith("y"):
            continue  # -ый → -y (Nizhniy/Nizhny keep close)
        else:
            out.append(lat)
    return "".join(out)


def to_latin(s: str) -> str:
    """``fold`` then transliterate Cyrillic to Latin (ASCII for Russian letters)."""
    s = fold(s)
    if not has_cyrillic(s):
        return s
    return " ".join(_cyr_word_to_latin(w) if has_cyrillic(w) else w for w in s.split(" "))


# Phonetic key ---------------------------------------------------------------------------
_PHON_MULTI = re.compile(r"shch|sch|dzh|tch|dj|kh|gh|zh|ch|sh|ts|tz|ph|ck")
_PHON_MULTI_MAP = {
    "shch": "s",
    "sch": "s",
    "dzh": "j",
    "tch": "j",
    "dj": "j",
    "kh": "k",
    "gh": "k",
    "zh": "j",
    "ch": "j",
    "sh": "s",
    "ts": "j",
    "tz": "j",
    "ph": "f",
    "ck": "k",
}
_PHON_SINGLE = str.maketrans(
    {
        "a": "a",
        "e": "a",
        "i": "a",
        "o": "a",
        "u": "a",
        "y": "a",
        "b": "p",
        "p": "p",
        "d": "t",
        "t": "t",
        "g": "k",
        "k": "k",
        "q": "k",
        "x": "k",
        "h": "k",
        "v": "f",
        "f": "f",
        "w": "f",
        "z": "s",
        "s": "s",
        "c": "j",
        "j": "j",
    }
)
_REPEAT = re.compile(r"(.)\1+")


def _phon_word(w: str) -> str:
    if w.isdigit():
        return w
    w = _PHON_MULTI.sub(lambda m: _PHON_MULTI_MAP[m.group(0)], w)
    w = w.translate(_PHON_SINGLE)
    return _REPEAT.sub(r"\1", w)


def phonetic_key(s: str) -> str:
    """A coarse key on which transliteration variants of one word coincide.

    Words stay separated by single spaces; digits are kept as they are.

    >>> phonetic_key("Gəncə") == phonetic_key("Гянджа") == phonetic_key("Gence")
    True
    """
    return " ".join(phonetic_tokens(s))


def phonetic_tokens(s: str) -> list[str]:
    return [p for p in (_phon_word(w) for w in to_latin(s).split()) if p]


def tokens(s: str) -> list[str]:
    """Folded words (script kept)."""
    return fold(s).split()


def latin_tokens(s: str) -> list[str]:
    return to_latin(s).split()
