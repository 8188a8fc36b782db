"""Shared form pieces: WTForms messages in our own catalog (WTForms ships none for az)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, StringField, TextAreaField, validators, widgets

from .i18n import LANGS, texts


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


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as a list of checkboxes."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


# the label of each language's input inside a field's fieldset ("Name": in Azerbaijani, …)
LANGUAGE_LABELS = {"az": _l("in Azerbaijani"), "ru": _l("in Russian"), "en": _l("in English")}


def add_texts(
    form_cls, field: str, label, max_length: int | None = None, required_az: bool = True, area=False
):
    """Give ``form_cls`` one input per language for ``field``: ``<field>_az`` (required when
    ``required_az``), ``<field>_ru`` and ``<field>_en`` (optional: pages in those languages fall back
    to another one). ``label`` heads the three inputs (``templates/_macros.html`` ``texts``)."""
    for lang in LANGS:
        checks = [required() if required_az and lang == "az" else optional()]
        if max_length:
            checks.append(length(max_length))
        kind = TextAreaField if area else StringField
        render_kw = {"lang": lang, **({"rows": 3} if area else {})}
        setattr(
            form_cls, f"{field}_{lang}", kind(LANGUAGE_LABELS[lang], validators=checks, render_kw=render_kw)
        )
    form_cls.text_legends = {**getattr(form_cls, "text_legends", {}), field: label}


class TextsMixin:
    """For forms built with :func:`add_texts`: read and fill a field's three inputs."""

    def texts_of(self, field: str) -> dict[str, str | None]:
        return {lang: self[f"{field}_{lang}"].data for lang in LANGS}

    def fill_texts(self, obj, *fields: str) -> None:
        for field in fields:
            for lang, value in texts(obj, field).items():
                self[f"{field}_{lang}"].data = value or ""
