"""NACE Rev. 2 sectors: codes, trilingual titles, search, and sector affinity for matching.

Pure Python (no Flask, no SQLAlchemy). Data lives in ``matchmaker/data``:

* ``nace.json``: the 21 sections, 88 divisions, 272 groups and 615 classes of NACE Rev. 2
  with titles in en and ru everywhere and az for sections, divisions and part of the classes;
* ``sector_links.json``: hand-reviewed supply-chain links between codes (grower → processor →
  wholesaler, input supplier → user, carrier ↔ shipper, …), each with a weight and a reason.

Canonical codes: ``"A"`` (section), ``"01"`` (division), ``"01.1"`` (group), ``"01.13"`` (class).

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
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .text import fold

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

LANGS = ("en", "ru", "az")
LEVELS = ("section", "division", "group", "class")
LEVEL_SCORES = {"class": 1.0, "group": 0.8, "division": 0.6, "section": 0.3}
COARSE_LINK_FACTOR = 0.75
WILDCARD = "*"

_LEVEL_WORDS = {
    "class": {"en": "same class", "ru": "тот же класс", "az": "eyni sinif"},
    "group": {"en": "same group", "ru": "та же группа", "az": "eyni qrup"},
    "division": {"en": "same division", "ru": "тот же раздел", "az": "eyni bölmə"},
    "section": {"en": "same section", "ru": "та же секция", "az": "eyni seksiya"},
}


# Loading ------------------------------------------------------------------------------------
def _read_json(name: str) -> dict:
    return json.loads(resources.files("matchmaker.data").joinpath(name).read_text("utf-8"))


@lru_cache(maxsize=1)
def load_nace() -> dict:
    """The parsed ``nace.json`` (cached; treat as read-only)."""
    return _read_json("nace.json")


@lru_cache(maxsize=1)
def load_links() -> dict:
    """The parsed ``sector_links.json`` (cached; treat as read-only)."""
    return _read_json("sector_links.json")


@dataclass
class _Index:
    level: dict[str, str] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    section: dict[str, str] = field(default_factory=dict)
    titles: dict[str, dict[str, str]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    classes: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _index() -> _Index:
    data = load_nace()
    ix = _Index()
    for lvl, key, parent_key in (
        ("section", "sections", None),
        ("division", "divisions", "section"),
        ("group", "groups", "division"),
        ("class", "classes", "group"),
    ):
        for e in data[key]:
            code = e["code"]
            par = e[parent_key] if parent_key else None
            ix.level[code] = lvl
            ix.parent[code] = par
            ix.titles[code] = e["title"]
            ix.children.setdefault(code, [])
            if par is not None:
                ix.children[par].append(code)
            ix.section[code] = code if par is None else ix.section[par]
    ix.classes = tuple(e["code"] for e in data["classes"])
    return ix


# Codes --------------------------------------------------------------------------------------
_DOTTED = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?$")


def normalize_code(s: object, *, allow_subclass: bool = False) -> str | None:
    """Canonical NACE code for ``s`` or ``None`` when it is not a NACE Rev. 2 code.

    Accepts ``"01.13"``, ``"0113"``, ``" 01.13 "``, ``"01,13"`` (decimal comma), ``"1.13"``
    (leading zero lost in a spreadsheet), ``"011"`` → ``"01.1"``, ``"01"``, ``"a"`` → ``"A"``.
    With ``allow_subclass`` an OKVED2-style sub-class (``"01.13.1"``, ``"01.13.11"``) is cut to its
    NACE class.
    """
    if s is None:
        return None
    if isinstance(s, (int, float)) and not isinstance(s, bool):
        s = str(s)
    if not isinstance(s, str):
        return None
    t = re.sub(r"\s+", "", s).replace(",", ".").rstrip(".")
    if not t:
        return None
    ix = _index()
    if len(t) == 1 and t.isalpha():
        t = t.upper()
        return t if ix.level.get(t) == "section" else None
    if t.isdigit():
        if len(t) == 2:
            code = t
        elif len(t) == 3:
            code = f"{t[:2]}.{t[2]}"
        elif len(t) == 4:
            code = f"{t[:2]}.{t[2:]}"
        elif allow_subclass and len(t) in (5, 6):
            code = f"{t[:2]}.{t[2:4]}"
        else:
            return None
        return code if code in ix.level else None
    m = _DOTTED.match(t)
    if not m:
        return None
    div, grp, sub = m.groups()
    div = div.zfill(2)
    if sub is not None and not allow_subclass:
        return None
    if grp is None:
        code = div
    elif len(grp) == 1:
        if sub is not None:  # "01.1.3" is no code form
            return None
        code = f"{div}.{grp}"
    else:
        code = f"{div}.{grp}"
    return code if code in ix.level else None


def _canon(code: str) -> str | None:
    ix = _index()
    if code in ix.level:
        return code
    return normalize_code(code)


def is_valid_code(code: object) -> bool:
    return normalize_code(code) is not None


def is_valid_class(code: object) -> bool:
    """True for a NACE Rev. 2 class (4 digits) in any accepted spelling: "01.13", "0113"."""
    c = normalize_code(code)
    return c is not None and _index().level[c] == "class"


def level_of(code: str) -> str | None:
    c = _canon(code)
    return _index().level[c] if c else None


def _require(code: str) -> str:
    c = _canon(code)
    if c is None:
        raise KeyError(f"not a NACE Rev. 2 code: {code!r}")
    return c


def title(code: str, lang: str = "en") -> str:
    """Title of ``code`` in ``lang`` (az, ru, en), falling back to English. KeyError if unknown."""
    t = _index().titles[_require(code)]
    return t.get(lang) or t["en"]


def label(code: str, lang: str = "en") -> str:
    """``"01.13 Growing of vegetables and melons, roots and tubers"``."""
    c = _require(code)
    return f"{c} {title(c, lang)}"


def parent_of(code: str) -> str | None:
    return _index().parent[_require(code)]


def ancestors(code: str) -> list[str]:
    """From the section down to ``code`` itself: ``["A", "01", "01.1", "01.13"]``."""
    ix = _index()
    c: str | None = _require(code)
    out: list[str] = []
    while c is not None:
        out.append(c)
        c = ix.parent[c]
    return out[::-1]


def _at_level(code: str, lvl: str) -> str | None:
    for a in ancestors(code):
        if _index().level[a] == lvl:
            return a
    return None


def section_of(code: str) -> str | None:
    c = _canon(code)
    return _index().section[c] if c else None


def division_of(code: str) -> str | None:
    return _at_level(code, "division") if _canon(code) else None


def group_of(code: str) -> str | None:
    return _at_level(code, "group") if _canon(code) else None


def children(code: str) -> list[str]:
    return list(_index().children[_require(code)])


def classes_under(code: str) -> list[str]:
    """All classes at or under ``code`` (a class gives itself)."""
    c = _require(code)
    ix = _index()
    if ix.level[c] == "class":
        return [c]
    if ix.level[c] == "section":
        return [k for k in ix.classes if ix.section[k] == c]
    return [k for k in ix.classes if k.startswith(c)]


def all_classes() -> tuple[str, ...]:
    return _index().classes


# Search -------------------------------------------------------------------------------------
_ENDINGS = sorted(
    [
        "ами",
        "ями",
        "ого",
        "его",
        "ому",
        "ему",
        "ыми",
        "ими",
        "ых",
        "их",
        "ый",
        "ий",
        "ой",
        "ая",
        "яя",
        "ое",
        "ее",
        "ые",
        "ие",
        "ам",
        "ям",
        "ах",
        "ях",
        "ов",
        "ев",
        "ом",
        "ем",
        "ей",
        "ию",
        "ия",
        "а",
        "я",
        "о",
        "е",
        "ы",
        "и",
        "у",
        "ю",
        "ь",
        "й",
        "larin",
        "lerin",
        "lari",
        "leri",
        "lar",
        "ler",
        "nin",
        "sinin",
        "si",
        "in",
        "un",
        "ing",
        "ies",
        "es",
        "s",
        "a",
        "e",
        "i",
        "u",
    ],
    key=len,
    reverse=True,
)


def _stem(w: str) -> str:
    """Crude language-agnostic stem: one common ending off, at least three letters kept."""
    if len(w) <= 3:
        return w
    for e in _ENDINGS:
        if w.endswith(e) and len(w) - len(e) >= 3:
            return w[: -len(e)]
    return w


@dataclass(frozen=True)
class _Entry:
    code: str
    digits: str
    text: dict[str, str]  # folded title per language
    words: dict[str, tuple[str, ...]]
    stems: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def _search_entries() -> tuple[_Entry, ...]:
    ix = _index()
    out = []
    for c in ix.classes:
        text, words, stems = {}, {}, {}
        for lang, t in ix.titles[c].items():
            f = fold(t)
            text[lang] = f
            words[lang] = tuple(f.split())
            stems[lang] = frozenset(_stem(w) for w in words[lang])
        out.append(_Entry(c, c.replace(".", ""), text, words, stems))
    return tuple(out)


def _token_score(tok: str, tstem: str, e: _Entry, lang: str) -> float:
    words = e.words[lang]
    if tok in words:
        return 3.0
    if tstem in e.stems[lang]:
        return 2.5
    best = 0.0
    for w in words:
        if w.startswith(tok):
            return 2.0
        if len(tstem) >= 4 and w.startswith(tstem):
            best = 1.5
    if best:
        return best
    if len(tok) >= 5 and tok in e.text[lang]:
        return 0.5
    return 0.0


_CODE_QUERY = re.compile(r"^[\d.,\s]+$")


def search_classes(query: str, lang: str = "en", limit: int = 20) -> list[dict]:
    """Classes for a searchable picker: ``[{"code", "title", "score"}]``, best first.

    A query of digits and dots is a code prefix ("01.1", "0113", "46"). Otherwise every word of
    the query must match a word of the class title in some language (az, ru, en; folded, so
    "serab" finds "şərab"): exact word > same stem > word prefix > substring (5+ letters); a match in
    ``lang`` counts a little more. Titles are returned in ``lang``.
    """
    if not query or not query.strip() or limit <= 0:
        return []
    ix = _index()
    q = query.strip()
    if _CODE_QUERY.match(q):
        digits = re.sub(r"[^\d]", "", q)
        if not digits:
            return []
        hits = [e.code for e in _search_entries() if e.digits.startswith(digits)]
        return [{"code": c, "title": title(c, lang), "score": 1.0} for c in hits[:limit]]
    toks = fold(q).split()
    if not toks:
        return []
    tstems = [_stem(t) for t in toks]
    scored: list[tuple[float, int, str]] = []
    for e in _search_entries():
        total = 0.0
        for tok, ts in zip(toks, tstems, strict=False):
            best = 0.0
            for L in e.words:
                s = _token_score(tok, ts, e, L)
                if s and lang == L:
                    s += 0.25
                if s > best:
                    best = s
            if best == 0.0:
                break
            total += best
        else:
            tlen = len(e.text.get(lang) or e.text["en"])
            scored.append((-total, tlen, e.code))
    scored.sort()
    return [{"code": c, "title": title(c, lang), "score": round(-s, 3)} for s, _, c in scored[:limit]]


# Affinity -----------------------------------------------------------------------------------
@dataclass
class _Links:
    links: list[dict]
    # class -> partner class -> (weight, link index); both directions
    by_class: dict[str, dict[str, tuple[float, int]]]


def _endpoint_classes(ep: str) -> list[str]:
    if ep == WILDCARD:
        return list(_index().classes)
    return classes_under(ep)


@lru_cache(maxsize=1)
def _links() -> _Links:
    links = load_links()["links"]
    ix = _index()
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
    ix = _index()
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
    ix = _index()
    if a not in ix.level or b not in ix.level:
        ca, cb = _canon(a) if isinstance(a, str) else None, _canon(b) if isinstance(b, str) else None
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
    ix = _index()
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
    ca, cb = _canon(a), _canon(b)
    assert ca is not None and cb is not None
    if kind == "link":
        why = _links().links[idx]["why"]
        note = why.get(lang) or why["en"]
    else:
        note = _LEVEL_WORDS[kind].get(lang) or _LEVEL_WORDS[kind]["en"]
    if ca == cb:
        return f"{label(ca, lang)} ({note})"
    return f"{label(ca, lang)} ↔ {label(cb, lang)} ({note})"
