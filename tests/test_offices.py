"""Office rental: a firm asks for an office for a period, the staff offer, accept or decline, and an
office is never promised twice for overlapping periods (also in the database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from matchmaker.centers.models import Room
from matchmaker.extensions import db
from matchmaker.offices import services
from matchmaker.offices.models import OfficeRental, RentalStatus
from tests.booking_support import World
from tests.databases import ON_PG


@pytest.fixture
def w(client, factory):
    world = World(factory, client)
    world.c["office501"] = db.session.scalar(select(Room).where(Room.name_en == "Business office 501"))
    return world


def _day(n: int):
    return datetime.now(UTC).date() + timedelta(days=n)


def _request(w, user, first=30, last=120, people=3, office=None):
    w.login(user)
    return w.client.post(
        f"/offices/{(office or w.c['office501']).id}/request",
        data={
            "first_day": _day(first).isoformat(),
            "last_day": _day(last).isoformat(),
            "people": str(people),
            "message": "Bir rüb üçün",
        },
    )


def test_listing_request_offer_and_accept(w):
    page = w.client.get("/offices?lang=ru").get_data(as_text=True)
    assert "Бизнес-офис 501" in page
    assert "36 м²" in page
    assert "Офис 301" in page
    assert _request(w, w.ru_user).status_code == 302
    rental = db.session.scalar(select(OfficeRental))
    assert rental.status == RentalStatus.REQUESTED
    assert not rental.promised
    # a second firm asks for an overlapping period: requests do not block each other
    assert _request(w, w.ru2_user, first=100, last=200).status_code == 302
    other = db.session.scalar(select(OfficeRental).where(OfficeRental.id != rental.id))
    # the Baku staff answer with an offer
    w.login(w.staff_baku)
    assert w.client.get(f"/staff/centers/{w.c['baku'].id}/offices?lang=az").status_code == 200
    r = w.client.post(f"/offices/rentals/{rental.id}/offer", data={"terms": ""})
    assert r.status_code == 422  # terms are needed
    r = w.client.post(f"/offices/rentals/{rental.id}/offer", data={"terms": "1500 AZN / ay"})
    assert r.status_code == 302
    db.session.refresh(rental)
    assert rental.status == RentalStatus.OFFERED
    assert rental.promised
    # the overlapping request can no longer be offered or accepted: never promised twice
    assert w.client.post(f"/offices/rentals/{other.id}/accept", data={}).status_code == 409
    assert w.client.post(f"/offices/rentals/{other.id}/offer", data={"terms": "1400"}).status_code == 409
    # and a new request for those days is refused at once
    assert _request(w, w.az_user, first=50, last=60).status_code == 409
    # the firm takes the offer
    w.login(w.ru_user)
    assert w.client.post(f"/offices/rentals/{rental.id}/accept", data={}).status_code == 302
    db.session.refresh(rental)
    assert rental.status == RentalStatus.ACCEPTED
    # the staff decline the other one; withdrawing the first would free the office
    w.login(w.staff_baku)
    assert w.client.post(f"/offices/rentals/{other.id}/decline", data={"reason": "Занято"}).status_code == 302
    csv = w.client.get(f"/staff/centers/{w.c['baku'].id}/offices.csv").get_data(as_text=True)
    assert f"{rental.id},accepted," in csv
    assert "1500 AZN / ay" in csv
    assert f"{other.id},declined," in csv
    # Astrakhan's staff cannot answer Baku's requests
    w.login(w.staff_astra)
    assert w.client.get(f"/offices/rentals/{rental.id}").status_code == 403
    assert w.client.get(f"/staff/centers/{w.c['baku'].id}/offices.csv").status_code == 403


def test_bad_input(w):
    assert _request(w, w.ru_user, first=-5, last=10).status_code == 422
    assert _request(w, w.ru_user, first=30, last=20).status_code == 422
    r = _request(w, w.ru_user, people=50)
    assert r.status_code == 422
    assert "people-error" in r.get_data(as_text=True)
    w.login(w.nofirm_user)
    assert _request(w, w.nofirm_user).status_code == 403
    assert w.client.get(f"/offices/{w.c['kur'].id}/request").status_code == 404  # a meeting room
    assert db.session.scalar(select(OfficeRental)) is None


def _rental(w, company, first, last, status="offered"):
    return OfficeRental(
        room_id=w.c["office501"].id,
        company_id=company.id,
        first_day=_day(first),
        last_day=_day(last),
        status=status,
        promised=status in ("offered", "accepted"),
    )


def test_the_database_never_promises_an_office_twice(w):
    db.session.add(_rental(w, w.ru, 10, 40))
    db.session.commit()
    for first, last in ((40, 50), (0, 10), (20, 25), (0, 100)):  # inclusive days: touching is overlap
        db.session.add(_rental(w, w.ru2, first, last, status="accepted"))
        with pytest.raises(IntegrityError, match="ex_office_rentals_room_days" if ON_PG else "promised"):
            db.session.commit()
        db.session.rollback()
    db.session.add(_rental(w, w.ru2, 41, 50))  # the next day: fine
    db.session.add(_rental(w, w.ru2, 20, 25, status="requested"))  # a request promises nothing
    db.session.commit()


def test_service_refuses_a_second_promise(w):
    first = services.request_rental(w.ru_user, w.c["office501"].id, _day(10), _day(40), 2)
    second = services.request_rental(w.ru2_user, w.c["office501"].id, _day(30), _day(60), 2)
    services.offer(first, w.staff_baku, "1500 AZN")
    with pytest.raises(services.Conflict):
        services.accept(second, w.staff_baku)
    services.withdraw(first, w.ru_user, "")
    services.accept(second, w.staff_baku)
    db.session.commit()
    assert second.status == RentalStatus.ACCEPTED
    assert not first.promised


@pytest.fixture
def file_app(make_app, tmp_path):
    overrides = {} if ON_PG else {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'offices.sqlite3'}"}
    app = make_app(**overrides)
    with app.app_context():
        yield app


def test_two_staff_answers_at_once_promise_the_office_once(file_app):
    """Two overlapping requests accepted at the same moment by two staff members: one wins."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from matchmaker.auth import services as auth_services
    from matchmaker.auth.models import User
    from matchmaker.companies import services as company_services
    from matchmaker.errors import Conflict
    from tests.booking_support import seeded

    c = seeded()
    office = db.session.scalar(select(Room).where(Room.name_en == "Business office 501"))
    firms = [
        company_services.create_company(name=f"ООО Офис {i}", country="RU", external_id=f"office-{i}")
        for i in range(2)
    ]
    members = [
        auth_services.create_user(f"office{i}@ru.example", "correct horse battery", company=f)
        for i, f in enumerate(firms)
    ]
    staff = [auth_services.create_user(f"staff{i}@baku.example", "correct horse battery") for i in range(2)]
    for s in staff:
        s.role, s.center_id = "staff", c["baku"].id
    db.session.commit()
    ids = [
        services.request_rental(m, office.id, _day(20 + 5 * i), _day(60 + 5 * i), 2).id
        for i, m in enumerate(members)
    ]
    staff_ids = [s.id for s in staff]
    db.session.commit()
    db.session.remove()
    barrier = threading.Barrier(2)

    def answer(i: int) -> str:
        with file_app.app_context():
            barrier.wait(timeout=30)
            try:
                services.accept(services.get_rental(ids[i]), db.session.get(User, staff_ids[i]))
                db.session.commit()
                return "accepted"
            except Conflict:
                db.session.rollback()
                return "conflict"
            finally:
                db.session.remove()

    with ThreadPoolExecutor(2) as pool:
        outcomes = sorted(pool.map(answer, range(2)))
    assert outcomes == ["accepted", "conflict"]
    assert len(db.session.scalars(select(OfficeRental).where(OfficeRental.promised.is_(True))).all()) == 1


