"""Partner suggestions in the app: stored lists, incremental refresh, interest, matches, export."""

from __future__ import annotations

import json
import multiprocessing as mp

import pytest
from sqlalchemy import select, text

from matchmaker.errors import DomainError
from matchmaker.extensions import db
from matchmaker.matching import engine_cache, export, refresh, services
from matchmaker.matching.models import Decision, Interest, Suggestion
from matchmaker.notifications.models import Notification
from tests.databases import ON_PG
from tests.support import PASSWORD


@pytest.fixture
def firms(factory):
    f = {
        "az_tomato": factory.company(
            name="Gəncə Aqro", offers=["pomidor", "xiyar"], needs=["traktor"], sectors=["01.13"]
        ),
        "az_tea": factory.company(
            name="Lənkəran Çay", offers=["qara çay"], needs=["qablaşdırma"], sectors=["10.83"]
        ),
        "ru_veg": factory.company(
            name="Волга Овощ",
            country="RU",
            city="Астрахань",
            needs=["томаты", "огурцы"],
            sectors=["46.31"],
            languages=["ru"],
        ),
        "ru_tractor": factory.company(
            name="Урал Техника",
            country="RU",
            city="Самара",
            offers=["тракторы"],
            sectors=["28.30"],
            languages=["ru"],
        ),
        "ru_tea": factory.company(
            name="Каспий Чай",
            country="RU",
            city="Москва",
            needs=["чай чёрный"],
            sectors=["46.37"],
            languages=["ru"],
        ),
    }
    return f


def stored():
    return {(s.company_id, s.partner_id): s.score for s in db.session.scalars(select(Suggestion))}


def test_lists_pair_the_right_partners_across_languages(firms):
    top = [p.id for _s, p, _i in services.suggestions_for(firms["az_tomato"].id)]
    assert set(top[:2]) == {
        firms["ru_veg"].id,
        firms["ru_tractor"].id,
    }  # buys its tomatoes, sells it tractors
    assert all(p.country == "RU" for _s, p, _i in services.suggestions_for(firms["az_tomato"].id))
    first = services.suggestions_for(firms["ru_tea"].id)[0]
    assert first[1].id == firms["az_tea"].id
    text = " ".join(services.reasons_text(first[0], "en"))
    assert "qara çay" in text
    assert "чай чёрный" in text


def test_incremental_refresh_equals_a_full_rebuild(client, firms, factory):
    user = factory.user(email="member@az.example", company=firms["az_tea"])
    token = factory.token(user)
    r = client.patch(
        f"/api/v1/companies/{firms['az_tea'].id}",
        headers={"Authorization": f"Bearer {token}"},
        json={"offers": ["pomidor", "fındıq"], "needs": ["traktorlar"]},
    )
    assert r.status_code == 200
    after_edit = stored()
    assert (firms["ru_veg"].id, firms["az_tea"].id) in after_edit  # it now enters the buyer's list
    refresh.rebuild_all()
    db.session.commit()
    assert stored() == after_edit
    from datetime import timedelta

    from matchmaker.dbtypes import utcnow

    assert all(
        abs(s.created_at - utcnow()) < timedelta(minutes=5) for s in db.session.scalars(select(Suggestion))
    )
    # the bulk write drops and builds again the key (company, partner) and the partner index; the
    # table has no foreign keys (derived data: a firm's rows go with the firm, see test_privacy)
    from sqlalchemy import inspect

    assert inspect(db.engine).get_foreign_keys("suggestions") == []
    key = inspect(db.engine).get_pk_constraint("suggestions")
    assert key["constrained_columns"] == ["company_id", "partner_id"]
    indexes = inspect(db.engine).get_indexes("suggestions")
    assert [ix["column_names"] for ix in indexes if not ix.get("duplicates_constraint")] == [["partner_id"]]


