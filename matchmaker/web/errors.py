"""Errors that know their audience (microblog's ``wants_json_response``): one handler per kind of
error, answering the JSON body ``{"error": {"code", "message", "fields"?}}`` under ``/api/`` and an
HTML page (or a message on the page the user came from) everywhere else.

A refused service call (:class:`~matchmaker.errors.DomainError`) that a view did not show on its own
form reaches :func:`domain_error`: 403 and 404 refusals answer as such; a view decorated with
:func:`refusals_go_to` sends the user back to that page with the message; any other refusal is an
error page carrying the message and the refusal's status. The transaction was rolled back before
any handler here runs (see :mod:`matchmaker.uow`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app, flash, jsonify, redirect, render_template, request, url_for
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException, UnprocessableEntity

from ..errors import DomainError, Forbidden, NotFound

F = TypeVar("F", bound=Callable[..., Any])

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
    503: "unavailable",
}


BUSY_RETRY_AFTER = "2"  # seconds


def wants_json_response() -> bool:
    return request.path.startswith("/api/")


def error_response(
    status: int,
    message: str,
    description: Any = None,
    fields: dict[str, list[str]] | None = None,
    code: str | None = None,
) -> Any:
    body: dict[str, Any] = {
        "code": code or CODES.get(status, "error"),
        "message": str(description or message),
    }
    if fields:
        body["fields"] = fields
    response = jsonify(error=body)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="matchmaker"'
    if status == 503:  # busy or unavailable: when to retry (the callers may say otherwise)
        response.headers["Retry-After"] = BUSY_RETRY_AFTER
    return response


def error_page(status: int, message: str | None = None) -> tuple[str, int]:
    return render_template("errors.html", status=status, message=message), status


def refusals_go_to(endpoint: str) -> Callable[[F], F]:
    """A refused action of this view goes back to ``endpoint`` (with the view's own arguments that
    the endpoint takes) and shows the refusal as a message there."""

    def mark(view: F) -> F:
        view.refusal_endpoint = endpoint  # type: ignore[attr-defined]
        return view

    return mark


def _refusal_target() -> str | None:
    view = current_app.view_functions.get(request.endpoint or "")
    endpoint = getattr(view, "refusal_endpoint", None)
    if endpoint is None:
        return None
    rule_args = {arg for rule in current_app.url_map.iter_rules(endpoint) for arg in rule.arguments}
    return url_for(endpoint, **{k: v for k, v in (request.view_args or {}).items() if k in rule_args})


def domain_error(err: DomainError) -> Any:
    if wants_json_response():
        return error_response(err.status, err.message, fields=err.fields or None, code=err.code)
    if isinstance(err, (Forbidden, NotFound)):
        return error_page(err.status)
    target = _refusal_target()
    if target is not None:
        flash(err.message, "error")
        return redirect(target)
    return error_page(err.status, err.message)


def webargs_fields(exc: HTTPException) -> dict[str, list[str]]:
    """Flatten webargs' ``{"json": {"field": [...]}}`` messages to ``{"field": [...]}``."""
    data = getattr(exc, "data", None) or {}
    fields: dict[str, list[str]] = {}
    for entries in (data.get("messages") or {}).values():
        if isinstance(entries, dict):
            for name, msgs in entries.items():
                fields[str(name)] = msgs if isinstance(msgs, list) else [str(msgs)]
    return fields


def http_error(exc: HTTPException) -> Any:
    status = exc.code or 500
    extra = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]  # e.g. a 405's Allow
    if wants_json_response():
        if isinstance(exc, UnprocessableEntity):
            fields = webargs_fields(exc)
            return error_response(422, "Invalid input", None if fields else exc.description, fields or None)
        response = error_response(status, exc.name, exc.description)
        for name, value in extra:
            response.headers.setdefault(name, value)
        return response
    return (*error_page(status), extra)


def database_busy(exc: OperationalError) -> Any:
    """SQLite's lock wait ran out (busy_timeout): a 503 to retry, not a 500 (see ops.database_error)."""
    if wants_json_response():
        response = error_response(503, "The database is busy; retry shortly.", code="busy")
    else:
        response = current_app.make_response(error_page(503))
    response.headers["Retry-After"] = BUSY_RETRY_AFTER
    return response


def internal_error(_exc: Exception) -> Any:
    if wants_json_response():
        return error_response(500, "Internal server error")
    return error_page(500)


def register(app: Flask) -> None:
    for status in (400, 401, 403, 404, 405, 409, 413, 415, 422, 429):
        app.register_error_handler(status, http_error)
    app.register_error_handler(DomainError, domain_error)
    app.register_error_handler(500, internal_error)
