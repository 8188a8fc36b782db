"""Notes belong to the firm; reading them is each member's own."""

from __future__ import annotations

from matchmaker.extensions import db
from matchmaker.notifications import services as notes
from tests.support import PASSWORD


def test_one_member_reading_does_not_mark_the_others_notes_read(app, factory):
    firm = factory.company(name="Gəncə Aqro")
    first = factory.user(email="first@az.example", company=firm)
    second = factory.user(email="second@az.example", company=firm)
    notes.notify(firm.id, "interest", name="ООО Волга")
    notes.notify(firm.id, "match", name="АО Каспий")
    db.session.commit()
    a, b = app.test_client(), app.test_client()
    a.post("/login", data={"email": first.email, "password": PASSWORD})
    b.post("/login", data={"email": second.email, "password": PASSWORD})
    assert notes.unread_for(first) == 2
    assert a.get("/notifications").get_data(as_text=True).count('class="unread"') == 2
    assert a.post("/notifications/read").status_code == 302
    assert notes.unread_for(first) == 0
    assert notes.unread_for(second) == 2
    assert a.get("/notifications").get_data(as_text=True).count('class="unread"') == 0
    assert b.get("/notifications").get_data(as_text=True).count('class="unread"') == 2
    # a later note is unread for both
    notes.notify(firm.id, "interest", name="ООО Дон")
    db.session.commit()
    assert notes.unread_for(first) == 1
    assert notes.unread_for(second) == 3
    # reading twice writes nothing twice
    a.post("/notifications/read")
    assert a.post("/notifications/read").status_code == 302
    assert notes.unread_for(first) == 0
