"""The trade lexicon as the directory search reads it: product words, their concepts and kin.

Pure Python. A query word that names goods or a service ("ковры", "pomidor", "tomatoes", "şərab")
is a *product word*: the search looks for the firms that trade that concept (offers, needs,
description, and the activities of their sectors), in whatever language and form they wrote it,
instead of for words that merely look alike ("wine" is not "twine", "ковёр" is not "Xəzər").

* :meth:`ProductReader.word` reads one folded word: the concepts of the one-word lemmas with its
  stem (:func:`matchmaker.core.lexicon.token_key`), the lemma also looking like the word, since stems
  collide now and then ("trade" / "trailer"); else the head word of longer lemmas of one concept
  ("ковры" in "ковры и прочие напольные покрытия"); else, for a word the lexicon does not know, a
  typo correction (:class:`matchmaker.core.fuzzy.Speller`, through ``Lexicon.analyze``). Russian
  fleeting vowels are read both ways (ковёр / ковры, котёл / котлы, уголок / уголка).
* :meth:`ProductReader.query` reads a whole query: its product words, the multi-word lemmas it
  names ("tomato paste" is not tomatoes), generic modifiers ("fresh", "оптом", "təzə") and whether
  the query names one product only (then the trade outranks a firm's name, see
  :mod:`matchmaker.core.search`).
* :meth:`ProductReader.document` lists the concepts of a firm's items, :meth:`ProductReader.family`
  which concepts of a firm count for a concept asked (itself, narrower ones, less its broader ones),
  :meth:`ProductReader.sectors` the NACE classes whose titles name the concept (wine → 11.02).
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from .concepts import Lexicon, default_lexicon
from .lexicon import ConceptHit, head_index, stop_keys, token_key
from .morphology import AZ_SUFFIXES, is_cyrillic, stem_ru
from .sector_titles import classes_naming
from .text import fold, to_latin

__all__ = ["ProductReader", "QueryReading", "WordReading", "fleeting_variant", "level_of"]

# confidence of a word read through the head of a longer lemma ("ковры" → carpets and rugs)
HEAD_CONF = 0.85
# a firm's concept that only modifies its item's head ("wheat" in "wheat flour")
MODIFIER_MAX = 0.4
FREE_HEAD = 0.9  # a product read from the head word of a part the analysis did not know
ITEM_WORDS = 6  # a part of an item with more words is free text (a description)
# how much a concept of a firm counts for the concept asked: narrower, broader, chapter
NARROWER = 0.95
BROADER = 0.7
BROADER_HEADING = 0.55
BROADER_CHAPTER = 0.4
# quantised confidence levels of a firm's concepts (one posting list each)
LEVELS = (1.0, 0.85, 0.6, 0.4)
MAX_CLASSES = 6  # a lemma naming more NACE classes than this names no activity in particular
_LOOKS_LIKE = 70.0  # a lemma must look like the word (Latin keys, rapidfuzz ratio)
_SENTENCE = re.compile(r"[.!?;\n]+")
_RU_CONSONANT = set("бвгджзклмнпрстфхцчшщ")
# endings whose removal may give the dictionary form the stemmer keys differently (buğdalar →
# buğda, şərabı → şərab): Azerbaijani suffixes, English plurals, longest first
_ENDINGS = tuple(sorted({s for s, _ in AZ_SUFFIXES} | {"es", "s"}, key=len, reverse=True))


def level_of(conf: float) -> float:
    """The quantised level (:data:`LEVELS`) of a confidence."""
    for lv in LEVELS[:-1]:
        if conf >= lv - 0.05:
            return lv
    return LEVELS[-1]


def fleeting_variant(word: str) -> str | None:
    """The Russian stem without its fleeting vowel (ковёр → ковр, котёл → котл, уголок → уголк).

    Only for a word that is its own stem (a consonant-final nominative, or one ending in ь): the
    other forms drop the vowel (ковры, котлы, уголка), which the stemmer then keeps apart."""
    if not is_cyrillic(word):
        return None
    s = stem_ru(word)
    if s not in (word, word[:-1]) or (s != word and word[-1] != "ь"):
        return None
    if len(s) >= 4 and s[-2] in "оеё" and s[-1] in _RU_CONSONANT and s[-3] in _RU_CONSONANT:
        return s[:-2] + s[-1]
    return None


@dataclass(frozen=True)
class WordReading:
    """What one query word names: ``concepts`` {id: confidence}; ``known`` when the lexicon has
    the word itself (then it is matched as that product, never corrected into another word)."""

    concepts: dict[str, float] = field(default_factory=dict)
    known: bool = False
    generic: bool = False  # a generic modifier ("fresh", "оптом", "təzə")


@dataclass(frozen=True)
class QueryReading:
    words: list[WordReading]
    consumed: set[int]  # positions of words folded into a multi-word lemma read at another position
    product: bool  # the query names one product (and nothing but modifiers besides)


_UNKNOWN = WordReading()  # a word the lexicon does not know as written


class ProductReader:
    """Product words, documents' concepts and concept kinship over one lexicon (built lazily)."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self._lexicon = lexicon
        self._ready = False
        # key -> [(lemma in Latin, concept, lemma written in Cyrillic)]
        self._one: dict[str, list[tuple[str, str, bool]]] = {}
        self._head: dict[str, list[tuple[str, str, bool]]] = {}
        self._vocab: set[str] = set()
        self._starts: set[str] = set()
        self._stop: set[str] = set()
        self._narrower: dict[str, set[str]] = {}
        self._words: dict[str, WordReading] = {}
        self._typos: dict[str, WordReading] = {}
        # a word of free text: (a word of the lexicon's vocabulary?, the concepts it names)
        self._free_words: dict[str, tuple[bool, tuple[tuple[str, float], ...]]] = {}
        self._family: dict[str, dict[str, float]] = {}
        self._sectors: dict[str, tuple[str, ...]] = {}
        self._lemma_keys: dict[str, frozenset[str]] = {}

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = default_lexicon()
        return self._lexicon

    def _build(self) -> None:
        if self._ready:
            return
        lex = self.lexicon
        heads: dict[str, list[tuple[str, str, bool]]] = {}
        for cid, c in lex.concepts.items():
            for terms in c.names.values():
                for term in terms:
                    ws = fold(term).split()
                    if len(ws) == 1:
                        self._add_one(ws[0], cid)
                    elif ws:
                        h = ws[head_index(ws)]
                        heads.setdefault(token_key(h), []).append((to_latin(h), cid, is_cyrillic(h)))
            for a in c.ancestors:
                self._narrower.setdefault(a, set()).add(cid)
        # the head of longer lemmas names a concept when it names one only ("ковры", "pipes")
        for k, entries in heads.items():
            if k not in self._one and len(k) >= 4 and len({cid for _, cid, _ in entries}) == 1:
                self._head[k] = entries
        self._vocab = set(lex.vocab)
        # the first letters of every key a word can be looked up by: most words fail at once
        self._starts = {k[:3] for k in self._one} | {k[:3] for k in self._head}
        self._stop = stop_keys()
        self._ready = True

    def _add_one(self, word: str, cid: str) -> None:
        entry = (to_latin(word), cid, is_cyrillic(word))
        for k in {token_key(word), to_latin(fleeting_variant(word) or "")} - {""}:
            lst = self._one.setdefault(k, [])
            if entry not in lst:
                lst.append(entry)

    # -- words ------------------------------------------------------------------------------
    def word(self, word: str, typos: bool = True) -> WordReading:
        """What the folded ``word`` names (cached). ``typos``: read a word the lexicon does not
        know as a typo of one it knows (pomidr → pomidor); not for a word of a firm's name."""
        got = self._words.get(word)
        if got is None:
            self._build()
            got = self._lexical(word)
            if len(self._words) < 100_000:
                self._words[word] = got
        if got is not _UNKNOWN or not typos:
            return got
        typo = self._typos.get(word)
        if typo is None:
            # perhaps a typo of a word it knows (pomidr → pomidor)
            hits = [h for h in self.lexicon.analyze(word) if h.how == "fuzzy" and h.confidence >= 0.7]
            typo = WordReading({h.concept: h.confidence for h in hits})
            if len(self._typos) < 100_000:
                self._typos[word] = typo
        return typo

    def _lexical(self, word: str) -> WordReading:
        """The lexicon's reading of the word as written (``_UNKNOWN``: it may be a typo)."""
        if word.isdigit() or len(word) < 2:
            return WordReading()
        key = token_key(word)
        if key in self._stop:
            return WordReading(generic=True)
        if key[:3] not in self._starts and to_latin(word)[:3] not in self._starts:
            return _UNKNOWN if len(key) >= 4 and key not in self._vocab else WordReading()
        forms = _key_forms(word, key)
        cyrillic = is_cyrillic(word)
        for table, conf in ((self._one, 1.0), (self._head, HEAD_CONF)):
            for k, form in forms:
                alike = [
                    (cid, lemma_cyrillic == cyrillic)
                    for lemma, cid, lemma_cyrillic in table.get(k, ())
                    if lemma == k or max(fuzz.ratio(form, lemma), fuzz.ratio(k, lemma)) >= _LOOKS_LIKE
                ]
                # a word is read in its own script first: "nuts" is the nut, not "нут" (chickpea),
                # "мёд" honey, not "medlar"; a lemma of the other script only when none of its own
                own = [cid for cid, same in alike if same] or [cid for cid, _ in alike]
                if own:
                    return WordReading(dict.fromkeys(own, conf), known=True)
        if key in self._vocab or len(key) < 4:
            return WordReading()  # a word of longer lemmas only ("other", "twine"): not a product
        return _UNKNOWN

    def query(self, words: Sequence[str], names: Container[str] = ()) -> QueryReading:
        """Read the folded ``words`` of a query (see the module docstring); ``names``: words of
        firms' names, not to be read as typos of products.

        The query names one product when one word (or one multi-word lemma) names a product and
        the other words name none ("table wine", "Quba xalça"; not "Kür Çay": caviar and tea)."""
        readings = [self.word(w, typos=w not in names) for w in words]
        consumed: set[int] = set()
        for start, end, cid, conf in self._phrases(words):
            head = start + head_index(list(words[start:end]))
            readings[head] = WordReading({cid: conf}, known=True)
            consumed.update(i for i in range(start, end) if i != head)
        units = [r for i, r in enumerate(readings) if i not in consumed and r.concepts]
        return QueryReading(readings, consumed, len(units) == 1)

    def _phrases(self, words: Sequence[str]) -> list[tuple[int, int, str, float]]:
        """Multi-word lemmas the query names: (start, end, concept, confidence). Only runs of
        words of the lexicon's vocabulary are read (no spelling correction on the way)."""
        out: list[tuple[int, int, str, float]] = []
        run: list[int] = []
        for i, w in enumerate([*words, ""]):
            if w and token_key(w) in self._vocab:
                run.append(i)
                continue
            if len(run) >= 2:
                out.extend(self._run_phrases(words, run[0], run[-1] + 1))
            run = []
        return out

    def _run_phrases(self, words: Sequence[str], start: int, end: int) -> list[tuple[int, int, str, float]]:
        ws = list(words[start:end])
        out = []
        for h in self.lexicon.analyze(" ".join(ws)):
            span = h.text.split()
            if h.free or h.how == "modifier" or len(span) < 2 or h.confidence < 0.7:
                continue
            for s in range(len(ws) - len(span) + 1):
                if ws[s : s + len(span)] == span:
                    out.append((start + s, start + s + len(span), h.concept, h.confidence))
                    break
        return out

    def translations(self, cid: str) -> frozenset[str]:
        """Keys of the one-word lemmas of a concept, in every language."""
        got = self._lemma_keys.get(cid)
        if got is None:
            c = self.lexicon.concepts.get(cid)
            keys = set()
            for terms in c.names.values() if c else ():
                for term in terms:
                    ws = fold(term).split()
                    if len(ws) == 1:
                        keys.add(token_key(ws[0]))
            got = self._lemma_keys[cid] = frozenset(keys)
        return got

    # -- documents ----------------------------------------------------------------------------
    def document(self, texts: Sequence[str], folded: Sequence[list[str]] | None = None) -> dict[str, float]:
        """Concepts of a firm's items (offers, needs, description): {id: quantised confidence}.

        A short item goes through the lexicon's analysis (spelling correction included). Free
        text (more than ``ITEM_WORDS`` words: a description) is read as written: its runs of the
        lexicon's words, and any other word naming a product, so that big descriptions cost
        little and fill no cache. ``folded``: the folded words of each text, if known already."""
        self._build()
        items: list[str] = []
        found: list[tuple[str, float]] = []
        for n, t in enumerate(texts):
            ws = folded[n] if folded is not None else fold(t).split()
            if len(ws) > 3 * ITEM_WORDS:  # a long text: sentence ends do not matter to runs
                items.extend(self._free_text(ws, found))
                continue
            for part in _SENTENCE.split(t):
                ws = fold(part).split()
                if len(ws) <= ITEM_WORDS:
                    if ws:
                        items.append(part)
                else:
                    items.extend(self._free_text(ws, found))
        for hits in self.lexicon.analyze_many(items):
            for h in hits:
                found.extend(self._hit_concepts(h))
        out: dict[str, float] = {}
        for cid, conf in found:
            lv = level_of(conf)
            if lv > out.get(cid, 0.0):
                out[cid] = lv
        return out

    def _free_text(self, ws: list[str], found: list[tuple[str, float]]) -> list[str]:
        """The runs of lexicon words of a free text, to analyse; words outside them that name a
        product as written are added to ``found``."""
        runs: list[str] = []
        run: list[str] = []
        seen = self._free_words
        for w in ws:
            got = seen.get(w)
            if got is None:
                r = self.word(w, typos=False)
                got = (
                    token_key(w) in self._vocab,
                    tuple((cid, c * FREE_HEAD) for cid, c in r.concepts.items()),
                )
                if len(seen) < 200_000:
                    seen[w] = got
            if got[0]:
                run.append(w)
                continue
            if run:
                runs.append(" ".join(run))
                run = []
            found.extend(got[1])
        if run:
            runs.append(" ".join(run))
        return runs

    def _hit_concepts(self, h: ConceptHit) -> list[tuple[str, float]]:
        """The concepts one hit of the lexicon's analysis stands for, as the search reads them."""
        if h.free:
            # a part the analysis does not know: its head word may be a product in a form the
            # stemmer keys apart from its lemma (buğdalar / buğda, ковры / ковёр)
            ws = h.text.split()
            head = self.word(ws[head_index(ws)]) if ws else WordReading()
            return [(cid, c * FREE_HEAD) for cid, c in head.concepts.items()] if head.known else []
        if h.how == "modifier":
            return [(h.concept, min(h.confidence, MODIFIER_MAX))]
        if h.how == "partial":
            got = [(h.concept, max(h.confidence, HEAD_CONF))]
            if " " not in h.text:  # a head read through a fleeting vowel names the one-word concept
                got += list(self.word(h.text).concepts.items())
            return got
        return [(h.concept, h.confidence)]

    # -- kinship ------------------------------------------------------------------------------
    def family(self, cid: str) -> dict[str, float]:
        """Concepts of a firm that count for ``cid`` asked, with their weight (itself 1)."""
        got = self._family.get(cid)
        if got is None:
            self._build()
            got = dict.fromkeys(self._narrower.get(cid, ()), NARROWER)
            c = self.lexicon.concepts.get(cid)
            explicit: set[str] = set()
            b = c.broader if c else None
            while b and b not in explicit:
                explicit.add(b)
                nxt = self.lexicon.concepts.get(b)
                b = nxt.broader if nxt else None
            for a in c.ancestors if c else ():
                if re.fullmatch(r"hs\d\d", a):
                    w = BROADER_CHAPTER
                else:
                    w = BROADER if a in explicit else BROADER_HEADING
                got[a] = max(got.get(a, 0.0), w)
            got[cid] = 1.0
            self._family[cid] = got
        return got

    def sectors(self, cid: str) -> tuple[str, ...]:
        """NACE classes whose titles name the concept (any of its lemmas, any language)."""
        got = self._sectors.get(cid)
        if got is None:
            got = _sector_classes(self.lexicon, cid)
            self._sectors[cid] = got
        return got


