"""Brokerage-day forms: they validate input only (permissions and rules live in the services)."""

from __future__ import annotations

import re
from datetime import datetime, time

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    ValidationError,
)

from ..core.ids import parse_id
from ..forms import MultiCheckboxField, TextsMixin, add_texts, length, number_range, optional, required
from ..timefmt import duration

SESSION_RE = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*[-–—]\s*(\d{1,2})[:.](\d{2})\s*$")


def parse_sessions(text: str) -> list[tuple[time, time]]:
    """``10:00-13:00, 14:30-17:30`` (commas, semicolons or lines) -> sorted non-overlapping pairs."""
    out = []
    for part in re.split(r"[,;\n]+", text or ""):
        if not part.strip():
            continue
        m = SESSION_RE.match(part)
        if not m:
            raise ValueError(str(_l("Write sessions like 10:00-13:00, 14:30-17:30.")))
        h1, m1, h2, m2 = map(int, m.groups())
        if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
            raise ValueError(str(_l("%(value)s is not a time of day.", value=part.strip())))
        start, end = time(h1, m1), time(h2, m2)
        if end <= start:
            raise ValueError(str(_l("A session must end after it starts: %(value)s.", value=part.strip())))
        out.append((start, end))
    if not out:
        raise ValueError(str(_l("Give at least one session.")))
    out.sort()
    for (_s1, e1), (s2, _e2) in zip(out, out[1:], strict=False):
        if s2 < e1:
            raise ValueError(str(_l("Sessions must not overlap.")))
    return out


class EventForm(TextsMixin, FlaskForm):
    center_id = SelectField(_l("Business center"), coerce=int, validators=[required()])
    day = DateField(_l("Date"), format="%Y-%m-%d", validators=[required()], render_kw={"type": "date"})
    sessions = StringField(
        _l("Sessions (the center's local time)"),
        default="10:00-13:00, 14:30-17:30",
        validators=[required(), length(200)],
        description=_l("For example 10:00-13:00, 14:30-17:30."),
    )
    slot_minutes = SelectField(
        _l("Meeting length"),
        coerce=int,
        default=20,
        choices=[(n, LazyString(duration, n)) for n in (15, 20, 30)],
    )
    tables = IntegerField(
        _l("Tables"),
        validators=[optional(), number_range(1, 1000)],
        description=_l("Leave empty to count the tables of the chosen rooms (one per four seats)."),
        render_kw={"inputmode": "numeric"},
    )
    room_ids = MultiCheckboxField(_l("Rooms"), coerce=int, choices=[])
    max_meetings = IntegerField(
        _l("Most meetings per firm"),
        default=8,
        validators=[required(), number_range(1, 100)],
        render_kw={"inputmode": "numeric"},
    )
    request_deadline = DateTimeLocalField(
        _l("Request deadline (the center's local time)"),
        format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"],
        validators=[required()],
    )

    def validate_day(self, field):
        if field.data is not None and not 2000 <= field.data.year <= 2100:
            raise ValidationError(str(_l("Choose a date between 2000 and 2100.")))

    def validate_request_deadline(self, field):
        if field.data is not None and not 2000 <= field.data.year <= 2100:
            raise ValidationError(str(_l("Choose a date between 2000 and 2100.")))

    def validate_sessions(self, field):
        try:
            self.parsed_sessions = parse_sessions(field.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None

    def to_data(self, zone) -> dict:
        deadline: datetime = self.request_deadline.data
        return {
            "center_id": self.center_id.data,
            "title": self.texts_of("title"),
            "description": self.texts_of("description"),
            "day": self.day.data,
            "sessions": self.parsed_sessions,
            "slot_minutes": self.slot_minutes.data,
            "tables": self.tables.data,
            "room_ids": list(self.room_ids.data or []),
            "max_meetings": self.max_meetings.data,
            "request_deadline": deadline.replace(tzinfo=zone),
        }


add_texts(EventForm, "title", _l("Title"), 200)
add_texts(EventForm, "description", _l("Description"), 4000, required_az=False, area=True)


class PresenceForm(FlaskForm):
    mode = RadioField(
        _l("When are you present?"),
        default="all",
        validators=[required()],
        choices=[
            ("all", _l("The whole day")),
            ("range", _l("From one slot to another")),
            ("slots", _l("Only in the slots ticked below")),
        ],
    )
    first = SelectField(_l("Arrive for"), coerce=int, choices=[], validate_choice=False)
    last = SelectField(_l("Leave after"), coerce=int, choices=[], validate_choice=False)
    slots = MultiCheckboxField(_l("Slots"), coerce=int, choices=[], validate_choice=False)

    def validate_last(self, field):
        if self.mode.data == "range" and (
            self.first.data is None or field.data is None or field.data < self.first.data
        ):
            raise ValidationError(str(_l("Leave after your arrival.")))

    def validate_slots(self, field):
        if self.mode.data == "slots" and not field.data:
            raise ValidationError(str(_l("Choose at least one slot.")))

    def chosen(self) -> list[int] | None:
        if self.mode.data == "range":
            return list(range(self.first.data, self.last.data + 1))
        if self.mode.data == "slots":
            return list(self.slots.data)
        return None


class RequestForm(FlaskForm):
    partner_id = HiddenField(validators=[required()])
    note = TextAreaField(
        _l("Note to the firm"),
        validators=[optional(), length(1000)],
        description=_l("What would you like to discuss?"),
    )

    def validate_partner_id(self, field):
        if parse_id((field.data or "").strip()) is None:
            raise ValidationError(str(_l("Choose a firm.")))


class MoveForm(FlaskForm):
    slot = SelectField(_l("Slot"), coerce=int, choices=[], validate_choice=False, validators=[required()])
    table_no = IntegerField(
        _l("Table"), validators=[required(), number_range(1, 1000)], render_kw={"inputmode": "numeric"}
    )


class NoShowForm(FlaskForm):
    company_id = IntegerField(validators=[required()])
    absent = BooleanField()


class FeedbackForm(FlaskForm):
    took_place = RadioField(
        _l("Did the meeting take place?"),
        validators=[required()],
        choices=[("yes", _l("Yes")), ("no", _l("No"))],
    )
    usefulness = RadioField(
        _l("How useful was it? (1 = not at all, 5 = very)"),
        validate_choice=False,
        choices=[(str(i), str(i)) for i in range(1, 6)],
    )
    follow_up = RadioField(
        _l("Is a follow-up planned?"), validators=[required()], choices=[("yes", _l("Yes")), ("no", _l("No"))]
    )
    comment = TextAreaField(_l("Comment"), validators=[optional(), length(2000)])

    def validate_usefulness(self, field):
        if self.took_place.data == "yes" and field.data not in ("1", "2", "3", "4", "5"):
            raise ValidationError(str(_l("Rate the meeting from 1 to 5.")))

    def to_data(self) -> dict:
        took = self.took_place.data == "yes"
        return {
            "took_place": took,
            "usefulness": int(self.usefulness.data) if took else None,
            "follow_up": self.follow_up.data == "yes",
            "comment": self.comment.data,
        }
