"""Account operations shared by the views, the CLI and the API. They flush, never commit."""

from __future__ import annotations

import secrets
from functools import cache

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import joinedload
from werkzeug.security import check_password_hash, generate_password_hash

from ..core import zones
from ..core.ids import valid_id
from ..core.inputs import clean_name
from ..dbtypes import utcnow
from ..errors import DomainError, NotFound
from ..extensions import db
from .models import ApiToken, Membership, Role, User, hash_token

MIN_PASSWORD = 10
# Used to spend the same time on unknown e-mails as on known ones (no account enumeration by timing).
_DUMMY_HASH: dict[str, str] = {}


def normalize_email(email: str) -> str:
    return (email or "").strip().lower()


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])


def password_is_weak(password: str) -> str | None:
    if len(password) < MIN_PASSWORD:
        return str(_l("Use at least %(n)s characters.", n=MIN_PASSWORD))
    if password.isdigit() or len(set(password)) < 4:
        return str(_l("This password is too easy to guess."))
    return None


def get_user(user_id: int) -> User | None:
    return db.session.get(User, user_id) if valid_id(user_id) else None


def default_timezone(company=None, locale: str | None = None) -> str:
    """A new account's zone when the browser gave none: the firm's country's (AZ: Baku, RU: Moscow),
    else the interface language's, else Baku. Never UTC: nobody here lives by it."""
    country = getattr(company, "country", None) or {"ru": "RU"}.get(locale or "", "AZ")
    return zones.DEFAULT_ZONE.get(country, "Asia/Baku")


def default_locale(user: User) -> str:
    """The account's language, else its firm's country's (AZ: az, RU: ru), else English."""
    if user.locale:
        return user.locale
    country = getattr(user.company, "country", None)
    return {"AZ": "az", "RU": "ru"}.get(country or "", "en")


def update_preferences(user: User, full_name: str, locale: str, timezone: str) -> None:
    user.full_name, user.locale, user.timezone = clean_name(full_name), locale, timezone
    db.session.flush()


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


@cache
def _reader_by_id() -> Select:
    """Every signed-in request reads its account by this statement, and the menu's count of unread
    notes with it (one round trip): built once, on first use (when every mapper is known)."""
    from ..notifications.services import UNREAD_OF_MEMBER

    return select(User, UNREAD_OF_MEMBER).where(User.id == bindparam("id"))


def reader_from_session_id(user_id: str) -> tuple[User, int] | None:
    """The signed-in account named by the session (``id:session_version``; a changed password or a
    sign-out everywhere moves the version) and its unread notes' count, or ``None``."""
    try:
        uid, version = (int(part) for part in user_id.split(":", 1))
    except (ValueError, AttributeError):
        return None
    row = db.session.execute(_reader_by_id(), {"id": uid}).first()
    if row is None:
        return None
    user, unread = row
    if user.session_version != version or not user.is_active:
        return None
    return user, unread or 0


def create_user(
    email: str,
    password: str,
    role: str = Role.MEMBER,
    company=None,
    full_name: str = "",
    membership: str | None = None,
    locale: str | None = None,
    timezone: str | None = None,
) -> User:
    """A new account. ``timezone``: the browser's zone when it sent a valid one, else the default
    (:func:`default_timezone`)."""
    email = normalize_email(email)
    if role not in tuple(Role):
        raise DomainError(str(_l("Unknown role.")), field="role")
    if get_user_by_email(email) is not None:
        raise DomainError(str(_l("An account with this e-mail already exists.")), field="email")
    weak = password_is_weak(password)
    if weak:
        raise DomainError(weak, field="password")
    user = User(
        email=email,
        password_hash=hash_password(password),
        role=Role(role),
        full_name=clean_name(full_name),
        company=company,
        membership=membership or (Membership.ACTIVE if company is not None else Membership.NONE),
        locale=locale,
        timezone=timezone if zones.is_zone(timezone) else default_timezone(company, locale),
    )
    db.session.add(user)
    db.session.flush()
    return user


