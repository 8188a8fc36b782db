"""A firm registers, completes its profile, and is found from the other script."""

from __future__ import annotations

import re

from tests.browser.conftest import BROWSER_MARKS
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
    page.get_by_role("button", name="Create the account").click()

    # Lands on the profile edit page of the new firm.
    page.wait_for_url(re.compile(r"/companies/\d+/edit$"))
    company_path = re.search(r"/companies/\d+", page.url).group(0)
    assert page.locator("h1").inner_text().endswith("Gəncə Aqro")
    assert page.locator(".alert-success").count() == 1

    page.fill("#offers", "pomidor\nxiyar\nfresh tomatoes")
    page.fill("#needs", "mineral gübrələr\nтракторы")

    # The sector picker filters its long list as one types, in any language.
    sectors = page.locator("select#sectors")
    total = sectors.locator("option").count()
    page.fill(".sector-filter", "vegetables")
    visible = sectors.locator("option:not([hidden])")
    assert 0 < visible.count() < total
    assert "01.13" in visible.evaluate_all("opts => opts.map(o => o.value)")
    sectors.select_option(["01.13"])
    page.fill(".sector-filter", "46.31")
    assert sectors.locator("option:not([hidden])").evaluate_all("opts => opts.map(o => o.value)") == [
        "01.13",
        "46.31",
    ]  # the chosen option stays visible
    sectors.select_option(["01.13", "46.31"])

    page.get_by_role("button", name="Save the profile").click()
    page.wait_for_url(re.compile(re.escape(company_path) + r"$"))
    body = page.locator("main").inner_text()
    assert "pomidor" in body and "тракторы" in body and "01.13" in body and "46.31" in body

    # A Russian speaker types the name in Cyrillic; a hurried one without Azerbaijani letters.
    for query in ("Гянджа Агро", "Gence Aqro", "гянджа агро"):
        names = _first_results(page, live_server, query)
        assert names and names[0] == "Gəncə Aqro", (query, names)

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
        assert box.locator("p.error").inner_text().strip()
    assert page.locator("#full_name").input_value() == "Ivan Petrov"
