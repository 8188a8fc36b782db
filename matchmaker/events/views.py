"""Brokerage days for firms: the list, an event's page, registration, presence, participants with
match scores, meeting requests, the agenda (page, print, .ics) and feedback. Staff pages:
``staff_views.py`` (on the same blueprint). Each view commits once."""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import timefmt
from ..auth.access import login_required
from ..companies.services import get_company
from ..errors import apply_to_form
from ..forms import save_or_show
from ..uow import refusable
from ..web.errors import refusals_go_to
from ..web.helpers import arg_id, parse_id
from . import reports, scheduling, services
from .calendar import agenda_ics
from .forms import FeedbackForm, PresenceForm, RequestForm
from .models import RequestStatus

bp = Blueprint("events", __name__, url_prefix="/events")


# helpers ------------------------------------------------------------------------------------------
def load_event(event_id: int):
    """The event if the user may see it (drafts: its center's staff only), else 404."""
    event = services.get_event(event_id)
    if not event.can_view(current_user):
        abort(404)
    return event


def managed_event(event_id: int):
    event = load_event(event_id)
    if not event.can_manage(current_user):
        abort(403)
    return event


def my_registration(event):
    """The signed-in member's firm's registration, else 403."""
    reg = services.registration_of(event, current_user.active_company_id)
    if reg is None:
        abort(403)
    return reg


def slot_label(event, i: int) -> str:
    start, end = event.slot_times()[i]
    return f"{start:%H:%M}–{end:%H:%M}"


def zone_label(event) -> str:
    """``Bakı vaxtı (UTC+4)`` on the event's day, in the reader's language."""
    start = event.slot_times()[0][0] if event.slot_count else None
    return timefmt.zone_name(event.center.timezone, start)


@bp.app_context_processor
def _helpers():
    def is_registered(event) -> bool:
        return (
            current_user.is_authenticated
            and services.registration_of(event, current_user.active_company_id) is not None
        )

    return {
        "event_slot_label": slot_label,
        "event_zone_label": zone_label,
        "event_is_registered": is_registered,
    }


# pages --------------------------------------------------------------------------------------------
@bp.get("")
@login_required
def index():
    return render_template(
        "events/index.html",
        events=services.visible_events(current_user),
        can_create=bool(services.manageable_centers(current_user)),
    )


@bp.get("/<int:event_id>/about")
def about(event_id: int):
    """The public page of a brokerage day (no sign-in): what, where, when, who may join and how
    to register. Linked from the home page."""
    event = load_event(event_id)
    return render_template(
        "events/about.html",
        event=event,
        rooms=reports.event_rooms(event),
        deadline=services.local_deadline(event),
        registered=current_user.is_authenticated
        and services.registration_of(event, current_user.active_company_id) is not None,
    )


@bp.get("/<int:event_id>")
@login_required
def detail(event_id: int):
    event = load_event(event_id)
    reg = services.registration_of(event, current_user.active_company_id)
    counts = None
    if reg is not None:
        received, sent = services.requests_of(event, reg.company_id)
        counts = {
            "pending_in": sum(r.shown_status == RequestStatus.PENDING for r in received),
            "accepted": services.accepted_count(event, reg.company_id),
            "sent": len(sent),
        }
    return render_template(
        "events/detail.html",
        event=event,
        reg=reg,
        counts=counts,
        can_manage=event.can_manage(current_user),
        deadline=services.local_deadline(event),
    )


@bp.post("/<int:event_id>/register")
@login_required
@refusals_go_to("events.detail")
def register(event_id: int):
    event = load_event(event_id)
    services.register(event, current_user)
    flash(_("Your firm is registered. Tell us when you are present, then request meetings."), "success")
    return redirect(url_for("events.presence", event_id=event.id))


@bp.route("/<int:event_id>/presence", methods=["GET", "POST"])
@login_required
def presence(event_id: int):
    event = load_event(event_id)
    reg = my_registration(event)
    choices = [(i, slot_label(event, i)) for i in range(event.slot_count)]
    form = PresenceForm()
    for f in (form.first, form.last, form.slots):
        f.choices = choices
    if request.method == "GET":
        present = reg.present_slots
        if present is None:
            form.mode.data, form.first.data, form.last.data = "all", 0, event.slot_count - 1
        elif present == list(range(present[0], present[-1] + 1)):
            form.mode.data, form.first.data, form.last.data = "range", present[0], present[-1]
        else:
            form.mode.data, form.slots.data = "slots", present
    status = 200
    if form.validate_on_submit():
        err = save_or_show(form, lambda: services.set_presence(event, reg, form.chosen()))
        if err is not None:
            status = 409 if err.status == 409 else 422
        else:
            flash(_("Saved."), "success")
            return redirect(url_for("events.detail", event_id=event.id))
    elif form.is_submitted():
        status = 422
    return render_template("events/presence.html", event=event, form=form, reg=reg), status


