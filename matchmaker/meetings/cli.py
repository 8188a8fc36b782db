"""``flask meetings …``: housekeeping for meeting requests."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..uow import transaction

meetings_cli = AppGroup("meetings", help="Meeting requests.")


@meetings_cli.command("expire")
def expire_cmd() -> None:
    """Mark meeting requests past their deadline as expired (frees their rooms; both firms are told)."""
    from .services import expire_due

    with transaction():
        count = expire_due()
    click.echo(f"expired {count} meeting requests")
