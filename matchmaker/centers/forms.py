"""Staff forms for centers, rooms, hours and closures: they validate input only. Names, addresses,
descriptions and reasons have one input per language (Azerbaijani required, the others optional)."""

from __future__ import annotations

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, TimeField
from wtforms.validators import ValidationError

from ..forms import MultiCheckboxField, TextsMixin, add_texts, number_range, optional, required
from ..timefmt import weekday_name
from .models import ClosureKind, Equipment, RoomKind


def plausible_year(form, field):
    if field.data and not 2000 <= field.data.year <= 2100:
        raise ValidationError(_l("Choose a date between 2000 and 2100."))


class CenterForm(TextsMixin, FlaskForm):
    FIELDS = ("name", "city", "address", "description")

    def to_data(self) -> dict:
        return {field: self.texts_of(field) for field in self.FIELDS}


add_texts(CenterForm, "name", _l("Name"), 200)
add_texts(CenterForm, "city", _l("City"), 100)
add_texts(CenterForm, "address", _l("Address"), 300, required_az=False)
add_texts(CenterForm, "description", _l("Description"), 4000, required_az=False, area=True)


class RoomForm(TextsMixin, FlaskForm):
    kind = SelectField(_l("Kind"), choices=RoomKind.choices)
    floor = IntegerField(_l("Floor"), validators=[optional(), number_range(-5, 200)])
    capacity = IntegerField(_l("Seats"), validators=[required(), number_range(1, 2000)])
    equipment = MultiCheckboxField(_l("Equipment"), choices=Equipment.choices)
    bookable = BooleanField(_l("Bookable for meetings"), default=True)
    active = BooleanField(_l("In use"), default=True)

    def fill(self, room) -> None:
        self.fill_texts(room, "name", "description")
        self.equipment.data = list(room.equipment or [])

    def to_data(self) -> dict:
        return {
            "names": self.texts_of("name"),
            "descriptions": self.texts_of("description"),
            "kind": self.kind.data,
            "floor": self.floor.data,
            "capacity": self.capacity.data,
            "equipment": list(self.equipment.data or []),
            "bookable": self.bookable.data,
            "active": self.active.data,
        }


add_texts(RoomForm, "name", _l("Name"), 120)
add_texts(RoomForm, "description", _l("Description"), 2000, required_az=False, area=True)


def _hours_form():
    attrs = {}
    for d in range(7):
        attrs[f"day{d}_opens"] = TimeField(
            LazyString(weekday_name, d), validators=[optional()], format="%H:%M"
        )
        attrs[f"day{d}_closes"] = TimeField(_l("closes"), validators=[optional()], format="%H:%M")
    return type("HoursForm", (FlaskForm,), attrs)


HoursForm = _hours_form()


class ClosureForm(TextsMixin, FlaskForm):
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
    kind = SelectField(_l("Kind"), choices=ClosureKind.choices, default=ClosureKind.BLOCK.value)
    confirm = BooleanField(_l("Create it even though meetings overlap"))
    cancel_meetings = BooleanField(_l("Cancel the overlapping meetings (both firms are told)"))


add_texts(ClosureForm, "reason", _l("Reason"), 200)
