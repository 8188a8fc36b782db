"""Meeting pages: my meetings, request, answer, cancel, reschedule, day agenda, .ics and the
private calendar feed."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from ..auth.access import login_required
from ..auth.services import default_locale
from ..centers import services as centers
from ..companies.models import Company
from ..errors import DomainError, apply_to_form
from ..extensions import db
from ..stays import planning
from ..uow import refusable
from ..web.helpers import day_arg, parse_id
from . import booking_page, calendar, services, undo
from .describe import counterpart, describe
from .forms import MeetingRequestForm, ReasonForm, RescheduleForm

bp = Blueprint("meetings", __name__)


def _meeting_for(meeting_id: int, user):
    """The meeting if ``user`` may see it: 404 when there is none, 403 when it is not theirs."""
    meeting = services.get_meeting(meeting_id)
    if not meeting.can_view(user):
        abort(403)
    return meeting


@bp.get("/meetings")
@login_required
def index():
    company_id = current_user.active_company_id
    if company_id is None:
        return render_template("meetings/no_company.html")
    scope = "past" if request.args.get("scope") == "past" else "upcoming"
    meetings = services.for_company(company_id, scope)
    from ..stays.services import for_company as stays_of

    return render_template(
        "meetings/index.html",
        meetings=meetings,
        stays=[s for s in stays_of(company_id, scope) if s.is_live],
        scope=scope,
        company_id=company_id,
    )


def _room_choices(center_id: int | None = None, any_room: bool = True) -> list[tuple[int, str]]:
    choices = [(0, _("Any free room that fits"))] if any_room else []
    for c in centers.list_centers():
        if center_id and c.id != center_id:
            continue
        choices += [
            (r.id, f"{c.city} · {r.name} ({ngettext('%(num)s seat', '%(num)s seats', r.capacity)})")
            for r in c.rooms
            if r.can_be_booked
        ]
    return choices


def _map_fields(err: DomainError) -> DomainError:
    err.fields = {("duration" if k == "end" else k): v for k, v in err.fields.items()}
    return err


@bp.route("/meetings/new", methods=["GET", "POST"])
@login_required
def new():
    """Book in steps that show what is free: partner, center, room, day and duration, then a grid
    of free start times; choosing one opens the request form (see ``booking_page``)."""
    if current_user.active_company_id is None:
        return render_template("meetings/no_company.html"), 403
    own = db.session.get(Company, current_user.active_company_id)
    form = MeetingRequestForm()
    form.center_id.choices = [(c.id, c.name) for c in centers.list_centers()]
    form.room_id.choices = _room_choices()
    partner = booking_page.usable_partner(own, parse_id(request.values.get("partner_id", "")))
    status = 200
    if partner is None and request.values.get("partner_id"):
        form.partner_id.errors = [
            _("Choose a firm of the other country to meet (from your partner suggestions or the directory).")
        ]
        status = 422
    if request.method == "POST" and partner is not None and form.validate_on_submit():
        meeting, error = _request(form, partner)
        if error is None:
            flash(
                _(
                    "Meeting requested: %(meeting)s. The room is held until %(name)s answers.",
                    meeting=describe(meeting),
                    name=partner.name,
                ),
                "success",
            )
            return redirect(url_for("meetings.detail", meeting_id=meeting.id))
        status = error.status
        apply_to_form(form, _map_fields(error))
    elif request.method == "POST":
        status = 422
    booking = booking_page.read(own)
    if request.method == "GET" and booking.start is not None:
        form.attendees.data = form.attendees.data or 2
    return render_template("meetings/new.html", form=form, b=booking, partner=booking.partner), status


def _request(form, partner):
    """Send the request of a validated form: (meeting, None) or (None, the refusal)."""
    center = centers.get_center(form.center_id.data)
    room = centers.get_room(form.room_id.data) if form.room_id.data else None
    tz_name = (room.center if room else center).timezone if (room or center) else "UTC"
    start = services.parse_local(form.date.data, form.start.data, tz_name)
    end = start + timedelta(minutes=form.duration.data)
    with refusable() as outcome:
        meeting = services.request_meeting(
            current_user,
            partner.id,
            start,
            end,
            room_id=form.room_id.data or None,
            center_id=form.center_id.data,
            topic=form.topic.data or "",
            attendees=form.attendees.data,
            interpreter=form.interpreter.data,
        )
    return (meeting, None) if outcome.error is None else (None, outcome.error)


@bp.get("/meetings/<int:meeting_id>")
@login_required
def detail(meeting_id: int):
    meeting = _meeting_for(meeting_id, current_user)
    return render_template(
        "meetings/detail.html",
        m=meeting,
        reason_form=ReasonForm(),
        tz=meeting.room.center.timezone,
        undo=undo.undoable(meeting, current_user, _undo_state(meeting)),
    )


def _undo_state(meeting) -> str | None:
    """The state before this browser's member cancelled ``meeting`` (kept in the signed session)."""
    kept = session.get("undo_cancel") or {}
    mine = kept.get("id") == meeting.id and kept.get("user") == current_user.id
    return kept.get("was") if mine else None


