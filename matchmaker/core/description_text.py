"""Cleaning and cutting a description into sentences of folded words (pure core), for
:mod:`matchmaker.core.descriptions`: HTML tags and entities, URLs, e-mail addresses and domain
names go before anything is read; at most :data:`MAX_CHARS` characters and :data:`MAX_TOKENS`
words are read."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .text import fold

__all__ = ["MAX_CHARS", "MAX_TOKENS", "Sentence", "Tok", "clean_lines", "sentences"]

MAX_CHARS = 6000  # characters of a description read
MAX_TOKENS = 400  # words of a description read (about 2,800 characters of prose)

_BREAK_TAG = re.compile(r"<\s*/?\s*(?:br|p|li|div|tr|h\d|ul|ol|table)\b[^<>]{0,300}>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,300}>")
_DOMAIN = re.compile(
    r"[^\W_]\.(?:az|ru|com|net|org|info|biz|io|co|uk|de|tr|su|kz|ge|eu|pro|shop|store|online|site|app|"
    r"рф)(?:\W|\Z)",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*|[.!?]+|[,;/+&|()\[\]:]")
_PLAIN = re.compile(r"[0-9A-Za-z\u0410-\u044f]+")  # fold() is lower() for these
_SEP = frozenset(",;/+&|()[]")


@dataclass(slots=True)
class Tok:
    word: str  # folded
    start: int
    end: int
    sep: bool = False  # a list separator stands before it


@dataclass(slots=True)
class Sentence:
    line: str
    toks: list[Tok]
    colon: bool = False  # ends with a colon


# Cleaning and tokens -----------------------------------------------------------------------------
def clean_lines(text: str) -> list[str]:
    text = (text or "")[:MAX_CHARS]
    if "<" in text:
        text = _TAG.sub(" ", _BREAK_TAG.sub("\n", text))
    if "&" in text:
        text = html.unescape(text)
    lines = []
    for line in text.splitlines():
        kept = [w for w in line.split() if not _is_address(w)]
        if kept:
            lines.append(" ".join(kept))
    return lines


def _is_address(chunk: str) -> bool:
    if "." not in chunk:
        return "@" in chunk
    return "@" in chunk or "://" in chunk or chunk[:4].lower() == "www." or bool(_DOMAIN.search(chunk))


def sentences(lines: Iterable[str]) -> list[Sentence]:
    out: list[Sentence] = []
    budget = MAX_TOKENS
    for line in lines:
        cur = Sentence(line, [])
        sep = False
        for m in _TOKEN.finditer(line):
            tok = m.group()
            if tok[0] in ".!?":
                if m.end() >= len(line) or line[m.end()].isspace():
                    _flush(out, cur)
                    cur = Sentence(line, [])
                continue
            if tok == ":":
                cur.colon = True
                sep = True
                continue
            if tok in _SEP:
                sep = True
                continue
            word = _fold_word(tok)
            if not word:
                continue
            cur.colon = False
            cur.toks.append(Tok(word, m.start(), m.end(), sep))
            sep = False
            budget -= 1
            if budget <= 0:
                _flush(out, cur)
                return out
        _flush(out, cur)
    return out


@lru_cache(maxsize=200_000)
def _fold_word(tok: str) -> str:
    return tok.lower() if _PLAIN.fullmatch(tok) else fold(tok)


def _flush(out: list[Sentence], s: Sentence) -> None:
    if s.toks:
        out.append(s)
