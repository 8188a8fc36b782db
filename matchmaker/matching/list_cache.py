"""Each firm's suggestion list as the API shows it, kept per worker until it can have changed.

A list (its partners, scores, reasons and strength words in one language) depends on the profiles
of the firm and its partners, on the stored suggestions and on the firm's own decisions (a "no
thanks" takes a partner out and refills the list; an undo brings it back). The stored lists are
rewritten when a firm changes (the change counter of :mod:`matchmaker.companies.changes` moves in
the same transaction) or when the firm decides (the decision rows change in the same transaction),
so the list is kept under a stamp read in **one statement**: the counter and the firm's decisions
(partner, decision). Any edit of any firm on any host, and any decision of this firm on any host,
changes the stamp, and the next request works the list out again. ``matches rebuild`` rewrites
every list without an edit: a rebuild in this process bumps a generation that is part of the
stamp; a rebuild from the command line is followed by a restart of the web workers (as the
deployment notes say for any bulk rewrite). A request that wrote something itself is never
served from (nor kept in) the store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from flask import current_app, request
from sqlalchemy import text

from ..companies.changes import worker_state
from ..extensions import db

T = TypeVar("T")
MAX_LISTS = 4000  # per worker (a rendered list of 20 is a few kB)
_GENERATION = "matchmaker_lists_generation"
_STAMP = text(
    "SELECT -1, CAST(seq AS VARCHAR(24)) FROM change_counter WHERE id = 1 "
    "UNION ALL SELECT partner_id, decision FROM interests WHERE company_id = :c"
)


@dataclass
class _Store:
    lists: OrderedDict[tuple[Any, ...], tuple[Any, Any]] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)


def lists_rewritten() -> None:
    """Every stored list was rewritten (``rebuild_all``): nothing kept in this worker holds."""
    current_app.extensions[_GENERATION] = current_app.extensions.get(_GENERATION, 0) + 1


def stamp(company_id: int) -> tuple[Any, ...]:
    """What the firm's list depends on, in one round trip: the change counter and its decisions."""
    rows = db.session.execute(_STAMP, {"c": company_id}).all()
    seq = next((r[1] for r in rows if r[0] == -1), "0")
    decisions = tuple(sorted((int(r[0]), str(r[1])) for r in rows if r[0] != -1))
    return (current_app.extensions.get(_GENERATION, 0), seq, decisions)


def _usable() -> bool:
    session = db.session()
    return (
        current_app.config.get("LIST_CACHE", True)
        and request.method in ("GET", "HEAD")
        and not (session.new or session.dirty or session.deleted)
        and not session.info.get("matchmaker.changed_companies")
    )


def kept_list(kind: str, company_id: int, lang: str, compute: Callable[[], T]) -> T:
    """``compute()``'s value for this firm and language, from the worker's store while the firm's
    :func:`stamp` is unchanged (worked out again, and kept, when it moved)."""
    if not _usable():
        return compute()
    store: _Store = worker_state("matchmaker_lists", _Store)
    key = (kind, company_id, lang)
    now = stamp(company_id)
    with store.lock:
        kept = store.lists.get(key)
        if kept is not None and kept[0] == now:
            store.lists.move_to_end(key)
            return kept[1]  # type: ignore[no-any-return]
    value = compute()  # reads at least as new as the stamp: never older data under a newer stamp
    with store.lock:
        store.lists[key] = (now, value)
        store.lists.move_to_end(key)
        while len(store.lists) > MAX_LISTS:
            store.lists.popitem(last=False)
    return value