def authenticate(email: str, password: str) -> User | None:
    """The user when the password is right (rehashing a weaker hash), else ``None``."""
    user = get_user_by_email(email)
    if user is None or not user.is_active:
        method = current_app.config["PASSWORD_HASH_METHOD"]
        if method not in _DUMMY_HASH:
            _DUMMY_HASH[method] = generate_password_hash(secrets.token_hex(8), method=method)
        check_password_hash(_DUMMY_HASH[method], password or "")
        return None
    if not check_password_hash(user.password_hash, password or ""):
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.flush()
    return user


def needs_rehash(stored: str) -> bool:
    """True when the stored hash is weaker than (or of another kind than) the configured method."""
    wanted = current_app.config["PASSWORD_HASH_METHOD"]
    method = stored.split("$", 1)[0]
    if method == wanted:
        return False
    try:
        kind, *params = method.split(":")
        wkind, *wparams = wanted.split(":")
        if kind != wkind:
            return True
        return any(int(a) < int(b) for a, b in zip(params, wparams, strict=False))
    except ValueError:
        return True


def change_password(user: User, current: str, new: str) -> None:
    if not check_password_hash(user.password_hash, current or ""):
        raise DomainError(str(_l("The current password is not right.")), field="current_password")
    weak = password_is_weak(new)
    if weak:
        raise DomainError(weak, field="new_password")
    user.password_hash = hash_password(new)
    from .passwords import password_changed

    password_changed(user)  # reset links die, every session ends, the member gets a letter


def end_all_sessions(user: User) -> None:
    """Every session and remember cookie issued before this call stops working."""
    user.session_version = (user.session_version or 1) + 1
    db.session.flush()


def issue_token(user: User, name: str = "") -> tuple[ApiToken, str]:
    raw = ApiToken.new_raw()
    token = ApiToken(user=user, name=name[:80], token_hash=hash_token(raw), prefix=raw[:10])
    db.session.add(token)
    db.session.flush()
    return token, raw


def revoke_token(user: User, token_id: int) -> None:
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound(str(_l("No such token.")))
    token.revoked_at = utcnow()
    db.session.flush()


@cache
def _token_with_account() -> Select:
    """Every API call reads its token (and the account with it) by this statement: built once."""
    by_digest = select(ApiToken).where(ApiToken.token_hash == bindparam("digest"))
    return by_digest.options(joinedload(ApiToken.user))


def user_for_token(raw: str) -> User | None:
    if not raw:
        return None
    token = db.session.scalar(_token_with_account(), {"digest": hash_token(raw)})
    if token is None or not token.active or not token.user.is_active:
        return None
    now = utcnow()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 300:
        token.last_used_at = now  # coarse, to avoid a write on every call
    return token.user


def request_membership(user: User, company) -> None:
    user.company = company
    user.membership = Membership.PENDING
    db.session.flush()


def decide_membership(actor: User, member: User, approve: bool) -> None:
    """Approve or decline a request to join: only a pending one, by a member of that firm or staff
    (removing an active member is :func:`remove_member`)."""
    if (
        member.company_id is None
        or member.membership != Membership.PENDING
        or not (actor.is_staff or actor.belongs_to(member.company_id))
    ):
        raise NotFound(str(_l("No such request.")))
    if approve:
        member.membership = Membership.ACTIVE
    else:
        member.company_id = None
        member.membership = Membership.NONE
    db.session.flush()


def remove_member(actor: User, member: User) -> None:
    """Take an active member out of their firm: by another member of the firm or by staff. The
    firm's members are told who did it."""
    company_id = member.company_id
    if (
        company_id is None
        or member.membership != Membership.ACTIVE
        or member.id == actor.id
        or not (actor.is_staff or actor.belongs_to(company_id))
    ):
        raise NotFound(str(_l("No such member.")))
    member.company_id = None
    member.membership = Membership.NONE
    end_all_sessions(member)
    db.session.flush()
    from ..notifications.services import notify

    notify(
        company_id, "member_removed", name=member.full_name or member.email, by=actor.full_name or actor.email
    )


def active_members(company_id: int) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.company_id == company_id, User.membership == Membership.ACTIVE)
            .order_by(User.full_name, User.id)
        )
    )


def pending_members(company_id: int) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.company_id == company_id, User.membership == Membership.PENDING)
            .order_by(User.id)
        )
    )


def count_users() -> int:
    return db.session.scalar(select(func.count(User.id))) or 0
