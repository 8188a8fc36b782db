"""Staff pages of a center's stays: requests to confirm, arrivals and departures of the day, occupancy
by night, CSV and XLSX exports."""

from __future__ import annotations

from datetime import time, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import exports
from ..auth.access import staff_required
from ..centers import services as centers
from ..errors import apply_to_form
from ..uow import refusable
from ..web.helpers import day_arg
from . import reports, services
from .forms import PolicyForm, StayReasonForm
from .views import bp, grid_days, today_local

GRID_NIGHTS = 14
MAX_EXPORT_NIGHTS = 92


@bp.get("/staff/centers/<int:center_id>/stays")
@staff_required
def staff_stays(center_id: int):
    center = centers.managed_center(center_id, current_user)
    day = day_arg(default=today_local(center))
    status = 200
    if day is None:
        flash(_("Enter the date as YYYY-MM-DD."), "error")
        day, status = today_local(center), 422
    arrivals, departures = reports.arrivals_departures(center, day)
    return render_template(
        "stays/staff.html",
        center=center,
        day=day,
        policy=services.policy_for(center),
        awaiting=services.awaiting(center),
        arrivals=arrivals,
        departures=departures,
        nights=grid_days(day, GRID_NIGHTS),
        occupancy=reports.occupancy(center, day, day + timedelta(days=GRID_NIGHTS)),
        reason_form=StayReasonForm(),
    ), status


def _period(center):
    first = day_arg("from", today_local(center))
    last = day_arg("to", first + timedelta(days=31) if first else None)
    if first is None or last is None or not 0 < (last - first).days <= MAX_EXPORT_NIGHTS:
        abort(422)
    return first, last


@bp.get("/staff/centers/<int:center_id>/stays.<any(csv, xlsx):fmt>")
@staff_required
def staff_export(center_id: int, fmt: str):
    """Stays meeting [from, to) (default: 31 nights from today), as CSV or XLSX."""
    center = centers.managed_center(center_id, current_user)
    first, last = _period(center)
    name = f"stays-{center.slug}-{first.isoformat()}-{last.isoformat()}"
    return exports.download(reports.tables(center, first, last), fmt, name)


@bp.route("/staff/centers/<int:center_id>/stays/rules", methods=["GET", "POST"])
@staff_required
def staff_rules(center_id: int):
    center = centers.managed_center(center_id, current_user)
    policy = services.policy_for(center)
    form = PolicyForm()
    if request.method == "GET":
        form.check_in_from.data = policy.check_in_from.strftime("%H:%M")
        form.check_out_until.data = policy.check_out_until.strftime("%H:%M")
        form.min_nights.data, form.max_nights.data = policy.min_nights, policy.max_nights
        form.needs_confirmation.data = policy.needs_confirmation
    status = 200
    if form.validate_on_submit():
        with refusable() as outcome:
            services.save_policy(
                current_user,
                center,
                time.fromisoformat(form.check_in_from.data),
                time.fromisoformat(form.check_out_until.data),
                form.min_nights.data,
                form.max_nights.data,
                form.needs_confirmation.data,
            )
        if outcome.error is None:
            flash(_("The stay rules are saved."), "success")
            return redirect(url_for("stays.staff_stays", center_id=center.id))
        status = outcome.error.status
        apply_to_form(form, outcome.error)
    elif request.method == "POST":
        status = 422
    return render_template("stays/rules.html", form=form, center=center), status
