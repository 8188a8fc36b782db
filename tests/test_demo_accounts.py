"""`flask seed-demo` creates the demo accounts and prints them; the README lists the same accounts
and its first-screen example queries find firms of the demo directory."""

from __future__ import annotations

import re
from pathlib import Path

from matchmaker.demo_accounts import ACCOUNTS, DEMO_PASSWORD

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_seed_demo_prints_accounts_that_sign_in_where_they_belong(app, runner):
    out = runner.invoke(args=["seed-demo"])
    assert out.exit_code == 0, out.output
    assert f"password: {DEMO_PASSWORD}" in out.output
    for spec in ACCOUNTS:
        assert spec.email in out.output
        assert spec.email in README
    firms = re.findall(r"member-(?:az|ru)@\S+\s+new \((.+)\)", out.output)
    assert len(firms) == 2
    assert all(f in README for f in firms)

    def dashboard(email):
        client = app.test_client()
        r = client.post("/login", data={"email": email, "password": DEMO_PASSWORD})
        assert r.status_code == 302, email
        assert r.headers["Location"] == "/home", email
        return client.get("/home?lang=en").get_data(as_text=True)

    az = dashboard("member-az@matchmaker.example")
    assert 'id="new-suggestions"' in az
    assert firms[1] in az
    staff = dashboard("staff-baku@matchmaker.example")
    assert 'id="verification-queue"' in staff
    assert staff.count('class="card center-day"') == 1
    assert dashboard("admin@matchmaker.example").count('class="card center-day"') == 2

    again = runner.invoke(args=["seed-demo"])  # a second `make run`: the same accounts, printed again
    assert again.exit_code == 0
    assert again.output.count(" exists") == len(ACCOUNTS)


def test_the_readme_example_queries_find_demo_firms(app, runner, client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    intro = README.split("## Features")[0]
    queries = re.findall(r"\*\*`([^`]+)`\*\*", intro)
    assert queries, "the README's first screen names an example query"
    for q in queries:
        page = client.get("/companies", query_string={"q": q}).get_data(as_text=True)
        assert page.count('class="company-card') >= 3, q
