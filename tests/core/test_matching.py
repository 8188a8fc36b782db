"""Partner matching: complementarity first, never same-country, everyone served, incremental
updates equal a full rebuild, reasons in three languages."""

import random
from dataclasses import replace

import pytest

from matchmaker.core.concepts import Lexicon
from matchmaker.core.matching import FirmProfile, MatchEngine, Reason, Suggestion, render_reason

from .support import LEX, P, random_firms, snapshot


@pytest.fixture(scope="module")
def lex():
    return Lexicon(LEX)


def ids(lst):
    return [s.partner_id for s in lst]


def test_persimmon_buyer_is_not_a_pomegranate_buyer(lex):
    eng = MatchEngine(lex)
    eng.add(P("buyer", "RU", ("46.31",), (), ("Свежая хурма",), ("ru",)))
    eng.add(P("pomegranates", "AZ", ("01.24",), ("narlar",), (), ("az", "ru"), verified=True))
    eng.add(P("persimmons", "AZ", ("01.24",), ("xurma",), (), ("az",)))
    eng.add(P("apples", "AZ", ("01.24",), ("alma",), (), ("az", "ru"), verified=True))
    eng.add(P("steel", "AZ", ("24.20",), ("polad borular",), (), ("az", "ru")))
    lst = eng.suggestions_for("buyer", k=4)
    assert ids(lst)[0] == "persimmons"
    # same HS heading (0810) before the same chapter (0808), before unrelated goods
    assert ids(lst)[1:] == ["pomegranates", "apples", "steel"]
    scores = [s.score for s in lst]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] - scores[1] > 20
    assert [s.rank for s in lst] == [1, 2, 3, 4]
    assert all(0 <= s.score <= 100 for s in lst)
    assert lst[0].reasons[0].kind == "need_offer"
    assert lst[1].reasons[0].kind == "related_product"


def test_complementarity_in_both_directions_and_broader_concepts(lex):
    eng = MatchEngine(lex)
    eng.add(P("az", "AZ", (), ("pomidorlar",), ("мука",), ("az",)))
    eng.add(P("ru-need", "RU", (), (), ("томаты",), ("ru",)))
    eng.add(P("ru-offer", "RU", (), ("wheat flour",), (), ("ru",)))
    eng.add(P("ru-both", "RU", (), ("пшеничная мука",), ("Tomatoes",), ("ru",)))
    eng.add(P("ru-fruit", "RU", (), (), ("фрукты",), ("ru",)))
    eng.add(P("az-persimmon", "AZ", (), ("xurma",), (), ("az",)))
    lst = eng.suggestions_for("az", k=3)
    assert ids(lst)[0] == "ru-both"  # matches both ways
    assert set(ids(lst)[1:]) == {"ru-need", "ru-offer"}
    # a buyer of "fruit" is a partner for a persimmon grower, below an exact match
    fruit = eng.suggestions_for("ru-fruit", k=2)
    assert ids(fruit)[0] == "az-persimmon"
    assert fruit[0].reasons[0].relation == "narrower"  # their item is narrower than ours


def test_never_same_country_and_everyone_gets_suggestions(lex):
    firms = random_firms(80)
    firms.append(P("lonely", "AZ", (), (), (), ()))  # nothing at all: still served
    eng = MatchEngine(lex)
    for f in firms:
        eng.add(f)
    seen = []
    res = eng.rebuild(k=5, progress=lambda d, t: seen.append((d, t)))
    country = {f.id: f.country for f in firms}
    assert set(res) == set(country)
    for fid, lst in res.items():
        assert len(lst) == 5
        assert all(country[s.partner_id] != country[fid] for s in lst)
        assert len(set(ids(lst))) == 5
        keys = [(-s.score,) for s in lst]
        assert keys == sorted(keys)
    assert seen[-1] == (len(firms), len(firms))


def test_rebuild_is_deterministic_and_insertion_order_free(lex):
    firms = random_firms(60, seed=3)
    a, b = MatchEngine(lex), MatchEngine(lex)
    for f in firms:
        a.add(f)
    for f in reversed(firms):
        b.add(f)
    assert snapshot(a.rebuild(k=6)) == snapshot(b.rebuild(k=6))


def test_incremental_add_change_remove_equal_full_rebuild(lex):
    firms = random_firms(70, seed=5)
    eng = MatchEngine(lex)
    for f in firms:
        eng.add(f)
    eng.rebuild(k=5)
    rng = random.Random(9)
    changes = [
        P("f010", "RU", ("01.13",), ("фейхоа",), ("pomidorlar",), ("ru",), True),  # change
        P("new1", "AZ", ("46.31",), ("feyxoa", "tomatoes"), ("мука",), ("az", "ru")),  # add
        P("f011", "AZ", (), (), (), ("az",)),  # emptied
    ]
    current = {f.id: f for f in firms}
    for ch in changes:
        eng.update(ch, k=5)
        current[ch.id] = ch
    gone = rng.choice(sorted(current))
    for fid in eng.remove(gone):
        eng.suggestions_for(fid, k=5)
    del current[gone]
    fresh = MatchEngine(lex)
    for f in current.values():
        fresh.add(f)
    full = snapshot(fresh.rebuild(k=5))
    incremental = {fid: [(s.partner_id, s.score, s.rank) for s in eng.stored(fid)] for fid in current}
    assert incremental == full
    assert gone not in eng
    assert gone not in {p for lst in full.values() for p, _, _ in lst}


