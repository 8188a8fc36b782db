"""CSV import: line-numbered errors, all-or-nothing, --skip-invalid, idempotent upserts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from matchmaker.companies.models import Company
from matchmaker.extensions import db

HEADER = "external_id,name,country,city,sectors,offers,needs,languages,website,email,description\n"
GOOD = (
    "x-1,Gəncə Aqro MMC,AZ,Gəncə,01.13;46.31,pomidor;xiyar,kənd təsərrüfatı texnikası,az;ru,https://gence.example,info@gence.example,\n"
    'x-2,ООО Волга Агро,RU,Астрахань,01.11,пшеница,"хурма;гранаты",ru,,info@volga.example,"Зерно, мука"\n'
)
BAD = (
    "x-3,,AZ,Bakı,,,,,,,\n"  # line 4: empty name
    "x-4,Bad Country,TR,Istanbul,,,,,,,\n"  # line 5: country
    "x-5,Bad Nace,RU,Москва,99.99,,,,,,\n"  # line 6: unknown NACE
    "x-6,Bad Mail,AZ,Bakı,,,,,,not-an-email,\n"  # line 7
    "x-7,Bad Url,AZ,Bakı,,,,,htp:/nope,,\n"  # line 8
)


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "firms.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def count() -> int:
    return db.session.scalar(select(func.count(Company.id)))


def test_bad_rows_are_named_by_line_and_nothing_is_written(runner, tmp_path):
    result = runner.invoke(args=["companies", "import", write(tmp_path, HEADER + GOOD + BAD)])
    assert result.exit_code == 1
    out = result.output
    for line, word in ((4, "name"), (5, "country"), (6, "99.99"), (7, "email"), (8, "website")):
        assert f"line {line}" in out, (line, out)
        assert word in out, (line, out)
    assert "line 2" not in out
    assert "line 3" not in out
    assert count() == 0


def test_skip_invalid_writes_the_good_rows(runner, tmp_path):
    result = runner.invoke(
        args=["companies", "import", "--skip-invalid", write(tmp_path, HEADER + GOOD + BAD)]
    )
    assert result.exit_code == 0, result.output
    assert count() == 2
    volga = db.session.scalar(select(Company).where(Company.external_id == "x-2"))
    assert volga.needs == ["хурма", "гранаты"]
    assert volga.description == "Зерно, мука"
    gence = db.session.scalar(select(Company).where(Company.external_id == "x-1"))
    assert gence.sectors == ["01.13", "46.31"]
    assert gence.languages == ["az", "ru"]


def test_dry_run_writes_nothing(runner, tmp_path):
    result = runner.invoke(args=["companies", "import", "--dry-run", write(tmp_path, HEADER + GOOD)])
    assert result.exit_code == 0
    assert "dry run" in result.output
    assert count() == 0


def test_reimport_changes_nothing_and_upserts(runner, tmp_path):
    path = write(tmp_path, HEADER + GOOD)
    assert runner.invoke(args=["companies", "import", path]).exit_code == 0
    before = {c.external_id: c.updated_at for c in db.session.scalars(select(Company))}
    result = runner.invoke(args=["companies", "import", path])
    assert "0 new, 0 updated, 2 unchanged" in result.output
    db.session.expire_all()
    assert {c.external_id: c.updated_at for c in db.session.scalars(select(Company))} == before
    changed = GOOD.replace("Gəncə,01.13", "Bakı,01.13")
    result = runner.invoke(args=["companies", "import", write(tmp_path, HEADER + changed)])
    assert "0 new, 1 updated, 1 unchanged" in result.output
    db.session.expire_all()
    assert db.session.scalar(select(Company.city).where(Company.external_id == "x-1")) == "Bakı"
    assert count() == 2


def test_multiline_quoted_fields_keep_file_line_numbers(runner, tmp_path):
    text = HEADER + 'x-1,Firm,AZ,Bakı,,,,,,,"two\nlines"\n' + "x-2,Firm 2,XX,Bakı,,,,,,,\n"
    result = runner.invoke(args=["companies", "import", write(tmp_path, text)])
    assert result.exit_code == 1
    assert "line 4" in result.output


def test_file_level_errors(runner, tmp_path):
    r = runner.invoke(args=["companies", "import", write(tmp_path, "name,country\nA,AZ\n")])
    assert r.exit_code == 1
    assert "line 1" in r.output
    assert "external_id" in r.output
    path = tmp_path / "latin1.csv"
    path.write_bytes((HEADER + "x-1,Caf\xe9,AZ,,,,,,,,\n").encode("latin-1"))
    r = runner.invoke(args=["companies", "import", str(path)])
    assert r.exit_code == 1
    assert "UTF-8" in r.output
    r = runner.invoke(args=["companies", "import", write(tmp_path, HEADER + "x-1,A,AZ\n")])
    assert r.exit_code == 1
    assert "line 2" in r.output
    r = runner.invoke(
        args=["companies", "import", write(tmp_path, HEADER + GOOD + GOOD.splitlines()[0] + "\n")]
    )
    assert r.exit_code == 1
    assert "line 4" in r.output
    assert "repeats line 2" in r.output


def test_dev_directory_imports_cleanly(runner):
    dev = Path(__file__).resolve().parents[2] / "shared" / "data" / "companies_dev.csv"
    if not dev.exists():
        import pytest

        pytest.skip("shared dev data not present")
    result = runner.invoke(args=["companies", "import", str(dev)])
    assert result.exit_code == 0, result.output
    assert count() == 600


def test_dry_run_reports_what_descriptions_name(runner, tmp_path):
    rows = (
        "d-1,Lənkəran Meyvə,AZ,Lənkəran,,pomidor,,az,,,"
        "Pomidor və xiyar ixrac edirik. Soyuducu anbar lazımdır.\n"
        'd-2,ООО Орех,RU,Дербент,,,,ru,,,"Закупаем фундук, см. https://walnut.ru info@wine.ru"\n'
        "d-3,Empty,AZ,Bakı,,,,az,,,\n"
    )
    result = runner.invoke(args=["companies", "import", "--dry-run", write(tmp_path, HEADER + rows)])
    assert result.exit_code == 0, result.output
    out = result.output
    # the listed tomato is not derived again; nothing comes from the address or the URL
    assert "line 2 d-1: description: offers cucumber; needs cold storage" in out
    assert "line 3 d-2: description: needs hazelnut\n" in out
    assert "d-3" not in out
    assert "descriptions: 2 read, 2 name products or services (1 offers, 2 needs beyond the lists)" in out
    assert db.session.scalar(select(func.count()).select_from(Company)) == 0


def test_imported_description_is_read_by_the_matching_engine(runner, tmp_path):
    rows = (
        "m-1,Lənkəran Meyvə,AZ,Lənkəran,,,,az,,,Pomidor ixrac edirik.\n"
        "m-2,ООО Томат,RU,Москва,,,томаты,ru,,,\n"
    )
    assert runner.invoke(args=["companies", "import", write(tmp_path, HEADER + rows)]).exit_code == 0
    out = runner.invoke(args=["matches", "export", "--top", "1"]).output
    assert '"partner": "m-1"' in out
    assert "from their description" in out
