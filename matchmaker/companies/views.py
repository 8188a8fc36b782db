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
from ..web.errors import refusals_go_to
from ..web.helpers import safe_next
from ..web.undo import flash_undo
from . import described, services
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
        audit.record_firm_edit(current_user, company, before)
        flash(_("The profile is saved."), "success")
        if (company.description or "").strip():  # show what was read in it
            return redirect(url_for("companies.edit", company_id=company.id, _anchor="understood"))
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
        understood=described.understood(company, _lang()),
    )


@bp.post("/companies/<int:company_id>/understood")
@login_required
@refusals_go_to("companies.edit")
def add_understood(company_id: int):
    """One click: a product or service read in the description joins the structured list."""
    company = services.get_company(company_id) or abort(404)
    if not current_user.can_edit_company(company):
        abort(403)
    side = request.form.get("side", "")
    before = audit.firm_snapshot(company)
    name = described.add_read_item(company, side, request.form.get("concept", "")[:100], _lang())
    audit.record_firm_edit(current_user, company, before)
    if side == "offer":
        flash(_("Added to what you offer: %(item)s", item=name), "success")
    else:
        flash(_("Added to what you are looking for: %(item)s", item=name), "success")
    return redirect(url_for("companies.edit", company_id=company.id, _anchor="understood"))


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


def _moderated(company_id: int):
    company = services.get_company(company_id) or abort(404)
    if not current_user.can_verify_companies():
        abort(403)
    return company


# what the staff are asked first (GET: works without JavaScript) and told afterwards, with the undo
MODERATION = {
    ("hidden", True): {
        "heading": lambda c: _("Hide %(name)s?", name=c.name),
        "consequence": lambda c: _(
            "The firm disappears from the directory, from search and from other firms' suggestions. "
            "Its members still see its profile; you can show it again at any time."
        ),
        "confirm": lambda: _("Hide the firm"),
        "done": lambda c: _("%(name)s is hidden from the directory.", name=c.name),
        "undo": lambda: _("Show it again"),
    },
    ("hidden", False): {"done": lambda c: _("%(name)s is shown in the directory again.", name=c.name)},
    ("verified", False): {
        "heading": lambda c: _("Withdraw the verification of %(name)s?", name=c.name),
        "consequence": lambda c: _(
            "The firm loses its “verified” mark in the directory and on its profile. It is not "
            "told; it goes back to the verification queue."
        ),
        "confirm": lambda: _("Withdraw the verification"),
        "done": lambda c: _("%(name)s is no longer marked verified.", name=c.name),
        "undo": lambda: _("Verify again"),
    },
    ("verified", True): {"done": lambda c: _("%(name)s is verified.", name=c.name)},
}


def _confirm_page(company, key: str, value: bool, endpoint: str):
    text = MODERATION[(key, value)]
    return render_template(
        "confirm.html",
        heading=text["heading"](company),
        consequence=text["consequence"](company),
        extra=None,
        action=url_for(endpoint, company_id=company.id),
        fields={key: "1" if value else "0", "back": safe_next(request.args.get("back"), "")},
        confirm_label=text["confirm"](),
        cancel_url=safe_next(request.args.get("back"), url_for("companies.profile", company_id=company.id)),
    )


def _moderate(company_id: int, apply, key: str, endpoint: str):
    """Apply the change, say what happened and offer the undo; back to where the staff were."""
    company = _moderated(company_id)
    value = request.form.get(key, "1") == "1"
    before = {key: getattr(company, key)}
    apply(company, value)
    audit.record(
        current_user,
        AuditAction.VERIFY if key == "verified" else AuditAction.HIDE,
        "company",
        company.id,
        company_id=company.id,
        summary=company.name,
        before=before,
        after={key: getattr(company, key)},
    )
    text = MODERATION[(key, value)]
    back = safe_next(request.form.get("back"), url_for("companies.profile", company_id=company.id))
    if "undo" in text:
        flash_undo(
            text["done"](company),
            url_for(endpoint, company_id=company.id),
            text["undo"](),
            {key: "0" if value else "1", "back": back},
        )
    else:
        flash(text["done"](company), "success")
    return redirect(back)


@bp.get("/companies/<int:company_id>/verify")
@login_required
def confirm_unverify(company_id: int):
    return _confirm_page(_moderated(company_id), "verified", False, "companies.verify")


@bp.post("/companies/<int:company_id>/verify")
@login_required
def verify(company_id: int):
    return _moderate(company_id, services.set_verified, "verified", "companies.verify")


@bp.get("/companies/<int:company_id>/hide")
@login_required
def confirm_hide(company_id: int):
    return _confirm_page(_moderated(company_id), "hidden", True, "companies.hide")


@bp.post("/companies/<int:company_id>/hide")
@login_required
def hide(company_id: int):
    return _moderate(company_id, services.set_hidden, "hidden", "companies.hide")


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
