"""Stays: the mini-hotel rooms and residential flats of a center, sold by night to firms.

A stay holds its room for the nights ``check_in`` … ``check_out - 1`` (the check-out day is free for the
next guest: back-to-back stays share it). The guarantee lives in the database, as for meetings:

- PostgreSQL: ``EXCLUDE USING gist (room_id WITH =, daterange(check_in, check_out, '[)') WITH &&)
  WHERE (active)`` (``btree_gist``). The loser of a race gets SQLSTATE 23P01: "taken".
- SQLite: write transactions are ``BEGIN IMMEDIATE`` (one writer at a time) and two triggers refuse an
  active stay whose nights meet another active stay of the room (``RAISE(ABORT)``, an integrity error).
- Both: a partial unique index on (room_id, check_in) of active stays; the beds through a composite
  foreign key to ``rooms (id, capacity)`` ON UPDATE CASCADE with ``CHECK (NOT active OR guests <=
  room_capacity)``, as meetings carry their room's seats.

Only active stays (requested, confirmed) hold nights; declined and cancelled ones free them.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    DDL,
    CheckConstraint,
    Date,
    ForeignKey,
    String,
    Text,
    Time,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..centers.models import RoomKind
from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db
from ..holding import never_twice, one_start_per_room, within_capacity

#: the kinds of rooms sold by night
STAY_KINDS = (RoomKind.HOTEL_ROOM, RoomKind.FLAT)


class StayStatus(LabelledEnum):
    """``requested`` (held until the center's staff confirm or decline, where the center asks for
    that), ``confirmed``; ``declined`` and ``cancelled`` free the nights."""

    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    CANCELLED = "cancelled"

    @classmethod
    def labels(cls):
        return {
            cls.REQUESTED: _l("awaiting confirmation"),
            cls.CONFIRMED: _l("confirmed"),
            cls.DECLINED: _l("declined"),
            cls.CANCELLED: _l("cancelled"),
        }


ACTIVE_STAY_STATUSES = (StayStatus.REQUESTED, StayStatus.CONFIRMED)


def new_uid() -> str:
    return f"stay-{uuid.uuid4()}@matchmaker"


class StayPolicy(db.Model):
    """A center's rules for stays: check-in from and check-out until (local wall-clock), the
    shortest and longest stay in nights, and whether staff confirm each request."""

    __tablename__ = "stay_policies"
    __table_args__ = (
        CheckConstraint("min_nights >= 1", name="min_nights_positive"),
        CheckConstraint("max_nights >= min_nights", name="max_after_min"),
    )

    center_id: Mapped[int] = mapped_column(
        ForeignKey("centers.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    check_in_from: Mapped[time] = mapped_column(Time(), default=time(14))
    check_out_until: Mapped[time] = mapped_column(Time(), default=time(12))
    min_nights: Mapped[int] = mapped_column(default=1)
    max_nights: Mapped[int] = mapped_column(default=30)
    needs_confirmation: Mapped[bool] = mapped_column(default=False)


class Stay(db.Model):
    __tablename__ = "stays"
    __table_args__ = (
        CheckConstraint("check_out > check_in", name="check_out_after_check_in"),
        CheckConstraint("guests >= 1", name="guests_positive"),
        CheckConstraint(StayStatus.sql_in("status"), name="status"),
        CheckConstraint(
            f"active = ({StayStatus.sql_in('status', ACTIVE_STAY_STATUSES)})", name="active_matches_status"
        ),
        *within_capacity("NOT active OR guests <= room_capacity", "guests_within_beds"),
        *never_twice(
            "daterange(check_in, check_out, '[)')",
            "active",
            "check_in",
            "check_out",
            exclusion="ex_stays_room_nights",
            window="ix_stays_room_nights",
        ),
        one_start_per_room("uq_stays_room_check_in", "check_in"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True, default=new_uid)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    room_id: Mapped[int] = mapped_column()
    room_capacity: Mapped[int] = mapped_column()
    check_in: Mapped[date] = mapped_column(Date())
    check_out: Mapped[date] = mapped_column(Date())
    guests: Mapped[int] = mapped_column(default=1)
    arrival_time: Mapped[time | None] = mapped_column(Time())
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[StayStatus] = mapped_column(
        EnumText(StayStatus, 12), default=StayStatus.REQUESTED, index=True
    )
    active: Mapped[bool] = mapped_column(default=True)
    staff_note: Mapped[str] = mapped_column(Text, default="")  # the last reason given (decline, cancel)
    sequence: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    company = relationship("Company")
    room = relationship("Room", primaryjoin="Stay.room_id == Room.id", foreign_keys=[room_id])

    @property
    def nights(self) -> int:
        return (self.check_out - self.check_in).days

    @property
    def is_live(self) -> bool:
        return self.status in ACTIVE_STAY_STATUSES

    # permissions -------------------------------------------------------------------------------
    def can_view(self, user) -> bool:
        if not user.is_authenticated:
            return False
        if user.active_company_id == self.company_id:
            return True
        return user.is_staff and user.can_manage_center(self.room.center_id)

    def has_begun(self) -> bool:
        """The check-in day has come at the center (its own time zone)."""
        from zoneinfo import ZoneInfo

        return self.check_in <= datetime.now(ZoneInfo(self.room.center.timezone)).date()

    def can_cancel(self, user) -> bool:
        """A live stay: the center's staff may always cancel it, the firm only before check-in day."""
        if not (self.is_live and self.can_view(user)):
            return False
        if user.is_staff and user.can_manage_center(self.room.center_id):
            return True
        return not self.has_begun()

    def can_confirm(self, user) -> bool:
        return (
            self.status == StayStatus.REQUESTED
            and user.is_authenticated
            and user.is_staff
            and user.can_manage_center(self.room.center_id)
        )

    def __repr__(self) -> str:
        return f"<Stay {self.id} {self.status} room={self.room_id} {self.check_in}..{self.check_out}>"


# SQLite has no exclusion constraint: two triggers refuse an active stay whose nights meet another's.
_OVERLAP = (
    "SELECT RAISE(ABORT, 'stays: the room is taken for one of these nights') WHERE EXISTS ("
    "SELECT 1 FROM stays AS s WHERE s.room_id = NEW.room_id AND s.active AND s.id IS NOT NEW.id "
    "AND s.check_in < NEW.check_out AND NEW.check_in < s.check_out)"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS tr_stays_nights_insert BEFORE INSERT ON stays WHEN NEW.active "
    f"BEGIN {_OVERLAP}; END",
    f"CREATE TRIGGER IF NOT EXISTS tr_stays_nights_update BEFORE UPDATE OF room_id, check_in, check_out, "
    f"active ON stays WHEN NEW.active BEGIN {_OVERLAP}; END",
)
for _ddl in SQLITE_TRIGGERS:
    event.listen(Stay.__table__, "after_create", DDL(_ddl).execute_if(dialect="sqlite"))
