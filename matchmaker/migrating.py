"""Flask-Migrate (``flask db …`` and its Python helpers), imported when first used.

Flask-Migrate brings Alembic, a tenth of a second of imports on the path of every ``flask`` command
(``matches rebuild``, the cron jobs) and every worker start, where only ``flask db`` and the
migration tests use it. The ``db`` group and ``app.extensions["migrate"]`` stand in for it until
then: the first command of the group, or the first look at the extension's configuration (what
``flask_migrate.upgrade()`` and ``migrations/env.py`` read), sets Flask-Migrate up on the
application with the same settings.
"""

from __future__ import annotations

from typing import Any

import click
from flask import Flask

from .extensions import db

#: Flask-Migrate's settings: batch mode (SQLite alters tables by copying them), column types compared
SETTINGS = {"render_as_batch": True, "compare_type": True}


def init_migrate(app: Flask, directory: str) -> None:
    app.extensions["migrate"] = _Deferred(app, directory)
    app.cli.add_command(_DbGroup(app, name="db", help="Perform database migrations."))


def _set_up(app: Flask, directory: str) -> Any:
    """Flask-Migrate on ``app``: its configuration in ``app.extensions``, its ``db`` group in
    ``app.cli`` (replacing the stand-in)."""
    from flask_migrate import Migrate

    Migrate(app, db, directory=directory, **SETTINGS)
    return app.extensions["migrate"]


class _Deferred:
    """``app.extensions["migrate"]`` until Flask-Migrate is set up: any attribute sets it up."""

    def __init__(self, app: Flask, directory: str):
        self._app, self._directory = app, directory

    def real(self) -> Any:
        found = self._app.extensions.get("migrate")
        return _set_up(self._app, self._directory) if found is self else found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)


class _DbGroup(click.Group):
    """``flask db`` as ``flask --help`` lists it; used, it hands over to Flask-Migrate's own group
    (options, commands, help and all), set up then."""

    def __init__(self, app: Flask, **kwargs: Any):
        super().__init__(**kwargs)
        self._app = app

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        ext = self._app.extensions["migrate"]
        if isinstance(ext, _Deferred):
            ext.real()
        from flask_migrate.cli import db as group

        return group.make_context(info_name, args, parent=parent, **extra)
