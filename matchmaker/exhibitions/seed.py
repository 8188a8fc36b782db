"""A demo exhibition in Astrakhan's hall (``flask seed-demo``), two months ahead, with a stand plan;
nothing is added once any exhibition exists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from ..centers.models import Center
from ..extensions import db
from .models import Exhibition, Stand

TITLE = {
    "az": "Xəzər ərzaq və kənd təsərrüfatı sərgisi",
    "ru": "Каспийская выставка продовольствия и сельского хозяйства",
    "en": "Caspian food and agriculture fair",
}
PLAN = [("A1", 3, 3), ("A2", 3, 3), ("A3", 3, 2), ("A4", 3, 2), ("B1", 6, 3), ("B2", 6, 3), ("C1", 9, 4)]


def seed_exhibition() -> str:
    if db.session.scalar(select(func.count(Exhibition.id))):
        return "exhibitions: 0 new"
    center = db.session.scalar(select(Center).where(Center.slug == "azbc-astrakhan"))
    if center is None:
        return "exhibitions: 0 new"
    first = datetime.now(UTC).date() + timedelta(days=60)
    exhibition = Exhibition(center_id=center.id, first_day=first, last_day=first + timedelta(days=2))
    for lang, text in TITLE.items():
        setattr(exhibition, f"title_{lang}", text)
    exhibition.stands = [Stand(code=c, width_m=w, depth_m=d) for c, w, d in PLAN]
    db.session.add(exhibition)
    db.session.flush()
    return "exhibitions: 1 new"
