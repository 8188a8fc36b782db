"""Opening hours, free intervals and UTC offsets. Pure Python: no Flask, no SQLAlchemy.

Times as people read them, with their zone's name, are :mod:`matchmaker.timefmt`'s job.

Every datetime handled here is timezone-aware. Opening hours are wall-clock times in the center's
zone; they are turned into aware intervals for one local date (DST-safe through ``zoneinfo``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

Interval = tuple[datetime, datetime]


def local_day_bounds(day: date, tz: ZoneInfo) -> Interval:
    """The UTC interval covering ``day`` in ``tz`` (midnight to midnight, local)."""
    start = datetime.combine(day, time(0), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def open_intervals(day: date, hours: Iterable[tuple[time, time]], tz: ZoneInfo) -> list[Interval]:
    """Opening hours of one local date as aware UTC intervals, sorted and merged."""
    out: list[Interval] = []
    for opens, closes in hours:
        if closes <= opens:
            continue
        start = datetime.combine(day, opens, tzinfo=tz).astimezone(UTC)
        end = datetime.combine(day, closes, tzinfo=tz).astimezone(UTC)
        out.append((start, end))
    return merge(out)


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """Sort and merge overlapping or touching intervals."""
    out: list[Interval] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def subtract(base: Iterable[Interval], busy: Iterable[Interval]) -> list[Interval]:
    """``base`` minus every interval of ``busy`` (both lists of half-open intervals)."""
    busy_merged = merge(busy)
    out: list[Interval] = []
    for start, end in merge(base):
        cursor = start
        for b_start, b_end in busy_merged:
            if b_end <= cursor or b_start >= end:
                continue
            if b_start > cursor:
                out.append((cursor, b_start))
            cursor = max(cursor, b_end)
            if cursor >= end:
                break
        if cursor < end:
            out.append((cursor, end))
    return out


def covered(interval: Interval, by: Iterable[Interval]) -> bool:
    """True when ``interval`` lies entirely inside one interval of ``by`` (after merging)."""
    start, end = interval
    return any(s <= start and end <= e for s, e in merge(by))


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def utc_offset_label(dt: datetime) -> str:
    """``UTC+04:00`` for an aware datetime (the API's ``utc_offset``)."""
    offset = dt.utcoffset() or timedelta(0)
    sign = "+" if offset >= timedelta(0) else "-"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def week_start(day: date) -> date:
    """The Monday of ``day``'s ISO week."""
    return day - timedelta(days=day.weekday())


def start_times(
    free: Iterable[Interval], minutes: int, step: int = 30, not_before: datetime | None = None
) -> list[datetime]:
    """The starts, every ``step`` minutes (aligned to the hour), of a meeting of ``minutes`` that
    fits entirely inside one of the ``free`` intervals and starts no earlier than ``not_before``.

    Alignment is on UTC minutes, which is the local grid in every zone whose offset is a multiple
    of ``step`` minutes (Baku, Astrakhan, Moscow: whole hours)."""
    if minutes <= 0 or step <= 0:
        return []
    length, grid = timedelta(minutes=minutes), step * 60
    out: list[datetime] = []
    for start, end in merge(free):
        if not_before is not None and start < not_before:
            start = not_before
        seconds = int(start.astimezone(UTC).timestamp())
        cursor = datetime.fromtimestamp(-(-seconds // grid) * grid, UTC)
        while cursor + length <= end:
            out.append(cursor)
            cursor += timedelta(seconds=grid)
    return out
