"""Office pages: the centers' business offices, a firm's rental requests, the staff's answers and
the occupancy of the offices by month."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import exports
from ..auth.access import login_required, staff_required
from ..centers import services as centers
from ..errors import apply_to_form
from ..uow import refusable
from ..web.helpers import day_arg
from . import reports, services
from .forms import AnswerForm, RentalForm

bp = Blueprint("offices", __name__)


@bp.get("/offices")
def index():
    today = datetime.now(UTC).date()
    rooms = services.offices()
    mine = []
    if current_user.is_authenticated and current_user.active_company_id:
        mine = services.for_company(current_user.active_company_id)
    return render_template(
        "offices/index.html",
        centers=centers.list_centers(),
        rooms=rooms,
        promised=services.promised_ahead(rooms, today),
        mine=mine,
    )


@bp.route("/offices/<int:room_id>/request", methods=["GET", "POST"])
@login_required
def new(room_id: int):
    room = centers.get_room(room_id)
    if room is None or room not in services.offices():
        abort(404)
    if current_user.active_company_id is None:
        return render_template("meetings/no_company.html"), 403
    form = RentalForm()
    status = 200
    if form.validate_on_submit():
        with refusable() as outcome:
            rental = services.request_rental(
                current_user,
                room.id,
                form.first_day.data,
                form.last_day.data,
                form.people.data,
                form.message.data or "",
            )
        if outcome.error is None:
            flash(_("Your request was sent to the center."), "success")
            return redirect(url_for("offices.detail", rental_id=rental.id))
        status = outcome.error.status
        apply_to_form(form, outcome.error)
    elif request.method == "POST":
        status = 422
    return render_template("offices/new.html", form=form, room=room), status


def _rental(rental_id: int):
    rental = services.get_rental(rental_id)
    if not rental.can_view(current_user):
        abort(403)
    return rental


@bp.get("/offices/rentals/<int:rental_id>")
@login_required
def detail(rental_id: int):
    return render_template("offices/detail.html", r=_rental(rental_id), form=AnswerForm())


@bp.post("/offices/rentals/<int:rental_id>/<any(offer, accept, decline, withdraw):action>")
@login_required
def act(rental_id: int, action: str):
    rental = _rental(rental_id)
    form = AnswerForm()
    status = 422
    if form.validate_on_submit():
        with refusable() as outcome:
            if action == "offer":
                services.offer(rental, current_user, form.terms.data or "")
            elif action == "accept":
                services.accept(rental, current_user)
            elif action == "decline":
                services.decline(rental, current_user, form.reason.data or "")
            else:
                services.withdraw(rental, current_user, form.reason.data or "")
        if outcome.error is None:
            flash(_("Saved: %(status)s.", status=rental.status.label), "success")
            return redirect(url_for("offices.detail", rental_id=rental.id))
        status = outcome.error.status
        apply_to_form(form, outcome.error)
    return render_template("offices/detail.html", r=rental, form=form), status


@bp.get("/staff/centers/<int:center_id>/offices.csv")
@staff_required
def staff_csv(center_id: int):
    center = centers.managed_center(center_id, current_user)
    return exports.download([reports.rentals_table(center)], "csv", f"offices-{center.slug}")


@bp.get("/staff/centers/<int:center_id>/offices")
@staff_required
def staff(center_id: int):
    center = centers.managed_center(center_id, current_user)
    first = day_arg("from", datetime.now(UTC).date()) or datetime.now(UTC).date()
    return render_template(
        "offices/staff.html",
        center=center,
        requests=services.for_center(center, open_only=True),
        months=services.months(first, 12),
        occupancy=services.occupancy(center, first, 12),
    )
