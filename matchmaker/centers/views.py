"""Centers and rooms: public availability pages and the staff pages (rooms, hours, closures,
bookings, occupancy, CSV)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import timefmt
from ..auth.access import staff_required
from ..forms import save_or_show, submitted_and_saved
from ..web.helpers import day_arg
from . import reports, services
from .forms import CenterForm, ClosureForm, HoursForm, RoomForm

bp = Blueprint("centers", __name__)
MAX_REPORT_DAYS = 92


# template helpers: every time shown with its zone's name -------------------------------------------
@bp.app_template_filter("viewer_time")
def viewer_time(dt: datetime, tz_name: str) -> str:
    """The viewer's own clock ("10:00, Moskva vaxtı (UTC+3)") when their zone differs from the
    center's (else empty)."""
    own = getattr(current_user, "timezone", None) if current_user.is_authenticated else None
    if not dt or not own or own == tz_name:
        return ""
    return timefmt.time_label(dt, own)


@bp.app_template_filter("viewer_span")
def viewer_span(start: datetime, end: datetime, tz_name: str) -> str:
    """``09:00–10:00, Moskva vaxtı (UTC+3)`` in the viewer's zone, when it differs from the center's."""
    own = getattr(current_user, "timezone", None) if current_user.is_authenticated else None
    if not start or not own or own == tz_name:
        return ""
    return timefmt.span_label(start, end, own)


def _today(center) -> date:
    return datetime.now(services.zone(center)).date()


# public pages -----------------------------------------------------------------------------------
@bp.get("/centers")
def index():
    centers = services.list_centers()
    return render_template(
        "centers/index.html", centers=centers, hours={c.id: services.week_hours(c.id) for c in centers}
    )


@bp.get("/rooms/<int:room_id>")
def room(room_id: int):
    room = services.get_room(room_id)
    if room is None or not room.active:
        abort(404)
    day = day_arg(default=_today(room.center))
    if day is None:
        flash(_("Enter the date as YYYY-MM-DD."), "error")
        day = _today(room.center)
    view = request.args.get("view", "day")
    days = services.room_week(room, day) if view == "week" else [services.room_day(room, day)]
    return render_template(
        "centers/room.html",
        room=room,
        center=room.center,
        day=day,
        view=view,
        days=days,
        prev_day=day - timedelta(days=7 if view == "week" else 1),
        next_day=day + timedelta(days=7 if view == "week" else 1),
    )


# staff pages ------------------------------------------------------------------------------------
def _period(center) -> tuple[date, date] | None:
    first = day_arg("from", _today(center) - timedelta(days=_today(center).weekday()))
    last = day_arg("to", first + timedelta(days=6) if first else None)
    if first is None or last is None or last < first or (last - first).days >= MAX_REPORT_DAYS:
        return None
    return first, last


@bp.get("/staff/centers")
@staff_required
def staff_index():
    centers = [c for c in services.list_centers() if current_user.can_manage_center(c.id)]
    if len(centers) == 1:
        return redirect(url_for("centers.staff_center", center_id=centers[0].id))
    return render_template("centers/staff_index.html", centers=centers)


@bp.get("/staff/centers/<int:center_id>")
@staff_required
def staff_center(center_id: int):
    from ..meetings.services import for_center_day

    center = services.managed_center(center_id, current_user)
    day = day_arg(default=_today(center))
    status = 200
    if day is None:
        flash(_("Enter the date as YYYY-MM-DD."), "error")
        day, status = _today(center), 422
    return render_template(
        "centers/staff_center.html",
        center=center,
        day=day,
        meetings=for_center_day(center, day),
        rooms=center.rooms,
        closures=services.upcoming_closures(center, 20),
    ), status


@bp.route("/staff/centers/<int:center_id>/rooms/new", methods=["GET", "POST"])
@bp.route("/staff/rooms/<int:room_id>/edit", methods=["GET", "POST"])
@staff_required
def edit_room(center_id: int | None = None, room_id: int | None = None):
    room = None
    if room_id is not None:
        room = services.get_room(room_id)
        if room is None:
            abort(404)
        center_id = room.center_id
    center = services.managed_center(center_id, current_user)
    form = RoomForm(obj=room if request.method == "GET" else None)
    if request.method == "GET" and room is not None:
        form.fill(room)
    if submitted_and_saved(form, lambda: services.save_room(center, form.to_data(), room)):
        flash(_("Room saved."), "success")
        return redirect(url_for("centers.staff_center", center_id=center.id))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("centers/room_form.html", form=form, center=center, room=room), status


@bp.route("/staff/centers/<int:center_id>/edit", methods=["GET", "POST"])
@staff_required
def edit_center(center_id: int):
    center = services.managed_center(center_id, current_user)
    form = CenterForm()
    if request.method == "GET":
        form.fill_texts(center, *CenterForm.FIELDS)
    if submitted_and_saved(form, lambda: services.save_center(center, form.to_data())):
        flash(_("Saved."), "success")
        return redirect(url_for("centers.staff_center", center_id=center.id))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("centers/center_form.html", form=form, center=center), status


