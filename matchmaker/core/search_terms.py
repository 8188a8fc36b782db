"""Words of the directory search: splitting into words, their weights, query translations.

Pure Python. Names and queries are folded (:func:`matchmaker.core.text.fold`) and split into
words (:func:`words`). Legal-form words (ООО, MMC, LLC …), stop words and bare numbers weigh
little in a name or a query (:func:`token_weight`). :func:`lexicon_expander` translates a query
word through the trade lexicon ("hazelnut" → "fındıq", "фундук"), so a search in one language
finds firms that wrote their offers in another.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from .text import fold, to_latin

if TYPE_CHECKING:
    from .concepts import Lexicon

__all__ = ["LEGAL_FORMS", "MAX_EXPANSIONS", "lexicon_expander", "raw_words", "token_weight", "words"]

MAX_EXPANSIONS = 8  # translations kept per query word


def words(s: str) -> list[str]:
    """Folded words of ``s``."""
    return fold(s).split()


_RAW_SPLIT = re.compile(r"[^\w'’ʼ`´‘]+")
_APOSTROPHES = "'’ʼ`´‘"


def raw_words(s: str, folded: list[str] | None = None) -> list[tuple[str, str]]:
    """``(folded word, the word as written)`` for the words of ``s``, in the order of
    :func:`words` ("Şərab-MMC" → [("serab", "Şərab"), ("mmc", "MMC")]). ``folded``: the words
    of ``s`` if known already (they are paired with the written ones when the counts agree)."""
    toks = [t for t in _RAW_SPLIT.split(s) if t.strip(_APOSTROPHES)]
    if folded is not None and len(toks) == len(folded):
        return [(f, t.strip(_APOSTROPHES)) for f, t in zip(folded, toks, strict=True)]
    out: list[tuple[str, str]] = []
    for tok in toks:
        fs = fold(tok).split()
        if len(fs) == 1:
            out.append((fs[0], tok.strip(_APOSTROPHES)))
        else:
            out.extend((f, f) for f in fs)
    return out


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


def lexicon_expander(lexicon: Lexicon | None = None) -> Callable[[str], tuple[str, ...]]:
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
        lemmas: list[str] = []
        for terms in c.names.values():
            for term in terms:
                f = fold(term)
                if f and " " not in f and f not in lemmas:
                    lemmas.append(f)
        group = tuple(lemmas)
        for w in lemmas:
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
        return tuple(out[:MAX_EXPANSIONS])

    return expand
