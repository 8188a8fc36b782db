"""Cross-script, typo-tolerant company search for the directory: the index and its ranking.

Pure Python (rapidfuzz + numpy), no Flask or SQLAlchemy. This module holds :class:`SearchIndex`
(documents, postings, the two scoring phases); the words and their weights are in
:mod:`matchmaker.core.search_terms`, the vocabulary and the fuzzy matching of query words in
:mod:`matchmaker.core.search_vocab`. ``LEGAL_FORMS``, ``lexicon_expander`` and ``token_weight``
are re-exported here.

How it works
------------
Every word of every indexed field goes into one *vocabulary* of distinct folded words; each
entry carries two keys from :mod:`matchmaker.core.text`: its Latin transliteration and its
phonetic key (Gəncə = Гянджа = "kanja"). Postings map an entry to the documents using it,
separately for the three fields (name, city, texts).

Query words are scored against the vocabulary with ``rapidfuzz.process.cdist`` (``ratio`` on the
Latin keys and on the phonetic keys; the last word also on keys cut to its length, so "İnv" finds
"İnvest" and "Хол" finds "Холдинг"). Name and city words are compared in full; words seen only in
offers/needs/descriptions are bucketed by the first letter of their phonetic key. A similarity
becomes a *credit* on a steep curve (100 → 100, 90 → 75, 80 → 52, 60 → 12), so near-misses count
and chance likeness does not. Optional translations from the trade lexicon ("hazelnut" →
"fındıq", "фундук") are matched the same way.

Scoring is in two phases. Phase 1 (numpy, all documents): per query word, the best credit the
document's words reach (name ×1, city ×0.6, texts ×0.6), weighted mean over query words, times
a factor for how much of the name is covered (so "Araz Bağları" ranks above "Araz Bağları 11 MMC")
and for how many query words matched at all. Phase 2 (Python, best first, exact top-k with early
stop, since phase 1 bounds it from above): one document word per query word (greedy assignment),
so "Tural Tur" does not count "Tural" twice. Legal-form words (ООО, MMC, LLC …) and bare numbers
weigh little on both sides. Scores are 0..100.
"""

from __future__ import annotations

import enum
import heapq
import threading
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .search_terms import LEGAL_FORMS, MAX_EXPANSIONS, lexicon_expander, token_weight, words
from .search_vocab import Vocabulary, match_words

__all__ = ["SearchDoc", "SearchIndex", "LEGAL_FORMS", "lexicon_expander", "token_weight"]


@dataclass(frozen=True)
class SearchDoc:
    id: int  # company primary key
    name: str
    city: str = ""
    texts: tuple[str, ...] = ()  # offers, needs, description items: searched with lower weight


NAME, CITY, TEXT = 0, 1, 2
FIELD_WEIGHT = (1.0, 0.6, 0.6)

_COVER_MIN = 40.0  # a name word matched with at least this credit (≈ 77 % similar) is covered
_EXPAND_SIM = 0.95  # a translation counts a little less than the word itself
_EXPAND_NAME = 0.7  # field weight of a translation found in a name

Expander = Callable[[str], Iterable[str]]


class _Default(enum.Enum):
    """The default expander: :func:`lexicon_expander`, built on first use."""

    LEXICON = enum.auto()


@dataclass
class _Entry:
    slot: int
    fields: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]  # vids: name, city, texts
    name_weight: float


@dataclass
class _Query:
    weights: list[float]  # per query word
    total_w: float
    per_word: list[dict[int, float]]  # per query word: key (vid*3+field) -> effective similarity


