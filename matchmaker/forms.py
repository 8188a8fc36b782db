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
    """Run one service call for a submitted form: commit when it succeeds (returns ``None``); on a
    :class:`~matchmaker.errors.DomainError` roll back, put the error on the form's fields and
    return it (for its status). The request's single commit lives here."""
    from .errors import DomainError, apply_to_form
    from .extensions import db

    try:
        action()
    except DomainError as err:
        db.session.rollback()
        apply_to_form(form, err)
        return err
    db.session.commit()
    return None
