"""The suggestion table, read and written straight through the database driver.

A rebuild writes 400,000 rows and an edit rewrites a few hundred lists: no ORM objects or per-row
type processing. Everything here runs in the session's transaction and only flushes; nothing here
knows the engine. PostgreSQL (psycopg) gets binary COPY and statements over arrays, SQLite
``executemany``. The table's schema is :class:`~matchmaker.matching.models.Suggestion`'s.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Connection, Select, delete, or_, select
from sqlalchemy.schema import AddConstraint, DropConstraint

from ..dbtypes import utcnow
from ..extensions import db
from .models import Decision, Interest, Suggestion

StoredList = dict[int, float]  # a stored list: partner -> score

_TABLE, _COLUMNS = Suggestion.__table__.name, "company_id, partner_id, score, created_at"
_CHUNK = 900  # ids per IN (...): under SQLite's default limit of host parameters


@contextmanager
def driver_cursor() -> Iterator[tuple[Any, str, Any]]:
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


def driver_rows(stmt: Select[Any]) -> list[tuple[Any, ...]]:
    """The rows of a Core statement over plain ints, text and booleans as the DBAPI driver returns
    them (no result-row objects or type processing: a fifth of the time for 20,000 firms)."""
    compiled = stmt.compile(
        dialect=db.session.get_bind().dialect, compile_kwargs={"render_postcompile": True}
    )
    params: Any = compiled.construct_params()
    if compiled.positiontup is not None:
        params = tuple(params[name] for name in compiled.positiontup)
    with driver_cursor() as (cursor, _mark, _now):
        cursor.execute(compiled.string, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows


# ---- reading ------------------------------------------------------------------------------------


def declined_by(company_ids: Iterable[int] | None = None) -> dict[int, set[int]]:
    """The partners each firm said "no thanks" to (of these firms, or of all)."""
    stmt = select(Interest.company_id, Interest.partner_id).where(Interest.decision == Decision.DECLINED)
    if company_ids is not None:
        stmt = stmt.where(Interest.company_id.in_(list(company_ids)))
    out: dict[int, set[int]] = {}
    for cid, pid in driver_rows(stmt):
        out.setdefault(cid, set()).add(pid)
    return out


def table_lists(company_ids: list[int]) -> dict[int, StoredList]:
    """The stored rows of these firms' lists, as the table holds them: {firm: {partner: score}}."""
    table = Suggestion.__table__
    out: dict[int, StoredList] = {}
    for i in range(0, len(company_ids), _CHUNK):
        stmt = select(table.c.company_id, table.c.partner_id, table.c.score).where(
            table.c.company_id.in_(company_ids[i : i + _CHUNK])
        )
        for cid, pid, score in driver_rows(stmt):
            out.setdefault(cid, {})[pid] = score
    return out


def lists_showing(partner_id: int) -> set[int]:
    """The firms whose stored list shows this partner."""
    return set(db.session.scalars(select(Suggestion.company_id).where(Suggestion.partner_id == partner_id)))


# ---- writing a few lists --------------------------------------------------------------------------


def write(lists: dict[int, list[tuple[int, float]]], old: dict[int, StoredList]) -> None:
    """Bring the stored lists of these firms from ``old`` to ``lists`` ((partner, score) pairs),
    touching only the rows that differ, as idempotent deletes and upserts: a firm entering 900
    lists is 900 upserts and as many evictions, and a list another worker has already written comes
    out the same."""
    gone: list[tuple[int, int]] = []
    upserts: list[tuple[int, int, float]] = []
    for cid, found in lists.items():
        new = dict(found)
        was = old.get(cid, {})
        gone += [(cid, pid) for pid in was if pid not in new]
        upserts += [(cid, pid, sc) for pid, sc in new.items() if was.get(pid) != sc]
    if not (gone or upserts):
        return
    gone.sort()  # one order for every writer: concurrent writers wait for each other, never deadlock
    upserts.sort()
    with driver_cursor() as (cursor, mark, now):  # one statement each, through the driver
        if mark == "%s":
            _write_postgresql(cursor, now, gone, upserts)
        else:
            _write_sqlite(cursor, mark, now, gone, upserts)


