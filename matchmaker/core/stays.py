"""The nights a visit needs: pure rules, no Flask or SQLAlchemy.

A night ``d`` is slept from the check-in hour on ``d`` to the check-out hour on ``d + 1``. A visitor
whose first engagement starts before the check-in hour of its day arrives the evening before; one
whose last engagement ends after the check-out hour of its day leaves the next morning.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta


def nights_for(
    engagements: Iterable[tuple[datetime, datetime]],
    check_in_from: time,
    check_out_until: time,
    min_nights: int = 1,
) -> tuple[date, date] | None:
    """``(check_in, check_out)`` covering every engagement (local wall-clock start and end), at least
    ``min_nights`` long (extended after the last day); ``None`` without engagements."""
    spans = sorted(engagements)
    if not spans:
        return None
    first_start = spans[0][0]
    last_end = max(end for _start, end in spans)
    check_in = first_start.date()
    if first_start.time() < check_in_from:
        check_in -= timedelta(days=1)
    check_out = last_end.date()
    if last_end.time() > check_out_until:
        check_out += timedelta(days=1)
    if check_out <= check_in:
        check_out = check_in + timedelta(days=1)
    if (check_out - check_in).days < min_nights:
        check_out = check_in + timedelta(days=min_nights)
    return check_in, check_out


def night_dates(check_in: date, check_out: date) -> list[date]:
    """The nights of a stay: ``check_in`` up to the day before ``check_out``."""
    return [check_in + timedelta(days=i) for i in range((check_out - check_in).days)]
