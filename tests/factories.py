"""Test data built through the services, so tests exercise the real code path."""

from __future__ import annotations

import itertools

from matchmaker.auth import services as auth_services
from matchmaker.companies import services as company_services
from matchmaker.extensions import db
from tests.support import PASSWORD

_seq = itertools.count(1)


class Factory:
    def company(self, **data):
        n = next(_seq)
        defaults = {
            "name": f"Test Firm {n}",
            "country": "AZ",
            "city": "Bakı",
            "external_id": f"t-{n}",
            "sectors": [],
            "offers": [],
            "needs": [],
            "languages": ["az", "ru"],
        }
        defaults.update(data)
        company = company_services.create_company(**defaults)
        db.session.commit()
        return company

    def user(self, email=None, role="member", company=None, password=PASSWORD, **kw):
        email = email or f"user{next(_seq)}@example.com"
        user = auth_services.create_user(email, password, role=role, company=company, **kw)
        db.session.commit()
        return user

    def token(self, user):
        _token, raw = auth_services.issue_token(user, "test")
        db.session.commit()
        return raw
