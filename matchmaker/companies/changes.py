"""Which firms changed since a worker last looked: the shared cursor of the per-worker search index
and matching engine (several gunicorn workers, no shared memory).

A cursor remembers the row count, the latest ``updated_at`` and the ids already seen at that
instant, so rows sharing one timestamp (a bulk import writes thousands) are applied once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask import current_app
from sqlalchemy import func, select

from ..extensions import db
from .models import Company


@dataclass
class ChangeCursor:
    count: int = -1
    latest: datetime | None = None
    at_latest: set[int] = field(default_factory=set)

    def poll(self) -> tuple[str, list[int]]:
        """``("none", [])``, ``("full", [])`` (reload everything) or ``("partial", ids)``; advances."""
        count, latest = db.session.execute(select(func.count(Company.id), func.max(Company.updated_at))).one()
        if count == self.count and latest == self.latest:
            return "none", []
        # fewer rows, or the latest change older than one already seen: something this worker saw
        # (its own request's flushed change, say) was rolled back; only a full load is sure to drop it
        if self.latest is None or latest is None or count < self.count or latest < self.latest:
            self.count, self.latest = count, latest
            self.at_latest = (
                set(db.session.scalars(select(Company.id).where(Company.updated_at == latest)))
                if latest is not None
                else set()
            )
            return "full", []
        rows = db.session.execute(
            select(Company.id, Company.updated_at).where(Company.updated_at >= self.latest)
        ).all()
        ids = [cid for cid, ts in rows if not (ts == self.latest and cid in self.at_latest)]
        at_latest = {cid for cid, ts in rows if ts == latest}
        if latest == self.latest:
            at_latest |= self.at_latest
        self.count, self.latest, self.at_latest = count, latest, at_latest
        return "partial", ids


def worker_state(key: str, factory):
    """State kept per application in this worker process (a search index, an engine), made on
    first use and kept in step with the database through a :class:`ChangeCursor`."""
    state = current_app.extensions.get(key)
    if state is None:
        state = current_app.extensions.setdefault(key, factory())
    return state
