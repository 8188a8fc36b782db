"""README screenshots from the demo directory: ``SCREENSHOTS=1 pytest tests/browser/test_screenshots.py``.

Writes docs/screenshot.png (the directory answering a Cyrillic query with Azerbaijani firms) and
docs/screenshot-partners.png (a demo member's suggested partners). Skipped unless SCREENSHOTS=1.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from tests.browser.support import BROWSER_MARKS
from tests.factories import Factory
from tests.support import PASSWORD

DOCS = Path(__file__).resolve().parents[2] / "docs"

pytestmark = [
    *BROWSER_MARKS,
    pytest.mark.skipif(
        os.environ.get("SCREENSHOTS") != "1", reason="set SCREENSHOTS=1 to rewrite docs/*.png"
    ),
]

DIRECTORY_QUERY = os.environ.get("SCREENSHOT_QUERY", "Гянджа")


def _demo_member(app) -> str | None:
    """Load the demo directory and give an account to an Azerbaijani firm with suggestions."""
    from matchmaker.companies.models import Company
    from matchmaker.demo import load_demo
    from matchmaker.extensions import db

    with app.app_context():
        load_demo()
        db.session.commit()
        firms = db.session.scalars(select(Company).where(Company.country == "AZ").order_by(Company.id)).all()
        try:
            from matchmaker.matching.services import suggestions_for
        except ModuleNotFoundError:
            return None

        def quality(company):  # the firm whose suggestions look best: strong top score, several of them
            rows = suggestions_for(company.id)
            top = [s.score for s, _c, _i in rows[:5]]
            return (len(top) >= 5, sum(top), company.verified, -company.id)

        best = max(firms, key=quality)
        user = Factory().user(email="demo@az.example", company=best, full_name="Leyla Həsənova", locale="en")
        return user.email


def _sign_in(page, live_server, email):
    page.goto(live_server("/login"))
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    assert not page.url.endswith("/login"), "the demo member could not sign in"


def test_readme_screenshots(app, live_server, browser):
    DOCS.mkdir(exist_ok=True)
    email = _demo_member(app)
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
    try:
        page = ctx.new_page()
        page.goto(live_server("/companies?" + urlencode({"q": DIRECTORY_QUERY})))
        assert page.locator(".company-card").count() > 0
        page.screenshot(path=str(DOCS / "screenshot.png"))

        if email and "matching.suggestions" in app.view_functions:
            _sign_in(page, live_server, email)
            response = page.goto(live_server("/partners"))
            assert response.status == 200
            page.screenshot(path=str(DOCS / "screenshot-partners.png"))
    finally:
        ctx.close()
