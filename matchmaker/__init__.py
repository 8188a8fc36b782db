"""Matchmaker: B2B matchmaking between Azerbaijani and Russian firms."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config=None) -> Flask:
    """Build the application.

    ``config`` is a config object, a ``MATCHMAKER_ENV`` name, a mapping of overrides, or ``None``
    (the environment decides).
    """
    from config import BaseConfig, load_config

    from .uow import UnitOfWorkFlask

    app = UnitOfWorkFlask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "matchmaker" / "static"),
        instance_path=str(ROOT / "instance"),
    )
    if isinstance(config, BaseConfig):
        app.config.from_object(config)
    elif isinstance(config, str) or config is None:
        app.config.from_object(load_config(config))
    else:
        overrides = dict(config)
        app.config.from_object(load_config(overrides.pop("MATCHMAKER_ENV", "testing")))
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
    setup.register_cli(app)
    return app
