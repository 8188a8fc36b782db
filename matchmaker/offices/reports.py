"""The offices' rental requests of a center as a table (one row per request, every status)."""

from __future__ import annotations

from ..centers.models import Center
from ..exports import Table
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


def rentals_table(center: Center) -> Table:
    table = Table("offices", HEADER)
    for r in for_center(center):
        table.rows.append(
            [
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
        )
    return table
