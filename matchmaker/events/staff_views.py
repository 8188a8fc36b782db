"""Brokerage days for the center's staff: create and edit, open/publish/close, "schedule all", locks,
moves, cancellations, the hall's table plan, no-shows and statistics. Each view commits once."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import staff_required
from ..centers.services import get_center
from ..errors import apply_to_form
from ..forms import save_or_show
from ..uow import refusable
from ..web.errors import refusals_go_to
from ..web.helpers import arg_id
from ..web.undo import flash_undo
from . import reports, scheduling, services
from .forms import EventForm, MoveForm
from .models import EventStatus
from .views import bp, managed_event, slot_label


def _event_form(event=None) -> EventForm:
    form = EventForm(obj=None)
    centers = services.manageable_centers(current_user)
    form.center_id.choices = [(c.id, f"{c.name} ({c.city})") for c in centers]
    form.room_ids.choices = [(r.id, f"{r.name} · {r.capacity}") for r in services.rooms_of(centers)]
    if request.method == "GET" and event is not None:
        form.center_id.data = event.center_id
        form.fill_texts(event, "title", "description")
        form.day.data = event.day
        form.sessions.data = ", ".join(f"{a}-{b}" for a, b in event.sessions)
        form.slot_minutes.data, form.tables.data = event.slot_minutes, event.tables
        form.room_ids.data = list(event.room_ids or [])
        form.max_meetings.data = event.max_meetings
        form.request_deadline.data = services.local_deadline(event).replace(tzinfo=None)
    return form


def _save(form: EventForm, event=None):
    status = 200
    if form.validate_on_submit():
        center = get_center(form.center_id.data)
        if center is None or not current_user.can_manage_center(center.id):
            form.center_id.errors = [_("Choose a business center.")]
            return None, 422
        data = form.to_data(ZoneInfo(center.timezone))
        with refusable() as outcome:
            event = services.save_event(current_user, data, event)
        if outcome.error is not None:
            apply_to_form(form, outcome.error)
            return None, outcome.error.status
        flash(_("Saved."), "success")
        return redirect(url_for("events.detail", event_id=event.id)), 302
    if form.is_submitted():
        status = 422
    return None, status


@bp.route("/new", methods=["GET", "POST"])
@staff_required
def create():
    form = _event_form()
    if not form.center_id.choices:
        abort(403)
    response, status = _save(form)
    return response or (render_template("events/form.html", form=form, event=None), status)


@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
@staff_required
def edit(event_id: int):
    event = managed_event(event_id)
    if not event.settings_editable:
        flash(_("The schedule exists already; this brokerage day can no longer be edited."), "error")
        return redirect(url_for("events.detail", event_id=event.id))
    form = _event_form(event)
    response, status = _save(form, event)
    return response or (render_template("events/form.html", form=form, event=event), status)


@bp.post("/<int:event_id>/<any(open,publish,close):action>")
@staff_required
@refusals_go_to("events.detail")
def change_status(event_id: int, action: str):
    event = managed_event(event_id)
    before = str(event.status)
    services.change_status(event, action)
    _audit(event, {"status": before}, {"status": str(event.status)})
    flash(
        {
            "open": _("Registration is open."),
            "publish": _("The schedule is published; the firms were told."),
            "close": _("The brokerage day is closed; the firms can now give feedback."),
        }[action],
        "success",
    )
    return redirect(url_for("events.detail", event_id=event.id))


@bp.get("/<int:event_id>/firms")
@staff_required
def firms(event_id: int):
    event = managed_event(event_id)
    regs = services.registrations(event)
    counts = {r.company_id: services.accepted_count(event, r.company_id) for r in regs}
    return render_template("events/firms.html", event=event, regs=regs, counts=counts)


def _schedule_page(event, form, status=200, moving=None):
    return render_template(
        "events/schedule.html",
        event=event,
        grid=reports.schedule_grid(event),
        rooms=reports.table_rooms(event),
        waiting=reports.unscheduled(event),
        form=form,
        moving=moving,
        editable=event.schedule_editable,
    ), status


def _move_form(event) -> MoveForm:
    form = MoveForm()
    form.slot.choices = [(i, slot_label(event, i)) for i in range(event.slot_count)]
    return form


@bp.get("/<int:event_id>/schedule")
@staff_required
def schedule(event_id: int):
    event = managed_event(event_id)
    return _schedule_page(event, _move_form(event))


@bp.post("/<int:event_id>/schedule/run")
@staff_required
@refusals_go_to("events.schedule")
def run(event_id: int):
    event = managed_event(event_id)
    result = scheduling.run_schedule(event)
    _audit(
        event,
        {},
        {"scheduled": result.scheduled, "changed": result.changed, "unscheduled": result.unscheduled},
    )
    flash(
        _(
            "%(s)d of %(n)d meetings scheduled (%(l)d locked kept, %(c)d changed).",
            s=result.scheduled,
            n=result.meetings,
            l=result.locked,
            c=result.changed,
        ),
        "success",
    )
    if result.unscheduled:
        flash(
            _(
                "%(u)d meetings do not fit: the firms are not present at the same time or the day is full.",
                u=result.unscheduled,
            ),
            "info",
        )
    return redirect(url_for("events.schedule", event_id=event.id))


@bp.post("/<int:event_id>/meetings/<int:meeting_id>/<any(lock,unlock,cancel):action>")
@staff_required
@refusals_go_to("events.schedule")
def meeting_action(event_id: int, meeting_id: int, action: str):
    event = managed_event(event_id)
    meeting = scheduling.get_meeting(event, meeting_id)
    back = url_for("events.schedule", event_id=event.id)
    before = _placement(meeting)
    if action == "cancel":
        place, locked = (meeting.slot, meeting.table_no), meeting.locked
        was_placed = meeting.scheduled
        scheduling.cancel_meeting(event, meeting)
        _audit(event, before, _placement(meeting), meeting)
        names = {"a": meeting.az_company.name, "b": meeting.ru_company.name}
        text = (
            _("The meeting %(a)s – %(b)s is cancelled; both firms were told.", **names)
            if was_placed and event.status == EventStatus.PUBLISHED
            else _("The meeting %(a)s – %(b)s is cancelled.", **names)
        )
        fields = {"locked": "1" if locked else "0"}
        if place[0] is not None:
            fields.update(slot=str(place[0]), table_no=str(place[1]))
        flash_undo(
            text,
            url_for("events.restore", event_id=event.id, meeting_id=meeting.id),
            _("Undo"),
            fields,
        )
        return redirect(back + (f"#slot-{place[0]}" if place[0] is not None else ""))
    scheduling.set_locked(event, meeting, action == "lock")
    _audit(event, before, _placement(meeting), meeting)
    return redirect(back + f"#meeting-{meeting.id}")


@bp.get("/<int:event_id>/meetings/<int:meeting_id>/cancel")
@staff_required
def confirm_cancel(event_id: int, meeting_id: int):
    """Asked before a meeting leaves the schedule (works without JavaScript)."""
    event = managed_event(event_id)
    meeting = scheduling.get_meeting(event, meeting_id)
    names = {"a": meeting.az_company.name, "b": meeting.ru_company.name}
    published = event.status == EventStatus.PUBLISHED and meeting.scheduled
    when = (
        _("%(slot)s at table %(table)s", slot=slot_label(event, meeting.slot), table=meeting.table_no)
        if meeting.scheduled
        else _("not scheduled yet")
    )
    return render_template(
        "confirm.html",
        heading=_("Cancel the meeting %(a)s – %(b)s?", **names),
        consequence=_("The meeting (%(when)s) leaves the schedule and its place is freed.", when=when),
        extra=_("The schedule is published: both firms are told that their agendas changed.")
        if published
        else None,
        action=url_for("events.meeting_action", event_id=event.id, meeting_id=meeting.id, action="cancel"),
        fields={},
        confirm_label=_("Cancel the meeting"),
        cancel_url=url_for("events.schedule", event_id=event.id),
    )


@bp.post("/<int:event_id>/meetings/<int:meeting_id>/restore")
@staff_required
@refusals_go_to("events.schedule")
def restore(event_id: int, meeting_id: int):
    """The undo of a cancellation: back at its place if still free, else waiting to be scheduled."""
    event = managed_event(event_id)
    meeting = scheduling.get_meeting(event, meeting_id)
    raw_slot = request.form.get("slot", "")
    slot = int(raw_slot) if raw_slot.isascii() and raw_slot.isdigit() and len(raw_slot) < 5 else None
    table_no = arg_id("table_no", request.form)
    before = _placement(meeting)
    placed = scheduling.restore_meeting(
        event, meeting, slot, table_no, locked=request.form.get("locked") == "1"
    )
    _audit(event, before, _placement(meeting), meeting)
    flash(
        _("The meeting is back at its place.")
        if placed
        else _("The meeting is back, waiting to be scheduled (its place is taken)."),
        "success",
    )
    return redirect(url_for("events.schedule", event_id=event.id))


@bp.post("/<int:event_id>/meetings/<int:meeting_id>/move")
@staff_required
def move(event_id: int, meeting_id: int):
    event = managed_event(event_id)
    meeting = scheduling.get_meeting(event, meeting_id)
    form = _move_form(event)
    status = 422
    if form.validate_on_submit():
        before = _placement(meeting)
        err = save_or_show(
            form, lambda: scheduling.move_meeting(event, meeting, form.slot.data, form.table_no.data)
        )
        if err is not None:
            status = err.status
        else:
            _audit(event, before, _placement(meeting), meeting)
            flash(_("Meeting moved and locked."), "success")
            return redirect(url_for("events.schedule", event_id=event.id))
    for errors in form.errors.values():
        for e in errors:
            flash(e, "error")
    for e in form.form_errors:
        flash(e, "error")
    return _schedule_page(event, form, status, moving=meeting)


@bp.get("/<int:event_id>/plan")
@staff_required
def plan(event_id: int):
    event = managed_event(event_id)
    return render_template(
        "events/plan.html", event=event, plan=reports.table_plan(event), rooms=reports.table_rooms(event)
    )


@bp.post("/<int:event_id>/meetings/<int:meeting_id>/no-show")
@staff_required
@refusals_go_to("events.plan")
def no_show(event_id: int, meeting_id: int):
    event = managed_event(event_id)
    company_id = arg_id("company_id", request.form)
    if company_id is None:
        abort(400)
    meeting = scheduling.get_meeting(event, meeting_id)
    scheduling.mark_no_show(event, meeting, company_id, request.form.get("absent") == "1")
    return redirect(url_for("events.plan", event_id=event.id) + f"#slot-{meeting.slot}")


@bp.get("/<int:event_id>/stats")
@staff_required
def stats(event_id: int):
    event = managed_event(event_id)
    return render_template("events/stats.html", event=event, stats=reports.statistics(event))


def _placement(meeting) -> dict:
    return {
        "slot": meeting.slot,
        "table": meeting.table_no,
        "locked": meeting.locked,
        "status": str(meeting.status),
    }


def _audit(event, before: dict, after: dict, meeting=None) -> None:
    """A schedule change by the staff, in the audit log."""
    from ..accounts.audit import changed, record
    from ..accounts.models import AuditAction

    old, new = changed(before, after)
    record(
        current_user,
        AuditAction.SCHEDULE,
        "event_meeting" if meeting is not None else "event",
        meeting.id if meeting is not None else event.id,
        company_id=meeting.az_company_id if meeting is not None else None,
        summary=f"{event.id}: {event.title}",
        before=old,
        after=new,
    )


@bp.get("/<int:event_id>/export/<any(participants,tables,firms):kind>.<any(csv,xlsx):fmt>")
@staff_required
def export(event_id: int, kind: str, fmt: str):
    """Participants, the schedule by table or by firm, as CSV or XLSX (the XLSX has all three)."""
    from ..exports import download
    from .exports import KINDS

    event = managed_event(event_id)
    first = KINDS[kind](event)
    tables = [first] + ([KINDS[k](event) for k in KINDS if k != kind] if fmt == "xlsx" else [])
    return download(tables, fmt, f"brokerage-day-{event.id}-{kind}")


@bp.get("/<int:event_id>/agendas/print")
@staff_required
def agenda_pack(event_id: int):
    """Every registered firm's agenda, one printable page each (print to PDF from the browser)."""
    event = managed_event(event_id)
    pages = [
        (reg.company, reports.agenda(event, reg.company_id))
        for reg in sorted(services.registrations(event), key=lambda r: r.company.name.casefold())
    ]
    return render_template("events/agenda_pack.html", event=event, pages=pages)
