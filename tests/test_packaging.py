"""The built wheel runs the site by itself (CONTRACT.md, "Packaging").

``python -m build`` makes the sdist and, from it, the wheel, as a release does (isolated build: setuptools
and Babel come from the configured package index). The wheel goes into a fresh virtualenv with nothing of
the checkout in reach; its dependencies are this environment's installed packages, seen through a
``.pth`` file, so nothing else is downloaded. In an empty folder: ``flask --app matchmaker db upgrade``,
``seed-demo`` and ``run``, then real HTTP requests for an Azerbaijani and a Russian page and a static
file. The database is the default one (SQLite in the instance folder), whatever ``TEST_DATABASE_URL`` says:
this is the out-of-the-box case.
"""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo

from tests.support import DIRECTORY, HOME

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("az", "ru", "en")
# what the checkout keeps outside the package and the wheel carries inside it
RESOURCES = {"templates": "matchmaker/templates", "migrations": "matchmaker/migrations"}


def _run(cmd: list, *, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=240, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, cmd))} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return result


def _checkout_files(folder: str) -> set[str]:
    return {
        path.relative_to(ROOT / folder).as_posix()
        for path in (ROOT / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and not path.name.startswith(".")
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", out, ROOT], cwd=ROOT)
    wheels = list(out.glob("matchmaker-*.whl"))
    assert len(wheels) == 1, list(out.iterdir())
    assert list(out.glob("matchmaker-*.tar.gz")), list(out.iterdir())
    return wheels[0]


def test_the_wheel_carries_what_the_site_needs(wheel):
    """Built from the sdist: so the sdist carries the sources of all this too."""
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        info = {n.rsplit("/", 1)[1]: n for n in names if ".dist-info/" in n}
        metadata = zf.read(info["METADATA"]).decode()
        entry_points = zf.read(info["entry_points.txt"]).decode()
        catalogs = {
            lang: zf.read(name)
            for lang in LANGS
            if (name := f"matchmaker/translations/{lang}/LC_MESSAGES/messages.mo") in names
        }

    assert {"config.py", "wsgi.py"} <= names
    for folder, packaged in RESOURCES.items():
        missing = {f"{packaged}/{name}" for name in _checkout_files(folder)} - names
        assert not missing, f"{folder}/ files missing from the wheel: {sorted(missing)}"
    assert {"matchmaker/migrations/alembic.ini", "matchmaker/migrations/env.py"} <= names
    assert {f"matchmaker/static/{name}" for name in _checkout_files("matchmaker/static")} <= names
    assert {"lexicon.json", "nace.json", "sector_links.json"} <= {
        n.rsplit("/", 1)[1] for n in names if n.startswith("matchmaker/data/")
    }
    assert not [n for n in names if n.startswith(("tests/", "bench/", "docs/")) or "__pycache__" in n]

    assert set(catalogs) == set(LANGS), "compiled catalogs (.mo) missing from the wheel"
    for lang in ("az", "ru"):  # compiled from the .po files at build time
        catalog = read_mo(io.BytesIO(catalogs[lang]))
        assert catalog.get(HOME["en"]).string == HOME[lang]

    assert "License-Expression: MIT" in metadata
    assert "LICENSE" in info
    assert "Description-Content-Type: text/markdown" in metadata
    assert re.search(r"^matchmaker = matchmaker\.__main__:main$", entry_points, re.M)


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh virtualenv with the wheel installed (no checkout on its path); returns its folder."""
    venv = tmp_path_factory.mktemp("wheel-venv") / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    pip_install = [
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "-q",
        "--no-deps",
        "--no-index",
    ]
    _run([*pip_install, wheel], env=_env(venv))  # (no PYTHONPATH: the checkout would count as installed)
    site = Path(_run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).stdout.strip())
    # the dependencies: this environment's packages, after the venv's own (so the wheel's matchmaker wins)
    deps = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (site / "zz_test_dependencies.pth").write_text("\n".join(deps) + "\n")
    return venv


def _env(venv: Path) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("FLASK_", "MATCHMAKER_", "PYTHON"))
        and k
        not in ("DATABASE_URL", "TEST_DATABASE_URL", "SECRET_KEY", "VIRTUAL_ENV", "RATELIMIT_STORAGE_URI")
    }
    env.update(PATH=f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", PYTHONNOUSERSITE="1")
    return env


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read()


def test_the_installed_wheel_serves_the_site_from_an_empty_folder(installed, tmp_path):
    venv, env = installed, _env(installed)
    python = venv / "bin" / "python"
    folder = tmp_path / "empty"
    folder.mkdir()
    origins = _run(
        [
            python,
            "-c",
            "import config, matchmaker, wsgi; print(config.__file__, matchmaker.__file__, wsgi.__file__)",
        ],
        cwd=folder,
        env=env,
    ).stdout.split()
    assert all(Path(origin).is_relative_to(venv) for origin in origins), origins

    flask = [python, "-m", "flask", "--app", "matchmaker"]
    _run([*flask, "db", "upgrade"], cwd=folder, env=env)
    assert "demo firms" in _run([*flask, "seed-demo"], cwd=folder, env=env).stdout
    # the console script drives the same application and database
    assert "(head)" in _run([venv / "bin" / "matchmaker", "db", "current"], cwd=folder, env=env).stdout
    instance = venv / "var" / "matchmaker-instance"
    assert {"matchmaker.sqlite3", "secret_key"} <= {p.name for p in instance.iterdir()}
    assert list(folder.iterdir()) == [], "nothing is written into the working folder"

    log = tmp_path / "run.log"
    with log.open("w") as fh:
        server = subprocess.Popen(
            [*map(str, flask), "run", "--port", "0"],
            cwd=folder,
            env=env,
            stdout=fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        started = None
        deadline = time.monotonic() + 30
        while not started and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.1)
            started = re.search(r"Running on (http://127\.0\.0\.1:\d+)", log.read_text())
        assert started, f"flask run did not start:\n{log.read_text()}"
        base = started.group(1)

        status, body = _get(f"{base}/?lang=az")
        home = body.decode()
        assert status == 200
        assert '<html lang="az"' in home
        assert HOME["az"] in home
        assert HOME["en"] not in home

        status, body = _get(f"{base}/companies?lang=ru")
        directory = body.decode()
        assert status == 200
        assert '<html lang="ru"' in directory
        assert DIRECTORY["ru"] in directory
        assert DIRECTORY["en"] not in directory
        assert re.search(r'href="/companies/\d+"', directory), "the seeded firms are listed"

        status, body = _get(f"{base}/static/app.css")
        assert status == 200
        assert body == (ROOT / "matchmaker" / "static" / "app.css").read_bytes()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
