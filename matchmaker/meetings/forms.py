"""Meeting request, answer and reschedule forms: they validate input only."""

from __future__ import annotations

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import ValidationError

from ..forms import length, number_range, optional, required
from ..timefmt import duration

TIMES = [f"{h:02d}:{m:02d}" for h in range(7, 21) for m in (0, 15, 30, 45)]
# "30 dəqiqə", "30 минут", "30 minutes": CLDR's units in the reader's language
DURATIONS = [(n, LazyString(duration, n)) for n in (30, 45, 60, 90, 120)]


def plausible_year(form, field):
    if field.data and not 2000 <= field.data.year <= 2100:
        raise ValidationError(_l("Choose a date between 2000 and 2100."))


def _date_field(label):
    return DateField(
        label, validators=[required(), plausible_year], format="%Y-%m-%d", render_kw={"type": "date"}
    )


class SlotFields(FlaskForm):
    date = _date_field(_l("Date"))
    start = SelectField(
        _l("Start (the center's local time)"), choices=[(t, t) for t in TIMES], validators=[required()]
    )
    duration = SelectField(_l("Duration"), choices=DURATIONS, coerce=int, default=60)


class MeetingRequestForm(SlotFields):
    partner_id = HiddenField(validators=[required()])
    center_id = SelectField(_l("Business center"), coerce=int, validators=[required()])
    room_id = SelectField(
        _l("Room"),
        coerce=int,
        default=0,
        description=_l("Or let us pick any free room that fits your group."),
    )
    topic = StringField(_l("Topic"), validators=[optional(), length(200)])
    attendees = IntegerField(
        _l("Number of attendees"),
        default=2,
        validators=[required(), number_range(1, 500)],
        render_kw={"inputmode": "numeric"},
    )
    interpreter = BooleanField(_l("An interpreter is needed"))


class RescheduleForm(SlotFields):
    room_id = SelectField(_l("Room"), coerce=int, validators=[required()])
    reason = TextAreaField(_l("Reason"), validators=[required(), length(2000)])


class ReasonForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), validators=[optional(), length(2000)])


class AgendaForm(FlaskForm):
    class Meta:
        csrf = False

    date = DateField(_l("Date"), format="%Y-%m-%d", validators=[optional()])
