"""JSON error bodies: ``{"error": {"code", "message", "fields"?}}``."""

from __future__ import annotations

from flask import jsonify

from ..errors import DomainError

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    429: "too_many_requests",
    500: "internal_error",
}


def error_response(status: int, message: str, description=None, fields=None, code: str | None = None):
    body = {"code": code or CODES.get(status, "error"), "message": str(description or message)}
    if fields:
        body["fields"] = fields
    response = jsonify(error=body)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="matchmaker"'
    return response


def domain_error_response(err: DomainError):
    return error_response(err.status, err.message, fields=err.fields or None, code=err.code)


def webargs_fields(exc) -> dict:
    """Flatten webargs' ``{"json": {"field": [...]}}`` messages to ``{"field": [...]}``."""
    messages = getattr(exc, "data", {}).get("messages", {}) if getattr(exc, "data", None) else {}
    fields: dict = {}
    for _location, entries in (messages or {}).items():
        if isinstance(entries, dict):
            for name, msgs in entries.items():
                fields[str(name)] = msgs if isinstance(msgs, list) else [str(msgs)]
    return fields
