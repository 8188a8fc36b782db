"""The layering rules of docs/architecture.md, checked on the source itself."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "matchmaker"
WEB_MODULES = sorted(
    [*PACKAGE.glob("*/views.py"), *PACKAGE.glob("*/*views.py"), *PACKAGE.glob("api/*.py")], key=str
)
COMMIT = re.compile(r"\bdb\.session\.(commit|rollback)\(")


@pytest.mark.parametrize("path", sorted(set(WEB_MODULES)), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_views_and_api_never_commit_or_roll_back(path):
    """One unit of work per request: the boundary (matchmaker.uow) commits, views do not."""
    assert not COMMIT.search(path.read_text(encoding="utf-8"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.glob("core/**/*.py"), key=str), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_the_core_imports_neither_flask_nor_sqlalchemy(path):
    forbidden = {name for name in _imports(path) if name == "sqlalchemy" or name.startswith("flask")}
    assert not forbidden


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.glob("**/*.py"), key=str), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_modules_stay_under_500_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 500


TESTS = Path(__file__).resolve().parent
TEST_MODULES = sorted(TESTS.rglob("test_*.py"))


def _imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved against its package."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(TESTS.parent).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                names.add(f"{base}.{node.module}" if node.module else base)
            elif node.module:
                names.add(node.module)
    return names


@pytest.mark.parametrize("path", TEST_MODULES, ids=lambda p: str(p.relative_to(TESTS)))
def test_no_test_module_imports_another_or_a_conftest(path):
    """Shared test code lives in support modules and fixtures, so that a test module can be read,
    run and changed alone."""
    for name in _imported_modules(path):
        last = name.rsplit(".", 1)[-1]
        assert not last.startswith("test_"), f"{path.name} imports the test module {name}"
        assert last != "conftest", f"{path.name} imports {name}"
