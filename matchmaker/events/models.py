"""Brokerage days: the event, registered firms, meeting requests, scheduled meetings and their seats.

The published schedule is protected by the database itself:

* ``event_meetings``: UNIQUE (event_id, slot, table_no) — no table twice in a slot;
* ``event_seats``: one row per firm of each *scheduled* meeting, UNIQUE (event_id, slot, company_id)
  — no firm twice in a slot. A seat's ``slot`` is tied to its meeting's by a composite foreign key
  (meeting_id, event_id, slot) -> event_meetings (id, event_id, slot) ON UPDATE CASCADE, so the two
  can never disagree.

Unscheduled meetings have ``slot`` and ``table_no`` NULL (NULLs never collide) and no seats.
No-shows and feedback live in ``event_feedback`` (one row per firm and meeting, made on demand).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db
from ..i18n import Multilingual, Translated

if TYPE_CHECKING:
    from ..auth.models import User
    from ..companies.models import Company


class EventStatus(LabelledEnum):
    """draft (staff only) → open (firms register and ask each other) → scheduled → published (the
    firms see their agendas) → closed (after the day: feedback)."""

    DRAFT = "draft"
    OPEN = "open"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"
    CLOSED = "closed"

    @classmethod
    def labels(cls):
        return {
            cls.DRAFT: _l("Draft"),
            cls.OPEN: _l("Registration open"),
            cls.SCHEDULED: _l("Scheduled, not yet published"),
            cls.PUBLISHED: _l("Schedule published"),
            cls.CLOSED: _l("Closed"),
        }


class RequestStatus(LabelledEnum):
    """A firm's request to meet another at the brokerage day. ``pending`` ones lapse at the
    request deadline."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    LAPSED = "lapsed"
    WITHDRAWN = "withdrawn"
    CANCELLED = "cancelled"

    @classmethod
    def labels(cls):
        return {
            cls.PENDING: _l("waiting for an answer"),
            cls.ACCEPTED: _l("accepted"),
            cls.DECLINED: _l("declined"),
            cls.LAPSED: _l("lapsed at the deadline"),
            cls.WITHDRAWN: _l("withdrawn"),
            cls.CANCELLED: _l("cancelled"),
        }