@bp.post("/meetings/<int:meeting_id>/restore")
@login_required
def restore(meeting_id: int):
    """Undo a cancellation made a few minutes ago from this browser, when the time is still free."""
    meeting = _meeting_for(meeting_id, current_user)
    with refusable() as outcome:
        undo.restore(meeting, current_user, _undo_state(meeting) or "")
    if outcome.error is not None:
        flash(outcome.error.message, "error")
        return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    session.pop("undo_cancel", None)
    flash(_("Cancellation undone: %(meeting)s.", meeting=describe(meeting)), "success")
    return redirect(url_for("meetings.detail", meeting_id=meeting.id))


def _allowed(meeting, action: str) -> bool:
    if action in ("accept", "decline"):
        return meeting.can_answer(current_user)
    return meeting.can_cancel(current_user)


@bp.get("/meetings/<int:meeting_id>/<any(decline, cancel):action>")
@login_required
def confirm(meeting_id: int, action: str):
    """Ask before declining or cancelling, naming the meeting; works without JavaScript."""
    meeting = _meeting_for(meeting_id, current_user)
    if not _allowed(meeting, action):
        flash(_("This action is not possible in the meeting's current state."), "error")
        return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    return _confirm_page(meeting, action, ReasonForm())


def _confirm_page(meeting, action: str, form, status: int = 200):
    return render_template(
        "meetings/confirm.html",
        m=meeting,
        action=action,
        reason_form=form,
        tz=meeting.room.center.timezone,
        other=counterpart(meeting),
    ), status


@bp.post("/meetings/<int:meeting_id>/<any(accept, decline, cancel):action>")
@login_required
def act(meeting_id: int, action: str):
    meeting = _meeting_for(meeting_id, current_user)
    form = ReasonForm()
    if not form.validate_on_submit():
        if action != "accept" and _allowed(meeting, action):
            return _confirm_page(meeting, action, form, 422)
        flash(" ".join(e for errs in form.errors.values() for e in errs), "error")
        return redirect(url_for("meetings.detail", meeting_id=meeting.id))
    named = describe(meeting)
    with refusable() as outcome:
        if action == "accept":
            services.accept(meeting, current_user)
            msg = _("Meeting confirmed: %(meeting)s.", meeting=named)
        elif action == "decline":
            services.decline(meeting, current_user, form.reason.data or "")
            msg = _("Meeting request declined: %(meeting)s.", meeting=named)
        else:
            was = meeting.status.value
            services.cancel(meeting, current_user, form.reason.data or "")
            msg = _("Meeting cancelled: %(meeting)s.", meeting=named)
            if meeting.involves(current_user.active_company_id):
                session["undo_cancel"] = {"id": meeting.id, "was": was, "user": current_user.id}
    if outcome.error is not None:
        if action != "accept" and _allowed(meeting, action):
            apply_to_form(form, outcome.error)
            return _confirm_page(meeting, action, form, outcome.error.status)
        flash(outcome.error.message, "error")
        return render_template(
            "meetings/detail.html", m=meeting, reason_form=form, tz=meeting.room.center.timezone
        ), outcome.error.status
    flash(msg, "success")
    return redirect(url_for("meetings.detail", meeting_id=meeting.id))


