"""Cross-script, typo-tolerant company search for the directory.

Pure Python (rapidfuzz + numpy), no Flask or SQLAlchemy.

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

import heapq
import threading
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from .text import fold, has_cyrillic, phonetic_tokens, to_latin

__all__ = ["SearchDoc", "SearchIndex", "LEGAL_FORMS", "lexicon_expander", "token_weight"]


@dataclass(frozen=True)
class SearchDoc:
    id: int  # company primary key
    name: str
    city: str = ""
    texts: tuple[str, ...] = ()  # offers, needs, description items: searched with lower weight


# Legal-form and filler words, in folded form (see ``fold``), both scripts and their Latin
# transliterations.
LEGAL_FORMS = frozenset(
    [
        "ооо",
        "оао",
        "зао",
        "пао",
        "нао",
        "ао",
        "ип",
        "чп",
        "тоо",
        "од",
        "гуп",
        "муп",
        "фгуп",
        "нко",
        "ано",
        "оу",
        "гк",
        "пк",
        "ск",
        "тд",
        "тк",
        "нпо",
        "нпп",
        "фирма",
        "компания",
        "группа",
        "общество",
        "ограниченной",
        "ответственностью",
        "акционерное",
        "публичное",
        "закрытое",
        "открытое",
        "индивидуальный",
        "предприниматель",
        "ooo",
        "oao",
        "zao",
        "pao",
        "nao",
        "ao",
        "ip",
        "chp",
        "too",
        "mmc",
        "qsc",
        "asc",
        "msc",
        "ssc",
        "mtk",
        "fs",
        "ib",
        "ms",
        "mmm",
        "mehdud",
        "mesuliyyetli",
        "cemiyyeti",
        "cemiyyet",
        "sehmdar",
        "qapali",
        "aciq",
        "llc",
        "ltd",
        "limited",
        "jsc",
        "ojsc",
        "cjsc",
        "pjsc",
        "plc",
        "inc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "srl",
        "bv",
        "as",
        "llp",
        "lp",
    ]
)
_STOPWORDS = frozenset(
    [
        "и",
        "в",
        "на",
        "с",
        "по",
        "для",
        "the",
        "and",
        "of",
        "for",
        "to",
        "in",
        "ve",
        "ile",
        "ucun",
        "and",
        "или",
        "or",
    ]
)

NAME, CITY, TEXT = 0, 1, 2
FIELD_WEIGHT = (1.0, 0.6, 0.6)

_MATCH_CUTOFF = 55.0  # similarity (0..100) below which a query word does not match a word
_MAX_ENTRIES = 48  # vocabulary entries kept per query word
_COVER_MIN = 40.0  # a name word matched with at least this credit (≈ 77 % similar) is covered
_PHON_MIN = 80.0  # phonetic-key similarity below this is chance (small alphabet)
_EXPAND_SIM = 0.95  # a translation counts a little less than the word itself
_EXPAND_NAME = 0.7  # field weight of a translation found in a name
_MAX_EXPANSIONS = 8


def lexicon_expander(lexicon=None) -> Callable[[str], tuple[str, ...]]:
    """Query-word translations from the trade lexicon (:mod:`matchmaker.core.concepts`).

    Every one-word lemma of a concept (in any of en/ru/az) maps to the other one-word lemmas of
    that concept: "hazelnut"/"hazelnuts" → ("filbert", "фундук", "findiq"). Lookup is by the
    lexicon's stemmed Latin key, so inflected forms work, and the lemma must also look like the
    word (stems collide); the index then matches the translations fuzzily against its words.
    """
    from .concepts import default_lexicon, token_key

    lex = lexicon if lexicon is not None else default_lexicon()
    # stem key -> [(lemma in Latin letters, that concept's one-word lemmas)]
    table: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for c in lex.concepts.values():
        words: list[str] = []
        for terms in c.names.values():
            for term in terms:
                f = fold(term)
                if f and " " not in f and f not in words:
                    words.append(f)
        group = tuple(words)
        for w in words:
            table.setdefault(token_key(w), []).append((to_latin(w), group))

    def expand(word: str) -> tuple[str, ...]:
        entries = table.get(token_key(word))
        if not entries:
            return ()
        lat = to_latin(word)
        out: list[str] = []
        for lemma, group in entries:
            # stems collide now and then ("trade"/"trailer"): the lemma must look like the word
            if fuzz.ratio(lat, lemma) >= 75:
                out.extend(a for a in group if a != word and a not in out)
        return tuple(out[:_MAX_EXPANSIONS])

    return expand


_DEFAULT = object()


def _credit(sim: float) -> float:
    """Similarity (0..100) → credit (0..100): steep, so near-misses count, chance likeness not.

    100 → 100, 95 → 87, 90 → 75, 80 → 52, 70 → 30, 60 → 12. A name word at 80 % similarity
    (one or two typos) is then worth about an exact mention in the offers (field weight 0.5).
    """
    if sim <= _MATCH_CUTOFF - 5:
        return 0.0
    return 100.0 * ((sim - 50.0) / 50.0) ** 1.3


def token_weight(folded: str) -> float:
    """Weight of one folded word in a name or a query."""
    if folded in LEGAL_FORMS:
        return 0.15
    if folded in _STOPWORDS:
        return 0.2
    if folded.isdigit():
        return 0.35
    if len(folded) == 1:
        return 0.3
    return 1.0


class _KeyList:
    """A list of vocabulary entries with their keys, for one ``cdist`` pass (append-only)."""

    __slots__ = ("vids", "lat", "phon", "cyr", "_np", "_trunc")

    def __init__(self) -> None:
        self.vids: list[int] = []
        self.lat: list[str] = []
        self.phon: list[str] = []
        self.cyr: list[bool] = []
        self._np: tuple[np.ndarray, np.ndarray] | None = None
        self._trunc: dict[tuple[int, int], list[str]] = {}

    def append(self, vid: int, lat: str, phon: str, cyr: bool) -> None:
        self.vids.append(vid)
        self.lat.append(lat)
        self.phon.append(phon)
        self.cyr.append(cyr)
        self._np = None

    def arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """(vids, is Cyrillic) as numpy arrays."""
        if self._np is None:
            self._np = (np.array(self.vids, dtype=np.int64), np.array(self.cyr, dtype=bool))
        return self._np

    def truncated(self, which: int, length: int) -> list[str]:
        """Keys (0 = Latin, 1 = phonetic) cut to ``length`` characters, kept in step lazily."""
        keys = self.lat if which == 0 else self.phon
        cache = self._trunc.setdefault((which, length), [])
        if len(cache) < len(keys):
            cache.extend(k[:length] for k in keys[len(cache) :])
        return cache


class _Vocab:
    """Distinct folded words with their Latin and phonetic keys (append-only).

    Words used in a name or a city (``short``) are few next to offers/description words and are
    compared in full, prefixes included. Words seen only in texts sit in buckets by the first
    letter of their phonetic key, and a query word is compared with its own bucket only (a typo
    in the first letter of an offers word is not forgiven), so big descriptions stay cheap.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.lat: list[str] = []
        self.phon: list[str] = []
        self.cyr: list[bool] = []
        self.short = _KeyList()
        self._in_short: set[int] = set()
        self.buckets: dict[str, _KeyList] = {}

    def __len__(self) -> int:
        return len(self.lat)

    def get_or_add(self, word: str, short: bool) -> int:
        vid = self.ids.get(word)
        if vid is None:
            vid = len(self.lat)
            self.ids[word] = vid
            lat = to_latin(word).replace(" ", "")
            phon = "".join(phonetic_tokens(word))
            cyr = has_cyrillic(word)
            self.lat.append(lat)
            self.phon.append(phon)
            self.cyr.append(cyr)
            if not word.isdigit():  # numbers only ever match exactly
                self.buckets.setdefault(phon[:1], _KeyList()).append(vid, lat, phon, cyr)
        if short and vid not in self._in_short and not word.isdigit():
            self._in_short.add(vid)
            self.short.append(vid, self.lat[vid], self.phon[vid], self.cyr[vid])
        return vid


