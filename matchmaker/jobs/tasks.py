"""The jobs (RQ stores them by import path). Each runs in an application context of its own, so
its database session is its own and is closed when the job ends."""

from __future__ import annotations

from datetime import datetime

from flask import current_app


def _own_context(fn, *args):
    with current_app._get_current_object().app_context():  # type: ignore[attr-defined]
        return fn(*args)


def deliver_mail() -> str:
    """Send the due outbox messages."""
    from ..mail.delivery import deliver_due

    return str(_own_context(deliver_due))


def tick(now_iso: str | None = None) -> str:
    """The periodic work once (see :mod:`matchmaker.jobs.periodic`)."""
    from .periodic import run_tick

    now = datetime.fromisoformat(now_iso) if now_iso else None
    result = _own_context(run_tick, now)
    return "; ".join(result.lines)
