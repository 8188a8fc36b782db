"""Phone numbers of Azerbaijani and Russian firms, read by ``phonenumbers`` (Google's libphonenumber).

A number is read in the firm's country when it has no ``+`` (``050 123 45 67`` in Azerbaijan,
``8 (927) 123-45-67`` in Russia), stored in E.164 (``+994501234567``) and shown in the national
format of its own country (``050 123 45 67``, ``8 (927) 123-45-67``).
"""

from __future__ import annotations

import phonenumbers

#: the calling codes the platform serves: Azerbaijan and Russia (+7 also covers Kazakhstan)
CALLING_CODES = frozenset({994, 7})


def _parse(value: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(value, (region or "AZ").upper())
    except phonenumbers.NumberParseException:
        return None


def to_e164(value: str, region: str | None = None) -> str | None:
    """The number in E.164 when it is a valid Azerbaijani or Russian number, else ``None``."""
    number = _parse(value, region)
    if number is None or number.country_code not in CALLING_CODES or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national(value: str) -> str:
    """A stored number as people of its country write it; anything unreadable as it is."""
    if not value.startswith("+"):
        return value
    number = _parse(value, None)
    if number is None or not phonenumbers.is_valid_number(number):
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
