"""Accounts in a real browser: consent at registration, the data export, deleting an account, a
firm's logo upload, and staff acting for a firm."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from PIL import Image
from sqlalchemy import select

from tests.browser.support import BROWSER_MARKS
from tests.factories import Factory
from tests.support import PASSWORD

pytestmark = BROWSER_MARKS


def _register(page, live_server, consent: bool):
    page.goto(live_server("/register?lang=en"))
    page.fill("#full_name", "Aynur Məmmədova")
    page.fill("#email", "aynur@gence-aqro.example")
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    page.check("input[name=firm_choice][value=new]")
    page.fill("#company_name", "Gəncə Aqro")
    page.select_option("#country", "AZ")
    if consent:
        page.check("#consent")
    page.locator("main form button[type=submit]").click()


def _sign_in(page, live_server, email):
    page.goto(live_server("/login?lang=en"))
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/home$"))  # the dashboard


def test_consent_export_and_deletion(app, live_server, page):
    _register(page, live_server, consent=False)
    assert (
        page.locator("#consent-error, .field.has-error .error")
        .first.inner_text()
        .startswith("Registration needs your consent")
    )
    assert page.locator("a[href='/privacy']").first.is_visible()
    _register(page, live_server, consent=True)
    page.wait_for_url(re.compile(r"/companies/\d+/edit$"))

    page.goto(live_server("/account"))
    assert "You agreed to the privacy notice on" in page.locator("main").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my data").click()
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert data["account"]["email"] == "aynur@gence-aqro.example"
    assert data["company"]["profile"]["name"] == "Gəncə Aqro"

    page.get_by_role("link", name="Delete my account").click()
    assert "You are the last member of Gəncə Aqro" in page.locator("main").inner_text()
    page.check("input[name=firm_fate][value=hide]")
    page.fill("#password", "not my password")
    page.get_by_role("button", name="Delete my account for good").click()
    assert "The password is not right." in page.locator("main").inner_text()
    page.check("input[name=firm_fate][value=hide]")
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Delete my account for good").click()
    page.wait_for_url(re.compile(r"/$"))
    assert "Your account and your personal data are deleted." in page.locator("main").inner_text()
    page.goto(live_server("/account"))
    assert "/login" in page.url
    with app.app_context():
        from matchmaker.auth.models import User
        from matchmaker.companies.models import Company
        from matchmaker.extensions import db

        assert db.session.scalar(select(User)) is None
        assert db.session.scalar(select(Company)).hidden is True


def test_logo_upload_and_a_refused_svg(app, live_server, page, tmp_path):
    with app.app_context():
        firm = Factory().company(name="Gəncə Aqro MMC")
        firm_id = firm.id
        Factory().user(email="member@az.example", company=firm)
    _sign_in(page, live_server, "member@az.example")
    page.goto(live_server(f"/companies/{firm_id}/edit?lang=en"))
    svg = tmp_path / "logo.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    page.set_input_files("#logo-file", str(svg))
    page.get_by_role("button", name="Upload the logo").click()
    assert "must be a PNG, JPEG or WebP image" in page.locator("#logo-error").inner_text()
    png = tmp_path / "logo.png"
    buffer = io.BytesIO()
    Image.new("RGB", (800, 500), (10, 120, 200)).save(buffer, format="PNG")
    png.write_bytes(buffer.getvalue())
    page.set_input_files("#logo-file", str(png))
    page.get_by_role("button", name="Upload the logo").click()
    assert "The logo is saved." in page.locator("main").inner_text()
    page.goto(live_server("/companies?lang=en"))
    logo = page.locator(f"img.logo[src*='/companies/{firm_id}/logo']")
    assert logo.count() == 1
    assert page.evaluate("(img) => img.complete && img.naturalWidth", logo.element_handle()) == 400


def test_staff_act_for_a_firm(app, live_server, page):
    from tests.booking_support import open_day, seeded

    with app.app_context():
        from matchmaker.extensions import db

        rooms = seeded()
        day = open_day()
        az = Factory().company(name="Gəncə Aqro MMC")
        ru = Factory().company(name="ООО Волга Агро", country="RU", city="Астрахань")
        staff = Factory().user(email="staff@baku.example", role="staff")
        staff.center_id = rooms["baku"].id
        db.session.commit()
        az_id, ru_id, kur = az.id, ru.id, rooms["kur"].id
    _sign_in(page, live_server, "staff@baku.example")
    page.goto(live_server(f"/companies/{az_id}?lang=en"))
    page.get_by_role("link", name="Act for this firm").click()
    page.fill("#partner_id", str(ru_id))
    page.select_option("#room_id", str(kur))
    page.fill("#date", day.isoformat())
    page.select_option("#start", "10:00")
    page.get_by_role("button", name="Request the meeting").click()
    assert "The meeting is requested for Gəncə Aqro MMC." in page.locator("main").inner_text()
    with app.app_context():
        from matchmaker.notifications.models import Notification

        kinds = {(n.company_id, n.kind) for n in db.session.scalars(select(Notification))}
    assert {(az_id, "by_staff"), (ru_id, "by_staff"), (ru_id, "meeting_requested")} <= kinds
