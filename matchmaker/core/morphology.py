"""Light morphology for Russian, Azerbaijani and English trade vocabulary.

Pure Python, no dependencies. Works on *folded* tokens (see :func:`matchmaker.core.text.fold`):
lower case, Azerbaijani letters folded to ASCII (ə→e, ı→i, ş→s, ğ→g …), Cyrillic kept.

The goal is not linguistic truth but *consistency*: a lexicon lemma and its inflected forms
(plural, case, possessive, adjective agreement) must reduce to one stem, and distinct trade words
should stay apart.

* Russian (Cyrillic tokens): the Snowball (Porter) Russian stemmer without its verb step
  (items are nouns and adjectives; "автомобили" must not lose "-или"): томатами → томат,
  яблоки/яблоко → яблок, мороженая/мороженую → морожен, грецкие/грецкий → грецк.
* Latin tokens (Azerbaijani or English; the script does not tell which): English plural rules
  (-ies, -oes, -ches, -s) followed by Azerbaijani suffix stripping (plural -lar/-ler, possessive
  -i/-u/-si/-su, genitive -nin/-in, locative/ablative -da/-dan, dative -a/-e/-ya …), with a
  minimum stem length so that short words (nar, bal, qoz, et) survive. Final q/ğ alternation
  (balıq / balığı) is normalised to g.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["AZ_SUFFIXES", "stem", "stem_ru", "stem_latin", "stem_tokens", "is_cyrillic"]

# --------------------------------------------------------------------------------------------
# Russian: Snowball stemmer
# --------------------------------------------------------------------------------------------
_RU_VOWELS = "аеиоуыэюя"

_PERFECTIVE_GERUND_1: tuple[str, ...] = ("вшись", "вши", "в")  # preceded by а / я
_PERFECTIVE_GERUND_2: tuple[str, ...] = ("ившись", "ывшись", "ивши", "ывши", "ив", "ыв")
_ADJECTIVE: tuple[str, ...] = (
    "ими",
    "ыми",
    "его",
    "ого",
    "ему",
    "ому",
    "ее",
    "ие",
    "ые",
    "ое",
    "ей",
    "ий",
    "ый",
    "ой",
    "ем",
    "им",
    "ым",
    "ом",
    "их",
    "ых",
    "ую",
    "юю",
    "ая",
    "яя",
    "ою",
    "ею",
)
_PARTICIPLE_1: tuple[str, ...] = ("ем", "нн", "вш", "ющ", "щ")  # preceded by а / я
_PARTICIPLE_2: tuple[str, ...] = ("ивш", "ывш", "ующ")
_REFLEXIVE = ("ся", "сь")
_VERB_1: tuple[str, ...] = (
    "ете",
    "йте",
    "ешь",
    "нно",
    "ла",
    "на",
    "ли",
    "ем",
    "ло",
    "но",
    "ет",
    "ют",
    "ны",
    "ть",
    "й",
    "л",
    "н",
)  # preceded by а / я
_VERB_2: tuple[str, ...] = (
    "ейте",
    "уйте",
    "ила",
    "ыла",
    "ена",
    "ите",
    "или",
    "ыли",
    "ило",
    "ыло",
    "ено",
    "ует",
    "уют",
    "ены",
    "ить",
    "ыть",
    "ишь",
    "ей",
    "уй",
    "ил",
    "ыл",
    "им",
    "ым",
    "ен",
    "ят",
    "ит",
    "ыт",
    "ую",
    "ю",
)
_NOUN: tuple[str, ...] = (
    "иями",
    "ями",
    "ами",
    "ией",
    "иям",
    "ием",
    "иях",
    "ев",
    "ов",
    "ие",
    "ье",
    "еи",
    "ии",
    "ей",
    "ой",
    "ий",
    "ям",
    "ем",
    "ам",
    "ом",
    "ах",
    "ях",
    "ию",
    "ью",
    "ия",
    "ья",
    "а",
    "е",
    "и",
    "й",
    "о",
    "у",
    "ы",
    "ь",
    "ю",
    "я",
)
_SUPERLATIVE = ("ейше", "ейш")
_DERIVATIONAL = ("ость", "ост")


def _by_len(endings: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted(endings, key=len, reverse=True))


_PERFECTIVE_GERUND_1 = _by_len(_PERFECTIVE_GERUND_1)
_PERFECTIVE_GERUND_2 = _by_len(_PERFECTIVE_GERUND_2)
_ADJECTIVE = _by_len(_ADJECTIVE)
_PARTICIPLE_1 = _by_len(_PARTICIPLE_1)
_PARTICIPLE_2 = _by_len(_PARTICIPLE_2)
_VERB_1 = _by_len(_VERB_1)
_VERB_2 = _by_len(_VERB_2)
_NOUN = _by_len(_NOUN)


def _regions(word: str) -> tuple[int, int]:
    """Start offsets of RV and R2 (Snowball definitions)."""
    rv = len(word)
    for i, ch in enumerate(word):
        if ch in _RU_VOWELS:
            rv = i + 1
            break
    r1 = len(word)
    for i in range(1, len(word)):
        if word[i] not in _RU_VOWELS and word[i - 1] in _RU_VOWELS:
            r1 = i + 1
            break
    r2 = len(word)
    for i in range(r1 + 1, len(word)):
        if word[i] not in _RU_VOWELS and word[i - 1] in _RU_VOWELS:
            r2 = i + 1
            break
    return rv, r2


def _strip(word: str, start: int, endings: Iterable[str], preceded: bool = False) -> str | None:
    """Remove the longest of ``endings`` lying in word[start:]; None when nothing matched.

    With ``preceded`` the ending must follow а or я (which stays)."""
    region = word[start:]
    for e in endings:
        if region.endswith(e):
            if preceded:
                if len(region) > len(e) and region[-len(e) - 1] in "ая":
                    return word[: -len(e)]
                continue
            return word[: -len(e)]
    return None


def _strip_group(word: str, start: int, group1: Iterable[str], group2: Iterable[str]) -> str | None:
    """Longest match over a (preceded-by-а/я) group and a plain group."""
    best = None
    for res in (_strip(word, start, group1, True), _strip(word, start, group2)):
        if res is not None and (best is None or len(res) < len(best)):
            best = res
    return best


def _step1(word: str, rv: int) -> str:
    """Perfective gerund; else reflexive, then an adjective (with a participle) or a noun ending."""
    w = _strip_group(word, rv, _PERFECTIVE_GERUND_1, _PERFECTIVE_GERUND_2)
    if w is not None:
        return w
    w = _strip(word, rv, _REFLEXIVE) or word
    res = None
    adj = _strip(w, rv, _ADJECTIVE)
    if adj is not None:
        part = _strip_group(adj, rv, _PARTICIPLE_1, _PARTICIPLE_2)
        res = part if part is not None else adj
    # Snowball tries verb endings before noun endings, which cuts nouns such as
    # "автомобили" to "автомоб" (-или); trade items are nouns and adjectives, so verb
    # endings are left out.
    if res is None:
        res = _strip(w, rv, _NOUN)
    return res if res is not None else w


def _step4(w: str, rv: int) -> str:
    """Undouble н, or drop a superlative ending (then undouble н), or drop a soft sign."""
    if w[rv:].endswith("нн"):
        return w[:-1]
    s = _strip(w, rv, _SUPERLATIVE)
    if s is not None:
        return s[:-1] if s[rv:].endswith("нн") else s
    if w[rv:].endswith("ь"):
        return w[:-1]
    return w


@lru_cache(maxsize=65536)
def stem_ru(word: str) -> str:
    """Snowball Russian stemmer on a folded (lower-case, ё→е) Cyrillic word."""
    if len(word) < 3:
        return word
    rv, r2 = _regions(word)
    w = _step1(word, rv)
    # Step 2
    if w[rv:].endswith("и"):
        w = w[:-1]
    # Step 3
    d = _strip(w, max(r2, rv), _DERIVATIONAL)
    if d is not None:
        w = d
    w = _step4(w, rv)
    # fleeting vowel: огурец / огурцы, перец / перцы, сырец / сырца meet at "огурц", "перц"
    if len(w) >= 5 and w.endswith("ец") and w[-3] not in _RU_VOWELS:
        w = w[:-2] + "ц"
    # keep at least two letters of a real word
    return w if len(w) >= 2 else word


# --------------------------------------------------------------------------------------------
# Latin script: English plurals, then Azerbaijani suffixes
# --------------------------------------------------------------------------------------------
_LAT_VOWELS = set("aeiouy")

# Azerbaijani suffixes after folding (ı→i, ə→e, ü→u, ö→o), by layer. A word is
# stem + plural + possessive + case, so they are stripped from the end in that order: after a
# case suffix a possessive or plural may follow, after a possessive only a plural, after a
# plural nothing ("broiler" is not broi-ler-i's kin, "narinui" is not nar-ın-u-i).
_CASE, _POSS, _PLUR = 3, 2, 1
AZ_SUFFIXES = sorted(
    [
        (s, _PLUR)
        for s in (
            "larinin",
            "lerinin",
            "larindan",
            "lerinden",
            "larinda",
            "lerinde",
            "larina",
            "lerine",
            "larini",
            "lerini",
            "lardan",
            "lerden",
            "larda",
            "lerde",
            "lari",
            "leri",
            "lar",
            "ler",
        )
    ]
    + [
        (s, _POSS)
        for s in (
            "sinin",
            "sunun",
            "sindan",
            "sinden",
            "sundan",
            "sinda",
            "sinde",
            "sunda",
            "sini",
            "sunu",
            "sina",
            "sine",
            "suna",
            "si",
            "su",
            "i",
            "u",
        )
    ]
    + [
        (s, _CASE)
        for s in (
            "nden",
            "ndan",
            "nda",
            "nde",
            "nin",
            "nun",
            "dan",
            "den",
            "tan",
            "ten",
            "da",
            "de",
            "ta",
            "te",
            "ya",
            "ye",
            "ni",
            "nu",
            "in",
            "un",
        )
    ],
    key=lambda t: len(t[0]),
    reverse=True,
)
_AFTER_VOWEL = {
    "si",
    "su",
    "nin",
    "nun",
    "ni",
    "nu",
    "sini",
    "sunu",
    "sina",
    "sine",
    "suna",
    "sinin",
    "sunun",
    "sindan",
    "sinden",
    "sundan",
    "sinda",
    "sinde",
    "sunda",
    "ya",
    "ye",
}
_MIN_STEM = 3

# a few irregular Azerbaijani forms (buffer consonant y in su → suyu)
_IRREGULAR = {"suyu": "su", "suyun": "su", "suyunu": "su", "sulari": "su"}
_NON_SUFFIX_S = ("ss", "us", "is", "ys")


def _english_plural(w: str) -> str:
    n = len(w)
    if n <= 3:
        return w
    if w.endswith("ies") and n > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if n > 4 and (
        w.endswith("oes")
        or w.endswith("ches")
        or w.endswith("shes")
        or w.endswith("xes")
        or w.endswith("zes")
    ):
        return w[:-2]
    if w.endswith("s") and not w.endswith(_NON_SUFFIX_S):
        return w[:-1]
    return w


def _has_vowel(s: str) -> bool:
    return any(ch in _LAT_VOWELS for ch in s)


_ENGLISH_ONLY = re.compile(r"w|ch|sh|th|ph|ck")


@lru_cache(maxsize=65536)
def stem_latin(word: str) -> str:
    """Stem a folded Latin-script word (Azerbaijani or English)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.isalpha():
        # ət → əti, un → unu: a vowel-initial two-letter stem with possessive -i/-u
        if len(word) == 3 and word[2] in "iu" and word[0] in _LAT_VOWELS and word[1] not in _LAT_VOWELS:
            return word[:2]
        return _final(word)
    w = _english_plural(word)
    if w.endswith("y") and len(w) > 3:
        # English (cherry / cherries -> cherri); Azerbaijani words do not end so: no suffixes
        return w[:-1] + "i"
    # Azerbaijani suffixes only on a word that can be Azerbaijani: its alphabet has no w and
    # writes ç ş (folded c s), never the English digraphs, so "chain", "grains" keep their -in
    # ("chains" stemmed "cha" met the stem of "чай")
    layer = _CASE + 1 if not _ENGLISH_ONLY.search(w) else _PLUR
    while layer > _PLUR:
        for suf, lay in AZ_SUFFIXES:
            if lay >= layer or not w.endswith(suf):
                continue
            rest = w[: -len(suf)]
            if len(rest) < _MIN_STEM or not _has_vowel(rest):
                continue
            # -si, -nin, -ni, -ya after a vowel-final stem only (meyvesi, almanin, almaya)
            if suf in _AFTER_VOWEL and rest[-1] not in _LAT_VOWELS:
                continue
            w, layer = rest, lay
            break
        else:
            break
    # one final vowel is dropped whatever it is (lemma "hissə" and "hissə-lər-i" meet at
    # "hiss"; "alma" / "almalar", "boru" / "borular", "cheese" / "cheeses" alike)
    if len(w) >= 4 and w[-1] in "aeiou":
        w = w[:-1]
    return _final(w)


def _final(w: str) -> str:
    # Azerbaijani final q / intervocalic ğ (balıq / balığı), final k / y (çörək / çörəyi) are
    # not undone; only q/g is merged, which is safe for trade vocabulary. A final English -y
    # left after Azerbaijani suffixes (barleyler) is spelled as above.
    if len(w) > 2 and w.endswith("q"):
        return w[:-1] + "g"
    if len(w) > 3 and w.endswith("y"):
        return w[:-1] + "i"
    return w


def is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def stem(word: str) -> str:
    """Stem one folded token, choosing the rules by script."""
    if not word:
        return word
    if word.isdigit():
        return word
    if is_cyrillic(word):
        return stem_ru(word)
    return stem_latin(word)


_TOKEN = re.compile(r"\w+", re.UNICODE)


def stem_tokens(folded: str) -> list[str]:
    """Stems of every token of an already folded string."""
    return [stem(t) for t in _TOKEN.findall(folded)]
