"""In-app notifications (matches, meeting requests, schedule changes) and each member's choice of
what reaches them, in the application and by e-mail."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db


class Notification(db.Model):
    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    # message key + parameters: rendered in the reader's language when shown
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    link: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Category(LabelledEnum):
    """The kinds of notification a member turns on or off, in the application and by e-mail."""

    MEETINGS = "meetings"
    MATCHES = "matches"
    DIGEST = "digest"
    EVENTS = "events"

    @classmethod
    def labels(cls):
        return {
            cls.MEETINGS: _l("Meetings: requests, answers, changes and reminders"),
            cls.MATCHES: _l("Partners: interest and mutual matches"),
            cls.DIGEST: _l("Weekly digest of new suggested partners"),
            cls.EVENTS: _l("Brokerage days: registration and agendas"),
        }

    @property
    def about(self) -> str:
        """What the e-mails of this category are about, to complete "e-mails …"."""
        return str(
            {
                Category.MEETINGS: _l("about meetings"),
                Category.MATCHES: _l("about partners"),
                Category.DIGEST: _l("with the weekly digest"),
                Category.EVENTS: _l("about brokerage days"),
            }[self]
        )


# (in the application, by e-mail) when the member has not chosen: the digest is opt-in
DEFAULTS = {
    Category.MEETINGS: (True, True),
    Category.MATCHES: (True, True),
    Category.DIGEST: (False, False),
    Category.EVENTS: (True, True),
}


class NotificationPreference(db.Model):
    """A member's choice for one category; no row means :data:`DEFAULTS`."""

    __tablename__ = "notification_preferences"
    __table_args__ = (CheckConstraint(Category.sql_in("category"), name="category"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    category: Mapped[Category] = mapped_column(EnumText(Category, 16), primary_key=True)
    in_app: Mapped[bool] = mapped_column(default=True)
    email: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
