"""Staff forms for rooms, hours and closures: they validate input only."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, TimeField
from wtforms.validators import ValidationError

from ..forms import length, number_range, optional, required

KIND_LABELS = {
    "meeting_room": _l("Meeting room"),
    "conference": _l("Conference room"),
    "exhibition_hall": _l("Exhibition hall"),
    "office": _l("Business office"),
    "hotel_room": _l("Mini-hotel room"),
}
CLOSURE_LABELS = {
    "holiday": _l("Public holiday"),
    "maintenance": _l("Maintenance"),
    "block": _l("Room block"),
}
WEEKDAYS = [
    _l("Monday"),
    _l("Tuesday"),
    _l("Wednesday"),
    _l("Thursday"),
    _l("Friday"),
    _l("Saturday"),
    _l("Sunday"),
]


def plausible_year(form, field):
    if field.data and not 2000 <= field.data.year <= 2100:
        raise ValidationError(_l("Choose a date between 2000 and 2100."))


class RoomForm(FlaskForm):
    name = StringField(_l("Name"), validators=[required(), length(120)])
    kind = SelectField(_l("Kind"), choices=list(KIND_LABELS.items()))
    floor = IntegerField(_l("Floor"), validators=[optional(), number_range(-5, 200)])
    capacity = IntegerField(_l("Seats"), validators=[required(), number_range(1, 2000)])
    equipment = StringField(
        _l("Equipment"),
        validators=[optional(), length(500)],
        description=_l("Comma-separated, e.g. screen, video conferencing, Wi-Fi."),
    )
    bookable = BooleanField(_l("Bookable for meetings"), default=True)
    active = BooleanField(_l("In use"), default=True)

    def to_data(self) -> dict:
        return {
            "name": self.name.data,
            "kind": self.kind.data,
            "floor": self.floor.data,
            "capacity": self.capacity.data,
            "equipment": (self.equipment.data or "").split(","),
            "bookable": self.bookable.data,
            "active": self.active.data,
        }


def _hours_form():
    attrs = {}
    for d in range(7):
        attrs[f"day{d}_opens"] = TimeField(WEEKDAYS[d], validators=[optional()], format="%H:%M")
        attrs[f"day{d}_closes"] = TimeField(_l("closes"), validators=[optional()], format="%H:%M")
    return type("HoursForm", (FlaskForm,), attrs)


HoursForm = _hours_form()


class ClosureForm(FlaskForm):
    room_id = SelectField(_l("Room"), coerce=int, default=0)
    start_date = DateField(
        _l("From (date)"), validators=[required(), plausible_year], render_kw={"type": "date"}
    )
    start_time = TimeField(_l("From (time)"), validators=[optional()], format="%H:%M")
    end_date = DateField(
        _l("Until (date)"), validators=[required(), plausible_year], render_kw={"type": "date"}
    )
    end_time = TimeField(
        _l("Until (time)"), validators=[optional()], format="%H:%M", description=_l("Empty: the whole day.")
    )
    kind = SelectField(_l("Kind"), choices=list(CLOSURE_LABELS.items()), default="block")
    reason = StringField(_l("Reason"), validators=[required(), length(200)])
    confirm = BooleanField(_l("Create it even though meetings overlap"))
    cancel_meetings = BooleanField(_l("Cancel the overlapping meetings (both firms are told)"))