def test_interest_match_and_no_thanks(app, firms, factory):
    factory.user(email="az@example.com", company=firms["az_tomato"])
    factory.user(email="ru@example.com", company=firms["ru_veg"])
    az, ru = app.test_client(), app.test_client()
    az.post("/login", data={"email": "az@example.com", "password": PASSWORD})
    ru.post("/login", data={"email": "ru@example.com", "password": PASSWORD})
    page = az.get("/partners").get_data(as_text=True)
    assert "Волга Овощ" in page
    assert "pomidor" in page
    assert az.post(f"/partners/{firms['ru_veg'].id}/interested").status_code == 302
    assert ru.post(f"/partners/{firms['az_tomato'].id}/interested").status_code == 302
    kinds = {(n.company_id, n.kind) for n in db.session.scalars(select(Notification))}
    assert (firms["az_tomato"].id, "match") in kinds
    assert (firms["ru_veg"].id, "match") in kinds
    assert services.is_match(firms["az_tomato"].id, firms["ru_veg"].id)
    # "no thanks" never comes back, not even after a rebuild
    az.post(f"/partners/{firms['ru_tractor'].id}/declined")
    refresh.rebuild_all()
    db.session.commit()
    assert firms["ru_tractor"].id not in {
        p.id for _s, p, _i in services.suggestions_for(firms["az_tomato"].id)
    }
    assert "Урал Техника" not in az.get("/partners").get_data(as_text=True)
    # same-country "partners" are refused
    assert az.post(f"/partners/{firms['az_tea'].id}/interested").status_code == 422


def test_decisions_are_stored_as_their_text_and_an_unknown_one_names_the_field(firms, factory):
    user = factory.user(email="az@example.com", company=firms["az_tomato"])
    me = firms["az_tomato"].id
    services.decide(user, me, firms["ru_veg"].id, Decision.INTERESTED)
    services.decide(user, me, firms["ru_tractor"].id, "declined")
    db.session.commit()
    raw = dict(db.session.execute(text("SELECT partner_id, decision FROM interests")).all())
    assert raw == {firms["ru_veg"].id: "interested", firms["ru_tractor"].id: "declined"}
    assert services.theirs_interested(firms["ru_veg"].id) == {me}
    with pytest.raises(DomainError) as err:
        services.decide(user, me, firms["ru_veg"].id, "maybe")
    assert list(err.value.fields) == ["decision"]
    assert db.session.scalar(select(Interest.decision).where(Interest.partner_id == firms["ru_veg"].id)) == (
        "interested"
    )


def test_export_follows_the_contract(runner, firms):
    result = runner.invoke(args=["matches", "export", "--top", "2"])
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert lines
    assert {"company", "partner", "rank", "score", "reasons"} <= set(lines[0])
    by_company: dict[str, list[int]] = {}
    for line in lines:
        by_company.setdefault(line["company"], []).append(line["rank"])
        assert line["company"].startswith("t-")
        assert 0 <= line["score"] <= 100
    assert all(ranks == list(range(1, len(ranks) + 1)) and len(ranks) <= 2 for ranks in by_company.values())
    csv_out = runner.invoke(args=["matches", "export", "--format", "csv", "--lang", "ru"]).output
    assert csv_out.splitlines()[0] == "company,partner,rank,score,reasons"


def test_export_read_and_explained_in_forked_processes_is_the_same(make_app, tmp_path, monkeypatch):
    """From FORK_FROM firms forked processes explain chunks of firms and, on PostgreSQL, one reads
    the stored rows while the command loads the engine: the lines are those of the plain path."""
    url = {} if ON_PG else {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'export.sqlite3'}"}
    app = make_app(**url)
    runner = app.test_cli_runner()
    with app.app_context():
        assert runner.invoke(args=["seed-demo"]).exit_code == 0
        plain = runner.invoke(args=["matches", "export", "--top", "3", "--format", "csv"])
        assert plain.exit_code == 0, plain.output
        monkeypatch.setattr(export, "FORK_FROM", 1)
        db.session.remove()  # as a command starts: no connection yet
        with export._reading(3) as read:
            assert len(mp.active_children()) == (1 if ON_PG else 0)  # the reader, its own connection
            ids, stored = read()
        again_ids, again = export._read(3)
        assert (ids, stored.lists()) == (again_ids, again.lists())
        firms = stored.lists()
        db.session.remove()
        forked = runner.invoke(args=["matches", "export", "--top", "3", "--format", "csv"])
    assert forked.exit_code == 0, forked.output
    assert len(firms) > 100
    assert forked.output == plain.output


