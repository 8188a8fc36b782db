"""The JSON API (``/api/v1``) on flask-smorest, with bearer-token authentication.

The OpenAPI document (``/api/v1/openapi.json``) says what the server does, and schemathesis checks
it against a running site (``tests/test_openapi_conformance.py``):

- every error is ``{"error": {"code", "message", "fields"?}}`` (:func:`matchmaker.web.errors.error_response`),
  documented as the ``default`` response of every operation and by status where it is answered;
- every operation answers 401 without a valid bearer token (with ``WWW-Authenticate``) and 503 with
  ``Retry-After`` while the database is away; :meth:`Blueprint.errors` documents the others;
- a request line over the HTTP server's limit (gunicorn's 4,094 bytes, a proxy's own) never reaches
  the application: the server answers 414 in its own HTML, documented on every operation as such;
- request schemas state every limit the server enforces (:mod:`matchmaker.api.fields`).
"""

from __future__ import annotations

import http
from collections.abc import Callable
from typing import Any

import flask_smorest
import marshmallow as ma
from flask import Flask, g
from flask_smorest.utils import prepare_response

from ..extensions import csrf
from .auth import authenticate_request


class ErrorBodySchema(ma.Schema):
    code = ma.fields.String(
        required=True,
        metadata={"description": "invalid, unauthorized, forbidden, not_found, conflict, unavailable, …"},
    )
    message = ma.fields.String(required=True, metadata={"description": "What went wrong, for people"})
    field_errors = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.List(ma.fields.String()),
        data_key="fields",
        metadata={"description": "The fields at fault (422), each with its messages"},
    )


class ErrorSchema(ma.Schema):
    error = ma.fields.Nested(ErrorBodySchema, required=True)


_RETRY_AFTER = {
    "description": "Seconds to wait before retrying",
    "required": True,
    "schema": {"type": "integer", "minimum": 1},
}
#: headers that come with an error status
ERROR_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": 'Bearer realm="matchmaker"',
            "required": True,
            "schema": {"type": "string"},
        }
    },
    405: {
        "Allow": {
            "description": "The methods the path accepts",
            "required": True,
            "schema": {"type": "string"},
        }
    },
    503: {"Retry-After": _RETRY_AFTER},
}
ERROR_DESCRIPTIONS = {
    400: "The body is not JSON, or JSON nested too deep or with a number too long",
    401: "No bearer token, or an unknown or revoked one",
    403: "The caller may not do this",
    404: "No such object (or one the caller may not see)",
    409: "Taken, or not possible in the object's current state",
    422: "Invalid input: `fields` names each field at fault",
    414: "The request line (path and query) is over the HTTP server's limit (gunicorn: 4,094 bytes);"
    " the server in front of the application answers, in HTML",
    503: "The database is unavailable or busy: retry after `Retry-After` seconds",
}
#: statuses answered before a request reaches the application, in the HTTP server's own format
SERVER_ANSWERS = {414: {"type": "string"}}


class Api(flask_smorest.Api):
    ERROR_SCHEMA = ErrorSchema

    def _register_error_handlers(self) -> None:  # ours (matchmaker.web.errors) answer JSON under /api/
        pass

    def _register_responses(self) -> None:
        """A response component per status (as flask-smorest does), with our error body and the
        headers that come with it."""
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": ERROR_DESCRIPTIONS.get(status, status.phrase)}
            content_type = self.DEFAULT_RESPONSE_CONTENT_TYPE
            if status in SERVER_ANSWERS:
                response["schema"], content_type = SERVER_ANSWERS[status], "text/html"
            elif not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
            if status in ERROR_HEADERS:
                response["headers"] = ERROR_HEADERS[status]
            prepare_response(response, self.spec, content_type)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Any other error", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, self.DEFAULT_RESPONSE_CONTENT_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


class Blueprint(flask_smorest.Blueprint):
    """A blueprint of the API: every request needs a bearer token, and every operation documents 401,
    414 and 503 besides the statuses given to :meth:`errors`."""

    COMMON_ERRORS = (401, 414, 503)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.before_request(authenticate_request)
        self._prepare_doc_cbks.insert(0, self._document_common_errors)

    @classmethod
    def _document_common_errors(cls, doc: dict, doc_info: dict, **_kwargs: Any) -> dict:
        responses = doc_info.setdefault("response", {}).setdefault("responses", {})
        for status in cls.COMMON_ERRORS:
            responses.setdefault(status, []).append(http.HTTPStatus(status).name)
        return doc

    def errors(self, *statuses: int | tuple[int, str]) -> Callable[[Callable], Callable]:
        """Document error statuses of an operation: ``409`` or ``(409, "why it happens here")``."""

        def decorator(func: Callable) -> Callable:
            for entry in statuses:
                status, description = entry if isinstance(entry, tuple) else (entry, None)
                if description is None:
                    func = self.alt_response(status, response=http.HTTPStatus(status).name)(func)
                else:
                    func = self.alt_response(
                        status, schema=ErrorSchema, description=description, headers=ERROR_HEADERS.get(status)
                    )(func)
            return func

        return decorator


api = Api(
    spec_kwargs={
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
    }
)


def init_api(app: Flask) -> None:
    from . import centers_api, companies_api, matching_api, meetings_api, stays_api

    api.init_app(app)
    for module in (companies_api, matching_api, centers_api, meetings_api, stays_api):
        if getattr(module, "blp", None) is not None:
            csrf.exempt(module.blp)
            api.register_blueprint(module.blp)


def api_user():
    return g.get("api_user")
