"""``flask --app wsgi events …``: the brokerage-day commands (one transaction each)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from ..errors import DomainError
from ..uow import transaction
from .models import EventStatus

events_cli = AppGroup("events", help="Brokerage days.")


@events_cli.command("schedule")
@click.argument("event_id", type=int)
@click.option("--publish", is_flag=True, help="Publish the schedule afterwards (the firms are notified).")
@click.option(
    "--time-limit",
    type=click.FloatRange(0.05, 60),
    default=1.0,
    show_default=True,
    help="Seconds the optimiser may search when presence windows or locks constrain the day.",
)
def schedule_cmd(event_id: int, publish: bool, time_limit: float) -> None:
    """Schedule every accepted meeting of EVENT_ID, as the staff's "schedule all" button does."""
    from . import scheduling, services

    try:
        with transaction():
            event = services.get_event(event_id)
            result = scheduling.run_schedule(event, time_limit=time_limit)
            if publish and event.status == EventStatus.SCHEDULED:
                services.change_status(event, "publish")
    except DomainError as err:
        raise click.ClickException(err.message) from None
    click.echo(
        f"event {event.id}: {result.scheduled} of {result.meetings} meetings scheduled "
        f"({result.locked} locked kept, {result.changed} changed, {result.unscheduled} unscheduled, "
        f"{result.idle_slots} idle slots{', proven optimal' if result.optimal else ''}); "
        f"status {event.status}"
    )


@events_cli.command("lapse")
def lapse_cmd() -> None:
    """Mark the pending meeting requests of brokerage days past their request deadline as lapsed."""
    from .services import lapse_due

    with transaction():
        count = lapse_due()
    click.echo(f"lapsed {count} brokerage-day requests")
