"""The directory's search index, kept per process and synchronised from the database.

Every worker holds its own :class:`~matchmaker.core.search.SearchIndex`. Before a search it compares
the table's row count and latest ``updated_at`` with what it has seen and pulls only the rows changed
since (a full rebuild when rows disappeared), so several gunicorn workers stay consistent without
shared state.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from sqlalchemy import func, select

from ..core.search import SearchDoc, SearchIndex
from ..extensions import db
from .models import Company


@dataclass
class _State:
    index: SearchIndex = field(default_factory=SearchIndex)
    count: int = -1
    latest: datetime | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


def _state() -> _State:
    ext = current_app.extensions
    if "matchmaker_search" not in ext:
        ext["matchmaker_search"] = _State()
    return ext["matchmaker_search"]


def to_doc(company: Company) -> SearchDoc:
    texts = tuple(company.offers or ()) + tuple(company.needs or ())
    if company.description:
        texts += (company.description[:500],)
    return SearchDoc(id=company.id, name=company.name, city=company.city or "", texts=texts)


def sync() -> SearchIndex:
    state = _state()
    count, latest = db.session.execute(select(func.count(Company.id), func.max(Company.updated_at))).one()
    if count == state.count and latest == state.latest:
        return state.index
    with state.lock:
        if count == state.count and latest == state.latest:
            return state.index
        if count < state.count or state.latest is None:
            state.index = SearchIndex(to_doc(c) for c in db.session.scalars(select(Company)))
        else:
            for company in db.session.scalars(select(Company).where(Company.updated_at >= state.latest)):
                state.index.add(to_doc(company))
        # a raw max(updated_at) from SQLite comes back naive; compare like with like next time
        state.count, state.latest = count, latest
    return state.index


RELATIVE_CUTOFF = 0.5  # hits scoring under half the best one are noise, not results


def search_ids(q: str, limit: int = 300) -> list[tuple[int, float]]:
    hits = sync().search(q, limit=limit)
    if not hits:
        return hits
    floor = hits[0][1] * RELATIVE_CUTOFF
    return [(cid, score) for cid, score in hits if score >= floor]


def reset() -> None:
    current_app.extensions.pop("matchmaker_search", None)