@bp.get("/<int:event_id>/participants")
@login_required
def participants(event_id: int):
    event = load_event(event_id)
    reg = my_registration(event)
    page = min(arg_id("page") or 1, 100000)
    q = request.args.get("q", "")[:100]
    rows, total, page, pages = services.participants_for(event, reg.company_id, q=q, page=page)
    return render_template(
        "events/participants.html",
        event=event,
        rows=rows,
        total=total,
        page=page,
        pages=pages,
        q=q,
        form=RequestForm(),
        my_id=reg.company_id,
        open_for_requests=event.accepts_registrations,
    )


@bp.route("/<int:event_id>/requests", methods=["GET", "POST"])
@login_required
def requests_page(event_id: int):
    event = load_event(event_id)
    reg = my_registration(event)
    form = RequestForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            with refusable() as outcome:
                services.send_request(event, current_user, int(form.partner_id.data), form.note.data or "")
            if outcome.error is None:
                flash(_("Your request has been sent."), "success")
                return redirect(url_for("events.requests_page", event_id=event.id))
            apply_to_form(form, outcome.error)
            flash(outcome.error.message, "error")
            status = outcome.error.status
        else:
            status = 422
            for errors in form.errors.values():
                for e in errors:
                    flash(e, "error")
    received, sent = services.requests_of(event, reg.company_id)
    return render_template(
        "events/requests.html",
        event=event,
        received=received,
        sent=sent,
        form=form,
        accepted=services.accepted_count(event, reg.company_id),
    ), status


@bp.post("/<int:event_id>/requests/<int:request_id>/<any(accept,decline,withdraw):action>")
@login_required
@refusals_go_to("events.requests_page")
def answer(event_id: int, request_id: int, action: str):
    event = load_event(event_id)
    req = services.get_request(event, request_id)
    if action == "withdraw":
        services.withdraw_request(event, current_user, req)
    else:
        services.answer_request(event, current_user, req, accept=action == "accept")
    flash(
        {
            "accept": _("Accepted: the meeting will be on your agenda once the schedule is published."),
            "decline": _("Declined."),
            "withdraw": _("Request withdrawn."),
        }[action],
        "success",
    )
    return redirect(url_for("events.requests_page", event_id=event.id))


def _agenda_company(event):
    """Members: their own firm. The event's staff: any firm via ``?company=``."""
    company_id = request.args.get("company", "")
    if company_id and event.can_manage(current_user):
        company_id = parse_id(company_id)
        company = get_company(company_id) if company_id else None
        if company is None or services.registration_of(event, company.id) is None:
            abort(404)
        return company
    reg = my_registration(event)
    if not event.schedule_visible and not event.can_manage(current_user):
        return None
    return reg.company


@bp.get("/<int:event_id>/agenda")
@login_required
def agenda(event_id: int):
    event = load_event(event_id)
    company = _agenda_company(event)
    if company is None:
        return render_template("events/agenda.html", event=event, company=None, items=[], waiting=[]), 200
    items = reports.agenda(event, company.id)
    template = "events/agenda_print.html" if request.args.get("print") == "1" else "events/agenda.html"
    from ..stays.planning import stays_on

    return render_template(
        template,
        event=event,
        company=company,
        items=items,
        stays=[s for s in stays_on(company.id, event.day) if s.room.center_id == event.center_id],
        waiting=reports.unscheduled_of(event, company.id),
        feedback_open={i.meeting.id: scheduling.feedback_open(event, i.meeting) for i in items},
    )


@bp.get("/<int:event_id>/agenda.ics")
@login_required
def agenda_calendar(event_id: int):
    event = load_event(event_id)
    company = _agenda_company(event)
    if company is None:
        abort(404)
    body = agenda_ics(event, company.name, reports.agenda(event, company.id), request.url_root)
    return Response(
        body,
        mimetype="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="brokerage-day-{event.id}.ics"'},
    )


@bp.route("/<int:event_id>/meetings/<int:meeting_id>/feedback", methods=["GET", "POST"])
@login_required
def feedback(event_id: int, meeting_id: int):
    event = load_event(event_id)
    meeting = scheduling.get_meeting(event, meeting_id)
    company_id = current_user.active_company_id
    if company_id is None or company_id not in meeting.company_ids:
        abort(403)
    row = meeting.feedback_of(company_id)
    form = FeedbackForm()
    if request.method == "GET" and row is not None and row.took_place is not None:
        form.took_place.data = "yes" if row.took_place else "no"
        form.usefulness.data = str(row.usefulness) if row.usefulness else None
        form.follow_up.data = "yes" if row.follow_up else "no"
        form.comment.data = row.comment
    status = 200
    if form.validate_on_submit():
        err = save_or_show(
            form, lambda: scheduling.save_feedback(event, meeting, current_user, form.to_data())
        )
        if err is not None:
            status = err.status
        else:
            flash(_("Thank you for your feedback."), "success")
            return redirect(url_for("events.agenda", event_id=event.id))
    elif form.is_submitted():
        status = 422
    return render_template(
        "events/feedback.html",
        event=event,
        meeting=meeting,
        form=form,
        partner=meeting.other(company_id),
        is_open=scheduling.feedback_open(event, meeting),
    ), status


from . import staff_views  # noqa: E402,F401  (staff routes on this blueprint)
