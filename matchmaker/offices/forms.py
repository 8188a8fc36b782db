"""Office rental forms: they validate input only."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, TextAreaField

from ..forms import length, number_range, optional, required
from ..meetings.forms import plausible_year


def _date_field(label):
    return DateField(
        label, validators=[required(), plausible_year], format="%Y-%m-%d", render_kw={"type": "date"}
    )


class RentalForm(FlaskForm):
    first_day = _date_field(_l("From"))
    last_day = _date_field(_l("Until (inclusive)"))
    people = IntegerField(
        _l("People working there"),
        default=1,
        validators=[required(), number_range(1, 500)],
        render_kw={"inputmode": "numeric"},
    )
    message = TextAreaField(_l("Message to the center"), validators=[optional(), length(2000)])


class AnswerForm(FlaskForm):
    terms = TextAreaField(
        _l("Terms of the offer"),
        validators=[optional(), length(2000)],
        description=_l("Price, deposit, what is included."),
    )
    reason = TextAreaField(_l("Reason"), validators=[optional(), length(2000)])
