"""The trade lexicon: its JSON records and their loading, the concept data model, the lemma index.

Pure Python. ``matchmaker/data/lexicon.json`` lists concepts with an HS code, a product group, a
broader concept and lemmas in English, Russian and Azerbaijani (:class:`LexiconData`,
:class:`ConceptRecord`; :func:`packaged_lexicon_data`, :func:`read_lexicon_data`).
:func:`build_concepts` turns the records into :class:`Concept` objects with their chain of broader
concepts (explicit ``broader`` links, then the HS heading and chapter); :func:`index_lemmas`
indexes every lemma as a sorted tuple of *keys* (:func:`token_key`: folded, stemmed by
:mod:`matchmaker.core.morphology`, transliterated to Latin), so that "томатами", "Tomatoes" and
"pomidorlar" hit the lemma of their language.

:class:`ConceptHit` is one concept found in a firm's item; :mod:`matchmaker.core.concepts` finds
them.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import NotRequired, TypedDict

from .morphology import is_cyrillic, stem
from .text import fold, phonetic_key, to_latin

__all__ = [
    "Concept",
    "ConceptHit",
    "ConceptRecord",
    "LemmaIndex",
    "LexiconData",
    "build_concepts",
    "head_index",
    "index_lemmas",
    "packaged_lexicon_data",
    "phon_key",
    "read_lexicon_data",
    "stop_keys",
    "token_key",
]


# Records of lexicon.json --------------------------------------------------------------------
class ConceptRecord(TypedDict):
    """One concept of ``lexicon.json``; lemmas per language, the first one is its name."""

    id: str
    hs: NotRequired[str | None]  # HS code as written ("0810.70", "08")
    group: NotRequired[str | None]  # product group (a key of ``LexiconData.groups``)
    broader: NotRequired[str | None]  # id of the broader concept
    en: NotRequired[list[str] | None]
    ru: NotRequired[list[str] | None]
    az: NotRequired[list[str] | None]


class LexiconData(TypedDict, total=False):
    """The whole of ``lexicon.json``."""

    version: int
    sources: list[str]
    groups: dict[str, dict[str, str]]  # group -> {lang: name}
    ambiguous: list[str]
    concepts: list[ConceptRecord]


def read_lexicon_data(path: str | os.PathLike[str]) -> LexiconData:
    """The parsed lexicon file at ``path``."""
    with open(path, encoding="utf-8") as fh:
        data: LexiconData = json.load(fh)
    return data


def packaged_lexicon_data() -> LexiconData:
    """The parsed packaged lexicon, ``matchmaker/data/lexicon.json``."""
    ref = resources.files("matchmaker").joinpath("data", "lexicon.json")
    with ref.open("r", encoding="utf-8") as fh:
        data: LexiconData = json.load(fh)
    return data


# Data model ---------------------------------------------------------------------------------
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
        return _digits(self.hs)

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


def _digits(hs: str | None) -> str:
    return re.sub(r"\D", "", hs or "")


def _code_owners(records: Sequence[ConceptRecord]) -> dict[str, str]:
    """HS digits -> the concept standing for that code (the chapter / heading concept "hs08"
    when there is one, else the first concept with the code)."""
    by_digits: dict[str, str] = {}
    for c in records:
        d = _digits(c.get("hs"))
        if d and (d not in by_digits or re.fullmatch(r"hs\d+", c["id"])):
            by_digits[d] = c["id"]
    return by_digits


def _ancestors(
    cid: str, digits: str, parents: Mapping[str, str | None], by_digits: Mapping[str, str]
) -> list[str]:
    """The explicit chain of broader concepts, then the concepts of the HS prefixes."""
    anc: list[str] = []
    p = parents.get(cid)
    seen = {cid}
    while p and p not in seen and p in parents:
        anc.append(p)
        seen.add(p)
        p = parents.get(p)
    for n in (6, 4, 2):
        if len(digits) > n and digits[:n] in by_digits and by_digits[digits[:n]] not in seen:
            anc.append(by_digits[digits[:n]])
            seen.add(by_digits[digits[:n]])
    return anc


def _names(c: ConceptRecord) -> dict[str, tuple[str, ...]]:
    return {"en": tuple(c.get("en") or ()), "ru": tuple(c.get("ru") or ()), "az": tuple(c.get("az") or ())}


def build_concepts(records: Sequence[ConceptRecord]) -> dict[str, Concept]:
    """Concepts by id, each with its ancestors and a group (its own or its nearest ancestor's)."""
    by_digits = _code_owners(records)
    parents = {c["id"]: c.get("broader") for c in records}
    groups = {c["id"]: c.get("group") for c in records}
    concepts: dict[str, Concept] = {}
    for c in records:
        cid = c["id"]
        d = _digits(c.get("hs"))
        anc = _ancestors(cid, d, parents, by_digits)
        group = groups.get(cid)
        if not group:
            group = next((groups[a] for a in anc if groups.get(a)), group)
        concepts[cid] = Concept(
            cid,
            c.get("hs"),
            group,
            c.get("broader"),
            _names(c),
            tuple(anc),
            False,
            d[:4] if len(d) >= 4 else None,
            d[:2] if len(d) >= 2 else None,
        )
    return concepts


# Keys ---------------------------------------------------------------------------------------
@lru_cache(maxsize=200_000)
def token_key(folded_token: str) -> str:
    """Index key of one folded token: its stem, in Latin letters."""
    s = stem(folded_token)
    return to_latin(s) if is_cyrillic(s) else s


@lru_cache(maxsize=200_000)
def phon_key(key: str) -> str:
    """Phonetic key of an index key (cached)."""
    return phonetic_key(key)


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


def stop_keys() -> set[str]:
    """Keys of the generic modifiers (fresh, export, свежий, topdan …)."""
    return {token_key(t) for t in fold(_STOPWORDS_RAW).split()}


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


def head_index(words: Sequence[str]) -> int:
    """Index of the head word of a short noun phrase.

    Russian leads with the head noun (мука пшеничная, мясо птицы) after any adjectives
    (пшеничная мука); English and Azerbaijani end with it (wheat flour, buğda unu)."""
    if words and is_cyrillic(words[0]):
        for i, w in enumerate(words):
            if not w.endswith(_RU_ADJ):
                return i
    return len(words) - 1


# Lemma index --------------------------------------------------------------------------------
@dataclass
class LemmaIndex:
    """Lemmas by their sorted keys; partial lemmas; every key a lemma uses."""

    phrases: dict[tuple[str, ...], list[str]]  # sorted keys -> concept ids
    partial: dict[tuple[str, ...], list[tuple[str, float]]]  # sorted keys -> [(concept, weight)]
    max_len: int  # keys of the longest lemma
    vocab: list[str]  # sorted


class _LemmaIndexBuilder:
    def __init__(self, stop: Set[str]) -> None:
        self.stop = stop
        self.phrases: dict[tuple[str, ...], list[str]] = {}
        self.partial: dict[tuple[str, ...], list[tuple[str, float]]] = {}
        self.max_len = 1
        self.token_concepts: dict[str, set[str]] = {}
        self.heads: set[str] = set()

    def add(self, cid: str, term: str) -> None:
        keys = tuple(token_key(t) for t in fold(term).split())
        if not keys:
            return
        sk = tuple(sorted(keys))
        lst = self.phrases.setdefault(sk, [])
        if cid not in lst:
            lst.append(cid)
        self.max_len = max(self.max_len, len(sk))
        content = [k for k in keys if k not in self.stop]
        for k in set(content):
            self.token_concepts.setdefault(k, set()).add(cid)
        self.heads.add(keys[head_index(fold(term).split())])
        if len(content) >= 3:
            self._add_missing_one(cid, content)

    def _add_missing_one(self, cid: str, content: list[str]) -> None:
        """Every sub-set missing one word: "программное обеспечение" for "разработка
        программного обеспечения"."""
        for i in range(len(content)):
            sub = tuple(sorted(content[:i] + content[i + 1 :]))
            self.partial.setdefault(sub, [])
            if all(x != cid for x, _ in self.partial[sub]):
                self.partial[sub].append((cid, 0.85))

    def finish(self) -> LemmaIndex:
        # a sub-phrase shared by several concepts ("ondan məmulatlar") names none of them
        partial = {k: v for k, v in self.partial.items() if len(v) == 1}
        # the head word of the lemmas of one concept only ("pipes" -> steel pipe)
        single = {sk[0] for sk in self.phrases if len(sk) == 1}
        for k, cids in self.token_concepts.items():
            if len(cids) == 1 and k not in single and len(k) >= 4 and k in self.heads:
                partial.setdefault((k,), []).append((next(iter(cids)), 0.6))
        vocab = sorted({k for sk in self.phrases for k in sk} | {k for sk in partial for k in sk})
        return LemmaIndex(self.phrases, partial, self.max_len, vocab)


def index_lemmas(concepts: Mapping[str, Concept], stop: Set[str]) -> LemmaIndex:
    """Index every lemma of every concept (``stop`` keys do not count as content)."""
    builder = _LemmaIndexBuilder(stop)
    for cid, c in concepts.items():
        for terms in c.names.values():
            for term in terms:
                builder.add(cid, term)
    return builder.finish()
