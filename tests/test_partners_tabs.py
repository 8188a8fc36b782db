"""/partners as tabs (suggested, interested, mutual, declined) with undo; each answer brings the
reader back to the row's anchor (no JavaScript needed); the strength shown in words, in the order of
the bands; a bounded number of queries whatever the number of rows."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, select

from matchmaker.extensions import db
from matchmaker.matching import services
from matchmaker.matching.models import Interest, Suggestion
from tests.support import PASSWORD


@pytest.fixture
def firms(factory):
    return {
        "az": factory.company(name="Gəncə Aqro", offers=["pomidor", "xurma"], needs=["traktor"]),
        "veg": factory.company(
            name="Волга Овощ", country="RU", city="Астрахань", needs=["томаты"], languages=["ru"]
        ),
        "tractor": factory.company(
            name="Урал Техника", country="RU", city="Самара", offers=["тракторы"], languages=["ru"]
        ),
        "nuts": factory.company(
            name="Каспий Орех", country="RU", city="Москва", needs=["фундук"], languages=["ru"]
        ),
    }


def _signed_in(app, factory, company, email):
    factory.user(email=email, company=company)
    client = app.test_client()
    client.post("/login", data={"email": email, "password": PASSWORD})
    return client


def _ids_on(page: str) -> list[int]:
    return [int(x) for x in re.findall(r'<li class="company-card suggestion[^"]*" id="p-(\d+)"', page)]


def test_tabs_move_a_partner_along_and_undo_brings_it_back(app, factory, firms):
    az = _signed_in(app, factory, firms["az"], "az@example.com")
    veg, tractor = firms["veg"].id, firms["tractor"].id
    page = az.get("/partners").get_data(as_text=True)
    assert {veg, tractor} <= set(_ids_on(page))
    ids = _ids_on(page)
    nxt = ids[ids.index(veg) + 1] if ids.index(veg) + 1 < len(ids) else None

    # "Interested": back to the row's anchor on the same tab, the row shown as answered, with undo
    r = az.post(f"/partners/{veg}/interested", data={"tab": "suggested", "next": nxt or ""})
    assert r.status_code == 302
    assert r.headers["Location"].endswith(f"#p-{veg}")
    assert f"done={veg}" in r.headers["Location"]
    page = az.get(r.headers["Location"]).get_data(as_text=True)
    assert _ids_on(page) == ids  # nothing moved under the reader
    assert "Волга Овощ will see it" in page
    assert f"/partners/{veg}/undo" in page
    assert _ids_on(az.get("/partners?tab=interested").get_data(as_text=True)) == [veg]
    assert veg not in _ids_on(az.get("/partners").get_data(as_text=True))  # answered: left the tab

    # "No thanks": the row stays where it was, as a note with undo, before the next one
    r = az.post(f"/partners/{tractor}/declined", data={"tab": "suggested"})
    page = az.get(r.headers["Location"]).get_data(as_text=True)
    assert "Урал Техника will not be suggested again" in page
    assert _ids_on(az.get("/partners?tab=declined").get_data(as_text=True)) == [tractor]
    assert tractor not in _ids_on(az.get("/partners").get_data(as_text=True))

    # undo of the decline: suggested again, at its place; undo of the interest: answered no more
    r = az.post(f"/partners/{tractor}/undo", data={"tab": "declined"})
    assert r.status_code == 302
    assert "tab=declined" in r.headers["Location"]
    assert tractor in _ids_on(az.get("/partners").get_data(as_text=True))
    assert _ids_on(az.get("/partners?tab=declined").get_data(as_text=True)) == []
    az.post(f"/partners/{veg}/undo", data={"tab": "interested"})
    assert db.session.scalar(select(Interest).where(Interest.partner_id == veg)) is None
    assert veg in _ids_on(az.get("/partners").get_data(as_text=True))
    # an undo of nothing is harmless
    assert az.post(f"/partners/{veg}/undo").status_code == 302


def test_mutual_tab_offers_a_meeting(app, factory, firms):
    az = _signed_in(app, factory, firms["az"], "az@example.com")
    ru = _signed_in(app, factory, firms["veg"], "ru@example.com")
    az.post(f"/partners/{firms['veg'].id}/interested")
    ru.post(f"/partners/{firms['az'].id}/interested")
    page = az.get("/partners?tab=mutual").get_data(as_text=True)
    assert _ids_on(page) == [firms["veg"].id]
    assert f"/meetings/new?partner_id={firms['veg'].id}" in page
    assert _ids_on(az.get("/partners?tab=interested").get_data(as_text=True)) == []
    counts = re.findall(r'<span class="tab-count">(\d+)</span>', page)
    assert counts[2] == "1"


def test_the_profile_page_answer_still_goes_back_there(app, factory, firms):
    az = _signed_in(app, factory, firms["az"], "az@example.com")
    back = f"/companies/{firms['veg'].id}"
    r = az.post(f"/partners/{firms['veg'].id}/interested", data={"back": back})
    assert r.headers["Location"].endswith(back)


def test_strength_in_words_and_in_band_order(app, factory, firms):
    az = _signed_in(app, factory, firms["az"], "az@example.com")
    page = az.get("/partners?lang=en").get_data(as_text=True)
    bands = re.findall(r'<div class="strength band-(\w+)">', page)
    order = {"direct": 0, "related": 1, "sector": 2}
    assert bands
    assert bands == sorted(bands, key=order.get)
    assert bands[0] == "direct"
    assert "Direct match" in page
    scores = [s.score for s in db.session.scalars(select(Suggestion).order_by(Suggestion.score.desc()))]
    assert all(s >= 60 for s in scores[: bands.count("direct")])
    assert "Прямое совпадение" in az.get("/partners?lang=ru").get_data(as_text=True)
    assert "Birbaşa uyğunluq" in az.get("/partners?lang=az").get_data(as_text=True)


def test_the_page_reads_in_a_bounded_number_of_queries(app, factory, firms):
    app.config["LIST_CACHE"] = False  # the work of a list worked out (the kept one: below)
    az = _signed_in(app, factory, firms["az"], "az@example.com")
    az.get("/partners")  # the engine loaded, the session warm

    def count(url):
        seen = []
        listener = lambda *a, **k: seen.append(1)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert az.get(url).status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(seen)

    few = count("/partners")
    for n in range(8):
        factory.company(name=f"Русский Томат {n}", country="RU", needs=["томаты"], languages=["ru"])
    for t in ("suggested", "interested", "declined"):
        for pid in [p.id for _s, p, _i in services.suggestions_for(firms["az"].id)][:3]:
            if t != "suggested":
                az.post(f"/partners/{pid}/{t}")
    assert count("/partners") <= few
    assert count("/partners?tab=declined") <= few
    app.config["LIST_CACHE"] = True  # a kept list: one statement (the stamp) instead of the list's
    az.get("/partners?tab=declined")
    assert count("/partners?tab=declined") < few


def test_the_api_and_the_export_name_the_strength(client, runner, factory, firms):
    user = factory.user(email="api@example.com", company=firms["az"])
    token = factory.token(user)
    got = client.get(
        f"/api/v1/companies/{firms['az'].id}/suggestions", headers={"Authorization": f"Bearer {token}"}
    ).get_json()
    order = {"direct": 0, "related": 1, "sector": 2}
    assert got
    assert [order[s["strength"]] for s in got] == sorted(order[s["strength"]] for s in got)
    assert all((s["score"] >= 60) == (s["strength"] == "direct") for s in got)
    lines = runner.invoke(args=["matches", "export", "--top", "3"]).output.splitlines()
    assert lines
    assert all('"strength": "' in line for line in lines)


def test_interest_taken_back_and_given_again_is_told_once(app, factory, firms):
    from matchmaker.notifications.models import Notification

    az = _signed_in(app, factory, firms["az"], "az@example.com")
    for _ in range(3):
        az.post(f"/partners/{firms['veg'].id}/interested")
        az.post(f"/partners/{firms['veg'].id}/undo")
    told = db.session.scalars(
        select(Notification).where(
            Notification.company_id == firms["veg"].id, Notification.kind == "interest"
        )
    ).all()
    assert len(told) == 1
