"""Business centers, their rooms, opening hours and closures (holidays, maintenance, room blocks).

Names, cities, addresses, descriptions and closure reasons are written per language (``name_az``,
``name_ru``, ``name_en``; see :mod:`matchmaker.i18n`); ``center.name`` reads in the reader's language.
Room kinds, closure kinds and equipment are fixed vocabularies stored as keys and shown translated.
"""

from __future__ import annotations

from datetime import datetime, time

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db
from ..i18n import Multilingual, Translated

TIMEZONES = ("Asia/Baku", "Europe/Astrakhan")


class RoomKind(LabelledEnum):
    MEETING_ROOM = "meeting_room"
    CONFERENCE = "conference"
    EXHIBITION_HALL = "exhibition_hall"
    OFFICE = "office"
    HOTEL_ROOM = "hotel_room"
    FLAT = "flat"

    @classmethod
    def labels(cls):
        return {
            cls.MEETING_ROOM: _l("Meeting room"),
            cls.CONFERENCE: _l("Conference room"),
            cls.EXHIBITION_HALL: _l("Exhibition hall"),
            cls.OFFICE: _l("Business office"),
            cls.HOTEL_ROOM: _l("Mini-hotel room"),
            cls.FLAT: _l("Residential flat"),
        }


class ClosureKind(LabelledEnum):
    HOLIDAY = "holiday"
    MAINTENANCE = "maintenance"
    BLOCK = "block"

    @classmethod
    def labels(cls):
        return {
            cls.HOLIDAY: _l("Public holiday"),
            cls.MAINTENANCE: _l("Maintenance"),
            cls.BLOCK: _l("Room block"),
        }


class Equipment(LabelledEnum):
    """What a room has: stored as these keys in ``Room.equipment``, shown translated."""

    PROJECTOR = "projector"
    SCREEN = "screen"
    WHITEBOARD = "whiteboard"
    FLIPCHART = "flipchart"
    WIFI = "wifi"
    VIDEO_CONFERENCING = "video_conferencing"
    MICROPHONES = "microphones"
    SOUND_SYSTEM = "sound_system"
    INTERPRETATION_BOOTH = "interpretation_booth"
    DESKS = "desks"
    STANDS = "stands"
    BED = "bed"

    @classmethod
    def labels(cls):
        return {
            cls.PROJECTOR: _l("projector"),
            cls.SCREEN: _l("screen"),
            cls.WHITEBOARD: _l("whiteboard"),
            cls.FLIPCHART: _l("flip chart"),
            cls.WIFI: _l("Wi-Fi"),
            cls.VIDEO_CONFERENCING: _l("video conferencing"),
            cls.MICROPHONES: _l("microphones"),
            cls.SOUND_SYSTEM: _l("sound system"),
            cls.INTERPRETATION_BOOTH: _l("interpretation booth"),
            cls.DESKS: _l("desks"),
            cls.STANDS: _l("exhibition stands"),
            cls.BED: _l("beds"),
        }


# The free-text equipment of rooms written before the vocabulary (migration 0005 maps them).
LEGACY_EQUIPMENT = {
    "projector": Equipment.PROJECTOR,
    "screen": Equipment.SCREEN,
    "whiteboard": Equipment.WHITEBOARD,
    "flipchart": Equipment.FLIPCHART,
    "flip chart": Equipment.FLIPCHART,
    "wi-fi": Equipment.WIFI,
    "wifi": Equipment.WIFI,
    "video conferencing": Equipment.VIDEO_CONFERENCING,
    "microphones": Equipment.MICROPHONES,
    "sound system": Equipment.SOUND_SYSTEM,
    "interpretation booth": Equipment.INTERPRETATION_BOOTH,
    "desks": Equipment.DESKS,
    "stands": Equipment.STANDS,
    "bed": Equipment.BED,
    "beds": Equipment.BED,
}


def equipment_label(key: str) -> str:
    """A key's translated label; a text that is not in the vocabulary is shown as it is."""
    try:
        return Equipment(key).label
    except ValueError:
        return key


def _any_of(field: str) -> str:
    return f"COALESCE({field}_az, {field}_ru, {field}_en) IS NOT NULL"


