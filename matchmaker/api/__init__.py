"""The JSON API (``/api/v1``) on flask-smorest, with bearer-token authentication."""

from __future__ import annotations

from flask import Flask, g
from flask_smorest import Api as _Api

from ..extensions import csrf


class Api(_Api):
    def _register_error_handlers(self):  # our handlers (matchmaker.web.errors) answer JSON under /api/
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


def api_user():
    return g.get("api_user")
