"""The weekly digest of new suggested partners (opt-in: off until a member turns it on).

Once per ISO week, from Monday 06:00 UTC on, each member who wants it gets the firm's suggestions
of the last seven days that the firm has not answered yet, best first; no new suggestion, no
letter. Members who want it in the application see one notification per firm and week."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, exists, func, select

from ..auth.models import Membership, User
from ..companies.models import Company
from ..extensions import db
from ..matching.models import Interest, Suggestion
from ..notifications.models import Category, Notification, NotificationPreference
from ..notifications.services import notify
from .letters import render
from .outbox import queue_mail

SEND_FROM_HOUR = 6  # Monday, UTC: 10:00 in Baku, 09:00 in Moscow


def _subscribers(channel) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .join(NotificationPreference, NotificationPreference.user_id == User.id)
            .where(
                NotificationPreference.category == Category.DIGEST,
                channel.is_(True),
                User.membership == Membership.ACTIVE,
                User.is_active_flag.is_(True),
                User.company_id.is_not(None),
            )
            .order_by(User.id)
        )
    )


def new_suggestions(company_id: int, since: datetime, limit: int) -> list[tuple[Company, float]]:
    answered = exists().where(
        and_(Interest.company_id == company_id, Interest.partner_id == Suggestion.partner_id)
    )
    return [
        (company, score)
        for company, score in db.session.execute(
            select(Company, Suggestion.score)
            .join(Suggestion, Suggestion.partner_id == Company.id)
            .where(
                Suggestion.company_id == company_id,
                Suggestion.created_at > since,
                Company.hidden.is_(False),
                ~answered,
            )
            .order_by(Suggestion.score.desc(), Company.id)
            .limit(limit)
        ).all()
    ]


def send_digests(now: datetime) -> int:
    if now.weekday() == 0 and now.hour < SEND_FROM_HOUR:
        return 0
    year, week, _day = now.isocalendar()
    since = now - timedelta(days=7)
    size = current_app.config["DIGEST_SIZE"]
    found: dict[int, list[tuple[Company, float]]] = {}
    count = 0
    for user in _subscribers(NotificationPreference.email):
        items = found.setdefault(user.company_id, new_suggestions(user.company_id, since, size))
        if not items:
            continue
        letter = render(
            "digest",
            "digest",
            user,
            Category.DIGEST,
            partners=[{"name": c.name, "city": c.city, "country": c.country, "id": c.id} for c, _s in items],
            link=current_app.config["PUBLIC_URL"] + "/partners",
        )
        if queue_mail(
            key=f"digest:{year}-W{week:02d}:u{user.id}", user=user, letter=letter, category=Category.DIGEST
        ):
            count += 1
    week_start = (now - timedelta(days=now.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    for company_id in sorted({u.company_id for u in _subscribers(NotificationPreference.in_app)}):
        items = found.setdefault(company_id, new_suggestions(company_id, since, size))
        told = db.session.scalar(
            select(func.count(Notification.id)).where(
                Notification.company_id == company_id,
                Notification.kind == "digest",
                Notification.created_at >= week_start,
            )
        )
        if items and not told:
            notify(company_id, "digest", "/partners", count=len(items))
    return count
