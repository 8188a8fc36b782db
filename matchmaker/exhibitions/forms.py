"""Exhibition forms: they validate input only."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, TextAreaField

from ..forms import TextsMixin, add_texts, length, number_range, optional, required
from ..meetings.forms import plausible_year


def _date_field(label):
    return DateField(
        label, validators=[required(), plausible_year], format="%Y-%m-%d", render_kw={"type": "date"}
    )


class ExhibitionForm(TextsMixin, FlaskForm):
    center_id = SelectField(_l("Business center"), coerce=int, validators=[required()])
    first_day = _date_field(_l("First day"))
    last_day = _date_field(_l("Last day"))
    plan = TextAreaField(
        _l("Stand plan"),
        validators=[required(), length(20000)],
        description=_l('One stand a line: its code, width and depth in metres, e.g. "A1 3x2".'),
        render_kw={"rows": 8},
    )


add_texts(ExhibitionForm, "title", _l("Title"), max_length=200)


class StandRequestForm(FlaskForm):
    area_m2 = IntegerField(
        _l("Stand area wanted (m²)"), default=9, validators=[required(), number_range(1, 500)]
    )
    note = TextAreaField(_l("What you will show"), validators=[optional(), length(2000)])


class AllocateForm(FlaskForm):
    stand_id = SelectField(_l("Stand"), coerce=int, validators=[required()])
    reason = TextAreaField(_l("Reason"), validators=[optional(), length(2000)])
