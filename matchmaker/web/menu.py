"""The menu every page shows its reader: the links of the reader's role and the count of unread
notes. Worked out once per request (the context processor of :mod:`matchmaker.setup` and a kept
page's key read the same values); :func:`menu_key` is what a page kept for a signed-in reader
(:mod:`matchmaker.matching.list_cache`) depends on from it."""

from __future__ import annotations

from typing import Any

from flask import g
from flask_babel import gettext as _
from flask_login import current_user


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
            from ..notifications.services import unread_for

            unread = unread_for(current_user)
            nav += [
                ("matching.suggestions", _("Partners")),
                ("meetings.index", _("Meetings")),
                ("stays.index", _("Stays")),
            ]
        nav.append(("events.index", _("Brokerage days")))
    worked_out = g.matchmaker_menu = {"nav_links": nav, "unread_notifications": unread}
    return worked_out


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
