"""The strength of a suggestion: its score on a calibrated 0–100 scale, in three bands a reader
can trust at a glance (pure core).

A suggestion's band is decided by its best item match, before anything else counts:

========  ==========  ==========================================================================
band      score       what it means
========  ==========  ==========================================================================
direct    60–100      one firm offers the very product (or a narrower / broader one) the other
                      needs: a tier-0 match of the engine (item value ≥ ``DIRECT_FLOOR``)
related   25–<60      only related goods: the same HS heading, product group or HS chapter
sector    0–<25       no product in common: sector affinity, a shared language, verification
========  ==========  ==========================================================================

Within a band the score keeps the engine's proportions (best item match, other direct matches,
sector, language, verification): ``base(band) + SLOPE·best + W_MORE·min(1, more) + secondary``;
the bands' ranges do not overlap, so ordering by score orders by band first. See
docs/matching.md.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "BASE_DIRECT",
    "BASE_RELATED",
    "SLOPE",
    "Band",
    "band_of",
    "band_label",
    "strength_label",
]

BASE_DIRECT = 60.0  # the lowest score of a direct match (its best item value DIRECT_FLOOR)
BASE_RELATED = 25.0  # the score floor of a related-goods match
SLOPE = 43.0  # score points per unit of item value above the band's base


class Band(StrEnum):
    DIRECT = "direct"
    RELATED = "related"
    SECTOR = "sector"


def band_of(score: float) -> Band:
    """The band of a shown (or stored) score."""
    if score >= BASE_DIRECT:
        return Band.DIRECT
    if score >= BASE_RELATED:
        return Band.RELATED
    return Band.SECTOR


_LABELS: dict[str, dict[Band, str]] = {
    "en": {Band.DIRECT: "Direct match", Band.RELATED: "Related goods", Band.SECTOR: "Same sector"},
    "ru": {Band.DIRECT: "Прямое совпадение", Band.RELATED: "Смежные товары", Band.SECTOR: "Та же отрасль"},
    "az": {Band.DIRECT: "Birbaşa uyğunluq", Band.RELATED: "Əlaqəli mallar", Band.SECTOR: "Eyni sahə"},
}
# the sector band of a pair whose activities are not related either: a shared language at most
_LITTLE = {"en": "Little in common", "ru": "Мало общего", "az": "Az ortaq cəhət"}
_HINTS: dict[str, dict[Band, str]] = {
    "en": {
        Band.DIRECT: "One of you offers exactly what the other needs",
        Band.RELATED: "Related products, not the same one",
        Band.SECTOR: "No product in common: close activities, language",
    },
    "ru": {
        Band.DIRECT: "Одна компания предлагает именно то, что нужно другой",
        Band.RELATED: "Похожие товары, но не тот же самый",
        Band.SECTOR: "Общих товаров нет: близкие виды деятельности, язык",
    },
    "az": {
        Band.DIRECT: "Şirkətlərdən biri digərinə lazım olan məhz həmin malı təklif edir",
        Band.RELATED: "Oxşar mallar, amma eyni mal deyil",
        Band.SECTOR: "Ortaq mal yoxdur: yaxın fəaliyyət sahələri, dil",
    },
}


def band_label(band: Band | str, lang: str = "en", hint: bool = False) -> str:
    """The band's name ("Direct match", "Прямое совпадение", "Birbaşa uyğunluq") or, with
    ``hint``, a sentence saying what it means, in ``lang`` (en, ru, az)."""
    table = (_HINTS if hint else _LABELS).get(lang, _LABELS["en"] if not hint else _HINTS["en"])
    return table[Band(band)]


def strength_label(score: float, related_activities: bool, lang: str = "en") -> str:
    """The words for a suggestion's strength: its band's name, except that a pair with no product
    in common whose activities are not related either (``related_activities`` false: no sector
    reason) reads "Little in common", not "Same sector"."""
    band = band_of(score)
    if band == Band.SECTOR and not related_activities:
        return _LITTLE.get(lang, _LITTLE["en"])
    return band_label(band, lang)
