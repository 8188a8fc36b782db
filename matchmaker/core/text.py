"""Text normalisation across Azerbaijani Latin, Russian Cyrillic and English.

Pure Python: no Flask, no SQLAlchemy. Three levels of keys:

* ``fold(s)``: Azerbaijani-aware case folding plus ASCII folding (ə→e, ş→s, ı/İ→i, ё→е);
  keeps the script (Cyrillic stays Cyrillic).
* ``to_latin(s)``: ``fold`` and then Cyrillic transliterated to plain Latin (ж→zh, х→kh, ч→ch …).
* ``phonetic_key(s)``: one consonant-skeleton-like key for both scripts, so that Гянджа and Gəncə,
  Zhiguli and Jiguli, Kholding and Xolding come together.
"""
from __future__ import annotations

import re
import unicodedata

# Azerbaijani and Turkish letters first: ``str.lower`` gets İ wrong (two code points) and
# knows nothing of dotless ı.
_AZ_CASE = str.maketrans({"İ": "i", "I": "i", "ı": "i", "Ə": "e", "ə": "e"})
_ASCII = str.maketrans(
    {
        "ş": "s", "ç": "c", "ğ": "g", "ö": "o", "ü": "u", "ä": "a", "é": "e", "â": "a",
        "ё": "е", "й": "й",
    }
)
_PUNCT = re.compile(r"[^\w]+", re.UNICODE)
_SPACE = re.compile(r"\s+")

CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Azerbaijani Cyrillic (older texts)
    "ә": "e", "ғ": "g", "ҝ": "g", "ҹ": "c", "ө": "o", "ү": "u", "һ": "h", "ј": "y", "і": "i",
}


def fold(s: str) -> str:
    """Lower-case, fold Azerbaijani letters and diacritics to ASCII, drop punctuation."""
    if not s:
        return ""
    s = unicodedata.normalize("NFC", s).translate(_AZ_CASE).lower().translate(_ASCII)
    # strip remaining combining marks but keep й (NFKD would turn it into и)
    out = []
    for ch in unicodedata.normalize("NFD", s):
        if unicodedata.combining(ch):
            if ch == "\u0306" and out and out[-1] == "и":
                out[-1] = "й"
            continue
        out.append(ch)
    s = "".join(out)
    s = _PUNCT.sub(" ", s).replace("_", " ")
    return _SPACE.sub(" ", s).strip()


def to_latin(s: str) -> str:
    """``fold`` then transliterate Cyrillic to Latin."""
    s = fold(s)
    if not any("\u0400" <= ch <= "\u04ff" for ch in s):
        return s
    return "".join(CYR_TO_LAT.get(ch, ch) for ch in s)


# Phonetic key: map both scripts onto one reduced alphabet.
_PHON_MULTI = [
    ("shch", "s"), ("dzh", "j"), ("tsh", "c"), ("kh", "h"), ("zh", "j"), ("ch", "c"),
    ("sh", "s"), ("ts", "c"), ("dj", "j"), ("gh", "g"), ("yu", "u"), ("ya", "a"), ("yo", "o"),
    ("ye", "e"),
]
_PHON_SINGLE = str.maketrans({"x": "h", "q": "g", "w": "v", "y": "i", "c": "j", "z": "z"})


def phonetic_key(s: str) -> str:
    """A coarse key on which transliteration variants of one word coincide."""
    s = to_latin(s)
    # Azerbaijani c (= dzh) and ç (= ch) both folded to c by ``fold``: treat as j/c alike.
    for a, b in _PHON_MULTI:
        s = s.replace(a, b)
    s = s.translate(_PHON_SINGLE)
    # vowels: collapse e/a after g/k (Гянджа = Gəncə), and doubled letters
    s = re.sub(r"(.)\1+", r"\1", s)
    return s


def tokens(s: str) -> list[str]:
    return fold(s).split()
