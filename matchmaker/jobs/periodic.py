"""The periodic work, run once by ``flask jobs tick`` and every minute by ``flask jobs worker``.

Each step is a unit of work of its own (one failing step does not hold up the others) and is safe
to run twice: what it decides is keyed (a reminder per meeting and start time, a digest per member
and ISO week, an expiry warning per request version), so two ticks, or two workers, never send the
same letter twice. Mail decided here is delivered after each commit; the last step sends whatever
is due, including the retries of messages that failed before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..dbtypes import utcnow
from ..uow import transaction

log = logging.getLogger(__name__)


def _expire_meetings(now: datetime) -> int:
    from ..meetings.services import expire_due

    return expire_due(now)


def _lapse_requests(now: datetime) -> int:
    from ..events.services import lapse_due

    return lapse_due(now)


def _warn_expiring(now: datetime) -> int:
    from ..meetings.reminders import warn_expiring

    return warn_expiring(now)


def _remind(now: datetime) -> int:
    from ..meetings.reminders import remind_due

    return remind_due(now)


def _digests(now: datetime) -> int:
    from ..mail.digest import send_digests

    return send_digests(now)


def _trim_change_log(now: datetime) -> int:
    from ..companies.changes import trim

    return trim(now)


def _holidays(now: datetime) -> int:
    """A new year's public holidays, as soon as it comes within reach (idempotent)."""
    from ..centers.seed import seed_holidays

    return seed_holidays(now.date())


STEPS: tuple[tuple[str, Callable[[datetime], int]], ...] = (
    ("meeting requests expired", _expire_meetings),
    ("brokerage-day requests lapsed", _lapse_requests),
    ("expiry warnings", _warn_expiring),
    ("meeting reminders", _remind),
    ("digest letters", _digests),
    ("change log rows trimmed", _trim_change_log),
    ("public holiday closures added", _holidays),
)


@dataclass
class TickResult:
    lines: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def run_tick(now: datetime | None = None) -> TickResult:
    from ..mail.delivery import deliver_due

    now = (now or utcnow()).astimezone(UTC)
    result = TickResult()
    for name, step in STEPS:
        try:
            with transaction():
                count = step(now)
            result.lines.append(f"{name}: {count}")
        except Exception as exc:
            log.exception("periodic step %r failed", name)
            result.failed.append(f"{name}: {exc!r}")
    try:
        result.lines.append(f"mail: {deliver_due(now)}")
    except Exception as exc:
        log.exception("mail delivery failed")
        result.failed.append(f"mail: {exc!r}")
    return result
