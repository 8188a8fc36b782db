"""The lexicon gaps (words of offers, needs and descriptions no concept knows) and the staff's
additions: a word linked to a concept, a new concept; their export and import as JSON. After an
addition every firm's suggestions are worked out again with the grown lexicon (flushes only)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from ..companies.changes import record as record_changes
from ..companies.models import Company
from ..core.descriptions import read_descriptions
from ..core.lexicon_gaps import LANGS, Gap, nearest_concepts, tally_gaps
from ..core.text import fold, has_cyrillic
from ..errors import DomainError
from ..extensions import db
from .current import Row, _rows, concept_record, current_lexicon
from .models import AdditionKind, LexiconAddition

MAX_GAPS = 100
CONCEPT_ID = re.compile(r"[a-z][a-z0-9_]{1,63}\Z")
HS_CODE = re.compile(r"\d{2}(?:\d{2}(?:\.?\d{2}(?:\.?\d{2})?)?)?\Z")
_AZ_LETTERS = set("əğıöüşçƏĞIİÖÜŞÇ")


@dataclass(slots=True)
class GapRow:
    word: str  # folded: the key staff act on
    shown: str  # the commonest spelling
    firms: int
    where: set[str] = field(default_factory=set)  # offer | need | description
    nearest: list[tuple[str, str]] = field(default_factory=list)  # (concept id, name)
    lang: str = "en"  # the language the word looks like


def guess_lang(text: str) -> str:
    if has_cyrillic(text):
        return "ru"
    return "az" if any(ch in _AZ_LETTERS for ch in text) else "en"


def _found(companies: list[tuple[int, list[str], list[str], str]]) -> list[tuple[int, str, str, str]]:
    """Unknown words ``(firm, folded, as written, where)`` of the visible firms."""
    lexicon = current_lexicon()
    out: list[tuple[int, str, str, str]] = []
    items = [
        (cid, side, t)
        for cid, offers, needs, _d in companies
        for side, ts in (("offer", offers), ("need", needs))
        for t in ts or []
    ]
    for (cid, side, text), hits in zip(items, lexicon.analyze_many(t for _c, _s, t in items), strict=True):
        if hits and all(h.free for h in hits):
            out.append((cid, fold(text), text.strip(), side))
    described = [(cid, d) for cid, _o, _n, d in companies if (d or "").strip()]
    for (cid, _d), reading in zip(
        described, read_descriptions(lexicon, (d for _c, d in described)), strict=True
    ):
        out.extend((cid, fold(w), w, "description") for w, _side in reading.unknown)
    return out


def _companies() -> list[tuple[int, list[str], list[str], str]]:
    stmt = select(Company.id, Company.offers, Company.needs, Company.description).where(
        Company.hidden.is_(False)
    )
    return [(cid, list(o or []), list(n or []), d or "") for cid, o, n, d in db.session.execute(stmt)]


def gaps(lang: str, limit: int = MAX_GAPS) -> list[GapRow]:
    """The unknown words used by the most firms, with the nearest concepts."""
    found = _found(_companies())
    where: dict[str, set[str]] = {}
    for _cid, word, _w, kind in found:
        where.setdefault(word, set()).add(kind)
    lexicon = current_lexicon()
    out = []
    for g in tally_gaps((cid, word, written) for cid, word, written, _k in found)[:limit]:
        near = [(c, lexicon.concept(c).name(lang)) for c in nearest_concepts(lexicon, g.shown)]
        out.append(GapRow(g.word, g.shown, len(g.firms), where[g.word], near, guess_lang(g.shown)))
    return out


def _affected(word: str) -> list[int]:
    return sorted({cid for cid, w, _s, _k in _found(_companies()) if w == word})


def _refresh(firms: Iterable[int]) -> None:
    """Every firm's suggestions again, with the grown lexicon; the firms the word touched go to the
    change log, so the other workers read the lexicon again too."""
    from ..matching.engine_cache import forget_engine
    from ..matching.refresh import rebuild_all

    firms = list(firms)
    if not firms:
        # no firm uses the word, yet it now names a product ("kvazimal" finds the tomato
        # traders): one firm carries the change, so that every worker reads the lexicon again
        carrier = db.session.scalar(select(Company.id).order_by(Company.id).limit(1))
        firms = [carrier] if carrier is not None else []
    record_changes(firms)
    forget_engine()
    rebuild_all()


def link_word(word: str, concept: str, lang: str, user_id: int | None) -> int:
    """The word (as written) becomes a lemma of ``concept`` in ``lang``; the number of firms whose
    words it now names."""
    text = " ".join((word or "").split())
    if not text or len(text) > 200:
        raise DomainError(_("Enter a word of at most 200 characters."), field="word")
    if lang not in LANGS:
        raise DomainError(_("Choose Azerbaijani, Russian or English."), field="lang")
    lexicon = current_lexicon()
    if concept not in lexicon.concepts:
        raise DomainError(_("Unknown concept: %(id)s.", id=concept), field="concept")
    firms = _affected(fold(text))
    db.session.add(
        LexiconAddition(
            kind=AdditionKind.LEMMA, concept_id=concept, lang=lang, lemma=text, created_by_id=user_id
        )
    )
    db.session.flush()
    _refresh(firms)
    return len(firms)


def _names(names: dict[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        raw = names.get(lang) or []
        terms = raw.split(",") if isinstance(raw, str) else [str(t) for t in raw]
        out[lang] = [" ".join(t.split()) for t in terms if t.strip()][:20]
        if any(len(t) > 200 for t in out[lang]):
            raise DomainError(_("Each name at most 200 characters."), field=f"names_{lang}")
    if not any(out.values()):
        raise DomainError(_("Give the concept at least one name."), field="names_en")
    return out


def create_concept(
    concept: str,
    names: dict[str, Any],
    hs: str = "",
    group: str = "",
    broader: str = "",
    user_id: int | None = None,
) -> int:
    """A new concept with its names in az / ru / en, HS code, product group and broader concept;
    the number of firms whose words it now names."""
    lexicon = current_lexicon()
    cid = (concept or "").strip().lower()
    if not CONCEPT_ID.match(cid):
        raise DomainError(
            _("Use 2 to 64 small Latin letters, digits and _ (starting with a letter)."), field="concept"
        )
    if cid in lexicon.concepts:
        raise DomainError(_("This concept exists already."), field="concept")
    hs = (hs or "").strip()
    if hs and not HS_CODE.match(hs):
        raise DomainError(_("Enter an HS code of 2 to 8 digits (such as 0810.70)."), field="hs")
    if group and group not in lexicon.groups:
        raise DomainError(_("Unknown product group."), field="group")
    if broader and broader not in lexicon.concepts:
        raise DomainError(_("Unknown concept: %(id)s.", id=broader), field="broader")
    clean = _names(names)
    words = {fold(t) for ts in clean.values() for t in ts}
    firms = sorted({cid_ for cid_, w, _s, _k in _found(_companies()) if w in words})
    db.session.add(
        LexiconAddition(
            kind=AdditionKind.CONCEPT,
            concept_id=cid,
            hs=hs or None,
            group_id=group or None,
            broader=broader or None,
            names=clean,
            created_by_id=user_id,
        )
    )
    db.session.flush()
    _refresh(firms)
    return len(firms)


# Export and import -------------------------------------------------------------------------------
def export_additions() -> dict[str, Any]:
    """The staff's additions as JSON-ready data: new concepts (as in ``lexicon.json``) and lemmas."""
    rows: tuple[Row, ...] = _rows()
    concepts = [dict(concept_record(r)) for r in rows if r[0] == AdditionKind.CONCEPT]
    lemmas = [{"concept": r[1], "lang": r[2], "lemma": r[3]} for r in rows if r[0] == AdditionKind.LEMMA]
    return {"version": 1, "concepts": concepts, "lemmas": lemmas}