class Center(Multilingual, db.Model):
    __tablename__ = "centers"
    __table_args__ = (
        CheckConstraint("country IN ('AZ', 'RU')", name="country"),
        CheckConstraint(_any_of("name"), name="has_name"),
        CheckConstraint(_any_of("city"), name="has_city"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(40), unique=True)
    name_az: Mapped[str | None] = mapped_column(String(200))
    name_ru: Mapped[str | None] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    city_az: Mapped[str | None] = mapped_column(String(100))
    city_ru: Mapped[str | None] = mapped_column(String(100))
    city_en: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str] = mapped_column(String(2))
    timezone: Mapped[str] = mapped_column(String(64))
    address_az: Mapped[str | None] = mapped_column(String(300))
    address_ru: Mapped[str | None] = mapped_column(String(300))
    address_en: Mapped[str | None] = mapped_column(String(300))
    description_az: Mapped[str | None] = mapped_column(Text)
    description_ru: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    name = Translated()
    city = Translated()
    address = Translated()
    description = Translated()

    rooms: Mapped[list[Room]] = relationship(
        back_populates="center", order_by="Room.id", cascade="all, delete-orphan"
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


class Room(Multilingual, db.Model):
    __tablename__ = "rooms"
    __table_args__ = (
        # a name is unique within its center in each language (NULL: not given, never a clash)
        UniqueConstraint("center_id", "name_az"),
        UniqueConstraint("center_id", "name_ru"),
        UniqueConstraint("center_id", "name_en"),
        # target of meetings' (room_id, room_capacity) foreign key: see meetings.models
        UniqueConstraint("id", "capacity"),
        CheckConstraint("capacity > 0", name="capacity_positive"),
        CheckConstraint(RoomKind.sql_in("kind"), name="kind"),
        CheckConstraint(_any_of("name"), name="has_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id", ondelete="CASCADE"), index=True)
    name_az: Mapped[str | None] = mapped_column(String(120))
    name_ru: Mapped[str | None] = mapped_column(String(120))
    name_en: Mapped[str | None] = mapped_column(String(120))
    description_az: Mapped[str | None] = mapped_column(Text)
    description_ru: Mapped[str | None] = mapped_column(Text)
    description_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[RoomKind] = mapped_column(EnumText(RoomKind, 20), default=RoomKind.MEETING_ROOM)
    floor: Mapped[int | None]
    capacity: Mapped[int] = mapped_column(default=4)
    area_m2: Mapped[int | None] = mapped_column()  # floor area (offices, flats)
    equipment: Mapped[list[str]] = mapped_column(JSON, default=list)  # Equipment keys
    bookable: Mapped[bool] = mapped_column(default=True)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    name = Translated()
    description = Translated()

    center: Mapped[Center] = relationship(back_populates="rooms")

    @property
    def can_be_booked(self) -> bool:
        return self.bookable and self.active

    @property
    def equipment_labels(self) -> list[str]:
        """The equipment in the reader's language, in the vocabulary's order."""
        order = {e.value: i for i, e in enumerate(Equipment)}
        keys = sorted(self.equipment or [], key=lambda k: (order.get(k, len(order)), k))
        return [equipment_label(k) for k in keys]

    def __repr__(self) -> str:
        return f"<Room {self.id} {self.name_en or self.name_az!r}>"


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


class Closure(Multilingual, db.Model):
    """The center (``room_id`` NULL) or one room is closed from ``start_at`` to ``end_at`` (UTC)."""

    __tablename__ = "closures"
    __table_args__ = (
        CheckConstraint("end_at > start_at", name="end_after_start"),
        CheckConstraint(ClosureKind.sql_in("kind"), name="kind"),
        Index("ix_closures_center_start", "center_id", "start_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id", ondelete="CASCADE"))
    room_id: Mapped[int | None] = mapped_column(ForeignKey("rooms.id", ondelete="CASCADE"), index=True)
    start_at: Mapped[datetime] = mapped_column(UTCDateTime())
    end_at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[ClosureKind] = mapped_column(EnumText(ClosureKind, 16), default=ClosureKind.BLOCK)
    reason_az: Mapped[str | None] = mapped_column(String(200))
    reason_ru: Mapped[str | None] = mapped_column(String(200))
    reason_en: Mapped[str | None] = mapped_column(String(200))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    reason = Translated()

    center: Mapped[Center] = relationship()
    room: Mapped[Room | None] = relationship()

    @property
    def why(self) -> str:
        """The reason in the reader's language, else the kind ("Bayram günü")."""
        return self.reason or self.kind.label
