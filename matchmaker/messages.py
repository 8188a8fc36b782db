"""Message ids that reach gettext only at run time, listed here so ``pybabel extract`` sees them.

``matchmaker.core`` is pure Python and must not import Flask-Babel, so its English messages are plain
constants (``matchmaker.core.profiles.M_*``) that the web layer translates later, e.g.
``_(p.message, **p.params)`` in ``companies.services`` and ``companies.importer``. pybabel cannot see
through a variable, so every such id is repeated here, literally, inside ``N_()``: a no-op marker
that is one of the extraction keywords (``make extract-messages`` passes ``-k N_``).

When you add a constant that is translated dynamically, add it here too; ``tests/test_i18n.py``
checks that every ``M_*`` constant of ``core.profiles`` is listed and translated.
This module is never needed at run time.
"""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it (it is translated where it is shown)."""
    return message


# matchmaker.core.profiles: validation of company records (forms, CSV import, JSON API).
PROFILE_MESSAGES = (
    N_("This field is required."),
    N_("Enter at most %(max)d characters."),
    N_("Country must be AZ or RU."),
    N_("Unknown NACE Rev. 2 class: %(code)s."),
    N_("Enter a valid e-mail address."),
    N_("Enter a full web address starting with http:// or https://."),
    N_("Unknown language code: %(code)s (use ISO 639-1, e.g. az, ru, en)."),
    N_("At most %(max)d items."),
    N_("Each item at most %(max)d characters."),
    N_("Enter a phone number with digits, spaces and an optional leading +."),
    N_("Enter a year from 1800 to %(max)d."),
    N_("Size must be one of micro, small, medium, large."),
    N_("Control characters (such as NUL) are not allowed."),
)

# WTForms' own coercion messages (fields.IntegerField, DateField, SelectField, ...). WTForms ships ru but
# no az catalog, so az users see them in English until the forms take their translations from our
# catalog (a ``Meta.get_translations`` on the shared form base calling flask_babel's gettext); these
# entries are translated and ready for that.
WTFORMS_MESSAGES = (
    N_("Not a valid choice."),
    N_("Invalid Choice: could not coerce."),
    N_("Invalid choice(s): one or more data inputs could not be coerced."),
    N_("'%(value)s' is not a valid choice for this field."),
    N_("Not a valid integer value."),
    N_("Not a valid decimal value."),
    N_("Not a valid float value."),
    N_("Not a valid date value."),
    N_("Not a valid time value."),
    N_("Not a valid datetime value."),
    N_("Not a valid week value."),
)

DYNAMIC_MESSAGES = PROFILE_MESSAGES + WTFORMS_MESSAGES
