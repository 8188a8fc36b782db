"""Exhibition pages: the coming exhibitions, one with its stand plan (a firm requests a stand; the
staff allocate), and the staff's form to define one."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import login_required, staff_required
from ..errors import apply_to_form
from ..uow import refusable
from . import services
from .forms import AllocateForm, ExhibitionForm, StandRequestForm

bp = Blueprint("exhibitions", __name__)


@bp.get("/exhibitions")
def index():
    return render_template("exhibitions/index.html", exhibitions=services.upcoming())


def _page(exhibition, form=None, allocate_form=None, status=200):
    own = (
        services.request_of(exhibition, current_user.active_company_id)
        if current_user.is_authenticated
        else None
    )
    manage = exhibition.can_manage(current_user)
    allocate_form = allocate_form or AllocateForm()
    taken = services.allocated(exhibition)
    allocate_form.stand_id.choices = [
        (s.id, _("%(code)s: %(w)s × %(d)s m", code=s.code, w=f"{s.width_m:g}", d=f"{s.depth_m:g}"))
        for s in exhibition.stands
        if s.id not in taken
    ]
    return render_template(
        "exhibitions/detail.html",
        e=exhibition,
        taken=taken,
        own=own,
        manage=manage,
        requests=services.requests_for(exhibition) if manage else [],
        form=form or StandRequestForm(),
        allocate_form=allocate_form,
    ), status


@bp.get("/exhibitions/<int:exhibition_id>")
def detail(exhibition_id: int):
    return _page(services.get_exhibition(exhibition_id))


@bp.post("/exhibitions/<int:exhibition_id>/request")
@login_required
def request_stand(exhibition_id: int):
    exhibition = services.get_exhibition(exhibition_id)
    form = StandRequestForm()
    if not form.validate_on_submit():
        return _page(exhibition, form=form, status=422)
    with refusable() as outcome:
        services.request_stand(current_user, exhibition, form.area_m2.data, form.note.data or "")
    if outcome.error is not None:
        apply_to_form(form, outcome.error)
        return _page(exhibition, form=form, status=outcome.error.status)
    flash(_("Your stand request was sent to the center."), "success")
    return redirect(url_for("exhibitions.detail", exhibition_id=exhibition.id))


@bp.post("/exhibitions/requests/<int:request_id>/<any(allocate, decline, withdraw):action>")
@login_required
def act(request_id: int, action: str):
    req = services.get_request(request_id)
    exhibition = req.exhibition
    form = AllocateForm()
    form.stand_id.choices = [(s.id, s.code) for s in exhibition.stands]
    if action == "allocate" and not form.validate_on_submit():
        return _page(exhibition, allocate_form=form, status=422)
    with refusable() as outcome:
        if action == "allocate":
            services.allocate(req, current_user, form.stand_id.data)
        elif action == "decline":
            services.decline(req, current_user, request.form.get("reason", "")[:2000])
        else:
            services.withdraw(req, current_user)
    if outcome.error is not None:
        flash(outcome.error.message, "error")
        apply_to_form(form, outcome.error)
        return _page(exhibition, allocate_form=form, status=outcome.error.status)
    flash(_("Saved: %(status)s.", status=req.status.label), "success")
    return redirect(url_for("exhibitions.detail", exhibition_id=exhibition.id))


@bp.route("/exhibitions/new", methods=["GET", "POST"])
@staff_required
def new():
    form = ExhibitionForm()
    form.center_id.choices = [(c.id, c.name) for c in services.managed_centers(current_user)]
    if not form.center_id.choices:
        abort(403)
    status = 200
    if form.validate_on_submit():
        with refusable() as outcome:
            exhibition = services.create_exhibition(
                current_user,
                form.center_id.data,
                form.texts_of("title"),
                form.first_day.data,
                form.last_day.data,
                form.plan.data,
            )
        if outcome.error is None:
            flash(_("Exhibition saved."), "success")
            return redirect(url_for("exhibitions.detail", exhibition_id=exhibition.id))
        status = outcome.error.status
        apply_to_form(form, outcome.error)
    elif request.method == "POST":
        status = 422
    return render_template("exhibitions/new.html", form=form), status
