"""The brokerage-day world shared by the event tests: two centers, staff, five firms, helpers."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from types import SimpleNamespace

from matchmaker.centers.models import Center
from matchmaker.dbtypes import utcnow
from matchmaker.events import services
from matchmaker.events.models import Event
from matchmaker.extensions import db
from tests.support import PASSWORD

DAY = date.today() + timedelta(days=30)


# world ----------------------------------------------------------------------------------------------
def make_world(factory):
    """Two centers with a staff member each, three AZ and two RU firms with one member each."""
    baku = Center(
        slug="abc-baku",
        name={
            "az": "Həştərxan Biznes Mərkəzi",
            "ru": "Астраханский бизнес-центр",
            "en": "Astrakhan Business Center",
        },
        city={"az": "Bakı", "ru": "Баку", "en": "Baku"},
        country="AZ",
        timezone="Asia/Baku",
        address={"en": "Baku"},
    )
    astr = Center(
        slug="azbc-astrakhan",
        name={
            "az": "Azərbaycan Biznes Mərkəzi",
            "ru": "Азербайджанский бизнес-центр",
            "en": "Azerbaijan Business Center",
        },
        city={"az": "Həştərxan", "ru": "Астрахань", "en": "Astrakhan"},
        country="RU",
        timezone="Europe/Astrakhan",
        address={"en": "Astrakhan"},
    )
    db.session.add_all([baku, astr])
    db.session.commit()
    w = SimpleNamespace(baku=baku, astr=astr)
    w.staff = factory.user("staff@baku.example", role="staff")
    w.staff.center_id = baku.id
    w.staff_other = factory.user("staff@astrakhan.example", role="staff")
    w.staff_other.center_id = astr.id
    for key, name, country in (
        ("az1", "Gəncə Aqro", "AZ"),
        ("az2", "Quba Bağları", "AZ"),
        ("az3", "Şəki İpək", "AZ"),
        ("ru1", "Волга Агро", "RU"),
        ("ru2", "Жигули Трейд", "RU"),
    ):
        company = factory.company(name=name, country=country, city="Bakı" if country == "AZ" else "Астрахань")
        setattr(w, key, company)
        setattr(w, "m_" + key, factory.user(f"{key}@firm.example", company=company))
    db.session.commit()
    return w


def login(client, user):
    client.post("/logout")
    r = client.post("/login", data={"email": user.email, "password": PASSWORD})
    assert r.status_code == 302, r.get_data(as_text=True)[:500]


def make_event(w, status="open", **over) -> Event:
    data = {
        "center_id": w.baku.id,
        "title": "AZ–RU Agro Day",
        "description": "",
        "day": DAY,
        "sessions": [(time(10), time(11)), (time(14, 30), time(15, 30))],
        "slot_minutes": 20,
        "tables": 2,
        "room_ids": [],
        "max_meetings": 5,
        "request_deadline": datetime.combine(DAY - timedelta(days=2), time(18), tzinfo=UTC),
    }
    data.update(over)
    event = services.save_event(w.staff, data)
    event.status = status
    db.session.commit()
    return event


def register_all(event, w, keys=("az1", "az2", "ru1", "ru2")):
    for key in keys:
        services.register(event, getattr(w, "m_" + key))
    db.session.commit()


def meet(event, w, a, b):
    """``a`` requests, ``b`` accepts: a meeting to schedule."""
    req = services.send_request(event, getattr(w, "m_" + a), getattr(w, b).id, "")
    meeting = services.answer_request(event, getattr(w, "m_" + b), req, accept=True)
    db.session.commit()
    return meeting


def pass_deadline(event):
    event.request_deadline = utcnow() - timedelta(minutes=1)
    db.session.commit()
