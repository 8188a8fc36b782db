"""Matchmaker: B2B matchmaking between Azerbaijani and Russian firms."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from flask import Flask

PACKAGE_DIR = Path(__file__).resolve().parent


def _from_wheel() -> bool:
    """An installed wheel carries the templates inside the package (its build copies them there, see
    ``_build.py``); a checkout, and an editable install of it, keeps them at its top."""
    return (PACKAGE_DIR / "templates").is_dir()


def resource_dir(name: str) -> Path:
    """``templates`` or ``migrations``: inside the package when installed from a wheel, else at the top
    of the checkout."""
    return PACKAGE_DIR / name if _from_wheel() else PACKAGE_DIR.parent / name


def instance_path() -> str | None:
    """The folder of the development database and generated secret key: ``MATCHMAKER_INSTANCE``, else
    ``instance/`` of the checkout, else (installed from a wheel) ``None``: Flask's folder for installed
    applications, ``<prefix>/var/matchmaker-instance`` (e.g. ``.venv/var/matchmaker-instance``)."""
    if folder := os.environ.get("MATCHMAKER_INSTANCE"):
        return os.path.abspath(folder)
    return None if _from_wheel() else str(PACKAGE_DIR.parent / "instance")


def create_app(config=None) -> Flask:
    """Build the application.

    ``config`` is a config object, a ``MATCHMAKER_ENV`` name, a mapping of overrides, or ``None``
    (the environment decides).

    The cyclic garbage collector is paused meanwhile: loading the modules makes several hundred
    thousand objects and no garbage, and its collections cost an eighth of a command's start.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(config)
    finally:
        if collecting:
            gc.enable()


def _build(config) -> Flask:
    from config import BaseConfig, load_config

    from .uow import UnitOfWorkFlask

    app = UnitOfWorkFlask(
        __name__,
        template_folder=str(resource_dir("templates")),
        static_folder=str(PACKAGE_DIR / "static"),
        instance_path=instance_path(),
    )
    if isinstance(config, BaseConfig):
        app.config.from_object(config)
    elif isinstance(config, str) or config is None:
        app.config.from_object(load_config(config, instance_dir=app.instance_path))
    else:
        overrides = dict(config)
        env_name = overrides.pop("MATCHMAKER_ENV", "testing")
        app.config.from_object(load_config(env_name, instance_dir=app.instance_path))
        app.config.update(overrides)

    from . import setup

    setup.register_extensions(app)
    setup.register_database(app)
    setup.register_ops(app)
    setup.register_i18n(app)
    setup.register_forms(app)
    setup.register_login(app)
    setup.register_security(app)
    setup.register_blueprints(app)
    setup.register_api(app)
    setup.register_errors(app)
    setup.register_template_helpers(app)
    setup.register_page_cache(app)
    setup.register_cli(app)
    return app
