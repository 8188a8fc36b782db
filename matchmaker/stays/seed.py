"""The centers' stay rules: Baku's residential flats are let for two nights or more without
confirmation; Astrakhan's mini-hotel takes single nights and its staff confirm each request."""

from __future__ import annotations

from datetime import time

from sqlalchemy import select

from ..centers.models import Center
from ..extensions import db
from .models import StayPolicy

POLICIES = {
    "abc-baku": {
        "check_in_from": time(14),
        "check_out_until": time(12),
        "min_nights": 2,
        "max_nights": 90,
        "needs_confirmation": False,
    },
    "azbc-astrakhan": {
        "check_in_from": time(14),
        "check_out_until": time(12),
        "min_nights": 1,
        "max_nights": 30,
        "needs_confirmation": True,
    },
}


def seed_policies() -> int:
    """Each seeded center gets its rules once; rules the staff changed are left alone."""
    created = 0
    for center in db.session.scalars(select(Center).where(Center.slug.in_(POLICIES))):
        if db.session.get(StayPolicy, center.id) is None:
            db.session.add(StayPolicy(center_id=center.id, **POLICIES[center.slug]))
            created += 1
    db.session.flush()
    return created
