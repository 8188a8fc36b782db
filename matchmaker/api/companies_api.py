"""``/api/v1/companies``."""

from __future__ import annotations

from flask import abort
from flask.views import MethodView

from ..accounts import audit
from ..companies import services
from ..core.sectors import normalize_code
from . import Blueprint, api_user
from .schemas import CompanyListArgs, CompanyPageSchema, CompanyPatchSchema, CompanySchema

blp = Blueprint("api_companies", __name__, url_prefix="/api/v1/companies", description="Company directory")


@blp.route("")
class Companies(MethodView):
    @blp.arguments(CompanyListArgs, location="query")
    @blp.response(200, CompanyPageSchema)
    def get(self, args):
        """Search and filter the directory; with ``q`` best match first (typo- and script-tolerant)."""
        sector = normalize_code(args["sector"]) or "" if args["sector"] else ""
        query = services.DirectoryQuery(
            q=args["q"],
            country=args["country"],
            sector=sector if len(sector) > 2 else "",
            division=sector if len(sector) == 2 else "",
            city=args["city"],
            verified=args["verified"],
            page=args["page"],
            per_page=args["per_page"],
        )
        result = services.directory(query)
        return {
            "items": result.items,
            "total": result.total,
            "page": result.page,
            "per_page": result.per_page,
        }


def _get_visible(company_id: int):
    company = services.get_company(company_id)
    user = api_user()
    if company is None or (company.hidden and not user.can_edit_company(company)):
        abort(404, description="No company with this id.")
    return company


@blp.route("/<int:company_id>")
class CompanyById(MethodView):
    @blp.response(200, CompanySchema)
    @blp.errors(404)
    def get(self, company_id):
        """One company."""
        return _get_visible(company_id)

    @blp.arguments(CompanyPatchSchema)
    @blp.response(200, CompanySchema)
    @blp.errors(400, (403, "The company is not the caller's own firm (staff may edit any)"), 404)
    def patch(self, data, company_id):
        """Update fields of one's own company (staff: any). The company's suggestions are refreshed."""
        company = _get_visible(company_id)
        if not api_user().can_edit_company(company):
            abort(403, description="You may only edit your own firm.")
        before = audit.firm_snapshot(company)
        services.update_company(company, data)
        audit.record_firm_edit(api_user(), company, before)
        return company
