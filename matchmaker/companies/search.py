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
from sqlalchemy.orm import selectinload

from ..core.search import Found, SearchDoc, SearchIndex
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
    return SearchDoc(
        id=company.id,
        name=company.name,
        city=company.city or "",
        texts=texts,
        sectors=tuple(company.sectors or ()),
    )


def sync() -> SearchIndex:
    state = _state()
    with state.lock:
        kind, ids = state.cursor.poll()
        if kind == "full":
            rows = db.session.scalars(select(Company).options(selectinload(Company.sector_rows)))
            state.index = SearchIndex(to_doc(c) for c in rows)
        elif kind == "partial":
            for i in range(0, len(ids), 900):
                batch = select(Company).where(Company.id.in_(ids[i : i + 900]))
                for company in db.session.scalars(batch.options(selectinload(Company.sector_rows))):
                    state.index.add(to_doc(company))
    return state.index


def find(q: str, limit: int = 300) -> Found:
    """The directory's answer to ``q``: firms above the relevance floor, best first, or the
    nearest spellings when there is none (:meth:`~matchmaker.core.search.SearchIndex.find`)."""
    return sync().find(q, limit=limit)
