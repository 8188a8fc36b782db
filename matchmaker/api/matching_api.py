"""``/api/v1/companies/<id>/suggestions``."""

from __future__ import annotations

import hashlib

from flask import abort, current_app, jsonify, request
from flask.views import MethodView
from flask_babel import get_locale
from marshmallow import Schema, fields, validate

from ..companies import services as company_services
from ..core.ids import valid_id
from ..core.matching import Band, band_of
from ..matching import services
from ..matching.list_cache import kept_list
from . import Blueprint, api_user
from .fields import Choice

blp = Blueprint("api_matching", __name__, url_prefix="/api/v1/companies", description="Partner suggestions")


class SuggestionSchema(Schema):
    company = fields.String(required=True, metadata={"description": "The firm's external id, else its id"})
    partner = fields.String(required=True, metadata={"description": "The partner's external id, else its id"})
    partner_id = fields.Integer(required=True)
    partner_name = fields.String(required=True)
    rank = fields.Integer(
        required=True, validate=validate.Range(min=1), metadata={"description": "1 is best"}
    )
    score = fields.Float(
        required=True,
        validate=validate.Range(min=0, max=100),
        metadata={"description": "Calibrated: direct match 60-100, related goods 25-<60, same sector <25"},
    )
    strength = fields.String(
        required=True,
        validate=validate.OneOf([b.value for b in Band]),
        metadata={
            "description": "The score's band: direct (one firm offers the very product the other "
            "needs), related (related goods only), sector (no product in common)"
        },
    )
    reasons = fields.List(fields.String(), required=True)


class SuggestionArgs(Schema):
    lang = Choice(
        ("az", "ru", "en"),
        metadata={"description": "Language of the reasons (default: the Accept-Language choice)"},
    )


@blp.route("/<int:company_id>/suggestions")
class Suggestions(MethodView):
    @blp.arguments(SuggestionArgs, location="query")
    @blp.response(
        200,
        SuggestionSchema(many=True),
        headers={
            "ETag": {
                "description": "Names this answer: send it back in `If-None-Match`",
                "schema": {"type": "string"},
            }
        },
    )
    @blp.alt_response(304, description="Not modified: the `If-None-Match` ETag still names the answer")
    @blp.errors(404)
    def get(self, args, company_id):
        """That company's suggestions, best first, as in the export. The answer carries an `ETag`:
        a request with it in `If-None-Match` is answered 304 without a body while the list is
        unchanged."""
        lang = args.get("lang") or str(get_locale() or "en")
        # kept with the answer: whether the firm exists and is hidden (an edit moves the stamp)
        found = (
            kept_list("api", company_id, lang, lambda: _answer(company_id, lang))
            if valid_id(company_id)
            else None
        )
        if found is None or (found[0] and not api_user().can_edit_company_id(company_id)):
            abort(404, description="No company with this id.")
        _hidden, body, tag = found
        tagged = {"ETag": f'"{tag}"'}
        if "If-None-Match" in request.headers and request.if_none_match.contains_weak(tag):
            return current_app.response_class(status=304, headers=tagged)
        return current_app.response_class(body, mimetype="application/json", headers=tagged)


def _answer(company_id: int, lang: str) -> tuple[bool, bytes, str] | None:
    """Whether the firm is hidden, the JSON body of the answer as the schema writes it, and the
    body's ETag (kept per worker: :mod:`matchmaker.matching.list_cache`); ``None`` when there is no
    such firm."""
    company = company_services.get_company(company_id)
    if company is None:
        return None
    body = jsonify(SuggestionSchema(many=True).dump(_listed(company, lang))).get_data()
    return company.hidden, body, hashlib.blake2b(body, digest_size=16).hexdigest()


def _listed(company, lang: str) -> list[dict]:
    """The firm's list as the API shows it."""
    rows = services.suggestions_for(company.id)
    reasons = services.reasons_texts(company.id, [partner.id for _s, partner, _i in rows], lang)
    return [
        {
            "company": company.public_id,
            "partner": partner.public_id,
            "partner_id": partner.id,
            "partner_name": partner.name,
            "rank": rank,
            "score": s.score,
            "strength": str(band_of(s.score)),
            "reasons": reasons.get(partner.id, []),
        }
        for rank, (s, partner, _i) in enumerate(rows, start=1)
    ]
