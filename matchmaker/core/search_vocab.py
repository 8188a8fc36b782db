"""The directory search's vocabulary, and fuzzy matching of query words against it.

Pure Python (rapidfuzz + numpy). Every distinct folded word of the index is one vocabulary entry
carrying two keys from :mod:`matchmaker.core.text`: its Latin transliteration and its phonetic key
(Gəncə = Гянджа = "kanja"). :func:`match_words` scores query words against the entries with
``rapidfuzz.process.cdist`` (``ratio`` on the Latin keys and on the phonetic keys; one word also on
keys cut to its length, so "İnv" finds "İnvest" and "Хол" finds "Холдинг"), and turns each
similarity into a *credit* on a steep curve (100 → 100, 90 → 75, 80 → 52, 60 → 12), so
near-misses count and chance likeness does not.

Name and city words (:attr:`Vocabulary.short`) are compared in full; words seen only in
offers/needs/descriptions are bucketed by the first letter of their phonetic key and compared with
the query words of that bucket only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from .lexicon import token_key
from .text import has_cyrillic, phonetic_tokens, to_latin

__all__ = ["KeyList", "Vocabulary", "match_words", "nearest_words", "prefix_matches"]

_MATCH_CUTOFF = 55.0  # similarity (0..100) below which a query word does not match a word
_MAX_ENTRIES = 48  # vocabulary entries kept per query word
_PHON_MIN = 80.0  # phonetic-key similarity below this is chance (small alphabet)


def _credit(sim: float) -> float:
    """Similarity (0..100) → credit (0..100): steep, so near-misses count, chance likeness not.

    100 → 100, 95 → 87, 90 → 75, 80 → 52, 70 → 30, 60 → 12. A name word at 80 % similarity
    (one or two typos) is then worth about an exact mention in the offers (field weight 0.5).
    """
    if sim <= _MATCH_CUTOFF - 5:
        return 0.0
    credit: float = 100.0 * ((sim - 50.0) / 50.0) ** 1.3  # a positive base: a real power
    return credit


def _latin_key(word: str) -> str:
    return to_latin(word).replace(" ", "")


def _phonetic_key(word: str) -> str:
    return "".join(phonetic_tokens(word))


def _query_phonetic_key(word: str) -> str:
    """The phonetic key a query word is compared by: none for a key of fewer than two consonants
    ("uehai" → "aka", "ыыыы" → "a" are like half the directory), unless the word is that short
    (су / su, чай / çay)."""
    key = _phonetic_key(word)
    consonants = sum(1 for ch in key if ch != "a")
    return key if consonants >= 2 or (consonants == 1 and len(word) <= 3) else ""


class KeyList:
    """A list of vocabulary entries with their keys, for one ``cdist`` pass (append-only)."""

    __slots__ = ("vids", "lat", "phon", "cyr", "_np", "_trunc")

    def __init__(self) -> None:
        self.vids: list[int] = []
        self.lat: list[str] = []
        self.phon: list[str] = []
        self.cyr: list[bool] = []
        self._np: tuple[NDArray[np.int64], NDArray[np.bool_]] | None = None
        self._trunc: dict[tuple[int, int], list[str]] = {}

    def append(self, vid: int, lat: str, phon: str, cyr: bool) -> None:
        self.vids.append(vid)
        self.lat.append(lat)
        self.phon.append(phon)
        self.cyr.append(cyr)
        self._np = None

    def arrays(self) -> tuple[NDArray[np.int64], NDArray[np.bool_]]:
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


class Vocabulary:
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
        self.words: list[str] = []  # the folded word of each id ("" for a marker)
        self.raw: list[str] = []  # the word as first written ("Şərab"), for suggestions
        self.short = KeyList()
        self._in_short: set[int] = set()
        self.buckets: dict[str, KeyList] = {}
        self.by_key: dict[str, list[int]] = {}  # stem key (token_key) -> words
        self.by_phon: dict[str, list[int]] = {}  # phonetic key -> words
        self.symbols: dict[str, int] = {}  # concept / sector markers of documents -> id

    def __len__(self) -> int:
        return len(self.lat)

    def get_or_add(self, word: str, short: bool, raw: str = "") -> int:
        vid = self.ids.get(word)
        if vid is None:
            vid = len(self.lat)
            self.ids[word] = vid
            lat = _latin_key(word)
            phon = _phonetic_key(word)
            cyr = has_cyrillic(word)
            self.lat.append(lat)
            self.phon.append(phon)
            self.cyr.append(cyr)
            self.words.append(word)
            self.raw.append(raw or word)
            if not word.isdigit():  # numbers only ever match exactly
                self.buckets.setdefault(phon[:1], KeyList()).append(vid, lat, phon, cyr)
                self.by_key.setdefault(token_key(word), []).append(vid)
                self.by_phon.setdefault(phon, []).append(vid)
        if short and vid not in self._in_short and not word.isdigit():
            self._in_short.add(vid)
            self.short.append(vid, self.lat[vid], self.phon[vid], self.cyr[vid])
        return vid

    def symbol(self, name: str) -> int:
        """The id of a document marker (a concept, a sector): never matched as a word."""
        vid = self.symbols.get(name)
        if vid is None:
            vid = self.symbols[name] = len(self.lat)
            self.lat.append("")
            self.phon.append("")
            self.cyr.append(False)
            self.words.append("")
            self.raw.append("")
        return vid

    def is_short(self, vid: int) -> bool:
        """Is the word used in a name or a city?"""
        return vid in self._in_short


# Matching -----------------------------------------------------------------------------------
@dataclass
class _Queries:
    """Keys of the query words being matched, by their position in the word list."""

    lat: dict[int, str]
    phon: dict[int, str]
    cyr: dict[int, bool]
    sims: dict[int, dict[int, float]]  # position -> {vid: best similarity 0..100}
    prefix: int  # position of the word also compared as a prefix (with short words)
    prefix_factor: float


def match_words(
    vocab: Vocabulary, words: Sequence[str], prefix: int = -1, prefix_factor: float = 0.94
) -> list[dict[int, float]]:
    """For each folded word, the vocabulary entries like it: {vid: credit 0..100}.

    Words are scored together, one ``cdist`` call per key kind and key list (each list is
    converted once). ``words[prefix]`` is also compared as a prefix with name/city words.
    """
    out: list[dict[int, float]] = [{} for _ in words]
    rows: list[int] = []
    for i, w in enumerate(words):
        if w.isdigit():  # numbers only ever match exactly
            exact = vocab.ids.get(w)
            if exact is not None:
                out[i][exact] = 100.0
            continue
        rows.append(i)
    if not rows or len(vocab) == 0:
        return out
    q = _Queries(
        {i: _latin_key(words[i]) for i in rows},
        {i: _query_phonetic_key(words[i]) for i in rows},
        {i: has_cyrillic(words[i]) for i in rows},
        {i: {} for i in rows},
        prefix,
        prefix_factor,
    )
    _score(vocab.short, rows, q, with_prefix=True)
    by_bucket: dict[str, list[int]] = {}
    for i in rows:
        by_bucket.setdefault(_phonetic_key(words[i])[:1], []).append(i)
    for b, rs in by_bucket.items():
        kl = vocab.buckets.get(b)
        if kl is not None:
            _score(kl, rs, q, with_prefix=False)
    for i in rows:
        d = q.sims[i]
        exact = vocab.ids.get(words[i])
        if exact is not None:
            d[exact] = 100.0
        if len(d) > _MAX_ENTRIES:
            d = dict(sorted(d.items(), key=lambda t: -t[1])[:_MAX_ENTRIES])
        out[i] = {j: _credit(s_) for j, s_ in d.items()}
    return out


def _score(kl: KeyList, rs: list[int], q: _Queries, with_prefix: bool) -> None:
    """Similarities of the query words at positions ``rs`` with the entries of ``kl``."""
    if not kl.vids or not rs:
        return
    lat: NDArray[np.float32] = process.cdist(
        [q.lat[i] for i in rs], kl.lat, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=_MATCH_CUTOFF
    ).astype(np.float32)
    phon: NDArray[np.float32] = process.cdist(
        [q.phon[i] for i in rs], kl.phon, scorer=fuzz.ratio, dtype=np.uint8, score_cutoff=_PHON_MIN
    ).astype(np.float32)
    vids, cyr = kl.arrays()
    for r, i in enumerate(rs):
        if with_prefix and i == q.prefix:
            _prefix_scores(kl, lat[r], phon[r], q.lat[i], q.phon[i], q.prefix_factor)
        # Same script: the Latin keys are reliable and vowels matter, so the coarse
        # phonetic key counts less; across scripts it is the main evidence.
        sim = np.maximum(lat[r], phon[r] * np.where(cyr == q.cyr[i], np.float32(0.9), np.float32(0.97)))
        idx = np.flatnonzero(sim >= _MATCH_CUTOFF)
        d = q.sims[i]
        for j, s_ in zip(vids[idx].tolist(), sim[idx].tolist(), strict=False):
            if s_ > d.get(j, 0.0):
                d[j] = s_


def _prefix_scores(
    kl: KeyList,
    lat: NDArray[np.float32],
    phon: NDArray[np.float32],
    qlat: str,
    qphon: str,
    prefix_factor: float,
) -> None:
    """Raise the rows ``lat``/``phon`` (in place) by the word compared as a prefix of the keys."""
    for which, row, key in ((0, lat, qlat), (1, phon, qphon)):
        if len(key) < (2 if which == 0 else 3):
            continue
        # short prefixes say less: 2 letters ×0.9, 3 letters ×0.95
        pf = prefix_factor * (1.0 - 0.05 * max(0, 4 - len(key)))
        pre: NDArray[np.float32] = process.cdist(
            [key], kl.truncated(which, len(key)), scorer=fuzz.ratio, dtype=np.uint8
        )[0].astype(np.float32)
        if which == 1:
            pre[pre < _PHON_MIN] = 0
        np.maximum(row, pre * pf, out=row)


def nearest_words(
    vocab: Vocabulary, word: str, limit: int = 3, cutoff: float = 60.0
) -> list[tuple[int, float]]:
    """Words of the vocabulary spelled most like the folded ``word``: [(id, similarity 0..100)].

    Names and cities are searched whole, offers words in the word's bucket; the Latin keys count,
    and across scripts the very same sound (Гянджа / Gəncə)."""
    if word.isdigit() or not word:
        return []
    qlat, qphon = _latin_key(word), _phonetic_key(word)
    best: dict[int, float] = {}
    lists = [vocab.short]
    bucket = vocab.buckets.get(qphon[:1])
    if bucket is not None:
        lists.append(bucket)
    for kl in lists:
        for keys, q, factor, cut in ((kl.lat, qlat, 1.0, cutoff), (kl.phon, qphon, 0.95, 100.0)):
            if not keys or not q:
                continue
            for _, sim, j in process.extract(q, keys, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=cut):
                vid = kl.vids[j]
                if sim * factor > best.get(vid, 0.0):
                    best[vid] = sim * factor
    return sorted(best.items(), key=lambda t: (-t[1], vocab.raw[t[0]]))[:limit]


def prefix_matches(vocab: Vocabulary, word: str, prefix_factor: float = 0.94) -> dict[int, float]:
    """Name and city words that the folded ``word`` begins, exactly (Latin keys): {id: credit}.

    For the last word of a query that is itself a word of the lexicon ("Şirvan Şər", "Ахтуба
    Лог"): still being typed perhaps, but never to be read as a near spelling of another word."""
    key = _latin_key(word)
    n = len(key)
    if n < 2 or word.isdigit():
        return {}
    kl = vocab.short
    pf = prefix_factor * (1.0 - 0.05 * max(0, 4 - n))
    credit = _credit(100.0 * pf)
    return {
        kl.vids[j]: credit
        for j, (t, full) in enumerate(zip(kl.truncated(0, n), kl.lat, strict=True))
        if t == key and len(full) > n
    }