class EventMeetingStatus(LabelledEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"

    @classmethod
    def labels(cls):
        return {cls.ACTIVE: _l("on the schedule"), cls.CANCELLED: _l("cancelled")}


SLOT_MINUTES = (15, 20, 30)
EDITABLE = (EventStatus.DRAFT, EventStatus.OPEN)  # the day's settings can change
SCHEDULE_EDITABLE = (EventStatus.SCHEDULED, EventStatus.PUBLISHED)  # staff move and lock meetings
SCHEDULABLE = (EventStatus.OPEN, EventStatus.SCHEDULED, EventStatus.PUBLISHED)  # "schedule all"
SCHEDULE_VISIBLE = (EventStatus.PUBLISHED, EventStatus.CLOSED)  # firms see their agendas
SEATS_PER_TABLE = 4  # a meeting table seats two people from each firm


def parse_hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


class Event(Multilingual, db.Model):
    """A brokerage day. Its title and description are written per language (``title_az`` …);
    ``event.title`` reads in the reader's language."""

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(EventStatus.sql_in("status"), name="status"),
        CheckConstraint("COALESCE(title_az, title_ru, title_en) IS NOT NULL", name="has_title"),
        CheckConstraint("slot_minutes IN (15, 20, 30)", name="slot_minutes"),
        CheckConstraint("tables > 0", name="tables_positive"),
        CheckConstraint("max_meetings > 0", name="max_meetings_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id"), index=True)
    title_az: Mapped[str | None] = mapped_column(String(200))
    title_ru: Mapped[str | None] = mapped_column(String(200))
    title_en: Mapped[str | None] = mapped_column(String(200))
    description_az: Mapped[str | None] = mapped_column(Text)
    description_ru: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    day: Mapped[date] = mapped_column(Date, index=True)
    # wall-clock sessions in the center's zone: [["10:00", "13:00"], ["14:30", "17:30"]]
    sessions: Mapped[list] = mapped_column(JSON, default=list)
    slot_minutes: Mapped[int] = mapped_column(default=20)
    tables: Mapped[int] = mapped_column(default=10)
    room_ids: Mapped[list] = mapped_column(JSON, default=list)
    max_meetings: Mapped[int] = mapped_column(default=8)
    request_deadline: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[EventStatus] = mapped_column(
        EnumText(EventStatus, 12), default=EventStatus.DRAFT, index=True
    )
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    title = Translated()
    description = Translated()

    center = relationship("Center")

    # --- time ------------------------------------------------------------------------------------
    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.center.timezone)

    def slot_times(self) -> list[tuple[datetime, datetime]]:
        """Slot i -> (start, end), aware datetimes in the center's zone."""
        out = []
        step = timedelta(minutes=self.slot_minutes)
        tz = self.zone
        for start_s, end_s in self.sessions or []:
            start = datetime.combine(self.day, parse_hhmm(start_s), tzinfo=tz)
            end = datetime.combine(self.day, parse_hhmm(end_s), tzinfo=tz)
            while start + step <= end:
                out.append((start, start + step))
                start += step
        return out

    @property
    def slot_count(self) -> int:
        return len(self.slot_times())

    def deadline_passed(self, now: datetime | None = None) -> bool:
        return (now or utcnow()) >= self.request_deadline

    @property
    def accepts_registrations(self) -> bool:
        return self.status == EventStatus.OPEN and not self.deadline_passed()

    @property
    def schedule_visible(self) -> bool:
        return self.status in SCHEDULE_VISIBLE

    @property
    def settings_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def schedulable(self) -> bool:
        """Staff may run "schedule all"."""
        return self.status in SCHEDULABLE

    @property
    def schedule_editable(self) -> bool:
        """Staff may move, lock and cancel scheduled meetings."""
        return self.status in SCHEDULE_EDITABLE

    # --- permissions -----------------------------------------------------------------------------
    def can_manage(self, user: User) -> bool:
        return bool(user.is_authenticated and user.is_staff and user.can_manage_center(self.center_id))

    def can_view(self, user: User) -> bool:
        return self.status != EventStatus.DRAFT or self.can_manage(user)

    def can_register(self, user: User) -> bool:
        return bool(user.is_authenticated and user.active_company_id and self.accepts_registrations)

    def __repr__(self) -> str:
        return f"<Event {self.id} {self.title_en or self.title_az!r}>"


