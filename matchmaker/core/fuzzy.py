"""How near is near enough for trade words: typo allowance, spelling correction, free concepts.

Pure Python (+ rapidfuzz, numpy).

* :func:`max_edits`: the optimal-string-alignment distance tolerated in a stem of a given length
  (none up to four letters: beef/beer, wool/wood are different goods), and the confidence a
  correction at that distance earns.
* :class:`Speller` corrects the folded words of firms' items to stems of the lexicon vocabulary,
  vectorised over a batch: same stem, a small edit distance on the stem or on the word as written
  (pomidr → pomidor), the same phonetic key (xurma / хурма), or a known stem with a mistyped suffix
  (limonlagr).
* A part of an item that no lemma knows becomes a *free* concept (:func:`free_concept`) keyed by
  its Latin and phonetic form, so that "feijoa", "фейхоа" and "feyxoa" still meet across firms
  (:func:`free_similarity`, :class:`FreeConceptIndex`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence, Set

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .lexicon import ConceptHit, phon_key, token_key
from .morphology import AZ_SUFFIXES
from .text import to_latin

__all__ = [
    "CONF_EDIT1",
    "CONF_EDIT2",
    "CONF_EDIT3",
    "CONF_EXACT",
    "CONF_PHONETIC",
    "CONF_SUFFIX_TYPO",
    "Correction",
    "FreeConceptIndex",
    "Speller",
    "free_concept",
    "free_similarity",
    "max_edits",
]

# confidence of a corrected token
CONF_EXACT = 1.0
CONF_PHONETIC = 0.92
CONF_EDIT1 = 0.9
CONF_EDIT2 = 0.8
CONF_EDIT3 = 0.72
CONF_SUFFIX_TYPO = 0.85

# suffixes a mistyped ending may stand for (Azerbaijani layers, English plurals)
_SUFFIXES = tuple(s for s, _ in AZ_SUFFIXES) + ("ies", "es")

Correction = tuple[tuple[str, float], ...]  # (vocabulary stem, confidence), stems in order


def max_edits(n: int) -> int:
    """Edits (optimal string alignment) tolerated in a stem of ``n`` characters.

    Four-letter stems get none (beef/beer, wool/wood are different goods); a transposition is
    still accepted there (see ``_close``)."""
    if n <= 4:
        return 0
    if n <= 7:
        return 1
    if n <= 11:
        return 2
    return 3


def _close(k: str, v: str, d: int) -> bool:
    """Is vocabulary stem ``v`` a plausible typo of ``k`` at OSA distance ``d``?"""
    if d == 0:
        return True
    lim = min(max_edits(len(k)), max_edits(len(v)))
    if d <= lim:
        # typos rarely hit the first letter; allow it for one edit in a long word
        return v[0] == k[0] or (d == 1 and len(k) >= 6)
    # a swapped pair of letters in a four-letter word (хрум / хурм)
    return d == 1 and len(k) == len(v) == 4 and sorted(k) == sorted(v) and k[0] == v[0]


def _edit_conf(d: int) -> float:
    return (CONF_EXACT, CONF_EDIT1, CONF_EDIT2, CONF_EDIT3)[min(d, 3)]


def _best(cand: Mapping[str, float]) -> Correction:
    """The best-scored candidates (ties kept, at most three, in stem order)."""
    if not cand:
        return ()
    best = max(cand.values())
    return tuple(sorted(((v, c) for v, c in cand.items() if c >= best - 1e-9), key=lambda t: t[0]))[:3]


class Speller:
    """Vocabulary stems for folded words, typo-tolerant; the answers are kept per word."""

    def __init__(self, vocab: Sequence[str], stop: Set[str]) -> None:
        self.vocab = list(vocab)
        self._vocab_set = set(self.vocab)
        self._stop = stop
        self._by_phon: dict[str, list[str]] = {}
        for k in self.vocab:
            if len(k) >= 4:
                self._by_phon.setdefault(phon_key(k), []).append(k)
        self.corrections: dict[str, Correction] = {}

    def options(self, word: str) -> Correction:
        """The corrections of ``word`` found by :meth:`correct_batch` (none when not asked)."""
        return self.corrections.get(word, ())

    def correct_batch(self, words: Iterable[str]) -> None:
        """Correct every word not corrected yet, vectorised over all of them.

        A word not in the vocabulary is compared, by optimal string alignment, both as a stem
        and as written (a typo can change what the stemmer strips: "minera" / "mineral");
        same phonetic key counts too (xurma / khurma / хурма); last, a known stem followed by
        a mistyped suffix ("limonlagr", "hissələrz")."""
        todo = sorted({w for w in words if w not in self.corrections})
        fuzzy = [w for w in todo if not self._settled(w)]
        if not fuzzy:
            return
        if not self.vocab:
            for w in fuzzy:
                self.corrections[w] = ()
            return
        forms = [(token_key(w), to_latin(w)) for w in fuzzy]
        queries = sorted({x for pair in forms for x in pair})
        row_of = {q: i for i, q in enumerate(queries)}
        dist: NDArray[np.uint8] = process.cdist(
            queries, self.vocab, scorer=OSA.distance, score_cutoff=3, dtype=np.uint8, workers=-1
        )
        for w, (k, raw) in zip(fuzzy, forms, strict=False):
            cand = self._by_edits((k, raw), dist, row_of)
            self._add_phonetic(k, cand)
            if not cand:
                v = self._suffix_typo(raw)
                if v:
                    cand[v] = CONF_SUFFIX_TYPO
            self.corrections[w] = _best(cand)

    def settle(self, words: Iterable[str]) -> None:
        """Answer the words known as written (and the short or generic ones); leave the others."""
        for w in words:
            if w not in self.corrections:
                self._settled(w)

    def _settled(self, w: str) -> bool:
        """Settle a word that needs no fuzzy look-up (known stem, number, short, generic)."""
        k = token_key(w)
        if k in self._vocab_set:
            self.corrections[w] = ((k, CONF_EXACT),)
        elif k.isdigit() or len(k) < 4 or k in self._stop:
            self.corrections[w] = ()
        else:
            return False
        return True

    def _by_edits(
        self, forms: tuple[str, str], dist: NDArray[np.uint8], row_of: Mapping[str, int]
    ) -> dict[str, float]:
        """Stems within the edit allowance of the word's stem or of the word as written."""
        cand: dict[str, float] = {}
        for q in dict.fromkeys(forms):
            row = dist[row_of[q]]
            lim = max(1, max_edits(len(q)))
            for j in np.nonzero(row <= lim)[0]:
                v = self.vocab[j]
                d = int(row[j])
                if _close(q, v, d):
                    cand[v] = max(cand.get(v, 0.0), _edit_conf(d))
        return cand

    def _add_phonetic(self, k: str, cand: dict[str, float]) -> None:
        """Same phonetic key (transliteration variants: xurma / khurma / хурма)."""
        for v in self._by_phon.get(phon_key(k), ()):
            if abs(len(v) - len(k)) <= 2 and fuzz.ratio(k, v) >= 75:
                cand[v] = max(cand.get(v, 0.0), CONF_PHONETIC)

    def _suffix_typo(self, raw: str) -> str | None:
        """A vocabulary stem followed by a one-letter-off suffix of three letters or more."""
        for i in range(len(raw) - 3, 3, -1):
            head, rem = raw[:i], raw[i:]
            if head not in self._vocab_set:
                continue
            for r in (rem, rem[1:] if rem[0] in "aeiou" else None):
                if (
                    r
                    and len(r) >= 3
                    and any(len(suf) >= 3 and OSA.distance(r, suf, score_cutoff=1) <= 1 for suf in _SUFFIXES)
                ):
                    return head
        return None