def test_an_office_let_to_a_firm_is_not_booked_for_meetings_and_back(w):
    """Office 501 in Baku is also bookable for meetings."""
    office = w.c["office501"]
    booked = w.book(room=office, start="10:00", end="11:00")
    assert booked.status_code == 201, booked.get_json()
    rental = services.request_rental(w.ru_user, office.id, w.day, w.day + timedelta(days=30), 2)
    db.session.commit()
    with pytest.raises(services.Conflict):  # a meeting is booked there that day
        services.accept(rental, w.staff_baku)
    db.session.rollback()
    w.call(
        "POST", f"/api/v1/meetings/{booked.get_json()['id']}/cancel", json={"reason": "Ofis icarəyə verilir"}
    )
    rental = db.session.get(OfficeRental, rental.id)
    services.accept(rental, w.staff_baku)
    db.session.commit()
    r = w.book(room=office, start="14:00", end="15:00")
    assert r.status_code == 422
    assert "start" in r.get_json()["error"]["fields"]


def test_the_offices_list_reads_promised_rentals_once_and_counts_days(w):
    """The public list asks for the promised rentals of all offices in one query; the horizon is a
    day count, so 29 February (no 29 February two years on) is an ordinary day."""
    from datetime import date

    from tests.query_counter import count_queries

    rooms = services.offices()
    assert len(rooms) > 1
    leap = date(2028, 2, 29)
    for i, room in enumerate(rooms):
        db.session.add(
            OfficeRental(
                room_id=room.id,
                company_id=w.ru.id,
                first_day=leap + timedelta(days=10 + i),
                last_day=leap + timedelta(days=20 + i),
                status="accepted",
                promised=True,
            )
        )
    db.session.commit()
    found = services.promised_ahead(rooms, leap)
    assert all(len(found[r.id]) == 1 for r in rooms)
    assert services.promised_ahead(rooms, leap + timedelta(days=services.MAX_DAYS_AHEAD + 30)) == {
        r.id: [] for r in rooms
    }
    with count_queries() as seen:
        assert w.client.get("/offices?lang=ru").status_code == 200
    assert len([s for s in seen if "FROM office_rentals" in s]) == 1


def test_the_rentals_csv_keeps_formulas_as_text_and_carries_a_bom(w):
    import csv
    import io

    office = w.c["office501"]
    office.name_az = office.name_ru = office.name_en = "@office"
    db.session.commit()
    assert _request(w, w.ru_user).status_code == 302
    w.login(w.staff_baku)
    body = w.client.get(f"/staff/centers/{w.c['baku'].id}/offices.csv").data
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0]["office"] == "'@office"


def test_the_staff_pages_of_a_center_are_refused_alike(w):
    """Centers, stays and offices pages share one guard (centers.services.managed_center): no such
    center 404, another center's 403."""
    from matchmaker.centers.services import managed_center
    from matchmaker.errors import Forbidden, NotFound

    baku = w.c["baku"].id
    assert managed_center(baku, w.staff_baku) == w.c["baku"]
    with pytest.raises(Forbidden):
        managed_center(baku, w.staff_astra)
    with pytest.raises(NotFound):
        managed_center(999999, w.staff_baku)
    w.login(w.staff_astra)
    for path in (
        f"/staff/centers/{baku}/stays",
        f"/staff/centers/{baku}/offices.csv",
        f"/staff/centers/{baku}/stays/rules",
        f"/staff/centers/{baku}/closures",
    ):
        assert w.client.get(path).status_code == 403, path
        assert w.client.get(path.replace(f"/{baku}/", "/999999/")).status_code == 404, path
