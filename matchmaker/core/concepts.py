"""Trade concepts: map a firm's free-text item to lexicon concepts, across languages and scripts.

Pure Python (+ rapidfuzz). The lexicon (:mod:`matchmaker.core.lexicon`, ``lexicon.json``) lists
concepts with an HS code, a product group and lemmas in English, Russian and Azerbaijani, every
lemma indexed as a sequence of *keys*: folded, stemmed and transliterated to Latin, so that
"томатами", "Tomatoes" and "pomidorlar" hit the lemma of their language, and a Russian word typed
in Latin letters still meets its Cyrillic lemma.

``Lexicon.analyze(item)`` then

1. splits the item on separators ("/", ",", "+", "&", and/и/və …) into parts;
2. corrects each token that is not in the vocabulary (:class:`matchmaker.core.fuzzy.Speller`):
   same phonetic key (xurma / хурма), or a small optimal-string-alignment distance
   (pomidr → pomidor) that grows with the word's length;
3. matches multi-word lemmas longest first, word order free inside the window
   ("мука пшеничная" = "пшеничная мука"), then partial multi-word lemmas;
4. keeps the head of a part when several concepts hit it ("wheat flour" is flour, a weak wheat;
   "мясо птицы" is poultry meat rather than meat);
5. turns a part that no lemma knows into a *free* concept keyed by its Latin and phonetic form,
   so that "feijoa", "фейхоа" and "feyxoa" still meet across firms (:func:`free_similarity`).

The data model (:class:`Concept`, :class:`ConceptHit`) and the fuzzy parts are re-exported here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import product
from typing import TypeVar

from .fuzzy import Correction, FreeConceptIndex, Speller, free_concept, free_similarity, max_edits
from .lexicon import (
    Concept,
    ConceptHit,
    LexiconData,
    build_concepts,
    head_index,
    index_lemmas,
    packaged_lexicon_data,
    read_lexicon_data,
    stop_keys,
    token_key,
)
from .morphology import is_cyrillic
from .text import fold

__all__ = [
    "Concept",
    "ConceptHit",
    "FreeConceptIndex",
    "Lexicon",
    "default_lexicon",
    "free_similarity",
    "max_edits",
    "token_key",
]

_SEPARATORS = re.compile(r"\s*[/,;+&|()\[\]]\s*")
# conjunctions split an item too ("apples and pears"), unless a lemma spans them
# ("meyvə və tərəvəz", "alüminium və ondan məmulatlar")
_CONJ = frozenset({"and", "or", "и", "или", "ve"})

MODIFIER_CONF = 0.4  # a concept that only modifies the head of its part ("wheat" in wheat flour)

Part = list[tuple[str, str]]  # (folded word, its key) for every word of one part of an item
Span = tuple[int, int, ConceptHit]  # (start, end, hit): a hit on words start..end-1 of a part

_T = TypeVar("_T")


class Lexicon:
    """The trade lexicon, indexed for :meth:`analyze`."""

    def __init__(self, data: LexiconData) -> None:
        self.version = data.get("version")
        self.groups: dict[str, dict[str, str]] = dict(data.get("groups", {}))
        self.concepts: dict[str, Concept] = build_concepts(list(data.get("concepts", [])))
        self._stop = stop_keys()
        ix = index_lemmas(self.concepts, self._stop)
        self._phrases = ix.phrases
        self._partial = ix.partial
        self._max_len = ix.max_len
        self._phrase_keys = frozenset(k for sk in ix.phrases if len(sk) > 1 for k in sk)
        self._vocab_set = frozenset(ix.vocab)
        self.vocab: list[str] = ix.vocab
        self._speller = Speller(ix.vocab, self._stop)
        self._cache: dict[str, tuple[ConceptHit, ...]] = {}

    # ---------------------------------------------------------------------------- loading
    @classmethod
    def from_json(cls, path: str | os.PathLike[str]) -> Lexicon:
        return cls(read_lexicon_data(path))

    def concept(self, cid: str) -> Concept:
        c = self.concepts.get(cid)
        if c is None:
            return Concept(cid, free=True)
        return c

    def group_name(self, group: str | None, lang: str = "en") -> str:
        if not group:
            return ""
        g = self.groups.get(group) or {}
        return g.get(lang) or g.get("en") or group

    def knows(self, word: str) -> bool:
        """The folded ``word`` is a word of some lemma, as written (inflection aside)."""
        return token_key(word) in self._vocab_set

    def in_phrase(self, word: str) -> bool:
        """The folded ``word`` is a word of some lemma of several words."""
        return token_key(word) in self._phrase_keys

    def is_phrase(self, words: Sequence[str]) -> bool:
        """Folded ``words`` are exactly a lemma of several words ("export finance")."""
        if len(words) < 2 or len(words) > self._max_len:
            return False
        return tuple(sorted(token_key(w) for w in words)) in self._phrases

    def is_generic(self, word: str) -> bool:
        """A folded word of the generic modifiers (fresh, export, свежий, topdan …)."""
        return token_key(word) in self._stop

    # ------------------------------------------------------------------------------ analysis
    def analyze(self, item: str) -> list[ConceptHit]:
        """Concepts named by one free-text item, best first."""
        return list(self.analyze_many([item])[0])

    def analyze_many(self, items: Iterable[str]) -> list[tuple[ConceptHit, ...]]:
        items = list(items)
        todo = [s for s in dict.fromkeys(items) if s not in self._cache]
        if todo:
            parsed = {s: self._parse(s) for s in todo}
            self._speller.correct_batch(w for parts in parsed.values() for p in parts for w, _ in p)
            for s, parts in parsed.items():
                self._cache[s] = self._analyze_parts(parts)
        return [self._cache[s] for s in items]

    def analyze_known_many(self, items: Iterable[str]) -> list[tuple[ConceptHit, ...]]:
        """:meth:`analyze_many` without spelling correction (only words the lexicon knows as
        written count), for long prose; not kept in the cache."""
        out = []
        for s in items:
            parts = self._parse(s)
            self._speller.settle(w for p in parts for w, _ in p)
            out.append(self._analyze_parts(parts, exact=True))
        return out

    def _parse(self, item: str) -> list[Part]:
        parts = []
        for part in _SEPARATORS.split(item or ""):
            words = fold(part).split()
            if words:
                parts.append([(w, token_key(w)) for w in words])
        return parts

    def _analyze_parts(self, parts: Iterable[Part], exact: bool = False) -> tuple[ConceptHit, ...]:
        found: dict[str, ConceptHit] = {}
        for part in parts:
            for h in self._analyze_conj(part, exact):
                old = found.get(h.concept)
                if old is None or h.confidence > old.confidence:
                    found[h.concept] = h
        return tuple(sorted(found.values(), key=lambda h: (-h.confidence, h.concept)))

    def _analyze_conj(self, part: Part, exact: bool = False) -> list[ConceptHit]:
        cut = [i for i, (w, _) in enumerate(part) if w in _CONJ]
        if not cut:
            return self._analyze_part(part, exact)
        whole = self._analyze_part(part, exact)
        if any(set(h.text.split()) & _CONJ for h in whole if h.how != "free"):
            return whole
        out: list[ConceptHit] = []
        start = 0
        for i in cut + [len(part)]:
            if part[start:i]:
                out += self._analyze_part(part[start:i], exact)
            start = i + 1
        return out

    def _analyze_part(self, part: Part, exact: bool = False) -> list[ConceptHit]:
        options = [self._speller.options(w) for w, _ in part]
        if exact:
            options = [tuple(o for o in opts if o[1] >= 1.0) for opts in options]
        used = [False] * len(part)
        hits = self._whole_lemmas(part, options, used)
        content = [i for i in range(len(part)) if not used[i] and part[i][1] not in self._stop]
        if not hits and content:
            hits = self._partial_lemmas(part, options, used)
        if hits:
            return self._heads(hits, part)
        if not content or exact:
            return []
        return [free_concept([part[i][1] for i in content], " ".join(part[i][0] for i in content))]

    def _whole_lemmas(self, part: Part, options: Sequence[Correction], used: list[bool]) -> list[Span]:
        """Lemmas matched by all their words, longest first; marks the words ``used``."""
        n = len(part)
        hits: list[Span] = []
        for size in range(min(n, self._max_len), 0, -1):
            for start in range(0, n - size + 1):
                if any(used[start : start + size]):
                    continue
                res = _lookup_phrase(options[start : start + size], self._phrases)
                if res is None:
                    continue
                cids, conf = res
                text = _span_text(part, start, size)
                how = "exact" if conf >= 1.0 else "fuzzy"
                hits.extend((start, start + size, ConceptHit(cid, conf, text, how)) for cid in cids)
                used[start : start + size] = [True] * size
        return hits

    def _partial_lemmas(self, part: Part, options: Sequence[Correction], used: list[bool]) -> list[Span]:
        """Partial lemmas: a multi-word lemma missing a word, or the head word when it is unique
        to one concept (spelled right); marks the words ``used``."""
        n = len(part)
        head = head_index([w for w, _ in part])
        hits: list[Span] = []
        for size in (2, 1):
            for start in range(0, n - size + 1):
                if any(used[start : start + size]):
                    continue
                opts = options[start : start + size]
                if size == 1:
                    if start != head:
                        continue
                    opts = [tuple(o for o in opts[0] if o[1] >= 1.0)]
                res = _lookup_partial(opts, self._partial)
                if res is None:
                    continue
                text = _span_text(part, start, size)
                hits.extend(
                    (start, start + size, ConceptHit(cid, round(conf, 3), text, "partial"))
                    for cid, conf in res
                )
                used[start : start + size] = [True] * size
        return hits

    def _heads(self, hits: list[Span], part: Part) -> list[ConceptHit]:
        """Several concepts in one part: keep the most specific, the head at full weight."""
        cids = {h.concept for _, _, h in hits}
        # drop concepts that are ancestors of another hit (мясо птицы: meat < poultry meat)
        redundant = set()
        for c in cids:
            for a in self.concept(c).ancestors:
                if a in cids:
                    redundant.add(a)
        hits = [t for t in hits if t[2].concept not in redundant]
        spans = sorted({(s, e) for s, e, _ in hits})
        if len(spans) <= 1:
            return [h for _, _, h in hits]
        # head word: Russian noun phrases lead with the head (мука пшеничная, мясо птицы);
        # English and Azerbaijani end with it (wheat flour, buğda unu)
        h = head_index([w for w, _ in part])
        head = next(
            (sp for sp in spans if sp[0] <= h < sp[1]), spans[0] if is_cyrillic(part[0][0]) else spans[-1]
        )
        out = []
        for s, e, hit in hits:
            if (s, e) == head:
                out.append(hit)
            else:
                out.append(
                    ConceptHit(hit.concept, round(hit.confidence * MODIFIER_CONF, 3), hit.text, "modifier")
                )
        return out


def _span_text(part: Part, start: int, size: int) -> str:
    return " ".join(w for w, _ in part[start : start + size])


def _best_combo(
    opts: Sequence[Correction], index: Mapping[tuple[str, ...], list[_T]]
) -> tuple[list[_T], float] | None:
    """The index entry reached by the most confident combination of corrections."""
    if any(not o for o in opts):
        return None
    best: tuple[list[_T], float] | None = None
    for combo in product(*opts):
        sk = tuple(sorted(k for k, _ in combo))
        got = index.get(sk)
        if not got:
            continue
        conf = 1.0
        for _, c in combo:
            conf *= c
        if best is None or conf > best[1]:
            best = (got, conf)
    return best


def _lookup_phrase(
    opts: Sequence[Correction], phrases: Mapping[tuple[str, ...], list[str]]
) -> tuple[list[str], float] | None:
    best = _best_combo(opts, phrases)
    if best is None:
        return None
    return best[0], round(best[1], 3)


def _lookup_partial(
    opts: Sequence[Correction], partial: Mapping[tuple[str, ...], list[tuple[str, float]]]
) -> list[tuple[str, float]] | None:
    best = _best_combo(opts, partial)
    if best is None:
        return None
    got, conf = best
    return [(cid, w * conf) for cid, w in got]


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon (``matchmaker/data/lexicon.json``), loaded once."""
    return Lexicon(packaged_lexicon_data())
