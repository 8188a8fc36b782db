"""Accounts made in the browser: administrators create staff (with their center) and member
accounts and deactivate them; staff invite a firm's contact person to claim a listed firm.

A new account gets no password: its owner receives a letter with a single-use link (valid
:data:`INVITE_DAYS` days) to the claim page, where they choose a password and agree to the privacy
notice. Every such action goes into the audit log.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select

from ..auth.models import Membership, PasswordResetToken, Role, User, hash_token
from ..auth.services import create_user, end_all_sessions, get_user_by_email
from ..dbtypes import utcnow
from ..errors import DomainError, NotFound
from ..extensions import db
from . import audit
from .models import AuditAction

INVITE_DAYS = 7


def _invite_link(user: User, kind: str) -> None:
    """A single-use link to the claim page, by e-mail (``account_created`` or ``claim_invite``)."""
    from ..mail.letters import mail_account
    from ..mail.tokens import absolute

    raw = secrets.token_urlsafe(32)
    token = PasswordResetToken(
        user=user, token_hash=hash_token(raw), expires_at=utcnow() + timedelta(days=INVITE_DAYS)
    )
    db.session.add(token)
    db.session.flush()
    company = user.company.name if user.company is not None else ""
    mail_account(
        kind, user, key=f"{kind}:{token.id}", link=absolute(f"/claim/{raw}"), days=INVITE_DAYS, firm=company
    )


def create_account(
    actor: User,
    email: str,
    full_name: str,
    role: str,
    center_id: int | None = None,
    company=None,
    locale: str | None = None,
) -> User:
    """An administrator makes an account; staff need a center, a member may be given a firm."""
    if not actor.is_admin:
        raise NotFound(str(_l("No such page.")))
    if role == Role.STAFF and center_id is None:
        raise DomainError(str(_l("Choose the center this person works for.")), field="center_id")
    user = create_user(
        email,
        secrets.token_urlsafe(24) + "Aa1!",  # nobody knows it: the owner chooses one from the letter
        role=role,
        company=company if role == Role.MEMBER else None,
        full_name=full_name,
        locale=locale,
    )
    user.center_id = center_id if role == Role.STAFF else None
    db.session.flush()
    _invite_link(user, "account_created")
    audit.record(
        actor,
        AuditAction.ACCOUNT,
        "user",
        user.id,
        company_id=user.company_id,
        summary=str(user.role),
        after={
            "role": str(user.role),
            "center_id": user.center_id,
            "company_id": user.company_id,
            "created": True,
        },
    )
    return user


def set_active(actor: User, user: User, active: bool) -> None:
    """Deactivate (every session ends, sign-in is refused) or reactivate an account."""
    if not actor.is_admin:
        raise NotFound(str(_l("No such page.")))
    if user.id == actor.id:
        raise DomainError(str(_l("You cannot deactivate your own account.")), field="active")
    before = user.is_active_flag
    user.is_active_flag = active
    if not active:
        end_all_sessions(user)
    db.session.flush()
    audit.record(
        actor,
        AuditAction.ACCOUNT,
        "user",
        user.id,
        company_id=user.company_id,
        summary=str(user.role),
        before={"active": before},
        after={"active": active},
    )


def invite_contact(actor: User, company, email: str, full_name: str = "") -> User:
    """Staff invite a listed firm's contact person: an account of that firm, claimed from the
    letter's link. Refused when the address already has an account (they ask to join instead)."""
    if not actor.is_staff:
        raise NotFound(str(_l("No such page.")))
    if get_user_by_email(email) is not None:
        raise DomainError(
            str(_l("This address already has an account; that person can ask to join the firm.")),
            field="email",
        )
    locale = {"AZ": "az", "RU": "ru"}.get(company.country)
    user = create_user(
        email,
        secrets.token_urlsafe(24) + "Aa1!",
        company=company,
        full_name=full_name,
        membership=Membership.ACTIVE,
        locale=locale,
    )
    _invite_link(user, "claim_invite")
    audit.record(
        actor,
        AuditAction.ACCOUNT,
        "user",
        user.id,
        company_id=company.id,
        summary=company.name,
        after={"invited": True, "company_id": company.id},
    )
    return user


def claim(token: PasswordResetToken, full_name: str, password: str) -> User:
    """The owner of a new account chooses a password and agrees to the privacy notice; the link
    reached their mailbox, so the address counts as confirmed."""
    from ..auth.passwords import void_reset_tokens
    from ..auth.services import hash_password, password_is_weak
    from ..core.inputs import clean_name
    from .privacy import record_consent

    db.session.refresh(token, with_for_update=True)  # two submissions of one link cannot both pass
    if not token.usable(utcnow()):
        raise DomainError(
            str(_l("This link has been used or has expired. Ask for a new one.")), field="password"
        )
    weak = password_is_weak(password)
    if weak:
        raise DomainError(weak, field="password")
    user = token.user
    user.password_hash = hash_password(password)
    if full_name.strip():
        user.full_name = clean_name(full_name)
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    void_reset_tokens(user)
    end_all_sessions(user)
    record_consent(user)
    return user


def accounts(q: str = "", limit: int = 200) -> list[User]:
    query = select(User).order_by(User.role.desc(), User.email)
    if q:
        like = f"%{q.strip().lower()}%"
        query = query.where(or_(func.lower(User.email).like(like), func.lower(User.full_name).like(like)))
    return list(db.session.scalars(query.limit(limit)))