def test_suggestions_api_per_contract(client, firms, factory):
    """CONTRACT.md: any API token reads a company's suggestions (as in the export)."""
    own = factory.token(factory.user(email="a@example.com", company=firms["az_tomato"]))
    other = factory.token(factory.user(email="b@example.com", company=firms["ru_tea"]))
    url = f"/api/v1/companies/{firms['az_tomato'].id}/suggestions?lang=az"
    r = client.get(url, headers={"Authorization": f"Bearer {own}"})
    assert r.status_code == 200
    assert r.get_json()[0]["rank"] == 1
    assert r.get_json()[0]["reasons"]
    assert client.get(url, headers={"Authorization": f"Bearer {other}"}).get_json() == r.get_json()
    hidden = firms["ru_veg"]
    hidden.hidden = True
    db.session.commit()
    assert (
        client.get(
            f"/api/v1/companies/{hidden.id}/suggestions", headers={"Authorization": f"Bearer {other}"}
        ).status_code
        == 404
    )


def test_an_edit_in_a_fresh_worker_is_written(app, firms):
    """A worker that has not loaded its engine yet loads it whole, then applies the edit."""
    from matchmaker.companies import services as company_services

    tea, buyer = firms["az_tea"], firms["ru_veg"]
    before = stored()
    app.extensions.pop("matchmaker_matching")  # as in a newly started gunicorn worker
    company_services.update_company(tea, {"offers": ["pomidor"], "needs": []})
    db.session.commit()
    after = stored()
    assert after[(buyer.id, tea.id)] > before[(buyer.id, tea.id)]  # it now sells what the buyer seeks
    assert after[(tea.id, buyer.id)] > before[(tea.id, buyer.id)]
    refresh.rebuild_all()
    db.session.commit()
    assert stored() == after


def test_incremental_refresh_after_a_decline_and_a_rebuild(app, firms, factory):
    """A rebuild ranks k + (most declined) partners per firm, but stores k; a later edit that
    pushes a partner out must bring the next one in, exactly as a rebuild would."""
    from matchmaker.companies import services as company_services

    app.config["SUGGESTIONS_PER_FIRM"] = 2
    factory.company(name="Quba Tərəvəz", offers=["xiyar"], sectors=["01.13"])
    user = factory.user(email="ru@example.com", company=firms["ru_tractor"])
    services.decide(user, firms["ru_tractor"].id, firms["az_tea"].id, "declined")
    refresh.rebuild_all()
    db.session.commit()
    company_services.update_company(
        firms["az_tomato"], {"offers": ["mebel"], "needs": ["sement"], "sectors": [], "languages": ["en"]}
    )
    db.session.commit()
    incremental = stored()
    assert (firms["ru_tractor"].id, firms["az_tea"].id) not in incremental  # declined stays out
    refresh.rebuild_all()
    db.session.commit()
    assert stored() == incremental