def _write_postgresql(
    cursor: Any, now: Any, gone: list[tuple[int, int]], upserts: list[tuple[int, int, float]]
) -> None:
    """Each as one statement over arrays instead of a statement a row."""
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


def _write_sqlite(
    cursor: Any, m: str, now: Any, gone: list[tuple[int, int]], upserts: list[tuple[int, int, float]]
) -> None:
    if gone:
        cursor.executemany(f"DELETE FROM {_TABLE} WHERE company_id = {m} AND partner_id = {m}", gone)
    if upserts:
        cursor.executemany(
            f"INSERT INTO {_TABLE} ({_COLUMNS}) VALUES ({m}, {m}, {m}, {m}) "
            "ON CONFLICT (company_id, partner_id) DO UPDATE SET score = excluded.score",
            [(c, p, sc, now) for c, p, sc in upserts],
        )


# ---- rewriting every list ---------------------------------------------------------------------


def forget(company_id: int) -> None:
    """A firm is deleted: its list and its places in other firms' lists go with it (the table has no
    foreign keys to do it, see :class:`~.models.Suggestion`)."""
    mentioned = or_(Suggestion.company_id == company_id, Suggestion.partner_id == company_id)
    db.session.execute(delete(Suggestion).where(mentioned))


_TRUNCATED = "matchmaker.suggestions_truncated"  # this transaction emptied the table (PostgreSQL)


@contextmanager
def rewriting_all() -> Iterator[None]:
    """Empty the table for a rewrite of every row (:func:`insert` inside), its indexes built once
    afterwards instead of row by row: the partner index is dropped and created again (readers of
    the table wait for this transaction anyway) and, on PostgreSQL, the key (company, partner) too.
    PostgreSQL empties the table by ``TRUNCATE`` (new files: no dead rows to vacuum and scan past,
    and the rows written frozen by ``COPY … FREEZE``); both are not MVCC-safe for a reader that
    took its snapshot before the commit, which only a repeatable-read transaction would notice:
    the application reads at read committed, and its readers wait for the lock."""
    conn = db.session.connection()
    partner_index = next(
        ix for ix in Suggestion.__table__.indexes if list(ix.columns.keys()) == ["partner_id"]
    )
    partner_index.drop(conn)
    if conn.dialect.name == "postgresql":  # new files for the table: no dead rows, COPY writes them frozen
        conn.exec_driver_sql(f"TRUNCATE {_TABLE}")
        db.session.info[_TRUNCATED] = True
    else:
        db.session.execute(delete(Suggestion))
    try:
        with _key_built_once(conn):
            yield
    finally:
        db.session.info.pop(_TRUNCATED, None)
    partner_index.create(conn)


@contextmanager
def _key_built_once(conn: Connection) -> Iterator[None]:
    """PostgreSQL: the table's key (company, partner) is dropped for the bulk write and added back
    after it (an index built by sorting instead of an insertion per row). Dropping the partner index
    already locks this table until the commit; ``companies`` is not locked (the table has no foreign
    keys: adding or dropping one would lock it against every reader)."""
    key = Suggestion.__table__.primary_key
    if conn.dialect.name != "postgresql":
        yield
        return
    conn.execute(DropConstraint(key))
    yield
    conn.execute(AddConstraint(key))


def insert(
    company_ids: NDArray[np.int64], partner_ids: NDArray[np.int64], scores: NDArray[np.float64]
) -> None:
    """Insert suggestion rows straight through the driver (the one timestamp converted once): COPY on
    PostgreSQL, executemany elsewhere."""
    with driver_cursor() as (cursor, mark, now):
        if mark == "%s":  # PostgreSQL (psycopg)
            freeze = ", FREEZE" if db.session.info.get(_TRUNCATED) else ""
            with cursor.copy(f"COPY {_TABLE} ({_COLUMNS}) FROM STDIN (FORMAT BINARY{freeze})") as copy:
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
    company_ids: NDArray[np.int64],
    partner_ids: NDArray[np.int64],
    scores: NDArray[np.float64],
    when: datetime,
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
