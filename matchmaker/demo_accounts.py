"""The demo accounts ``flask seed-demo`` creates (and ``make run`` prints): a member of an
Azerbaijani firm, a member of a Russian firm that is its best suggested partner, staff of each
business center and an administrator.

Their password is ``DEMO_PASSWORD`` from the environment, else ``matchmaker-demo`` outside
production; a production instance gets a random one, printed once. An account that exists already
is left as it is (its password too).
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from .auth.models import Role, User
from .auth.services import create_user, get_user_by_email
from .centers.models import Center
from .companies.models import Company
from .extensions import db
from .matching.models import Suggestion

__all__ = ["DEMO_PASSWORD", "ensure_demo_accounts"]

DEMO_PASSWORD = "matchmaker-demo"


@dataclass(frozen=True, slots=True)
class DemoAccount:
    email: str
    who: str  # as printed
    role: Role
    locale: str
    center: str = ""  # staff: the slug of their center


ACCOUNTS = (
    DemoAccount("member-az@matchmaker.example", "member of an Azerbaijani firm", Role.MEMBER, "az"),
    DemoAccount("member-ru@matchmaker.example", "member of a Russian firm", Role.MEMBER, "ru"),
    DemoAccount("staff-baku@matchmaker.example", "staff, Baku center", Role.STAFF, "az", "abc-baku"),
    DemoAccount(
        "staff-astrakhan@matchmaker.example", "staff, Astrakhan center", Role.STAFF, "ru", "azbc-astrakhan"
    ),
    DemoAccount("admin@matchmaker.example", "administrator", Role.ADMIN, "en"),
)


def _password() -> tuple[str, bool]:
    """The password for new demo accounts and whether it is the documented default."""
    given = os.environ.get("DEMO_PASSWORD")
    if given:
        return given, False
    if current_app.config.get("ENV_NAME") == "production":
        return secrets.token_urlsafe(12), False
    return DEMO_PASSWORD, True


def _firms() -> tuple[Company | None, Company | None]:
    """An Azerbaijani tea producer (else any Azerbaijani firm) and its best suggested partner."""
    az = db.session.scalar(
        select(Company)
        .where(Company.country == "AZ", Company.hidden.is_(False), Company.name.contains("Çay"))
        .order_by(Company.verified.desc(), Company.id)
    ) or db.session.scalar(select(Company).where(Company.country == "AZ").order_by(Company.id))
    if az is None:
        return None, None
    ru = db.session.scalar(
        select(Company)
        .join(Suggestion, Suggestion.partner_id == Company.id)
        .where(Suggestion.company_id == az.id, Company.hidden.is_(False))
        .order_by(Suggestion.score.desc(), Company.id)
    ) or db.session.scalar(select(Company).where(Company.country == "RU").order_by(Company.id))
    return az, ru


def ensure_demo_accounts() -> str:
    """Create the demo accounts that are missing; returns the lines to print. Flushes only."""
    password, default = _password()
    az, ru = _firms()
    firms = {ACCOUNTS[0].email: az, ACCOUNTS[1].email: ru}
    centers = {c.slug: c for c in db.session.scalars(select(Center))}
    lines, created = [], False
    for spec in ACCOUNTS:
        user: User | None = get_user_by_email(spec.email)
        state = "exists"
        if user is None:
            if spec.role == Role.MEMBER and firms[spec.email] is None:
                continue
            user = create_user(
                spec.email, password, role=spec.role, company=firms.get(spec.email), locale=spec.locale
            )
            if spec.center and spec.center in centers:
                user.center_id = centers[spec.center].id
            state, created = "new", True
        firm = f" ({user.company.name})" if user.company is not None else ""
        lines.append(f"  {spec.who:<32} {spec.email:<36} {state}{firm}")
    db.session.flush()
    if default:
        said = f"password: {password}, unless changed since"
    elif created:
        said = f"password of the new ones: {password}"
    else:
        said = "passwords as set when they were created"
    return "\n".join([f"demo accounts ({said}):", *lines])
