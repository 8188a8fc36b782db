"""Shared form pieces: WTForms messages in our own catalog (WTForms ships none for az)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import validators


def required():
    return validators.InputRequired(message=_l("This field is required."))


def length(max: int, min: int = -1):
    if min > 0:
        return validators.Length(
            min=min, max=max, message=_l("Enter between %(min)d and %(max)d characters.", min=min, max=max)
        )
    return validators.Length(max=max, message=_l("Enter at most %(max)d characters.", max=max))


def email():
    return validators.Email(message=_l("Enter a valid e-mail address."), check_deliverability=False)


def optional():
    return validators.Optional()


def url():
    return validators.URL(require_tld=True, message=_l("Enter a full web address, e.g. https://example.az."))


def number_range(min=None, max=None):
    return validators.NumberRange(
        min=min, max=max, message=_l("Enter a number from %(min)s to %(max)s.", min=min, max=max)
    )


def save_or_show(form, action):
    """Run one service call for a submitted form (see :func:`matchmaker.uow.attempt`): ``None``
    when it went through; else the refusal, already shown on the form's fields (the view answers
    4xx with the form, and the request rolls back). 403/404 refusals answer as such."""
    from .errors import apply_to_form
    from .uow import attempt

    err = attempt(action)
    if err is not None:
        apply_to_form(form, err)
    return err


def submitted_and_saved(form, action) -> bool:
    """The form was posted, is valid, and ``action`` went through (see :func:`save_or_show`);
    otherwise the form carries its errors."""
    return form.validate_on_submit() and save_or_show(form, action) is None
