"""What each word of a directory query is worth in which word of which field: the query plan.

Pure Python. :func:`plan_query` turns the folded words of a query into, per word, a map from
posting key (``vid * 3 + field``) to a credit 0..100 already weighted by the field, which
:class:`matchmaker.core.search.SearchIndex` sums per document.

* A word the trade lexicon does not know (a firm's or a town's name, a typo) is matched fuzzily
  against the vocabulary (:func:`matchmaker.core.search_vocab.match_words`): names ×1, cities and
  offers/needs/description words ×0.6. In offers it never stands for a word the lexicon knows: a
  product in a firm's items is reached through its concept ("vine" does not find "wine"; "pomidr",
  which the lexicon reads as a typo of "pomidor", finds the tomatoes).
* A *product word* (:class:`matchmaker.core.search_lexicon.ProductReader`) is matched as that
  product: its concept and the narrower ones (less the broader ones) among the concepts of the
  firms' items, in any language and form; the firms whose sector's title names it; and in names
  only the same word (inflected, or written in the other script: Чай / Çay) or its translations
  ("wine" → "Şərab"), never a word that merely looks like it ("wine" / "twine", "ковёр" / "Xəzər").
* A query naming one product and nothing else ("ковры", "fresh tomatoes", "qara kürü") is a
  *product query*: the firms that trade it come first, a firm that only carries the word in its
  name weighs less than half (``PRODUCT_NAME``) and so falls under the directory's relative floor
  whenever traders exist. Otherwise product words count in the trade as offers words do (×0.6),
  and a name query such as "Kür Çay" is ranked as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from .lexicon import token_key
from .search_lexicon import LEVELS, ProductReader, WordReading
from .search_terms import MAX_EXPANSIONS, token_weight, words
from .search_vocab import Vocabulary, match_words, prefix_matches
from .text import has_cyrillic, phonetic_key, to_latin

__all__ = [
    "CITY",
    "FIELD_WEIGHT",
    "NAME",
    "TEXT",
    "QueryPlan",
    "concept_symbol",
    "plan_query",
    "sector_symbol",
]

NAME, CITY, TEXT = 0, 1, 2
FIELD_WEIGHT = (1.0, 0.6, 0.6)
PRODUCT_NAME = 0.45  # a product query: the product word in a name only
PRODUCT_TRADE = 1.0  # a product query: the product in a firm's items
SECTOR = 0.5  # the firm's sector names the product
GENERIC = 0.2  # weight of a generic modifier ("fresh", "оптом") next to a product word
QUALIFIER = 0.5  # weight of another word of a product query ("table" wine)
NAME_LIKE = 40.0  # credit (≈ 77 % similar) from which a word is taken for a name's word
_SAME_STEM = 97.0  # similarity of a word of the same stem (şərab / şərabı)
_SAME_SOUND = 92.0  # similarity of the same word in the other script (чай / çay)
_TRANSLATION = 95.0 * 0.7  # a translation of the word in a name ("wine" → "Şirvan Şərab")
_EXPAND_SIM = 0.95  # the optional expander's translations count a little less
_EXPAND_NAME = 0.7
# a result needs one word matched strongly: a credit of 70 (≈ 88 % alike, a 3-letter prefix,
# the same sound across scripts, a product's firm), or the word spelled 80 % alike (one typo)
STRONG = 70.0
STRONG_SPELLING = 80.0
SAME_SCRIPT_SPELLING = 65.0  # in one script, a strong match is also spelled this much alike
SECTOR_STRENGTH = 0.8  # how strongly a firm of the product's sector matches


class _Effects:
    """One query word's credit per posting key (field-weighted), and the match's own strength."""

    __slots__ = ("eff", "raw")

    def __init__(self) -> None:
        self.eff: dict[int, float] = {}
        self.raw: dict[int, float] = {}

    def put(self, key: int, e: float, raw: float) -> None:
        if e > self.eff.get(key, 0.0):
            self.eff[key] = e
        if raw > self.raw.get(key, 0.0):
            self.raw[key] = raw


Expander = Callable[[str], Iterable[str]]


def concept_symbol(cid: str, level: float) -> str:
    """The document marker of a concept found at a confidence level."""
    return f"c\x00{cid}\x00{level}"


def sector_symbol(code: str) -> str:
    return f"s\x00{code}"


@dataclass
class QueryPlan:
    words: list[str]  # the query words that are scored
    weights: list[float]  # per word
    per_word: list[dict[int, float]]  # per word: posting key (vid*3+field) -> credit
    product: bool  # the query names one product
    strong: set[int]  # keys matched strongly by a word of weight (see ``STRONG``)
    total_w: float = 0.0

    def __post_init__(self) -> None:
        self.total_w = sum(self.weights)


def plan_query(
    vocab: Vocabulary,
    qwords: list[str],
    reader: ProductReader | None = None,
    expand: Expander | None = None,
    as_name: bool = False,
) -> QueryPlan:
    """The plan of the folded query words ``qwords`` (see the module docstring).

    ``as_name``: read a product query as the name of a firm instead ("Yaşıl Çay" is green tea,
    and the firm Yaşıl Çay MMC): every word on its own, names at full weight."""
    ws, rs = _read(qwords, reader, as_name)
    fuzzy = [i for i, r in enumerate(rs) if not r.known]
    last = len(ws) - 1
    matched = match_words(vocab, [ws[i] for i in fuzzy], prefix=fuzzy.index(last) if last in fuzzy else -1)
    fuzzy_of = dict(zip(fuzzy, matched, strict=True))
    if reader is not None:
        _read_typos(vocab, ws, rs, fuzzy_of, reader)
    # one product and words naming none: a product query ("table wine"), unless those words are
    # a name's ("Balakən Şərab", "Quba Xalça")
    product = not as_name and sum(1 for r in rs if r.concepts) == 1
    product = product and not any(
        _names_something(vocab, fuzzy_of[i]) for i, r in enumerate(rs) if not r.concepts and not r.generic
    )
    weights = _weights(ws, rs, product)
    trade_w = PRODUCT_TRADE if product else FIELD_WEIGHT[TEXT]
    name_w = PRODUCT_NAME if product else FIELD_WEIGHT[NAME]
    per_word: list[dict[int, float]] = []
    strong: set[int] = set()
    for i, (w, r) in enumerate(zip(ws, rs, strict=True)):
        fx = _Effects()
        if r.known and reader is not None:
            _known(vocab, w, r, reader, name_w, fx)
            if i == last:  # perhaps still being typed: "Şirvan Şər" is "Şirvan Şərab"
                for vid, credit in prefix_matches(vocab, w).items():
                    fx.put(vid * 3 + NAME, credit * name_w, credit)
                    fx.put(vid * 3 + CITY, credit * FIELD_WEIGHT[CITY], credit)
        else:
            _fuzzy(vocab, w, fuzzy_of[i], r, reader, fx)
            if expand is not None:
                _expanded(vocab, w, expand, fx)
        if reader is not None and r.concepts:
            _concepts(vocab, r.concepts, reader, trade_w, fx)
        per_word.append(fx.eff)
        if weights[i] >= 0.5:
            strong.update(k for k, raw in fx.raw.items() if raw >= STRONG)
    return QueryPlan(ws, weights, per_word, product, strong)


def _read(
    qwords: list[str], reader: ProductReader | None, as_name: bool
) -> tuple[list[str], list[WordReading]]:
    """The words scored and the lexicon's reading of each, as written (no typo reading yet);
    the other words of a multi-word lemma ("kərə yağı") are folded into its head."""
    if reader is None:
        return qwords, [WordReading() for _ in qwords]
    if as_name:
        return qwords, [reader.word(w, typos=False) for w in qwords]
    reading = reader.query(qwords, names=qwords)
    kept = [i for i in range(len(qwords)) if i not in reading.consumed]
    return [qwords[i] for i in kept], [reading.words[i] for i in kept]


def _read_typos(
    vocab: Vocabulary,
    ws: list[str],
    rs: list[WordReading],
    fuzzy_of: dict[int, dict[int, float]],
    reader: ProductReader,
) -> None:
    """A word the lexicon does not know and no name resembles may be a product misspelt
    (pomidr → pomidor): read it so (in place)."""
    for i, sims in fuzzy_of.items():
        r = rs[i]
        if r.concepts or r.generic or len(ws[i]) < 4 or _names_something(vocab, sims):
            continue
        typo = reader.word(ws[i], typos=True)
        if typo.concepts:
            rs[i] = typo


def _names_something(vocab: Vocabulary, sims: dict[int, float]) -> bool:
    """Is a word like (credit ≥ ``NAME_LIKE``) a word of some firm's name or town?"""
    return any(c >= NAME_LIKE and vocab.is_short(vid) for vid, c in sims.items())


