"""Reading a firm's description (pure core): the products and services it names, and whether the
firm offers or seeks each ("Lənkərandan təzə pomidor ixrac edirik", "Закупаем фундук и грецкий
орех", "Looking for suppliers of pomegranate juice").

1. Clean: HTML tags and entities, URLs, e-mail addresses and domain names go (nothing is ever read
   from them); at most :data:`MAX_CHARS` characters and :data:`MAX_TOKENS` words are read.
2. Sentences end at ``. ! ?`` and line breaks; inside one, words are folded
   (:func:`~matchmaker.core.text.fold`) and the cues of :mod:`.description_cues` found. A cue word
   that belongs to a lemma with its neighbour ("export finance", "поиск поставщиков") is no cue.
3. Cues with only fillers between them form one *cluster* ("we are looking for suppliers of"); the
   words between clusters form *segments*. A segment belongs to the cluster before it when that
   one takes its object after it (ru, en), else to the cluster after it when that one takes it
   before (az), else to a short segment's following cluster ("Tomatoes wanted"), else to the
   cluster before.
4. A cluster's side: a role under a verb of wanting turns around ("ищем поставщиков": need; "ищем
   покупателей": offer); else the verb nearest the object decides ("looking for partners to export
   X": offer). A negated cue ("не закупаем", "don't sell", "almırıq", "lazım deyil") reads nothing.
5. A segment is cut into items at commas, semicolons, "but", "а также", "həmçinin" …; words after
   a "не"/"not" and before a "deyil"/"yox" are left out. Each item goes through
   :meth:`Lexicon.analyze_many <matchmaker.core.concepts.Lexicon.analyze_many>`; only concepts of
   the lexicon count (no free concepts from prose).
6. A sentence without a cue continues a list opened by a colon ("Закупаем:" then one item a line),
   or else is read as what the firm offers, with a lower confidence and exact lemmas only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .concepts import MODIFIER_CONF, ConceptHit, Lexicon
from .description_cues import (
    NEED,
    OFFER,
    PREPOSITIONS,
    SPLIT_WORDS,
    Cue,
    cue_of,
    is_filler,
    is_negation,
    negates_after,
    typo_cue,
)
from .description_text import Sentence, Tok, clean_lines, sentences

__all__ = [
    "CUE_CONF",
    "NO_CUE_CONF",
    "DescribedItem",
    "DescriptionReading",
    "read_description",
    "read_descriptions",
]

MAX_PART_WORDS = 8  # words of one item given to the lexicon
MAX_ITEMS = 100  # items of a description given to the lexicon
MAX_SPELLED_WORDS = 60  # words of a description whose typos are corrected (the rest: exact words)
MAX_QUOTE = 110  # characters of the quote kept with an item
CUE_CONF = 0.8  # confidence of an item a cue names, against 1.0 for a listed one
NO_CUE_CONF = 0.5  # an item of a sentence without a cue (read as an offer)

_PREDICATIVE = frozenset({"dir", "dur", "tir", "tur"})  # az "-dır/-dir/-dur/-dür" after folding
_PURPOSE = frozenset({"для", "по", "for", "to"})
_LIST_CONJ = frozenset({"and", "or", "и", "или", "ve", "ya"})


@dataclass(frozen=True, slots=True)
class DescribedItem:
    """One product or service a description names."""

    side: str  # offer | need
    concept: str
    text: str  # the description's words that name it
    quote: str  # the sentence it was read in (shortened around it when long)
    confidence: float
    cue: bool  # a cue named the side (else: a sentence without a cue, read as an offer)


@dataclass(frozen=True, slots=True)
class DescriptionReading:
    items: tuple[DescribedItem, ...] = ()
    unknown: tuple[tuple[str, str], ...] = ()  # (word as written, side) of words no concept knows

    def side(self, side: str) -> tuple[DescribedItem, ...]:
        return tuple(i for i in self.items if i.side == side)


@dataclass(slots=True)
class _Chunk:
    sentence: Sentence
    toks: list[Tok]
    side: str
    cue: bool
    spelled: bool = False  # typos corrected (a cue's item within the budget)


# Cues --------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Cluster:
    start: int
    end: int  # inclusive
    cues: list[tuple[int, Cue]]
    negated: set[int]
    purpose: set[int]  # action nouns of a purpose ("для экспорта"): they count as verbs

    @property
    def takes_after(self) -> bool:
        return self.cues[-1][1].after

    @property
    def takes_before(self) -> bool:
        return not self.cues[0][1].after

    def side(self, obj_right: bool) -> str | None:
        """The side of what this cluster governs on the right (or left); None: negated."""
        cues = self.cues

        def near(xs: list[tuple[int, Cue]]) -> tuple[int, Cue]:
            return xs[-1] if obj_right else xs[0]

        roles = [(i, c) for i, c in cues if c.kind == "role"]
        wanting = [(i, c) for i, c in cues if c.side == NEED and c.kind in ("seek", "verb")]
        if roles and wanting:
            i, c = near(roles)
            w = near(wanting)[0]
            if w in self.negated or i in self.negated:
                return None
            return NEED if c.side == OFFER else OFFER
        strong = [(i, c) for i, c in cues if c.kind in ("seek", "verb") or i in self.purpose] or cues
        i, c = near(strong)
        return None if i in self.negated else c.side


def _cue_at(lexicon: Lexicon, words: Sequence[str], i: int) -> Cue | None:
    w = words[i]
    cue = cue_of(w)
    if cue is None:
        cue = typo_cue(w)  # "looknig", "закупаме", "axtarirq"
        if cue is not None and (lexicon.knows(w) or lexicon.is_generic(w)):
            cue = None
    if cue is None or not lexicon.in_phrase(w):
        return cue
    n = len(words)
    for a, b in ((i - 1, i + 1), (i, i + 2), (i - 2, i + 1), (i - 1, i + 2), (i, i + 3)):
        # "export finance", "поиск поставщиков", "ağac emalı dəzgahı" name a service; with only
        # a trade word ("оптовые поставки", "topdan satış") the cue stays
        if (
            a >= 0
            and b <= n
            and lexicon.is_phrase(words[a:b])
            and any(
                j != i and not lexicon.is_generic(words[j]) and cue_of(words[j]) is None for j in range(a, b)
            )
        ):
            return None
    return cue


def _clusters(lexicon: Lexicon, words: Sequence[str]) -> list[_Cluster]:
    cues = [(i, c) for i in range(len(words)) if (c := _cue_at(lexicon, words, i)) is not None]
    clusters: list[_Cluster] = []
    for i, c in cues:
        last = clusters[-1] if clusters else None
        if last is not None and all(_bridges(words[j], words[j + 1 : j + 2]) for j in range(last.end + 1, i)):
            last.end = i
            last.cues.append((i, c))
        else:
            clusters.append(_Cluster(i, i, [(i, c)], set(), set()))
    for cl in clusters:
        _extend(cl, words)
        for i, c in cl.cues:
            if _negated(words, i, c):
                cl.negated.add(i)
            if c.kind == "noun" and i > 0 and words[i - 1] in _PURPOSE:
                cl.purpose.add(i)
    return clusters


def _bridges(word: str, nxt: Sequence[str]) -> bool:
    if is_filler(word) or word in _LIST_CONJ or negates_after(word):
        return True
    return is_negation(word, nxt[0] if nxt else "")


def _extend(cl: _Cluster, words: Sequence[str]) -> None:
    """Take in the fillers around a cluster (light verbs, "for", "of", "bizə")."""
    while cl.end + 1 < len(words) and (is_filler(words[cl.end + 1]) or negates_after(words[cl.end + 1])):
        cl.end += 1
    while cl.start > 0:
        w = words[cl.start - 1]
        if not (is_filler(w) or is_negation(w, words[cl.start])):
            break
        cl.start -= 1


def _negated(words: Sequence[str], i: int, c: Cue) -> bool:
    if c.negated:
        return True
    for j in (i - 1, i - 2):
        if j >= 0 and is_negation(words[j], words[j + 1]):
            return True
    return not c.after and any(negates_after(w) for w in words[i + 1 : i + 3])


# Reading -----------------------------------------------------------------------------------------
class _Reader:
    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._bases: dict[str, str] = {}

    def chunks(self, text: str) -> list[_Chunk]:
        out: list[_Chunk] = []
        carry: str | None = None
        for s in sentences(clean_lines(text)):
            for t in s.toks:
                t.word = self._base(t.word)
            words = [t.word for t in s.toks]
            clusters = _clusters(self.lexicon, words)
            if not clusters:
                out += self._parts(s, 0, len(words), carry or OFFER, carry is not None)
                continue
            carry = None
            bounds = [(-1, -1)] + [(c.start, c.end) for c in clusters] + [(len(words), len(words))]
            for k in range(len(bounds) - 1):
                a, b = bounds[k][1] + 1, bounds[k + 1][0]
                left = clusters[k - 1] if k > 0 else None
                right = clusters[k] if k < len(clusters) else None
                side, after = _owner_side(left, right, b - a)
                if side is not None and a < b:
                    out += self._parts(s, a, b, side, True, after)
            if s.colon and clusters[-1].end == len(words) - 1:
                carry = clusters[-1].side(True)
        return out

    def _parts(self, s: Sentence, a: int, b: int, side: str, cue: bool, after: bool = False) -> list[_Chunk]:
        out = []
        for p in self._split(s, a, b, after):
            while p and (is_filler(p[0].word) or p[0].word in _LIST_CONJ):
                p.pop(0)
            while p and (is_filler(p[-1].word) or p[-1].word in _LIST_CONJ):
                p.pop()
            for k in range(0, len(p), MAX_PART_WORDS):
                out.append(_Chunk(s, p[k : k + MAX_PART_WORDS], side, cue))
        return out

    def _split(self, s: Sentence, a: int, b: int, after: bool) -> list[list[Tok]]:
        """The words of a segment as items: cut at separators; negated words, and a place, origin
        or purpose, left out (after an item of a segment that follows its verb, the rest of the
        item; else the preposition and its word)."""
        parts: list[list[Tok]] = [[]]
        dropping = skip = False
        words = [t.word for t in s.toks]
        for j in range(a, b):
            t = s.toks[j]
            if t.sep or t.word in SPLIT_WORDS or (dropping and t.word in _LIST_CONJ):
                parts.append([])
                dropping = skip = False
                if t.word in SPLIT_WORDS:
                    continue
            if is_negation(t.word, s.toks[j + 1].word if j + 1 < b else ""):
                dropping = True
            elif t.word in PREPOSITIONS and not self._in_lemma(words, j):
                # after an item a place, origin or purpose follows ("томаты в Россию"); before
                # one, the preposition and its word go ("в Россию томаты" keeps "томаты")
                content = after and any(not is_filler(x.word) for x in parts[-1])
                dropping, skip = dropping or content, not content
            elif skip and not is_filler(t.word):
                skip = False
            elif negates_after(t.word):  # "pomidor deyil, xiyar": the words before are left out
                parts[-1] = []
            elif not dropping:
                parts[-1].append(t)
        return parts

    def _base(self, word: str) -> str:
        """An Azerbaijani noun without its predicative "-dır" ("fındıqdır", "pomidordur")."""
        got = self._bases.get(word)
        if got is None:
            got = word
            if (
                len(word) >= 6
                and word[-3:] in _PREDICATIVE
                and word.isascii()
                and not self.lexicon.knows(word)
                and self.lexicon.knows(word[:-3])
            ):
                got = word[:-3]
            self._bases[word] = got
        return got

    def _in_lemma(self, words: Sequence[str], i: int) -> bool:
        """The word at ``i`` belongs to a lemma with its neighbours ("изделия из пластмасс")."""
        if not self.lexicon.in_phrase(words[i]):
            return False
        n = len(words)
        for a, b in ((i - 1, i + 2), (i - 2, i + 2), (i - 1, i + 3), (i - 2, i + 1), (i, i + 3)):
            if a >= 0 and b <= n and self.lexicon.is_phrase(words[a:b]):
                return True
        return False


def _owner_side(left: _Cluster | None, right: _Cluster | None, size: int) -> tuple[str | None, bool]:
    """The side of a segment's items, and whether the segment follows its cue."""
    if left is not None and left.takes_after:
        return left.side(True), True
    if right is not None and (right.takes_before or size <= 5):
        return right.side(False), False
    if left is not None:
        return left.side(True), True
    return None, False


