"""Kept top lists: :class:`TopLists` alone (tiny hand-made rows, then against a brute-force model),
and the engine's incremental lists against a full rebuild under heavy ties and small k."""

import random
import sys
import threading

import pytest

from matchmaker.core.concepts import Lexicon
from matchmaker.core.matching import MatchEngine
from matchmaker.core.toplists import Row, TopLists, depth_for

from .support import LEX, P, snapshot

INF = float("inf")


@pytest.fixture(scope="module")
def lex():
    return Lexicon(LEX)


X, Y, Z = 100, 101, 102  # owners; partners are 0..99
TIES = [f"p{b:02d}" for b in range(1000)]  # each index's tie key, as the engine's ids as text


def row(score, b):
    """A row as the engine makes it: (-score, tie key, partner); the tie key is the id as text."""
    return Row(-float(score), f"p{b:02d}", b)


def key(score, b):
    r = row(score, b)
    return (r.neg_score, r.tie)


def order(t, x):
    return [r.partner for r in t.rows[x]]


def check(t, universe=range(200)):
    """The invariants of a TopLists: rows sorted (unique partners), at most ``cap`` of them, the
    reverse index exact, ``kth`` the last row's score (-inf for complete lists, +inf for an empty
    incomplete one), only owners with rows marked complete."""
    for x, rows in t.rows.items():
        assert rows == sorted(rows), x
        assert len({r.partner for r in rows}) == len(rows), x
        assert len(rows) <= t.cap[x], x
        if x in t.complete:
            assert t.kth[x] == -INF, x
        else:
            assert t.kth[x] == (-rows[-1].neg_score if rows else INF), x
    assert t.complete <= set(t.rows)
    for b in universe:
        assert t.holders(b) == {x for x, rows in t.rows.items() if any(r.partner == b for r in rows)}, b


# ------------------------------------------------------------------------- TopLists alone
def test_held_partner_moving_before_the_last_row_takes_its_new_place():
    t = TopLists(128, TIES)
    t.set(X, [row(90, 1), row(80, 2), row(70, 3), row(60, 4), row(50, 5), row(40, 6)], want=3, cap=6)
    assert X not in t.complete
    assert t.kth[X] == 40
    check(t)
    # from the margin to the top: shown part changes, depth kept
    assert t.place(X, 5, key(95, 5)) == (True, False)
    assert order(t, X) == [5, 1, 2, 3, 4, 6]
    check(t)
    # moving inside the margin: shown part unchanged
    assert t.place(X, 4, key(55, 4)) == (False, False)
    assert order(t, X) == [5, 1, 2, 3, 4, 6]
    assert t.rows[X][4] == row(55, 4)
    # a shown partner whose score changes in place: shown (the score is shown)
    assert t.place(X, 5, key(96, 5)) == (True, False)
    assert t.rows[X][0] == row(96, 5)
    # a shown partner falling into the margin, still before the last row of the others
    assert t.place(X, 1, key(45, 1)) == (True, False)
    assert order(t, X) == [5, 2, 3, 4, 1, 6]
    check(t)
    # equal scores sort by the tie key: 4 rising to 80 comes after 2 (p02 < p04) ...
    assert t.place(X, 4, key(80, 4)) == (True, False)
    assert order(t, X) == [5, 2, 4, 3, 1, 6]
    # ... and 3 rising to 80 before it (p03 < p04), pushing it out of the shown part
    assert t.place(X, 3, key(80, 3)) == (True, False)
    assert order(t, X) == [5, 2, 3, 4, 1, 6]
    assert len(t.rows[X]) == 6
    assert t.kth[X] == 40
    check(t)