def _weights(ws: list[str], rs: list[WordReading], product: bool) -> list[float]:
    """Word weights: generic modifiers next to a product word, and in a product query the words
    naming no product ("table" wine), weigh less."""
    has_product = any(r.concepts for r in rs)
    weights = []
    for w, r in zip(ws, rs, strict=True):
        wt = token_weight(w)
        if has_product and r.generic:
            wt = min(wt, GENERIC)
        elif product and not r.concepts:
            wt = min(wt, QUALIFIER)
        weights.append(wt)
    if weights and max(weights) < 0.5:  # legal forms / numbers only: take them at face value
        weights = [1.0] * len(weights)
    return weights


def _fuzzy(
    vocab: Vocabulary,
    word: str,
    sims: dict[int, float],
    r: WordReading,
    reader: ProductReader | None,
    fx: _Effects,
) -> None:
    """A word matched by spelling: names, cities, offers words (not the lexicon's words there);
    a legal form or a stop word of the directory only as itself."""
    lat = to_latin(word).replace(" ", "")
    cyr = has_cyrillic(word)
    for vid, sim in sims.items():
        if sim < 100.0 and token_weight(vocab.words[vid]) < 0.5:
            continue
        raw = _strength(sim, fuzz.ratio(lat, vocab.lat[vid]), vocab.cyr[vid] == cyr)
        for field in (NAME, CITY):
            fx.put(vid * 3 + field, sim * FIELD_WEIGHT[field], raw)
        if reader is None or sim >= 100.0 or not _stands_for_other(vocab, vid, r, reader):
            fx.put(vid * 3 + TEXT, sim * FIELD_WEIGHT[TEXT], raw)


