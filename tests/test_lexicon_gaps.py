"""Lexicon gaps for staff: unknown words with firm counts and nearest concepts; links and new
concepts live in the database, refresh the suggestions at once, and move as JSON."""

import json

from sqlalchemy import delete, select

from matchmaker.extensions import db
from matchmaker.lexicon.models import LexiconAddition
from matchmaker.matching.models import Suggestion
from tests.support import PASSWORD, csrf_token


def _staff(client, factory):
    factory.user(email="staff@example.com", role="staff")
    client.post("/login", data={"email": "staff@example.com", "password": PASSWORD})


def _score(company, partner):
    """The stored score of ``partner`` in ``company``'s list (0: not in it)."""
    db.session.expire_all()
    got = db.session.scalar(
        select(Suggestion.score).where(
            Suggestion.company_id == company.id, Suggestion.partner_id == partner.id
        )
    )
    return got or 0


def test_gaps_page_lists_unknown_words_with_firms_and_nearest_concepts(client, factory):
    factory.company(offers=["zirinc"])
    factory.company(offers=["Zirinc"], description="Закупаем квазимал.")
    factory.company(country="RU", city="Москва", needs=["pomidorr", "томаты"])
    _staff(client, factory)
    html = client.get("/staff/lexicon?lang=en").get_data(as_text=True)
    row = html[html.index('data-word="zirinc"') :]
    assert "<td>2</td>" in row[:400]
    assert "offers" in row[:600]
    assert 'data-word="квазимал"' in html
    assert "descriptions" in html
    assert 'data-word="pomidorr"' not in html  # a typo of a known word is no gap


def test_members_cannot_see_or_change_the_lexicon(client, factory):
    mine = factory.company()
    factory.user(email="member@az.example", company=mine)
    client.post("/login", data={"email": "member@az.example", "password": PASSWORD})
    assert client.get("/staff/lexicon").status_code == 403
    assert (
        client.post("/staff/lexicon/link", data={"word": "x", "concept": "tomato", "lang": "az"}).status_code
        == 403
    )


def test_creating_a_concept_matches_firms_at_once(client, factory):
    az = factory.company(offers=["zirinc"])
    ru = factory.company(country="RU", city="Москва", needs=["барбарис"])
    _staff(client, factory)
    page = client.get("/staff/lexicon?lang=en").get_data(as_text=True)
    before = _score(az, ru)
    r = client.post(
        "/staff/lexicon/concepts?lang=en",
        data={
            "csrf_token": csrf_token(page),
            "concept": "barberry",
            "names_az": "zirinc",
            "names_ru": "барбарис",
            "names_en": "barberry",
            "hs": "0813.40",
            "group": "",
            "broader": "",
        },
    )
    assert r.status_code == 302
    assert _score(az, ru) >= before + 50
    assert _score(ru, az) >= before + 50
    page = client.get("/staff/lexicon?lang=en").get_data(as_text=True)
    assert 'data-word="zirinc"' not in page
    # a second concept with the same id, or a bad HS code: refused on the form, nothing written
    r = client.post(
        "/staff/lexicon/concepts?lang=en",
        data={"csrf_token": csrf_token(page), "concept": "barberry", "names_en": "x", "hs": "12a"},
    )
    assert r.status_code == 422
    assert "This concept exists already." in r.get_data(as_text=True)
    assert db.session.scalar(select(db.func.count()).select_from(LexiconAddition)) == 1


def test_linking_a_word_to_a_concept_matches_firms_at_once(client, factory):
    az = factory.company(offers=["kvazimal"])
    ru = factory.company(country="RU", city="Москва", needs=["томаты"])
    _staff(client, factory)
    page = client.get("/staff/lexicon?lang=en").get_data(as_text=True)
    before = _score(az, ru)
    r = client.post(
        "/staff/lexicon/link?lang=en",
        data={"csrf_token": csrf_token(page), "word": "kvazimal", "concept": "tomato", "lang": "az"},
        follow_redirects=True,
    )
    assert "the word appears in 1 firms" in r.get_data(as_text=True)
    assert _score(az, ru) >= before + 50
    r = client.post(
        "/staff/lexicon/link?lang=en",
        data={"csrf_token": csrf_token(page), "word": "kvazimal", "concept": "no_such", "lang": "az"},
        follow_redirects=True,
    )
    assert "Unknown concept: no_such." in r.get_data(as_text=True)