def test_held_partner_falling_behind_the_others_leaves_and_asks_for_a_ranking_when_short():
    t = TopLists(128, TIES)
    t.set(X, [row(90, 1), row(80, 2), row(70, 3), row(60, 4), row(50, 5)], want=3, cap=5)
    # a shown partner falling after the last row of the others: it leaves (depth - 1)
    assert t.place(X, 2, key(40, 2)) == (True, False)
    assert order(t, X) == [1, 3, 4, 5]
    assert X not in t.holders(2)
    assert t.kth[X] == 50
    check(t)
    # the last row itself falling: it leaves, the entry threshold rises
    assert t.place(X, 5, key(10, 5)) == (False, False)
    assert order(t, X) == [1, 3, 4]
    assert t.kth[X] == 60
    check(t)
    # equal to the last of the others: the tie key decides whether it stays or leaves
    t.set(Y, [row(90, 1), row(60, 9), row(55, 2), row(50, 5)], want=2, cap=4)
    assert t.place(Y, 2, key(50, 2)) == (False, False)  # p02 before p05: stays
    assert order(t, Y) == [1, 9, 2, 5]
    assert t.place(Y, 9, key(50, 9)) == (True, False)  # p09 after p05: leaves
    assert order(t, Y) == [1, 2, 5]
    assert Y not in t.holders(9)
    assert t.kth[Y] == 50
    check(t)
    # exactly ``want`` rows left: not short yet; one fewer: the owner must rank again
    assert len(t.rows[X]) == 3
    assert t.place(X, 1, None) == (True, True)
    assert order(t, X) == [3, 4]
    assert X not in t.holders(1)
    check(t)


def test_a_held_partner_that_is_no_longer_a_partner_leaves():
    t = TopLists(128, TIES)
    t.set(X, [row(90, 1), row(80, 2), row(70, 3), row(60, 4)], want=2, cap=4)
    assert t.place(X, 3, None) == (False, False)
    assert order(t, X) == [1, 2, 4]
    assert t.holders(3) == set()
    assert t.place(X, 9, None) == (False, False)  # never held: nothing to do
    assert order(t, X) == [1, 2, 4]
    assert t.place(X, 1, None) == (True, False)
    assert order(t, X) == [2, 4]
    assert t.kth[X] == 60
    check(t)
    # the last row gone too: an empty incomplete list takes nobody and must rank again
    t.set(Y, [row(10, 1), row(5, 2)], want=1, cap=2)
    assert Y not in t.complete
    assert t.place(Y, 1, None) == (True, False)
    assert t.place(Y, 2, None) == (True, True)
    assert t.rows[Y] == []
    assert t.kth[Y] == INF
    check(t)


def test_newcomer_before_the_last_row_enters_and_the_list_is_cut_back_to_cap():
    t = TopLists(128, TIES)
    t.set(X, [row(90, 1), row(80, 2), row(70, 3), row(60, 4), row(50, 5)], want=2, cap=5)
    assert t.place(X, 7, key(65, 7)) == (False, False)  # into the margin
    assert order(t, X) == [1, 2, 3, 7, 4]
    assert X not in t.holders(5)
    assert t.kth[X] == 60
    check(t)
    assert t.place(X, 8, key(95, 8)) == (True, False)  # to the top
    assert order(t, X) == [8, 1, 2, 3, 7]
    assert X not in t.holders(4)
    assert t.kth[X] == 65
    check(t)
    assert t.place(X, 9, key(10, 9)) == (False, False)  # after the last row: stays out
    assert order(t, X) == [8, 1, 2, 3, 7]
    assert X not in t.holders(9)
    assert X not in t.complete
    check(t)


def test_newcomer_with_an_equal_score_enters_a_full_list_only_with_an_earlier_tie_key():
    t = TopLists(128, TIES)
    t.set(X, [row(90, 1), row(70, 3), row(50, 5)], want=1, cap=3)
    before = list(t.rows[X])
    assert t.kth[X] == 50  # the engine offers it (score >= kth); place decides on the tie
    assert t.place(X, 9, key(50, 9)) == (False, False)
    assert t.rows[X] == before
    assert X not in t.holders(9)
    assert t.place(X, 4, key(50, 4)) == (False, False)  # p04 < p05: enters, 5 is cut
    assert order(t, X) == [1, 3, 4]
    assert X not in t.holders(5)
    check(t)


