from babel import Locale
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import IntegerField, SelectField, SelectMultipleField, StringField, TextAreaField, widgets
from wtforms.validators import ValidationError

from ..core.phones import to_e164
from ..core.profiles import LANGUAGE_CODES, MAX_WEBSITE_LEN
from ..forms import email, length, optional, required


def language_choices() -> list[tuple[str, str]]:
    """Every language the CSV import and the API accept (core.profiles.LANGUAGE_CODES), named by
    Babel in the reader's language; the site's three first, then by name."""
    locale = get_locale() or Locale("en")
    names = locale.languages
    first = ("az", "ru", "en")
    rest = sorted((c for c in LANGUAGE_CODES if c not in first), key=lambda c: (names.get(c) or c).casefold())
    return [(c, (names.get(c) or c)) for c in (*first, *rest)]


def _phone_check(form, field) -> None:
    """A real Azerbaijani or Russian number (phonenumbers), read in the firm's country; kept in E.164."""
    raw = (field.data or "").strip()
    if not raw:
        field.data = ""
        return
    number = to_e164(raw, form.country.data)
    if number is None:
        raise ValidationError(
            _l("Enter an Azerbaijani (+994) or Russian (+7) phone number, e.g. +994 50 123 45 67.")
        )
    field.data = number


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class CompanyForm(FlaskForm):
    name = StringField(_l("Firm name"), validators=[required(), length(200)])
    country = SelectField(_l("Country"), choices=[("AZ", _l("Azerbaijan")), ("RU", _l("Russia"))])
    city = StringField(_l("City"), validators=[optional(), length(100)])
    sectors = SelectMultipleField(
        _l("Sectors (NACE Rev. 2)"),
        choices=[],
        validate_choice=False,
        description=_l("Choose one or more activities."),
    )
    offers = TextAreaField(
        _l("What you offer"),
        validators=[optional(), length(4000)],
        description=_l("One product or service a line, in any language."),
    )
    needs = TextAreaField(
        _l("What you are looking for"),
        validators=[optional(), length(4000)],
        description=_l("One product or service a line, in any language."),
    )
    languages = MultiCheckboxField(_l("Working languages"), choices=language_choices, validate_choice=True)
    website = StringField(_l("Website"), validators=[optional(), length(MAX_WEBSITE_LEN)])
    email = StringField(_l("E-mail"), validators=[optional(), length(254), email()])
    phone = StringField(
        _l("Phone"),
        validators=[length(40), _phone_check],
        description=_l("With the country code, or as written in the firm's country."),
    )
    description = TextAreaField(_l("About the firm"), validators=[optional(), length(4000)])
    size_band = SelectField(
        _l("Size"),
        choices=[
            ("", _l("Not given")),
            ("micro", _l("Micro (under 10 people)")),
            ("small", _l("Small (10–49)")),
            ("medium", _l("Medium (50–249)")),
            ("large", _l("Large (250 and more)")),
        ],
        validate_choice=True,
    )
    year_founded = IntegerField(
        _l("Year founded"), validators=[optional()], render_kw={"inputmode": "numeric"}
    )

    def to_data(self) -> dict:
        lines = lambda text: [x.strip() for x in (text or "").replace(";", "\n").splitlines() if x.strip()]  # noqa: E731
        return {
            "name": self.name.data,
            "country": self.country.data,
            "city": self.city.data,
            "sectors": self.sectors.data or [],
            "offers": lines(self.offers.data),
            "needs": lines(self.needs.data),
            "languages": self.languages.data or [],
            "website": self.website.data,
            "email": self.email.data,
            "phone": self.phone.data,
            "description": self.description.data,
            "size_band": self.size_band.data or None,
            "year_founded": self.year_founded.data,
        }


class ImportForm(FlaskForm):
    csv_text = TextAreaField(validators=[optional()])
