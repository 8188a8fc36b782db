"""Suggested partners, interest, matches and staff statistics."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import login_required, staff_required
from ..core.matching import band_label, render_reason
from ..web.helpers import arg_id, safe_next
from . import services
from .board import TABS, board_of
from .statistics import statistics as statistics_of_matching

bp = Blueprint("matching", __name__)


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
    board = board_of(company_id, request.args.get("tab", ""), arg_id("done"), arg_id("before"))
    lang = str(get_locale() or "en")
    # the whole list explained in one pass (never by ranking the firm again)
    found = services.reasons_of(company_id, [r.company.id for r in board.rows if r.suggestion is not None])
    return render_template(
        "matching/suggestions.html",
        board=board,
        tabs=TABS,
        done=arg_id("done"),
        lang=lang,
        reasons={pid: [render_reason(r, lang) for r in rs] for pid, rs in found.items()},
        band_label=band_label,
        strength=lambda r: services.strength_text(
            r.suggestion, r.score, lang, {x.kind for x in found.get(r.company.id, ())}
        ),
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
