"""Suggested partners, interest, matches and staff statistics."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup

from ..auth.access import login_required, staff_required
from ..core.matching import band_label, render_reason
from ..web.helpers import arg_id, safe_next
from ..web.menu import menu_key
from . import services
from .board import TABS, board_of
from .list_cache import kept_list
from .statistics import statistics as statistics_of_matching

bp = Blueprint("matching", __name__)
CSRF_SLOT = "mm-csrf-slot-7f3a"  # where the reader's token goes in a kept page
FLASH_SLOT = "<!-- mm-flash-slot-7f3a -->"  # where the reader's flashed messages go


def _my_company_id() -> int:
    if current_user.active_company_id is None:
        abort(404)
    return current_user.active_company_id


@bp.get("/partners")
@login_required
def suggestions():
    if current_user.active_company_id is None:
        return render_template("matching/no_company.html")
    company_id = current_user.active_company_id
    lang = str(get_locale() or "en")
    tab, done, before = request.args.get("tab", ""), arg_id("done"), arg_id("before")
    page = kept_list(
        "partners",
        company_id,
        lang,
        lambda: _partners_page(company_id, tab, done, before, lang),
        request.full_path,
        request.script_root,
        menu_key(),
    )
    flashed = render_template("_flashes.html") if session.get("_flashes") else ""
    return page.replace(CSRF_SLOT, generate_csrf()).replace(FLASH_SLOT, flashed)


def _partners_page(company_id: int, tab: str, done: int | None, before: int | None, lang: str) -> str:
    """A tab of the partners page, with slots for the reader's CSRF token and flashed messages (the
    page is kept per worker: :mod:`.list_cache`)."""
    board = board_of(company_id, tab, done, before)
    # the whole list explained in one pass (never by ranking the firm again)
    found = services.reasons_of(company_id, [r.company.id for r in board.rows if r.suggestion is not None])
    listed = render_template(
        "matching/_partner_list.html",
        board=board,
        lang=lang,
        csrf=CSRF_SLOT,
        reasons={pid: [render_reason(r, lang) for r in rs] for pid, rs in found.items()},
        band_label=band_label,
        strength=lambda r: services.strength_text(
            r.suggestion, r.score, lang, {x.kind for x in found.get(r.company.id, ())}
        ),
    )
    return render_template(
        "matching/suggestions.html",
        tab=board.tab,
        counts=dict(board.counts),
        tabs=TABS,
        lang=lang,
        band_label=band_label,
        partner_list=Markup(listed),
        csrf_token=lambda: CSRF_SLOT,
        flash_slot=Markup(FLASH_SLOT),
    )


def _back_to_row(partner_id: int):
    """Back where the answer was given: the page named by ``back`` (a path of this site), else the
    partners tab the form was on, scrolled to the row (or its next one, when it left the tab)."""
    if request.form.get("back"):
        return redirect(safe_next(request.form.get("back"), url_for("matching.suggestions")))
    tab = request.form.get("tab", "")
    tab = tab if tab in TABS else TABS[0]
    after = arg_id("next", request.form)
    if tab == TABS[0]:  # the row stays in place, shown as answered
        target = url_for("matching.suggestions", tab=tab, done=partner_id, before=after)
        return redirect(f"{target}#p-{partner_id}")
    target = url_for("matching.suggestions", tab=tab)
    return redirect(f"{target}#p-{after}" if after else f"{target}#partner-list")


@bp.post("/partners/<int:partner_id>/<any(interested,declined):decision>")
@login_required
def decide(partner_id: int, decision: str):
    company_id = _my_company_id()
    matched = services.decide(current_user, company_id, partner_id, decision)
    if matched:
        flash(_("It's a match! You can now request a meeting."), "success")
    elif decision == "interested":
        flash(_("Noted: they will see your interest."), "success")
    else:
        flash(_("This firm will not be suggested again."), "info")
    return _back_to_row(partner_id)


@bp.post("/partners/<int:partner_id>/undo")
@login_required
def undo(partner_id: int):
    was = services.undo(current_user, _my_company_id(), partner_id)
    if was == "declined":
        flash(_("Done: this firm can be suggested to you again."), "info")
    elif was == "interested":
        flash(_("Done: your interest is taken back."), "info")
    return _back_to_row(partner_id)


@bp.get("/staff/matching")
@staff_required
def statistics():
    return render_template("matching/statistics.html", stats=statistics_of_matching())
