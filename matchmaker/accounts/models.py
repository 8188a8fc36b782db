"""The audit log of staff and admin actions, and which member read which note."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db


class AuditAction(LabelledEnum):
    """What a staff member or an administrator did."""

    VERIFY = "verify"
    HIDE = "hide"
    EDIT_FIRM = "edit_firm"
    ACT_FOR_FIRM = "act_for_firm"
    CANCEL = "cancel"
    SCHEDULE = "schedule"
    ACCOUNT = "account"

    @classmethod
    def labels(cls):
        return {
            cls.VERIFY: _l("Verification"),
            cls.HIDE: _l("Hiding or showing a firm"),
            cls.EDIT_FIRM: _l("Edit of another firm"),
            cls.ACT_FOR_FIRM: _l("Action for a firm"),
            cls.CANCEL: _l("Cancellation"),
            cls.SCHEDULE: _l("Schedule change"),
            cls.ACCOUNT: _l("Account change"),
        }


class AuditEntry(db.Model):
    """One staff or admin action: who (the account; the role kept when the account is deleted),
    when, what (the action, the kind and id of the row, a short summary) and the values before and
    after. No foreign key to the row acted on: the entry outlives it."""

    __tablename__ = "audit_log"
    __table_args__ = (CheckConstraint(AuditAction.sql_in("action"), name="action"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    actor_role: Mapped[str] = mapped_column(String(16))
    action: Mapped[AuditAction] = mapped_column(EnumText(AuditAction, 20), index=True)
    target_kind: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int | None] = mapped_column()
    company_id: Mapped[int | None] = mapped_column(index=True)
    summary: Mapped[str] = mapped_column(String(300), default="")
    before: Mapped[dict] = mapped_column(JSON, default=dict)
    after: Mapped[dict] = mapped_column(JSON, default=dict)


class NotificationRead(db.Model):
    """A member read a note of their firm (the note is the firm's; reading it is the member's)."""

    __tablename__ = "notification_reads"

    notification_id: Mapped[int] = mapped_column(
        ForeignKey("notifications.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    read_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