def _quote(s: Sentence, first: Tok, last: Tok) -> str:
    start, end = s.toks[0].start, s.toks[-1].end
    if end - start <= MAX_QUOTE:
        return s.line[start:end]
    lo = max(start, first.start - MAX_QUOTE // 2)
    hi = min(end, max(last.end, lo + MAX_QUOTE))
    lo = s.line.rfind(" ", start, lo) + 1 if lo > start else start
    cut = s.line.find(" ", hi, end) if hi < end else end
    hi = end if cut < 0 else cut
    return ("…" if lo > start else "") + s.line[lo:hi] + ("…" if hi < end else "")


def _place(chunk: _Chunk, hit: ConceptHit) -> tuple[Tok, Tok]:
    words = hit.text.split()
    toks = chunk.toks
    n = len(words)
    for k in range(len(toks) - n + 1):
        if [t.word for t in toks[k : k + n]] == words:
            return toks[k], toks[k + n - 1]
    return toks[0], toks[-1]


def _assemble(
    lexicon: Lexicon, chunks: list[_Chunk], analysed: Sequence[tuple[ConceptHit, ...]]
) -> DescriptionReading:
    found: dict[tuple[str, str], DescribedItem] = {}
    unknown: dict[tuple[str, str], None] = {}
    for chunk, hits in zip(chunks, analysed, strict=True):
        known = [h for h in hits if not h.free and not all(map(lexicon.is_generic, h.text.split()))]
        content = [t.word for t in chunk.toks if not is_filler(t.word) and not lexicon.is_generic(t.word)]
        placed = _believed(chunk, known, content)
        covered = {w for _p, h in placed for w in h.text.split()}
        known = [h for _p, h in placed]
        for (first, last), h in placed:
            conf = round(h.confidence * (CUE_CONF if chunk.cue else NO_CUE_CONF), 3)
            item = DescribedItem(
                chunk.side,
                h.concept,
                chunk.sentence.line[first.start : last.end],
                _quote(chunk.sentence, first, last),
                conf,
                chunk.cue,
            )
            old = found.get((chunk.side, h.concept))
            if old is None or old.confidence < conf:
                found[(chunk.side, h.concept)] = item
        if chunk.cue and not known and len(content) <= 2:  # an item no concept knows: reported
            for t in chunk.toks:
                if t.word not in covered and _worth_reporting(lexicon, t.word):
                    unknown[(chunk.sentence.line[t.start : t.end], chunk.side)] = None
    return DescriptionReading(tuple(found.values()), tuple(unknown))


Placed = tuple[tuple[Tok, Tok], ConceptHit]


def _corrected(h: ConceptHit) -> bool:
    """A hit of a corrected typo (a modifier's confidence tells: below that of an exact one)."""
    return h.how == "fuzzy" or (h.how == "modifier" and h.confidence < MODIFIER_CONF - 1e-9)


def _alone(chunk: _Chunk, hit: ConceptHit, content: list[str]) -> bool:
    """The hit's words are all the content of their part of the item (parts end at "и", "and",
    "və" …): "Закупаем фундк и грецкий орех" believes "фундк"."""
    words = set(hit.text.split())
    part: set[str] = set()
    for t in [*chunk.toks, None]:
        if t is None or t.word in _LIST_CONJ:
            if words & part:
                return part <= words
            part = set()
        elif t.word in content:
            part.add(t.word)
    return False


def _believed(chunk: _Chunk, hits: list[ConceptHit], content: list[str]) -> list[Placed]:
    """The hits of an item worth an item of their own, in text order. A corrected typo is believed
    only as an item of its own ("Закупаем: фундук, миндл"), not among other words of prose ("у
    фермеров" is no "mərmər"); a modifier next to its head goes ("wheat" of "wheat flour"), one
    apart from any head names an item of its own ("… şirkətimiz пиломатериалы və мебель")."""
    kept = [h for h in hits if not _corrected(h) or _alone(chunk, h, content)]
    placed = sorted(((_place(chunk, h), h) for h in kept), key=lambda x: x[0][0].start)
    heads = [(chunk.toks.index(f), chunk.toks.index(t)) for (f, t), h in placed if h.how != "modifier"]
    out: list[Placed] = []
    for (first, last), h in placed:
        if h.how == "modifier":
            a, b = chunk.toks.index(first), chunk.toks.index(last)
            if any(a <= hb + 1 and ha <= b + 1 for ha, hb in heads):
                continue
            h = ConceptHit(h.concept, min(1.0, round(h.confidence / MODIFIER_CONF, 3)), h.text, "partial")
        out.append(((first, last), h))
    return out


def _worth_reporting(lexicon: Lexicon, word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and not is_filler(word) and not lexicon.is_generic(word)


def read_descriptions(lexicon: Lexicon, texts: Iterable[str]) -> list[DescriptionReading]:
    """Read many descriptions, the lexicon's look-ups batched over all of them."""
    reader = _Reader(lexicon)
    per_text = [reader.chunks(t)[:MAX_ITEMS] if t and t.strip() else [] for t in texts]
    for cs in per_text:
        budget = MAX_SPELLED_WORDS
        for c in cs:
            if c.cue and len(c.toks) <= budget:
                c.spelled = True
                budget -= len(c.toks)
    flat = [c for cs in per_text for c in cs]
    spelled = [c for c in flat if c.spelled]
    found = dict(zip(map(id, spelled), lexicon.analyze_many(_words(c) for c in spelled), strict=True))
    exact = [c for c in flat if not c.spelled]
    found.update(zip(map(id, exact), lexicon.analyze_known_many(_words(c) for c in exact), strict=True))
    return [_assemble(lexicon, cs, [found[id(c)] for c in cs]) for cs in per_text]


def _words(c: _Chunk) -> str:
    return " ".join(t.word for t in c.toks)


def read_description(lexicon: Lexicon, text: str) -> DescriptionReading:
    """What one description offers and seeks (see the module docstring)."""
    return read_descriptions(lexicon, [text])[0]
