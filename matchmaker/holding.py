"""The database's guarantee that a room is never held twice at once, shared by meetings (by the
minute), stays (by the night) and office rentals (by the day).

PostgreSQL refuses an overlapping live holding with an exclusion constraint on the range (needs
``btree_gist``); SQLite, which has none, gets triggers in the migrations and serialised writers; a
partial unique index on (room, start) and an index on the window serve both. The constraints'
names are the migrations' names: keep them when a model changes.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKeyConstraint, Index, text
from sqlalchemy.dialects.postgresql import ExcludeConstraint


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
