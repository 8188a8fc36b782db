"""Directory, profiles, editing, verification and the cross-script search over HTTP."""

from __future__ import annotations

from matchmaker.extensions import db
from tests.support import PASSWORD


def test_directory_lists_public_part_and_hides_contacts_from_visitors(client, factory):
    factory.company(
        name="Gəncə Aqro",
        email="sales@gence.example",
        phone="+994 50 123 45 67",
        offers=["pomidor", "xiyar"],
        needs=["traktor"],
    )
    html = client.get("/companies").get_data(as_text=True)
    assert "Gəncə Aqro" in html
    assert "pomidor" in html
    company_html = client.get("/companies/1").get_data(as_text=True)
    assert "sales@gence.example" not in company_html
    assert "+994 50" not in company_html
    factory.user(email="member@az.example")
    client.post("/login", data={"email": "member@az.example", "password": PASSWORD})
    assert "sales@gence.example" in client.get("/companies/1").get_data(as_text=True)


def test_cross_script_search_finds_the_firm(client, factory):
    factory.company(name="Gəncə Aqro MMC", city="Gəncə")
    factory.company(name="ООО Волга Агро", country="RU", city="Астрахань")
    factory.company(name="Жигули Трейд", country="RU", city="Самара")
    factory.company(name="Quba Bağları", city="Quba")
    for q, expected in (
        ("Гянджа Агро", "Gəncə Aqro"),
        ("Gence Aqro", "Gəncə Aqro"),
        ("Volga Agro", "Волга Агро"),
        ("Jiguli", "Жигули"),
        ("Zhiguli", "Жигули"),
        ("Quba Bağ", "Quba Bağları"),
    ):
        html = client.get("/companies", query_string={"q": q}).get_data(as_text=True)
        first = html.split('class="company-card"')[1]
        assert expected in first, (q, first[:300])


def test_filters_and_absurd_pages(client, factory):
    factory.company(name="Az Grower", sectors=["01.13"], verified=False)
    factory.company(name="Ru Wholesaler", country="RU", city="Москва", sectors=["46.31"])
    assert "Ru Wholesaler" not in client.get("/companies?country=AZ").get_data(as_text=True)
    html = client.get("/companies?section=G").get_data(as_text=True)
    assert "Ru Wholesaler" in html
    assert "Az Grower" not in html
    html = client.get("/companies?section=A&division=01").get_data(as_text=True)
    assert "Az Grower" in html
    assert "Ru Wholesaler" not in html
    for page in ("9999999999999999999999999", "-5", "abc", "0"):
        assert client.get(f"/companies?page={page}").status_code == 200
        assert client.get(f"/companies?page={page}&q=grower").status_code == 200


def test_member_edits_own_firm_not_others(client, factory):
    mine = factory.company(name="Mine")
    other = factory.company(name="Other", country="RU", city="Москва")
    factory.user(email="member@az.example", company=mine)
    client.post("/login", data={"email": "member@az.example", "password": PASSWORD})
    assert client.get(f"/companies/{other.id}/edit").status_code == 403
    r = client.post(
        f"/companies/{mine.id}/edit",
        data={
            "name": "Mine Renamed",
            "country": "AZ",
            "city": "Bakı",
            "sectors": ["01.13", "46.31"],
            "offers": "pomidor\nxiyar",
            "needs": "traktor",
            "languages": ["az", "ru"],
            "website": "https://mine.az",
            "email": "a@mine.az",
            "phone": "+994 12 555 55 55",
            "description": "",
            "size_band": "small",
            "year_founded": "2001",
        },
    )
    assert r.status_code == 302
    db.session.refresh(mine)
    assert mine.name == "Mine Renamed"
    assert mine.sectors == ["01.13", "46.31"]
    assert mine.offers == ["pomidor", "xiyar"]
    assert mine.completeness() > 80


def test_edit_errors_are_shown_on_fields_and_nothing_is_saved(client, factory):
    mine = factory.company(name="Mine")
    factory.user(email="member@az.example", company=mine)
    client.post("/login", data={"email": "member@az.example", "password": PASSWORD})
    r = client.post(
        f"/companies/{mine.id}/edit",
        data={
            "name": "Changed",
            "country": "AZ",
            "sectors": ["99.99"],
            "website": "not a url",
            "email": "x@",
            "year_founded": "1700",
            "size_band": "",
        },
    )
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    # the form's own checks (email-validator) come first, the profile rules once those pass
    assert "Enter a valid e-mail address." in html
    assert 'aria-invalid="true"' in html
    r = client.post(
        f"/companies/{mine.id}/edit",
        data={
            "name": "Changed",
            "country": "AZ",
            "sectors": ["99.99"],
            "website": "not a url",
            "size_band": "",
        },
    )
    assert r.status_code == 422
    assert "Unknown NACE" in r.get_data(as_text=True)
    db.session.refresh(mine)
    assert mine.name == "Mine"


def test_staff_verify_and_hide(client, factory):
    firm = factory.company(name="Firm To Verify")
    factory.user(email="staff@center.example", role="staff")
    client.post("/login", data={"email": "staff@center.example", "password": PASSWORD})
    assert client.post(f"/companies/{firm.id}/verify", data={"verified": "1"}).status_code == 302
    db.session.refresh(firm)
    assert firm.verified
    assert "Verified" in client.get(f"/companies/{firm.id}").get_data(as_text=True)
    client.post(f"/companies/{firm.id}/hide", data={"hidden": "1"})
    client.post("/logout")
    assert client.get(f"/companies/{firm.id}").status_code == 404
    assert "Firm To Verify" not in client.get("/companies").get_data(as_text=True)


def test_join_request_and_approval(app, factory):
    firm = factory.company(name="Joinable")
    factory.user(email="owner@example.com", company=firm)
    newcomer = factory.user(email="new@example.com")
    c = app.test_client()
    c.post("/login", data={"email": "new@example.com", "password": PASSWORD})
    assert c.post(f"/companies/{firm.id}/join").status_code == 302
    db.session.refresh(newcomer)
    assert newcomer.membership == "pending"
    assert newcomer.active_company_id is None
    assert c.get(f"/companies/{firm.id}/edit").status_code == 403
    owner = app.test_client()
    owner.post("/login", data={"email": "owner@example.com", "password": PASSWORD})
    assert "new@example.com" in owner.get("/account").get_data(as_text=True)
    owner.post(f"/account/members/{newcomer.id}/approve")
    db.session.refresh(newcomer)
    assert newcomer.active_company_id == firm.id


def test_sector_picker_search(client):
    data = client.get("/companies/sectors.json?q=вино").get_json()
    assert any(item["code"] == "11.02" for item in data["items"])
