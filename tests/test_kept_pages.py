"""Answers kept per worker for a signed-in reader (matchmaker/matching/list_cache.py): the partners page
as a whole (menu included) and the API's finished body. What a kept answer shows must be what a fresh
one would: the reader's own menu and unread count, messages flashed for this request only, the
reader's CSRF token, and a firm's visibility as of now. The menu's count is one statement that must
agree with the member's notification choices."""

from __future__ import annotations

import re

import pytest
from flask_login import login_user

from matchmaker.auth import services as auth_services
from matchmaker.companies import services as company_services
from matchmaker.extensions import db
from matchmaker.notifications import services as notes
from matchmaker.notifications.models import Category
from matchmaker.web.menu import menu, unread_at_sign_in
from tests.query_counter import count_queries
from tests.support import PASSWORD


def _signed_in(app, email):
    client = app.test_client()
    assert client.post("/login", data={"email": email, "password": PASSWORD}).status_code == 302
    client.get("/")  # the "welcome back" message shown
    return client


def _badge(page: str) -> int:
    found = re.search(r'class="notif">[^<]*<span class="count"[^>]*>(\d+)</span>', page)
    return int(found.group(1)) if found else 0


@pytest.fixture
def firms(factory):
    az = factory.company(name="Gəncə Aqro", offers=["pomidor"], needs=["traktor"], languages=["az"])
    ru = factory.company(
        name="Волга Овощ", country="RU", city="Астрахань", needs=["томаты"], languages=["ru"]
    )
    factory.company(name="Урал Техника", country="RU", city="Самара", offers=["тракторы"], languages=["ru"])
    return az, ru


def test_the_menu_count_follows_each_members_choices(app, factory, firms):
    az, _ru = firms
    first = factory.user(email="first@az.example", company=az)
    second = factory.user(email="second@az.example", company=az)
    notes.notify(az.id, "interest", name="ООО Волга")  # matches: shown by default
    notes.notify(az.id, "match", name="АО Каспий")
    notes.notify(az.id, "meeting_requested", name="ООО Дон")  # meetings: shown by default
    notes.notify(az.id, "digest", count=3)  # the digest: not shown in the application by default
    notes.notify(az.id, "verification_granted")  # of no category: always shown
    notes.set_preference(first.id, Category.MATCHES, in_app=False)
    notes.set_preference(second.id, Category.DIGEST, in_app=True)
    db.session.commit()

    assert notes.unread_for(first) == 2  # meeting, verification
    assert notes.unread_for(second) == 5  # all, the digest turned on
    a, b = _signed_in(app, first.email), _signed_in(app, second.email)
    for client, count in ((a, 2), (b, 5)):
        assert _badge(client.get("/partners").get_data(as_text=True)) == count
        # the same as the notes page shows unread, by its own reading of the member's choices
        assert client.get("/notifications").get_data(as_text=True).count('class="unread"') == count
    assert a.post("/notifications/read").status_code == 302
    assert _badge(a.get("/partners").get_data(as_text=True)) == 0
    assert _badge(b.get("/partners").get_data(as_text=True)) == 5


def test_a_kept_partners_page_is_the_readers_own(app, factory, firms):
    az, _ru = firms
    factory.user(email="first@az.example", company=az, locale="az")
    factory.user(email="second@az.example", company=az, locale="az")
    db.session.commit()
    a, b = _signed_in(app, "first@az.example"), _signed_in(app, "second@az.example")
    page = a.get("/partners").get_data(as_text=True)
    with count_queries() as fresh:
        again = a.get("/partners").get_data(as_text=True)
    assert again == page  # kept: the same page, token included (the session's token is stable)
    assert "mm-csrf-slot" not in again
    assert "mm-flash-slot" not in again
    token = re.search(r'name="csrf_token" value="([^"]+)"', again).group(1)
    assert again.count(f'value="{token}"') == again.count('name="csrf_token"')  # every form, this reader's

    # the other member gets a page of their own session
    theirs = b.get("/partners").get_data(as_text=True)
    assert f'value="{token}"' not in theirs

    # a message flashed for the next page shows on the kept page once
    with a.session_transaction() as session:
        session["_flashes"] = [("info", "Profil yadda saxlanıldı")]
    with count_queries() as kept:
        flashed = a.get("/partners").get_data(as_text=True)
    assert flashed.count("Profil yadda saxlanıldı") == 1
    assert len(kept) <= len(fresh)  # served from the store: the flash costs no statement
    assert "Profil yadda saxlanıldı" not in a.get("/partners").get_data(as_text=True)

    # a new note moves the reader's menu: the page is worked out again with the count
    notes.notify(az.id, "verification_granted")
    db.session.commit()
    assert _badge(a.get("/partners").get_data(as_text=True)) == 1


