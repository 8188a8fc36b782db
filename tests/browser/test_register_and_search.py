"""A firm registers, completes its profile, and is found from the other script."""

from __future__ import annotations

import re

from tests.browser.support import BROWSER_MARKS
from tests.factories import Factory

pytestmark = BROWSER_MARKS

PASSWORD = "correct horse battery staple"


def _seed_neighbours(app):
    """Firms that share a word, a city or a script with the one that registers."""
    with app.app_context():
        f = Factory()
        f.company(name="Şəki Aqro MMC", country="AZ", city="Şəki", offers=["fındıq"])
        f.company(name="Gəncə Mebel", country="AZ", city="Gəncə", offers=["mebel"])
        f.company(name="ООО Волга Агро", country="RU", city="Астрахань", offers=["пшеница"])
        f.company(name="Xəzər Balıq", country="AZ", city="Lənkəran", offers=["nərə balığı"])
        f.company(name="АО Каспий Логистик", country="RU", city="Астрахань", offers=["грузоперевозки"])


def _first_results(page, live_server, query: str) -> list[str]:
    page.goto(live_server("/companies"))
    page.fill("#q", query)
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_load_state()
    assert "q=" in page.url
    return page.locator(".company-list .company-card h2 a").all_inner_texts()


def test_register_complete_profile_and_find_across_scripts(app, live_server, page):
    _seed_neighbours(app)

    page.goto(live_server("/register"))
    page.fill("#full_name", "Aynur Məmmədova")
    page.fill("#email", "aynur@gence-aqro.example")
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    page.check("input[name=firm_choice][value=new]")
    page.fill("#company_name", "Gəncə Aqro")
    page.select_option("#country", "AZ")
    page.fill("#city", "Gəncə")
    page.check("#consent")
    page.get_by_role("button", name="Create the account").click()

    # Lands on the profile edit page of the new firm.
    page.wait_for_url(re.compile(r"/companies/\d+/edit$"))
    company_path = re.search(r"/companies/\d+", page.url).group(0)
    assert page.locator("h1").inner_text().endswith("Gəncə Aqro")
    assert page.locator(".alert-success").count() == 1

    page.fill("#offers", "pomidor\nxiyar\nfresh tomatoes")
    page.fill("#needs", "mineral gübrələr\nтракторы")

    # The sector picker searches activities as one types, in any language, and by code.
    search = page.get_by_role("combobox", name="Sectors (NACE Rev. 2)")
    search.fill("vegetables")
    page.locator("#sectors-results [role=option][data-code='01.13']").click()
    search.fill("46.31")
    page.locator("#sectors-results [role=option][data-code='46.31']").wait_for()
    search.press("Enter")
    chosen = page.locator(".sector-chosen .sector-chip").all_inner_texts()
    assert [c.split()[0] for c in chosen] == ["01.13", "46.31"]

    page.get_by_role("button", name="Save the profile").click()
    page.wait_for_url(re.compile(re.escape(company_path) + r"$"))
    body = page.locator("main").inner_text()
    assert "pomidor" in body
    assert "тракторы" in body
    assert "01.13" in body
    assert "46.31" in body

    # A Russian speaker types the name in Cyrillic; a hurried one without Azerbaijani letters.
    for query in ("Гянджа Агро", "Gence Aqro", "гянджа агро"):
        names = _first_results(page, live_server, query)
        assert names, (query, names)
        assert names[0] == "Gəncə Aqro", (query, names)

    page.locator(".company-list .company-card h2 a").first.click()
    page.wait_for_url(re.compile(re.escape(company_path) + r"$"))


def test_register_errors_are_shown_on_the_fields(app, live_server, page):
    page.goto(live_server("/register"))
    page.fill("#full_name", "Ivan Petrov")
    page.fill("#email", "not-an-email")
    page.fill("#password", "short")
    page.fill("#confirm", "different")
    page.get_by_role("button", name="Create the account").click()
    page.wait_for_load_state()
    assert page.url.endswith("/register")
    for field in ("email", "password", "confirm"):
        box = page.locator(f".field.has-error:has(#{field})")
        assert box.count() == 1, field
        assert page.locator(f"#{field}").get_attribute("aria-invalid") == "true"
        assert box.locator(".error").first.inner_text().strip()
    assert page.locator("#full_name").input_value() == "Ivan Petrov"
