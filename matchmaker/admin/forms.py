from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, TextAreaField

from ..forms import length, required
from .services import REASON_MAX


class RejectForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        validators=[required(), length(REASON_MAX)],
        description=_l("The firm's members read this in their notifications: say what to correct."),
    )
    back = HiddenField()