def test_complete_lists_accept_anyone_until_they_are_cut():
    t = TopLists(128, TIES)
    t.set(X, [row(50, 1), row(40, 2)], want=2, cap=4)
    assert X in t.complete
    assert t.kth[X] == -INF
    assert t.place(X, 3, key(1, 3)) == (False, False)  # however low
    assert t.place(X, 4, key(0, 4)) == (False, False)
    assert order(t, X) == [1, 2, 3, 4]
    assert X in t.complete
    check(t)
    assert t.place(X, 5, key(45, 5)) == (True, False)  # one too many: cut, no longer complete
    assert order(t, X) == [1, 5, 2, 3]
    assert X not in t.complete
    assert t.kth[X] == 1
    assert X not in t.holders(4)
    check(t)
    assert t.place(X, 6, key(0.5, 6)) == (False, False)
    assert order(t, X) == [1, 5, 2, 3]
    # a partner of a complete list falling to the bottom stays (nobody else is outside)
    t.set(Y, [row(50, 1), row(40, 2), row(30, 3)], want=2, cap=5)
    assert t.place(Y, 1, key(5, 1)) == (True, False)
    assert order(t, Y) == [2, 3, 1]
    assert Y in t.complete
    # ... and one leaving it never asks for a new ranking, even below ``want``
    assert t.place(Y, 2, None) == (True, False)
    assert t.place(Y, 3, None) == (True, False)
    assert order(t, Y) == [1]
    assert Y in t.complete
    assert t.kth[Y] == -INF
    check(t)
    # an owner with nobody at all
    t.set(Z, [], want=2, cap=5)
    assert Z in t.complete
    assert t.place(Z, 7, key(10, 7)) == (True, False)
    assert order(t, Z) == [7]
    check(t)


def test_forget_and_grow_keep_the_index_consistent():
    t = TopLists(2, TIES)
    t.set(0, [row(90, 5), row(80, 6)], want=1, cap=2)
    t.set(1, [row(70, 6), row(60, 7)], want=1, cap=2)
    assert t.holders(6) == {0, 1}
    assert t.kth[0] == 80
    t.forget(0)
    assert 0 not in t
    assert t.holders(5) == set()
    assert t.holders(6) == {1}
    assert t.kth[0] == -INF
    check(t, universe=range(10))
    t.grow(500)
    assert t.kth.shape[0] >= 500
    assert t.kth[1] == 60
    assert t.kth[0] == -INF
    t.set(400, [row(10, 7)], want=1, cap=3)
    assert t.holders(7) == {1, 400}
    assert t.kth[400] == -INF
    check(t, universe=range(10))


def test_a_reader_keeps_what_it_read_and_sees_whole_lists_while_another_thread_writes():
    """A list is read and written in one step each: what a reader got stays as it was, and a reader
    in another thread (a threaded worker serving while it catches up) sees the old list or the new,
    never a mix of the two."""
    t = TopLists(128, TIES)
    t.set(X, [row(90, 1), row(80, 2), row(70, 3), row(60, 4)], want=2, cap=4)
    kept, shown = t.rows[X], t.shown(X)
    copy = list(kept)
    t.place(X, 3, key(95, 3))
    t.place(X, 1, None)
    assert kept == copy
    assert shown == ([1, 2], [-90.0, -80.0])
    assert t.shown(X) == ([3, 2], [-95.0, -80.0])

    a = [row(90 - i, i) for i in range(20)]
    b = [row(50 - i, 40 + i) for i in range(20)]
    whole = {(tuple(r.partner for r in rows[:10]), tuple(r.neg_score for r in rows[:10])) for rows in (a, b)}
    t.set(Y, a, want=10, cap=20)
    stop, seen = threading.Event(), []

    def read():
        while not stop.is_set():
            partners, negs = t.shown(Y)
            seen.append((tuple(partners), tuple(negs)))

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    reader = threading.Thread(target=read)
    reader.start()
    try:
        for i in range(3000):
            t.set(Y, b if i % 2 else a, want=10, cap=20)
    finally:
        stop.set()
        reader.join()
        sys.setswitchinterval(old)
    assert len(seen) > 100
    assert set(seen) <= whole


