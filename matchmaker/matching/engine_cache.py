"""The matching engine each worker process keeps, loaded from the database and kept in step with it.

A worker loads every visible firm once (a gunicorn master may do it before forking, see
:func:`preload`), ranks every firm's list, and from then on applies the profile changes any worker
on any host committed, found in the change log (:mod:`matchmaker.companies.changes`, numbered in
commit order) once per request (or CLI command). The request's own change reaches the engine before
its commit, when the stored lists are refreshed (:mod:`.refresh`, ``sync(own=...)``); should the
request roll back, the next poll reads those firms again from the database.
"""

from __future__ import annotations

import gc
import json
import logging
import threading
import time
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, current_app, g
from sqlalchemy import ColumnElement, Text, cast, select
from sqlalchemy.exc import SQLAlchemyError

from ..companies.changes import ChangeCursor, applied_before_commit, take_suspects, worker_state
from ..companies.models import Company, CompanySector
from ..core.matching import FirmProfile, MatchEngine, paused_gc
from ..extensions import db
from ..lexicon.current import current_lexicon
from .store import driver_rows

CATCH_UP_LIMIT = 200  # more changes than this since a worker last looked: it loads again (faster)
FREEZE_FROM = 2000  # firms: from this size the loaded engine is frozen out of the collector's scans
_CHUNK = 900  # ids per IN (...)

Scored = list[tuple[Hashable, float]]  # a list as the engine keeps it: (partner, shown score), best first


@dataclass
class EngineState:
    """One worker's engine (None until loaded), its place in the change history, and the lock that
    serialises catching up (a threaded worker serves several requests at once)."""

    engine: MatchEngine | None = None
    cursor: ChangeCursor = field(default_factory=ChangeCursor)
    lock: threading.RLock = field(default_factory=threading.RLock)


def _state() -> EngineState:
    state: EngineState = worker_state("matchmaker_matching", EngineState)
    return state


def engine(fill: bool = True) -> MatchEngine:
    """The worker's engine, brought up to date with the database once per request (or CLI command):
    a page explaining 20 suggestions asks the database for changes once, not 20 times.
    ``fill=False``: an engine this call loads ranks nothing (a command that only explains pairs)."""
    state = _state()
    if g.get("matching_synced") is not state:
        sync(fill=fill)
        g.matching_synced = state
    assert state.engine is not None
    return state.engine


def sync(fill: bool = True, own: Iterable[int] = ()) -> tuple[MatchEngine, dict[Any, Scored]]:
    """Apply the profile changes committed since this worker last looked (by any worker), and the
    firms in ``own`` as this transaction sees them (its own, not yet committed change). Returns the
    engine and the lists those changes changed in memory (empty after a full load). ``fill=False``:
    a newly loaded engine does not rank anything yet (a rebuild is coming)."""
    state = _state()
    k = current_app.config["SUGGESTIONS_PER_FIRM"]
    own = list(own)
    with state.lock:
        kind, ids = state.cursor.poll(suspects=[*take_suspects(), *own])
        if own:
            applied_before_commit(own)
        changed: dict[Any, Scored] = {}  # by firm id
        # staff changed the lexicon (they record the firms it touches): every item is read again
        stale = bool(ids) and state.engine is not None and state.engine.lexicon is not current_lexicon()
        if kind == "full" or state.engine is None or len(ids) > CATCH_UP_LIMIT or stale:
            state.engine = None
            state.engine = eng = _load(k, fill)
            return eng, changed
        eng = state.engine
        touched: set[Hashable] = set()
        hidden_now = set()
        for i in range(0, len(ids), _CHUNK):
            for cid, hidden, profile in _profiles(Company.id.in_(ids[i : i + _CHUNK])):
                if hidden:
                    if cid in eng:
                        touched.update(eng.remove(cid))
                    hidden_now.add(cid)
                elif eng.profile_of(cid) != profile:  # an edit this worker applied already is not redone
                    touched.update(eng.apply_change(profile, k))
        # the lists as they are after all the changes (a later change may touch a list again)
        changed.update((cid, found) for cid in touched if (found := eng.stored_scores(cid)) is not None)
        changed.update((cid, []) for cid in hidden_now)
        return eng, changed