@bp.route("/meetings/<int:meeting_id>/reschedule", methods=["GET", "POST"])
@login_required
def reschedule(meeting_id: int):
    meeting = _meeting_for(meeting_id, current_user)
    if not meeting.can_reschedule(current_user):
        abort(403 if not meeting.involves(current_user.active_company_id) else 409)
    tz_name = meeting.room.center.timezone
    form = RescheduleForm()
    form.room_id.choices = _room_choices(meeting.room.center_id, any_room=False)
    status = 200
    if form.validate_on_submit():
        start = services.parse_local(form.date.data, form.start.data, tz_name)
        with refusable() as outcome:
            services.reschedule(
                meeting,
                current_user,
                start,
                start + timedelta(minutes=form.duration.data),
                form.reason.data,
                room_id=form.room_id.data,
            )
        if outcome.error is None:
            flash(_("New time proposed; the other firm is asked to confirm."), "success")
            return redirect(url_for("meetings.detail", meeting_id=meeting.id))
        status = outcome.error.status
        apply_to_form(form, _map_fields(outcome.error))
    elif request.method == "POST":
        status = 422
    b = booking_page.read_move(meeting)
    return render_template("meetings/reschedule.html", form=form, m=meeting, tz=tz_name, b=b), status


@bp.get("/meetings/<int:meeting_id>.ics")
@login_required
def ics(meeting_id: int):
    meeting = _meeting_for(meeting_id, current_user)
    body = calendar.single(meeting, current_user.active_company_id, request.url_root)
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="meeting-{meeting.id}.ics"'},
    )


@bp.get("/meetings/agenda")
@login_required
def agenda():
    company_id = current_user.active_company_id
    if company_id is None:
        return render_template("meetings/no_company.html")
    tz_name = current_user.timezone or "Asia/Baku"
    day = day_arg(default=datetime.now(centers.zone_by_name(tz_name)).date())
    status = 200
    if day is None:
        flash(_("Enter the date as YYYY-MM-DD."), "error")
        day, status = datetime.now(centers.zone_by_name(tz_name)).date(), 422
    # the agenda covers the day in every center's zone: take the widest window
    meetings = sorted(
        {
            m.id: m
            for tz in ("Asia/Baku", "Europe/Astrakhan")
            for m in services.day_agenda(company_id, day, tz)
        }.values(),
        key=lambda m: m.start_at,
    )
    return render_template(
        "meetings/agenda.html",
        meetings=meetings,
        stays=planning.stays_on(company_id, day),
        day=day,
        company=db.session.get(Company, company_id),
    ), status


# private calendar feed --------------------------------------------------------------------------
@bp.get("/calendar/<token>.ics")
def feed(token: str):
    user = calendar.user_for_feed(token)
    if user is None or user.active_company_id is None:
        abort(404)
    body = calendar.feed(
        services.for_calendar(user.active_company_id),
        user.active_company_id,
        request.url_root,
        lang=user.locale or default_locale(user),
        stays=planning.for_calendar(user.active_company_id),
    )
    return Response(body, mimetype="text/calendar", headers={"Cache-Control": "private, max-age=300"})


@bp.post("/account/calendar-feed")
@login_required
def issue_feed():
    raw = calendar.issue_feed_token(current_user)
    flash(_("Your private calendar address was created; any older address stops working."), "success")
    from ..auth.views import _render_account  # the address is shown this once (only its hash is kept)

    return _render_account(new_feed_url=url_for("meetings.feed", token=raw, _external=True))


@bp.post("/account/calendar-feed/revoke")
@login_required
def revoke_feed():
    calendar.revoke_feed_token(current_user)
    flash(_("Your private calendar address no longer works."), "success")
    return redirect(url_for("auth.account") + "#calendar-feed")