@bp.route("/staff/centers/<int:center_id>/hours", methods=["GET", "POST"])
@staff_required
def hours(center_id: int):
    center = services.managed_center(center_id, current_user)
    form = HoursForm()
    if request.method == "GET":
        for d, spans in services.week_hours(center.id).items():
            if spans:
                getattr(form, f"day{d}_opens").data, getattr(form, f"day{d}_closes").data = spans[0]
    if form.validate_on_submit():
        week: dict[int, tuple[time, time] | None] = {}
        for d in range(7):
            opens, closes = getattr(form, f"day{d}_opens").data, getattr(form, f"day{d}_closes").data
            if bool(opens) != bool(closes):
                getattr(form, f"day{d}_closes").errors = [_("Give both times, or neither for a closed day.")]
            week[d] = (opens, closes) if opens and closes else None
        if not form.errors and save_or_show(form, lambda: services.set_hours(center, week)) is None:
            flash(_("Opening hours saved."), "success")
            return redirect(url_for("centers.hours", center_id=center.id))
    status = 422 if form.errors or form.form_errors else 200
    return render_template("centers/hours.html", form=form, center=center), status


@bp.route("/staff/centers/<int:center_id>/closures", methods=["GET", "POST"])
@staff_required
def closures(center_id: int):
    center = services.managed_center(center_id, current_user)
    form = ClosureForm()
    form.room_id.choices = [(0, _("The whole center"))] + [(r.id, r.name) for r in center.rooms]
    conflicts = []
    if form.validate_on_submit():
        start, end = services.closure_window(
            center, form.start_date.data, form.start_time.data, form.end_date.data, form.end_time.data
        )
        room = services.get_room(form.room_id.data) if form.room_id.data else None
        if end <= start:
            form.end_date.errors = [_("The end must be after the start.")]
        else:
            conflicts = services.overlapping_meetings(center, start, end, room)
            if conflicts and not (form.confirm.data or form.cancel_meetings.data):
                form.form_errors.append(
                    _(
                        "%(n)s meetings overlap this closure. Confirm to create it anyway, "
                        "or cancel those meetings.",
                        n=len(conflicts),
                    )
                )
            elif not save_or_show(form, lambda: _close(center, form, start, end, room)):
                flash(_("Closure saved."), "success")
                return redirect(url_for("centers.closures", center_id=center.id))
    status = 409 if conflicts and form.form_errors else (422 if form.errors or form.form_errors else 200)
    return render_template(
        "centers/closures.html",
        form=form,
        center=center,
        conflicts=conflicts,
        closures=services.upcoming_closures(center),
    ), status


def _close(center, form, start, end, room):
    reason = form.texts_of("reason")
    services.close(center, start, end, form.kind.data, reason, room, current_user, form.cancel_meetings.data)


@bp.post("/staff/closures/<int:closure_id>/delete")
@staff_required
def delete_closure(closure_id: int):
    closure = services.get_closure(closure_id)
    if closure is None:
        abort(404)
    center = services.managed_center(closure.center_id, current_user)
    services.remove_closure(closure)
    flash(_("Closure removed."), "success")
    return redirect(url_for("centers.closures", center_id=center.id))


@bp.get("/staff/centers/<int:center_id>/occupancy")
@staff_required
def occupancy(center_id: int):
    center = services.managed_center(center_id, current_user)
    period = _period(center)
    if period is None:
        flash(_("Choose a period of at most %(n)s days (dates as YYYY-MM-DD).", n=MAX_REPORT_DAYS), "error")
        return render_template("centers/occupancy.html", center=center, rows=[], first=None, last=None), 422
    rows = reports.occupancy(center, *period)
    return render_template(
        "centers/occupancy.html", center=center, rows=rows, first=period[0], last=period[1]
    )


@bp.get("/staff/centers/<int:center_id>/bookings.csv")
@staff_required
def bookings_csv(center_id: int):
    center = services.managed_center(center_id, current_user)
    period = _period(center)
    if period is None:
        abort(
            400,
            description=_("Choose a period of at most %(n)s days (dates as YYYY-MM-DD).", n=MAX_REPORT_DAYS),
        )
    body = reports.bookings_csv(center, *period)
    name = f"bookings-{center.slug}-{period[0]:%Y%m%d}-{period[1]:%Y%m%d}.csv"
    return Response(
        "\ufeff" + body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/staff/centers/<int:center_id>/export/<month>/<any(bookings,occupancy):kind>.<any(csv,xlsx):fmt>")
@staff_required
def export_month(center_id: int, month: str, kind: str, fmt: str):
    """A month's bookings or occupancy as CSV, or both as XLSX sheets."""
    from ..exports import download
    from . import exports

    center = services.managed_center(center_id, current_user)
    bounds = exports.month_bounds(month)
    if bounds is None:
        abort(404)
    makers = {"bookings": exports.bookings, "occupancy": exports.occupancy}
    tables = [makers[kind](center, *bounds)]
    if fmt == "xlsx":
        tables += [maker(center, *bounds) for name, maker in makers.items() if name != kind]
    return download(tables, fmt, f"{center.slug}-{month}-{kind}")


@bp.app_context_processor
def _month_helper():
    def center_month(center) -> str:
        """This month in the center's own zone, as ``YYYY-MM``."""
        from datetime import datetime

        return datetime.now(services.zone(center)).strftime("%Y-%m")

    return {"center_month": center_month}
