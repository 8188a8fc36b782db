"""One unit of work per request, command and job (indico's ``RH.process``).

Services add and flush; nothing below this module commits. A request's transaction is committed
once, after its view returned an answer below 400; an exception, or an answer of 400 and above (a
form shown again with its errors, a refused action), rolls the whole request back, so a refusal
never leaves half a record behind. Commands and jobs use :func:`transaction` for the same rule.

Work that may only happen once the change is durable (handing an outbox's mail to the sender, say)
is queued with :func:`after_commit`: it runs after the commit succeeded and is dropped on rollback.

A view that wants to show a refused service call on its own page (a form with field errors) runs
the call under :func:`refusable` (or :func:`attempt`): the call runs in a savepoint, so a
:class:`DomainError` undoes exactly that call while the page is rendered from the stored state; the
request then answers 4xx and rolls back at the boundary like any other refusal. Refusals a view
does not catch reach the one handler in :mod:`matchmaker.web.errors`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from flask import Flask

from .errors import DomainError, Forbidden, NotFound
from .extensions import db

log = logging.getLogger(__name__)

_AFTER_COMMIT = "matchmaker.after_commit"


def after_commit(callback: Callable[[], Any]) -> None:
    """Run ``callback`` once the current transaction has committed (never if it rolls back)."""
    queue = db.session.info.setdefault(_AFTER_COMMIT, [])
    if callback not in queue:
        queue.append(callback)


def commit() -> None:
    """Commit the session, then run the callbacks queued for after the commit."""
    try:
        db.session.commit()
    except BaseException:
        rollback()
        raise
    for callback in db.session.info.pop(_AFTER_COMMIT, []):
        try:
            callback()
        except Exception:  # the change is committed: a failing follow-up must not turn it into an error
            log.exception("after-commit callback %r failed", callback)


def rollback() -> None:
    db.session.info.pop(_AFTER_COMMIT, None)
    db.session.rollback()


@contextmanager
def transaction() -> Iterator[None]:
    """A command's or a job's unit of work: commit when the block ends normally, else roll back."""
    try:
        yield
    except BaseException:
        rollback()
        raise
    commit()


class Outcome:
    """What :func:`refusable` saw: the refusal, or ``None`` when the call went through."""

    error: DomainError | None = None


@contextmanager
def refusable() -> Iterator[Outcome]:
    """Run the block's service calls in a savepoint. A :class:`DomainError` (other than 403/404,
    which answer as such) undoes the block only, objects it changed are expired, and the error is
    kept in the outcome for the view to show on its form; the view then answers 4xx.

    ::

        with refusable() as outcome:
            meeting = services.request_meeting(...)
        if outcome.error is None:
            return redirect(...)
        apply_to_form(form, outcome.error)
    """
    outcome = Outcome()
    queued = len(db.session.info.get(_AFTER_COMMIT, ()))
    try:
        with db.session.begin_nested():
            yield outcome
    except DomainError as err:
        del db.session.info.get(_AFTER_COMMIT, [])[queued:]  # the undone call's follow-ups go too
        if isinstance(err, (Forbidden, NotFound)):
            raise
        outcome.error = err


def attempt(action: Callable[[], object]) -> DomainError | None:
    """``action()`` under :func:`refusable`; returns the refusal or ``None``."""
    with refusable() as outcome:
        action()
    return outcome.error


class UnitOfWorkFlask(Flask):
    """Flask whose every view runs in one transaction: committed when the view answers below 400,
    rolled back on an exception or an error answer."""

    def dispatch_request(self) -> Any:  # type: ignore[override]  (Flask types it as ft.ResponseReturnValue)
        try:
            response = self.make_response(super().dispatch_request())
        except BaseException:
            rollback()
            raise
        if response.status_code < 400:
            commit()
        else:
            rollback()
        return response
