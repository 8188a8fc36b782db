"""Accounts and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..dbtypes import EnumText, UTCDateTime, utcnow
from ..enums import LabelledEnum
from ..extensions import db

if TYPE_CHECKING:
    from ..companies.models import Company


class Role(LabelledEnum):
    MEMBER = "member"
    STAFF = "staff"
    ADMIN = "admin"

    @classmethod
    def labels(cls):
        return {
            cls.MEMBER: _l("Member"),
            cls.STAFF: _l("Business center staff"),
            cls.ADMIN: _l("Administrator"),
        }


class Membership(LabelledEnum):
    """A member's tie to their firm: none yet, asked to join (other members approve), or active."""

    NONE = "none"
    PENDING = "pending"
    ACTIVE = "active"

    @classmethod
    def labels(cls):
        return {cls.NONE: _l("No firm"), cls.PENDING: _l("waiting for approval"), cls.ACTIVE: _l("Member")}


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    full_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[Role] = mapped_column(EnumText(Role, 16), default=Role.MEMBER)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True
    )
    membership: Mapped[Membership] = mapped_column(EnumText(Membership, 16), default=Membership.NONE)
    center_id: Mapped[int | None] = mapped_column(index=True)  # staff: the center they work for
    locale: Mapped[str | None] = mapped_column(String(5))
    timezone: Mapped[str | None] = mapped_column(String(64))
    session_version: Mapped[int] = mapped_column(default=1)
    is_active_flag: Mapped[bool] = mapped_column("is_active", default=True)
    calendar_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    email_confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # the privacy notice the member agreed to at registration (accounts.privacy.NOTICE_VERSION)
    privacy_version: Mapped[str | None] = mapped_column(String(20))
    privacy_accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    company: Mapped[Company | None] = relationship(back_populates="members", foreign_keys=[company_id])
    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user", cascade="all, delete-orphan")

    # Flask-Login: the id carries the session version, so bumping it ends every older session,
    # including copied session and remember cookies.
    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:  # type: ignore[override]
        return self.is_active_flag

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.STAFF, Role.ADMIN)

    @property
    def is_admin(self) -> bool:
        return self.role == Role.ADMIN

    @property
    def active_company_id(self) -> int | None:
        return self.company_id if self.membership == Membership.ACTIVE else None

    @property
    def active_company(self) -> Company | None:
        return self.company if self.membership == Membership.ACTIVE else None

    def belongs_to(self, company_id: int | None) -> bool:
        return company_id is not None and self.active_company_id == company_id

    def can_edit_company(self, company) -> bool:
        return self.can_edit_company_id(company.id)

    def can_edit_company_id(self, company_id: int) -> bool:
        return self.is_staff or self.belongs_to(company_id)

    def can_verify_companies(self) -> bool:
        return self.is_staff

    def can_import_companies(self) -> bool:
        return self.is_staff

    def can_manage_center(self, center_id: int) -> bool:
        """Admins manage every center; staff the one center their account names (none: no center)."""
        return self.is_admin or (
            self.role == Role.STAFF and self.center_id is not None and self.center_id == center_id
        )

    def can_see_contacts(self) -> bool:
        return True

    def __repr__(self) -> str:
        return f"<User {self.email}>"


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(back_populates="tokens")

    @staticmethod
    def new_raw() -> str:
        return "mm_" + secrets.token_urlsafe(32)

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class PasswordResetToken(db.Model):
    """A password-reset link: stored as the SHA-256 of the secret in the link, used once, valid for
    ``PASSWORD_RESET_TTL_MINUTES``, and void as soon as the password changes."""

    __tablename__ = "password_reset_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship()

    def usable(self, now: datetime) -> bool:
        return self.used_at is None and self.expires_at > now and self.user.is_active
