"""Shared form pieces: WTForms messages in our own catalog (WTForms ships none for az)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import validators


def required():
    return validators.InputRequired(message=_l("This field is required."))


def length(max: int, min: int = -1):
    if min > 0:
        return validators.Length(min=min, max=max, message=_l("Enter between %(min)d and %(max)d characters.", min=min, max=max))
    return validators.Length(max=max, message=_l("Enter at most %(max)d characters.", max=max))


def email():
    return validators.Email(message=_l("Enter a valid e-mail address."), check_deliverability=False)


def optional():
    return validators.Optional()


def url():
    return validators.URL(require_tld=True, message=_l("Enter a full web address, e.g. https://example.az."))


def number_range(min=None, max=None):
    return validators.NumberRange(min=min, max=max, message=_l("Enter a number from %(min)s to %(max)s.", min=min, max=max))

