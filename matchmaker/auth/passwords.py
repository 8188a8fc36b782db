"""Password reset, e-mail confirmation and e-mail change: the account letters. Flush only.

Reset links carry a random secret; the database keeps only its SHA-256, so a copy of the database
opens no account. A link works once, for ``PASSWORD_RESET_TTL_MINUTES``, and dies with any change
of the password; setting a new password ends every session of the account.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update
from werkzeug.security import check_password_hash

from ..dbtypes import utcnow
from ..errors import DomainError
from ..extensions import db
from ..mail.letters import mail_account, render
from ..mail.outbox import valid_address
from ..mail.tokens import absolute, confirm_token, read_confirm_token
from .models import PasswordResetToken, User, hash_token
from .services import (
    end_all_sessions,
    get_user,
    get_user_by_email,
    hash_password,
    normalize_email,
    password_is_weak,
)

MAX_TOKEN_LENGTH = 100


def _ttl() -> timedelta:
    return timedelta(minutes=current_app.config["PASSWORD_RESET_TTL_MINUTES"])


def request_reset(email: str) -> None:
    """Send a reset link when the address has an active account; otherwise send nothing, after
    the same work (the letter is rendered and dropped), so the answer tells nothing."""
    raw = secrets.token_urlsafe(32)
    user = get_user_by_email(email)
    link = absolute(f"/password/reset/{raw}")
    if user is None or not user.is_active:
        render("account", "password_reset", User(email=normalize_email(email)), link=link, valid_minutes=60)
        return
    token = PasswordResetToken(user=user, token_hash=hash_token(raw), expires_at=utcnow() + _ttl())
    db.session.add(token)
    db.session.flush()
    mail_account("password_reset", user, key=f"reset:{token.id}", link=link, valid_for=_ttl())


def find_reset_token(raw: str) -> PasswordResetToken | None:
    """The token behind a link, if it can still be used."""
    if not raw or len(raw) > MAX_TOKEN_LENGTH:
        return None
    token = db.session.scalar(
        select(PasswordResetToken).where(PasswordResetToken.token_hash == hash_token(raw))
    )
    if token is None or not token.usable(utcnow()):
        return None
    return token


def void_reset_tokens(user: User) -> None:
    db.session.execute(
        update(PasswordResetToken)
        .where(PasswordResetToken.user_id == user.id, PasswordResetToken.used_at.is_(None))
        .values(used_at=utcnow())
        .execution_options(synchronize_session="fetch")
    )


def reset_password(token: PasswordResetToken, new: str) -> User:
    # the row is locked (PostgreSQL) so two submissions of one link cannot both pass
    db.session.refresh(token, with_for_update=True)
    if not token.usable(utcnow()):
        raise DomainError(
            str(_l("This link has been used or has expired. Ask for a new one.")), field="password"
        )
    weak = password_is_weak(new)
    if weak:
        raise DomainError(weak, field="password")
    user = token.user
    user.password_hash = hash_password(new)
    if user.email_confirmed_at is None:  # the link reached this mailbox
        user.email_confirmed_at = utcnow()
    password_changed(user)
    return user


def password_changed(user: User) -> None:
    """After any change of the password: old reset links die, every session ends, a letter says so."""
    void_reset_tokens(user)
    end_all_sessions(user)
    mail_account("password_changed", user, key=f"password-changed:{user.id}:{uuid.uuid4().hex}")


# e-mail addresses --------------------------------------------------------------------------------
def send_confirmation(user: User) -> None:
    link = absolute(f"/email/confirm/{confirm_token(user.id, user.email)}")
    mail_account("confirm_email", user, key=f"confirm:{user.id}:{uuid.uuid4().hex}", link=link)


def confirm_email(token: str) -> User | None:
    """The account whose current address the link confirms; the link signs nobody in."""
    found = read_confirm_token(token)
    if found is None:
        return None
    user = get_user(found[0])
    if user is None or normalize_email(user.email) != found[1]:
        return None
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
        db.session.flush()
    return user


def change_email(user: User, password: str, new_email: str) -> None:
    """A new address: the old one is told, the new one gets a confirmation link; reset links sent
    to the old address die."""
    if not check_password_hash(user.password_hash, password or ""):
        raise DomainError(str(_l("The current password is not right.")), field="password")
    new = normalize_email(new_email)
    if not valid_address(new):
        raise DomainError(str(_l("Enter a valid e-mail address.")), field="email")
    if new == user.email:
        raise DomainError(str(_l("This is your address already.")), field="email")
    if get_user_by_email(new) is not None:
        raise DomainError(str(_l("An account with this e-mail already exists.")), field="email")
    old = user.email
    user.email, user.email_confirmed_at = new, None
    db.session.flush()
    void_reset_tokens(user)
    stamp = uuid.uuid4().hex
    mail_account("email_changed", user, key=f"email-changed:{user.id}:{stamp}:old", to=old, old=old, new=new)
    link = absolute(f"/email/confirm/{confirm_token(user.id, new)}")
    mail_account(
        "email_changed", user, key=f"email-changed:{user.id}:{stamp}:new", old=old, new=new, link=link
    )
