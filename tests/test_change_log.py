"""Issue 12: the change feed the workers follow is ordered by the database (numbers taken at commit),
not by clocks: no committed edit is ever skipped, whatever the hosts' clocks say or the order in
which transactions commit; an edit that rolled back after the worker applied it is read again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import g
from sqlalchemy import select
from sqlalchemy.orm import Session

from matchmaker.companies import changes, search
from matchmaker.companies import services as company_services
from matchmaker.companies.models import Company, CompanyChange
from matchmaker.dbtypes import utcnow
from matchmaker.extensions import db
from matchmaker.matching import engine_cache
from tests.databases import ON_PG


def _names(hits) -> set[str]:
    return {db.session.get(Company, cid).name for cid, _score in hits}


def test_each_committed_change_gets_the_next_number_and_a_rollback_none(app, factory):
    a = factory.company(name="Xəzər Balıq")
    b = factory.company(name="Волга Хлеб", country="RU", city="Астрахань")
    first = db.session.scalar(select(CompanyChange.seq).order_by(CompanyChange.seq.desc()).limit(1))
    company_services.update_company(a, {"city": "Lənkəran"})
    db.session.rollback()
    company_services.update_company(b, {"city": "Саратов"})
    db.session.commit()
    rows = db.session.execute(
        select(CompanyChange.seq, CompanyChange.company_id).where(CompanyChange.seq > first)
    )
    assert [tuple(r) for r in rows] == [(first + 1, b.id)]


def test_an_edit_stamped_in_the_past_is_still_found(app, factory):
    """A host whose clock is behind stamps ``updated_at`` minutes earlier than the newest edit the
    other host's worker has seen: the log's number is what the worker follows."""
    factory.company(name="Gəncə Aqro")
    assert search.find("Gəncə").hits  # the worker's index is loaded and its cursor placed
    late = factory.company(name="Şamaxı Şərab")
    late.updated_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    assert "Şamaxı Şərab" in _names(search.find("Şamaxı").hits)


@pytest.mark.skipif(not ON_PG, reason="SQLite serialises writers: two transactions cannot interleave")
def test_a_transaction_that_flushed_first_and_committed_last_is_not_skipped(app, factory):
    a = factory.company(name="Quba Alma")
    b = factory.company(name="Тула Мёд", country="RU", city="Тула")
    assert not search.find("Zəngilan").hits
    first, second = Session(db.engine), Session(db.engine)
    try:
        first.get(Company, a.id).name = "Zəngilan Nar"
        first.flush()  # stamped now, numbered only at its commit
        second.get(Company, b.id).name = "Тула Пряник"
        second.commit()
        db.session.commit()  # a new request of the worker
        assert "Тула Пряник" in _names(search.find("Пряник").hits)
        first.commit()
    finally:
        first.close()
        second.close()
    db.session.commit()
    assert "Zəngilan Nar" in _names(search.find("Zəngilan").hits)


def test_the_engine_reads_again_a_firm_it_applied_in_a_rolled_back_request(app, factory):
    az = factory.company(name="Lənkəran Çay", offers=["qara çay"])
    ru = factory.company(name="Чайный Дом", country="RU", city="Москва", needs=["черный чай"])
    eng = engine_cache.engine()
    assert eng.profile_of(az.id).offers == ("qara çay",)
    company_services.update_company(az, {"offers": ["fındıq"]})  # applied to the engine at once
    assert eng.profile_of(az.id).offers == ("fındıq",)
    db.session.rollback()
    g.pop("matching_synced", None)  # the next request
    assert engine_cache.engine().profile_of(az.id).offers == ("qara çay",)
    assert ru.id in engine_cache.engine()


def test_a_worker_far_behind_the_trimmed_log_loads_everything(app, factory):
    factory.company(name="Bakı Tikinti")
    cursor = changes.ChangeCursor()
    assert cursor.poll() == ("full", [])
    for i in range(3):
        factory.company(name=f"Firm {i}")
    db.session.execute(CompanyChange.__table__.update().values(changed_at=utcnow() - timedelta(days=9)))
    assert changes.trim() == 4
    db.session.commit()
    assert cursor.poll() == ("full", [])
    factory.company(name="Later")
    kind, ids = cursor.poll()
    assert kind == "partial"
    assert len(ids) == 1
