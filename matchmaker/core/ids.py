"""Row ids as people and programs send them: one rule for every entry point.

Primary keys are ``Integer`` columns (int4 on PostgreSQL), so an id beyond 2**31 - 1 cannot exist;
passing one to the database would raise a driver error instead of "not found". Text ids are digits
only (no sign, no spaces, no non-ASCII digits such as "٣") and at most ten of them, so a
5,000-digit string is refused before ``int()`` could choke on it.
"""

from __future__ import annotations

MAX_ID = 2**31 - 1
_MAX_DIGITS = len(str(MAX_ID))


def valid_id(value: object) -> bool:
    """An ``int`` (not a ``bool``) that a primary key can hold."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def parse_id(text: str | None) -> int | None:
    """The id written in ``text``, or ``None`` when it is not one."""
    if not text or len(text) > _MAX_DIGITS or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if valid_id(number) else None