class EventRegistration(db.Model):
    """A firm takes part. ``present_slots`` None: present all day; else the slot indices present."""

    __tablename__ = "event_registrations"
    __table_args__ = (UniqueConstraint("event_id", "company_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    present_slots: Mapped[list | None] = mapped_column(JSON)
    registered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    event: Mapped[Event] = relationship()
    company: Mapped[Company] = relationship()

    def present_in(self, slot: int) -> bool:
        return self.present_slots is None or slot in self.present_slots


class EventRequest(db.Model):
    __tablename__ = "event_requests"
    __table_args__ = (
        UniqueConstraint("event_id", "requester_id", "partner_id"),
        CheckConstraint("requester_id <> partner_id", name="two_firms"),
        CheckConstraint(RequestStatus.sql_in("status"), name="status"),
        Index("ix_event_requests_event_partner", "event_id", "partner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    requester_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    partner_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"))
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[RequestStatus] = mapped_column(EnumText(RequestStatus, 12), default=RequestStatus.PENDING)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    event: Mapped[Event] = relationship()
    requester: Mapped[Company] = relationship(foreign_keys=[requester_id])
    partner: Mapped[Company] = relationship(foreign_keys=[partner_id])

    @property
    def shown_status(self) -> RequestStatus:
        """The status as people should read it now: a pending request past the deadline has lapsed
        (the periodic job, or the next write on the event, marks it so)."""
        if self.status == RequestStatus.PENDING and self.event.deadline_passed():
            return RequestStatus.LAPSED
        return self.status

    def other(self, company_id: int) -> Company:
        return self.partner if company_id == self.requester_id else self.requester


class EventMeeting(db.Model):
    """An accepted request: one Azerbaijani and one Russian firm, at (slot, table_no) once scheduled."""

    __tablename__ = "event_meetings"
    __table_args__ = (
        UniqueConstraint("event_id", "slot", "table_no"),
        UniqueConstraint("id", "event_id", "slot"),  # target of the seats' composite key
        CheckConstraint("(slot IS NULL) = (table_no IS NULL)", name="slot_and_table"),
        CheckConstraint("slot >= 0 AND table_no >= 1", name="placement_range"),
        CheckConstraint(EventMeetingStatus.sql_in("status"), name="status"),
        CheckConstraint("az_company_id <> ru_company_id", name="two_firms"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int | None] = mapped_column(
        ForeignKey("event_requests.id", ondelete="SET NULL"), unique=True
    )
    az_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    ru_company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    slot: Mapped[int | None]  # 0-based slot index
    table_no: Mapped[int | None]  # 1-based, as on the table cards in the hall
    locked: Mapped[bool] = mapped_column(default=False)
    status: Mapped[EventMeetingStatus] = mapped_column(
        EnumText(EventMeetingStatus, 12), default=EventMeetingStatus.ACTIVE
    )
    sequence: Mapped[int] = mapped_column(default=0)  # iCalendar SEQUENCE, raised on every change
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    event: Mapped[Event] = relationship()
    az_company: Mapped[Company] = relationship(foreign_keys=[az_company_id])
    ru_company: Mapped[Company] = relationship(foreign_keys=[ru_company_id])
    feedback: Mapped[list[EventFeedback]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="EventFeedback.company_id",
    )

    @property
    def company_ids(self) -> tuple[int, int]:
        return (self.az_company_id, self.ru_company_id)

    @property
    def scheduled(self) -> bool:
        return self.status == EventMeetingStatus.ACTIVE and self.slot is not None

    def other(self, company_id: int) -> Company:
        return self.ru_company if company_id == self.az_company_id else self.az_company

    def feedback_of(self, company_id: int) -> EventFeedback | None:
        return next((f for f in self.feedback if f.company_id == company_id), None)

    @property
    def uid(self) -> str:
        return f"brokerage-{self.event_id}-meeting-{self.id}@matchmaker"


class EventSeat(db.Model):
    """One firm in one *scheduled* meeting; exists only while the meeting has a slot. Carries the
    per-firm uniqueness. ``slot`` always equals the meeting's: the composite foreign key below
    rejects anything else and follows the meeting on update."""

    __tablename__ = "event_seats"
    __table_args__ = (
        UniqueConstraint("event_id", "slot", "company_id"),
        UniqueConstraint("meeting_id", "company_id"),
        ForeignKeyConstraint(
            ["meeting_id", "event_id", "slot"],
            ["event_meetings.id", "event_meetings.event_id", "event_meetings.slot"],
            onupdate="CASCADE",
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    slot: Mapped[int]


class EventFeedback(db.Model):
    """One firm's side of one meeting: marked absent by the staff, and its feedback afterwards."""

    __tablename__ = "event_feedback"
    __table_args__ = (
        UniqueConstraint("meeting_id", "company_id"),
        CheckConstraint("usefulness BETWEEN 1 AND 5", name="usefulness"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("event_meetings.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    no_show: Mapped[bool] = mapped_column(default=False)
    took_place: Mapped[bool | None]
    usefulness: Mapped[int | None]
    follow_up: Mapped[bool | None]
    comment: Mapped[str] = mapped_column(Text, default="")
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    meeting: Mapped[EventMeeting] = relationship(back_populates="feedback")
