"""Account pages of administrators and staff, and the page where an invited person claims their
account (on the accounts blueprint)."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user

from ..auth.access import admin_required, staff_required
from ..auth.passwords import find_reset_token
from ..auth.services import get_user
from ..centers.services import get_center, list_centers
from ..companies.services import get_company
from ..errors import apply_to_form
from ..extensions import limiter
from ..forms import save_or_show
from ..uow import refusable
from . import staff_accounts
from .staff_forms import AccountForm, ClaimForm, InviteForm
from .views import bp


def _account_form(formdata=True) -> AccountForm:
    form = AccountForm() if formdata else AccountForm(formdata=None)
    form.center_id.choices = [(0, "—")] + [(c.id, c.name) for c in list_centers()]
    return form


@bp.route("/staff/accounts", methods=["GET", "POST"])
@admin_required
def staff_accounts_page():
    form = _account_form(formdata=request.method == "POST")
    status = 200
    if request.method == "POST":
        status = 422
        if form.validate_on_submit():
            company = get_company(form.company_id.data) if form.company_id.data else None
            center = get_center(form.center_id.data) if form.center_id.data else None
            if form.company_id.data and company is None:
                form.company_id.errors = [_("No firm has this number.")]
            else:
                with refusable() as outcome:
                    user = staff_accounts.create_account(
                        current_user,
                        form.email.data,
                        form.full_name.data,
                        form.role.data,
                        center_id=center.id if center else None,
                        company=company,
                        locale=form.locale.data,
                    )
                if outcome.error is None:
                    flash(
                        _(
                            "The account %(email)s is made; a letter asks its owner to choose a password.",
                            email=user.email,
                        ),
                        "success",
                    )
                    return redirect(url_for("accounts.staff_accounts_page"))
                apply_to_form(form, outcome.error)
    q = request.args.get("q", "")[:100]
    centers = {c.id: c for c in list_centers()}
    return render_template(
        "accounts/staff_accounts.html", form=form, users=staff_accounts.accounts(q), q=q, centers=centers
    ), status


@bp.post("/staff/accounts/<int:user_id>/<any(activate,deactivate):action>")
@admin_required
def set_account_active(user_id: int, action: str):
    user = get_user(user_id) or abort(404)
    with refusable() as outcome:
        staff_accounts.set_active(current_user, user, action == "activate")
    if outcome.error is not None:
        flash(outcome.error.message, "error")
    else:
        flash(_("Saved."), "success")
    return redirect(url_for("accounts.staff_accounts_page"))


@bp.route("/staff/companies/<int:company_id>/invite", methods=["GET", "POST"])
@staff_required
def invite(company_id: int):
    company = get_company(company_id) or abort(404)
    form = InviteForm()
    if form.validate_on_submit():
        err = save_or_show(
            form,
            lambda: staff_accounts.invite_contact(
                current_user, company, form.email.data, form.full_name.data or ""
            ),
        )
        if err is None:
            flash(_("The invitation is sent to %(email)s.", email=form.email.data), "success")
            return redirect(url_for("companies.profile", company_id=company.id))
    status = 422 if form.is_submitted() else 200
    return render_template("accounts/invite.html", form=form, company=company), status


def _claim_limit() -> str:
    return current_app.config["PASSWORD_RESET_CLIENT_RATE_LIMIT"]


@bp.route("/claim/<token>", methods=["GET", "POST"])
@limiter.limit(_claim_limit, methods=["POST"])
def claim(token: str):
    found = find_reset_token(token)
    if found is None:
        return current_app.make_response((render_template("auth/reset_invalid.html"), 400))
    form = (
        ClaimForm() if request.method == "POST" else ClaimForm(formdata=None, full_name=found.user.full_name)
    )
    if form.validate_on_submit():
        with refusable() as outcome:
            user = staff_accounts.claim(found, form.full_name.data, form.password.data)
        if outcome.error is None:
            login_user(user)
            flash(_("Welcome! Your account is ready."), "success")
            if user.active_company_id:
                return redirect(url_for("companies.edit", company_id=user.active_company_id))
            return redirect(url_for("main.index"))
        apply_to_form(form, outcome.error)
    status = 422 if request.method == "POST" else 200
    response = current_app.make_response(
        (render_template("accounts/claim.html", form=form, user=found.user), status)
    )
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
