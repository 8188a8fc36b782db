"""The stored suggestion rows stay exactly what a full rebuild would write, whatever sequence of
edits, "no thanks", changes of mind, hiding, country switches and verification happens across two
gunicorn workers (each with its own engine, following the other through the database) that now and
then restart. Found by review: before the old rows were read from the table, a worker that had not
caught up, had restarted or had not seen another worker's refill left stale rows behind."""

from __future__ import annotations

import random

import pytest
from flask import g
from sqlalchemy import select

from matchmaker.companies import services as company_services
from matchmaker.companies.models import Company
from matchmaker.extensions import db
from matchmaker.matching import engine_cache, refresh, services
from matchmaker.matching.models import Interest, Suggestion

ITEMS = [
    "xurma",
    "nar",
    "pomidor",
    "томаты",
    "мука",
    "un",
    "фейхоа",
    "feijoa",
    "fındıq",
    "фундук",
    "xiyar",
    "огурцы",
]
SECTORS = ["01.13", "01.24", "46.31"]
LANGS = [["az"], ["ru"], ["az", "ru"], ["en"]]
OPS = ["edit", "edit", "decline", "decline", "change_mind", "hide", "country", "verify"]


def stored():
    return {(s.company_id, s.partner_id): s.score for s in db.session.scalars(select(Suggestion))}


def as_worker(app, state):
    app.extensions["matchmaker_matching"] = state
    g.pop("matching_synced", None)  # a new request in that worker


def rebuilt(app):
    """What a full rebuild writes (by a fresh worker, rolled back)."""
    db.session.commit()
    saved = app.extensions.pop("matchmaker_matching")
    g.pop("matching_synced", None)
    refresh.rebuild_all()
    out = stored()
    db.session.rollback()
    as_worker(app, saved)
    return out


def profile(rng):
    return {
        "offers": rng.sample(ITEMS, rng.randint(0, 3)),
        "needs": rng.sample(ITEMS, rng.randint(0, 2)),
        "sectors": rng.sample(SECTORS, rng.randint(0, 1)),
        "languages": rng.choice(LANGS),
    }


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_two_workers_keep_the_table_equal_to_a_rebuild(app, factory, seed):
    rng = random.Random(seed)
    app.config["SUGGESTIONS_PER_FIRM"] = 3
    firms = [factory.company(country="AZ" if i % 2 else "RU", **profile(rng)) for i in range(30)]
    users = {f.id: factory.user(company=f) for f in firms}
    workers = [engine_cache.EngineState(), engine_cache.EngineState()]
    done = []
    for step in range(60):
        w = rng.randrange(2)
        if rng.random() < 0.05:
            workers[w] = engine_cache.EngineState()  # that worker restarts
        as_worker(app, workers[w])
        op, firm = rng.choice(OPS), db.session.get(Company, rng.choice(firms).id)
        if op == "edit":
            company_services.update_company(firm, profile(rng))
        elif op == "decline" and not firm.hidden:
            mine = services.suggestions_for(firm.id)
            if not mine:
                continue
            _s, partner, _i = rng.choice(mine[:3])
            services.decide(users[firm.id], firm.id, partner.id, "declined")
        elif op == "change_mind":
            said_no = db.session.scalars(select(Interest).where(Interest.decision == "declined")).all()
            if not said_no:
                continue
            no = rng.choice(said_no)
            partner, me = db.session.get(Company, no.partner_id), db.session.get(Company, no.company_id)
            if partner.hidden or me.hidden or partner.country == me.country:
                continue
            services.decide(users[no.company_id], no.company_id, no.partner_id, "interested")
        elif op == "hide":
            company_services.set_hidden(firm, not firm.hidden)
        elif op == "country":
            company_services.update_company(firm, {"country": "RU" if firm.country == "AZ" else "AZ"})
        elif op == "verify":
            company_services.set_verified(firm, not firm.verified)
        else:
            continue
        db.session.commit()
        done.append((step, w, op, firm.id))
        got, want = stored(), rebuilt(app)
        assert got == want, (
            done[-3:],
            {k: v for k, v in got.items() if want.get(k) != v},
            {k: v for k, v in want.items() if got.get(k) != v},
        )
    assert {op for _s, _w, op, _f in done} >= {"edit", "decline", "hide", "country"}
