"""Partner suggestions: the process-local engine, storing top lists, interest and matches.

Each worker keeps a :class:`~matchmaker.core.matching.MatchEngine` loaded from the database and
synchronised like the search index (row count and latest ``updated_at``). A profile change refreshes
the firm's own list and its place in the lists of the firms it may affect, in the same transaction.
"""

from __future__ import annotations

import gc
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np
from flask import current_app, g
from flask_babel import gettext as _
from sqlalchemy import Text, and_, cast, delete, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.schema import AddConstraint, DropConstraint, UniqueConstraint

from ..companies.changes import ChangeCursor, worker_state
from ..companies.models import Company, CompanySector
from ..companies.services import bulk_changed, company_changed
from ..core.matching import FirmProfile, MatchEngine, paused_gc, render_reason, shown_scores
from ..dbtypes import refresh_statistics, utcnow
from ..errors import DomainError, NotFound
from ..extensions import db
from ..notifications.services import notify
from .models import Interest, Suggestion

INCREMENTAL_LIMIT = 50  # above this many changed firms, a bulk change rebuilds everything
CATCH_UP_LIMIT = 200  # more changes than this since a worker last looked: it loads again (faster)
FREEZE_FROM = 2000  # firms: from this size the loaded engine is frozen out of the collector's scans


@dataclass
class _State:
    engine: MatchEngine | None = None
    cursor: ChangeCursor = field(default_factory=ChangeCursor)
    lock: threading.RLock = field(default_factory=threading.RLock)


def _state() -> _State:
    return worker_state("matchmaker_matching", _State)


def _profiles(where=None) -> Iterable[tuple[int, bool, FirmProfile]]:
    """(id, hidden, profile) of the firms matching ``where`` (callers pass chunks of ids), or of all.
    Loading the whole directory is on the path of every worker start and every rebuild: the rows come
    as the driver's plain tuples, the JSON lists as text decoded in one call."""
    as_text = lambda col: cast(col, Text)  # noqa: E731
    stmt = select(
        Company.id,
        Company.name,
        Company.country,
        as_text(Company.offers),
        as_text(Company.needs),
        as_text(Company.languages),
        Company.verified,
        Company.hidden,
    )
    if where is not None:
        stmt = stmt.where(where)
    rows = _driver_rows(stmt)
    lists = json.loads("[" + ",".join(x or "[]" for r in rows for x in r[3:6]) + "]")
    sectors: dict[int, list[str]] = {}
    stmt = select(CompanySector.company_id, CompanySector.code).order_by(
        CompanySector.company_id, CompanySector.position
    )
    if where is not None:
        stmt = stmt.where(CompanySector.company_id.in_([r[0] for r in rows]))
    for cid, code in _driver_rows(stmt):
        sectors.setdefault(cid, []).append(code)
    for i, (cid, name, country, _o, _n, _l, verified, hidden) in enumerate(rows):
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
            ),
        )


