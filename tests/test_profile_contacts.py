"""Firms' contacts and languages: phones read by phonenumbers (stored E.164, shown nationally),
e-mail addresses by email-validator, the languages of the CSV and the API named by Babel."""

from __future__ import annotations

import pytest

from matchmaker.core.phones import national, to_e164
from matchmaker.core.profiles import LANGUAGE_CODES
from matchmaker.extensions import db
from tests.support import PASSWORD


@pytest.mark.parametrize(
    "written, region, stored, shown",
    [
        ("+994 50 123 45 67", "AZ", "+994501234567", "050 123 45 67"),
        ("050 123 45 67", "AZ", "+994501234567", "050 123 45 67"),
        ("(012) 555-55-55", "AZ", "+994125555555", "(012) 555 55 55"),
        ("8 (927) 123-45-67", "RU", "+79271234567", "8 (927) 123-45-67"),
        ("+7 8512 22-33-44", "AZ", "+78512223344", "8 (851) 222-33-44"),
    ],
)
def test_numbers_are_stored_in_e164_and_shown_nationally(written, region, stored, shown):
    assert to_e164(written, region) == stored
    assert national(stored) == shown


@pytest.mark.parametrize("bad", ["123456", "+1 202 555 0143", "+994 50 123", "8 800", "телефон"])
def test_numbers_that_are_not_azerbaijani_or_russian_are_refused(bad):
    assert to_e164(bad, "AZ") is None


def _edit(client, company, **changes):
    data = {
        "name": company.name,
        "country": company.country,
        "city": "",
        "size_band": "",
        "languages": ["az"],
    }
    data.update(changes)
    return client.post(f"/companies/{company.id}/edit", data=data)


@pytest.fixture
def mine(client, factory):
    firm = factory.company(name="Volqa Ticarət", country="RU", city="Астрахань")
    factory.user(email="member@ru.example", company=firm)
    client.post("/login", data={"email": "member@ru.example", "password": PASSWORD})
    return firm


def test_the_profile_form_stores_e164_and_the_profile_shows_the_national_form(client, mine):
    r = _edit(client, mine, phone="8 (927) 123-45-67", email="Sales@Volga.example")
    assert r.status_code == 302, r.get_data(as_text=True)[:300]
    db.session.refresh(mine)
    assert mine.phone == "+79271234567"
    assert mine.email == "sales@volga.example"
    html = client.get(f"/companies/{mine.id}").get_data(as_text=True)
    assert "8 (927) 123-45-67" in html
    assert 'href="tel:+79271234567"' in html


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("phone", "123456", "Russian (+7) phone number"),
        ("phone", "+1 202 555 0143", "Russian (+7) phone number"),
        ("email", "info@firm", "valid e-mail"),
        ("email", "a..b@firm.example", "valid e-mail"),
    ],
)
def test_bad_contacts_are_refused_on_their_field(client, mine, field, value, message):
    r = _edit(client, mine, **{field: value})
    assert r.status_code == 422
    assert message in r.get_data(as_text=True)
    db.session.refresh(mine)
    assert getattr(mine, field) == ""


def test_the_form_offers_the_languages_the_csv_and_api_accept_named_by_babel(client, mine):
    html = client.get(f"/companies/{mine.id}/edit?lang=ru").get_data(as_text=True)
    offered = set(__import__("re").findall(r'name="languages"[^>]*value="([a-z]{2})"', html))
    offered |= set(__import__("re").findall(r'value="([a-z]{2})"[^>]*name="languages"', html))
    assert offered == set(LANGUAGE_CODES)
    assert "грузинский" in html
    assert "азербайджанский" in html
    r = _edit(client, mine, languages=["ka", "xx"])
    assert r.status_code == 422