def test_a_rebuild_keeps_the_key_checks_of_every_other_table(app, firms):
    """The rebuild writes its rows without key checks only because its table has none: the other
    tables' keys hold in the same transaction and after it."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    db.session.commit()
    refresh.rebuild_all()
    assert len(stored()) > 0
    with pytest.raises(IntegrityError):
        db.session.execute(
            text(
                "INSERT INTO interests (company_id, partner_id, decision, decided_at) "
                "VALUES (987654, 987655, 'interested', '2026-01-01 00:00:00')"
            )
        )
    db.session.rollback()


def test_preload_skips_a_database_without_tables(make_app, tmp_path):
    """The gunicorn hook runs before anyone may have run ``db upgrade``: it must not stop the master."""
    app = make_app(create_schema=False, SQLALCHEMY_DATABASE_URI=f"sqlite:///{tmp_path / 'empty.db'}")
    engine_cache.preload(app)
    assert "matchmaker_matching" not in app.extensions  # each worker loads it on first use


def test_gunicorn_settings_preload_in_the_master():
    from matchmaker import gunicorn_conf

    assert gunicorn_conf.preload_app is True
    assert callable(gunicorn_conf.when_ready)


def test_preload_ranks_the_directory_before_workers_fork(make_app, tmp_path):
    """gunicorn with ``matchmaker/gunicorn_conf.py``: the master loads and ranks once; a forked worker
    then serves from that engine without loading it again, over its own database connection."""
    import os

    from tests.databases import ON_PG
    from tests.factories import Factory

    # the suite's in-memory SQLite database would die with the pool the preload closes
    app = make_app(**({} if ON_PG else {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'preload.db'}"}))
    with app.app_context():
        factory = Factory()
        az = factory.company(offers=["pomidor"], sectors=["01.13"])
        ru = factory.company(country="RU", city="Астрахань", needs=["томаты"], languages=["ru"])
        az_id, ru_id = az.id, ru.id
        db.session.commit()
    engine_cache.preload(app)
    loaded = app.extensions["matchmaker_matching"].engine
    assert loaded is not None
    assert len(loaded) == 2
    assert [s.partner_id for s in loaded.stored(ru_id)] == [az_id]  # every list ranked already
    pid = os.fork()
    if pid == 0:  # the worker
        code = 1
        try:
            with app.app_context():
                top = services.suggestions_for(az_id)  # over the worker's own connection
                eng = engine_cache.engine()  # asks the database for changes: none, so no reload
                code = 0 if [s.partner_id for s, _c, _i in top] == [ru_id] and eng is loaded else 2
        finally:
            os._exit(code)
    _pid, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 0


def test_a_firm_that_declined_more_than_k_still_gets_k_after_a_rebuild(app, factory):
    app.config["SUGGESTIONS_PER_FIRM"] = 2
    buyer = factory.company(country="RU", city="Москва", needs=["томаты", "огурцы"], languages=["ru"])
    sellers = [
        factory.company(offers=offers, languages=["ru"])
        for offers in (
            ["pomidor", "xiyar"],
            ["pomidor"],
            ["xiyar"],
            ["pomidor", "un"],
            ["xiyar", "nar"],
            ["qoz"],
        )
    ]
    user = factory.user(company=buyer)
    for _ in range(3):  # three "no thanks": more than k
        top = services.suggestions_for(buyer.id)
        services.decide(user, buyer.id, top[0][1].id, "declined")
    db.session.commit()
    said_no = {
        i.partner_id for i in db.session.scalars(select(Interest).where(Interest.company_id == buyer.id))
    }
    before = [p.id for _s, p, _i in services.suggestions_for(buyer.id)]
    refresh.rebuild_all()
    db.session.commit()
    after = [p.id for _s, p, _i in services.suggestions_for(buyer.id)]
    assert len(said_no) == 3
    assert len(after) == 2
    assert not said_no & set(after)
    assert after == before  # the rebuild writes what the refills after each "no thanks" wrote
    assert set(after) <= {s.id for s in sellers}


def test_a_rolled_back_edit_does_not_stay_in_the_engine(app, firms):
    from flask import g

    from matchmaker.companies import services as company_services

    tea, buyer = firms["az_tea"], firms["ru_veg"]
    db.session.commit()
    engine_cache.engine()
    company_services.update_company(
        tea, {"offers": ["pomidor"], "needs": []}
    )  # flushed: the engine applies it
    assert tea.id in [pid for pid, _s in engine_cache.engine().stored_scores(buyer.id)]
    db.session.rollback()  # e.g. the request failed after the flush
    g.pop("matching_synced", None)  # the next request
    kept = {f.id: engine_cache.engine().stored_scores(f.id) for f in firms.values()}
    app.extensions.pop("matchmaker_matching")  # what a fresh worker computes
    g.pop("matching_synced", None)
    assert kept == {f.id: engine_cache.engine().stored_scores(f.id) for f in firms.values()}
