"""The privacy notice, a member's data export and the deletion of an account."""

from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from .. import exports
from ..auth.access import admin_required, login_required
from ..forms import save_or_show
from ..web.helpers import arg_id
from . import audit, privacy
from .forms import DeleteAccountForm
from .models import AuditAction

bp = Blueprint("accounts", __name__)


@bp.get("/privacy", endpoint="privacy")
def privacy_notice():
    return render_template(
        "accounts/privacy.html", version=privacy.NOTICE_VERSION, notice_date=privacy.NOTICE_DATE
    )


@bp.get("/account/export")
@login_required
def export():
    body = privacy.export_json(current_user._get_current_object())
    response = Response(body, mimetype="application/json")
    response.headers["Content-Disposition"] = 'attachment; filename="matchmaker-my-data.json"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/account/delete", methods=["GET", "POST"])
@login_required
def delete():
    user = current_user._get_current_object()
    last = privacy.is_last_member(user)
    form = DeleteAccountForm()
    if form.validate_on_submit():
        fate = form.firm_fate.data if last else None
        err = save_or_show(form, lambda: privacy.delete_account(user, form.password.data, fate))
        if err is None:
            logout_user()
            flash(_("Your account and your personal data are deleted."), "success")
            return redirect(url_for("main.index"))
    status = 422 if form.is_submitted() else 200
    return render_template("accounts/delete.html", form=form, last=last, company=user.company), status


# the audit log (administrators) ----------------------------------------------------------------
def _audit_filters() -> tuple[str | None, int | None]:
    action = request.args.get("action") or None
    return (action if action in tuple(AuditAction) else None), arg_id("company")


@bp.get("/staff/audit")
@admin_required
def audit_log():
    action, company_id = _audit_filters()
    page = request.args.get("page", "1")
    result = audit.listing(action, company_id, page=int(page) if page.isdigit() and len(page) < 6 else 1)
    return render_template(
        "accounts/audit.html",
        result=result,
        actors=audit.actors(result.entries),
        actions=AuditAction.choices(),
        action=action,
        labels=audit.field_labels(),
    )


@bp.get("/staff/audit.csv")
@admin_required
def audit_csv():
    action, company_id = _audit_filters()
    return exports.download([audit.to_table(action, company_id)], "csv", "audit-log")


from . import acting_views, staff_views  # noqa: E402,F401  (more pages on this blueprint)
