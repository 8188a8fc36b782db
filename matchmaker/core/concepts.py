"""Trade concepts: map a firm's free-text item to lexicon concepts, across languages and scripts.

Pure Python (+ rapidfuzz). The lexicon (``matchmaker/data/lexicon.json``) lists concepts with an HS
code, a product group and lemmas in English, Russian and Azerbaijani. :class:`Lexicon` indexes
every lemma as a sequence of *keys*: folded, stemmed (:mod:`matchmaker.core.morphology`) and
transliterated to Latin, so that "томатами", "Tomatoes" and "pomidorlar" hit the lemma of their
language, and a Russian word typed in Latin letters still meets its Cyrillic lemma.

``Lexicon.analyze(item)`` then

1. splits the item on separators ("/", ",", "+", "&", and/и/və …) into parts;
2. corrects each token that is not in the vocabulary: same phonetic key (xurma / хурма), or a small
   optimal-string-alignment distance (pomidr → pomidor) that grows with the word's length;
3. matches multi-word lemmas longest first, word order free inside the window
   ("мука пшеничная" = "пшеничная мука"), then partial multi-word lemmas;
4. keeps the head of a part when several concepts hit it ("wheat flour" is flour, a weak wheat;
   "мясо птицы" is poultry meat rather than meat);
5. turns a part that no lemma knows into a *free* concept keyed by its Latin and phonetic form,
   so that "feijoa", "фейхоа" and "feyxoa" still meet across firms (:func:`free_similarity`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import product

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from .morphology import _AZ_SUFFIXES, is_cyrillic, stem
from .text import fold, phonetic_key, to_latin

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

# Generic modifiers in the three languages (folded, stemmed at load time). They never make a
# free concept by themselves and do not count against a lemma's coverage.
_STOPWORDS_RAW = """
fresh new high quality premium best organic natural export import wholesale retail bulk
products product goods and or of for the a an in from with
services service supply supplies
свежий свежая свежие свежее новый высокое качество качественный экспорт импорт оптом опт
оптовый розница продукция продукты товары товар и или для из с в на поставка поставки
услуги услуга
teze yeni yuksek keyfiyyet keyfiyyetli ixrac idxal topdan perakende mehsul mehsullar
mallar mal ve ya ucun ile xidmet xidmetleri techizat
"""

_SEPARATORS = re.compile(r"\s*[/,;+&|()\[\]]\s*")
# conjunctions split an item too ("apples and pears"), unless a lemma spans them
# ("meyvə və tərəvəz", "alüminium və ondan məmulatlar")
_CONJ = frozenset({"and", "or", "и", "или", "ve"})

# confidence of a corrected token
CONF_EXACT = 1.0
CONF_PHONETIC = 0.92
CONF_EDIT1 = 0.9
CONF_EDIT2 = 0.8
CONF_EDIT3 = 0.72
CONF_SUFFIX_TYPO = 0.85
MODIFIER_CONF = 0.4  # a concept that only modifies the head of its part ("wheat" in wheat flour)


# suffixes a mistyped ending may stand for (Azerbaijani layers, English plurals)
_SUFFIXES = tuple(s for s, _ in _AZ_SUFFIXES) + ("ies", "es")


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


@lru_cache(maxsize=200_000)
def token_key(folded_token: str) -> str:
    """Index key of one folded token: its stem, in Latin letters."""
    s = stem(folded_token)
    return to_latin(s) if is_cyrillic(s) else s


@lru_cache(maxsize=200_000)
def _phon(key: str) -> str:
    return phonetic_key(key)


_RU_ADJ = (
    "ый",
    "ий",
    "ой",
    "ая",
    "яя",
    "ое",
    "ее",
    "ые",
    "ие",
    "ого",
    "его",
    "ую",
    "юю",
    "ых",
    "их",
    "ым",
    "им",
    "ыми",
    "ими",
    "ом",
    "ем",
)


def _head(words: list[str]) -> int:
    """Index of the head word of a short noun phrase.

    Russian leads with the head noun (мука пшеничная, мясо птицы) after any adjectives
    (пшеничная мука); English and Azerbaijani end with it (wheat flour, buğda unu)."""
    if words and is_cyrillic(words[0]):
        for i, w in enumerate(words):
            if not w.endswith(_RU_ADJ):
                return i
    return len(words) - 1


@dataclass(frozen=True, slots=True)
class Concept:
    id: str
    hs: str | None = None  # as written in the lexicon ("0810.70", "08")
    group: str | None = None
    broader: str | None = None
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    ancestors: tuple[str, ...] = ()  # broader concepts (explicit chain and HS prefixes)
    free: bool = False
    heading: str | None = None  # 4-digit HS heading ("0810")
    chapter: str | None = None  # 2-digit HS chapter ("08")

    @property
    def digits(self) -> str:
        return re.sub(r"\D", "", self.hs or "")

    def name(self, lang: str = "en") -> str:
        for lg in (lang, "en", "ru", "az"):
            terms = self.names.get(lg)
            if terms:
                return terms[0]
        return self.id


@dataclass(frozen=True, slots=True)
class ConceptHit:
    """One concept found in an item. ``key``/``phon`` are set for free concepts."""

    concept: str
    confidence: float
    text: str = ""  # the part of the item that produced the hit
    how: str = "exact"  # exact | fuzzy | partial | modifier | free
    key: str = ""
    phon: str = ""

    @property
    def free(self) -> bool:
        return self.how == "free"


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


class Lexicon:
    """The trade lexicon, indexed for :meth:`analyze`."""

    def __init__(self, data: Mapping):
        self.version = data.get("version")
        self.groups: dict[str, dict[str, str]] = dict(data.get("groups", {}))
        self.concepts: dict[str, Concept] = {}
        raw = list(data.get("concepts", []))
        by_digits: dict[str, str] = {}
        for c in raw:
            d = re.sub(r"\D", "", c.get("hs") or "")
            # the chapter / heading concept ("hs08") represents its code when there is one
            if d and (d not in by_digits or re.fullmatch(r"hs\d+", c["id"])):
                by_digits[d] = c["id"]
        parents = {c["id"]: c.get("broader") for c in raw}
        groups = {c["id"]: c.get("group") for c in raw}
        for c in raw:
            cid = c["id"]
            anc: list[str] = []
            p = parents.get(cid)
            seen = {cid}
            while p and p not in seen and p in parents:
                anc.append(p)
                seen.add(p)
                p = parents.get(p)
            d = re.sub(r"\D", "", c.get("hs") or "")
            for n in (6, 4, 2):
                if len(d) > n and d[:n] in by_digits and by_digits[d[:n]] not in seen:
                    anc.append(by_digits[d[:n]])
                    seen.add(by_digits[d[:n]])
            group = groups.get(cid)
            if not group:
                for a in anc:
                    if groups.get(a):
                        group = groups[a]
                        break
            names = {lg: tuple(c.get(lg) or ()) for lg in ("en", "ru", "az")}
            self.concepts[cid] = Concept(
                cid,
                c.get("hs"),
                group,
                c.get("broader"),
                names,
                tuple(anc),
                False,
                d[:4] if len(d) >= 4 else None,
                d[:2] if len(d) >= 2 else None,
            )
        self._stop = {token_key(t) for t in fold(_STOPWORDS_RAW).split()}
        # phrase index: sorted tuple of keys -> concept ids
        self._phrases: dict[tuple[str, ...], list[str]] = {}
        self._partial: dict[tuple[str, ...], list[tuple[str, float]]] = {}
        self._max_len = 1
        token_concepts: dict[str, set[str]] = {}
        heads: set[str] = set()
        for cid, c in self.concepts.items():
            for terms in c.names.values():
                for term in terms:
                    keys = tuple(token_key(t) for t in fold(term).split())
                    if not keys:
                        continue
                    sk = tuple(sorted(keys))
                    lst = self._phrases.setdefault(sk, [])
                    if cid not in lst:
                        lst.append(cid)
                    self._max_len = max(self._max_len, len(sk))
                    content = [k for k in keys if k not in self._stop]
                    for k in set(content):
                        token_concepts.setdefault(k, set()).add(cid)
                    words = fold(term).split()
                    heads.add(keys[_head(words)])
                    if len(content) >= 3:
                        # every sub-set missing one word: "программное обеспечение" for
                        # "разработка программного обеспечения"
                        for i in range(len(content)):
                            sub = tuple(sorted(content[:i] + content[i + 1 :]))
                            self._partial.setdefault(sub, [])
                            if all(x != cid for x, _ in self._partial[sub]):
                                self._partial[sub].append((cid, 0.85))
        # a sub-phrase shared by several concepts ("ondan məmulatlar") names none of them
        self._partial = {k: v for k, v in self._partial.items() if len(v) == 1}
        # the head word of the lemmas of one concept only ("pipes" -> steel pipe)
        single = {sk[0] for sk in self._phrases if len(sk) == 1}
        for k, cids in token_concepts.items():
            if len(cids) == 1 and k not in single and len(k) >= 4 and k in heads:
                self._partial.setdefault((k,), []).append((next(iter(cids)), 0.6))
        self.vocab: list[str] = sorted(
            {k for sk in self._phrases for k in sk} | {k for sk in self._partial for k in sk}
        )
        self._vocab_set = set(self.vocab)
        self._by_phon: dict[str, list[str]] = {}
        for k in self.vocab:
            if len(k) >= 4:
                self._by_phon.setdefault(_phon(k), []).append(k)
        self._corrections: dict[str, tuple[tuple[str, float], ...]] = {}
        self._cache: dict[str, tuple[ConceptHit, ...]] = {}

    # ---------------------------------------------------------------------------- loading
    @classmethod
    def from_json(cls, path) -> Lexicon:
        with open(path, encoding="utf-8") as fh:
            return cls(json.load(fh))

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

    # --------------------------------------------------------------------------- corrections
    def _correct_batch(self, words: Iterable[str]) -> None:
        """Vocabulary stems for folded words, typo-tolerant, vectorised over all of them.

        A word not in the vocabulary is compared, by optimal string alignment, both as a stem
        and as written (a typo can change what the stemmer strips: "minera" / "mineral");
        same phonetic key counts too (xurma / khurma / хурма); last, a known stem followed by
        a mistyped suffix ("limonlagr", "hissələrz")."""
        todo = sorted({w for w in words if w not in self._corrections})
        if not todo:
            return
        fuzzy = []
        for w in todo:
            k = token_key(w)
            if k in self._vocab_set:
                self._corrections[w] = ((k, CONF_EXACT),)
            elif k.isdigit() or len(k) < 4 or k in self._stop:
                self._corrections[w] = ()
            else:
                fuzzy.append(w)
        if not fuzzy or not self.vocab:
            for w in fuzzy:
                self._corrections[w] = ()
            return
        forms = [(token_key(w), to_latin(w)) for w in fuzzy]
        queries = sorted({x for pair in forms for x in pair})
        row_of = {q: i for i, q in enumerate(queries)}
        dist = process.cdist(
            queries, self.vocab, scorer=OSA.distance, score_cutoff=3, dtype=np.uint8, workers=-1
        )
        for w, (k, raw) in zip(fuzzy, forms, strict=False):
            cand: dict[str, float] = {}
            for q in dict.fromkeys((k, raw)):
                row = dist[row_of[q]]
                lim = max(1, max_edits(len(q)))
                for j in np.nonzero(row <= lim)[0]:
                    v = self.vocab[j]
                    d = int(row[j])
                    if _close(q, v, d):
                        cand[v] = max(cand.get(v, 0.0), _edit_conf(d))
            # same phonetic key (transliteration variants: xurma / khurma / хурма)
            for v in self._by_phon.get(_phon(k), ()):
                if abs(len(v) - len(k)) <= 2 and fuzz.ratio(k, v) >= 75:
                    cand[v] = max(cand.get(v, 0.0), CONF_PHONETIC)
            if not cand:
                v = self._suffix_typo(raw)
                if v:
                    cand[v] = CONF_SUFFIX_TYPO
            if cand:
                best = max(cand.values())
                self._corrections[w] = tuple(
                    sorted(((v, c) for v, c in cand.items() if c >= best - 1e-9), key=lambda t: t[0])
                )[:3]
            else:
                self._corrections[w] = ()

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

    # ------------------------------------------------------------------------------ analysis
    def analyze(self, item: str) -> list[ConceptHit]:
        """Concepts named by one free-text item, best first."""
        return list(self.analyze_many([item])[0])

    def analyze_many(self, items: Iterable[str]) -> list[tuple[ConceptHit, ...]]:
        items = list(items)
        todo = [s for s in dict.fromkeys(items) if s not in self._cache]
        if todo:
            parsed = {s: self._parse(s) for s in todo}
            self._correct_batch(w for parts in parsed.values() for p in parts for w, _ in p)
            for s, parts in parsed.items():
                self._cache[s] = self._analyze_parts(parts)
        return [self._cache[s] for s in items]

    def _parse(self, item: str) -> list[list[tuple[str, str]]]:
        parts = []
        for part in _SEPARATORS.split(item or ""):
            words = fold(part).split()
            if words:
                parts.append([(w, token_key(w)) for w in words])
        return parts

    def _analyze_parts(self, parts) -> tuple[ConceptHit, ...]:
        found: dict[str, ConceptHit] = {}
        for part in parts:
            for h in self._analyze_conj(part):
                old = found.get(h.concept)
                if old is None or h.confidence > old.confidence:
                    found[h.concept] = h
        return tuple(sorted(found.values(), key=lambda h: (-h.confidence, h.concept)))

    def _analyze_conj(self, part: list[tuple[str, str]]) -> list[ConceptHit]:
        cut = [i for i, (w, _) in enumerate(part) if w in _CONJ]
        if not cut:
            return self._analyze_part(part)
        whole = self._analyze_part(part)
        if any(set(h.text.split()) & _CONJ for h in whole if h.how != "free"):
            return whole
        out, start = [], 0
        for i in cut + [len(part)]:
            if part[start:i]:
                out += self._analyze_part(part[start:i])
            start = i + 1
        return out

    def _analyze_part(self, part: list[tuple[str, str]]) -> list[ConceptHit]:
        n = len(part)
        options = [self._corrections.get(w, ()) for w, _ in part]
        used = [False] * n
        hits: list[tuple[int, int, ConceptHit]] = []  # (start, end, hit)
        for size in range(min(n, self._max_len), 0, -1):
            for start in range(0, n - size + 1):
                if any(used[start : start + size]):
                    continue
                res = self._lookup(options[start : start + size], self._phrases)
                if res is None:
                    continue
                cids, conf = res
                text = " ".join(w for w, _ in part[start : start + size])
                how = "exact" if conf >= 1.0 else "fuzzy"
                for cid in cids:
                    hits.append((start, start + size, ConceptHit(cid, conf, text, how)))
                for i in range(start, start + size):
                    used[i] = True
        content = [i for i in range(n) if not used[i] and part[i][1] not in self._stop]
        if not hits and content:
            # partial lemmas: a multi-word lemma missing a word, or a word unique to one concept
            for size in (2, 1):
                for start in range(0, n - size + 1):
                    if any(used[start : start + size]):
                        continue
                    opts = options[start : start + size]
                    if size == 1:
                        if start != _head([w for w, _ in part]):
                            continue
                        opts = [tuple(o for o in opts[0] if o[1] >= 1.0)]
                    res = self._lookup(opts, self._partial, partial=True)
                    if res is None:
                        continue
                    for cid, conf in res:
                        text = " ".join(w for w, _ in part[start : start + size])
                        hits.append((start, start + size, ConceptHit(cid, round(conf, 3), text, "partial")))
                    for i in range(start, start + size):
                        used[i] = True
        if hits:
            return self._heads(hits, part)
        if not content:
            return []
        words = [part[i][1] for i in content]
        key = " ".join(sorted(words))
        phon = " ".join(sorted(_phon(w) for w in words))
        text = " ".join(part[i][0] for i in content)
        return [ConceptHit("free:" + key, 1.0, text, "free", key, phon)]

    @staticmethod
    def _lookup(opts, index, partial: bool = False):
        if any(not o for o in opts):
            return None
        best = None
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
        if best is None:
            return None
        got, conf = best
        if partial:
            return [(cid, w * conf) for cid, w in got]
        return got, round(conf, 3)

    def _heads(self, hits, part) -> list[ConceptHit]:
        """Several concepts in one part: keep the most specific, the head at full weight."""
        cids = {h.concept for _, _, h in hits}
        out = []
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
        h = _head([w for w, _ in part])
        head = next(
            (sp for sp in spans if sp[0] <= h < sp[1]), spans[0] if is_cyrillic(part[0][0]) else spans[-1]
        )
        for s, e, h in hits:
            if (s, e) == head:
                out.append(h)
            else:
                out.append(ConceptHit(h.concept, round(h.confidence * MODIFIER_CONF, 3), h.text, "modifier"))
        return out


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon (``matchmaker/data/lexicon.json``), loaded once."""
    ref = resources.files("matchmaker").joinpath("data", "lexicon.json")
    with ref.open("r", encoding="utf-8") as fh:
        return Lexicon(json.load(fh))


class FreeConceptIndex:
    """Which free (unknown-product) concepts name the same thing, across firms and scripts.

    Keys are added as items are analysed; :meth:`flush` compares the new ones with all keys,
    vectorised (edit distance on the Latin keys and on the phonetic keys), and keeps the pairs
    :func:`free_similarity` accepts. The relation is pairwise, so it does not depend on the
    order in which keys arrive."""

    def __init__(self):
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
            # vectorised: edit distance on the Latin keys and on the phonetic keys
            d = process.cdist(new, allk, scorer=OSA.distance, score_cutoff=3, dtype=np.uint8, workers=-1)
            ph = [self.keys[k] for k in allk]
            dp = process.cdist(
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
