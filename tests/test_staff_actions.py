"""Staff: destructive actions ask first (a page, no JavaScript needed), say what happened and offer
the undo; the verification queue shows whom to call, searches, filters, verifies several firms at
once, turns one down with a reason the firm reads in its language, and stays where the staff were."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from matchmaker.dbtypes import utcnow
from matchmaker.extensions import db
from matchmaker.notifications.models import Notification
from tests.support import PASSWORD


def _staff(client, factory):
    factory.user(email="staff@center.example", role="staff", full_name="Rəşad Quliyev")
    client.post("/login", data={"email": "staff@center.example", "password": PASSWORD})


def _undo_form(html: str) -> tuple[str, dict]:
    """The action and hidden fields of the undo button in the page's alert."""
    import re

    block = html[html.index("alert-undo") :]
    block = block[: block.index("</form>")]
    action = re.search(r'action="([^"]+)"', block).group(1)
    fields = dict(re.findall(r'type="hidden" name="(\w+)" value="([^"]*)"', block))
    fields.pop("csrf_token", None)
    return action.replace("&amp;", "&"), {k: v.replace("&amp;", "&") for k, v in fields.items()}


def test_hiding_a_firm_asks_first_then_says_so_and_offers_the_undo(client, factory):
    firm = factory.company(name="Xəzər Balıq MMC")
    _staff(client, factory)
    profile = client.get(f"/companies/{firm.id}").get_data(as_text=True)
    assert f'href="/companies/{firm.id}/hide"' in profile  # a link to the question, not a POST
    page = client.get(f"/companies/{firm.id}/hide?lang=ru")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Скрыть компанию «Xəzər Balıq MMC»?" in html
    assert 'name="hidden" value="1"' in html
    db.session.refresh(firm)
    assert not firm.hidden  # asking changes nothing

    done = client.post(f"/companies/{firm.id}/hide", data={"hidden": "1"}, follow_redirects=True)
    html = done.get_data(as_text=True)
    assert "Компания «Xəzər Balıq MMC» скрыта из каталога." in html
    db.session.refresh(firm)
    assert firm.hidden
    action, fields = _undo_form(html)
    assert action == f"/companies/{firm.id}/hide"
    assert fields["hidden"] == "0"
    client.post(action, data=fields)
    db.session.refresh(firm)
    assert not firm.hidden


def test_withdrawing_verification_asks_first_and_can_be_undone(client, factory):
    firm = factory.company(name="Şəki İpək")
    _staff(client, factory)
    client.post(f"/companies/{firm.id}/verify", data={"verified": "1"})
    page = client.get(f"/companies/{firm.id}/verify?lang=az").get_data(as_text=True)
    assert "Şəki İpək şirkətinin təsdiqi geri götürülsün?" in page
    html = client.post(
        f"/companies/{firm.id}/verify", data={"verified": "0"}, follow_redirects=True
    ).get_data(as_text=True)
    db.session.refresh(firm)
    assert not firm.verified
    action, fields = _undo_form(html)
    client.post(action, data=fields)
    db.session.refresh(firm)
    assert firm.verified


def test_confirmation_pages_are_for_staff_only(client, factory, auth):
    firm = factory.company(name="Firm")
    factory.user(email="member@az.example", company=firm)
    auth.login()
    assert client.get(f"/companies/{firm.id}/hide").status_code == 403
    assert client.post(f"/companies/{firm.id}/hide", data={"hidden": "1"}).status_code == 403
    assert client.get("/staff/verification").status_code == 403


def test_the_queue_shows_contact_website_email_and_date_and_searches(client, factory):
    old = factory.company(
        name="Gəncə Aqro MMC", website="https://genceaqro.az", email="info@genceaqro.az", city="Gəncə"
    )
    old.created_at = utcnow() - timedelta(days=3)
    factory.user(email="leyla@genceaqro.az", company=old, full_name="Leyla Həsənova")
    factory.company(name="ООО Волга Агро", country="RU", city="Астрахань")
    factory.company(name="Verified Firm").verified = True
    db.session.commit()
    _staff(client, factory)
    html = client.get("/staff/verification").get_data(as_text=True)
    for text in (
        "Gəncə Aqro MMC",
        "Leyla Həsənova",
        "leyla@genceaqro.az",
        "https://genceaqro.az",
        "info@genceaqro.az",
        "ООО Волга Агро",
    ):
        assert text in html, text
    assert "Verified Firm" not in html
    assert html.index("Gəncə Aqro MMC") < html.index("ООО Волга Агро")  # oldest first
    # search by the contact person, by the e-mail; filter by country
    assert "Gəncə Aqro MMC" in client.get("/staff/verification?q=leyla").get_data(as_text=True)
    found = client.get("/staff/verification?q=genceaqro.az").get_data(as_text=True)
    assert "Gəncə Aqro MMC" in found
    assert "ООО Волга Агро" not in found
    ru = client.get("/staff/verification?country=RU").get_data(as_text=True)
    assert "ООО Волга Агро" in ru
    assert "Gəncə Aqro MMC" not in ru
    assert client.get("/staff/verification?status=nonsense&page=x").status_code == 200


