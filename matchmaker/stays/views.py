"""Stay pages for firms: my stays, book (or plan a visit around meetings and a brokerage day), one
stay, cancel, .ics. The staff pages are in ``staff_views.py`` (on the same blueprint)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..auth.access import login_required
from ..centers import services as centers
from ..errors import apply_to_form
from ..uow import refusable
from ..web.helpers import arg_id, day_arg, safe_next
from . import calendar, planning, services
from .forms import StayForm, StayReasonForm

bp = Blueprint("stays", __name__)
MAX_GRID_NIGHTS = 31


def stay_for(stay_id: int):
    """The stay if the current user may see it: 404 when there is none, 403 when it is not theirs."""
    stay = services.get_stay(stay_id)
    if not stay.can_view(current_user):
        abort(403)
    return stay


@bp.get("/stays")
@login_required
def index():
    company_id = current_user.active_company_id
    if company_id is None:
        return render_template("meetings/no_company.html")
    scope = "past" if request.args.get("scope") == "past" else "upcoming"
    return render_template(
        "stays/index.html",
        stays=services.for_company(company_id, scope),
        scope=scope,
        centers=centers.list_centers(),
    )


def _room_choices(center_id: int | None) -> list[tuple[int, str]]:
    out = []
    for c in centers.list_centers():
        if center_id and c.id != center_id:
            continue
        out += [
            (r.id, f"{c.city} · {r.name} ({ngettext('%(num)s bed', '%(num)s beds', r.capacity)})")
            for r in services.stay_rooms(c)
        ]
    return out


def _plan(form: StayForm, center) -> planning.Proposal | None:
    """Fill the dates from the firm's meetings and brokerage days around ``?meeting_id`` or ``?event_id``."""
    from ..events.services import get_event
    from ..meetings.services import get_meeting

    company_id = current_user.active_company_id
    anchor: date | None = None
    if arg_id("meeting_id"):
        meeting = get_meeting(arg_id("meeting_id"))
        if not meeting.involves(company_id):
            abort(403)
        center = meeting.room.center
        anchor = meeting.start_at.astimezone(ZoneInfo(center.timezone)).date()
    elif arg_id("event_id"):
        event = get_event(arg_id("event_id"))
        if not event.can_view(current_user):
            abort(404)
        center, anchor = event.center, event.day
    if anchor is None or company_id is None:
        return None
    proposal = planning.propose(company_id, center, anchor)
    if proposal is not None:
        form.check_in.data, form.check_out.data = proposal.check_in, proposal.check_out
    return proposal


def _grid(center, first: date | None, last: date | None):
    if center is None or first is None or last is None or not 0 < (last - first).days <= MAX_GRID_NIGHTS:
        return None
    return services.availability(center, first, last)


def _first_free_room(grid, guests: int) -> int | None:
    if not grid:
        return None
    free = [{r.id for r in n.free if r.capacity >= guests} for n in grid]
    common = set.intersection(*free)
    return min(common) if common else None


@bp.route("/stays/new", methods=["GET", "POST"])
@login_required
def new():
    staff = current_user.is_staff
    if current_user.active_company_id is None and not staff:
        return render_template("meetings/no_company.html"), 403
    form = StayForm()
    center = centers.get_center(arg_id("center_id")) if arg_id("center_id") else None
    proposal = None
    if request.method == "GET":
        proposal = _plan(form, center)
        if proposal is not None:
            center = proposal.center
        form.check_in.data = form.check_in.data or day_arg("check_in")
        form.check_out.data = form.check_out.data or day_arg("check_out")
        form.guests.data = arg_id("guests") or form.guests.data
    form.room_id.choices = _room_choices(center.id if center else None)
    firms = services.find_firms(request.args.get("firm", "")) if staff else []
    if request.method == "GET" and staff and arg_id("company_id"):
        form.company_id.data = str(arg_id("company_id"))
    grid = _grid(center, form.check_in.data, form.check_out.data)
    if request.method == "GET":
        form.room_id.data = arg_id("room_id") or _first_free_room(grid, form.guests.data or 1)
    status = 200
    firm_missing = (
        staff and not current_user.active_company_id and (form.company_id.data or "").strip() in ("", "0")
    )
    if request.method == "POST" and firm_missing:
        form.validate_on_submit()
        form.company_id.errors = [*form.company_id.errors, _("Choose a firm")]
        status = 422
    elif form.validate_on_submit():
        arrival = time.fromisoformat(form.arrival_time.data) if form.arrival_time.data else None
        with refusable() as outcome:
            firm_id = services.firm_number(form.company_id.data) if staff else None
            stay = services.request_stay(
                current_user,
                form.room_id.data,
                form.check_in.data,
                form.check_out.data,
                guests=form.guests.data,
                arrival_time=arrival,
                notes=form.notes.data or "",
                company_id=firm_id,
            )
        if outcome.error is None:
            if stay.status == services.StayStatus.REQUESTED:
                flash(_("Stay requested. The nights are held until the center confirms."), "success")
            else:
                flash(_("Stay booked."), "success")
            return redirect(url_for("stays.detail", stay_id=stay.id))
        status = outcome.error.status
        apply_to_form(form, outcome.error)
    elif request.method == "POST":
        status = 422
    return render_template(
        "stays/new.html",
        form=form,
        staff=staff,
        firms=firms,
        firm_query=request.args.get("firm", "")[:100],
        center=center,
        proposal=proposal,
        grid=grid,
        policies={c.id: services.policy_for(c) for c in centers.list_centers()},
        centers=centers.list_centers(),
    ), status


@bp.get("/stays/<int:stay_id>")
@login_required
def detail(stay_id: int):
    stay = stay_for(stay_id)
    return render_template(
        "stays/detail.html",
        s=stay,
        policy=services.policy_for(stay.room.center),
        reason_form=StayReasonForm(),
    )


@bp.post("/stays/<int:stay_id>/<any(cancel, confirm, decline):action>")
@login_required
def act(stay_id: int, action: str):
    stay = stay_for(stay_id)
    form = StayReasonForm()
    if not form.validate_on_submit():
        flash(" ".join(e for errs in form.errors.values() for e in errs), "error")
        return redirect(url_for("stays.detail", stay_id=stay.id))
    with refusable() as outcome:
        if action == "confirm":
            services.confirm(stay, current_user)
            msg = _("Stay confirmed.")
        elif action == "decline":
            services.decline(stay, current_user, form.reason.data or "")
            msg = _("Stay declined; the nights are free again.")
        else:
            services.cancel(stay, current_user, form.reason.data or "")
            msg = _("Stay cancelled; the nights are free again.")
    if outcome.error is not None:
        flash(outcome.error.message, "error")
        return redirect(url_for("stays.detail", stay_id=stay.id))
    flash(msg, "success")
    return redirect(safe_next(request.form.get("next"), url_for("stays.detail", stay_id=stay.id)))


@bp.get("/stays/<int:stay_id>.ics")
@login_required
def ics(stay_id: int):
    stay = stay_for(stay_id)
    return Response(
        calendar.single(stay, request.url_root),
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="stay-{stay.id}.ics"'},
    )


def today_local(center) -> date:
    return datetime.now(ZoneInfo(center.timezone)).date()


def grid_days(first: date, nights: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(nights)]


from . import staff_views  # noqa: E402,F401  (staff routes on this blueprint)
