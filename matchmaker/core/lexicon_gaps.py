"""Words the lexicon does not know (pure core): the concepts nearest to a word ("did you mean …?"),
the tally of unknown words over a directory's offers, needs and descriptions, and the merge of the
staff's additions over the packaged lexicon.

Nearness is rapidfuzz's ratio (normalised Indel similarity) between the word's Latin form (folded,
transliterated) and every lemma and lemma word of the lexicon, so that a typo, another script or a
missing suffix still finds its concept.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process

from .concepts import Lexicon
from .lexicon import ConceptRecord, LexiconData
from .text import to_latin

__all__ = ["LANGS", "Gap", "merge_additions", "nearest_concepts", "tally_gaps"]

LANGS = ("az", "ru", "en")

MIN_SCORE = 70.0  # similarity (0-100) below which a concept is not offered as "did you mean"


class _Names:
    """Every lemma and lemma word of a lexicon, in Latin letters, with its concept."""

    def __init__(self, lexicon: Lexicon):
        pairs: dict[str, str] = {}
        for cid, c in lexicon.concepts.items():
            for terms in c.names.values():
                for term in terms:
                    lat = to_latin(term)
                    pairs.setdefault(lat, cid)
                    for w in lat.split():
                        if len(w) >= 4:
                            pairs.setdefault(w, cid)
        self.choices = list(pairs)
        self.concepts = [pairs[k] for k in self.choices]


_NAMES: WeakKeyDictionary[Lexicon, _Names] = WeakKeyDictionary()


def _names(lexicon: Lexicon) -> _Names:
    got = _NAMES.get(lexicon)
    if got is None:
        got = _NAMES[lexicon] = _Names(lexicon)
    return got


def nearest_concepts(lexicon: Lexicon, word: str, limit: int = 3) -> list[str]:
    """Ids of the concepts whose lemmas are nearest to ``word``, best first (at most ``limit``)."""
    query = to_latin(word)
    if len(query) < 3:
        return []
    names = _names(lexicon)
    found = process.extract(query, names.choices, scorer=fuzz.ratio, limit=limit * 4, score_cutoff=MIN_SCORE)
    out: list[str] = []
    for _choice, _score, i in found:
        cid = names.concepts[i]
        if cid not in out:
            out.append(cid)
    return out[:limit]


@dataclass(slots=True)
class Gap:
    """One unknown word (folded) over the directory: how it was written, by which firms."""

    word: str
    spellings: dict[str, int] = field(default_factory=dict)  # as written -> times
    firms: set[int] = field(default_factory=set)

    @property
    def shown(self) -> str:
        return max(self.spellings, key=lambda s: (self.spellings[s], s)) if self.spellings else self.word


def tally_gaps(found: Iterable[tuple[int, str, str]]) -> list[Gap]:
    """Unknown words ``(firm id, folded word, as written)`` grouped by word, most firms first."""
    gaps: dict[str, Gap] = {}
    for firm, word, written in found:
        g = gaps.get(word)
        if g is None:
            g = gaps[word] = Gap(word)
        g.spellings[written] = g.spellings.get(written, 0) + 1
        g.firms.add(firm)
    return sorted(gaps.values(), key=lambda g: (-len(g.firms), g.word))


def merge_additions(
    data: LexiconData, concepts: Sequence[ConceptRecord], lemmas: Sequence[tuple[str, str, str]]
) -> LexiconData:
    """The packaged lexicon ``data`` with the staff's additions: new ``concepts`` (a concept the
    packaged file has by now keeps the packaged record and gains the staff's lemmas) and ``lemmas``
    ``(concept id, language, lemma)`` (one of a concept neither knows is left out)."""
    out: dict[str, ConceptRecord] = {c["id"]: c for c in data.get("concepts", [])}
    todo = list(lemmas)
    for c in concepts:
        if c["id"] in out:
            todo += [(c["id"], lang, term) for lang in LANGS for term in _terms(c, lang)]
        else:
            out[c["id"]] = c
    for cid, lang, term in todo:
        rec = out.get(cid)
        if rec is None or lang not in LANGS or not term.strip() or term in _terms(rec, lang):
            continue
        copy: ConceptRecord = {**rec}
        if lang == "az":
            copy["az"] = [*_terms(rec, lang), term]
        elif lang == "ru":
            copy["ru"] = [*_terms(rec, lang), term]
        else:
            copy["en"] = [*_terms(rec, lang), term]
        out[cid] = copy
    merged: LexiconData = {**data, "concepts": list(out.values())}
    return merged


def _terms(rec: ConceptRecord, lang: str) -> list[str]:
    got = rec.get("az") if lang == "az" else rec.get("ru") if lang == "ru" else rec.get("en")
    return list(got or [])