def test_many_random_updates_stay_equal_to_a_full_rebuild(lex):
    firms = random_firms(90, seed=21)
    firms[7] = P(
        firms[7].id,
        firms[7].country,
        (),
        (),
        ("xurma", "гранаты", "яблоки", "картофель", "tomatoes", "walnuts", "hazelnuts", "flour", "пшеница"),
        ("ru",),
    )
    eng = MatchEngine(lex)
    for f in firms:
        eng.add(f)
    eng.rebuild(k=4)
    pool = random_firms(40, seed=22)
    # a few firms with many items (numpy sums 8+ terms pairwise)
    pool += [
        P(
            f"x{i}",
            "AZ",
            (),
            ("хурма", "nar", "alma", "kartof", "pomidor", "qoz", "fındıq", "un", "wheat"),
            ("томаты", "мука"),
            ("ru",),
        )
        for i in range(3)
    ]
    rng = random.Random(23)
    current = {f.id: f for f in firms}
    for step in range(25):
        target = rng.choice(sorted(current))
        donor = rng.choice(pool)
        ch = P(
            target,
            current[target].country,
            donor.sectors,
            donor.offers,
            donor.needs,
            donor.languages,
            donor.verified,
        )
        before = {fid: [s.partner_id for s in eng.stored(fid)] for fid in current}
        predicted = None
        if step % 2:
            eng.add(ch)
            predicted = eng.affected_by(target)  # asked once the new profile is in
        eng.update(ch, k=4)
        current[target] = ch
        if predicted is not None:
            changed = {fid for fid in current if [s.partner_id for s in eng.stored(fid)] != before[fid]}
            assert changed <= predicted | {target}
    fresh = MatchEngine(lex)
    for f in current.values():
        fresh.add(f)
    full = snapshot(fresh.rebuild(k=4))
    assert {fid: [(s.partner_id, s.score, s.rank) for s in eng.stored(fid)] for fid in current} == full
    # lazily worked-out reasons are the same too
    some = sorted(current)[:10]
    assert [[s.reasons for s in eng.stored(fid)] for fid in some] == [
        [s.reasons for s in fresh.stored(fid)] for fid in some
    ]


def test_affected_by_covers_own_list_holders_and_new_entries(lex):
    eng = MatchEngine(lex)
    eng.add(P("ru1", "RU", (), (), ("хурма",), ("ru",)))
    eng.add(P("ru2", "RU", (), (), ("гранаты",), ("ru",)))
    eng.add(P("az1", "AZ", (), ("xurma",), (), ("az",)))
    eng.add(P("az2", "AZ", (), ("kartof",), (), ("az",)))
    eng.rebuild(k=1)
    assert ids(eng.stored("ru2")) == ["az1"]  # same heading beats nothing
    eng.add(P("az2", "AZ", (), ("nar",), (), ("az",)))
    aff = eng.affected_by("az2")
    assert {"az2", "ru2"} <= aff
    assert "az1" not in aff
    eng.refresh(aff, k=1)
    assert ids(eng.stored("ru2")) == ["az2"]


def test_reasons_render_in_three_languages(lex):
    eng = MatchEngine(lex)
    eng.add(P("az", "AZ", ("01.13",), ("pomidor",), (), ("az", "ru"), False, "Bağ"))
    eng.add(P("ru", "RU", ("01.13",), (), ("томаты",), ("ru",), True, "Сад"))
    s = eng.suggestions_for("az", k=1)[0]
    assert isinstance(s, Suggestion)
    kinds = [r.kind for r in s.reasons]
    assert kinds[0] == "offer_need"
    assert {"sector", "language", "verified"} <= set(kinds)
    r = s.reasons[0]
    assert (r.own_item, r.partner_item, r.concept) == ("pomidor", "томаты", "tomato")
    assert render_reason(r, "en") == "You offer \u201cpomidor\u201d; they seek \u201cтоматы\u201d"
    assert render_reason(r, "ru") == "Вы предлагаете «pomidor»; они ищут «томаты»"
    assert render_reason(r, "az") == "Siz «pomidor» təklif edirsiniz; onlar «томаты» axtarır"
    back = eng.suggestions_for("ru", k=1)[0].reasons[0]
    assert render_reason(back, "en") == "You seek \u201cтоматы\u201d; they offer \u201cpomidor\u201d"
    for lang in ("en", "ru", "az"):
        texts = [render_reason(x, lang) for x in s.reasons]
        assert all(texts)
        assert len(set(texts)) == len(texts)
    assert render_reason(Reason("language", languages=("ru",)), "ru") == "Общий рабочий язык: русский"
    assert render_reason(Reason("verified"), "az") == "Təsdiqlənmiş şirkət"
    rel = Reason(
        "related_product",
        "xurma",
        "гранаты",
        "persimmon",
        "pomegranate",
        relation="group",
        direction="offer_need",
        detail="fruit",
    )
    assert "Fruit" in render_reason(rel, "en", lex)
    assert "Фрукты" in render_reason(rel, "ru", lex)


