"""Privacy: consent at registration, the privacy notice, the data export, account deletion."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Text, cast, func, or_, select

from matchmaker.accounts import privacy
from matchmaker.auth.models import ApiToken, User
from matchmaker.companies.models import Company
from matchmaker.extensions import db
from matchmaker.mail.models import OutboxMessage
from matchmaker.matching.models import Suggestion
from matchmaker.meetings.models import Meeting, MeetingStatus
from matchmaker.notifications.models import Notification
from tests.booking_support import World
from tests.support import PASSWORD

NAME = "Zümrüd Qasımova-Testova"
EMAIL = "zumrud.q7@gence-aqro.example"


def _register(client, **overrides):
    data = {
        "full_name": NAME,
        "email": EMAIL,
        "password": PASSWORD,
        "confirm": PASSWORD,
        "firm_choice": "new",
        "company_name": "Gəncə Aqro",
        "country": "AZ",
        "city": "Gəncə",
        "consent": "y",
    }
    data.update(overrides)
    return client.post("/register", data=data)


def test_registration_needs_consent_and_stores_its_version_and_date(client):
    r = _register(client, consent="")
    assert r.status_code == 200
    assert "consent to the privacy notice" in r.get_data(as_text=True)
    assert db.session.scalar(select(func.count(User.id))) == 0
    r = _register(client)
    assert r.status_code == 302
    user = db.session.scalar(select(User).where(User.email == EMAIL))
    assert user.privacy_version == privacy.NOTICE_VERSION
    assert user.privacy_accepted_at is not None


@pytest.mark.parametrize(
    "lang, words",
    [("az", "Məxfilik"), ("ru", "конфиденциальности"), ("en", "Who sees contact details")],
)
def test_the_privacy_page_in_three_languages(client, lang, words):
    r = client.get(f"/privacy?lang={lang}")
    assert r.status_code == 200
    assert words in r.get_data(as_text=True)
    assert privacy.NOTICE_VERSION in r.get_data(as_text=True)


@pytest.fixture
def w(client, factory):
    world = World(factory, client)
    world.victim = factory.user(email=EMAIL, company=world.az, full_name=NAME)
    world.tokens[EMAIL] = factory.token(world.victim)
    return world


def _quote_the_victim(w):
    """Rows that name the victim: a meeting they booked (and the partner's letters about it), a
    letter to them, a note naming them, their firm's e-mail."""
    r = w.book(user=w.victim, topic="Pomidor")
    assert r.status_code == 201, r.get_json()
    meeting_id = r.get_json()["id"]
    assert w.call("POST", f"/api/v1/meetings/{meeting_id}/accept", user=w.ru_user).status_code == 200
    extra = User(email="third@az.example", password_hash="x", company=w.az, membership="active")
    db.session.add(extra)
    w.az.email = EMAIL
    db.session.commit()
    w.login(w.victim)
    assert w.client.post(f"/account/members/{extra.id}/remove", data={"confirm": "y"}).status_code == 302
    return meeting_id


def test_export_is_one_json_file_with_the_member_and_the_firm(w):
    meeting_id = _quote_the_victim(w)
    r = w.client.get("/account/export")
    assert r.status_code == 200
    assert r.mimetype == "application/json"
    assert "attachment" in r.headers["Content-Disposition"]
    data = json.loads(r.get_data(as_text=True))
    assert data["account"]["email"] == EMAIL
    assert data["account"]["full_name"] == NAME
    assert "password_hash" not in data["account"]
    assert [t["name"] for t in data["api_tokens"]] == ["test"]
    assert "token_hash" not in json.dumps(data["api_tokens"])
    company = data["company"]
    assert company["profile"]["name"] == "Gəncə Aqro MMC"
    assert meeting_id in [m["id"] for m in company["meetings"]]
    assert any(n["kind"] == "member_removed" for n in company["notifications"])
    assert NAME in [m["full_name"] for m in company["members"]]


def test_export_and_deletion_need_a_signed_in_member(client):
    assert client.get("/account/export").status_code == 302
    assert client.post("/account/delete", data={"password": PASSWORD}).status_code == 302


def _cells_naming(needles: list[str]) -> list[tuple[str, str]]:
    """Every (table, column) whose text (or JSON) holds one of ``needles``, over all tables."""
    found = []
    for table in db.metadata.sorted_tables:
        for column in privacy.text_columns(table):
            as_text = cast(column, Text)
            forms = [n for needle in needles for n in (needle, json.dumps(needle)[1:-1])]
            hit = db.session.scalar(
                select(func.count()).select_from(table).where(or_(*(as_text.contains(f) for f in forms)))
            )
            if hit:
                found.append((table.name, column.name))
    return found


def _user_references(user_id: int) -> list[tuple[str, str]]:
    users = User.__table__
    found = []
    for table in db.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is users and table is not users:
                hit = db.session.scalar(select(func.count()).select_from(table).where(fk.parent == user_id))
                if hit:
                    found.append((table.name, fk.parent.name))
    return found


def test_deletion_leaves_no_trace_of_the_person_in_any_table(w, app):
    meeting_id = _quote_the_victim(w)
    victim_id = w.victim.id
    assert _cells_naming([EMAIL, NAME])  # the test sees them before
    assert _user_references(victim_id)
    other = app.test_client()
    other.post("/login", data={"email": EMAIL, "password": PASSWORD})
    r = w.client.post("/account/delete", data={"password": PASSWORD})
    assert r.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, victim_id) is None
    assert _cells_naming([EMAIL, NAME]) == []
    assert _user_references(victim_id) == []
    assert db.session.scalar(select(func.count(ApiToken.id)).where(ApiToken.user_id == victim_id)) == 0
    # the firm keeps its meeting, without the person
    meeting = db.session.get(Meeting, meeting_id)
    assert meeting.requester_id == w.az.id
    assert meeting.created_by_id is None
    assert meeting.status == MeetingStatus.ACCEPTED
    # sessions and tokens are gone
    assert other.get("/account").status_code == 302
    assert w.call("GET", "/api/v1/meetings", user=w.victim).status_code == 401
    assert db.session.get(Company, w.az.id).hidden is False


