"""Towns written in any script or spelling: "Баку", "Baku", "Bakı" and "baki" are one town.

Pure Python (+ rapidfuzz). Built on :mod:`matchmaker.core.text`: two spellings name the same town
when they fold alike (Bakı / BAKI), transliterate alike (Баку / Baku), or share the phonetic key
(Гянджа / Gəncə, Шеки / Şəki, Габала / Qəbələ: Russian renders Azerbaijani names by convention,
not letter by letter; in one script the spellings must also be close: Baku / Bakı, not Samux /
Şamaxı). Failing those, across scripts, phonetic keys nearly alike with Latin spellings not far apart
(Мингечаур / Mingəçevir, Нахичевань / Naxçıvan) do, so that Gəncə and Göyçay stay apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from .text import fold, has_cyrillic, phonetic_key, to_latin

__all__ = ["matching_cities", "same_city"]

_PHON_NEAR = 85.0  # phonetic keys this alike (rapidfuzz ratio) ...
_LATIN_NEAR = 60.0  # ... and Latin spellings this alike name one town when nothing closer does


@dataclass(frozen=True)
class _Keys:
    folded: str
    latin: str
    phon: str
    cyrillic: bool


def _keys(name: str) -> _Keys:
    return _Keys(fold(name), to_latin(name), phonetic_key(name), has_cyrillic(name))


def _same(a: _Keys, b: _Keys) -> bool:
    """One town for certain: the same letters, transliteration, or sound. In one script the
    sound must come with a spelling at most a letter in four apart (Baku / Bakı, not Samux /
    Şamaxı); across scripts the sound is the convention (Гянджа / Gəncə)."""
    if not a.folded or not b.folded:
        return False
    if a.folded == b.folded or a.latin == b.latin:
        return True
    if a.phon != b.phon:
        return False
    if a.cyrillic != b.cyrillic:
        return True
    limit = max(1, min(len(a.latin), len(b.latin)) // 4)
    return OSA.distance(a.latin, b.latin, score_cutoff=limit) <= limit


def _near(a: _Keys, b: _Keys) -> bool:
    """Perhaps one town: across scripts, sounds nearly alike and spellings not far apart
    (Мингечаур / Mingəçevir, Нахичевань / Naxçıvan; not Gəncə / Göyçay)."""
    if not a.folded or not b.folded or a.cyrillic == b.cyrillic:
        return False  # in one script, a near spelling is another town (Omsk / Tomsk)
    return fuzz.ratio(a.phon, b.phon) >= _PHON_NEAR and fuzz.ratio(a.latin, b.latin) >= _LATIN_NEAR


def same_city(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` name the same town, in whatever script or spelling?

    >>> same_city("Баку", "Bakı") and same_city("Гянджа", "Gəncə") and not same_city("Gəncə", "Göyçay")
    True
    """
    ka, kb = _keys(a), _keys(b)
    return _same(ka, kb) or _near(ka, kb)


def matching_cities(query: str, cities: Iterable[str]) -> list[str]:
    """The spellings among ``cities`` of the town ``query`` names (in their order).

    The nearest town is chosen first (the same letters, then the same sound, then nearly the same
    sound; the closest spelling among equals), then every spelling of that town the query may
    stand for (Baku → Bakı and Баку; Балакен → Balakən, not Beyləqan of the same sound)."""
    q = _keys(query)
    keyed = [(c, _keys(c)) for c in dict.fromkeys(cities)]
    ranked = []
    for c, k in keyed:
        tier = _tier(q, k)
        if tier is not None:
            ranked.append((tier, -fuzz.ratio(q.latin, k.latin), c, k))
    if not ranked:
        return []
    best = min(ranked, key=lambda t: t[:3])[3]
    chosen = {c for _, _, c, k in ranked if k == best or _same(best, k)}
    return [c for c, _ in keyed if c in chosen]


def _tier(q: _Keys, k: _Keys) -> int | None:
    if q.folded and (q.folded == k.folded or q.latin == k.latin):
        return 0
    if _same(q, k):
        return 1
    return 2 if _near(q, k) else None
