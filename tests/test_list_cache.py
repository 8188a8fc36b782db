"""The suggestions API keeps each firm's rendered list per worker (matchmaker/matching/list_cache.py):
a decision (interested, no thanks, undo) or an edit of a partner shows at once, also when it was
made through another application instance on the same database (whose change does not pass
through this instance's memory)."""

from __future__ import annotations

import re

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


def _tokenless(page):
    """The tabs and the list of a partners page, without the reader's CSRF tokens."""
    listed = page[page.index('id="partner-tabs"') : page.index("partners.js")]
    return re.sub(r'name="csrf_token" value="[^"]*"', "", listed)


def _tab(client, tab=""):
    r = client.get(f"/partners?tab={tab}")
    assert r.status_code == 200
    return r.get_data(as_text=True)


def test_the_partners_page_shows_decisions_through_another_instance_at_once(hosts):
    a, b = hosts
    with a.app_context():
        factory = Factory()
        me, veg, tractor = _firms(factory)
        factory.user(email="member@az.example", company=me)
        factory.user(email="second@az.example", company=me)
        factory.user(email="member@ru.example", company=veg)
        db.session.commit()
        me_id, veg_id, tractor_id = me.id, veg.id, tractor.id
    ca, cb, ca2, them = a.test_client(), b.test_client(), a.test_client(), b.test_client()
    for client, email in ((ca, "member@az.example"), (cb, "member@az.example"), (ca2, "second@az.example")):
        assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 302
    assert them.post("/login", data={"email": "member@ru.example", "password": PASSWORD}).status_code == 302
    page = _tab(ca)
    assert f'id="p-{veg_id}"' in page
    assert f'id="p-{tractor_id}"' in page
    assert _tokenless(_tab(ca)) == _tokenless(page)  # kept

    # the partner says "interested" through host B: A's kept list marks it at once
    assert them.post(f"/partners/{me_id}/interested").status_code == 302
    marked = _tab(ca)  # "interested in you" marked
    assert _tokenless(marked) != _tokenless(page)
    assert _tokenless(marked).count("<strong>") == _tokenless(page).count("<strong>") + 1

    # "no thanks" through B: gone from A's suggested tab, on its declined tab
    assert cb.post(f"/partners/{veg_id}/declined").status_code == 302
    assert f'id="p-{veg_id}"' not in _tab(ca)
    assert f'id="p-{veg_id}"' in _tab(ca, "declined")
    assert cb.post(f"/partners/{veg_id}/undo").status_code == 302
    assert f'id="p-{veg_id}"' in _tab(ca)

    # an edit of a partner through B shows in A's list at once
    with b.app_context():
        company_services.update_company(db.session.get(Company, tractor_id), {"name": "Волга Трактор"})
        db.session.commit()
    assert "Волга Трактор" in _tab(ca)

    # two members of one firm share the kept list, each with the own session's token
    own = ca2.get("/partners").get_data(as_text=True)
    assert "Волга Трактор" in own
    assert "mm-csrf-slot" not in own
    assert 'name="csrf_token" value=""' not in own


def test_a_rebuild_through_another_instance_shows_at_once(hosts):
    """``matches rebuild`` rewrites lists without an edit of any firm (after a lexicon update, say):
    it moves the change counter, so kept lists are worked out again."""
    from sqlalchemy import text

    from matchmaker.matching import refresh

    a, b = hosts
    with a.app_context():
        factory = Factory()
        me, veg, tractor = _firms(factory)
        token = factory.token(factory.user(email="member@az.example", company=me))
        db.session.commit()
        me_id = me.id
    ca = a.test_client()
    assert all(row["score"] != 42 for row in _listed(ca, me_id, token))
    with b.app_context():
        refresh.rebuild_all()
        # what a rebuild on a new lexicon would write
        db.session.execute(text("UPDATE suggestions SET score = 42 WHERE company_id = :c"), {"c": me_id})
        db.session.commit()
    assert {row["score"] for row in _listed(ca, me_id, token)} == {42}


def test_a_decline_taken_back_and_given_again_shows_its_new_score(hosts):
    """The same decision again after an undo is a new row with the score of its time: the
    declined tab shows that one, not the kept page's."""
    a, _b = hosts
    with a.app_context():
        factory = Factory()
        me, veg, _tractor = _firms(factory)
        factory.user(email="member@az.example", company=me)
        db.session.commit()
        veg_id = veg.id
    ca = a.test_client()
    assert ca.post("/login", data={"email": "member@az.example", "password": PASSWORD}).status_code == 302
    assert ca.post(f"/partners/{veg_id}/declined").status_code == 302
    with a.app_context():  # the partner now seeks what this firm sells: a higher score
        company_services.update_company(db.session.get(Company, veg_id), {"needs": ["pomidor", "xiyar"]})
        db.session.commit()
    _tab(ca, "declined")  # kept at this change number, with the score of the first "no thanks"
    assert ca.post(f"/partners/{veg_id}/undo").status_code == 302
    assert ca.post(f"/partners/{veg_id}/declined").status_code == 302
    with a.app_context():
        from matchmaker.matching.models import Interest

        score = db.session.scalar(db.select(Interest.score).where(Interest.partner_id == veg_id))
    after = _tokenless(_tab(ca, "declined"))
    assert f"{score:.0f}<small>/100</small>" in after
