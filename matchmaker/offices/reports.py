"""The offices' rental requests of a center as CSV (one row per request, every status)."""

from __future__ import annotations

import csv
import io

from ..centers.models import Center
from ..centers.reports import _cell
from .services import for_center

HEADER = [
    "rental_id",
    "status",
    "center",
    "office",
    "first_day",
    "last_day",
    "days",
    "people",
    "firm",
    "firm_country",
    "terms",
    "message",
]


def rentals_csv(center: Center) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for r in for_center(center):
        row = [
            r.id,
            r.status.value,
            center.name,
            r.room.name,
            r.first_day.isoformat(),
            r.last_day.isoformat(),
            r.days,
            r.people,
            r.company.name,
            r.company.country,
            r.terms,
            r.message,
        ]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()
