"""The staff's additions to the trade lexicon: lemmas linked to a concept, and new concepts. They
live in the database (not in the packaged ``lexicon.json``), so an upgrade of the packaged lexicon
keeps them; ``flask lexicon export`` hands them over for review into the packaged file."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..dbtypes import UTCDateTime, utcnow
from ..extensions import db


class AdditionKind(StrEnum):
    LEMMA = "lemma"  # a word or phrase in one language, linked to a concept
    CONCEPT = "concept"  # a new concept with its lemmas, HS code and product group


class LexiconAddition(db.Model):
    __tablename__ = "lexicon_additions"
    __table_args__ = (CheckConstraint("kind IN ('lemma', 'concept')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    concept_id: Mapped[str] = mapped_column(String(64), index=True)
    lang: Mapped[str | None] = mapped_column(String(2))  # lemma: its language (az, ru, en)
    lemma: Mapped[str | None] = mapped_column(String(200))
    hs: Mapped[str | None] = mapped_column(String(16))  # concept: HS code as written ("0810.70")
    group_id: Mapped[str | None] = mapped_column(String(64))
    broader: Mapped[str | None] = mapped_column(String(64))
    names: Mapped[dict[str, list[str]] | None] = mapped_column(JSON)  # concept: lemmas by language
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