def _driver_rows(stmt) -> list[tuple]:
    """The rows of a Core statement over plain ints, text and booleans as the DBAPI driver returns
    them (no result-row objects or type processing: a fifth of the time for 20,000 firms)."""
    compiled = stmt.compile(
        dialect=db.session.get_bind().dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.construct_params()
    if compiled.positiontup is not None:
        params = tuple(params[name] for name in compiled.positiontup)
    with _driver_cursor() as (cursor, _mark, _now):
        cursor.execute(compiled.string, params)
        return cursor.fetchall()


def engine() -> MatchEngine:
    """The worker's engine, brought up to date with the database once per request (or CLI command):
    a page explaining 20 suggestions asks the database for changes once, not 20 times. A change
    made within the request reaches the engine through :func:`refresh_company`."""
    state = _state()
    if g.get("matching_synced") is not state:
        _sync()
        g.matching_synced = state
    return state.engine


def _sync(fill: bool = True) -> tuple[MatchEngine, dict[int, list]]:
    """Apply the profile changes made since this worker last looked (by any worker). Returns the
    engine and the lists those changes changed in memory, as (partner, score) pairs (empty after a
    full load). ``fill=False``: a newly loaded engine does not rank anything yet (a rebuild is coming)."""
    state = _state()
    k = current_app.config["SUGGESTIONS_PER_FIRM"]
    with state.lock:
        kind, ids = state.cursor.poll()
        changed: dict[int, list] = {}
        if kind == "full" or state.engine is None or len(ids) > CATCH_UP_LIMIT:
            state.engine = None
            state.engine = eng = _load(k, fill)
            return eng, changed
        eng = state.engine
        touched, hidden_now = set(), set()
        for i in range(0, len(ids), 900):
            for cid, hidden, profile in _profiles(Company.id.in_(ids[i : i + 900])):
                if hidden:
                    if cid in eng:
                        touched.update(eng.remove(cid))
                    hidden_now.add(cid)
                else:
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
        eng = MatchEngine()
        for _cid, hidden, profile in _profiles(None):
            if not hidden:
                eng.add(profile)
        if fill:
            eng.fill(k)
    if fill and len(eng) >= FREEZE_FROM:  # a collection costs little on a small heap; freezing churns
        gc.collect()
        gc.freeze()
    return eng


def preload(app, log=None) -> None:
    """Load this process's engine now (a gunicorn master before it forks its workers, see
    ``matchmaker/gunicorn_conf.py``), then close the database connections: a forked worker must open
    its own. A database without its tables yet (before ``db upgrade``) is left for the workers."""
    with app.app_context():
        try:
            started = time.perf_counter()
            n = len(engine())
            if log is not None:
                log.info(
                    "matching engine preloaded: %d firms ranked in %.1f s", n, time.perf_counter() - started
                )
        except SQLAlchemyError as err:
            if log is not None:
                log.warning(
                    "matching engine not preloaded (%s): each worker loads it on first use",
                    err.__class__.__name__,
                )
            app.extensions.pop("matchmaker_matching", None)
        finally:
            db.session.remove()
            db.engine.dispose()


def _declined_by(company_ids: Iterable[int] | None = None) -> dict[int, set[int]]:
    stmt = select(Interest.company_id, Interest.partner_id).where(Interest.decision == "declined")
    if company_ids is not None:
        stmt = stmt.where(Interest.company_id.in_(list(company_ids)))
    out: dict[int, set[int]] = {}
    for cid, pid in _driver_rows(stmt):
        out.setdefault(cid, set()).add(pid)
    return out


def _insert(company_ids: np.ndarray, partner_ids: np.ndarray, scores: np.ndarray) -> None:
    """Insert suggestion rows straight through the driver (a rebuild writes 400,000 of them: no per-row
    ORM or type processing; the one timestamp is converted once): COPY on PostgreSQL, executemany
    elsewhere."""
    with _driver_cursor() as (cursor, mark, now):
        if mark == "%s":  # PostgreSQL (psycopg)
            with cursor.copy(f"COPY {_TABLE} ({_COLUMNS}) FROM STDIN (FORMAT BINARY)") as copy:
                copy.write(_pg_binary_rows(company_ids, partner_ids, scores, utcnow()))
        else:
            rows = zip(company_ids.tolist(), partner_ids.tolist(), scores.tolist(), itertools.repeat(now))
            cursor.executemany(
                f"INSERT INTO {_TABLE} ({_COLUMNS}) VALUES ({mark}, {mark}, {mark}, {mark})", rows
            )


_PG_ROW = np.dtype(
    [
        ("fields", ">i2"),
        ("n1", ">i4"),
        ("company_id", ">i4"),
        ("n2", ">i4"),
        ("partner_id", ">i4"),
        ("n3", ">i4"),
        ("score", ">f8"),
        ("n4", ">i4"),
        ("created_at", ">i8"),
    ]
)
_PG_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _pg_binary_rows(
    company_ids: np.ndarray, partner_ids: np.ndarray, scores: np.ndarray, when: datetime
) -> bytes:
    """The rows in PostgreSQL's binary COPY format, built as one numpy record array (no per-row Python):
    per row a field count, then each field's length and big-endian value (int4, int4, float8, and
    timestamptz as microseconds since 2000-01-01 UTC)."""
    rows = np.empty(len(company_ids), dtype=_PG_ROW)
    rows["fields"] = 4
    rows["n1"] = rows["n2"] = 4
    rows["n3"] = rows["n4"] = 8
    rows["company_id"], rows["partner_id"], rows["score"] = company_ids, partner_ids, scores
    rows["created_at"] = (when - _PG_EPOCH) // timedelta(microseconds=1)
    header = b"PGCOPY\n\xff\r\n\x00" + bytes(8)  # signature, flags, header extension length
    return header + rows.tobytes() + b"\xff\xff"


_TABLE, _COLUMNS = Suggestion.__table__.name, "company_id, partner_id, score, created_at"


@contextmanager
def _driver_cursor():
    """The DBAPI cursor of the session's connection (in its transaction), the driver's placeholder
    and the current time as the column stores it (converted once, not per row)."""
    conn = db.session.connection()
    dialect = conn.dialect
    to_db = Suggestion.__table__.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
    now = to_db(utcnow()) if to_db else utcnow()
    cursor = conn.connection.driver_connection.cursor()
    try:
        yield cursor, "?" if dialect.paramstyle == "qmark" else "%s", now
    finally:
        cursor.close()


def _kept(found: list[tuple[int, float]], declined: set[int], k: int) -> list[tuple[int, float]]:
    """A list of (partner, score) as stored: declined partners left out, cut to k."""
    return [(pid, score) for pid, score in found if pid not in declined][:k]


def _write(lists: dict[int, list], old: dict[int, dict[int, float]]) -> None:
    """Bring the stored lists of these firms from ``old`` (partner -> score) to ``lists``, touching
    only the rows that differ, as idempotent deletes and upserts: a firm entering 900 lists is 900
    upserts and as many evictions, and a list another worker has already written comes out the same."""
    gone, upserts = [], []
    for cid, found in lists.items():
        new = dict(found)
        was = old.get(cid, {})
        gone += [(cid, pid) for pid in was if pid not in new]
        upserts += [(cid, pid, sc) for pid, sc in new.items() if was.get(pid) != sc]
    if not (gone or upserts):
        return
    gone.sort()  # one order for every writer: concurrent writers wait for each other, never deadlock
    upserts.sort()
    with _driver_cursor() as (cursor, m, now):  # one statement each, through the driver: 1,000s of rows
        if m == "%s":  # PostgreSQL: each as one statement over arrays instead of a statement a row
            if gone:
                cursor.execute(
                    f"DELETE FROM {_TABLE} AS s USING unnest(%s::int[], %s::int[]) AS d(c, p) "
                    "WHERE s.company_id = d.c AND s.partner_id = d.p",
                    list(map(list, zip(*gone, strict=False))),
                )
            if upserts:
                cids, pids, scores = map(list, zip(*upserts, strict=False))
                cursor.execute(
                    f"INSERT INTO {_TABLE} ({_COLUMNS}) "
                    "SELECT c, p, sc, %s FROM unnest(%s::int[], %s::int[], %s::float8[]) AS u(c, p, sc) "
                    "ON CONFLICT (company_id, partner_id) DO UPDATE SET score = excluded.score",
                    [now, cids, pids, scores],
                )
            return
        if gone:
            cursor.executemany(f"DELETE FROM {_TABLE} WHERE company_id = {m} AND partner_id = {m}", gone)
        if upserts:
            cursor.executemany(
                f"INSERT INTO {_TABLE} ({_COLUMNS}) VALUES ({m}, {m}, {m}, {m}) "
                "ON CONFLICT (company_id, partner_id) DO UPDATE SET score = excluded.score",
                [(c, p, sc, now) for c, p, sc in upserts],
            )


def _table_scores(company_ids: list[int]) -> dict[int, dict[int, float]]:
    """The stored rows of these firms' lists, as the table holds them: {firm: {partner: score}}."""
    table = Suggestion.__table__
    out: dict[int, dict[int, float]] = {}
    for i in range(0, len(company_ids), 900):
        for cid, pid, score in _driver_rows(
            select(table.c.company_id, table.c.partner_id, table.c.score).where(
                table.c.company_id.in_(company_ids[i : i + 900])
            )
        ):
            out.setdefault(cid, {})[pid] = score
    return out


def refresh_company(company_id: int) -> int:
    """Write the firm's new list and its new place in others' lists (the engine works out which
    lists a change touches). Call after the change is flushed. Flushes only."""
    eng, lists = _sync()
    k = current_app.config["SUGGESTIONS_PER_FIRM"]
    # Besides the lists the engine changed: the firm's own, those that hold it in the engine (margin
    # included) and those the table shows it in. The table may differ from this worker's idea of it
    # (a worker that restarted, another worker's refill after a "no thanks", lists written by another
    # worker from a state this one has not caught up with), so the old rows are read from the table.
    held = set(db.session.scalars(select(Suggestion.company_id).where(Suggestion.partner_id == company_id)))
    for cid in {company_id} | eng.holders_of(company_id) | held:
        if cid not in lists and (found := eng.stored_scores(cid)) is not None:
            lists[cid] = found
    if company_id not in eng:
        lists[company_id] = []
    declined = _declined_by(lists)
    _write(_as_stored(eng, lists, declined, k), _table_scores(sorted(lists)))
    return len(lists)


def _as_stored(
    eng: MatchEngine, lists: dict[int, list], declined: dict[int, set[int]], k: int
) -> dict[int, list]:
    """The lists as stored: declined partners left out, cut to k. A list that declines left short is
    ranked again deeper (the engine keeps a margin, so this is rare)."""
    out = {}
    for cid, found in lists.items():
        gone = declined.get(cid, set())
        kept = _kept(found, gone, k)
        if gone and len(kept) < k and len(found) >= k and cid in eng:
            eng.suggestions_for(cid, k + len(gone))
            kept = _kept(eng.stored_scores(cid), gone, k)
        out[cid] = kept
    return out


def _refill(company_id: int) -> None:
    """After a "no thanks": the next partner in line moves up into the stored list."""
    eng = engine()
    found = eng.stored_scores(company_id)
    if found is not None:
        k = current_app.config["SUGGESTIONS_PER_FIRM"]
        _write(
            _as_stored(eng, {company_id: found}, _declined_by([company_id]), k), _table_scores([company_id])
        )


def rebuild_all(
    progress: Callable[[int, int], None] | None = None, workers: int = 1, keep: bool = True
) -> int:
    """Recompute every firm's suggestions. Flushes only. ``workers`` > 1 ranks in forked processes: for the
    command line only, never inside a (threaded) web worker. ``keep``: keep the lists in this worker's
    engine for later edits (a command that exits does not need them)."""
    _bulk_transaction()
    k = current_app.config["SUGGESTIONS_PER_FIRM"]
    eng = _sync(fill=False)[0]
    declined = _declined_by()
    # ranked deep enough that declines leave k; a firm that said "no thanks" more often is done alone
    extra = min(max((len(v) for v in declined.values()), default=0), k)
    # every row is rewritten: drop the partner index and build it once afterwards (cheaper than
    # maintaining it row by row; readers of the table wait for this transaction anyway)
    conn = db.session.connection()
    partner_index = next(
        ix for ix in Suggestion.__table__.indexes if list(ix.columns.keys()) == ["partner_id"]
    )
    partner_index.drop(conn)
    db.session.execute(delete(Suggestion))
    n = 0
    with _unique_key_built_once(conn):
        for part in eng.rank_parts(k + extra, progress=progress, workers=workers, keep=keep):
            _insert(*_stored_rows(eng, part, declined, k))  # while the workers rank the next part
            n += len(part.firms)
    partner_index.create(conn)
    for cid, gone in declined.items():
        if len(gone) > extra and cid in eng:
            found = [(s.partner_id, s.score) for s in eng.ranked(cid, k + len(gone))]
            _write({cid: _kept(found, gone, k)}, _table_scores([cid]))
    refresh_statistics(Suggestion.__tablename__)
    return n


@contextmanager
def _unique_key_built_once(conn):
    """PostgreSQL: the table's unique key is dropped for the bulk write and added back after it (an
    index built by sorting instead of an insertion per row). Dropping the partner index already locks
    this table until the commit. Its foreign keys stay: dropping one would lock ``companies`` against
    every reader for the whole rebuild (and deadlock with a request that read it first), so each row
    is checked by trigger. (SQLite: see :func:`_bulk_transaction`.)"""
    table = Suggestion.__table__
    keys = [c for c in table.constraints if isinstance(c, UniqueConstraint)]
    if conn.dialect.name != "postgresql":
        yield
        return
    for key in keys:
        conn.execute(DropConstraint(key))
    yield
    for key in keys:
        conn.execute(AddConstraint(key))


def _stored_rows(eng: MatchEngine, part, declined: dict[int, set[int]], k: int):
    """(firm ids, partner ids, scores) of the rows to store for a part of a ranking: declined partners
    left out, each list cut to k."""
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
    order = np.lexsort((partners, owners))  # in key order: the unique index grows in runs, not at random
    return owners[order], partners[order], scores[order]


def _bulk_transaction() -> None:
    """On SQLite, run the coming transaction without foreign-key checks (if it has not begun yet): a
    rebuild writes 400,000 rows whose firm ids it has just read in the same write transaction
    (``BEGIN IMMEDIATE``: nobody deletes a firm meanwhile). The checks cost more than half the write,
    and they stop SQLite from emptying the table in one step."""
    if db.session.get_bind().dialect.name == "sqlite" and not db.session().in_transaction():
        db.session.connection(execution_options={"sqlite_foreign_keys": False})


@company_changed.connect
def _on_company_changed(company, **_kw):
    refresh_company(company.id)


@bulk_changed.connect
def _on_bulk_changed(ids, **_kw):
    if len(ids) > INCREMENTAL_LIMIT:
        rebuild_all()
    else:
        for cid in ids:
            refresh_company(cid)


# ---- reading --------------------------------------------------------------------------------


def reasons_text(suggestion: Suggestion, lang: str) -> list[str]:
    """The reasons of a stored suggestion, in ``lang``, from the worker's engine."""
    return [render_reason(r, lang) for r in explain(suggestion.company_id, suggestion.partner_id)]


def explain(company_id: int, partner_id: int) -> list:
    eng = engine()
    if company_id not in eng or partner_id not in eng:
        return []
    for lists in (eng.stored(company_id) or [], eng.ranked(company_id, k=200)):
        for found in lists:
            if found.partner_id == partner_id:
                return found.reasons  # worked out lazily by the engine, for this pair only
    return []


def suggestions_for(
    company_id: int, limit: int | None = None
) -> list[tuple[Suggestion, Company, Interest | None]]:
    stmt = (
        select(Suggestion, Company)
        .join(Company, Company.id == Suggestion.partner_id)
        .where(Suggestion.company_id == company_id, Company.hidden.is_(False))
        .order_by(Suggestion.score.desc(), Suggestion.partner_id)
    )
    if limit:
        stmt = stmt.limit(limit)
    pairs = db.session.execute(stmt).all()
    mine = {
        i.partner_id: i for i in db.session.scalars(select(Interest).where(Interest.company_id == company_id))
    }
    return [
        (s, c, mine.get(c.id)) for s, c in pairs if not (mine.get(c.id) and mine[c.id].decision == "declined")
    ]


def theirs_interested(company_id: int) -> set[int]:
    """Firms that said "interested" in this one."""
    return set(
        db.session.scalars(
            select(Interest.company_id).where(
                Interest.partner_id == company_id, Interest.decision == "interested"
            )
        )
    )


def is_match(a: int, b: int) -> bool:
    n = db.session.scalar(
        select(func.count(Interest.id)).where(
            Interest.decision == "interested",
            ((Interest.company_id == a) & (Interest.partner_id == b))
            | ((Interest.company_id == b) & (Interest.partner_id == a)),
        )
    )
    return n == 2


def matches_of(company_id: int) -> list[Company]:
    mine = select(Interest.partner_id).where(
        Interest.company_id == company_id, Interest.decision == "interested"
    )
    theirs = select(Interest.company_id).where(
        Interest.partner_id == company_id, Interest.decision == "interested"
    )
    return list(
        db.session.scalars(
            select(Company).where(Company.id.in_(mine), Company.id.in_(theirs)).order_by(Company.name)
        )
    )


# ---- deciding -------------------------------------------------------------------------------


def decide(user, company_id: int, partner_id: int, decision: str) -> bool:
    """Record "interested" or "declined". Returns True when this made a match. Flushes only."""
    if decision not in ("interested", "declined"):
        raise DomainError(_("Unknown decision."), field="decision")
    if not user.belongs_to(company_id):
        raise NotFound(_("No such firm."))
    me, partner = db.session.get(Company, company_id), db.session.get(Company, partner_id)
    if partner is None or partner.hidden or me is None:
        raise NotFound(_("No such firm."))
    if partner.country == me.country:
        raise DomainError(_("Partners are firms of the other country."), field="partner_id")
    interest = db.session.scalar(
        select(Interest).where(Interest.company_id == company_id, Interest.partner_id == partner_id)
    )
    if interest is None:
        interest = Interest(company_id=company_id, partner_id=partner_id)
        db.session.add(interest)
    was = interest.decision
    interest.decision = decision
    interest.decided_by = user.id
    interest.score = db.session.scalar(
        select(Suggestion.score).where(
            Suggestion.company_id == company_id, Suggestion.partner_id == partner_id
        )
    )
    db.session.flush()
    if decision == "declined":
        db.session.execute(
            delete(Suggestion).where(Suggestion.company_id == company_id, Suggestion.partner_id == partner_id)
        )
        _refill(company_id)
        return False
    if was == "declined":  # changed its mind: the partner may come back into the list
        _refill(company_id)
    if was != "interested" and is_match(company_id, partner_id):
        notify(partner_id, "match", link=f"/companies/{company_id}", about=me, name=me.name)
        notify(company_id, "match", link=f"/companies/{partner_id}", about=partner, name=partner.name)
        return True
    if was != "interested":
        notify(partner_id, "interest", link=f"/companies/{company_id}", name=me.name)
    return False


# ---- statistics for staff -------------------------------------------------------------------


def statistics() -> dict:
    total = db.session.scalar(select(func.count(Suggestion.id))) or 0
    firms_with = db.session.scalar(select(func.count(func.distinct(Suggestion.company_id)))) or 0
    decided = dict(
        db.session.execute(
            select(Interest.decision, func.count(Interest.id)).group_by(Interest.decision)
        ).all()
    )
    a, b = Interest.__table__.alias("a"), Interest.__table__.alias("b")
    mutual = (
        db.session.scalar(
            select(func.count())
            .select_from(a)
            .join(b, and_(a.c.company_id == b.c.partner_id, a.c.partner_id == b.c.company_id))
            .where(
                a.c.decision == "interested", b.c.decision == "interested", a.c.company_id < a.c.partner_id
            )
        )
        or 0
    )
    # by country direction (who decided) and by sector section pair
    me = Company.__table__.alias("me")
    by_dir = db.session.execute(
        select(me.c.country, Interest.decision, func.count(Interest.id))
        .join(me, me.c.id == Interest.company_id)
        .group_by(me.c.country, Interest.decision)
    ).all()
    s1, s2 = CompanySector.__table__.alias("s1"), CompanySector.__table__.alias("s2")
    by_sector = db.session.execute(
        select(s1.c.section, s2.c.section, Interest.decision, func.count(Interest.id))
        .join(s1, and_(s1.c.company_id == Interest.company_id, s1.c.position == 0))
        .join(s2, and_(s2.c.company_id == Interest.partner_id, s2.c.position == 0))
        .group_by(s1.c.section, s2.c.section, Interest.decision)
    ).all()
    directions: dict[str, dict[str, int]] = {}
    for country, decision, n in by_dir:
        directions.setdefault(f"{country}→{'RU' if country == 'AZ' else 'AZ'}", {})[decision] = n
    sectors: dict[tuple[str, str], dict[str, int]] = {}
    for sa, sb, decision, n in by_sector:
        sectors.setdefault((sa, sb), {})[decision] = n
    interested = decided.get("interested", 0)
    return {
        "suggestions": total,
        "firms_with_suggestions": firms_with,
        "interested": interested,
        "declined": decided.get("declined", 0),
        "matches": mutual,
        "interest_rate": interested / total if total else 0.0,
        "match_rate": mutual / interested if interested else 0.0,
        "directions": directions,
        "sectors": sorted(sectors.items(), key=lambda kv: -sum(kv[1].values()))[:30],
    }
