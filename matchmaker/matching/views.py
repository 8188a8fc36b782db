"""Suggested partners, interest, matches and staff statistics."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user

from ..auth.access import login_required, staff_required
from ..web.helpers import safe_next
from . import services
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
    lang = str(get_locale() or "en")
    around = services.interests_around(company_id)
    rows = services.suggestions_for(company_id, mine=around[0])
    return render_template(
        "matching/suggestions.html",
        rows=rows,
        lang=lang,
        reasons=services.reasons_texts(company_id, [c.id for _s, c, _i in rows], lang),
        interested_in_me=around[1],
        matches=services.matches_of(company_id, around),
    )


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
    return redirect(safe_next(request.form.get("back"), url_for("matching.suggestions")))


@bp.get("/staff/matching")
@staff_required
def statistics():
    return render_template("matching/statistics.html", stats=statistics_of_matching())
