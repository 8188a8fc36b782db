"""Staff pages: CSV import with a preview, the verification queue."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from ..auth.access import staff_required
from ..companies import services as company_services
from ..companies.forms import ImportForm
from ..companies.importer import import_companies

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


@bp.get("/verification")
@staff_required
def verification():
    return render_template("admin/verification.html", companies=company_services.verification_queue())