def import_additions(data: Any) -> tuple[int, int]:
    """Add the concepts and lemmas of an export that are not here yet; (concepts, lemmas) added.
    A malformed file is refused whole, naming the entry at fault."""
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("concepts", []), list)
        or not isinstance(data.get("lemmas", []), list)
    ):
        raise DomainError(_('Expected an object with the lists "concepts" and "lemmas".'), field="file")
    have = {(r[1], r[2], r[3]) for r in _rows() if r[0] == AdditionKind.LEMMA}
    have_concepts = {r[1] for r in _rows() if r[0] == AdditionKind.CONCEPT}
    known = set(current_lexicon().concepts)
    n_concepts = n_lemmas = 0
    for i, c in enumerate(data.get("concepts", [])):
        if not isinstance(c, dict) or not CONCEPT_ID.match(str(c.get("id", ""))):
            raise DomainError(_("concepts[%(i)d]: a concept needs an id.", i=i), field=f"concepts[{i}].id")
        if c["id"] in have_concepts:
            continue
        names = _names({lang: c.get(lang) or [] for lang in LANGS})
        hs = str(c.get("hs") or "")
        if hs and not HS_CODE.match(hs):
            raise DomainError(_("concepts[%(i)d]: bad HS code.", i=i), field=f"concepts[{i}].hs")
        db.session.add(
            LexiconAddition(
                kind=AdditionKind.CONCEPT,
                concept_id=c["id"],
                hs=hs or None,
                group_id=c.get("group") or None,
                broader=c.get("broader") or None,
                names=names,
            )
        )
        have_concepts.add(c["id"])
        n_concepts += 1
    for i, x in enumerate(data.get("lemmas", [])):
        if (
            not isinstance(x, dict)
            or x.get("lang") not in LANGS
            or not str(x.get("lemma") or "").strip()
            or not x.get("concept")
        ):
            raise DomainError(
                _("lemmas[%(i)d]: needs concept, lang (az, ru, en) and lemma.", i=i), field=f"lemmas[{i}]"
            )
        key = (str(x["concept"]), str(x["lang"]), " ".join(str(x["lemma"]).split())[:200])
        if key[0] not in known and key[0] not in have_concepts:
            raise DomainError(_("Unknown concept: %(id)s.", id=key[0]), field=f"lemmas[{i}].concept")
        if key in have:
            continue
        db.session.add(LexiconAddition(kind=AdditionKind.LEMMA, concept_id=key[0], lang=key[1], lemma=key[2]))
        have.add(key)
        n_lemmas += 1
    db.session.flush()
    return n_concepts, n_lemmas


def refresh_after_import() -> None:
    _refresh(())


__all__ = ["Gap", "GapRow", "create_concept", "export_additions", "gaps", "import_additions", "link_word"]