class SearchIndex:
    """In-memory directory search index; see the module docstring.

    ``expand``: callable giving translations of a folded query word ("hazelnut" → "fındıq",
    "фундук"); they are matched as alternatives of the word, against offers/needs/description
    and (weaker) names. By default :func:`lexicon_expander` over the packaged trade lexicon,
    built on first use; ``None`` switches translations off.

    Thread-safe (one lock); ``add``/``remove`` cost a few dictionary operations per word.
    """

    def __init__(
        self,
        docs: Iterable[SearchDoc] = (),
        expand: Expander | None | _Default = _Default.LEXICON,
    ) -> None:
        self._vocab = Vocabulary()
        # postings: (field, vid) -> set of slots; numpy copies made on demand
        self._post: dict[int, set[int]] = {}
        self._post_np: dict[int, NDArray[np.int64]] = {}
        self._docs: dict[int, _Entry] = {}
        self._slot_ids: list[int | None] = []
        self._free: list[int] = []
        self._name_w: NDArray[np.float32] = np.zeros(0, dtype=np.float32)
        self._expand = expand
        self._lock = threading.RLock()
        for d in docs:
            self.add(d)

    # -- maintenance ---------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._docs)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._docs

    def add(self, doc: SearchDoc) -> None:
        """Insert ``doc``, replacing any document with the same id."""
        name_words = words(doc.name)
        city_words = words(doc.city)
        text_words: list[str] = []
        for t in doc.texts:
            text_words.extend(words(t))
        weight = sum(token_weight(w) for w in dict.fromkeys(name_words))
        with self._lock:
            if doc.id in self._docs:
                self._remove(doc.id)
            v = self._vocab
            name, city, text = (
                tuple(dict.fromkeys(v.get_or_add(w, f != TEXT) for w in ws))
                for f, ws in enumerate((name_words, city_words, text_words))
            )
            slot = self._take_slot(doc.id)
            self._name_w[slot] = weight
            fields = (name, city, text)
            for field, vids in enumerate(fields):
                for vid in vids:
                    key = vid * 3 + field
                    p = self._post.get(key)
                    if p is None:
                        self._post[key] = {slot}
                    else:
                        p.add(slot)
                    self._post_np.pop(key, None)
            self._docs[doc.id] = _Entry(slot, fields, weight)

    def _take_slot(self, doc_id: int) -> int:
        """A free slot (or a new one, growing the name weights) now holding ``doc_id``."""
        if self._free:
            slot = self._free.pop()
            self._slot_ids[slot] = doc_id
            return slot
        slot = len(self._slot_ids)
        self._slot_ids.append(doc_id)
        if slot >= len(self._name_w):
            grown = np.zeros(max(64, 2 * len(self._name_w)), dtype=np.float32)
            grown[: len(self._name_w)] = self._name_w
            self._name_w = grown
        return slot

    def remove(self, doc_id: int) -> None:
        """Remove a document; unknown ids are ignored."""
        with self._lock:
            self._remove(doc_id)

    def _remove(self, doc_id: int) -> None:
        e = self._docs.pop(doc_id, None)
        if e is None:
            return
        for field, vids in enumerate(e.fields):
            for vid in vids:
                key = vid * 3 + field
                p = self._post.get(key)
                if p is not None:
                    p.discard(e.slot)
                    if not p:
                        del self._post[key]
                self._post_np.pop(key, None)
        self._slot_ids[e.slot] = None
        self._name_w[e.slot] = 0
        self._free.append(e.slot)

    def _expansions(self, word: str) -> tuple[str, ...]:
        if isinstance(self._expand, _Default):
            self._expand = lexicon_expander()
        if self._expand is None or word.isdigit() or token_weight(word) < 0.5:
            return ()
        out: list[str] = []
        for alt in self._expand(word):
            out.extend(a for a in words(alt) if a != word and a not in out)
        return tuple(out[:MAX_EXPANSIONS])

    def _postings(self, key: int) -> NDArray[np.int64] | None:
        arr = self._post_np.get(key)
        if arr is None:
            p = self._post.get(key)
            if not p:
                return None
            arr = np.fromiter(p, dtype=np.int64, count=len(p))
            self._post_np[key] = arr
        return arr

    # -- query ---------------------------------------------------------------------------
    def search(
        self, query: str, limit: int = 50, allowed: Container[int] | None = None, min_score: float = 10.0
    ) -> list[tuple[int, float]]:
        """Best matches first as ``(doc_id, score 0..100)``; only ids in ``allowed`` if given.

        Documents scoring below ``min_score`` (chance likeness) are left out.
        """
        qwords = list(dict.fromkeys(words(query or "")))
        if not qwords or limit <= 0:
            return []
        with self._lock:
            if not self._docs:
                return []
            return self._search(qwords, limit, allowed, min_score)

    def _search(
        self, qwords: list[str], limit: int, allowed: Container[int] | None, min_score: float
    ) -> list[tuple[int, float]]:
        weights = [token_weight(w) for w in qwords]
        if max(weights) < 0.5:  # a query of legal forms / numbers only: take them at face value
            weights = [1.0] * len(weights)
        q = _Query(weights, sum(weights), self._word_effects(qwords))
        upper = self._upper_bounds(q)
        idx = np.flatnonzero(upper >= max(min_score, 1e-6))
        if len(idx) == 0:
            return []
        idx = idx[np.argsort(-upper[idx], kind="stable")]
        return self._exact_top(idx, upper, q, limit, allowed, min_score)

    def _word_effects(self, qwords: list[str]) -> list[dict[int, float]]:
        """Per query word: posting key (vid*3+field) -> field-weighted credit of that word there,
        the word's translations (trade lexicon) included."""
        alts = [self._expansions(w) for w in qwords]
        flat_alts = [a for al in alts for a in al]
        all_matches = match_words(self._vocab, qwords + flat_alts, prefix=len(qwords) - 1)
        alt_matches = iter(all_matches[len(qwords) :])
        per_word: list[dict[int, float]] = []
        for i in range(len(qwords)):
            eff: dict[int, float] = {}
            for vid, sim in all_matches[i].items():
                for field in (NAME, CITY, TEXT):
                    eff[vid * 3 + field] = sim * FIELD_WEIGHT[field]
            for _ in alts[i]:
                # a translation of the word (trade lexicon): the firm's offers/needs, and more
                # weakly its name ("wine" → "Şirvan Şərab")
                for vid, sim in next(alt_matches).items():
                    for field, f in ((NAME, _EXPAND_NAME), (TEXT, FIELD_WEIGHT[TEXT])):
                        key = vid * 3 + field
                        e = sim * _EXPAND_SIM * f
                        if e > eff.get(key, 0.0):
                            eff[key] = e
            per_word.append(eff)
        return per_word

    def _upper_bounds(self, q: _Query) -> NDArray[np.float32]:
        """Phase 1 (numpy, all documents): per query word the best field-weighted similarity
        any of the document's words reaches; an upper bound of the final score (0 for slots
        matching no word of weight)."""
        cap = len(self._slot_ids)
        total = np.zeros(cap, dtype=np.float32)
        cover = np.zeros(cap, dtype=np.float32)
        cand = np.zeros(cap, dtype=bool)
        matched = np.zeros(cap, dtype=np.float32)
        for w, eff in zip(q.weights, q.per_word, strict=True):
            best, covered = self._best_per_slot(eff, cap)
            total += w * best
            cover += w * covered
            matched += w * (best > 0)
            if w >= 0.5:
                cand |= best > 0
        nw = self._name_w[:cap]
        cov = np.minimum(1.0, np.divide(cover, nw, out=np.zeros_like(cover), where=nw > 0))
        upper: NDArray[np.float32] = (
            total / q.total_w * (0.88 + 0.12 * cov) * (0.75 + 0.25 * matched / q.total_w)
        )
        upper[~cand] = 0
        return upper

    def _best_per_slot(
        self, eff: dict[int, float], cap: int
    ) -> tuple[NDArray[np.float32], NDArray[np.bool_]]:
        """The best credit of one query word per slot, and whether it covers a name word."""
        best = np.zeros(cap, dtype=np.float32)
        covered = np.zeros(cap, dtype=bool)
        for key, e in eff.items():
            arr = self._postings(key)
            if arr is None:
                continue
            best[arr] = np.maximum(best[arr], e)
            if key % 3 == NAME and e >= _COVER_MIN:
                covered[arr] = True
        return best, covered

    def _exact_top(
        self,
        idx: NDArray[np.intp],
        upper: NDArray[np.float32],
        q: _Query,
        limit: int,
        allowed: Container[int] | None,
        min_score: float,
    ) -> list[tuple[int, float]]:
        """Phase 2 (Python, the best few): one query word per document word, exact coverage.

        The phase-1 score bounds the exact one from above, so walking the slots ``idx`` in that
        order we can stop once the next bound cannot beat the limit-th exact score."""
        slot_ids = self._slot_ids
        docs = self._docs
        heap: list[tuple[float, int]] = []  # (score, -doc_id): the best ``limit`` so far
        bounds = upper[idx].tolist()
        for slot, bound in zip(idx.tolist(), bounds, strict=False):
            if len(heap) >= limit and bound < heap[0][0]:
                break
            doc_id = slot_ids[slot]
            assert doc_id is not None  # a free slot has no postings, hence no bound
            if allowed is not None and doc_id not in allowed:
                continue
            sc = self._exact_score(docs[doc_id], q)
            item = (sc, -doc_id)
            if len(heap) < limit:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)
        heap.sort(reverse=True)
        return [(-nd, round(min(100.0, sc), 2)) for sc, nd in heap if sc >= min_score and sc > 0]

    @staticmethod
    def _exact_score(entry: _Entry, q: _Query) -> float:
        keys = [vid * 3 + field for field, vids in enumerate(entry.fields) for vid in vids]
        # every (query word, document word) pair with its similarity, best first; each query
        # word and each document word is used once (greedy assignment)
        pairs = []
        for i, eff in enumerate(q.per_word):
            for k in keys:
                e = eff.get(k)
                if e:
                    pairs.append((e, i, k))
        pairs.sort(reverse=True)
        done_q: set[int] = set()
        done_k: set[int] = set()
        s = cov = hit = 0.0
        for e, i, k in pairs:
            if i in done_q or k in done_k:
                continue
            done_q.add(i)
            done_k.add(k)
            s += q.weights[i] * e
            hit += q.weights[i]
            if k % 3 == NAME and e >= _COVER_MIN:
                cov += q.weights[i]
        nw = entry.name_weight
        cover = min(1.0, cov / nw) if nw > 0 else 0.0
        return s / q.total_w * (0.88 + 0.12 * cover) * (0.75 + 0.25 * hit / q.total_w)
