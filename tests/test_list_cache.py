"""The suggestions API keeps each firm's rendered list per worker (matchmaker/matching/list_cache.py):
a decision (interested, no thanks, undo) or an edit of a partner shows at once, also when it was
made through another application instance on the same database (whose change does not pass
through this instance's memory)."""

from __future__ import annotations

import pytest

from matchmaker.companies import services as company_services
from matchmaker.companies.models import Company
from matchmaker.extensions import db
from tests.databases import ON_PG, TEST_DB
from tests.factories import Factory
from tests.support import PASSWORD


@pytest.fixture
def hosts(make_app, tmp_path):
    url = TEST_DB if ON_PG else f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    a = make_app(SQLALCHEMY_DATABASE_URI=url)
    b = make_app(SQLALCHEMY_DATABASE_URI=url, create_schema=False)
    return a, b


def _firms(factory):
    me = factory.company(name="Gəncə Aqro", offers=["pomidor", "xiyar"], needs=["traktor"], sectors=["01.13"])
    veg = factory.company(
        name="Волга Овощ", country="RU", city="Астрахань", needs=["томаты", "огурцы"], sectors=["46.31"]
    )
    tractor = factory.company(
        name="Урал Техника", country="RU", city="Самара", offers=["тракторы"], sectors=["28.30"]
    )
    return me, veg, tractor


def _listed(client, company_id, token, lang="az"):
    url = f"/api/v1/companies/{company_id}/suggestions?lang={lang}"
    r = client.get(url, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.data
    return r.get_json()


def test_a_decision_or_an_edit_through_another_instance_shows_at_once(hosts):
    a, b = hosts
    with a.app_context():
        factory = Factory()
        me, veg, tractor = _firms(factory)
        user = factory.user(email="member@az.example", company=me)
        token = factory.token(user)
        db.session.commit()
        ids = me.id, veg.id, tractor.id
    me_id, veg_id, tractor_id = ids
    ca, cb = a.test_client(), b.test_client()
    first = _listed(ca, me_id, token)
    assert {row["partner_id"] for row in first} == {veg_id, tractor_id}
    assert _listed(ca, me_id, token) == first  # kept, and the same
    assert _listed(cb, me_id, token) == first

    # "no thanks" through host B: host A's kept list drops the partner at once
    assert cb.post("/login", data={"email": "member@az.example", "password": PASSWORD}).status_code == 302
    assert cb.post(f"/partners/{veg_id}/declined").status_code == 302
    assert veg_id not in {row["partner_id"] for row in _listed(ca, me_id, token)}
    # undo through B: back in A's list, where it was
    assert cb.post(f"/partners/{veg_id}/undo").status_code == 302
    assert _listed(ca, me_id, token) == first
    # "interested" keeps the partner in the list (and the list is read again, not stale)
    assert cb.post(f"/partners/{veg_id}/interested").status_code == 302
    assert {row["partner_id"] for row in _listed(ca, me_id, token)} == {veg_id, tractor_id}

    # an edit of a partner through host B: its new name and reasons in A's list at once
    with b.app_context():
        company_services.update_company(db.session.get(Company, tractor_id), {"name": "Волга Трактор"})
        db.session.commit()
    names = {row["partner_id"]: row["partner_name"] for row in _listed(ca, me_id, token)}
    assert names[tractor_id] == "Волга Трактор"
    # every language is kept apart
    ru = _listed(ca, me_id, token, "ru")
    assert ru != _listed(ca, me_id, token, "az")
    assert ru == _listed(cb, me_id, token, "ru")


def test_a_partner_hidden_through_another_instance_leaves_the_list(hosts):
    a, b = hosts
    with a.app_context():
        factory = Factory()
        me, veg, tractor = _firms(factory)
        token = factory.token(factory.user(email="member@az.example", company=me))
        db.session.commit()
        me_id, veg_id = me.id, veg.id
    ca = a.test_client()
    assert veg_id in {row["partner_id"] for row in _listed(ca, me_id, token)}
    with b.app_context():
        db.session.get(Company, veg_id).hidden = True
        db.session.commit()
    assert veg_id not in {row["partner_id"] for row in _listed(ca, me_id, token)}
