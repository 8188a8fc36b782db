"""Links in e-mails: absolute addresses from ``PUBLIC_URL``, signed unsubscribe and confirmation
tokens (signed with ``SECRET_KEY``: changing the key voids the links already sent)."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeSerializer, URLSafeTimedSerializer

from ..notifications.models import Category

UNSUBSCRIBE_SALT = "matchmaker.unsubscribe"
CONFIRM_SALT = "matchmaker.confirm-email"


def absolute(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return current_app.config["PUBLIC_URL"].rstrip("/") + "/" + path.lstrip("/")


def _unsubscribe_serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user_id: int, category: Category) -> str:
    return _unsubscribe_serializer().dumps([user_id, str(category)])


def read_unsubscribe_token(token: str) -> tuple[int, Category] | None:
    if not token or len(token) > 200:
        return None
    try:
        user_id, category = _unsubscribe_serializer().loads(token)
        return int(user_id), Category(category)
    except (BadSignature, ValueError, TypeError):
        return None


def unsubscribe_url(user_id: int, category: Category) -> str:
    return absolute(f"/unsubscribe/{unsubscribe_token(user_id, category)}")


def _confirm_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=CONFIRM_SALT)


def confirm_token(user_id: int, email: str) -> str:
    return _confirm_serializer().dumps([user_id, email])


def read_confirm_token(token: str) -> tuple[int, str] | None:
    """``(user id, address)`` of a genuine, unexpired confirmation link, else ``None``."""
    if not token or len(token) > 400:
        return None
    max_age = current_app.config["EMAIL_CONFIRM_TTL_DAYS"] * 86400
    try:
        user_id, email = _confirm_serializer().loads(token, max_age=max_age)
        return int(user_id), str(email)
    except (SignatureExpired, BadSignature, ValueError, TypeError):
        return None
