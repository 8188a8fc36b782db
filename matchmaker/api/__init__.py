"""The JSON API (``/api/v1``) on flask-smorest, with bearer-token authentication."""

from __future__ import annotations

from flask import Flask, g, request
from flask_smorest import Api as _Api
from werkzeug.exceptions import HTTPException, UnprocessableEntity

from ..errors import DomainError
from ..extensions import csrf
from .errors import domain_error_response, error_response, webargs_fields


class Api(_Api):
    def _register_error_handlers(self):  # our handlers (JSON here, HTML elsewhere) are registered below
        pass


api = Api(
    spec_kwargs={
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
        "security": [{"bearer": []}],
    }
)


def init_api(app: Flask) -> None:
    from . import centers_api, companies_api, matching_api, meetings_api

    api.init_app(app)
    for module in (companies_api, matching_api, centers_api, meetings_api):
        if getattr(module, "blp", None) is not None:
            csrf.exempt(module.blp)
            api.register_blueprint(module.blp)

    @app.errorhandler(UnprocessableEntity)
    def _unprocessable(exc):
        if request.path.startswith("/api/"):
            fields = webargs_fields(exc)
            return error_response(
                422, "Invalid input", "Invalid input" if fields else exc.description, fields=fields or None
            )
        return exc

    @app.errorhandler(DomainError)
    def _domain(err: DomainError):
        if request.path.startswith("/api/"):
            return domain_error_response(err)
        return error_response(err.status, err.message, fields=err.fields or None, code=err.code)

    @app.errorhandler(401)
    def _unauthorized(exc: HTTPException):
        if request.path.startswith("/api/"):
            return error_response(401, "Unauthorized", exc.description)
        return exc

    @app.errorhandler(409)
    def _conflict(exc: HTTPException):
        return error_response(409, "Conflict", exc.description)


def api_user():
    return g.get("api_user")
