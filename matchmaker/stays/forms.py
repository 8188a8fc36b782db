"""The stay request form and the staff's reason form: they validate input only."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TextAreaField

from ..forms import length, number_range, optional, required
from ..meetings.forms import plausible_year

ARRIVALS = [f"{h:02d}:{m:02d}" for h in range(0, 24) for m in (0, 30)]


def _date_field(label, description=None):
    return DateField(
        label,
        validators=[required(), plausible_year],
        format="%Y-%m-%d",
        render_kw={"type": "date"},
        description=description,
    )


class StayForm(FlaskForm):
    #: the firm's number (staff): the page's firm search fills it, any firm of the directory is allowed
    company_id = StringField(
        _l("Firm"), description=_l("The firm's number: search the firm by name below the form.")
    )
    room_id = SelectField(_l("Room"), coerce=int, validators=[required()])
    check_in = _date_field(_l("Check-in date"))
    check_out = _date_field(
        _l("Check-out date"), _l("The day you leave: the nights are up to the day before.")
    )
    guests = IntegerField(
        _l("Guests"),
        default=1,
        validators=[required(), number_range(1, 50)],
        render_kw={"inputmode": "numeric"},
    )
    arrival_time = SelectField(
        _l("Expected arrival (the center's local time)"),
        choices=[("", "—")] + [(t, t) for t in ARRIVALS],
        default="",
        validators=[optional()],
    )
    notes = TextAreaField(_l("Notes for the center"), validators=[optional(), length(2000)])


class StayReasonForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[optional(), length(2000)])


HOURS = [f"{h:02d}:{m:02d}" for h in range(0, 24) for m in (0, 30)]


class PolicyForm(FlaskForm):
    check_in_from = SelectField(_l("Check-in from"), choices=[(t, t) for t in HOURS], validators=[required()])
    check_out_until = SelectField(
        _l("Check-out until"), choices=[(t, t) for t in HOURS], validators=[required()]
    )
    min_nights = IntegerField(_l("Shortest stay (nights)"), validators=[required(), number_range(1, 60)])
    max_nights = IntegerField(_l("Longest stay (nights)"), validators=[required(), number_range(1, 366)])
    needs_confirmation = BooleanField(_l("The staff confirm each request"))
