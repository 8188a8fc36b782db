"""Signing in: a wrong password is reported on the form; quick repeated failures are throttled."""

from __future__ import annotations

from tests.browser.support import BROWSER_MARKS
from tests.factories import Factory
from tests.support import PASSWORD

pytestmark = BROWSER_MARKS

EMAIL = "member@az.example"


def _submit_login(page, password: str):
    page.fill("#email", EMAIL)
    page.fill("#password", password)
    with page.expect_navigation() as nav:
        page.locator("main form button[type=submit]").click()
    return nav.value


def test_wrong_password_error_then_throttled(app, live_server, page):
    with app.app_context():
        Factory().user(email=EMAIL)

    page.goto(live_server("/login"))
    response = _submit_login(page, "not the password")
    assert response.status == 200
    form_box = page.locator("main section.card")
    alert = form_box.locator(".alert-error[role=alert]")
    assert alert.inner_text().strip() == "E-mail or password is not right."
    # The error belongs to this form: it sits in the form's card, right before the form.
    assert form_box.locator(".alert-error + form").count() == 1
    assert page.locator("#email").input_value() == EMAIL
    assert page.locator("#password").input_value() == ""  # never echoed back

    statuses = [response.status]
    for _ in range(5):
        page.goto(live_server("/login"))
        statuses.append(_submit_login(page, "still not the password").status)
    assert statuses == [200, 200, 200, 200, 200, 429]
    assert page.locator("h1").inner_text().strip() == "Too many attempts"
    assert "Traceback" not in page.content()

    # Even the right password waits now: the limit counts the failures, not the outcome.
    page.goto(live_server("/login"))
    assert _submit_login(page, PASSWORD).status == 429


def test_right_password_signs_in_and_out(app, live_server, page, context):
    with app.app_context():
        Factory().user(email=EMAIL)
    page.goto(live_server("/login?next=/companies"))
    response = _submit_login(page, PASSWORD)
    assert response.url.endswith("/companies")
    assert page.locator(".alert-success").inner_text().strip() == "Welcome back!"
    session = next(c for c in context.cookies() if c["name"] == "session")
    assert session["httpOnly"]
    assert session["sameSite"] == "Lax"
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    assert page.locator("nav.mainnav a[href^='/login']").count() == 1
