from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, RadioField, SelectField, StringField
from wtforms.validators import EqualTo, InputRequired, ValidationError

from ..core import zones
from ..forms import email, length, optional, required
from ..timefmt import zone_name


def zone_choices(current: str | None = None) -> list[tuple[str, str]]:
    """The zones to choose from, by name ("Bakı vaxtı (UTC+4)"), with the account's own first
    when it is another one (a browser's zone, or UTC from before)."""
    names = list(zones.COMMON_ZONES)
    if current and current not in names and (zones.is_zone(current) or current == "UTC"):
        names.insert(0, current)
    return [(name, zone_name(name)) for name in names]


def _country_choices():
    return [("AZ", _l("Azerbaijan")), ("RU", _l("Russia"))]


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[required(), length(254)])
    password = PasswordField(_l("Password"), validators=[required(), length(200)])
    remember = BooleanField(_l("Keep me signed in"))


class RegisterForm(FlaskForm):
    full_name = StringField(_l("Your name"), validators=[required(), length(120)])
    email = EmailField(_l("E-mail"), validators=[required(), email(), length(254)])
    password = PasswordField(
        _l("Password"),
        validators=[required(), length(200, min=10)],
        description=_l("At least 10 characters."),
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[required(), EqualTo("password", message=_l("The passwords do not match."))],
    )
    firm_choice = RadioField(
        _l("Your firm"),
        choices=[("new", _l("Register a new firm")), ("join", _l("Join a firm already in the directory"))],
        default="new",
        validators=[required()],
    )
    company_name = StringField(_l("Firm name"), validators=[length(200)])
    country = SelectField(_l("Country"), choices=_country_choices(), validators=[optional()])
    city = StringField(_l("City"), validators=[optional(), length(100)])
    # the browser's zone (Intl API), filled by static/timezone.js; empty without JavaScript
    timezone = HiddenField(validators=[optional(), length(64)])
    consent = BooleanField(
        _l("I have read the privacy notice and agree that my data is kept as it describes."),
        validators=[InputRequired(message=_l("Registration needs your consent to the privacy notice."))],
    )

    def validate_company_name(self, field):
        if self.firm_choice.data == "new" and not (field.data or "").strip():
            raise ValidationError(_l("Give the name of your firm."))


class PasswordChangeForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), validators=[required(), length(200)])
    new_password = PasswordField(_l("New password"), validators=[required(), length(200, min=10)])
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[required(), EqualTo("new_password", message=_l("The passwords do not match."))],
    )


class PreferencesForm(FlaskForm):
    full_name = StringField(_l("Your name"), validators=[required(), length(120)])
    locale = SelectField(
        _l("Interface language"), choices=[("az", "Azərbaycanca"), ("ru", "Русский"), ("en", "English")]
    )
    timezone = SelectField(
        _l("Your time zone"),
        choices=zone_choices,
        description=_l("Times of meetings are also shown on your own clock."),
    )


class TokenForm(FlaskForm):
    name = StringField(_l("Token name"), validators=[required(), length(80)])


class ConfirmForm(FlaskForm):
    """A destructive action asks first: the box must be ticked."""

    confirm = BooleanField(_l("Yes, I am sure"), validators=[required()])


def _stripped(value):
    return value.strip(" \t") if isinstance(value, str) else value  # a line break stays: refused


class ForgotPasswordForm(FlaskForm):
    email = EmailField(_l("E-mail"), validators=[required(), email(), length(254)], filters=[_stripped])


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password"),
        validators=[required(), length(200, min=10)],
        description=_l("At least 10 characters."),
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[required(), EqualTo("password", message=_l("The passwords do not match."))],
    )


class EmailChangeForm(FlaskForm):
    email = EmailField(_l("New e-mail address"), validators=[required(), email(), length(254)])
    password = PasswordField(_l("Current password"), validators=[required(), length(200)])
