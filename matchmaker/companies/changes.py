"""The change log every worker follows to keep its in-memory copies of the directory (the search
index, the matching engine) in step with the database, across processes and hosts.

**Numbers in commit order, not timestamps.** A transaction that changed firms takes the next
numbers from the one-row ``change_counter`` just before it commits, and writes one
``company_changes`` row per firm with them. Taking the numbers updates (and so locks) the counter
row until the commit, so the next transaction waits for it: numbers are handed out in the order in
which the transactions commit, whatever the hosts' clocks say or which transaction flushed first. A
worker that has seen everything up to number N reads the rows above N: none can be missing below
the counter's committed value, and a rolled-back transaction leaves no number behind (its counter
update is rolled back too). SQLite serialises its writers anyway (``BEGIN IMMEDIATE``).

**What counts as a change.** Every flush that inserts, updates or deletes a ``Company`` or one of its
sector rows is noted automatically (``after_flush``); bulk writes that bypass the ORM call
:func:`record`. Hidden firms are changes like any other (the worker drops them).

**A worker's own uncommitted work.** The matching engine applies the request's own change before
the commit (so the answer to the request already shows it). Should the request roll back, those
firms are handed to the cursors as *suspects*: the next poll reads them again from the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

from flask import current_app, has_app_context
from sqlalchemy import delete, event, select, text
from sqlalchemy.orm import Session

from ..dbtypes import utcnow
from ..extensions import db
from .models import Company, CompanyChange, CompanySector

T = TypeVar("T")
_PENDING = "matchmaker.changed_companies"
_APPLIED = "matchmaker.applied_companies"
_SUSPECTS = "matchmaker.change_suspects"
KEEP_DAYS = 2  # log rows older than this are trimmed; a worker further behind loads everything


# recording ----------------------------------------------------------------------------------------
def record(company_ids: Iterable[int], session: Session | None = None) -> None:
    """Note firms changed by this transaction outside the ORM (a bulk insert, say)."""
    (session or db.session()).info.setdefault(_PENDING, set()).update(int(i) for i in company_ids)


def applied_before_commit(company_ids: Iterable[int]) -> None:
    """The worker's engine already holds this transaction's state of these firms (see above)."""
    db.session().info.setdefault(_APPLIED, set()).update(company_ids)


@event.listens_for(Session, "after_flush")
def _note_flushed(session: Session, _context: Any) -> None:
    ids: set[int] = set()
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Company) and obj.id is not None:
            if obj in session.dirty and not session.is_modified(obj, include_collections=False):
                continue
            ids.add(obj.id)
        elif isinstance(obj, CompanySector) and obj.company_id is not None:
            ids.add(obj.company_id)
    if ids:
        record(ids, session)


@event.listens_for(Session, "before_commit")
def _number_the_changes(session: Session) -> None:
    session.flush()  # the last changes (commit flushes only after this hook), and their notes
    ids = sorted(session.info.pop(_PENDING, ()))
    if not ids:
        return
    conn = session.connection()
    last = conn.execute(
        text(
            "INSERT INTO change_counter (id, seq) VALUES (1, :n) "
            "ON CONFLICT (id) DO UPDATE SET seq = change_counter.seq + :n RETURNING seq"
        ),
        {"n": len(ids)},
    ).scalar_one()
    now = utcnow()
    conn.execute(
        CompanyChange.__table__.insert(),
        [{"seq": last - len(ids) + 1 + i, "company_id": cid, "changed_at": now} for i, cid in enumerate(ids)],
    )


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    session.info.pop(_APPLIED, None)


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(_PENDING, None)
    applied = session.info.pop(_APPLIED, None)
    if applied and has_app_context():
        current_app.extensions.setdefault(_SUSPECTS, set()).update(applied)


def trim(now: Any = None) -> int:
    """Drop log rows older than :data:`KEEP_DAYS` (the periodic job); returns how many went."""
    cutoff = (now or utcnow()) - timedelta(days=KEEP_DAYS)
    result = db.session.execute(delete(CompanyChange).where(CompanyChange.changed_at < cutoff))
    return result.rowcount or 0


# following -------------------------------------------------------------------------------------
@dataclass
class ChangeCursor:
    """How far one in-memory copy has followed the log (``None``: it has loaded nothing yet)."""

    seen: int | None = None

    def poll(self, suspects: Iterable[int] = ()) -> tuple[str, list[int]]:
        """``("none", [])``, ``("full", [])`` (load everything) or ``("partial", ids)``; advances.
        ``suspects``: firms to read again whatever the log says."""
        latest = latest_change()
        extra = set(suspects)
        if self.seen is None or latest < self.seen:  # first load, or a restored database
            self.seen = latest
            return "full", []
        if latest == self.seen and not extra:
            return "none", []
        rows = (
            db.session.execute(
                select(CompanyChange.company_id).where(
                    CompanyChange.seq > self.seen, CompanyChange.seq <= latest
                )
            )
            .scalars()
            .all()
        )
        if len(rows) < latest - self.seen:  # trimmed beyond this cursor: only a full load is sure
            self.seen = latest
            return "full", []
        self.seen = latest
        return "partial", sorted(set(rows) | extra)


def latest_change() -> int:
    """The number of the last committed change of any firm (0 before the first)."""
    return db.session.scalar(text("SELECT seq FROM change_counter WHERE id = 1")) or 0


@dataclass
class _Kept:
    seen: int | None = None
    value: Any = None


def kept_until_change(key: str, compute: Callable[[], T]) -> T:
    """A value worked out from the directory (the cities firms are in, say), kept in this worker
    until any firm changes: the change counter moving (one cheap read) makes the next call work it
    out again. For what changes rarely and is read on every page."""
    kept: _Kept = worker_state("matchmaker_kept:" + key, _Kept)
    latest = latest_change()
    if kept.seen != latest:
        kept.value, kept.seen = compute(), latest
    return kept.value  # type: ignore[no-any-return]


def take_suspects() -> set[int]:
    """Firms the engine of this process applied in a transaction that then rolled back."""
    return current_app.extensions.pop(_SUSPECTS, set())


def worker_state(key: str, factory: Callable[[], T]) -> T:
    """State kept per application in this worker process (a search index, an engine), made on
    first use and kept in step with the database through a :class:`ChangeCursor`."""
    state = current_app.extensions.get(key)
    if state is None:
        state = current_app.extensions.setdefault(key, factory())
    return state  # type: ignore[no-any-return]
