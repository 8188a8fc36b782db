"""Field types of the API's request schemas. Each states in the OpenAPI document the rule the server
enforces, and marshmallow enforces exactly that rule: a value the document refuses is a 422 from
webargs naming the field, a value it allows reaches the service.

Patterns are whole-value patterns built from the character classes of :mod:`matchmaker.core.inputs`
and the formats of :mod:`matchmaker.core.profiles`, so the document, the API and the forms and CSV
import share one definition.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from marshmallow import ValidationError, fields, validate

from ..core.ids import MAX_ID
from ..core.inputs import CONTROL_CLASS, INVISIBLE_CLASS, SPACE_CLASS

#: no control character (the input guard refuses them everywhere, naming the field)
TEXT_PATTERN = rf"^[^{CONTROL_CLASS}]*$"
#: and at least one character that is not white space (a reason that says something)
NONBLANK_PATTERN = rf"^[^{CONTROL_CLASS}]*[^{CONTROL_CLASS}{SPACE_CLASS}][^{CONTROL_CLASS}]*$"
#: and at least one visible character: names lose invisible and reordering characters
#: (``core.inputs.clean_name``), and a name of those only is empty
NAME_PATTERN = rf"^[^{CONTROL_CLASS}]*[^{CONTROL_CLASS}{SPACE_CLASS}{INVISIBLE_CLASS}][^{CONTROL_CLASS}]*$"
#: RFC 3339 date and time with its UTC offset, years 2000 to 2100
_DAY = r"(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
_YEAR = r"(?:20[0-9]{2}|2100)"
DATE_PATTERN = rf"^{_YEAR}-{_DAY}$"
DATETIME_PATTERN = (
    rf"^{_YEAR}-{_DAY}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{{1,6}})?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$"
)

CONTROL_MESSAGE = "Control characters (such as NUL) are not allowed."


class Pattern(validate.Regexp):
    """``validate.Regexp`` on the whole value, as JSON Schema reads an anchored ``pattern`` (Python's
    ``$`` also matches before a final line feed). A value longer than ``max_length`` is left to the
    field's ``Length`` validator, so no pattern ever runs over a huge string."""

    def __init__(self, pattern: str, *, error: str | None = None, max_length: int | None = None) -> None:
        super().__init__(pattern, error=error)
        self.max_length = max_length

    def __call__(self, value: Any) -> Any:
        if self.max_length is not None and len(value) > self.max_length:
            return value
        if self.regex.fullmatch(value) is None:
            raise ValidationError(self._format_error(value))
        return value


class UpToThisYear(validate.Range):
    """``Range(min, this year)``, the year read when the rule is used (a server running over New
    Year's Eve, or the OpenAPI document built on 1 January, states the new year)."""

    def __init__(self, min: int, *, error: str | None = None) -> None:
        super().__init__(min=min, max=None, error=error)

    @property  # type: ignore[override]
    def max(self) -> int:
        return date.today().year

    @max.setter
    def max(self, _value: Any) -> None:  # Range.__init__ assigns it
        pass


def Text(
    max_length: int | None = None,
    *,
    pattern: str = TEXT_PATTERN,
    error: str = CONTROL_MESSAGE,
    min_length: int | None = None,
    **kwargs: Any,
) -> fields.String:
    """A string without control characters (or matching ``pattern``), of at most ``max_length``."""
    validators: list[validate.Validator] = []
    if max_length is not None or min_length is not None:
        validators.append(validate.Length(min=min_length, max=max_length))
    validators.append(Pattern(pattern, error=error, max_length=max_length))
    return fields.String(validate=validators, **kwargs)


def Choice(choices: Any, **kwargs: Any) -> fields.String:
    """One of ``choices``, spelt exactly."""
    return fields.String(validate=validate.OneOf(list(choices)), **kwargs)


def Id(**kwargs: Any) -> fields.Integer:
    """A row id: a JSON integer (not a string, not a float) from 1 to 2**31 - 1."""
    return fields.Integer(
        strict=True, validate=validate.Range(min=1, max=MAX_ID, error="Unknown id."), **kwargs
    )


class _RawPattern:
    """A date or time field that checks the text it was sent against ``pattern`` before parsing it
    (validators only see the parsed value)."""

    pattern: str
    pattern_error: str

    def _check_text(self, value: Any) -> None:
        if not isinstance(value, str) or len(value) > 64 or re.fullmatch(self.pattern, value) is None:
            raise ValidationError(self.pattern_error)


class DateTime(_RawPattern, fields.AwareDateTime):
    """An RFC 3339 date and time with its offset, e.g. ``2026-06-10T10:00:00+04:00``."""

    pattern = DATETIME_PATTERN
    pattern_error = "Give an ISO 8601 date and time with its UTC offset, e.g. 2026-06-10T10:00:00+04:00."

    def __init__(self, **kwargs: Any) -> None:
        metadata = {"pattern": self.pattern, **kwargs.pop("metadata", {})}
        super().__init__(format="iso", metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Any:
        self._check_text(value)
        return super()._deserialize(value, attr, data, **kwargs)


class Date(_RawPattern, fields.Date):
    """A calendar date ``YYYY-MM-DD`` from 2000-01-01 to 2100-12-31."""

    pattern = DATE_PATTERN
    pattern_error = "Give a date from 2000-01-01 to 2100-12-31 as YYYY-MM-DD."

    def __init__(self, **kwargs: Any) -> None:
        metadata = {"pattern": self.pattern, **kwargs.pop("metadata", {})}
        super().__init__(format="iso", metadata=metadata, **kwargs)

    def _deserialize(self, value: Any, attr: Any, data: Any, **kwargs: Any) -> Any:
        self._check_text(value)
        return super()._deserialize(value, attr, data, **kwargs)
