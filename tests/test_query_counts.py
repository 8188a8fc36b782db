"""The pages and API calls read at scale issue a bounded number of SQL statements, whatever the
number of results they show (a statement counter on the engine, as indico's ``count_queries``).

Each request is made once to warm the worker (its search index and matching engine follow the
change log), then counted; the counts with a few results and with many must be the same.
"""

from __future__ import annotations

import pytest

from tests.query_counter import count_queries

BOUND = 12  # statements a request may issue, whatever it shows


@pytest.fixture
def site(client, factory, auth):
    class Site:
        def __init__(self):
            self.firm = factory.company(
                name="Gəncə Aqro", offers=["pomidor", "xiyar"], needs=["traktor"], sectors=["01.13"]
            )
            self.user = factory.user(email="member@az.example", company=self.firm)
            self.token = factory.token(self.user)
            self.partners = 0
            auth.login()

        def add_partners(self, n):
            """RU firms that need what the firm offers (each a suggestion and a search hit)."""
            for _ in range(n):
                self.partners += 1
                factory.company(
                    name=f"Волга Овощ {self.partners}",
                    country="RU",
                    city=("Астрахань", "Самара", "Москва")[self.partners % 3],
                    needs=["томаты", "огурцы"],
                    offers=["pomidor"],
                    sectors=["46.31"],
                    languages=["ru"],
                )

        def counted(self, path, **kw):
            assert client.get(path, **kw).status_code == 200  # warm: the log's changes applied
            with count_queries() as seen:
                r = client.get(path, **kw)
            assert r.status_code == 200
            return len(seen), r

    return Site()


def _requests(site):
    api = {"headers": {"Authorization": f"Bearer {site.token}"}}
    return {
        "profile": (f"/companies/{site.firm.id}", {}),
        "search": ("/companies?q=pomidor", {}),
        "partners": ("/partners", {}),
        "api": (f"/api/v1/companies/{site.firm.id}/suggestions", api),
    }


def test_pages_and_api_issue_a_bounded_number_of_queries_whatever_they_show(site):
    site.add_partners(2)
    few = {name: site.counted(path, **kw) for name, (path, kw) in _requests(site).items()}
    site.add_partners(12)
    many = {name: site.counted(path, **kw) for name, (path, kw) in _requests(site).items()}

    # the pages do show more
    assert many["partners"][1].get_data(as_text=True).count("Волга Овощ") >= 14
    assert len(many["api"][1].get_json()) == 14
    assert many["search"][1].get_data(as_text=True).count("Волга Овощ") >= 14
    for name in few:
        assert few[name][0] == many[name][0], (name, few[name][0], many[name][0])
        assert many[name][0] <= BOUND, (name, many[name][0])


def test_a_profile_page_reads_the_firm_once(client, factory):
    firm = factory.company(name="Lənkəran Çay", offers=["qara çay"], sectors=["10.83", "46.37"])
    client.get(f"/companies/{firm.id}")
    with count_queries() as seen:
        assert client.get(f"/companies/{firm.id}").status_code == 200
    assert sum("FROM companies" in s for s in seen) == 1, seen
    assert len(seen) <= 4, seen
