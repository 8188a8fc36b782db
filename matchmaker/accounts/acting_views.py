"""The staff's page for acting on a firm's behalf (on the accounts blueprint)."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import IntegerField, SelectField, StringField

from ..auth.access import staff_required
from ..centers import services as centers
from ..companies.services import get_company
from ..errors import NotFound, apply_to_form
from ..events import services as event_services
from ..events.models import Event
from ..extensions import db
from ..forms import length, optional, required
from ..meetings.forms import SlotFields
from ..meetings.services import get_meeting
from ..uow import refusable
from ..web.helpers import arg_id
from . import acting
from .views import bp


class ActMeetingForm(SlotFields):
    partner_id = IntegerField(_l("Partner firm number"), validators=[required()])
    room_id = SelectField(_l("Room"), coerce=int, validators=[required()])
    topic = StringField(_l("Topic"), validators=[optional(), length(200)])


def _rooms():
    return [
        r
        for c in centers.list_centers()
        if current_user.can_manage_center(c.id)
        for r in centers.bookable_rooms(c)
    ]


def _page(company, form=None, status=200):
    form = form or ActMeetingForm(formdata=None)
    form.room_id.choices = [(r.id, f"{r.name} · {r.center.name}") for r in _rooms()]
    events = [
        e
        for e in db.session.scalars(db.select(Event).order_by(Event.day))
        if e.can_manage(current_user) and e.accepts_registrations
    ]
    return render_template(
        "accounts/act.html", company=company, form=form, events=events, waiting=acting.waiting_for(company)
    ), status


def _firm(company_id: int):
    return get_company(company_id) or abort(404)


@bp.get("/staff/companies/<int:company_id>/act")
@staff_required
def act(company_id: int):
    return _page(_firm(company_id))


def _done(company, outcome, message):
    if outcome.error is not None:
        flash(outcome.error.message, "error")
        return _page(company, status=outcome.error.status)
    flash(message, "success")
    return redirect(url_for("accounts.act", company_id=company.id))


@bp.post("/staff/companies/<int:company_id>/act/register")
@staff_required
def act_register(company_id: int):
    company = _firm(company_id)
    event = event_services.get_event(arg_id("event_id", request.form))
    if not event.can_view(current_user):
        raise NotFound(str(_l("No such brokerage day.")))
    with refusable() as outcome:
        acting.register_for_event(current_user, company, event)
    return _done(company, outcome, _("%(firm)s is registered for the brokerage day.", firm=company.name))


@bp.post("/staff/companies/<int:company_id>/act/meeting")
@staff_required
def act_meeting(company_id: int):
    from ..meetings.services import parse_local

    company = _firm(company_id)
    form = ActMeetingForm()
    form.room_id.choices = [(r.id, r.name) for r in _rooms()]
    if not form.validate_on_submit():
        return _page(company, form, 422)
    room = centers.get_room(form.room_id.data)
    if room is None:
        abort(404)
    start = parse_local(form.date.data, form.start.data, room.center.timezone)
    with refusable() as outcome:
        acting.request_meeting(
            current_user,
            company,
            form.partner_id.data,
            room,
            start,
            start + timedelta(minutes=form.duration.data),
            topic=form.topic.data or "",
        )
    if outcome.error is not None:
        apply_to_form(form, outcome.error)
        return _page(company, form, outcome.error.status)
    flash(_("The meeting is requested for %(firm)s.", firm=company.name), "success")
    return redirect(url_for("accounts.act", company_id=company.id))


@bp.post("/staff/companies/<int:company_id>/act/meetings/<int:meeting_id>/<any(accept,decline):answer>")
@staff_required
def act_answer_meeting(company_id: int, meeting_id: int, answer: str):
    company = _firm(company_id)
    meeting = get_meeting(meeting_id)
    with refusable() as outcome:
        acting.answer_meeting(current_user, company, meeting, answer == "accept")
    return _done(company, outcome, _("The answer is given for %(firm)s.", firm=company.name))


@bp.post("/staff/companies/<int:company_id>/act/requests/<int:request_id>/<any(accept,decline):answer>")
@staff_required
def act_answer_request(company_id: int, request_id: int, answer: str):
    company = _firm(company_id)
    req = event_services.request_by_id(request_id)
    with refusable() as outcome:
        acting.answer_event_request(current_user, company, req.event, req, answer == "accept")
    return _done(company, outcome, _("The answer is given for %(firm)s.", firm=company.name))
