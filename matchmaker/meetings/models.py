"""Meetings between two firms in a room, and the per-firm rows that keep a firm out of two meetings.

The guarantees live in the database:
- PostgreSQL: ``EXCLUDE USING gist (room_id WITH =, tstzrange(start_at, end_at) WITH &&) WHERE (active)``
  on meetings and ``EXCLUDE USING gist (company_id WITH =, tstzrange(...) WITH &&) WHERE (active)`` on
  meeting_participants (needs ``btree_gist``). Losers get SQLSTATE 23P01 (or 40P01): "taken".
- Capacity: ``(room_id, room_capacity)`` references ``rooms (id, capacity)`` ON UPDATE CASCADE with
  ``CHECK (NOT active OR attendees <= room_capacity)``: no trigger, on both databases.
- SQLite: every write transaction is ``BEGIN IMMEDIATE`` (see ``setup.register_database``), so the
  service's check-then-insert runs alone; partial unique indexes on the start time back it up.
Only active meetings (requested, accepted) block; declined, cancelled and expired ones do not.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    DDL,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    and_,
    event,
    or_,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement

from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db
from ..holding import never_twice, one_start_per_room, within_capacity


class MeetingStatus(LabelledEnum):
    """``requested`` (the room is held until the other firm answers or the request expires),
    ``accepted``; then ``declined``, ``cancelled`` or ``expired``, which free the room."""

    REQUESTED = "requested"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    CANCELLED = "cancelled"
    EXPIRED = "expired"

    @classmethod
    def labels(cls):
        return {
            cls.REQUESTED: _l("requested"),
            cls.ACCEPTED: _l("confirmed"),
            cls.DECLINED: _l("declined"),
            cls.CANCELLED: _l("cancelled"),
            cls.EXPIRED: _l("expired"),
        }


ACTIVE_STATUSES = (MeetingStatus.REQUESTED, MeetingStatus.ACCEPTED)


def new_uid() -> str:
    return f"{uuid.uuid4()}@matchmaker"


class Meeting(db.Model):
    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="end_after_start"),
        CheckConstraint("requester_id <> partner_id", name="two_firms"),
        CheckConstraint("attendees >= 1", name="attendees_positive"),
        CheckConstraint(MeetingStatus.sql_in("status"), name="status"),
        CheckConstraint(
            f"active = ({MeetingStatus.sql_in('status', ACTIVE_STATUSES)})", name="active_matches_status"
        ),
        # capacity in the database (matchmaker/holding.py): shrinking a room below an active booking fails
        *within_capacity("NOT active OR attendees <= room_capacity", "attendees_within_capacity"),
        *never_twice(
            "tstzrange(start_at, end_at, '[)')",
            "active",
            "start_at",
            "end_at",
            exclusion="ex_meetings_room_during",
            window="ix_meetings_room_window",
        ),
        one_start_per_room("uq_meetings_room_start", "start_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(80), unique=True, default=new_uid)
    requester_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    # whose answer is awaited while requested: the firm that did NOT make the last proposal
    proposed_by_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    room_id: Mapped[int] = mapped_column()
    room_capacity: Mapped[int] = mapped_column()
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[MeetingStatus] = mapped_column(
        EnumText(MeetingStatus, 12), default=MeetingStatus.REQUESTED, index=True
    )
    active: Mapped[bool] = mapped_column(default=True)
    topic: Mapped[str] = mapped_column(String(200), default="")
    attendees: Mapped[int] = mapped_column(default=2)
    interpreter: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")  # the last reason given (cancel, reschedule)
    sequence: Mapped[int] = mapped_column(default=0)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    requester = relationship("Company", foreign_keys=[requester_id])
    partner = relationship("Company", foreign_keys=[partner_id])
    room = relationship("Room", primaryjoin="Meeting.room_id == Room.id", foreign_keys=[room_id])
    participants: Mapped[list[MeetingParticipant]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="MeetingParticipant.company_id"
    )

    @property
    def company_ids(self) -> tuple[int, int]:
        return self.requester_id, self.partner_id

    def other_company_id(self, company_id: int) -> int:
        return self.partner_id if company_id == self.requester_id else self.requester_id

    @property
    def is_due(self) -> bool:
        """A request whose answer time has passed: it reads as expired at once, and the periodic job
        (or the next booking that needs its room) marks it so."""
        return (
            self.status == MeetingStatus.REQUESTED
            and self.expires_at is not None
            and self.expires_at <= utcnow()
        )

    @property
    def shown_status(self) -> MeetingStatus:
        """The status as people should read it now (a due request is expired)."""
        return MeetingStatus.EXPIRED if self.is_due else self.status

    @property
    def is_live(self) -> bool:
        """Requested (and not due) or accepted: it holds its room and its firms' time."""
        return self.shown_status in ACTIVE_STATUSES

    @classmethod
    def live_at(cls, now: datetime) -> ColumnElement[bool]:
        """SQL for :attr:`is_live` at ``now``."""
        return and_(
            cls.active.is_(True),
            or_(cls.status != MeetingStatus.REQUESTED, cls.expires_at.is_(None), cls.expires_at > now),
        )

    def awaiting_company_id(self) -> int | None:
        """The firm whose answer is awaited (only while requested and not due)."""
        if self.shown_status != MeetingStatus.REQUESTED:
            return None
        return self.other_company_id(self.proposed_by_id)

    def involves(self, company_id: int | None) -> bool:
        return company_id is not None and company_id in self.company_ids

    # permissions -------------------------------------------------------------------------------
    def can_view(self, user) -> bool:
        if not user.is_authenticated:
            return False
        if self.involves(user.active_company_id):
            return True
        return user.is_staff and user.can_manage_center(self.room.center_id)

    def can_answer(self, user) -> bool:
        """Accept or decline: a member of the firm whose answer is awaited."""
        return (
            user.is_authenticated
            and user.active_company_id is not None
            and self.awaiting_company_id() == user.active_company_id
        )

    def can_cancel(self, user) -> bool:
        if not self.is_live or not user.is_authenticated:
            return False
        return self.involves(user.active_company_id) or (
            user.is_staff and user.can_manage_center(self.room.center_id)
        )

    def can_reschedule(self, user) -> bool:
        return self.is_live and user.is_authenticated and self.involves(user.active_company_id)

    def __repr__(self) -> str:
        return f"<Meeting {self.id} {self.status} room={self.room_id} {self.start_at:%Y-%m-%d %H:%M}Z>"


class MeetingParticipant(db.Model):
    """One row per firm and meeting, mirroring the meeting's time and state, so that the database
    can refuse to put one firm in two meetings at once."""

    __tablename__ = "meeting_participants"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="end_after_start"),
        ExcludeConstraint(
            ("company_id", "="),
            (text("tstzrange(start_at, end_at, '[)')"), "&&"),
            name="ex_meeting_participants_company_during",
            using="gist",
            where=text("active"),
        ).ddl_if(dialect="postgresql"),
        Index(
            "uq_meeting_participants_company_start",
            "company_id",
            "start_at",
            unique=True,
            sqlite_where=text("active"),
            postgresql_where=text("active"),
        ),
        Index("uq_meeting_participants_meeting_company", "meeting_id", "company_id", unique=True),
        Index("ix_meeting_participants_company_window", "company_id", "start_at", "end_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(default=True)

    meeting: Mapped[Meeting] = relationship(back_populates="participants")


# create_all on PostgreSQL needs the extension before the exclusion constraints.
event.listen(
    db.metadata,
    "before_create",
    DDL("CREATE EXTENSION IF NOT EXISTS btree_gist").execute_if(dialect="postgresql"),
)
