"""NACE Rev. 2 sectors for the rest of the app, and sector affinity for matching.

Pure Python (no Flask, no SQLAlchemy). The code table and code handling live in
:mod:`matchmaker.core.sector_codes`, titles and the title search in
:mod:`matchmaker.core.sector_titles`; their public names are re-exported here, so
``from matchmaker.core.sectors import normalize_code, title, sector_affinity`` keeps working.
This module holds the affinity of two sectors, from ``matchmaker/data/sector_links.json``:
hand-reviewed supply-chain links between codes (grower → processor → wholesaler, input supplier →
user, carrier ↔ shipper, …), each with a weight and a reason.

Affinity of two codes is the larger of

* the hierarchy score of their deepest common level: class 1.0, group 0.8, division 0.6,
  section 0.3, nothing 0.0;
* the weight of the strongest supply-chain link joining them (0.4–0.9). A link endpoint covers
  every code under it; a code coarser than an endpoint (a division against a class link) gets
  the link at ``COARSE_LINK_FACTOR`` of its weight.

Class-to-class affinity — the hot path of the matcher — is two dict look-ups over tables built
once; other levels are memoised.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TypedDict

from .sector_codes import (
    LANGS,
    all_classes,
    ancestors,
    canon_code,
    children,
    classes_under,
    division_of,
    group_of,
    is_valid_class,
    is_valid_code,
    level_of,
    load_nace,
    nace_index,
    normalize_code,
    parent_of,
    section_of,
)
from .sector_titles import label, search_classes, title

__all__ = [
    "LANGS",
    "LEVEL_SCORES",
    "COARSE_LINK_FACTOR",
    "load_nace",
    "load_links",
    "normalize_code",
    "is_valid_code",
    "is_valid_class",
    "level_of",
    "title",
    "label",
    "section_of",
    "division_of",
    "group_of",
    "parent_of",
    "ancestors",
    "children",
    "classes_under",
    "all_classes",
    "search_classes",
    "sector_affinity",
    "sector_affinity_many",
    "affinity_reason",
    "affinity_detail",
]

LEVEL_SCORES = {"class": 1.0, "group": 0.8, "division": 0.6, "section": 0.3}
COARSE_LINK_FACTOR = 0.75
WILDCARD = "*"

_LEVEL_WORDS = {
    "class": {"en": "same class", "ru": "тот же класс", "az": "eyni sinif"},
    "group": {"en": "same group", "ru": "та же группа", "az": "eyni qrup"},
    "division": {"en": "same division", "ru": "тот же раздел", "az": "eyni bölmə"},
    "section": {"en": "same section", "ru": "та же секция", "az": "eyni seksiya"},
}


# Links --------------------------------------------------------------------------------------
class LinkRecord(TypedDict):
    a: str  # a NACE code (any level) or WILDCARD
    b: str
    w: float  # weight 0..1
    why: dict[str, str]  # lang -> reason ("vegetable grower → fruit & vegetable wholesaler")


class LinksData(TypedDict):
    note: str
    sources: list[str]
    links: list[LinkRecord]


@lru_cache(maxsize=1)
def load_links() -> LinksData:
    """The parsed ``sector_links.json`` (cached; treat as read-only)."""
    data: LinksData = json.loads(
        resources.files("matchmaker.data").joinpath("sector_links.json").read_text("utf-8")
    )
    return data


# Affinity -----------------------------------------------------------------------------------
@dataclass
class _Links:
    links: list[LinkRecord]
    # class -> partner class -> (weight, link index); both directions
    by_class: dict[str, dict[str, tuple[float, int]]]


def _endpoint_classes(ep: str) -> list[str]:
    if ep == WILDCARD:
        return list(nace_index().classes)
    return classes_under(ep)


@lru_cache(maxsize=1)
def _links() -> _Links:
    links = load_links()["links"]
    ix = nace_index()
    by_class: dict[str, dict[str, tuple[float, int]]] = {c: {} for c in ix.classes}
    for i, ln in enumerate(links):
        w = float(ln["w"])
        ca, cb = _endpoint_classes(ln["a"]), _endpoint_classes(ln["b"])
        for x, ys in ((ca, cb), (cb, ca)):
            for a in x:
                row = by_class[a]
                for b in ys:
                    if a == b:
                        continue
                    cur = row.get(b)
                    if cur is None or w > cur[0]:
                        row[b] = (w, i)
    return _Links(links, by_class)


def _hier_classes(a: str, b: str, sec: dict[str, str]) -> tuple[float, str | None]:
    if a == b:
        return 1.0, "class"
    if a[:4] == b[:4]:
        return 0.8, "group"
    if a[:2] == b[:2]:
        return 0.6, "division"
    if sec[a] == sec[b]:
        return 0.3, "section"
    return 0.0, None


def _ep_match(ep: str, code: str, anc: list[str]) -> float:
    """1.0 if link endpoint ``ep`` covers ``code``; COARSE_LINK_FACTOR if ``code`` is coarser
    and contains ``ep``; else 0."""
    if ep == WILDCARD or ep in anc:
        return 1.0
    if code in ancestors(ep):
        return COARSE_LINK_FACTOR
    return 0.0


@lru_cache(maxsize=65536)
def _detail_general(a: str, b: str) -> tuple[float, str | None, int | None]:
    anc_a, anc_b = ancestors(a), ancestors(b)
    ix = nace_index()
    hier, kind = 0.0, None
    for x, y in zip(anc_a, anc_b, strict=False):
        if x != y:
            break
        hier, kind = LEVEL_SCORES[ix.level[x]], ix.level[x]
    best, best_i = 0.0, None
    for i, ln in enumerate(_links().links):
        w = float(ln["w"])
        if w <= best:
            continue
        for p, q in ((ln["a"], ln["b"]), (ln["b"], ln["a"])):
            f = _ep_match(p, a, anc_a) * _ep_match(q, b, anc_b)
            if f and w * f > best:
                best, best_i = w * f, i
    if best > hier:
        return best, "link", best_i
    return hier, kind, None


def affinity_detail(a: str, b: str) -> tuple[float, str | None, int | None]:
    """``(score, kind, link_index)``: kind is "class"/"group"/"division"/"section" for a
    hierarchy match, "link" for a supply-chain link (with its index in ``load_links()["links"]``),
    ``None`` when unrelated or a code is invalid."""
    ix = nace_index()
    if a not in ix.level or b not in ix.level:
        ca, cb = canon_code(a) if isinstance(a, str) else None, canon_code(b) if isinstance(b, str) else None
        if ca is None or cb is None:
            return 0.0, None, None
        a, b = ca, cb
    if ix.level[a] == "class" and ix.level[b] == "class":
        h, kind = _hier_classes(a, b, ix.section)
        ln = _links().by_class[a].get(b)
        if ln is not None and ln[0] > h:
            return ln[0], "link", ln[1]
        return h, kind, None
    return _detail_general(a, b)


def sector_affinity(a: str, b: str) -> float:
    """Affinity in [0, 1] of two NACE codes (symmetric). Invalid codes give 0.0."""
    ix = nace_index()
    lv = ix.level
    if lv.get(a) == "class" and lv.get(b) == "class":
        if a == b:
            return 1.0
        h = _hier_classes(a, b, ix.section)[0]
        ln = _links().by_class[a].get(b)
        return ln[0] if ln is not None and ln[0] > h else h
    return affinity_detail(a, b)[0]


def sector_affinity_many(codes_a: Iterable[str], codes_b: Iterable[str]) -> tuple[float, str | None]:
    """Best affinity over all pairs and the winning pair as ``"a|b"`` (``None`` if all are 0).

    Pass the pair to ``affinity_reason`` to explain it.
    """
    codes_b = list(codes_b)
    best, pair = 0.0, None
    for a in codes_a:
        for b in codes_b:
            s = sector_affinity(a, b)
            if s > best:
                best, pair = s, f"{a}|{b}"
                if best >= 1.0:
                    return best, pair
    return best, pair


def affinity_reason(a: str, b: str, lang: str = "en") -> str:
    """Human explanation of the affinity of ``a`` and ``b`` in ``lang``, "" when unrelated.

    ``"01.13 Growing of vegetables and melons, roots and tubers ↔ 46.31 Wholesale of fruit and
    vegetables (vegetable grower → fruit & vegetable wholesaler)"``
    """
    score, kind, idx = affinity_detail(a, b)
    if not score or kind is None:
        return ""
    ca, cb = canon_code(a), canon_code(b)
    assert ca is not None
    assert cb is not None
    if kind == "link":
        assert idx is not None  # a link comes with its index
        why = _links().links[idx]["why"]
        note = why.get(lang) or why["en"]
    else:
        note = _LEVEL_WORDS[kind].get(lang) or _LEVEL_WORDS[kind]["en"]
    if ca == cb:
        return f"{label(ca, lang)} ({note})"
    return f"{label(ca, lang)} ↔ {label(cb, lang)} ({note})"
