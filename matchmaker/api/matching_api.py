"""``/api/v1/companies/<id>/suggestions``."""

from __future__ import annotations

from flask import abort
from flask.views import MethodView
from flask_babel import get_locale
from flask_smorest import Blueprint
from marshmallow import Schema, fields, validate

from ..companies import services as company_services
from ..matching import services
from . import api_user
from .auth import protect

blp = Blueprint("api_matching", __name__, url_prefix="/api/v1/companies", description="Partner suggestions")
protect(blp)


class SuggestionSchema(Schema):
    company = fields.Str()
    partner = fields.Str()
    partner_id = fields.Int()
    partner_name = fields.Str()
    rank = fields.Int()
    score = fields.Float()
    reasons = fields.List(fields.Str())


class SuggestionArgs(Schema):
    lang = fields.Str(load_default=None, validate=validate.OneOf(["en", "ru", "az"]))


@blp.route("/<int:company_id>/suggestions")
class Suggestions(MethodView):
    @blp.arguments(SuggestionArgs, location="query")
    @blp.response(200, SuggestionSchema(many=True))
    def get(self, args, company_id):
        """That company's suggestions, best first, as in the export."""
        company = company_services.get_company(company_id)
        if company is None or (company.hidden and not api_user().can_edit_company(company)):
            abort(404, description="No company with this id.")
        lang = args["lang"] or str(get_locale() or "en")
        return [
            {
                "company": company.public_id,
                "partner": partner.public_id,
                "partner_id": partner.id,
                "partner_name": partner.name,
                "rank": rank,
                "score": s.score,
                "reasons": services.reasons_text(s, lang),
            }
            for rank, (s, partner, _i) in enumerate(services.suggestions_for(company.id), start=1)
        ]