@pytest.mark.parametrize("seed", range(6))
def test_toplists_against_a_brute_force_model(seed):
    """Random score changes, arrivals and departures of partners (few distinct scores: many
    ties), applied with place(); the list must always be a prefix of the true ranking (all of it
    when complete), ``changed`` must say whether the shown part moved, and a short list is
    ranked again as the engine does."""
    rng = random.Random(seed)
    scores: dict[int, dict[int, float]] = {}
    t = TopLists(4, TIES)
    t.grow(Z + 1)
    want = {X: 1, Y: 3, Z: 5}  # kept: 6, 8 and 10 rows
    for x, n in ((X, 40), (Y, 15), (Z, 6)):  # Z starts complete
        scores[x] = {b: float(rng.randint(0, 6)) for b in rng.sample(range(60), n)}

    def truth(x):
        return sorted(row(s, b) for b, s in scores[x].items())

    def rank(x):
        cap = depth_for(want[x])
        t.set(x, truth(x)[:cap], want[x], cap)

    for x in scores:
        rank(x)
    reranks, seen = 0, set()
    for _ in range(600):
        x = rng.choice(list(scores))
        b = rng.randrange(60)
        old_shown = t.rows[x][: want[x]]
        if t.rows[x] and rng.random() < 0.5:
            b = rng.choice(t.rows[x]).partner  # a held partner: it may fall out
        if b in scores[x] and rng.random() < 0.2:
            del scores[x][b]
            got = t.place(x, b, None)
        else:
            scores[x][b] = float(rng.randint(0, 6))
            got = t.place(x, b, key(scores[x][b], b))
        assert got[0] == (t.rows[x][: want[x]] != old_shown)
        rows, full = t.rows[x], truth(x)
        assert rows == full[: len(rows)]  # nobody outside sorts before the last row
        assert (x in t.complete) <= (rows == full)
        if got[1]:
            assert len(rows) < want[x]
            assert x not in t.complete
            rank(x)
            reranks += 1
        else:
            assert len(rows) >= min(want[x], len(full))
        seen.add((x, x in t.complete))
        check(t, universe=range(60))
    assert reranks  # the margin runs out now and then
    assert {(Z, True), (Z, False)} <= seen  # Z was complete, then cut


# ------------------------------------------------------------------------- engine stress
ITEMS = ["xurma", "nar", "pomidor", "томаты", "мука", "un", "фейхоа", "feijoa", "fındıq", "фундук"]
SECTORS = ["01.13", "01.24", "46.31"]
LANGS = [(), ("az",), ("ru",), ("az", "ru")]


def tied_profile(rng, fid, country):
    """Few distinct values everywhere: many firms score exactly the same."""
    if rng.random() < 0.4:
        offers = needs = ()
    else:
        offers = tuple(rng.sample(ITEMS, rng.randint(0, 2)))
        needs = tuple(rng.sample(ITEMS, rng.randint(0, 1)))
    sectors = tuple(rng.sample(SECTORS, rng.randint(0, 1)))
    return P(fid, country, sectors, offers, needs, rng.choice(LANGS), rng.random() < 0.3)


def tweak(rng, p):
    """One field changed: small score moves, held partners shift a little."""
    what = rng.randrange(5)
    if what == 0:
        return P(p.id, p.country, p.sectors, p.offers, p.needs, p.languages, not p.verified)
    if what == 1:
        return P(p.id, p.country, p.sectors, p.offers, p.needs, rng.choice(LANGS), p.verified)
    if what == 2:
        return P(
            p.id,
            p.country,
            tuple(rng.sample(SECTORS, rng.randint(0, 2))),
            p.offers,
            p.needs,
            p.languages,
            p.verified,
        )
    if what == 3:
        return P(
            p.id,
            p.country,
            p.sectors,
            tuple(rng.sample(ITEMS, rng.randint(0, 2))),
            p.needs,
            p.languages,
            p.verified,
        )
    return P(
        p.id,
        p.country,
        p.sectors,
        p.offers,
        tuple(rng.sample(ITEMS, rng.randint(0, 2))),
        p.languages,
        p.verified,
    )


def astuple_rest(p, country=False):
    return (p.country,) * country + (p.sectors, p.offers, p.needs, p.languages, p.verified)


def other(country):
    return "RU" if country == "AZ" else "AZ"


def stored_all(eng, ids_):
    return {fid: [(s.partner_id, s.score, s.rank) for s in eng.stored(fid)] for fid in ids_}


def fresh_engine(lex, current, k):
    fresh = MatchEngine(lex)
    for p in current.values():
        fresh.add(p)
    return fresh, snapshot(fresh.rebuild(k=k))


def check_kept_rows(eng, fresh, current):
    """Deeper than the shown part: every kept list (margin included) is a prefix of the full
    ranking, complete lists hold every partner, and the TopLists invariants hold."""
    tops, ftops = eng.tops, fresh.tops
    check(tops, universe=range(len(eng.registry.ids)))
    n_other = {c: sum(p.country != c for p in current.values()) for c in ("AZ", "RU")}
    for fid, p in current.items():
        a, fa = eng.registry.index[fid], fresh.registry.index[fid]
        kept = [(eng.registry.ids[r.partner], r.neg_score) for r in tops.rows[a]]
        full = [(fresh.registry.ids[r.partner], r.neg_score) for r in ftops.rows[fa]]
        assert kept[: len(full)] == full[: len(kept)], fid
        if a in tops.complete:
            assert len(kept) == n_other[p.country], fid


