from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, RadioField

from ..forms import length, required
from .privacy import FirmFate


def fate_choices():
    return [
        (FirmFate.KEEP.value, _l("The firm stays listed in the directory, without me.")),
        (FirmFate.HIDE.value, _l("The firm is hidden: nobody finds it, its records stay.")),
        (
            FirmFate.DELETE.value,
            _l("The firm is deleted: its meetings are cancelled and the partners are told."),
        ),
    ]


class DeleteAccountForm(FlaskForm):
    password = PasswordField(_l("Your password"), validators=[required(), length(200)])
    # asked of a firm's last member only (the view drops it otherwise)
    firm_fate = RadioField(_l("What happens to your firm"), choices=fate_choices(), validate_choice=False)
