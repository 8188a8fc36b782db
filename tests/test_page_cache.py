"""Public pages kept per worker until a firm changes (matchmaker/web/page_cache.py)."""

from __future__ import annotations

from matchmaker.companies import services
from matchmaker.extensions import db
from tests.query_counter import count_queries


def test_a_kept_profile_is_served_without_reading_the_firm_until_it_changes(client, factory):
    firm = factory.company(name="Lənkəran Çay", offers=["qara çay"])
    path = f"/companies/{firm.id}"
    first = client.get(path)
    assert first.status_code == 200
    assert "Lənkəran Çay" in first.get_data(as_text=True)
    with count_queries() as seen:
        again = client.get(path)
    assert again.get_data() == first.get_data()
    assert not any("FROM companies" in s for s in seen), seen  # only the change counter is read
    assert again.headers["Content-Security-Policy"]
    assert again.headers["Content-Type"].startswith("text/html")

    services.update_company(firm, {"name": "Lənkəran Çay Evi"})
    db.session.commit()
    assert "Lənkəran Çay Evi" in client.get(path).get_data(as_text=True)


def test_pages_are_kept_per_language_and_answer_if_none_match(client, factory):
    factory.company(name="Gəncə Aqro", offers=["pomidor"])
    ru = client.get("/companies?q=pomidor", headers={"Accept-Language": "ru"})
    az = client.get("/companies?q=pomidor", headers={"Accept-Language": "az"})
    assert ru.get_data() != az.get_data()
    assert client.get("/companies?q=pomidor", headers={"Accept-Language": "ru"}).get_data() == ru.get_data()
    etag = ru.headers["ETag"]
    not_modified = client.get(
        "/companies?q=pomidor", headers={"Accept-Language": "ru", "If-None-Match": etag}
    )
    assert not_modified.status_code == 304
    assert not not_modified.get_data()


def test_a_signed_in_reader_gets_a_fresh_page_of_their_own(client, factory, auth):
    firm = factory.company(name="Gəncə Aqro", offers=["pomidor"], email="info@gence.example")
    anonymous = client.get(f"/companies/{firm.id}").get_data(as_text=True)
    assert "info@gence.example" not in anonymous
    factory.user(email="member@az.example", company=firm)
    auth.login()
    mine = client.get(f"/companies/{firm.id}").get_data(as_text=True)
    assert "info@gence.example" in mine