def _load(k: int, fill: bool = True) -> MatchEngine:
    """A new engine holding every visible firm, with every firm's list ranked (edits then only
    adjust lists). Its objects live as long as the worker: they are moved out of the cyclic
    collector's sight (``gc.freeze``), which would otherwise rescan them in every full collection."""
    gc.unfreeze()
    with paused_gc():
        eng = MatchEngine(current_lexicon())
        for _cid, hidden, profile in _profiles(None):
            if not hidden:
                eng.add(profile)
        if fill:
            eng.fill(k)
    if fill and len(eng) >= FREEZE_FROM:  # a collection costs little on a small heap; freezing churns
        gc.collect()
        gc.freeze()
    return eng


def forget_engine() -> None:
    """Drop this worker's engine: the next use loads it again (after a change of the lexicon)."""
    state = _state()
    with state.lock:
        state.engine = None


def _profiles(where: ColumnElement[bool] | None = None) -> Iterator[tuple[int, bool, FirmProfile]]:
    """(id, hidden, profile) of the firms matching ``where`` (callers pass chunks of ids), or of all.
    Loading the whole directory is on the path of every worker start and every rebuild: the rows come
    as the driver's plain tuples, the JSON lists as text decoded in one call."""
    stmt = select(
        Company.id,
        Company.name,
        Company.country,
        cast(Company.offers, Text),
        cast(Company.needs, Text),
        cast(Company.languages, Text),
        Company.verified,
        Company.hidden,
        Company.description,
    )
    if where is not None:
        stmt = stmt.where(where)
    rows = driver_rows(stmt)
    lists: list[Any] = json.loads("[" + ",".join(x or "[]" for r in rows for x in r[3:6]) + "]")
    sectors = _sectors(None if where is None else [r[0] for r in rows])
    for i, (cid, name, country, _o, _n, _l, verified, hidden, description) in enumerate(rows):
        offers, needs, languages = lists[3 * i : 3 * i + 3]
        yield (
            cid,
            bool(hidden),
            FirmProfile(
                id=cid,
                country=country,
                sectors=tuple(sectors.get(cid, ())),
                offers=tuple(offers or ()),
                needs=tuple(needs or ()),
                languages=tuple(languages or ()),
                verified=bool(verified),
                name=name,
                description=description or "",
            ),
        )


def _sectors(company_ids: list[int] | None) -> dict[int, list[str]]:
    """Sector codes by firm, in their order (of these firms, or of all)."""
    stmt = select(CompanySector.company_id, CompanySector.code).order_by(
        CompanySector.company_id, CompanySector.position
    )
    if company_ids is not None:
        stmt = stmt.where(CompanySector.company_id.in_(company_ids))
    out: dict[int, list[str]] = {}
    for cid, code in driver_rows(stmt):
        out.setdefault(cid, []).append(code)
    return out


def preload(app: Flask, log: logging.Logger | None = None) -> None:
    """Load this process's directory search index and matching engine now (a gunicorn master
    before it forks its workers, see ``matchmaker/gunicorn_conf.py``), then close the database
    connections: a forked worker must open its own. A database without its tables yet (before
    ``db upgrade``) is left for the workers."""
    from ..companies.search import sync as sync_search

    with app.app_context():
        try:
            started = time.perf_counter()
            sync_search()  # first: the engine's load freezes what is alive then (gc.freeze)
            _warm_up(app, log)
            n = len(engine())
            if log is not None:
                log.info(
                    "search index and matching engine preloaded: %d firms ranked in %.1f s",
                    n,
                    time.perf_counter() - started,
                )
        except SQLAlchemyError as err:
            if log is not None:
                log.warning(
                    "matching engine not preloaded (%s): each worker loads it on first use",
                    err.__class__.__name__,
                )
            app.extensions.pop("matchmaker_matching", None)
            app.extensions.pop("matchmaker_search", None)
        finally:
            db.session.remove()
            db.engine.dispose()


def _warm_up(app: Flask, log: logging.Logger | None) -> None:
    """Render a search and a profile once, so that what each process otherwise loads on its first
    page (compiled templates, sector titles, the search's lazily built tables: about 0.8 s) is
    loaded before the fork."""
    first = db.session.scalar(select(Company.id).where(Company.hidden.is_(False)).limit(1))
    client = app.test_client()
    try:
        for path in ("/companies?q=xalça", "/companies?q=ковры", f"/companies/{first or ''}"):
            client.get(path, base_url="https://localhost")
    except Exception as err:  # a warm-up that fails only leaves that work to the workers
        if log is not None:
            log.warning("warm-up request failed: %r", err)
