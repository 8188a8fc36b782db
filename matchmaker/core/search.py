"""Cross-script, typo-tolerant company search for the directory: the index and its ranking.

Pure Python (rapidfuzz + numpy), no Flask or SQLAlchemy. This module holds :class:`SearchIndex`
(documents, postings, the two scoring phases, the relevance floor of :meth:`SearchIndex.find` and
the nearest spellings of :meth:`SearchIndex.suggest`). What each query word is worth where is the
query plan of :mod:`matchmaker.core.search_effects`; product words are read through the trade
lexicon by :mod:`matchmaker.core.search_lexicon`; the words and their weights are in
:mod:`matchmaker.core.search_terms`, the vocabulary and the fuzzy matching of words in
:mod:`matchmaker.core.search_vocab`. ``LEGAL_FORMS``, ``lexicon_expander`` and ``token_weight`` are
re-exported here. See also ``docs/search.md``.

How it works
------------
Every word of every indexed field goes into one *vocabulary* of distinct folded words; each
entry carries two keys from :mod:`matchmaker.core.text`: its Latin transliteration and its
phonetic key (Gəncə = Гянджа = "kanja"). Postings map an entry to the documents using it,
separately for the three fields (name, city, texts). A document's texts also carry *markers*:
the trade concepts its offers, needs and description name, and its NACE sectors.

Query words are scored against the vocabulary with ``rapidfuzz.process.cdist`` (``ratio`` on the
Latin keys and on the phonetic keys; the last word also on keys cut to its length, so "İnv" finds
"İnvest" and "Хол" finds "Холдинг"). A similarity becomes a *credit* on a steep curve (100 → 100,
90 → 75, 80 → 52, 60 → 12), so near-misses count and chance likeness does not. A product word
("ковры", "pomidor", "wine") is matched through its concept markers instead, and in names only as
itself or its translations, never as a look-alike ("wine" / "twine").

Scoring is in two phases. Phase 1 (numpy, all documents): per query word, the best credit the
document's words reach (name ×1, city ×0.6, texts ×0.6; a product query weighs the trade ×1 and a
name ×0.45), weighted mean over query words, times a factor for how much of the name is covered
(so "Araz Bağları" ranks above "Araz Bağları 11 MMC") and for how many query words matched at all.
Phase 2 (Python, best first, exact top-k with early stop, since phase 1 bounds it from above): one
document word per query word (greedy assignment), so "Tural Tur" does not count "Tural" twice.
Legal-form words (ООО, MMC, LLC …) and bare numbers weigh little on both sides. Scores are 0..100.
"""

from __future__ import annotations

import enum
import heapq
import threading
from collections.abc import Container, Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .search_effects import NAME, TEXT, Expander, QueryPlan, concept_symbol, plan_query, sector_symbol
from .search_lexicon import ProductReader, default_reader
from .search_terms import LEGAL_FORMS, lexicon_expander, raw_words, token_weight, words
from .search_vocab import Vocabulary, nearest_words

__all__ = [
    "FLOOR",
    "RELATIVE_FLOOR",
    "Found",
    "SearchDoc",
    "SearchIndex",
    "LEGAL_FORMS",
    "lexicon_expander",
    "token_weight",
]

FLOOR = 30.0  # a document scoring under this is chance likeness, never a result
RELATIVE_FLOOR = 0.5  # nor one scoring under half the best document
SUGGEST_MIN = 70.0  # a suggested spelling is at least this alike (rapidfuzz ratio)
NAME_COVER = 0.75  # a product query that is most of a firm's name ranks that firm as a name


@dataclass(frozen=True)
class SearchDoc:
    id: int  # company primary key
    name: str
    city: str = ""
    texts: tuple[str, ...] = ()  # offers, needs, description items: searched with lower weight
    sectors: tuple[str, ...] = ()  # NACE classes: a product query finds the firms of its activity


@dataclass(frozen=True)
class Found:
    """The answer of :meth:`SearchIndex.find`: hits best first, and when there is none the
    nearest spellings of the directory ("did you mean …")."""

    hits: list[tuple[int, float]]
    suggestions: list[str]


_COVER_MIN = 40.0  # a name word matched with at least this credit (≈ 77 % similar) is covered


def _suggestible(vocab: Vocabulary, vid: int) -> bool:
    """A word worth suggesting: not a legal form, a stop word or a number."""
    w = vocab.words[vid]
    return len(w) >= 3 and token_weight(w) >= 0.5


class _Default(enum.Enum):
    """The default reading of product words: the packaged trade lexicon, read on first use."""

    LEXICON = enum.auto()