def _strength(credit: float, spelling: float, same_script: bool) -> float:
    """How strongly a word matched: one typo (``STRONG_SPELLING``) is strong; in one script a
    likeness of sound alone is not ("мозе" / "Мясо"), across scripts it is (Гянджа / Gəncə)."""
    if spelling >= STRONG_SPELLING:
        return max(credit, STRONG)
    if same_script and spelling < SAME_SCRIPT_SPELLING:
        return min(credit, STRONG - 1)
    return credit


def _stands_for_other(vocab: Vocabulary, vid: int, r: WordReading, reader: ProductReader) -> bool:
    """Is the vocabulary word a product word of the lexicon, other than what ``r`` names?"""
    other = reader.word(vocab.words[vid], typos=False)
    return other.known and not (other.concepts.keys() & r.concepts.keys())


def _known(
    vocab: Vocabulary, word: str, r: WordReading, reader: ProductReader, name_w: float, fx: _Effects
) -> None:
    """A product word in names and cities: the same stem, the same sound in the other script
    (unless that word names another product), or a translation of it."""
    sims: dict[int, float] = {}
    lat = to_latin(word)
    for vid in vocab.by_key.get(token_key(word), ()):
        sims[vid] = 100.0 if vocab.lat[vid] == lat else _SAME_STEM
    for vid in vocab.by_phon.get(phonetic_key(word).replace(" ", ""), ()):
        if vid not in sims and fuzz.ratio(lat, vocab.lat[vid]) >= 50:
            other = reader.word(vocab.words[vid], typos=False)
            if not other.known or other.concepts.keys() & r.concepts.keys():
                sims[vid] = _SAME_SOUND
    for cid in r.concepts:
        for k in reader.translations(cid):
            for vid in vocab.by_key.get(k, ()):
                sims.setdefault(vid, _TRANSLATION)
    for vid, sim in sims.items():
        if vocab.is_short(vid):
            fx.put(vid * 3 + NAME, sim * name_w, sim)
            fx.put(vid * 3 + CITY, sim * FIELD_WEIGHT[CITY], sim)


def _concepts(
    vocab: Vocabulary, concepts: dict[str, float], reader: ProductReader, weight: float, fx: _Effects
) -> None:
    """The firms' concepts (and sectors) that count for the word's concepts."""
    sym = vocab.symbols
    for cid, cq in concepts.items():
        for d, kin in reader.family(cid).items():
            for lv in LEVELS:
                vid = sym.get(concept_symbol(d, lv))
                if vid is not None:
                    raw = 100.0 * cq * kin * lv
                    fx.put(vid * 3 + TEXT, raw * weight, raw)
        for code in reader.sectors(cid):
            vid = sym.get(sector_symbol(code))
            if vid is not None:
                fx.put(vid * 3 + TEXT, 100.0 * cq * SECTOR * weight, 100.0 * cq * SECTOR_STRENGTH)


def _expanded(vocab: Vocabulary, word: str, expand: Expander, fx: _Effects) -> None:
    """Translations from an explicit expander, matched like the word (weaker in names)."""
    if word.isdigit() or token_weight(word) < 0.5:
        return
    alts: list[str] = []
    for alt in expand(word):
        alts.extend(a for a in words(alt) if a != word and a not in alts)
    for sims in match_words(vocab, alts[:MAX_EXPANSIONS]):
        for vid, sim in sims.items():
            for field, f in ((NAME, _EXPAND_NAME), (TEXT, FIELD_WEIGHT[TEXT])):
                fx.put(vid * 3 + field, sim * _EXPAND_SIM * f, sim * _EXPAND_SIM)