def test_bulk_verify_stays_in_the_filtered_queue_and_can_be_undone(client, factory):
    firms = [factory.company(name=f"Firm {i}", country="RU") for i in range(3)]
    _staff(client, factory)
    back = "/staff/verification?country=RU"
    r = client.post(
        "/staff/verification/verify",
        data={"company_ids": [firms[0].id, firms[1].id], "back": back},
    )
    assert r.status_code == 302
    assert r.headers["Location"] == back
    for f in firms:
        db.session.refresh(f)
    assert [f.verified for f in firms] == [True, True, False]
    html = client.get(back).get_data(as_text=True)
    assert "Firm 0" in html
    assert "Firm 2" in html
    assert f'id="firm-{firms[2].id}"' in html
    assert f'id="firm-{firms[0].id}"' not in html
    # each verified firm was told
    kinds = db.session.scalars(select(Notification.kind).where(Notification.company_id == firms[0].id)).all()
    assert kinds == ["verification_granted"]
    action, fields = _undo_form(html)
    assert client.post(action, data=fields).headers["Location"] == back
    db.session.refresh(firms[0])
    assert not firms[0].verified
    # the one-firm button, and nothing chosen: an error, no 500, still in the queue
    client.post("/staff/verification/verify", data={"only": firms[2].id, "back": back})
    db.session.refresh(firms[2])
    assert firms[2].verified
    r = client.post("/staff/verification/verify", data={"back": back}, follow_redirects=True)
    assert r.status_code == 200
    assert "Choose at least one firm" in r.get_data(as_text=True)
    # a foreign "back" is not followed
    r = client.post("/staff/verification/verify", data={"only": firms[1].id, "back": "https://evil.example/"})
    assert r.headers["Location"] == "/staff/verification"


def test_turn_down_with_a_reason_the_firm_reads_in_its_language(client, factory):
    firm = factory.company(name="Lənkəran Çay ASC")
    member = factory.user(email="member@lenkeran.az", company=firm, locale="az")
    _staff(client, factory)
    back = "/staff/verification?q=%C3%A7ay"
    page = client.get(f"/staff/verification/{firm.id}/reject?back=/staff/verification%3Fq%3D%25C3%25A7ay")
    assert page.status_code == 200
    # no reason: the field says so, nothing changes
    r = client.post(f"/staff/verification/{firm.id}/reject", data={"reason": "  ", "back": back})
    assert r.status_code == 422
    assert 'aria-invalid="true"' in r.get_data(as_text=True)
    db.session.refresh(firm)
    assert firm.verification_rejected_at is None
    r = client.post(
        f"/staff/verification/{firm.id}/reject",
        data={"reason": "Vebsayt açılmır, VÖEN göstərilməyib.", "back": back},
    )
    assert r.status_code == 302
    assert r.headers["Location"] == back
    db.session.refresh(firm)
    assert firm.verification_rejected_at is not None
    assert not firm.verified
    assert f'id="firm-{firm.id}"' not in client.get("/staff/verification").get_data(as_text=True)
    rejected = client.get("/staff/verification?status=rejected").get_data(as_text=True)
    assert "Lənkəran Çay ASC" in rejected
    assert "VÖEN" in rejected
    # the firm is told, in its members' language
    note = db.session.scalars(select(Notification).where(Notification.company_id == firm.id)).one()
    assert note.kind == "verification_rejected"
    client.post("/logout")
    client.post("/login", data={"email": member.email, "password": PASSWORD})
    html = client.get("/notifications?lang=az").get_data(as_text=True)
    assert "Vebsayt açılmır, VÖEN göstərilməyib." in html
    assert "Biznes mərkəzi" in html
    assert "Бизнес-центр пока не смог подтвердить" in client.get("/notifications?lang=ru").get_data(
        as_text=True
    )
    # the firm corrects its profile: back in the queue
    r = client.post(
        f"/companies/{firm.id}/edit",
        data={
            "name": "Lənkəran Çay ASC",
            "country": "AZ",
            "city": "Lənkəran",
            "website": "https://cay.az",
            "size_band": "",
        },
    )
    assert r.status_code == 302, re.findall(r"has-error.{0,400}", r.get_data(as_text=True), re.S)
    db.session.refresh(firm)
    assert firm.verification_rejected_at is None


def test_a_rejection_can_be_undone(client, factory):
    firm = factory.company(name="Quba Alma")
    _staff(client, factory)
    html = client.post(
        f"/staff/verification/{firm.id}/reject",
        data={"reason": "Нет сайта.", "back": "/staff/verification"},
        follow_redirects=True,
    ).get_data(as_text=True)
    action, fields = _undo_form(html)
    assert action == f"/staff/verification/{firm.id}/reopen"
    client.post(action, data=fields)
    db.session.refresh(firm)
    assert firm.verification_rejected_at is None
    assert firm.verification_reason == ""