def test_additions_survive_as_json_export_and_import(app, runner, factory, tmp_path):
    from matchmaker.lexicon import services

    with app.test_request_context():
        services.create_concept("barberry", {"az": "zirinc", "ru": "барбарис, барбариса"}, hs="0813.40")
        services.link_word("kvazimal", "tomato", "az", None)
        db.session.commit()
    out = tmp_path / "additions.json"
    assert runner.invoke(args=["lexicon", "export", str(out)]).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["concepts"][0]["id"] == "barberry"
    assert data["concepts"][0]["ru"] == ["барбарис", "барбариса"]
    assert data["lemmas"] == [{"concept": "tomato", "lang": "az", "lemma": "kvazimal"}]
    db.session.execute(delete(LexiconAddition))
    db.session.commit()
    result = runner.invoke(args=["lexicon", "import", str(out)])
    assert result.exit_code == 0
    assert "imported 1 concepts and 1 lemmas" in result.output
    assert runner.invoke(args=["lexicon", "import", str(out)]).output.startswith(
        "imported 0 concepts and 0 lemmas"
    )
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps({"concepts": [], "lemmas": [{"concept": "tomato", "lang": "de", "lemma": "x"}]})
    )
    result = runner.invoke(args=["lexicon", "import", str(bad)])
    assert result.exit_code == 1
    assert "lemmas[0]" in result.output
    bad.write_text(json.dumps({"lemmas": [{"concept": "no_such", "lang": "az", "lemma": "x"}]}))
    result = runner.invoke(args=["lexicon", "import", str(bad)])
    assert result.exit_code == 1
    assert "lemmas[0].concept: Unknown concept: no_such." in result.output
    assert db.session.scalar(select(db.func.count()).select_from(LexiconAddition)) == 2


def test_staff_additions_survive_an_upgrade_of_the_packaged_lexicon():
    from matchmaker.core.concepts import Lexicon
    from matchmaker.core.lexicon import packaged_lexicon_data
    from matchmaker.core.lexicon_gaps import merge_additions

    packaged = packaged_lexicon_data()
    staff_concept = {"id": "barberry", "az": ["zirinc"], "ru": ["барбарис"], "en": [], "hs": "0813.40"}
    # the packaged file of a later release has the concept now: its record stays, the staff's names join
    upgraded = {
        **packaged,
        "concepts": [*packaged["concepts"], {"id": "barberry", "en": ["barberry"], "hs": "0813.40"}],
    }
    merged = merge_additions(upgraded, [staff_concept], [("tomato", "az", "kvazimal")])
    lex = Lexicon(merged)
    assert lex.concepts["barberry"].names["en"] == ("barberry",)
    assert "zirinc" in lex.concepts["barberry"].names["az"]
    assert [h.concept for h in lex.analyze("zirinc")] == ["barberry"]
    assert [h.concept for h in lex.analyze("kvazimal")] == ["tomato"]


def test_a_linked_word_reaches_the_directory_search_of_every_app(make_app, tmp_path):
    """Issue 14: the directory search reads with the staff's additions too, in the app that made
    the addition and in another one on the same database (refreshed through the change log)."""
    from tests.databases import ON_PG
    from tests.factories import Factory

    def names(html):
        return [c.split("</a>")[0].rsplit(">", 1)[-1] for c in html.split('class="company-card"')[1:]]

    overrides = {} if ON_PG else {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'lexicon.sqlite3'}"}
    a, b = make_app(**overrides), make_app(**overrides)
    with a.app_context():
        f = Factory()
        f.company(name="Lənkəran Bağ", offers=["kvazimal"])
        f.company(name="ООО Волга Овощ", country="RU", city="Москва", offers=["томаты"])
        f.user(email="staff@example.com", role="staff")
    clients = {a: a.test_client(), b: b.test_client()}

    def found(app, q):
        with app.app_context():
            return names(clients[app].get("/companies", query_string={"q": q}).get_data(as_text=True))

    for app in (a, b):  # each app has built its index with the packaged lexicon
        assert "Lənkəran Bağ" not in found(app, "помидоры")
    with a.app_context():
        staff = clients[a]
        staff.post("/login", data={"email": "staff@example.com", "password": PASSWORD})
        page = staff.get("/staff/lexicon?lang=en").get_data(as_text=True)
        r = staff.post(
            "/staff/lexicon/link?lang=en",
            data={"csrf_token": csrf_token(page), "word": "kvazimal", "concept": "tomato", "lang": "az"},
            follow_redirects=True,
        )
        assert "the word appears in 1 firms" in r.get_data(as_text=True)
    for app in (a, b):
        assert "Lənkəran Bağ" in found(app, "помидоры"), app
        assert "ООО Волга Овощ" in found(app, "kvazimal"), app


def test_a_word_no_firm_uses_still_reaches_every_app(make_app, tmp_path):
    """A linked word no firm writes still names the product in every app's directory search."""
    from matchmaker.lexicon.services import link_word
    from tests.databases import ON_PG
    from tests.factories import Factory

    overrides = {} if ON_PG else {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'lexicon.sqlite3'}"}
    a, b = make_app(**overrides), make_app(**overrides)
    with a.app_context():
        Factory().company(name="ООО Волга Овощ", country="RU", city="Москва", offers=["томаты"])
    for app in (a, b):
        with app.app_context():
            assert "ООО Волга Овощ" not in app.test_client().get("/companies?q=zorvatin").get_data(
                as_text=True
            )
    with a.app_context():
        assert link_word("zorvatin", "tomato", "az", None) == 0
        db.session.commit()
    for app in (a, b):
        with app.app_context():
            assert "ООО Волга Овощ" in app.test_client().get("/companies?q=zorvatin").get_data(
                as_text=True
            ), app
