"""Office rental: a firm asks for one of a center's business offices for a period; the staff answer
with an offer, accept or decline.

An office is promised when a rental is ``offered`` or ``accepted``; it is never promised twice for
overlapping periods, and the database says so: on PostgreSQL ``EXCLUDE USING gist (room_id WITH =,
daterange(first_day, last_day, '[]') WITH &&) WHERE (promised)``; on SQLite (one writer at a time,
``BEGIN IMMEDIATE``) two triggers refuse a promised rental whose days meet another's.
"""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import DDL, CheckConstraint, Date, ForeignKey, Text, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db
from ..holding import never_twice


class RentalStatus(LabelledEnum):
    """``requested`` by a firm; ``offered`` by the staff (the office is promised while the firm
    decides), ``accepted``; ``declined`` by the staff or ``withdrawn`` by the firm."""

    REQUESTED = "requested"
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"

    @classmethod
    def labels(cls):
        return {
            cls.REQUESTED: _l("requested"),
            cls.OFFERED: _l("offer made"),
            cls.ACCEPTED: _l("agreed"),
            cls.DECLINED: _l("declined"),
            cls.WITHDRAWN: _l("withdrawn"),
        }


PROMISED = (RentalStatus.OFFERED, RentalStatus.ACCEPTED)
OPEN = (RentalStatus.REQUESTED, RentalStatus.OFFERED)


class OfficeRental(db.Model):
    __tablename__ = "office_rentals"
    __table_args__ = (
        CheckConstraint("last_day >= first_day", name="last_day_after_first"),
        CheckConstraint("people >= 1", name="people_positive"),
        CheckConstraint(RentalStatus.sql_in("status"), name="status"),
        CheckConstraint(
            f"promised = ({RentalStatus.sql_in('status', PROMISED)})", name="promised_matches_status"
        ),
        *never_twice(
            "daterange(first_day, last_day, '[]')",
            "promised",
            "first_day",
            "last_day",
            exclusion="ex_office_rentals_room_days",
            window="ix_office_rentals_room_days",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    room_id: Mapped[int] = mapped_column(ForeignKey("rooms.id", ondelete="RESTRICT"))
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    first_day: Mapped[date] = mapped_column(Date())
    last_day: Mapped[date] = mapped_column(Date())
    people: Mapped[int] = mapped_column(default=1)
    message: Mapped[str] = mapped_column(Text, default="")  # the firm's
    terms: Mapped[str] = mapped_column(Text, default="")  # the staff's offer: price and conditions
    answer_note: Mapped[str] = mapped_column(Text, default="")  # a reason given (decline, withdraw)
    status: Mapped[RentalStatus] = mapped_column(
        EnumText(RentalStatus, 12), default=RentalStatus.REQUESTED, index=True
    )
    promised: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    room = relationship("Room")
    company = relationship("Company")

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    def is_staff_of(self, user) -> bool:
        return bool(user.is_authenticated and user.is_staff and user.can_manage_center(self.room.center_id))

    def can_view(self, user) -> bool:
        return user.is_authenticated and (user.active_company_id == self.company_id or self.is_staff_of(user))

    def can_answer(self, user) -> bool:
        """Offer, accept or decline: the staff of the office's center, while the request is open."""
        return self.status in OPEN and self.is_staff_of(user)

    def can_take_offer(self, user) -> bool:
        return (
            self.status == RentalStatus.OFFERED
            and user.is_authenticated
            and (user.active_company_id == self.company_id)
        )

    def can_withdraw(self, user) -> bool:
        return self.status in OPEN and user.is_authenticated and user.active_company_id == self.company_id


_OVERLAP = (
    "SELECT RAISE(ABORT, 'office_rentals: the office is promised for part of this period') WHERE EXISTS ("
    "SELECT 1 FROM office_rentals AS r WHERE r.room_id = NEW.room_id AND r.promised AND r.id IS NOT NEW.id "
    "AND r.first_day <= NEW.last_day AND NEW.first_day <= r.last_day)"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS tr_office_rentals_insert BEFORE INSERT ON office_rentals "
    f"WHEN NEW.promised BEGIN {_OVERLAP}; END",
    f"CREATE TRIGGER IF NOT EXISTS tr_office_rentals_update BEFORE UPDATE OF room_id, first_day, last_day, "
    f"promised ON office_rentals WHEN NEW.promised BEGIN {_OVERLAP}; END",
)
for _ddl in SQLITE_TRIGGERS:
    event.listen(OfficeRental.__table__, "after_create", DDL(_ddl).execute_if(dialect="sqlite"))
