"""Bearer tokens for the API. Session cookies are never accepted here (the API is CSRF-exempt).

Every blueprint of the API (:class:`matchmaker.api.Blueprint`) runs :func:`authenticate_request`
before its views."""

from __future__ import annotations

from flask import abort, g, request

from ..auth.services import user_for_token


def authenticate_request() -> None:
    header = request.headers.get("Authorization", "")
    scheme, _, raw = header.partition(" ")
    if scheme.lower() != "bearer" or not raw.strip():
        abort(401, description="Send 'Authorization: Bearer TOKEN' (create a token on /account).")
    user = user_for_token(raw.strip())
    if user is None:
        abort(401, description="The token is unknown or revoked.")
    g.api_user = user