def test_parallel_rebuild_equals_serial(lex):
    firms = random_firms(2400, seed=31)
    a, b = MatchEngine(lex), MatchEngine(lex)
    for f in firms:
        a.add(f)
        b.add(f)
    serial = snapshot(a.rebuild(k=3))
    parallel = snapshot(b.rebuild(k=3, workers=2))
    assert serial == parallel


def test_affected_by_in_a_fresh_engine_is_selective(lex):
    firms = random_firms(160, seed=41)  # 80 a side: lists of 20 (30 kept) are not complete
    eng = MatchEngine(lex)
    for f in firms:
        eng.add(f)
    changed = P("f005", firms[5].country, (), ("фейхоа",), (), ("az",))
    eng.add(changed)
    aff = eng.affected_by("f005")
    assert "f005" in aff
    assert len(aff) < 40


def test_reasons_of_a_list_in_one_pass_equal_the_suggestions_reasons():
    """``MatchEngine.reasons`` explains a firm's whole list from the profiles, without ranking:
    the same reasons each suggestion of the ranking carries."""
    eng = MatchEngine()
    eng.add(
        FirmProfile(
            id=1, country="AZ", offers=("pomidor", "xiyar"), needs=("traktor",), languages=("az", "ru")
        )
    )
    eng.add(FirmProfile(id=2, country="RU", needs=("помидоры",), offers=("тракторы",), languages=("ru",)))
    eng.add(FirmProfile(id=3, country="RU", needs=("огурцы",), verified=True, languages=("ru",)))
    ranked = eng.suggestions_for(1, k=5)
    assert len(ranked) == 2
    found = eng.reasons(1, [s.partner_id for s in ranked] + [99])
    assert set(found) == {2, 3}  # an unknown firm has none
    for s in ranked:
        assert found[s.partner_id] == s.reasons
        assert s.reasons
    assert eng.reasons(42, [2]) == {}


def test_firms_that_list_the_same_goods_share_their_reasons_with_the_same_result(lex):
    """While sharing, firms whose reasons depend on the same things (one trade's goods, as written
    and quoted, sectors, languages) get the same reason lists, worked out once; any difference in
    those keeps them apart: every firm's reasons are those it gets alone."""
    base = random_firms(60, seed=5)
    seller = P("seller", "AZ", ("01.25",), ("fındıq",), (), ("az", "ru"))
    buyer = P("buyer", "RU", ("46.31",), (), ("фундук",), ("ru",))
    said = replace(seller, id="said", offers=(), description="Biz fındıq satırıq.")
    twins = [replace(f, id=f"{f.id}-twin", name="Twin") for f in [*base[:20], seller, said]]
    apart = [
        replace(seller, id="other-langs", languages=("en",)),
        replace(seller, id="other-sector", sectors=("10.61",)),
        replace(seller, id="other-spelling", offers=("FINDIQ",)),
        replace(said, id="other-quote", description="Biz həm də fındıq satırıq."),
    ]
    eng = MatchEngine(lex)
    for f in [*base, seller, buyer, said, *twins, *apart]:
        eng.add(f)
    firms = [f.id for f in [*base, seller, buyer, said, *twins, *apart]]
    alone = {fid: eng.reasons(fid, firms) for fid in firms}
    with eng.sharing_reasons():
        shared = {fid: eng.reasons(fid, firms) for fid in firms}
    assert shared == alone
    assert alone["seller"]["buyer"]
    assert alone["said"]["buyer"][0].own_quote == "Biz fındıq satırıq"
    for twin in (*base[:20], seller, said):
        for partner, reasons in shared[twin.id].items():
            assert shared[f"{twin.id}-twin"][partner] is reasons  # worked out once
    assert alone["other-quote"]["buyer"] != alone["said"]["buyer"]
    for other, like in [("other-langs", "seller"), ("other-sector", "seller"), ("other-spelling", "seller")]:
        assert shared[other]["buyer"] is not shared[like]["buyer"]
    assert shared["other-quote"]["buyer"] is not shared["said"]["buyer"]
    again = eng.reasons("seller", firms)  # the memos end with the block
    assert again == alone["seller"]
    assert again["buyer"] is not shared["seller"]["buyer"]