@dataclass
class _Entry:
    slot: int
    fields: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]  # vids: name, city, texts
    name_weight: float
    keys: tuple[int, ...] = ()  # posting keys (vid*3+field) of all the fields

    def __post_init__(self) -> None:
        self.keys = tuple(vid * 3 + field for field, vids in enumerate(self.fields) for vid in vids)


class SearchIndex:
    """In-memory directory search index; see the module docstring.

    ``expand``: how product words are read. By default the packaged trade lexicon
    (:class:`~matchmaker.core.search_lexicon.ProductReader`, read on first use): a product word
    finds the firms trading that product in any language ("hazelnut" → "fındıq", "фундук") and the
    firms of its activity (sectors). A ``ProductReader`` of another lexicon, or a callable giving
    translations of a folded word (matched fuzzily, as words), may be passed; ``None`` switches the
    lexicon off (names and words only).

    Thread-safe (one lock); ``add``/``remove`` cost a few dictionary operations per word.
    """

    def __init__(
        self,
        docs: Iterable[SearchDoc] = (),
        expand: ProductReader | Expander | None | _Default = _Default.LEXICON,
    ) -> None:
        self._vocab = Vocabulary()
        # postings: (field, vid) -> set of slots; numpy copies made on demand
        self._post: dict[int, set[int]] = {}
        self._post_np: dict[int, NDArray[np.int64]] = {}
        self._docs: dict[int, _Entry] = {}
        self._slot_ids: list[int | None] = []
        self._free: list[int] = []
        self._name_w: NDArray[np.float32] = np.zeros(0, dtype=np.float32)
        self._reader: ProductReader | None = None
        self._expand: Expander | None = None
        if isinstance(expand, _Default):
            self._reader = default_reader()
        elif isinstance(expand, ProductReader):
            self._reader = expand
        else:
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
        name_words = self._words_as_written(doc.name)
        city_words = self._words_as_written(doc.city)
        per_text = [self._words_as_written(t) for t in doc.texts]
        text_words = [pair for pairs in per_text for pair in pairs]
        markers = [sector_symbol(code) for code in dict.fromkeys(doc.sectors)]
        if self._reader is not None:
            concepts = self._reader.document(doc.texts, [[w for w, _ in pairs] for pairs in per_text])
            markers += [concept_symbol(cid, lv) for cid, lv in concepts.items()]
        weight = sum(token_weight(w) for w in dict.fromkeys(w for w, _ in name_words))
        with self._lock:
            if doc.id in self._docs:
                self._remove(doc.id)
            v = self._vocab
            name, city, text = (
                tuple(dict.fromkeys(v.get_or_add(w, f != TEXT, raw) for w, raw in ws))
                for f, ws in enumerate((name_words, city_words, text_words))
            )
            text += tuple(v.symbol(m) for m in markers)
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

    def _words_as_written(self, s: str) -> list[tuple[str, str]]:
        """The folded words of ``s`` with their spelling in ``s`` (for suggestions), the spelling
        looked up only when a word is new to the vocabulary."""
        ws = words(s)
        ids = self._vocab.ids
        if all(w in ids for w in ws):
            return [(w, w) for w in ws]
        raw = raw_words(s, ws)
        return raw if [f for f, _ in raw] == ws else [(w, w) for w in ws]

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
    def find(self, query: str, limit: int = 50, allowed: Container[int] | None = None) -> Found:
        """The directory's answer: documents above the relevance floor, best first; when none,
        the nearest spellings of the query's words.

        The floor: a score of ``FLOOR`` and half the best score, and one word of the query
        matched strongly (about 88 % alike, one typo, a three-letter prefix, the same sound in
        the other script, or a firm trading the product named): "qwxzv plorf" finds nothing."""
        hits = self._search(query, limit, allowed, FLOOR, strong=True)
        if hits:
            cut = hits[0][1] * RELATIVE_FLOOR
            return Found([h for h in hits if h[1] >= cut], [])
        return Found([], self.suggest(query))

    def search(
        self, query: str, limit: int = 50, allowed: Container[int] | None = None, min_score: float = 10.0
    ) -> list[tuple[int, float]]:
        """Best matches first as ``(doc_id, score 0..100)``; only ids in ``allowed`` if given.

        Documents scoring below ``min_score`` (chance likeness) are left out; :meth:`find` is
        the directory's answer, with its relevance floor.
        """
        return self._search(query, limit, allowed, min_score, strong=False)

    def _search(
        self, query: str, limit: int, allowed: Container[int] | None, min_score: float, strong: bool
    ) -> list[tuple[int, float]]:
        qwords = list(dict.fromkeys(words(query or "")))
        if not qwords or limit <= 0:
            return []
        with self._lock:
            if not self._docs:
                return []
            q = plan_query(self._vocab, qwords, self._reader, self._expand)
            hits = self._run(q, limit, allowed, min_score, strong)
            if q.product:
                # a product query may also be a firm's whole name ("Yaşıl Çay": green tea, and
                # Yaşıl Çay MMC): such a firm keeps its rank as a name
                named = plan_query(self._vocab, qwords, self._reader, self._expand, as_name=True)
                best = dict(hits)
                for d, sc in self._run(named, limit, allowed, min_score, strong, min_cover=NAME_COVER):
                    best[d] = max(sc, best.get(d, 0.0))
                hits = sorted(best.items(), key=lambda t: (-t[1], t[0]))[:limit]
            return hits

    def _run(
        self,
        q: QueryPlan,
        limit: int,
        allowed: Container[int] | None,
        min_score: float,
        strong: bool,
        min_cover: float = 0.0,
    ) -> list[tuple[int, float]]:
        if not q.weights or q.total_w <= 0:
            return []
        upper = self._upper_bounds(q, min_cover)
        if strong:
            upper[~self._strong_slots(q, len(upper))] = 0
        idx = np.flatnonzero(upper >= max(min_score, 1e-6))
        if len(idx) == 0:
            return []
        idx = idx[np.argsort(-upper[idx], kind="stable")]
        return self._exact_top(idx, upper, q, limit, allowed, min_score, min_cover)

    def _strong_slots(self, q: QueryPlan, cap: int) -> NDArray[np.bool_]:
        """Slots holding a word the query matches strongly."""
        mask = np.zeros(cap, dtype=bool)
        for key in q.strong:
            arr = self._postings(key)
            if arr is not None:
                mask[arr] = True
        return mask

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Spellings of the directory near the query ("did you mean …"): the query's words each
        replaced by the nearest word (at least ``SUGGEST_MIN`` % alike) of a name, a town or the
        firms' items, best first; words with none are left out."""
        qwords = [w for w in dict.fromkeys(words(query or "")) if token_weight(w) >= 0.5][:6]
        with self._lock:
            vocab = self._vocab
            near = [
                [
                    (v, s)
                    for v, s in nearest_words(vocab, w, limit=4, cutoff=SUGGEST_MIN)
                    if _suggestible(vocab, v)
                ]
                for w in qwords
            ]
            raw = vocab.raw
            out: list[str] = []
            best = [n[0][0] if n else None for n in near]

            def phrase(alt: list[int | None]) -> None:
                text = " ".join(raw[v] for v in alt if v is not None)
                if text and words(text) != qwords and text not in out:
                    out.append(text)

            phrase(best)
            for i, n in enumerate(near):
                for vid, _ in n[1:3]:
                    phrase(best[:i] + [vid] + best[i + 1 :])
        return out[:limit]

    def _upper_bounds(self, q: QueryPlan, min_cover: float = 0.0) -> NDArray[np.float32]:
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
        if min_cover > 0:
            upper[cov < min_cover] = 0
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
        q: QueryPlan,
        limit: int,
        allowed: Container[int] | None,
        min_score: float,
        min_cover: float = 0.0,
    ) -> list[tuple[int, float]]:
        """Phase 2 (Python, the best few): one query word per document word, exact coverage.

        The phase-1 score bounds the exact one from above, so walking the slots ``idx`` in that
        order we can stop once the next bound cannot beat the limit-th exact score."""
        slot_ids = self._slot_ids
        docs = self._docs
        heap: list[tuple[float, int]] = []  # (score, -doc_id): the best ``limit`` so far
        bounds = upper[idx].tolist()
        for slot, bound in zip(idx.tolist(), bounds, strict=False):
            if len(heap) >= limit and bound <= heap[0][0]:
                break  # nothing further can do better (equals keep their earlier places)
            doc_id = slot_ids[slot]
            assert doc_id is not None  # a free slot has no postings, hence no bound
            if allowed is not None and doc_id not in allowed:
                continue
            sc = self._exact_score(docs[doc_id], q, min_cover)
            item = (sc, -doc_id)
            if len(heap) < limit:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)
        heap.sort(reverse=True)
        return [(-nd, round(min(100.0, sc), 2)) for sc, nd in heap if sc >= min_score and sc > 0]

    @staticmethod
    def _exact_score(entry: _Entry, q: QueryPlan, min_cover: float = 0.0) -> float:
        keys = entry.keys
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
        if cover < min_cover:
            return 0.0
        return s / q.total_w * (0.88 + 0.12 * cover) * (0.75 + 0.25 * hit / q.total_w)
