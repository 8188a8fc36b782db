"""Texts that people write in three languages: a center's name, a room's description, a holiday.

Each translatable field ``f`` of a model is three nullable columns, ``f_az``, ``f_ru``, ``f_en``
(an empty text is stored as NULL: "not given in that language"). ``Translated("f")`` on the model
reads the field in the reader's language with a fallback (:data:`FALLBACK`), so templates and code
keep writing ``center.name``; ``texts(obj, "f")`` gives all three for forms and the API, and
``set_texts(obj, "f", values)`` writes them. Why columns and not a JSON ``{lang: text}`` column:
docs/i18n.md.

The reader's language is Flask-Babel's current locale: the request's (``?lang=``, cookie, account,
browser) or one forced with ``flask_babel.force_locale`` (a calendar feed read without a session
uses its owner's), and the default (English) outside a request.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import get_locale

LANGS = ("az", "ru", "en")
# Whom to ask when the reader's own language is missing. Azerbaijani managers read Russian, the
# other language of this platform, more often than English; Russian readers get English before
# Azerbaijani; English readers get the Latin-script Azerbaijani before Cyrillic.
FALLBACK = {"az": ("az", "ru", "en"), "ru": ("ru", "en", "az"), "en": ("en", "az", "ru")}
LANGUAGE_NAMES = {"az": "Azərbaycanca", "ru": "Русский", "en": "English"}  # each in its own language


def reader_lang() -> str:
    """The language people read this in: ``az``, ``ru`` or ``en``."""
    locale = get_locale()
    lang = locale.language if locale is not None else "en"
    return lang if lang in LANGS else "en"


def clean(value: Any) -> str | None:
    """A text as stored: stripped, and ``None`` for nothing."""
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def pick(values: Mapping[str, str | None], lang: str | None = None) -> str:
    """The text in ``lang`` (default: the reader's), else the next one in the fallback order;
    ``""`` when no language has it."""
    for candidate in FALLBACK.get(lang or reader_lang(), LANGS):
        text = values.get(candidate)
        if text:
            return text
    return ""


def as_texts(value: Any) -> dict[str, str | None]:
    """``{"az", "ru", "en"}`` from a mapping of texts, or from one text (taken as Azerbaijani, the
    language the staff forms require)."""
    if isinstance(value, Mapping):
        return {lang: clean(value.get(lang)) for lang in LANGS}
    return {"az": clean(value), "ru": None, "en": None}


def texts(obj: Any, field: str) -> dict[str, str | None]:
    """``{"az": …, "ru": …, "en": …}`` of ``obj``'s field (``None`` where not given)."""
    return {lang: getattr(obj, f"{field}_{lang}") for lang in LANGS}


def set_texts(obj: Any, field: str, values: Mapping[str, Any]) -> None:
    """Write the field's three texts; a language missing from ``values`` is left as it is."""
    for lang in LANGS:
        if lang in values:
            setattr(obj, f"{field}_{lang}", clean(values[lang]))


class Translated:
    """A read-only attribute: the field in the reader's language (see :func:`pick`).

    ``Room.name`` on the class is this descriptor, not a column: queries use ``Room.name_az`` etc.
    """

    def __init__(self, field: str | None = None) -> None:
        self.field = field

    def __set_name__(self, owner: type, name: str) -> None:
        self.field = self.field or name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        return pick(texts(obj, self.field or ""))

    def __set__(self, obj: Any, value: Any) -> None:
        """``room.name = {"az": …, "ru": …, "en": …}`` (also in constructors); never one bare text."""
        if not isinstance(value, Mapping):
            raise TypeError(f"{self.field} has a text per language: give {{'az': …, 'ru': …, 'en': …}}")
        set_texts(obj, self.field or "", value)


class Multilingual:
    """Mixin for models with :class:`Translated` fields: ``obj.texts("name")``, ``obj.tr("name", "ru")``."""

    def texts(self, field: str) -> dict[str, str | None]:
        return texts(self, field)

    def tr(self, field: str, lang: str | None = None) -> str:
        return pick(texts(self, field), lang)
