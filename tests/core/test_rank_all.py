"""The bulk ranking (chunks, shared exact-match work, flat arrays) equals ranking firm by firm."""

from __future__ import annotations

import random

import pytest

from matchmaker.core.concepts import Lexicon
from matchmaker.core.matching import FirmProfile as P
from matchmaker.core.matching import MatchEngine

from .support import LEX, random_firms


@pytest.fixture(scope="module")
def lex():
    return Lexicon(LEX)


def shared_plan_firms(n, seed):
    """Few distinct goods lists (written in different scripts and spellings), different sectors,
    languages and verification: many firms share their exact-match work but not their scores."""
    rng = random.Random(seed)
    goods = [
        ("хурма", "nar"),
        ("xurma", "гранаты"),
        ("persimmons",),
        ("fındıq", "фундук"),
        ("pomidor", "картофель", "alma", "un", "qoz", "wheat", "мука", "яблоки", "tomatoes"),
    ]
    sectors = ["01.13", "01.24", "46.31", "10.32", ""]
    firms = []
    for i in range(n):
        offers = rng.choice(goods)
        needs = rng.choice(goods) if rng.random() < 0.5 else ()
        firms.append(
            P(
                f"s{i:04d}",
                "AZ" if i % 2 else "RU",
                tuple(x for x in [rng.choice(sectors)] if x),
                offers,
                needs,
                rng.choice([("az",), ("ru",), ("az", "ru")]),
                rng.random() < 0.3,
            )
        )
    return firms


@pytest.mark.parametrize(
    "make, k, workers, shared",
    [
        (lambda: shared_plan_firms(400, 61), 5, 1, True),
        (lambda: shared_plan_firms(2400, 62), 8, 2, True),
        (lambda: random_firms(300, 63), 6, 1, False),
    ],
)
def test_rank_all_equals_firm_by_firm(lex, make, k, workers, shared):
    eng = MatchEngine(lex)
    firms = make()
    for f in firms:
        eng.add(f)
    eng.ensure_index()
    gathered = []
    real = eng.ranker.gather_tier
    eng.ranker.gather_tier = lambda f, tier, with_items=False: (
        gathered.append(tier),
        real(f, tier, with_items),
    )[1]
    ranked = []
    rank = eng.ranker.rank
    eng.ranker.rank = lambda a, k: (ranked.append(a), rank(a, k))[1]
    got = eng.rank_all(k, workers=workers, keep=False)
    eng.ranker.gather_tier, eng.ranker.rank = real, rank
    ids = eng.ids_of(got.firms).tolist()
    partners, scores = eng.ids_of(got.partners).tolist(), got.scores.tolist()
    at = 0
    for fid, n in zip(ids, got.lens.tolist(), strict=False):
        alone = eng.ranked(fid, k)
        assert [(s.partner_id, s.score) for s in alone] == list(
            zip(
                partners[at : at + n],
                [round(min(max(x, 0), 100), 1) for x in scores[at : at + n]],
                strict=False,
            )
        )
        at += n
    assert sorted(ids) == sorted(f for f in eng.registry.ids)
    if shared and workers == 1:  # the work was shared: far fewer exact-match lookups than firms
        assert gathered.count(0) < len(ids) // 2
        # and firms that differ in nothing a ranking depends on were ranked once
        alike = {(f.country, f.sectors, f.offers, f.needs, f.languages) for f in firms}
        assert len(ranked) <= len(alike) < len(ids)
    assert eng.ranker.shared is None  # and is not kept after the ranking
