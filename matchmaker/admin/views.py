"""Staff pages: CSV import with a preview, the verification queue (search, filters, bulk verify,
turn down with a reason, undo), staying in the queue after each action."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _

from ..auth.access import staff_required
from ..companies import services as company_services
from ..companies.forms import ImportForm
from ..companies.importer import import_companies
from ..core.ids import parse_id
from ..errors import apply_to_form
from ..uow import refusable
from ..web.helpers import safe_next
from ..web.undo import flash_undo
from . import services
from .forms import RejectForm

bp = Blueprint("admin", __name__, url_prefix="/staff")


@bp.route("/import", methods=["GET", "POST"])
@staff_required
def import_csv():
    form = ImportForm()
    report = None
    if form.validate_on_submit():
        upload = request.files.get("file")
        data = upload.read() if upload and upload.filename else (form.csv_text.data or "").encode()
        if not data.strip():
            form.csv_text.errors = [_("Choose a CSV file.")]
        else:
            confirm = request.form.get("action") == "confirm"
            skip = request.form.get("skip_invalid") == "1"
            report = import_companies(data, dry_run=not confirm, skip_invalid=skip)
            if report.written:
                flash(
                    _(
                        "Imported: %(c)d new, %(u)d updated, %(n)d unchanged.",
                        c=report.created,
                        u=report.updated,
                        n=report.unchanged,
                    ),
                    "success",
                )
                return redirect(url_for("admin.import_csv"))
            form.csv_text.data = data.decode("utf-8-sig", errors="replace")
    status = 422 if report is not None and report.errors else 200
    lang = str(get_locale() or "en")
    derived = {d.line: d.names(lang) for d in (report.derived if report is not None else [])}
    return render_template("admin/import.html", form=form, report=report, derived=derived), status


# the verification queue ---------------------------------------------------------------------------
def _back(value: str | None) -> str:
    """The queue with the staff's search and filters (only a path of the queue itself)."""
    queue = url_for("admin.verification")
    target = safe_next(value, queue)
    return target if target.split("?")[0] == queue else queue


def _queued_company(company_id: int):
    return company_services.get_company(company_id) or abort(404)


@bp.get("/verification")
@staff_required
def verification():
    status = request.args.get("status", services.WAITING)
    status = status if status in services.STATUSES else services.WAITING
    q, country = request.args.get("q", "")[:100], request.args.get("country", "")[:2]
    result = services.queue(q=q, country=country, status=status, page=request.args.get("page", 1))
    return render_template(
        "admin/verification.html",
        result=result,
        q=q,
        country=country,
        status=status,
        back=url_for("admin.verification", **request.args.to_dict()),
        waiting=services.waiting_count() if status != services.WAITING else result.total,
    )


@bp.post("/verification/verify")
@staff_required
def verify_many():
    """Verify the ticked firms (or the one whose own button was pressed); back to the queue."""
    back = _back(request.form.get("back"))
    only = parse_id(request.form.get("only"))
    ids = [only] if only else [parse_id(v) for v in request.form.getlist("company_ids")]
    with refusable() as outcome:
        done = services.verify_many(ids)
    if outcome.error is not None:
        flash(outcome.error.message, "error")
        return redirect(back)
    names = ", ".join(c.name for c in done)
    flash_undo(
        ngettext(
            "Verified %(num)d firm: %(names)s.", "Verified %(num)d firms: %(names)s.", len(done), names=names
        ),
        url_for("admin.unverify_many"),
        _("Undo"),
        {"company_ids": ",".join(str(c.id) for c in done), "back": back},
    )
    return redirect(back)


@bp.post("/verification/unverify")
@staff_required
def unverify_many():
    """The undo of :func:`verify_many`: the firms are back in the queue."""
    back = _back(request.form.get("back"))
    ids = [parse_id(v) for v in request.form.get("company_ids", "").split(",")]
    companies = [c for c in map(company_services.get_company, filter(None, ids)) if c is not None]
    for company in companies:
        company_services.set_verified(company, False)
    flash(_("Undone: the firms are back in the queue."), "success")
    return redirect(back)


@bp.route("/verification/<int:company_id>/reject", methods=["GET", "POST"])
@staff_required
def reject(company_id: int):
    company = _queued_company(company_id)
    form = RejectForm()
    if request.method == "GET":
        form.back.data = _back(request.args.get("back"))
    status = 200
    if form.validate_on_submit():
        with refusable() as outcome:
            services.reject(company, form.reason.data or "")
        if outcome.error is None:
            flash_undo(
                _("%(name)s was turned down; its members were told why.", name=company.name),
                url_for("admin.reopen", company_id=company.id),
                _("Undo"),
                {"back": _back(form.back.data)},
            )
            return redirect(_back(form.back.data))
        apply_to_form(form, outcome.error)
        status = outcome.error.status
    elif form.is_submitted():
        status = 422
    contact = services.queue_contact(company)
    return render_template(
        "admin/reject.html", form=form, company=company, contact=contact, back=_back(form.back.data)
    ), status


@bp.post("/verification/<int:company_id>/reopen")
@staff_required
def reopen(company_id: int):
    company = _queued_company(company_id)
    services.reopen(company)
    flash(_("%(name)s is back in the queue.", name=company.name), "success")
    return redirect(_back(request.form.get("back")))