def _suggestions(client, company_id, token):
    return client.get(
        f"/api/v1/companies/{company_id}/suggestions", headers={"Authorization": f"Bearer {token}"}
    )


def test_a_kept_api_answer_follows_the_firms_visibility(app, client, factory, firms):
    az, ru = firms
    outsider = factory.token(factory.user(email="outsider@ru.example", company=ru))
    member = factory.token(factory.user(email="member@az.example", company=az))
    db.session.commit()
    first = _suggestions(client, az.id, outsider)
    assert first.status_code == 200
    assert first.mimetype == "application/json"
    assert _suggestions(client, az.id, outsider).get_data() == first.get_data()  # kept, the same bytes
    assert first.get_json()[0]["company"] == az.public_id

    company_services.set_hidden(az, True)
    db.session.commit()
    hidden = _suggestions(client, az.id, outsider)
    assert hidden.status_code == 404
    assert hidden.get_json()["error"]["message"]
    assert _suggestions(client, az.id, member).status_code == 200  # the firm's own member still sees it
    assert _suggestions(client, az.id, outsider).status_code == 404  # kept as hidden, for outsiders

    for missing in (10**6, 2**63):
        assert _suggestions(client, missing, outsider).status_code == 404


def test_the_count_read_with_the_account_is_read_again_once_a_note_is_written(app, factory, firms):
    """The menu's count comes with the account's read at sign-in; a request that writes a note, reads
    its notes or changes a choice shows the count as it is after that."""
    az, _ru = firms
    member = factory.user(email="member@az.example", company=az)
    notes.notify(az.id, "interest", name="ООО Волга")
    firm_id, member_id, signed_in = az.id, member.id, member.get_id()
    db.session.commit()  # the test's own session ends its transaction: each request has its own
    counts = []
    for change in (
        lambda: None,
        lambda: notes.notify(firm_id, "match", name="АО Каспий"),
        lambda: notes.mark_all_read(firm_id, member_id),
        lambda: notes.set_preference(member_id, Category.MATCHES, in_app=False),
    ):
        with app.app_context(), app.test_request_context("/partners"):  # a request of its own
            reader, unread = auth_services.reader_from_session_id(signed_in)
            unread_at_sign_in(reader, unread)
            login_user(reader)
            change()
            assert menu()["unread_notifications"] == notes.unread_for(reader)
            db.session.commit()
        counts.append(unread)
    assert counts == [1, 1, 2, 0]  # as read with the account, before each request's change
    version = int(signed_in.split(":")[1])
    assert auth_services.reader_from_session_id(f"{member_id}:{version + 1}") is None
    assert auth_services.reader_from_session_id("nonsense") is None


def test_a_kept_answer_reads_two_statements(app, factory, firms):
    """What a kept answer costs the database: the reader (the account with the menu's count, or the
    API token with its account) and the list's stamp; nothing that grows with the list."""
    az, _ru = firms
    member = factory.user(email="member@az.example", company=az)
    token = factory.token(member)
    db.session.commit()
    firm_id = az.id  # read now: the test's own objects expire at each request's commit
    page = _signed_in(app, member.email)
    api = app.test_client()
    answers = {
        "partners page": lambda: page.get("/partners"),
        "api": lambda: _suggestions(api, firm_id, token),
    }
    for name, ask in answers.items():
        for _warm in range(2):  # a token's first use writes its "last used" date: not kept then
            assert ask().status_code == 200
        with count_queries() as seen:
            assert ask().status_code == 200
        selects = [s for s in seen if s.lstrip().upper().startswith("SELECT")]
        assert len(selects) == 2, (name, [" ".join(s.split())[:90] for s in selects])
        assert "change_counter" in selects[1], (name, selects)


def test_the_api_answers_a_conditional_request_while_the_list_is_unchanged(app, client, factory, firms):
    az, ru = firms
    token = factory.token(factory.user(email="member@az.example", company=az))
    db.session.commit()
    url = f"/api/v1/companies/{az.id}/suggestions"
    first = client.get(url, headers={"Authorization": f"Bearer {token}"})
    etag = first.headers["ETag"]
    assert first.status_code == 200
    same = client.get(url, headers={"Authorization": f"Bearer {token}", "If-None-Match": etag})
    assert same.status_code == 304
    assert same.get_data() == b""
    other_language = client.get(
        f"{url}?lang=ru", headers={"Authorization": f"Bearer {token}", "If-None-Match": etag}
    )
    assert other_language.status_code == 200  # another body, another tag
    assert other_language.headers["ETag"] != etag

    member = factory.user(email="second@az.example", company=az)
    page = _signed_in(app, member.email)
    assert page.post(f"/partners/{ru.id}/declined").status_code == 302  # the list changes
    changed = client.get(url, headers={"Authorization": f"Bearer {token}", "If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
    assert ru.id not in {row["partner_id"] for row in changed.get_json()}