@dataclass
class _Entry:
    slot: int
    fields: tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]  # vids: name, city, texts
    name_weight: float


def _words(s: str) -> list[str]:
    return fold(s).split()


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
        expand: Callable[[str], Iterable[str]] | None | object = _DEFAULT,
    ) -> None:
        self._vocab = _Vocab()
        # postings: (field, vid) -> set of slots; numpy copies made on demand
        self._post: dict[int, set[int]] = {}
        self._post_np: dict[int, np.ndarray] = {}
        self._docs: dict[int, _Entry] = {}
        self._slot_ids: list[int | None] = []
        self._free: list[int] = []
        self._name_w = np.zeros(0, dtype=np.float32)
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
        name_words = _words(doc.name)
        city_words = _words(doc.city)
        text_words: list[str] = []
        for t in doc.texts:
            text_words.extend(_words(t))
        weight = sum(token_weight(w) for w in dict.fromkeys(name_words))
        with self._lock:
            if doc.id in self._docs:
                self._remove(doc.id)
            v = self._vocab
            fields = tuple(
                tuple(dict.fromkeys(v.get_or_add(w, f != TEXT) for w in ws))
                for f, ws in enumerate((name_words, city_words, text_words))
            )
            if self._free:
                slot = self._free.pop()
                self._slot_ids[slot] = doc.id
            else:
                slot = len(self._slot_ids)
                self._slot_ids.append(doc.id)
                if slot >= len(self._name_w):
                    grown = np.zeros(max(64, 2 * len(self._name_w)), dtype=np.float32)
                    grown[: len(self._name_w)] = self._name_w
                    self._name_w = grown
            self._name_w[slot] = weight
            for field, vids in enumerate(fields):
                for vid in vids:
                    key = vid * 3 + field
                    p = self._post.get(key)
                    if p is None:
                        self._post[key] = {slot}
                    else:
                        p.add(slot)
                    self._post_np.pop(key, None)
            self._docs[doc.id] = _Entry(slot, fields, weight)  # type: ignore[arg-type]

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
        if self._expand is _DEFAULT:
            self._expand = lexicon_expander()
        if self._expand is None or word.isdigit() or token_weight(word) < 0.5:
            return ()
        out = []
        for alt in self._expand(word):  # type: ignore[operator]
            out.extend(a for a in _words(alt) if a != word and a not in out)
        return tuple(out[:_MAX_EXPANSIONS])

    def _postings(self, key: int) -> np.ndarray | None:
        arr = self._post_np.get(key)
        if arr is None:
            p = self._post.get(key)
            if not p:
                return None
            arr = np.fromiter(p, dtype=np.int64, count=len(p))
            self._post_np[key] = arr
        return arr

    # -- query ---------------------------------------------------------------------------
    def _match_words(
        self, words: list[str], prefix: int = -1, prefix_factor: float = 0.94
    ) -> list[dict[int, float]]:
        """For each folded word, the vocabulary entries like it: {vid: credit 0..100}.

        Words are scored together, one ``cdist`` call per key kind and key list (each list is
        converted once). ``words[prefix]`` is also compared as a prefix with name/city words.
        """
        v = self._vocab
        out: list[dict[int, float]] = [{} for _ in words]
        rows: list[int] = []
        for i, w in enumerate(words):
            exact = v.ids.get(w)
            if w.isdigit():
                if exact is not None:
                    out[i][exact] = 100.0
                continue
            rows.append(i)
        if not rows or len(v) == 0:
            return out
        qlat = {i: to_latin(words[i]).replace(" ", "") for i in rows}
        qphon = {i: "".join(phonetic_tokens(words[i])) for i in rows}
        qcyr = {i: has_cyrillic(words[i]) for i in rows}
        sims: dict[int, dict[int, float]] = {i: {} for i in rows}

        def score(kl: _KeyList, rs: list[int]) -> None:
            if not kl.vids or not rs:
                return
            lat = process.cdist(
                [qlat[i] for i in rs], kl.lat, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=_MATCH_CUTOFF
            ).astype(np.float32)
            phon = process.cdist(
                [qphon[i] for i in rs], kl.phon, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=_PHON_MIN
            ).astype(np.float32)
            vids, cyr = kl.arrays()
            for r, i in enumerate(rs):
                if i == prefix and kl is v.short:
                    for which, mat, q in ((0, lat, qlat[i]), (1, phon, qphon[i])):
                        if len(q) < (2 if which == 0 else 3):
                            continue
                        # short prefixes say less: 2 letters ×0.9, 3 letters ×0.95
                        pf = prefix_factor * (1.0 - 0.05 * max(0, 4 - len(q)))
                        pre = process.cdist(
                            [q], kl.truncated(which, len(q)), scorer=fuzz.ratio, dtype=np.uint8
                        )[0].astype(np.float32)
                        if which == 1:
                            pre[pre < _PHON_MIN] = 0
                        np.maximum(mat[r], pre * pf, out=mat[r])
                # Same script: the Latin keys are reliable and vowels matter, so the coarse
                # phonetic key counts less; across scripts it is the main evidence.
                sim = np.maximum(
                    lat[r], phon[r] * np.where(cyr == qcyr[i], np.float32(0.9), np.float32(0.97))
                )
                idx = np.flatnonzero(sim >= _MATCH_CUTOFF)
                d = sims[i]
                for j, s_ in zip(vids[idx].tolist(), sim[idx].tolist(), strict=False):
                    if s_ > d.get(j, 0.0):
                        d[j] = s_

        score(v.short, rows)
        by_bucket: dict[str, list[int]] = {}
        for i in rows:
            by_bucket.setdefault(qphon[i][:1], []).append(i)
        for b, rs in by_bucket.items():
            kl = v.buckets.get(b)
            if kl is not None:
                score(kl, rs)
        for i in rows:
            d = sims[i]
            exact = v.ids.get(words[i])
            if exact is not None:
                d[exact] = 100.0
            if len(d) > _MAX_ENTRIES:
                d = dict(sorted(d.items(), key=lambda t: -t[1])[:_MAX_ENTRIES])
            out[i] = {j: _credit(s_) for j, s_ in d.items()}
        return out

    def search(
        self, query: str, limit: int = 50, allowed: Container[int] | None = None, min_score: float = 10.0
    ) -> list[tuple[int, float]]:
        """Best matches first as ``(doc_id, score 0..100)``; only ids in ``allowed`` if given.

        Documents scoring below ``min_score`` (chance likeness) are left out.
        """
        words = list(dict.fromkeys(_words(query or "")))
        if not words or limit <= 0:
            return []
        with self._lock:
            if not self._docs:
                return []
            return self._search(words, limit, allowed, min_score)

    def _search(
        self, words: list[str], limit: int, allowed: Container[int] | None, min_score: float
    ) -> list[tuple[int, float]]:
        weights = [token_weight(w) for w in words]
        if max(weights) < 0.5:  # a query of legal forms / numbers only: take them at face value
            weights = [1.0] * len(weights)
        total_w = sum(weights)
        cap = len(self._slot_ids)
        last = len(words) - 1

        # Phase 1 (numpy, all documents): per query word the best field-weighted similarity
        # any of the document's words reaches; an upper bound of the final score.
        total = np.zeros(cap, dtype=np.float32)
        cover = np.zeros(cap, dtype=np.float32)
        cand = np.zeros(cap, dtype=bool)
        matched = np.zeros(cap, dtype=np.float32)
        per_word: list[dict[int, float]] = []  # key (vid*3+field) -> effective similarity
        alts = [self._expansions(w) for w in words]
        flat_alts = [a for al in alts for a in al]
        all_matches = self._match_words(words + flat_alts, prefix=last)
        alt_matches = iter(all_matches[len(words) :])
        for i, w in enumerate(words):
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
            best = np.zeros(cap, dtype=np.float32)
            covered = np.zeros(cap, dtype=bool)
            for key, e in eff.items():
                arr = self._postings(key)
                if arr is None:
                    continue
                best[arr] = np.maximum(best[arr], e)
                if key % 3 == NAME and e >= _COVER_MIN:
                    covered[arr] = True
            total += weights[i] * best
            cover += weights[i] * covered
            matched += weights[i] * (best > 0)
            if weights[i] >= 0.5:
                cand |= best > 0
        nw = self._name_w[:cap]
        cov = np.minimum(1.0, np.divide(cover, nw, out=np.zeros_like(cover), where=nw > 0))
        upper = total / total_w * (0.88 + 0.12 * cov) * (0.75 + 0.25 * matched / total_w)
        upper[~cand] = 0
        idx = np.flatnonzero(upper >= max(min_score, 1e-6))
        if len(idx) == 0:
            return []
        idx = idx[np.argsort(-upper[idx], kind="stable")]

        # Phase 2 (Python, the best few): one query word per document word, exact coverage.
        # The phase-1 score bounds the exact one from above, so walking the documents in that
        # order we can stop once the next bound cannot beat the limit-th exact score.
        slot_ids = self._slot_ids
        docs = self._docs
        heap: list[tuple[float, int]] = []  # (score, -doc_id): the best ``limit`` so far
        bounds = upper[idx].tolist()
        for slot, bound in zip(idx.tolist(), bounds, strict=False):
            if len(heap) >= limit and bound < heap[0][0]:
                break
            doc_id = slot_ids[slot]
            if allowed is not None and doc_id not in allowed:
                continue
            sc = self._exact_score(docs[doc_id], per_word, weights, total_w)
            item = (sc, -doc_id)
            if len(heap) < limit:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)
        heap.sort(reverse=True)
        return [(-nd, round(min(100.0, sc), 2)) for sc, nd in heap if sc >= min_score and sc > 0]

    @staticmethod
    def _exact_score(
        entry: _Entry, per_word: list[dict[int, float]], weights: list[float], total_w: float
    ) -> float:
        keys = [vid * 3 + field for field, vids in enumerate(entry.fields) for vid in vids]
        # every (query word, document word) pair with its similarity, best first; each query
        # word and each document word is used once (greedy assignment)
        pairs = []
        for i, eff in enumerate(per_word):
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
            s += weights[i] * e
            hit += weights[i]
            if k % 3 == NAME and e >= _COVER_MIN:
                cov += weights[i]
        nw = entry.name_weight
        cover = min(1.0, cov / nw) if nw > 0 else 0.0
        return s / total_w * (0.88 + 0.12 * cover) * (0.75 + 0.25 * hit / total_w)
