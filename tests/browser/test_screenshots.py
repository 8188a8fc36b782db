"""README screenshots from the demo directory: ``SCREENSHOTS=1 pytest tests/browser/test_screenshots.py``.

Writes docs/screenshot.png (the directory answering a Cyrillic query with Azerbaijani firms) and
docs/screenshot-partners.png (a demo member's suggested partners), and the journeys in az and ru,
docs/screenshots/journey-<page>-<lang>.png: the public home page (welcome), directory, a firm, a
brokerage day's public page, the staff's schedule grid and verification queue, and the phone menu
(390 px). Skipped unless SCREENSHOTS=1.
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
SHOTS = DOCS / "screenshots"

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


def _journey_data(app) -> dict:
    """The demo directory, a staff member of the Baku center, and a published brokerage day with
    eight meetings between demo firms at four tables in two rooms."""
    from datetime import UTC, datetime, time, timedelta

    from matchmaker.companies.models import Company
    from matchmaker.demo import load_demo
    from matchmaker.events import scheduling
    from matchmaker.events import services as events
    from matchmaker.extensions import db
    from tests.booking_support import open_day, seeded

    with app.app_context():
        load_demo()
        db.session.commit()
        c = seeded()
        f = Factory()
        staff = f.user(email="staff@baku.example", role="staff", full_name="Rəşad Quliyev")
        staff.center_id = c["baku"].id
        firms = {
            country: db.session.scalars(
                select(Company)
                .where(Company.country == country, Company.verified.is_(True))
                .order_by(Company.id)
            ).all()[:5]
            for country in ("AZ", "RU")
        }
        users = {
            firm.id: f.user(email=f"m{firm.id}@demo.example", company=firm, full_name="")
            for country in firms
            for firm in firms[country]
        }
        waiting = db.session.scalars(
            select(Company).where(Company.verified.is_(False)).order_by(Company.id).limit(4)
        ).all()
        for firm, name in zip(
            waiting, ("Leyla Həsənova", "Игорь Смирнов", "Tural Əliyev", "Ольга Кузнецова"), strict=False
        ):
            f.user(email=f"contact{firm.id}@demo.example", company=firm, full_name=name)
        day = open_day(20)
        event = events.save_event(
            staff,
            {
                "center_id": c["baku"].id,
                "title": {
                    "az": "Aqrar və qida məhsulları günü",
                    "ru": "День агро- и пищевой продукции",
                    "en": "Agri-food brokerage day",
                },
                "description": {
                    "az": "Azərbaycan istehsalçıları və Rusiya alıcıları üçün görüşlər.",
                    "ru": "Встречи азербайджанских производителей и российских покупателей.",
                    "en": "Meetings of Azerbaijani producers and Russian buyers.",
                },
                "day": day,
                "sessions": [(time(10), time(12))],
                "slot_minutes": 20,
                "tables": 4,
                "room_ids": [c["kur"].id, c["xezer"].id],
                "max_meetings": 4,
                "request_deadline": datetime.combine(day - timedelta(days=2), time(12), tzinfo=UTC),
            },
        )
        events.change_status(event, "open")
        for user in users.values():
            events.register(event, user)
        for i, az in enumerate(firms["AZ"]):
            for ru in (firms["RU"][i], firms["RU"][(i + 2) % 5]):
                req = events.send_request(event, users[az.id], ru.id, "")
                events.answer_request(event, users[ru.id], req, accept=True)
        scheduling.run_schedule(event)
        scheduling.publish(event)
        db.session.commit()
        return {"event": event.id, "firm": firms["AZ"][0].id, "staff": staff.email}


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_journey_screenshots(app, live_server, browser, lang):
    SHOTS.mkdir(parents=True, exist_ok=True)
    data = _journey_data(app)
    event = data["event"]
    query = {"az": "fındıq", "ru": "фундук"}[lang]
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-US")
    try:
        page = ctx.new_page()
        page.goto(live_server(f"/?lang={lang}"))
        for name, path, full in (
            ("welcome", "/", True),
            ("directory", "/companies?" + urlencode({"q": query}), False),
            ("firm", f"/companies/{data['firm']}", True),
            ("event", f"/events/{event}/about", True),
        ):
            assert page.goto(live_server(path)).status == 200, path
            page.screenshot(path=str(SHOTS / f"journey-{name}-{lang}.png"), full_page=full)
        _sign_in(page, live_server, data["staff"])
        for name, path, full in (
            ("schedule", f"/events/{event}/schedule", True),
            ("verification", "/staff/verification", False),
        ):
            assert page.goto(live_server(path)).status == 200, path
            page.screenshot(path=str(SHOTS / f"journey-{name}-{lang}.png"), full_page=full)
    finally:
        ctx.close()
    phone = browser.new_context(
        viewport={"width": 390, "height": 700}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    try:
        page = phone.new_page()
        page.goto(live_server(f"/companies?lang={lang}"))
        page.screenshot(path=str(SHOTS / f"journey-phone-directory-{lang}.png"))
        page.locator("summary.menu-button").click()
        page.screenshot(path=str(SHOTS / f"journey-phone-menu-{lang}.png"))
    finally:
        phone.close()
