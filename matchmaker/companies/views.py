"""Directory, profiles, profile editing and staff moderation."""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..accounts import audit
from ..accounts.models import AuditAction
from ..auth import services as auth_services
from ..auth.access import login_required
from ..core import sectors as nace
from ..core.sector_search import find_sectors
from ..forms import submitted_and_saved
from . import services
from .forms import CompanyForm

bp = Blueprint("companies", __name__)


def _lang() -> str:
    return str(get_locale() or "en")


def _visible_company(company_id: int):
    company = services.get_company(company_id)
    if company is None:
        abort(404)
    if company.hidden and not (current_user.is_authenticated and current_user.can_edit_company(company)):
        abort(404)
    return company


@bp.get("/companies")
def directory():
    args = request.args
    query = services.DirectoryQuery(
        q=args.get("q", "")[:200],
        country=args.get("country", ""),
        section=args.get("section", "")[:1],
        division=args.get("division", "")[:2],
        sector=args.get("sector", "")[:8],
        city=args.get("city", "")[:100],
        verified=args.get("verified") == "1",
        sort=args.get("sort", ""),
        page=args.get("page", 1),
        per_page=20,
    )
    result = services.directory(query)
    lang = _lang()
    return render_template(
        "companies/directory.html",
        result=result,
        query=query,
        sections=[(s["code"], nace.title(s["code"], lang)) for s in nace.load_nace()["sections"]],
        divisions=[
            (d["code"], nace.title(d["code"], lang))
            for d in nace.load_nace()["divisions"]
            if not query.section or d["section"] == query.section
        ],
        cities=services.distinct_cities(),
    )


@bp.get("/companies/<int:company_id>")
def profile(company_id: int):
    company = _visible_company(company_id)
    can_edit = current_user.is_authenticated and current_user.can_edit_company(company)
    return render_template(
        "companies/profile.html",
        company=company,
        can_edit=can_edit,
        show_contacts=current_user.is_authenticated,
        can_join=current_user.is_authenticated
        and not current_user.is_staff
        and current_user.company_id is None,
    )


@bp.route("/companies/<int:company_id>/edit", methods=["GET", "POST"])
@login_required
def edit(company_id: int):
    company = services.get_company(company_id)
    if company is None:
        abort(404)
    if not current_user.can_edit_company(company):
        abort(403)
    form = CompanyForm(obj=None if request.method == "POST" else company)
    if request.method == "GET":
        form.offers.data = "\n".join(company.offers or [])
        form.needs.data = "\n".join(company.needs or [])
        form.sectors.data = company.sectors
        form.languages.data = company.languages or []
        form.size_band.data = company.size_band or ""
    before = audit.firm_snapshot(company)
    if submitted_and_saved(form, lambda: services.update_company(company, form.to_data())):
        if not current_user.belongs_to(company.id):
            old, new = audit.changed(before, audit.firm_snapshot(company))
            audit.record(
                current_user,
                AuditAction.EDIT_FIRM,
                "company",
                company.id,
                company_id=company.id,
                summary=company.name,
                before=old,
                after=new,
            )
        flash(_("The profile is saved."), "success")
        return redirect(url_for("companies.profile", company_id=company.id))
    status = 422 if request.method == "POST" else 200
    return render_edit(company, form), status


def render_edit(company, form=None, logo_form=None) -> str:
    """The profile editor (also shown with the logo form's refusal)."""
    from .logo_views import LogoForm

    if form is None:
        form = CompanyForm(formdata=None, obj=company)
        form.offers.data = "\n".join(company.offers or [])
        form.needs.data = "\n".join(company.needs or [])
        form.sectors.data = company.sectors
        form.languages.data = company.languages or []
        form.size_band.data = company.size_band or ""
    return render_template(
        "companies/edit.html",
        form=form,
        logo_form=logo_form or LogoForm(formdata=None),
        company=company,
        all_sectors=_sector_choices(),
    )


def _sector_choices():
    lang = _lang()
    return [(c["code"], f"{c['code']} {nace.title(c['code'], lang)}") for c in nace.load_nace()["classes"]]


@bp.get("/companies/sectors.json")
def sector_search():
    """The sector picker's search: class titles in any language, and the activities of the
    products named ("вино", "şərab", "wine" → 11.02)."""
    q = request.args.get("q", "")[:100]
    return jsonify(
        items=[{"code": item["code"], "title": item["title"]} for item in find_sectors(q, _lang(), limit=30)]
    )


def _moderate(company_id: int, apply, form_key: str, message: str):
    company = services.get_company(company_id) or abort(404)
    if not current_user.can_verify_companies():
        abort(403)
    before = {form_key: getattr(company, form_key)}
    apply(company, request.form.get(form_key, "1") == "1")
    action = AuditAction.VERIFY if form_key == "verified" else AuditAction.HIDE
    audit.record(
        current_user,
        action,
        "company",
        company.id,
        company_id=company.id,
        summary=company.name,
        before=before,
        after={form_key: getattr(company, form_key)},
    )
    flash(message, "success")
    return redirect(url_for("companies.profile", company_id=company.id))


@bp.post("/companies/<int:company_id>/verify")
@login_required
def verify(company_id: int):
    return _moderate(company_id, services.set_verified, "verified", _("Verification updated."))


@bp.post("/companies/<int:company_id>/hide")
@login_required
def hide(company_id: int):
    return _moderate(company_id, services.set_hidden, "hidden", _("Visibility updated."))


@bp.post("/companies/<int:company_id>/join")
@login_required
def join(company_id: int):
    company = _visible_company(company_id)
    if current_user.is_staff or current_user.company_id is not None:
        abort(403)
    auth_services.request_membership(current_user, company)
    flash(_("Your request to join %(name)s is sent to its members.", name=company.name), "success")
    return redirect(url_for("companies.profile", company_id=company.id))


from . import logo_views  # noqa: E402,F401  (the logo's routes on this blueprint)
