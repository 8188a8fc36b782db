"""The NACE Rev. 2 code table: its data file, the hierarchy of codes, and code normalisation.

Pure Python (no Flask, no SQLAlchemy). ``matchmaker/data/nace.json`` (:class:`NaceData`) holds
the 21 sections, 88 divisions, 272 groups and 615 classes of NACE Rev. 2 with titles in en and ru
everywhere and az for sections, divisions and part of the classes.

Canonical codes: ``"A"`` (section), ``"01"`` (division), ``"01.1"`` (group), ``"01.13"`` (class).
:func:`normalize_code` turns the spellings found in spreadsheets and forms into them; the
navigation functions (:func:`ancestors`, :func:`children`, :func:`classes_under` …) accept any
accepted spelling and raise ``KeyError`` for a code that is none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TypedDict

__all__ = [
    "LANGS",
    "LEVELS",
    "NaceData",
    "NaceIndex",
    "all_classes",
    "ancestors",
    "canon_code",
    "children",
    "classes_under",
    "division_of",
    "group_of",
    "is_valid_class",
    "is_valid_code",
    "level_of",
    "load_nace",
    "nace_index",
    "normalize_code",
    "parent_of",
    "require_code",
    "section_of",
]

LANGS = ("en", "ru", "az")
LEVELS = ("section", "division", "group", "class")


# Records of nace.json -----------------------------------------------------------------------
class SectionRecord(TypedDict):
    code: str
    title: dict[str, str]  # lang -> title (en and ru always, az mostly)


class DivisionRecord(TypedDict):
    code: str
    section: str
    title: dict[str, str]


class GroupRecord(TypedDict):
    code: str
    division: str
    title: dict[str, str]


class ClassRecord(TypedDict):
    code: str
    group: str
    title: dict[str, str]


class NaceData(TypedDict):
    source: str
    languages: list[str]
    sections: list[SectionRecord]
    divisions: list[DivisionRecord]
    groups: list[GroupRecord]
    classes: list[ClassRecord]


@lru_cache(maxsize=1)
def load_nace() -> NaceData:
    """The parsed ``nace.json`` (cached; treat as read-only)."""
    data: NaceData = json.loads(resources.files("matchmaker.data").joinpath("nace.json").read_text("utf-8"))
    return data


# The hierarchy ------------------------------------------------------------------------------
@dataclass
class NaceIndex:
    level: dict[str, str] = field(default_factory=dict)
    parent: dict[str, str | None] = field(default_factory=dict)
    section: dict[str, str] = field(default_factory=dict)
    titles: dict[str, dict[str, str]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    classes: tuple[str, ...] = ()

    def add(self, code: str, level: str, parent: str | None, title: dict[str, str]) -> None:
        self.level[code] = level
        self.parent[code] = parent
        self.titles[code] = title
        self.children.setdefault(code, [])
        if parent is not None:
            self.children[parent].append(code)
        self.section[code] = code if parent is None else self.section[parent]


@lru_cache(maxsize=1)
def nace_index() -> NaceIndex:
    """Level, parent, section, titles and children of every code (built once)."""
    data = load_nace()
    ix = NaceIndex()
    for s in data["sections"]:
        ix.add(s["code"], "section", None, s["title"])
    for d in data["divisions"]:
        ix.add(d["code"], "division", d["section"], d["title"])
    for g in data["groups"]:
        ix.add(g["code"], "group", g["division"], g["title"])
    for c in data["classes"]:
        ix.add(c["code"], "class", c["group"], c["title"])
    ix.classes = tuple(e["code"] for e in data["classes"])
    return ix


# Codes --------------------------------------------------------------------------------------
_DOTTED = re.compile(r"^(\d{1,2})(?:\.(\d{1,2}))?(?:\.(\d{1,2}))?$")


def _as_text(s: object) -> str | None:
    """``s`` as a string when it can be a code (numbers from spreadsheets included)."""
    if s is None:
        return None
    if isinstance(s, (int, float)) and not isinstance(s, bool):
        s = str(s)
    return s if isinstance(s, str) else None


def _from_digits(t: str, allow_subclass: bool) -> str | None:
    """``"01"``, ``"011"`` → ``"01.1"``, ``"0113"`` → ``"01.13"``; sub-classes cut if allowed."""
    if len(t) == 2:
        return t
    if len(t) == 3:
        return f"{t[:2]}.{t[2]}"
    if len(t) == 4:
        return f"{t[:2]}.{t[2:]}"
    if allow_subclass and len(t) in (5, 6):
        return f"{t[:2]}.{t[2:4]}"
    return None


def _from_dotted(t: str, allow_subclass: bool) -> str | None:
    """``"1.13"`` → ``"01.13"``; ``"01.13.1"`` → ``"01.13"`` if sub-classes are allowed."""
    m = _DOTTED.match(t)
    if not m:
        return None
    div, grp, sub = m.groups()
    div = div.zfill(2)
    if sub is not None and not allow_subclass:
        return None
    if grp is None:
        return div
    if len(grp) == 1 and sub is not None:  # "01.1.3" is no code form
        return None
    return f"{div}.{grp}"


def normalize_code(s: object, *, allow_subclass: bool = False) -> str | None:
    """Canonical NACE code for ``s`` or ``None`` when it is not a NACE Rev. 2 code.

    Accepts ``"01.13"``, ``"0113"``, ``" 01.13 "``, ``"01,13"`` (decimal comma), ``"1.13"``
    (leading zero lost in a spreadsheet), ``"011"`` → ``"01.1"``, ``"01"``, ``"a"`` → ``"A"``.
    With ``allow_subclass`` an OKVED2-style sub-class (``"01.13.1"``, ``"01.13.11"``) is cut to its
    NACE class.
    """
    raw = _as_text(s)
    if raw is None:
        return None
    t = re.sub(r"\s+", "", raw).replace(",", ".").rstrip(".")
    if not t:
        return None
    ix = nace_index()
    if len(t) == 1 and t.isalpha():
        t = t.upper()
        return t if ix.level.get(t) == "section" else None
    code = _from_digits(t, allow_subclass) if t.isdigit() else _from_dotted(t, allow_subclass)
    return code if code is not None and code in ix.level else None


def canon_code(code: str) -> str | None:
    """``code`` itself when canonical, else :func:`normalize_code` of it."""
    if code in nace_index().level:
        return code
    return normalize_code(code)


def require_code(code: str) -> str:
    """The canonical form of ``code``; KeyError when it is no NACE Rev. 2 code."""
    c = canon_code(code)
    if c is None:
        raise KeyError(f"not a NACE Rev. 2 code: {code!r}")
    return c


def is_valid_code(code: object) -> bool:
    return normalize_code(code) is not None


def is_valid_class(code: object) -> bool:
    """True for a NACE Rev. 2 class (4 digits) in any accepted spelling: "01.13", "0113"."""
    c = normalize_code(code)
    return c is not None and nace_index().level[c] == "class"


def level_of(code: str) -> str | None:
    c = canon_code(code)
    return nace_index().level[c] if c else None


def parent_of(code: str) -> str | None:
    return nace_index().parent[require_code(code)]


def ancestors(code: str) -> list[str]:
    """From the section down to ``code`` itself: ``["A", "01", "01.1", "01.13"]``."""
    ix = nace_index()
    c: str | None = require_code(code)
    out: list[str] = []
    while c is not None:
        out.append(c)
        c = ix.parent[c]
    return out[::-1]


def _at_level(code: str, lvl: str) -> str | None:
    for a in ancestors(code):
        if nace_index().level[a] == lvl:
            return a
    return None


def section_of(code: str) -> str | None:
    c = canon_code(code)
    return nace_index().section[c] if c else None


def division_of(code: str) -> str | None:
    return _at_level(code, "division") if canon_code(code) else None


def group_of(code: str) -> str | None:
    return _at_level(code, "group") if canon_code(code) else None


def children(code: str) -> list[str]:
    return list(nace_index().children[require_code(code)])


def classes_under(code: str) -> list[str]:
    """All classes at or under ``code`` (a class gives itself)."""
    c = require_code(code)
    ix = nace_index()
    if ix.level[c] == "class":
        return [c]
    if ix.level[c] == "section":
        return [k for k in ix.classes if ix.section[k] == c]
    return [k for k in ix.classes if k.startswith(c)]


def all_classes() -> tuple[str, ...]:
    return nace_index().classes
