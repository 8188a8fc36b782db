"""Each firm's suggestion list as the API and the partners page show it, kept per worker until it can
have changed.

A list (its partners, scores, reasons and strength words in one language) depends on the profiles of
the firm and its partners, on the stored suggestions and on the firm's own decisions (a "no thanks"
takes a partner out and refills the list; an undo brings it back). The stored lists are rewritten
when a firm changes (the change counter of :mod:`matchmaker.companies.changes` moves in the same
transaction) or when the firm decides (the decision rows change in the same transaction), so the
list is kept under a stamp read in **one statement**: the counter, the firm's decisions (partner,
decision) and the other firms' decisions about it (the page marks who is interested in it). Any edit
of any firm on any host, and any decision of this firm on any host, changes the stamp, and the next
request works the list out again.

What is kept is the finished answer: the API's JSON body, and the partners page as a whole, with
slots for the reader's CSRF token and flashed messages filled per request. The page around the list
depends on its reader too: the menu (:func:`matchmaker.web.menu.menu_key`: the account, its links and
the unread notes' count) and the address (the language links repeat it) are part of its key.

``matches rebuild`` rewrites every list without an edit: it notes one firm in the change log, so the
counter moves for every worker on every host (which reads that one firm again, nothing more). A
request that wrote something itself is never served from (nor kept in) the store. The store holds
at most :data:`MAX_BYTES` of answers per worker, the least recently used going first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from flask import current_app, request
from sqlalchemy import select, text

from ..companies.changes import record, worker_state
from ..companies.models import Company
from ..extensions import db

T = TypeVar("T")
MAX_BYTES = 32 << 20  # per worker: a partners page is ~40 kB, an API answer ~10 kB
_STAMP = text(
    "SELECT 0, 0, CAST(seq AS VARCHAR(24)) FROM change_counter WHERE id = 1 "
    "UNION ALL SELECT 1, partner_id, decision || ':' || CAST(id AS VARCHAR(20)) || ':' || "
    "COALESCE(CAST(score AS VARCHAR(40)), '') FROM interests WHERE company_id = :c "
    "UNION ALL SELECT 2, company_id, decision FROM interests WHERE partner_id = :c"
)


@dataclass
class _Store:
    lists: OrderedDict[tuple[Any, ...], tuple[Any, Any, int]] = field(default_factory=OrderedDict)
    size: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def lists_rewritten() -> None:
    """Every stored list was rewritten (``rebuild_all``, in its transaction): nothing kept in any
    worker holds. One firm is noted as changed, which moves the change counter at the commit."""
    first = db.session.scalar(select(Company.id).order_by(Company.id).limit(1))
    if first is not None:
        record([first])


def stamp(company_id: int) -> tuple[Any, ...]:
    """What the firm's list depends on, in one round trip: the change counter, its decisions (with
    the row's id and the score it kept: a decision taken back and given again is a new row, and the
    declined tab shows that score) and the decisions of others about it (the partners page marks
    who is interested in it)."""
    rows = db.session.execute(_STAMP, {"c": company_id}).all()
    seq = next((r[2] for r in rows if r[0] == 0), "0")
    decisions = tuple(sorted((int(r[0]), int(r[1]), str(r[2])) for r in rows if r[0] != 0))
    return (seq, decisions)


def _usable() -> bool:
    unit = db.session()
    return (
        current_app.config.get("LIST_CACHE", True)
        and request.method in ("GET", "HEAD")
        and not (unit.new or unit.dirty or unit.deleted)
        and not unit.info.get("matchmaker.changed_companies")
    )


def _size(value: Any) -> int:
    """About what a kept value holds: its text and bytes (a page, a JSON body, their parts)."""
    if isinstance(value, (str, bytes)):
        return len(value)
    if isinstance(value, tuple):
        return 64 + sum(_size(part) for part in value)
    return 64


def kept_list(kind: str, company_id: int, lang: str, compute: Callable[[], T], *extra: Any) -> T:
    """``compute()``'s value for this firm and language (and ``extra``: what else it depends on, a
    tab, say), from the worker's store while the firm's :func:`stamp` is unchanged (worked out
    again, and kept, when it moved)."""
    if not _usable():
        return compute()
    store: _Store = worker_state("matchmaker_lists", _Store)
    key = (kind, company_id, lang, *extra)
    now = stamp(company_id)
    with store.lock:
        kept = store.lists.get(key)
        if kept is not None and kept[0] == now:
            store.lists.move_to_end(key)
            return kept[1]  # type: ignore[no-any-return]
    value = compute()  # reads at least as new as the stamp: never older data under a newer stamp
    size = _size(value)
    with store.lock:
        old = store.lists.pop(key, None)
        store.size -= old[2] if old is not None else 0
        store.lists[key] = (now, value, size)
        store.size += size
        while store.size > MAX_BYTES and len(store.lists) > 1:
            store.size -= store.lists.popitem(last=False)[1][2]
    return value
