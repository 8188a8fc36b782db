"""The nights a visit needs (pure rules)."""

from __future__ import annotations

from datetime import date, datetime, time

from matchmaker.core.stays import night_dates, nights_for

IN, OUT = time(14), time(12)


def _at(day: int, hh: int, mm: int = 0) -> datetime:
    return datetime(2027, 3, day, hh, mm)


def test_morning_start_means_arriving_the_evening_before():
    # 10:00–11:00: the night before, and out by the 12:00 check-out after the meeting
    assert nights_for([(_at(10, 10), _at(10, 11))], IN, OUT) == (date(2027, 3, 9), date(2027, 3, 10))
    assert nights_for([(_at(10, 10), _at(10, 13))], IN, OUT) == (date(2027, 3, 9), date(2027, 3, 11))


def test_afternoon_start_and_morning_end():
    # 15:00 on the 10th to 11:00 on the 12th: check in on the 10th, leave on the 12th
    assert nights_for([(_at(10, 15), _at(10, 16)), (_at(12, 10), _at(12, 11))], IN, OUT) == (
        date(2027, 3, 10),
        date(2027, 3, 12),
    )


def test_the_shortest_stay_extends_the_last_day():
    assert nights_for([(_at(10, 15), _at(10, 16))], IN, OUT, min_nights=3) == (
        date(2027, 3, 10),
        date(2027, 3, 13),
    )


def test_order_does_not_matter_and_nothing_is_none():
    spans = [(_at(12, 16), _at(12, 17)), (_at(10, 9), _at(10, 18))]
    assert nights_for(spans, IN, OUT) == (date(2027, 3, 9), date(2027, 3, 13))
    assert nights_for([], IN, OUT) is None
    assert night_dates(date(2027, 3, 9), date(2027, 3, 11)) == [date(2027, 3, 9), date(2027, 3, 10)]
