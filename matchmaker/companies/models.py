"""Company profiles and their NACE sectors."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    ForeignKey,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..dbtypes import UTCDateTime, utcnow
from ..extensions import db

if TYPE_CHECKING:
    from ..auth.models import User

COUNTRIES = ("AZ", "RU")
SIZE_BANDS = ("micro", "small", "medium", "large")


class Company(db.Model):
    __tablename__ = "companies"
    __table_args__ = (CheckConstraint("country IN ('AZ', 'RU')", name="country"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2), index=True)
    city: Mapped[str] = mapped_column(String(100), default="")
    offers: Mapped[list[str]] = mapped_column(JSON, default=list)
    needs: Mapped[list[str]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    website: Mapped[str] = mapped_column(String(300), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    size_band: Mapped[str | None] = mapped_column(String(10))
    year_founded: Mapped[int | None]
    verified: Mapped[bool] = mapped_column(default=False, index=True)
    hidden: Mapped[bool] = mapped_column(default=False, index=True)
    # the staff turned the verification down (with the reason the firm was told); out of the queue
    # until the firm changes its profile
    verification_rejected_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    verification_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    # the firm's logo, re-encoded as PNG by companies.logos (loaded only when served)
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    logo_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow, index=True)

    sector_rows: Mapped[list[CompanySector]] = relationship(
        back_populates="company", cascade="all, delete-orphan", order_by="CompanySector.position"
    )
    members: Mapped[list[User]] = relationship(back_populates="company", foreign_keys="User.company_id")

    @property
    def sectors(self) -> list[str]:
        return [row.code for row in self.sector_rows]

    @sectors.setter
    def sectors(self, codes: list[str]) -> None:
        wanted = list(dict.fromkeys(codes))
        keep = {row.code: row for row in self.sector_rows if row.code in wanted}
        self.sector_rows = [
            keep.get(code) or CompanySector(code=code, division=code[:2], section=_section(code))
            for code in wanted
        ]
        for pos, row in enumerate(self.sector_rows):
            row.position = pos

    @property
    def public_id(self) -> str:
        return self.external_id or str(self.id)

    @property
    def initials(self) -> str:
        """Up to two letters for the logo's placeholder: the first letters of the first two words
        that begin with a letter (legal forms such as MMC, ООО are skipped)."""
        skip = {"mmc", "qsc", "asc", "ooo", "ооо", "ао", "пао", "зао", "ип", "llc", "ltd"}
        words = [w for w in self.name.replace("«", " ").replace('"', " ").split() if w[:1].isalpha()]
        letters = [w[0].upper() for w in words if w.casefold() not in skip][:2]
        return "".join(letters) or (self.name[:1].upper() if self.name else "?")

    def completeness(self) -> int:
        """Share of profile fields filled in, 0–100."""
        checks = [
            bool(self.name),
            bool(self.city),
            bool(self.sector_rows),
            bool(self.offers or self.needs),
            bool(self.offers),
            bool(self.needs),
            bool(self.languages),
            bool(self.website),
            bool(self.email),
            bool(self.phone),
            bool(self.description),
            bool(self.size_band),
            bool(self.year_founded),
        ]
        return round(100 * sum(checks) / len(checks))

    def __repr__(self) -> str:
        return f"<Company {self.id} {self.name!r}>"


def _section(code: str) -> str:
    from ..core.sectors import section_of

    return section_of(code) or ""


class CompanySector(db.Model):
    __tablename__ = "company_sectors"
    __table_args__ = (UniqueConstraint("company_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(8), index=True)
    division: Mapped[str] = mapped_column(String(2), index=True)
    section: Mapped[str] = mapped_column(String(1), index=True)
    position: Mapped[int] = mapped_column(default=0)

    company: Mapped[Company] = relationship(back_populates="sector_rows")


class CompanyChange(db.Model):
    """One firm changed by the transaction that took number ``seq`` (see companies/changes.py):
    numbers are given in commit order. No foreign key: a deleted firm's last change stays."""

    __tablename__ = "company_changes"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    company_id: Mapped[int] = mapped_column()
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)


class ChangeCounter(db.Model):
    """One row (id 1): the last number handed out to a change. Taking numbers locks it until the
    taking transaction commits, which is what puts the numbers in commit order."""

    __tablename__ = "change_counter"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