def kept_ids(eng, fid):
    """The partners of a firm's kept list, margin included, best first."""
    return [eng.registry.ids[r.partner] for r in eng.tops.rows[eng.registry.index[fid]]]


def count_short_lists(eng):
    """Count the lists that ran short (place() asked for a new ranking), by engine method."""
    shorts = {"update": 0, "remove": 0}
    place = eng.tops.place

    def counting(x, b, key):
        got = place(x, b, key)
        if got[1]:
            shorts["remove" if key is None and b not in eng.registry.firms else "update"] += 1
        return got

    eng.tops.place = counting
    return shorts


def add_clones(rng, current, n):
    """Equal profiles that top many lists together ("fade" wears the margins down)."""
    for c, country in enumerate(("AZ", "RU")):
        strong = P(
            None,
            country,
            ("01.13",),
            tuple(rng.sample(ITEMS, 3)),
            tuple(rng.sample(ITEMS, 3)),
            ("az", "ru"),
            True,
        )
        for j in rng.sample(range(c, n, 2), 9):
            current[j] = P(j, *astuple_rest(strong, country=True))


def most_shown(lists):
    """The firm shown in the most lists (ties: the first by id as text)."""
    counts: dict = {}
    for lst in lists.values():
        for pid, _s, _r in lst:
            counts[pid] = counts.get(pid, 0) + 1
    return max(sorted(counts, key=str), key=counts.get)


def changed_profile(rng, op, current, removed, fading, next_id):
    """The profile a step gives one firm: (id, profile, next free id). ``fading``: the firm a
    "fade" step picked (for "country" and "empty")."""
    if op == "change":
        fid = rng.choice(sorted(current))
        return fid, tied_profile(rng, fid, current[fid].country), next_id
    if op == "tweak":
        fid = rng.choice(sorted(current))
        return fid, tweak(rng, current[fid]), next_id
    if op == "new":
        return next_id, tied_profile(rng, next_id, rng.choice(["AZ", "RU"])), next_id + 1
    if op == "back":
        fid = removed.pop(rng.randrange(len(removed)))
        return fid, tied_profile(rng, fid, rng.choice(["AZ", "RU"])), next_id
    fid = fading if fading is not None else rng.choice(sorted(current))
    if op == "country":
        q = current[fid]
        return fid, P(fid, other(q.country), q.sectors, q.offers, q.needs, q.languages, q.verified), next_id
    return fid, P(fid, current[fid].country), next_id  # emptied to nothing


@pytest.mark.parametrize("seed,n,k", [(1, 150, 2), (2, 200, 3), (3, 250, 4), (4, 180, 2), (5, 220, 3)])
def test_random_steps_with_heavy_ties_stay_equal_to_a_full_rebuild(lex, seed, n, k):
    rng = random.Random(seed)
    # integer ids: their text order ("10" < "9") is not the order they arrive in
    current = {i: tied_profile(rng, i, "AZ" if i % 2 else "RU") for i in range(n)}
    add_clones(rng, current, n)
    eng = MatchEngine(lex)
    for p in current.values():
        eng.add(p)
    eng.rebuild(k=k)
    shorts = count_short_lists(eng)
    removed: list = []
    next_id = n
    kinds = set()
    steps = 70
    for step in range(steps):
        before = stored_all(eng, current)
        op = rng.choices(
            ["change", "tweak", "new", "remove", "country", "empty", "back", "fade"],
            [18, 18, 10, 10, 8, 8, 8, 20],
        )[0]
        if op == "back" and not removed:
            op = "new"
        kinds.add(op)
        fading = None
        if op == "fade":
            # the firm shown most often loses its appeal (or leaves): lists holding it lose a
            # row each time, so their margins run out and they are ranked again
            fading = most_shown(before)
            op = rng.choice(["remove", "country", "empty"])
        if op == "remove":
            gone = fading if fading is not None else rng.choice(sorted(current))
            returned = eng.remove(gone)
            del current[gone]
            removed.append(gone)
            assert gone not in eng
            assert eng.stored(gone) is None
        else:
            fid, p, next_id = changed_profile(rng, op, current, removed, fading, next_id)
            res = eng.update(p, k=k)
            current[fid] = p
            returned = set(res)
            assert fid in returned
            # what update() returns is what is stored
            assert snapshot(res) == stored_all(eng, res)
        after = stored_all(eng, current)
        changed = {fid for fid in current if before.get(fid) != after[fid]}
        assert changed <= returned, (step, op, changed - returned)
        if step < 8 or step % 6 == 0 or step == steps - 1:
            fresh, full = fresh_engine(lex, current, k)
            assert after == full, (step, op)
            check_kept_rows(eng, fresh, current)
    assert kinds >= {"change", "tweak", "new", "remove", "country", "empty", "fade"}
    assert shorts["update"] + shorts["remove"]  # margins ran out


