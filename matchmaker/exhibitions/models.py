"""Exhibitions in a center's hall: the staff define the days and a plan of stands; firms request a
stand; the staff allocate one. Each stand goes to one firm: a partial unique index on the stand of
allocated requests (both databases); a firm has at most one live request per exhibition."""

from __future__ import annotations

from datetime import date, datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Numeric, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db
from ..i18n import Multilingual, Translated


class StandRequestStatus(LabelledEnum):
    REQUESTED = "requested"
    ALLOCATED = "allocated"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"

    @classmethod
    def labels(cls):
        return {
            cls.REQUESTED: _l("requested"),
            cls.ALLOCATED: _l("stand allocated"),
            cls.DECLINED: _l("declined"),
            cls.WITHDRAWN: _l("withdrawn"),
        }


LIVE = (StandRequestStatus.REQUESTED, StandRequestStatus.ALLOCATED)


class Exhibition(Multilingual, db.Model):
    __tablename__ = "exhibitions"
    __table_args__ = (
        CheckConstraint("last_day >= first_day", name="last_day_after_first"),
        CheckConstraint("COALESCE(title_az, title_ru, title_en) IS NOT NULL", name="has_title"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    center_id: Mapped[int] = mapped_column(ForeignKey("centers.id", ondelete="CASCADE"), index=True)
    title_az: Mapped[str | None] = mapped_column(String(200))
    title_ru: Mapped[str | None] = mapped_column(String(200))
    title_en: Mapped[str | None] = mapped_column(String(200))
    first_day: Mapped[date] = mapped_column(Date())
    last_day: Mapped[date] = mapped_column(Date())
    accepts_requests: Mapped[bool] = mapped_column(default=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    title = Translated()

    center = relationship("Center")
    stands: Mapped[list[Stand]] = relationship(
        back_populates="exhibition", order_by="Stand.id", cascade="all, delete-orphan"
    )

    def can_manage(self, user) -> bool:
        return bool(user.is_authenticated and user.is_staff and user.can_manage_center(self.center_id))


class Stand(db.Model):
    __tablename__ = "stands"
    __table_args__ = (
        UniqueConstraint("exhibition_id", "code"),
        CheckConstraint("width_m > 0 AND depth_m > 0", name="positive_size"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    exhibition_id: Mapped[int] = mapped_column(ForeignKey("exhibitions.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(10))
    width_m: Mapped[float] = mapped_column(Numeric(4, 1, asdecimal=False))
    depth_m: Mapped[float] = mapped_column(Numeric(4, 1, asdecimal=False))

    exhibition: Mapped[Exhibition] = relationship(back_populates="stands")

    @property
    def area(self) -> float:
        return round(self.width_m * self.depth_m, 1)


class StandRequest(db.Model):
    __tablename__ = "stand_requests"
    __table_args__ = (
        CheckConstraint(StandRequestStatus.sql_in("status"), name="status"),
        CheckConstraint("(status = 'allocated') = (stand_id IS NOT NULL)", name="allocated_has_stand"),
        CheckConstraint("area_m2 >= 1", name="area_positive"),
        Index(
            "uq_stand_requests_stand",
            "stand_id",
            unique=True,
            sqlite_where=text("status = 'allocated'"),
            postgresql_where=text("status = 'allocated'"),
        ),
        Index(
            "uq_stand_requests_live_firm",
            "exhibition_id",
            "company_id",
            unique=True,
            sqlite_where=text("status IN ('requested', 'allocated')"),
            postgresql_where=text("status IN ('requested', 'allocated')"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    exhibition_id: Mapped[int] = mapped_column(ForeignKey("exhibitions.id", ondelete="CASCADE"), index=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    stand_id: Mapped[int | None] = mapped_column(ForeignKey("stands.id", ondelete="RESTRICT"))
    area_m2: Mapped[int] = mapped_column(default=9)
    note: Mapped[str] = mapped_column(Text, default="")
    answer_note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[StandRequestStatus] = mapped_column(
        EnumText(StandRequestStatus, 12), default=StandRequestStatus.REQUESTED
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    exhibition: Mapped[Exhibition] = relationship()
    company = relationship("Company")
    stand: Mapped[Stand | None] = relationship()
