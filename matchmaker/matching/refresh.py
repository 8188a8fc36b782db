"""The stored suggestion lists kept in step with the directory: one firm's change, a "no thanks",
or every list at once. Each works out the lists from the worker's engine (:mod:`.engine_cache`)
and writes them through :mod:`.store`, in the caller's transaction (flushes only).

As stored, a list leaves out the partners its firm declined and is cut to ``SUGGESTIONS_PER_FIRM``.
Connected to the companies' change signals: a profile change refreshes the firm's own list and its
place in the lists of the firms it may affect, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from flask import current_app
from numpy.typing import NDArray

from ..companies.models import Company
from ..companies.services import bulk_changed, company_changed
from ..core.matching import MatchEngine, Ranking, shown_scores
from ..dbtypes import refresh_statistics
from . import store
from .engine_cache import Scored, engine, sync
from .list_cache import lists_rewritten
from .models import Suggestion

INCREMENTAL_LIMIT = 50  # above this many changed firms, a bulk change rebuilds everything

Declined = dict[int, set[int]]  # firm -> partners it said "no thanks" to


def _kept(found: Scored, declined: set[int], k: int) -> Scored:
    """A list of (partner, score) as stored: declined partners left out, cut to k."""
    return [(pid, score) for pid, score in found if pid not in declined][:k]


def _as_stored(eng: MatchEngine, lists: dict[Any, Scored], declined: Declined, k: int) -> dict[Any, Scored]:
    """The lists as stored. A list that declines left short is ranked again deeper (the engine keeps
    a margin, so this is rare)."""
    out = {}
    for cid, found in lists.items():
        gone = declined.get(cid, set())
        kept = _kept(found, gone, k)
        if gone and len(kept) < k and len(found) >= k and cid in eng:
            eng.suggestions_for(cid, k + len(gone))
            kept = _kept(eng.stored_scores(cid) or [], gone, k)
        out[cid] = kept
    return out


def refresh_company(company_id: int) -> int:
    """Write the firm's new list and its new place in others' lists (the engine works out which
    lists a change touches). Call after the change is flushed. Flushes only."""
    eng, lists = sync(own=[company_id])
    k = current_app.config["SUGGESTIONS_PER_FIRM"]
    # Besides the lists the engine changed: the firm's own, those that hold it in the engine (margin
    # included) and those the table shows it in. The table may differ from this worker's idea of it
    # (a worker that restarted, another worker's refill after a "no thanks", lists written by another
    # worker from a state this one has not caught up with), so the old rows are read from the table.
    held = store.lists_showing(company_id)
    for cid in {company_id} | eng.holders_of(company_id) | held:
        if cid not in lists and (found := eng.stored_scores(cid)) is not None:
            lists[cid] = found
    if company_id not in eng:
        lists[company_id] = []
    declined = store.declined_by(lists)
    store.write(_as_stored(eng, lists, declined, k), store.table_lists(sorted(lists)))
    return len(lists)


def refill(company_id: int) -> None:
    """After a "no thanks" (or taking one back): the next partner in line moves up into the stored
    list (or the partner returns to it)."""
    eng = engine()
    found = eng.stored_scores(company_id)
    if found is not None:
        k = current_app.config["SUGGESTIONS_PER_FIRM"]
        lists = _as_stored(eng, {company_id: found}, store.declined_by([company_id]), k)
        store.write(lists, store.table_lists([company_id]))


def rebuild_all(
    progress: Callable[[int, int], None] | None = None, workers: int = 1, keep: bool = True
) -> int:
    """Recompute every firm's suggestions. Flushes only. ``workers`` > 1 ranks in forked processes: for the
    command line only, never inside a (threaded) web worker. ``keep``: keep the lists in this worker's
    engine for later edits (a command that exits does not need them)."""
    k = current_app.config["SUGGESTIONS_PER_FIRM"]
    eng = sync(fill=False)[0]
    declined = store.declined_by()
    # ranked deep enough that declines leave k; a firm that said "no thanks" more often is done alone
    extra = min(max((len(v) for v in declined.values()), default=0), k)
    n = 0
    with store.rewriting_all():
        for part in eng.rank_parts(k + extra, progress=progress, workers=workers, keep=keep):
            store.insert(*_stored_rows(eng, part, declined, k))  # while the workers rank the next part
            n += len(part.firms)
    for cid, gone in declined.items():
        if len(gone) > extra and cid in eng:
            found: Scored = [(s.partner_id, s.score) for s in eng.ranked(cid, k + len(gone))]
            store.write({cid: _kept(found, gone, k)}, store.table_lists([cid]))
    refresh_statistics(Suggestion.__tablename__)
    lists_rewritten()
    return n


def _stored_rows(
    eng: MatchEngine, part: Ranking, declined: Declined, k: int
) -> tuple[NDArray[Any], NDArray[Any], NDArray[np.float64]]:
    """(firm ids, partner ids, scores) of the rows to store for a part of a ranking: declined partners
    left out, each list cut to k, in key order (the unique index grows in runs, not at random)."""
    firms, partners, scores = eng.ids_of(part.firms), eng.ids_of(part.partners), shown_scores(part.scores)
    wanted = part.positions() < k
    if declined:
        ends = np.cumsum(part.lens)
        for i in np.flatnonzero(
            np.isin(firms, np.fromiter(declined, dtype=np.int64, count=len(declined)))
        ).tolist():
            seg = slice(int(ends[i] - part.lens[i]), int(ends[i]))
            ok = ~np.isin(partners[seg], np.fromiter(declined[int(firms[i])], dtype=np.int64))
            wanted[seg] = ok & (np.cumsum(ok) <= k)
    owners, partners, scores = np.repeat(firms, part.lens)[wanted], partners[wanted], scores[wanted]
    order = np.lexsort((partners, owners))
    return owners[order], partners[order], scores[order]


@company_changed.connect
def _on_company_changed(company: Company, **_kw: Any) -> None:
    refresh_company(company.id)


@bulk_changed.connect
def _on_bulk_changed(ids: list[int], **_kw: Any) -> None:
    if len(ids) > INCREMENTAL_LIMIT:
        rebuild_all()
    else:
        for cid in ids:
            refresh_company(cid)