@pytest.mark.parametrize("how", ["remove", "empty", "country"])
def test_popular_firms_fading_one_by_one_make_lists_run_short(lex, how):
    """Eight equal firms shown in many lists of the other side fade one after another (removed,
    emptied or moved to the other country): the lists holding them lose a row each time, run
    short and are ranked again; every step stays equal to a full rebuild."""
    rng = random.Random(7)
    current = {i: tied_profile(rng, i, "AZ" if i % 2 else "RU") for i in range(120)}
    # every item of ITEMS on both sides (9 items: the 8+ rounding path too): top of the lists
    stars = [
        P(f"star{j}", "AZ", ("01.13",), tuple(ITEMS[:5]), tuple(ITEMS[5:9]), ("az", "ru"), True)
        for j in range(8)
    ]
    for s in stars:
        current[s.id] = s
    eng = MatchEngine(lex)
    for p in current.values():
        eng.add(p)
    eng.rebuild(k=2)  # 7 kept: star0..star6 fill every list that has an item in common
    shorts = count_short_lists(eng)
    full = [
        fid
        for fid, p in current.items()
        if p.country == "RU" and kept_ids(eng, fid) == [f"star{j}" for j in range(7)]
    ]
    assert len(full) > 10
    for s in stars:
        before = stored_all(eng, current)
        if how == "remove":
            returned = eng.remove(s.id)
            del current[s.id]
        else:
            p = P(s.id, "AZ") if how == "empty" else P(s.id, "RU", *astuple_rest(s))
            returned = set(eng.update(p, k=2))
            current[s.id] = p
        after = stored_all(eng, current)
        assert {fid for fid in current if before[fid] != after[fid]} <= returned
        assert after == fresh_engine(lex, current, 2)[1]
    assert shorts["remove" if how == "remove" else "update"] >= len(full)


# ------------------------------------------------------------------------- country switch
def test_no_same_country_partner_after_a_country_switch(lex):
    """A firm shown in many lists moves AZ -> RU -> AZ -> RU: no list (shown part or margin) ever
    holds a partner of its own country, its former holders all let it go (and update() says so),
    and everything equals a full rebuild."""
    rng = random.Random(11)
    current = {i: tied_profile(rng, i, "AZ" if i % 2 else "RU") for i in range(160)}
    star = P("star", "AZ", ("01.13",), ("xurma", "pomidor", "мука"), ("фундук",), ("az", "ru"), True)
    current["star"] = star
    eng = MatchEngine(lex)
    for p in current.values():
        eng.add(p)
    eng.rebuild(k=3)
    country = {fid: p.country for fid, p in current.items()}
    for new_country in ("RU", "AZ", "RU"):
        holders = {fid for fid in current if "star" in {s.partner_id for s in eng.stored(fid)}}
        assert len(holders) > 10  # it is shown in many lists: they must all let it go
        p = P("star", new_country, star.sectors, star.offers, star.needs, star.languages, True)
        res = eng.update(p, k=3)
        current["star"] = p
        country["star"] = new_country
        for fid in current:
            shown = eng.stored(fid)
            assert len(shown) == 3
            assert all(country[s.partner_id] != country[fid] for s in shown), fid
            # the margin too: a same-country row there would surface later
            assert all(country[b] != country[fid] for b in kept_ids(eng, fid)), fid
        # its former holders all changed, and update() said so
        assert holders <= set(res)
        assert {s.partner_id for s in eng.stored("star")} <= {
            fid for fid, c in country.items() if c != new_country
        }
        assert stored_all(eng, current) == fresh_engine(lex, current, 3)[1]
    # now Russian, it is shown to Azerbaijani firms instead
    assert (
        sum("star" in {s.partner_id for s in eng.stored(fid)} for fid in current if country[fid] == "AZ") > 10
    )