def test_a_wrong_password_deletes_nothing(w):
    w.login(w.victim)
    r = w.client.post("/account/delete", data={"password": "not my password"})
    assert r.status_code == 422
    assert "password is not right" in r.get_data(as_text=True)
    assert db.session.get(User, w.victim.id) is not None


def _last_member(w):
    """The victim alone in a firm with a live meeting with a Russian firm."""
    db.session.delete(w.az_user)
    db.session.commit()
    r = w.book(user=w.victim, topic="Pomidor")
    assert r.status_code == 201, r.get_json()
    w.login(w.victim)
    return r.get_json()["id"]


def test_the_last_member_must_choose_and_may_hide_the_firm(w):
    _last_member(w)
    page = w.client.get("/account/delete").get_data(as_text=True)
    assert "last member" in page
    assert 'value="hide"' in page
    r = w.client.post("/account/delete", data={"password": PASSWORD})
    assert r.status_code == 422
    assert "Choose what happens to your firm" in r.get_data(as_text=True)
    r = w.client.post("/account/delete", data={"password": PASSWORD, "firm_fate": "hide"})
    assert r.status_code == 302
    db.session.expire_all()
    assert db.session.get(Company, w.az.id).hidden is True


def test_the_last_member_may_delete_the_firm_and_partners_are_told(w):
    meeting_id = _last_member(w)
    before = db.session.scalar(
        select(func.count(OutboxMessage.id)).where(OutboxMessage.user_id == w.ru_user.id)
    )
    firm_id = w.az.id
    naming = (
        select(func.count())
        .select_from(Suggestion)
        .where(or_(Suggestion.company_id == firm_id, Suggestion.partner_id == firm_id))
    )
    assert db.session.scalar(naming) > 0  # the firm has partners and is one
    r = w.client.post("/account/delete", data={"password": PASSWORD, "firm_fate": "delete"})
    assert r.status_code == 302
    db.session.expire_all()
    assert db.session.get(Company, firm_id) is None
    assert db.session.scalar(naming) == 0  # its list and its places in other lists went with it
    assert db.session.get(Meeting, meeting_id) is None
    note = db.session.scalar(
        select(Notification).where(
            Notification.company_id == w.ru.id, Notification.kind == "meeting_cancelled"
        )
    )
    assert note is not None
    assert note.params["name"] == "Gəncə Aqro MMC"
    after = db.session.scalar(
        select(func.count(OutboxMessage.id)).where(OutboxMessage.user_id == w.ru_user.id)
    )
    assert after == before + 1
    assert _cells_naming([EMAIL, NAME]) == []


def test_scrubbing_replaces_whole_names_only():
    assert privacy._json_replace({"by": "Ali", "name": "Alimentos MMC", "x": ["Ali Veli"]}, ["Ali"]) == {
        "by": privacy.FORMER_MEMBER,
        "name": "Alimentos MMC",
        "x": [f"{privacy.FORMER_MEMBER} Veli"],
    }
    assert privacy._json_replace("to a.b@x.example.", ["a.b@x.example"]) == f"to {privacy.FORMER_MEMBER}."
