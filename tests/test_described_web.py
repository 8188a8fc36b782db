"""The profile editor shows what was read in the description, and adds a read item in one click."""

import re

from matchmaker.extensions import db
from tests.support import PASSWORD, csrf_token


def _login_member(client, factory, **company):
    mine = factory.company(name="Mine", **company)
    factory.user(email="member@az.example", company=mine)
    client.post("/login", data={"email": "member@az.example", "password": PASSWORD})
    return mine


def _form(**over):
    data = {
        "name": "Mine",
        "country": "AZ",
        "city": "Bakı",
        "offers": "",
        "needs": "",
        "description": "",
        "size_band": "",
    }
    data.update(over)
    return data


def test_saving_a_description_shows_what_was_read(client, factory):
    mine = _login_member(client, factory)
    r = client.post(
        f"/companies/{mine.id}/edit?lang=en",
        data=_form(
            description="Lənkərandan pomidor və xiyar ixrac edirik. Soyuducu anbar lazımdır. Kvazimal alırıq."
        ),
    )
    assert r.status_code == 302
    assert r.headers["Location"].endswith("#understood")
    html = client.get(r.headers["Location"]).get_data(as_text=True)
    summary = re.search(r"<p class=\"read-summary\">(.*?)</p>", html, re.S).group(1)
    assert " ".join(summary.split()) == "We read: you offer tomato, cucumber; you seek cold storage"
    assert "«Kvazimal»" in html
    assert "Words we did not recognise" in html


def test_one_click_adds_a_read_item_to_the_list(client, factory):
    mine = _login_member(client, factory, description="Закупаем фундук и грецкий орех.", offers=[], needs=[])
    page = client.get(f"/companies/{mine.id}/edit?lang=ru").get_data(as_text=True)
    assert "Мы прочитали: вы ищете" in page
    r = client.post(
        f"/companies/{mine.id}/understood?lang=ru",
        data={"csrf_token": csrf_token(page), "side": "need", "concept": "walnut"},
    )
    assert r.status_code == 302
    db.session.refresh(mine)
    assert mine.needs == ["грецкий орех"]
    page = client.get(f"/companies/{mine.id}/edit?lang=ru").get_data(as_text=True)
    assert "уже в вашем списке" in page
    # the same again, or something the description does not name: refused, nothing written
    for concept in ("walnut", "wine"):
        r = client.post(
            f"/companies/{mine.id}/understood?lang=ru",
            data={"csrf_token": csrf_token(page), "side": "need", "concept": concept},
            follow_redirects=True,
        )
        assert r.status_code == 200
    db.session.refresh(mine)
    assert mine.needs == ["грецкий орех"]


def test_others_cannot_add_to_a_firm_they_do_not_edit(client, factory):
    _login_member(client, factory)
    other = factory.company(name="Other", country="RU", city="Москва", description="Закупаем фундук.")
    page = client.get("/companies").get_data(as_text=True)
    r = client.post(
        f"/companies/{other.id}/understood",
        data={"csrf_token": csrf_token(page), "side": "need", "concept": "hazelnut"},
    )
    assert r.status_code == 403


def test_staff_import_preview_shows_what_descriptions_name(client, factory):
    factory.user(email="staff@center.example", role="staff")
    client.post("/login", data={"email": "staff@center.example", "password": PASSWORD})
    page = client.get("/staff/import?lang=en").get_data(as_text=True)
    csv_text = (
        "external_id,name,country,city,sectors,offers,needs,languages,website,email,description\n"
        "p-1,Lənkəran Meyvə,AZ,Lənkəran,,pomidor,,az,,,"
        "Pomidor və xiyar ixrac edirik. Soyuducu anbar lazımdır.\n"
    )
    r = client.post(
        "/staff/import?lang=en",
        data={"csrf_token": csrf_token(page), "csv_text": csv_text, "action": "preview"},
    )
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "offers cucumber; seeks cold storage" in html


def test_a_staff_one_click_add_to_another_firm_is_audited(client, factory):
    from sqlalchemy import select

    from matchmaker.accounts.models import AuditAction, AuditEntry

    staff = factory.user(email="staff@center.example", role="staff")
    other = factory.company(
        name="Other", country="RU", city="Москва", description="Закупаем фундук.", offers=[], needs=[]
    )
    client.post("/login", data={"email": "staff@center.example", "password": PASSWORD})
    page = client.get(f"/companies/{other.id}/edit?lang=ru").get_data(as_text=True)
    r = client.post(
        f"/companies/{other.id}/understood?lang=ru",
        data={"csrf_token": csrf_token(page), "side": "need", "concept": "hazelnut"},
    )
    assert r.status_code == 302
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == AuditAction.EDIT_FIRM))
    assert entry is not None
    assert (entry.actor_id, entry.company_id) == (staff.id, other.id)
    assert entry.before == {"needs": []}
    assert entry.after == {"needs": ["фундук"]}