def _key_forms(word: str, key: str) -> list[tuple[str, str]]:
    """Keys to look the word up by, each with the form (in Latin letters) a lemma must look like:
    its own stem; a Russian stem without its fleeting vowel; the stems of the Latin word without
    an ending (buğdalar → buğda, whose stem the stemmer cuts differently)."""
    lat = to_latin(word)
    out = [(key, lat)]
    variant = fleeting_variant(word)
    if variant:
        out.append((to_latin(variant), lat))
    elif not is_cyrillic(word):
        for e in _ENDINGS:
            if word.endswith(e) and len(word) - len(e) >= 2:
                base = word[: -len(e)]
                k = token_key(base)
                if k != key and all(k != o for o, _ in out):
                    out.append((k, base))
    return out


def _sector_classes(lex: Lexicon, cid: str) -> tuple[str, ...]:
    c = lex.concepts.get(cid)
    if c is None:
        return ()
    found: dict[str, None] = {}
    for terms in c.names.values():
        for term in terms:
            if len(fold(term).split()) > 3:
                continue
            codes = classes_naming(term)
            if len(codes) <= MAX_CLASSES:  # a word of many titles ("products") names no activity
                found.update((code, None) for code in codes)
    return tuple(found)


@lru_cache(maxsize=1)
def default_reader() -> ProductReader:
    return ProductReader()
