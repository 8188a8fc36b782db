"""Exhibition stands: staff define an exhibition and its stand plan, firms request stands, staff
allocate; each stand goes to one firm only (also in the database)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from matchmaker.core.stands import parse_plan
from matchmaker.exhibitions.models import Exhibition, Stand, StandRequest, StandRequestStatus
from matchmaker.extensions import db


def _day(n: int):
    return datetime.now(UTC).date() + timedelta(days=n)


def test_the_plan_parser():
    stands, bad = parse_plan("A1 3x3\nA2 3 x 2,5 m\n\nb1 4×2\nA1 2x2\nnonsense\nC1 0x2")
    assert [(s.code, s.width, s.depth) for s in stands] == [("A1", 3, 3), ("A2", 3, 2.5), ("B1", 4, 2)]
    assert bad == [5, 6, 7]


def _define(w, plan="A1 3x3\nA2 3x2\nB1 6x3", user=None, **over):
    w.login(user or w.staff_astra)
    data = {
        "center_id": w.c["astrakhan"].id,
        "title_az": "Xəzər ərzaq sərgisi",
        "title_ru": "Каспийская продовольственная выставка",
        "title_en": "",
        "first_day": _day(40).isoformat(),
        "last_day": _day(42).isoformat(),
        "plan": plan,
        **over,
    }
    return w.client.post("/exhibitions/new", data=data)


def test_define_request_allocate(w):
    r = _define(w, plan="A1 3x3\nwhat")
    assert r.status_code == 422
    assert "plan-error" in r.get_data(as_text=True)
    assert _define(w, last_day=_day(30).isoformat()).status_code == 422
    assert _define(w).status_code == 302
    exhibition = db.session.scalar(select(Exhibition))
    assert [s.code for s in exhibition.stands] == ["A1", "A2", "B1"]
    # Baku's staff may not define one in Astrakhan
    assert _define(w, user=w.staff_baku).status_code == 422  # not a center of theirs to choose
    # two firms ask for stands
    for user in (w.az_user, w.az2_user):
        w.login(user)
        page = w.client.get(f"/exhibitions/{exhibition.id}?lang=ru").get_data(as_text=True)
        assert "Каспийская продовольственная выставка" in page
        assert "9 м²" in page
        r = w.client.post(f"/exhibitions/{exhibition.id}/request", data={"area_m2": "9", "note": "Çay"})
        assert r.status_code == 302
    # a second request of the same firm is refused
    assert w.client.post(f"/exhibitions/{exhibition.id}/request", data={"area_m2": "9"}).status_code == 409
    first, second = db.session.scalars(select(StandRequest).order_by(StandRequest.id)).all()
    a1 = next(s for s in exhibition.stands if s.code == "A1")
    w.login(w.staff_astra)
    assert (
        w.client.post(f"/exhibitions/requests/{first.id}/allocate", data={"stand_id": a1.id}).status_code
        == 302
    )
    # each stand once
    r = w.client.post(f"/exhibitions/requests/{second.id}/allocate", data={"stand_id": a1.id})
    assert r.status_code == 409
    db.session.refresh(second)
    assert second.status == StandRequestStatus.REQUESTED
    # the member sees the allocated stand; another center's staff may not allocate
    w.login(w.staff_baku)
    b1 = next(s for s in exhibition.stands if s.code == "B1")
    assert (
        w.client.post(f"/exhibitions/requests/{second.id}/allocate", data={"stand_id": b1.id}).status_code
        == 403
    )
    w.login(w.az_user)
    page = w.client.get(f"/exhibitions/{exhibition.id}?lang=az").get_data(as_text=True)
    assert "A1" in page
    # withdrawing frees the stand
    assert w.client.post(f"/exhibitions/requests/{first.id}/withdraw").status_code == 302
    w.login(w.staff_astra)
    assert (
        w.client.post(f"/exhibitions/requests/{second.id}/allocate", data={"stand_id": a1.id}).status_code
        == 302
    )


def test_the_database_gives_each_stand_once(w):
    exhibition = Exhibition(
        center_id=w.c["astrakhan"].id, title_az="Sərgi", first_day=_day(5), last_day=_day(6)
    )
    exhibition.stands = [Stand(code="A1", width_m=3, depth_m=3)]
    db.session.add(exhibition)
    db.session.commit()
    stand = exhibition.stands[0]
    db.session.add(
        StandRequest(exhibition_id=exhibition.id, company_id=w.az.id, stand_id=stand.id, status="allocated")
    )
    db.session.commit()
    db.session.add(
        StandRequest(exhibition_id=exhibition.id, company_id=w.az2.id, stand_id=stand.id, status="allocated")
    )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    # allocated without a stand, or a second live request of a firm: refused too
    db.session.add(StandRequest(exhibition_id=exhibition.id, company_id=w.az2.id, status="allocated"))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
    db.session.add(StandRequest(exhibition_id=exhibition.id, company_id=w.az.id, status="requested"))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_the_demo_exhibition_is_seeded_once(w):
    from matchmaker.exhibitions.seed import seed_exhibition

    assert seed_exhibition() == "exhibitions: 1 new"
    assert seed_exhibition() == "exhibitions: 0 new"
    db.session.commit()
    page = w.client.get("/exhibitions?lang=ru").get_data(as_text=True)
    assert "Каспийская выставка продовольствия" in page


def test_a_concurrent_second_request_of_a_firm_is_a_conflict(w):
    """Two requests of one firm at once both pass the check; the unique index refuses the second:
    a 409, not a 500. The concurrent one is inserted just before our insert is flushed."""
    from sqlalchemy import event, insert

    exhibition = Exhibition(
        center_id=w.c["astrakhan"].id, title_az="Sərgi", first_day=_day(5), last_day=_day(6)
    )
    exhibition.stands = [Stand(code="A1", width_m=3, depth_m=3)]
    db.session.add(exhibition)
    db.session.commit()
    done = []

    def the_other_request(session, flush_context, instances):
        if not done and any(isinstance(o, StandRequest) for o in session.new):
            done.append(True)
            session.connection().execute(
                insert(StandRequest.__table__).values(
                    exhibition_id=exhibition.id,
                    company_id=w.az.id,
                    area_m2=9,
                    note="",
                    status=StandRequestStatus.REQUESTED,
                )
            )

    event.listen(db.session, "before_flush", the_other_request)
    try:
        w.login(w.az_user)
        r = w.client.post(f"/exhibitions/{exhibition.id}/request", data={"area_m2": "9"})
    finally:
        event.remove(db.session, "before_flush", the_other_request)
    assert done
    assert r.status_code == 409
