"""The directory's search index, kept per process and synchronised from the database.

Every worker holds its own :class:`~matchmaker.core.search.SearchIndex`. Before a search it reads
the change log (:mod:`.changes`, numbered in commit order) past the number it has seen and pulls only
the firms changed since, so several gunicorn workers, on several hosts, stay consistent without
shared state.

The index reads product words with the application's lexicon, the packaged one merged with the
staff's additions (:func:`~matchmaker.lexicon.current.current_lexicon`), as the matching engine does.
A staff addition records the firms it touches in the change log; a worker that reads changes past
its number checks whether the lexicon is still the one its index was built with, and if not builds
the index again with the grown one (the matching engine's own test, in ``engine_cache.sync``).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..core.concepts import Lexicon, default_lexicon
from ..core.search import Found, SearchDoc, SearchIndex
from ..core.search_lexicon import ProductReader, default_reader
from ..extensions import db
from ..lexicon.current import current_lexicon
from .changes import ChangeCursor, worker_state
from .models import Company


@dataclass
class _State:
    index: SearchIndex = field(default_factory=SearchIndex)
    cursor: ChangeCursor = field(default_factory=ChangeCursor)
    lock: threading.Lock = field(default_factory=threading.Lock)
    lexicon: Lexicon | None = None  # the lexicon the index reads product words with


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
        # staff changed the lexicon (they record the firms it touches): every firm is read again
        lexicon = current_lexicon() if kind == "full" or ids or state.lexicon is None else state.lexicon
        if kind == "full" or lexicon is not state.lexicon:
            # read 500 firms at a time: with the rows of all 20,000 alive while the index grew among
            # them, the index left 108 MB of heap arenas for 36 MB of live objects (60 MB now)
            rows = db.session.scalars(
                select(Company).options(selectinload(Company.sector_rows)).execution_options(yield_per=500)
            )
            state.index = SearchIndex((to_doc(c) for c in rows), expand=_reader(lexicon))
            state.lexicon = lexicon
        elif kind == "partial":
            for i in range(0, len(ids), 900):
                batch = select(Company).where(Company.id.in_(ids[i : i + 900]))
                for company in db.session.scalars(batch.options(selectinload(Company.sector_rows))):
                    state.index.add(to_doc(company))
    return state.index


def _reader(lexicon: Lexicon) -> ProductReader:
    """The packaged lexicon's reader is shared (its caches warm); a grown lexicon gets its own."""
    return default_reader() if lexicon is default_lexicon() else ProductReader(lexicon)


def find(q: str, limit: int = 300) -> Found:
    """The directory's answer to ``q``: firms above the relevance floor, best first, or the
    nearest spellings when there is none (:meth:`~matchmaker.core.search.SearchIndex.find`)."""
    return sync().find(q, limit=limit)
