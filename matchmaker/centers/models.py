"""Business centers, their rooms, opening hours and closures (holidays, maintenance, room blocks)."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..dbtypes import UTCDateTime, utcnow
from ..extensions import db

TIMEZONES = ("Asia/Baku", "Europe/Astrakhan")
ROOM_KINDS = ("meeting_room", "conference", "exhibition_hall", "office", "hotel_room")
CLOSURE_KINDS = ("holiday", "maintenance", "block")


class Center(db.Model):
    __tablename__ = "centers"
    __table_args__ = (CheckConstraint("country IN ('AZ', 'RU')", name="country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2))
    timezone: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    rooms: Mapped[list[Room]] = relationship(
        back_populates="center", order_by="Room.name", cascade="all, delete-orphan"
    )
    hours: Mapped[list[OpeningHours]] = relationship(
        back_populates="center",
        cascade="all, delete-orphan",
        primaryjoin="and_(Center.id == OpeningHours.center_id, OpeningHours.room_id.is_(None))",
        order_by="OpeningHours.weekday",
        viewonly=True,
    )

    def __repr__(self) -> str:
        return f"<Center {self.slug}>"


class Room(db.Model):
    __tablename__ = "rooms"
    __table_args__ = (
        UniqueConstraint("center_id", "name"),
        # target of meetings' (room_id, room_capacity) foreign key: see meetings.models
        UniqueConstraint("id", "capacity"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint(
            "kind IN ('meeting_room', 'conference', 'exhibition_hall', 'office', 'hotel_room')", name="kind"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20), default="meeting_room")
    floor: Mapped[int | None]
    capacity: Mapped[int] = mapped_column(default=4)
    equipment: Mapped[list[str]] = mapped_column(JSON, default=list)
    bookable: Mapped[bool] = mapped_column(default=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    center: Mapped[Center] = relationship(back_populates="rooms")

    @property
    def can_be_booked(self) -> bool:
        return self.bookable and self.active

    def __repr__(self) -> str:
        return f"<Room {self.id} {self.name!r}>"


class OpeningHours(db.Model):
    """One opening interval of a weekday (0 = Monday), wall-clock in the center's zone. Rows with a
    ``room_id`` replace the center's hours for that room."""

    __tablename__ = "opening_hours"
    __table_args__ = (
        CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),
        CheckConstraint("closes > opens", name="closes_after_opens"),
        Index("ix_opening_hours_scope", "center_id", "room_id", "weekday"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id", ondelete="CASCADE"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"))
    weekday: Mapped[int]
    opens: Mapped[time] = mapped_column(Time())
    closes: Mapped[time] = mapped_column(Time())

    center: Mapped[Center] = relationship()


class Closure(db.Model):
    """The center (``room_id`` NULL) or one room is closed from ``start_at`` to ``end_at`` (UTC)."""

    __tablename__ = "closures"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="end_after_start"),
        CheckConstraint("kind IN ('holiday', 'maintenance', 'block')", name="kind"),
        Index("ix_closures_center_start", "center_id", "start_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id", ondelete="CASCADE"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(16), default="block")
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    center: Mapped[Center] = relationship()
    room: Mapped[Room | None] = relationship()
