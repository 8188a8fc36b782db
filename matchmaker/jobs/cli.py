"""``flask jobs …``: the job queue's worker, the periodic tick, and the outbox's state."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

import click
from flask import current_app
from flask.cli import AppGroup

jobs_cli = AppGroup("jobs", help="Background jobs and the e-mail outbox.")


@jobs_cli.command("worker")
@click.option("--burst", is_flag=True, help="Exit when the queue is empty.")
def worker_cmd(burst: bool) -> None:
    """Serve the job queue (JOBS_BROKER_URL); without --burst also run the tick every minute."""
    from .queue import run_worker
    from .tasks import tick

    if not current_app.config.get("JOBS_BROKER_URL"):
        raise click.ClickException(
            "JOBS_BROKER_URL is not set: jobs run inside the web process, no worker is needed "
            "(run 'flask jobs tick' every minute from cron)."
        )
    run_worker(current_app._get_current_object(), tick, burst=burst)


def _parse_now(_ctx, _param, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter("an ISO 8601 time, e.g. 2026-06-10T08:00:00+04:00") from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


@jobs_cli.command("tick")
@click.option(
    "--now", callback=_parse_now, help="Act as if it were this time (ISO 8601; UTC without offset)."
)
def tick_cmd(now: datetime | None) -> None:
    """Run the periodic work once: expiries, reminders, digests, and sending (or retrying) the mail."""
    from .periodic import run_tick

    result = run_tick(now)
    for line in result.lines:
        click.echo(line)
    for line in result.failed:
        click.echo(f"failed: {line}", err=True)
    if result.failed:
        sys.exit(1)


@jobs_cli.command("outbox")
@click.option(
    "--requeue", "requeue_ids", type=int, multiple=True, help="Send this uncertain or failed message again."
)
def outbox_cmd(requeue_ids: tuple[int, ...]) -> None:
    """Count the outbox's messages by status and list those that need a person."""
    from sqlalchemy import func, select

    from ..extensions import db
    from ..mail.delivery import requeue
    from ..mail.models import OutboxMessage, OutboxStatus
    from ..uow import transaction

    with transaction():
        for row_id in requeue_ids:
            row = requeue(row_id)
            click.echo(f"#{row_id}: " + ("queued again" if row else "not uncertain or failed; left alone"))
    counts = dict(
        db.session.execute(select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)).all()
    )
    click.echo(", ".join(f"{status}: {counts.get(status, 0)}" for status in OutboxStatus))
    for row in db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status.in_((OutboxStatus.UNCERTAIN, OutboxStatus.FAILED)))
        .order_by(OutboxMessage.id.desc())
        .limit(50)
    ):
        attempts = f"{row.attempts} attempts"
        click.echo(f"#{row.id} {row.status} {row.kind} to {row.to_address} ({attempts}): {row.last_error}")
