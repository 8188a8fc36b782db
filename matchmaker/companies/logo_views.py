"""A firm's logo: uploaded or removed by its members (or staff), served as a checked PNG."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField

from ..accounts import audit
from ..auth.access import login_required
from ..errors import apply_to_form
from ..uow import refusable
from . import logos, services
from .views import _visible_company, bp


class LogoForm(FlaskForm):
    logo = FileField(
        _l("Logo"), description=_l("PNG, JPEG or WebP, at most 2 MB. It is resized and cleaned of metadata.")
    )


@bp.get("/companies/<int:company_id>/logo")
def logo(company_id: int):
    company = _visible_company(company_id)
    if company.logo_updated_at is None or company.logo is None:
        abort(404)
    response = Response(company.logo, mimetype=logos.MIMETYPE)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Content-Disposition"] = "inline"
    response.headers["Cache-Control"] = "public, max-age=86400"  # the address changes with the logo (?v=)
    return response


@bp.post("/companies/<int:company_id>/logo")
@login_required
def upload_logo(company_id: int):
    company = services.get_company(company_id) or abort(404)
    if not current_user.can_edit_company(company):
        abort(403)
    form = LogoForm()
    if request.form.get("remove") == "1":
        logos.remove_logo(company)
        _audit(company, "removed")
        flash(_("The logo is removed."), "success")
        return redirect(url_for("companies.edit", company_id=company.id))
    upload = request.files.get("logo")
    with refusable() as outcome:
        logos.set_logo(company, upload.read(logos.MAX_BYTES + 1) if upload else b"")
    if outcome.error is None:
        _audit(company, "uploaded")
        flash(_("The logo is saved."), "success")
        return redirect(url_for("companies.edit", company_id=company.id))
    apply_to_form(form, outcome.error)
    from .views import render_edit

    return render_edit(company, logo_form=form), 422


def _audit(company, what: str) -> None:
    audit.record_firm_edit(current_user, company, logo=what)
