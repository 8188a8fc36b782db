"""Stored partner suggestions and the firms' decisions on them."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..dbtypes import UTCDateTime, utcnow
from ..extensions import db


class Decision(enum.StrEnum):
    """A firm's answer to a suggested partner (stored as its value)."""

    INTERESTED = "interested"
    DECLINED = "declined"  # "no thanks": never suggested again


class Suggestion(db.Model):
    """One of a firm's top partners, as of the last refresh; its rank is its place by score (best
    first, ties by partner id), so inserting a firm into a list does not renumber the others. The
    reasons are worked out by the engine when the suggestion is read (a rebuild ranks every firm
    without paying for explanations)."""

    __tablename__ = "suggestions"
    # A row is a pair: (company_id, partner_id) is the key, and serves "a firm's list" too (a list
    # is 20 rows). No surrogate id: a rebuild writes 400,000 rows at 20,000 firms, and numbering
    # each from a sequence into an index kept row by row cost PostgreSQL almost four times the
    # plain write; the key is built once after the write instead (matchmaker.matching.store).
    #
    # No foreign keys: the table is derived data, rewritten whole by a rebuild, and a key's check
    # per row cost three quarters of that write. A firm's rows go with the firm
    # (:func:`matchmaker.matching.store.forget`, from its deletion); readers join the firms, and
    # the next rebuild writes only firms that exist.
    company_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    partner_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False, index=True)
    score: Mapped[float] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Interest(db.Model):
    """A firm's answer to a suggested partner: a :class:`Decision` (``decision`` holds its value)."""

    __tablename__ = "interests"
    __table_args__ = (
        UniqueConstraint("company_id", "partner_id"),
        CheckConstraint(f"decision IN ({', '.join(repr(d.value) for d in Decision)})", name="decision"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str] = mapped_column(String(12))
    score: Mapped[float | None] = mapped_column(Float)  # the suggestion's score when decided
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
