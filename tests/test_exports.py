"""Staff exports: a brokerage day's participants and schedule, a center's month of bookings and
occupancy, as CSV and XLSX, read back with csv and openpyxl."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from matchmaker.events import scheduling
from matchmaker.events import services as events
from matchmaker.extensions import db
from tests.events_support import make_event, make_world, meet, register_all
from tests.support import PASSWORD


def _csv(response) -> list[dict]:
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def _xlsx(response):
    return load_workbook(io.BytesIO(response.data), read_only=True)


@pytest.fixture
def day(client, factory):
    w = make_world(factory)
    w.az1.email, w.az1.phone = "info@gence.example", "+994501234567"
    w.m_az1.full_name = "Aysel"
    w.az2.name = '=HYPERLINK("http://evil.example")'
    db.session.commit()
    event = make_event(w)
    register_all(event, w)
    # az1 is present in the morning session only (slots 0-2 of 10:00-11:00 by 20 minutes)
    events.set_presence(event, events.registration_of(event, w.az1.id), [0, 1, 2])
    db.session.commit()
    meet(event, w, "az1", "ru1")
    meet(event, w, "ru2", "az2")
    scheduling.run_schedule(event)
    db.session.commit()
    client.post("/login", data={"email": w.staff.email, "password": PASSWORD})
    return w, event


def test_participants_with_presence_windows_and_contacts(client, day):
    w, event = day
    r = client.get(f"/events/{event.id}/export/participants.csv")
    assert r.status_code == 200
    assert r.mimetype == "text/csv"
    assert "attachment" in r.headers["Content-Disposition"]
    rows = {row["Firm"]: row for row in _csv(r)}
    gence = rows["Gəncə Aqro"]
    assert gence["Present"] == "10:00–11:00"
    assert rows["Волга Агро"]["Present"] == "all day"
    assert gence["Contact persons"] == "Aysel"
    assert gence["Contact e-mails"] == "az1@firm.example"
    assert gence["Firm's e-mail"] == "info@gence.example"
    assert gence["Phone"] == "050 123 45 67"
    assert gence["Scheduled meetings"] == "1"
    assert '\'=HYPERLINK("http://evil.example")' in rows  # never a formula


def test_schedule_by_table_and_by_firm_csv_and_xlsx(client, day):
    w, event = day
    by_table = _csv(client.get(f"/events/{event.id}/export/tables.csv"))
    assert len(by_table) == 2
    assert {r["Azerbaijani firm"] for r in by_table} >= {"Gəncə Aqro"}
    assert all(r["Table"] in ("1", "2") and r["Start"] < r["End"] for r in by_table)
    by_firm = _csv(client.get(f"/events/{event.id}/export/firms.csv"))
    assert len(by_firm) == 4
    volga = next(r for r in by_firm if r["Firm"] == "Волга Агро")
    assert volga["Partner"] == "Gəncə Aqro"
    r = client.get(f"/events/{event.id}/export/tables.xlsx?lang=ru")
    assert r.status_code == 200
    assert r.mimetype.endswith("spreadsheetml.sheet")
    book = _xlsx(r)
    assert book.sheetnames == ["Расписание по столам", "Участники", "Расписание по компаниям"]
    rows = list(book["Участники"].iter_rows(values_only=True))
    assert rows[0][0] == "Компания"
    assert len(rows) == 5
    evil = next(row for row in rows if row[0] and row[0].startswith("=HYPERLINK"))
    assert evil[0] == '=HYPERLINK("http://evil.example")'  # a string cell, not a formula
    cells = list(load_workbook(io.BytesIO(r.data))["Участники"].iter_rows())
    assert all(c.data_type != "f" for row in cells for c in row)


def test_exports_are_for_the_events_staff(client, day):
    w, event = day
    client.post("/logout")
    assert client.get(f"/events/{event.id}/export/participants.csv").status_code == 302
    client.post("/login", data={"email": w.m_az1.email, "password": PASSWORD})
    assert client.get(f"/events/{event.id}/export/participants.csv").status_code == 403
    client.post("/login", data={"email": w.staff_other.email, "password": PASSWORD})
    assert client.get(f"/events/{event.id}/export/participants.xlsx").status_code == 403


def test_room_bookings_and_occupancy_of_a_month(w):
    assert w.book(start="10:00", end="11:00", topic="Pomidor").status_code == 201
    month = w.day.strftime("%Y-%m")
    w.login(w.staff_baku)
    base = f"/staff/centers/{w.c['baku'].id}/export/{month}"
    rows = _csv(w.client.get(f"{base}/bookings.csv"))
    assert [(r["Start"], r["End"], r["Topic"], r["Firm"]) for r in rows] == [
        ("10:00", "11:00", "Pomidor", "Gəncə Aqro MMC")
    ]
    occupancy = {r["Room"]: r for r in _csv(w.client.get(f"{base}/occupancy.csv"))}
    kur = occupancy[w.c["kur"].name]
    assert float(kur["Booked hours"]) == 1.0
    assert float(kur["Open hours"]) > 100
    assert 0 < float(kur["Occupancy, %"]) < 2
    assert kur["Awaiting an answer"] == "1"
    book = _xlsx(w.client.get(f"{base}/occupancy.xlsx?lang=az"))
    assert len(book.sheetnames) == 2
    first = list(book[book.sheetnames[0]].iter_rows(values_only=True))
    assert len(first) == 1 + len(occupancy)
    assert w.client.get(f"/staff/centers/{w.c['baku'].id}/export/2026-13/bookings.csv").status_code == 404
    assert (
        w.client.get(f"/staff/centers/{w.c['astrakhan'].id}/export/{month}/bookings.csv").status_code == 403
    )


def test_the_agenda_pack_has_a_printed_page_per_firm(client, day):
    w, event = day
    r = client.get(f"/events/{event.id}/agendas/print")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert html.count('class="wrap agenda-page"') == 4
    for name in ("Gəncə Aqro", "Волга Агро", "Жигули Трейд"):
        assert name in html
    client.post("/logout")
    client.post("/login", data={"email": w.m_az1.email, "password": PASSWORD})
    assert client.get(f"/events/{event.id}/agendas/print").status_code == 403
