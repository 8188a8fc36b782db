"""The directory's search index, kept per process and synchronised from the database.

Every worker holds its own :class:`~matchmaker.core.search.SearchIndex`. Before a search it reads
the change log (:mod:`.changes`, numbered in commit order) past the number it has seen and pulls only
the firms changed since, so several gunicorn workers, on several hosts, stay consistent without
shared state.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import select

from ..core.search import SearchDoc, SearchIndex
from ..extensions import db
from .changes import ChangeCursor, worker_state
from .models import Company


@dataclass
class _State:
    index: SearchIndex = field(default_factory=SearchIndex)
    cursor: ChangeCursor = field(default_factory=ChangeCursor)
    lock: threading.Lock = field(default_factory=threading.Lock)


def _state() -> _State:
    return worker_state("matchmaker_search", _State)


def to_doc(company: Company) -> SearchDoc:
    texts = tuple(company.offers or ()) + tuple(company.needs or ())
    if company.description:
        texts += (company.description[:500],)
    return SearchDoc(id=company.id, name=company.name, city=company.city or "", texts=texts)


def sync() -> SearchIndex:
    state = _state()
    with state.lock:
        kind, ids = state.cursor.poll()
        if kind == "full":
            state.index = SearchIndex(to_doc(c) for c in db.session.scalars(select(Company)))
        elif kind == "partial":
            for i in range(0, len(ids), 900):
                for company in db.session.scalars(select(Company).where(Company.id.in_(ids[i : i + 900]))):
                    state.index.add(to_doc(company))
    return state.index


RELATIVE_CUTOFF = 0.5  # hits scoring under half the best one are noise, not results


def search_ids(q: str, limit: int = 300) -> list[tuple[int, float]]:
    hits = sync().search(q, limit=limit)
    if not hits:
        return hits
    floor = hits[0][1] * RELATIVE_CUTOFF
    return [(cid, score) for cid, score in hits if score >= floor]