# Free concepts ------------------------------------------------------------------------------
def free_concept(keys: Sequence[str], text: str) -> ConceptHit:
    """The free concept of the content words ``keys`` (index keys) of a part: "free:" + keys."""
    key = " ".join(sorted(keys))
    phon = " ".join(sorted(phon_key(w) for w in keys))
    return ConceptHit("free:" + key, 1.0, text, "free", key, phon)


def free_similarity(a: ConceptHit, b: ConceptHit) -> float:
    """Confidence that two free concepts name the same product (0 when they do not)."""
    if a.key == b.key:
        return 1.0
    return _free_sim(a.key, a.phon, b.key, b.phon)


def _free_sim(ka: str, pa: str, kb: str, pb: str) -> float:
    n = min(len(ka), len(kb))
    if n < 4:
        return 0.0
    if pa == pb and fuzz.ratio(ka, kb) >= 60:
        return 0.9
    d = OSA.distance(ka, kb, score_cutoff=max_edits(n))
    if d <= max_edits(n):
        return _edit_conf(d)
    if len(pa) >= 4 and OSA.distance(pa, pb, score_cutoff=1) <= 1 and fuzz.ratio(ka, kb) >= 50:
        return 0.75
    return 0.0


class FreeConceptIndex:
    """Which free (unknown-product) concepts name the same thing, across firms and scripts.

    Keys are added as items are analysed; :meth:`flush` compares the new ones with all keys,
    vectorised (edit distance on the Latin keys and on the phonetic keys), and keeps the pairs
    :func:`free_similarity` accepts. The relation is pairwise, so it does not depend on the
    order in which keys arrive."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}  # key -> phon
        self.neigh: dict[str, dict[str, float]] = {}
        self._pending: list[str] = []

    def add(self, key: str, phon: str) -> None:
        if key not in self.keys:
            self.keys[key] = phon
            self.neigh[key] = {key: 1.0}
            self._pending.append(key)

    def flush(self) -> None:
        if not self._pending:
            return
        new = self._pending
        self._pending = []
        allk = list(self.keys)
        if len(allk) > 1:
            self._link(new, allk)

    def _link(self, new: list[str], allk: list[str]) -> None:
        # vectorised: edit distance on the Latin keys and on the phonetic keys
        d: NDArray[np.uint8] = process.cdist(
            new, allk, scorer=OSA.distance, score_cutoff=3, dtype=np.uint8, workers=-1
        )
        ph = [self.keys[k] for k in allk]
        dp: NDArray[np.uint8] = process.cdist(
            [self.keys[k] for k in new],
            ph,
            scorer=OSA.distance,
            score_cutoff=1,
            dtype=np.uint8,
            workers=-1,
        )
        for i, a in enumerate(new):
            for j in np.nonzero((d[i] <= 3) | (dp[i] <= 1))[0]:
                b = allk[j]
                if a == b:
                    continue
                s = _free_sim(a, self.keys[a], b, self.keys[b])
                if s > 0:
                    self.neigh[a][b] = s
                    self.neigh[b][a] = s

    def neighbours(self, key: str) -> dict[str, float]:
        return self.neigh.get(key, {key: 1.0})
