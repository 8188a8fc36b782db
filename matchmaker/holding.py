"""The database's guarantee that a room is never held twice at once, shared by meetings (by the
minute), stays (by the night) and office rentals (by the day).

PostgreSQL refuses an overlapping live holding with an exclusion constraint on the range (needs
``btree_gist``); SQLite, which has none, gets triggers in the migrations and serialised writers; a
partial unique index on (room, start) and an index on the window serve both. The constraints'
names are the migrations' names: keep them when a model changes.
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, ForeignKeyConstraint, Index, text
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.exc import DBAPIError

from .errors import Conflict, DomainError
from .extensions import db

# what the database says when another transaction took the room first (exclusion, unique, deadlock,
# serialisation), and when the room itself changed under the booking (capacity key, checks)
TAKEN_SQLSTATES = {"23P01", "23505", "40P01", "40001"}
CHANGED_SQLSTATES = {"23503", "23514"}


class Busy(DomainError):
    code = "busy"
    status = 503


def never_twice(range_sql: str, live: str, start: str, end: str, *, exclusion: str, window: str) -> tuple:
    """No two live holdings (boolean column ``live``) of one room whose ``range_sql`` overlap (e.g.
    ``"daterange(check_in, check_out, '[)')"``), and an index on (room_id, start, end)."""
    return (
        ExcludeConstraint(
            ("room_id", "="), (text(range_sql), "&&"), name=exclusion, using="gist", where=text(live)
        ).ddl_if(dialect="postgresql"),
        Index(window, "room_id", start, end),
    )


def one_start_per_room(name: str, start: str, live: str = "active") -> Index:
    """One live holding per room and start: a partial unique index on both databases."""
    return Index(name, "room_id", start, unique=True, sqlite_where=text(live), postgresql_where=text(live))


def within_capacity(count_check: str, name: str) -> tuple:
    """The room's capacity carried into the holding by a composite key that follows changes (ON
    UPDATE CASCADE), so shrinking a room below a live holding fails; ``count_check`` compares the
    holding's head count with ``room_capacity``."""
    return (
        CheckConstraint(count_check, name=name),
        ForeignKeyConstraint(
            ["room_id", "room_capacity"],
            ["rooms.id", "rooms.capacity"],
            ondelete="RESTRICT",
            onupdate="CASCADE",
        ),
    )


def write_holding(fn: Callable[[], object], taken: str, field: str, markers: tuple[str, ...] = ()) -> None:
    """Run a holding's write in a savepoint. The database's refusals become clean answers: taken
    meanwhile (``taken`` on ``field``; ``markers``: the SQLite triggers' messages), the room changed
    meanwhile, or SQLite busy; anything else propagates."""
    try:
        with db.session.begin_nested():
            fn()
            db.session.flush()
    except DBAPIError as exc:
        state = getattr(exc.orig, "sqlstate", None) or ""
        message = str(exc.orig).lower()
        if (
            state in TAKEN_SQLSTATES
            or "unique constraint failed" in message
            or any(m in message for m in markers)
        ):
            raise Conflict(taken, field=field) from None
        if state in CHANGED_SQLSTATES:
            raise Conflict(
                str(_l("The room changed meanwhile; please try again.")), field="room_id"
            ) from None
        if "database is locked" in message:
            raise Busy(str(_l("The booking system is busy; please try again."))) from None
        raise
