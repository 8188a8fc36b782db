"""Words the lexicon does not know (pure core): the concepts nearest to a word ("did you mean …?")
and the tally of unknown words over a directory's offers, needs and descriptions.

Nearness is rapidfuzz's ratio (normalised Indel similarity) between the word's Latin form (folded,
transliterated) and every lemma and lemma word of the lexicon, so that a typo, another script or a
missing suffix still finds its concept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz, process

from .concepts import Lexicon
from .text import to_latin

__all__ = ["Gap", "nearest_concepts", "tally_gaps"]

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
