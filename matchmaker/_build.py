"""The wheel's build step: setuptools ``build_py`` plus what an installed package needs from the checkout.

pyproject.toml names this class in ``[tool.setuptools.cmdclass]``; setuptools loads this file alone (not
the ``matchmaker`` package, so Flask need not be installed to build). It is not used at run time.

The checkout keeps ``templates/`` and ``migrations/`` at its top (the customer's layout) and does not
commit compiled catalogs (``make translations`` compiles them in place). A wheel has no checkout around
it, so the build puts them inside the package:

- ``templates/`` → ``matchmaker/templates/``, ``migrations/`` → ``matchmaker/migrations/``
  (``matchmaker.resource_dir`` looks there first, then at the top of the checkout);
- every ``matchmaker/translations/<lang>/LC_MESSAGES/messages.po`` → ``messages.mo``, compiled as
  ``make translations`` does (``pybabel compile``: fuzzy entries left out, a catalog error fails the build).

Both folders also go into the sdist (``get_source_files``), so a wheel built from the sdist is the same.
Editable installs (``pip install -e .``, the Makefile's ``.venv``) skip all this: the app reads the checkout.

Why code and not configuration: setuptools' ``package-dir`` can map a top-level folder into the package
only for packages listed one by one (it does not combine with ``packages.find``, and a feature package
forgotten in such a list would silently be missing from the wheel), and setuptools compiles no catalogs.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from setuptools.command.build_py import build_py

PACKAGE = "matchmaker"
# top-level folders of the checkout that the wheel carries inside the package, under the same name
RESOURCE_FOLDERS = ("templates", "migrations")
CATALOGS = f"{PACKAGE}/translations"


def _is_shipped(path: Path) -> bool:
    return not (
        "__pycache__" in path.parts
        or path.suffix in (".pyc", ".pyo")
        or any(part.startswith(".") for part in path.parts)
    )


def resource_files(root: Path = Path()) -> Iterator[Path]:
    """The files of ``RESOURCE_FOLDERS``, relative to ``root`` (the checkout or the unpacked sdist)."""
    for folder in RESOURCE_FOLDERS:
        for path in sorted((root / folder).rglob("*")):
            relative = path.relative_to(root)
            if path.is_file() and _is_shipped(relative):
                yield relative


class BuildPy(build_py):
    """``build_py`` that also copies the resource folders into the package and compiles the catalogs."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        for folder in RESOURCE_FOLDERS:  # an earlier build's copy would keep files deleted since
            shutil.rmtree(Path(self.build_lib, PACKAGE, folder), ignore_errors=True)
        for source in resource_files():
            target = Path(self.build_lib, PACKAGE, source)
            self.mkpath(str(target.parent))
            self.copy_file(str(source), str(target))
        self._compile_catalogs()

    def _compile_catalogs(self) -> None:
        """``pybabel compile`` on the catalogs that ``package-data`` copied into the build."""
        from babel.messages.frontend import CommandLineInterface

        built = Path(self.build_lib, CATALOGS)
        if not list(built.glob("*/LC_MESSAGES/messages.po")):
            raise RuntimeError(f"no message catalogs under {built}: check package-data in pyproject.toml")
        if CommandLineInterface().run(["pybabel", "-q", "compile", "-d", str(built)]):
            raise RuntimeError(f"the message catalogs under {CATALOGS} have errors (see above)")

    def get_source_files(self) -> list[str]:
        return [*super().get_source_files(), *(str(path) for path in resource_files())]

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if self.editable_mode:
            return outputs
        built = [Path(self.build_lib, PACKAGE, source) for source in resource_files()]
        built += [po.with_suffix(".mo") for po in Path(self.build_lib, CATALOGS).glob("*/LC_MESSAGES/*.po")]
        return [*outputs, *(str(path) for path in built)]
