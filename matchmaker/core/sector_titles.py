"""Titles of NACE Rev. 2 codes in az, ru and en, and the search over class titles.

Pure Python. :func:`title` and :func:`label` give a code's title in a language, falling back to
English (Azerbaijani titles exist for sections, divisions and part of the classes).
:func:`search_classes` feeds the searchable sector picker: a code prefix, or words matched
against the folded class titles of every language (exact word > same stem > word prefix >
substring), so "serab" finds "şərab" and "вино" finds the same classes as "wine".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypedDict

from .sector_codes import nace_index, require_code
from .text import fold

__all__ = ["ClassMatch", "classes_naming", "label", "search_classes", "title"]


def title(code: str, lang: str = "en") -> str:
    """Title of ``code`` in ``lang`` (az, ru, en), falling back to English. KeyError if unknown."""
    t = nace_index().titles[require_code(code)]
    return t.get(lang) or t["en"]


def label(code: str, lang: str = "en") -> str:
    """``"01.13 Growing of vegetables and melons, roots and tubers"``."""
    c = require_code(code)
    return f"{c} {title(c, lang)}"


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
    ix = nace_index()
    out = []
    for c in ix.classes:
        text: dict[str, str] = {}
        words: dict[str, tuple[str, ...]] = {}
        stems: dict[str, frozenset[str]] = {}
        for lang, t in ix.titles[c].items():
            f = fold(t)
            text[lang] = f
            words[lang] = tuple(f.split())
            stems[lang] = frozenset(_stem(w) for w in words[lang])
        out.append(_Entry(c, c.replace(".", ""), text, words, stems))
    return tuple(out)


@lru_cache(maxsize=1)
def _word_index() -> dict[str, frozenset[str]]:
    """Folded title word (and ``~`` + its stem) -> the classes whose title, in some language, has it."""
    ix: dict[str, set[str]] = {}
    for e in _search_entries():
        for lang, ws in e.words.items():
            for w in ws:
                ix.setdefault(w, set()).add(e.code)
            for st in e.stems[lang]:
                ix.setdefault("~" + st, set()).add(e.code)
    return {k: frozenset(v) for k, v in ix.items()}


def classes_naming(term: str) -> list[str]:
    """Classes whose title, in some language, has every word of ``term`` as written or by a stem
    of four letters or more ("wine" → 11.02, 11.03; not "мед" → "медь"); sorted by code."""
    toks = fold(term).split()
    if not toks:
        return []
    ix = _word_index()
    found: frozenset[str] | None = None
    for t in toks:
        st = _stem(t)
        codes = ix.get(t, frozenset()) | (ix.get("~" + st, frozenset()) if len(st) >= 4 else frozenset())
        found = codes if found is None else found & codes
        if not found:
            return []
    return sorted(found or ())


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


class ClassMatch(TypedDict):
    code: str
    title: str  # in the language asked for
    score: float


def search_classes(query: str, lang: str = "en", limit: int = 20) -> list[ClassMatch]:
    """Classes for a searchable picker: ``[{"code", "title", "score"}]``, best first.

    A query of digits and dots is a code prefix ("01.1", "0113", "46"). Otherwise every word of
    the query must match a word of the class title in some language (az, ru, en; folded, so
    "serab" finds "şərab"): exact word > same stem > word prefix > substring (5+ letters); a match in
    ``lang`` counts a little more. Titles are returned in ``lang``.
    """
    if not query or not query.strip() or limit <= 0:
        return []
    q = query.strip()
    if _CODE_QUERY.match(q):
        return _by_code_prefix(q, lang, limit)
    toks = fold(q).split()
    if not toks:
        return []
    tstems = [_stem(t) for t in toks]
    scored: list[tuple[float, int, str]] = []
    for e in _search_entries():
        total = _entry_score(toks, tstems, e, lang)
        if total is not None:
            tlen = len(e.text.get(lang) or e.text["en"])
            scored.append((-total, tlen, e.code))
    scored.sort()
    return [{"code": c, "title": title(c, lang), "score": round(-s, 3)} for s, _, c in scored[:limit]]


def _by_code_prefix(q: str, lang: str, limit: int) -> list[ClassMatch]:
    digits = re.sub(r"[^\d]", "", q)
    if not digits:
        return []
    hits = [e.code for e in _search_entries() if e.digits.startswith(digits)]
    return [{"code": c, "title": title(c, lang), "score": 1.0} for c in hits[:limit]]


def _entry_score(toks: list[str], tstems: list[str], e: _Entry, lang: str) -> float | None:
    """Sum over query words of their best match in any language; None if a word matches none."""
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
            return None
        total += best
    return total
