"""The menu every page shows its reader: the links of the reader's role and the count of unread
notes. Worked out once per request (the context processor of :mod:`matchmaker.setup` and a kept
page's key read the same values); :func:`menu_key` is what a page kept for a signed-in reader
(:mod:`matchmaker.matching.list_cache`) depends on from it.

The count is read with the account at sign-in (:func:`matchmaker.auth.services.reader_from_session_id`,
one round trip) and used while it holds: the same account, firm and membership, and no note
written or read and no choice changed in this request (then it is read again)."""

from __future__ import annotations

from typing import Any

from flask import g
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import db


def menu() -> dict[str, Any]:
    """``nav_links`` (endpoint, label) and ``unread_notifications`` for this request's reader."""
    worked_out: dict[str, Any] | None = g.get("matchmaker_menu")
    if worked_out is not None:
        return worked_out
    nav: list[tuple[str, str]] = []
    unread = 0
    if current_user.is_authenticated:  # member items only for a member of a firm
        nav.append(("home.dashboard", _("My page")))
        if current_user.active_company_id:
            unread = _unread()
            nav += [
                ("matching.suggestions", _("Partners")),
                ("meetings.index", _("Meetings")),
                ("stays.index", _("Stays")),
            ]
        nav.append(("events.index", _("Brokerage days")))
    worked_out = g.matchmaker_menu = {"nav_links": nav, "unread_notifications": unread}
    return worked_out


def unread_at_sign_in(user: Any, count: int) -> None:
    """The unread count read with the account (see the module's docstring)."""
    from ..notifications.services import MENU_MOVED

    db.session.info.pop(MENU_MOVED, None)
    g.matchmaker_unread = (user.id, user.company_id, user.membership, count)


def _unread() -> int:
    from ..notifications.services import MENU_MOVED, unread_for

    known = g.get("matchmaker_unread")
    user = current_user
    if (
        known is not None
        and known[:3] == (user.id, user.company_id, user.membership)
        and not db.session.info.get(MENU_MOVED)
    ):
        return int(known[3])
    return unread_for(user)


def menu_key() -> tuple[Any, ...]:
    """Everything of the reader that the page around a view's content shows (base.html): the
    account, whether it is staff, its firm, its links and its unread count."""
    shown = menu()
    return (
        current_user.get_id(),
        bool(getattr(current_user, "is_staff", False)),
        getattr(current_user, "active_company_id", None),
        tuple(endpoint for endpoint, _label in shown["nav_links"]),
        shown["unread_notifications"],
    )
