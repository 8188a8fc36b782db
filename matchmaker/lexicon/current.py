"""The trade lexicon the application reads with: the packaged one plus the staff's additions.

A process keeps the lexicon it built and builds it again when the additions in the database are not
the ones it was built from (they are few: reading them is one small query).
"""

from __future__ import annotations

import threading

from sqlalchemy import select

from ..core.concepts import Lexicon, default_lexicon
from ..core.lexicon import ConceptRecord, packaged_lexicon_data
from ..core.lexicon_gaps import merge_additions
from ..extensions import db
from .models import AdditionKind, LexiconAddition

_LOCK = threading.Lock()
_BUILT: dict[str, tuple[tuple[object, ...], Lexicon]] = {}

Row = tuple[str, str, str | None, str | None, str | None, str | None, str | None, object]


def _rows() -> tuple[Row, ...]:
    a = LexiconAddition
    stmt = select(a.kind, a.concept_id, a.lang, a.lemma, a.hs, a.group_id, a.broader, a.names).order_by(a.id)
    return tuple(tuple(r) for r in db.session.execute(stmt))  # type: ignore[misc]


def concept_record(row: Row) -> ConceptRecord:
    _kind, cid, _lang, _lemma, hs, group, broader, names = row
    names = names if isinstance(names, dict) else {}
    rec: ConceptRecord = {"id": cid, "hs": hs, "group": group, "broader": broader}
    rec["az"] = list(names.get("az") or [])
    rec["ru"] = list(names.get("ru") or [])
    rec["en"] = list(names.get("en") or [])
    return rec


def build(rows: tuple[Row, ...]) -> Lexicon:
    concepts = [concept_record(r) for r in rows if r[0] == AdditionKind.CONCEPT]
    lemmas = [(r[1], r[2] or "", r[3] or "") for r in rows if r[0] == AdditionKind.LEMMA]
    return Lexicon(merge_additions(packaged_lexicon_data(), concepts, lemmas))


def current_lexicon() -> Lexicon:
    """The lexicon of this process: the packaged one when staff added nothing, else the merge."""
    rows = _rows()
    if not rows:
        return default_lexicon()
    with _LOCK:
        got = _BUILT.get("lexicon")
        if got is not None and got[0] == rows:
            return got[1]
        lexicon = build(rows)
        _BUILT["lexicon"] = (rows, lexicon)
        return lexicon
