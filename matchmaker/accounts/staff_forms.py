from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, IntegerField, PasswordField, SelectField, StringField
from wtforms.validators import EqualTo, InputRequired

from ..auth.models import Role
from ..forms import email, length, optional, required


class AccountForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[required(), email(), length(254)])
    full_name = StringField(_l("Full name"), validators=[required(), length(120)])
    role = SelectField(_l("Role"), choices=Role.choices)
    center_id = SelectField(_l("Business center"), coerce=int, choices=[], validate_choice=False)
    company_id = IntegerField(
        _l("Firm number (members)"),
        validators=[optional()],
        description=_l("The number in the firm's address, /companies/<number>."),
    )
    locale = SelectField(
        _l("Language of the letters"), choices=[("az", "Azərbaycanca"), ("ru", "Русский"), ("en", "English")]
    )


class InviteForm(FlaskForm):
    email = EmailField(_l("Contact person's e-mail"), validators=[required(), email(), length(254)])
    full_name = StringField(_l("Contact person's name"), validators=[optional(), length(120)])


class ClaimForm(FlaskForm):
    full_name = StringField(_l("Your name"), validators=[required(), length(120)])
    password = PasswordField(
        _l("Password"),
        validators=[required(), length(200, min=10)],
        description=_l("At least 10 characters."),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[required(), EqualTo("password", message=_l("The passwords do not match."))],
    )
    consent = BooleanField(
        _l("I have read the privacy notice and agree that my data is kept as it describes."),
        validators=[InputRequired(message=_l("Registration needs your consent to the privacy notice."))],
    )
