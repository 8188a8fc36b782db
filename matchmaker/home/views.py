"""The dashboard a person lands on after signing in: a member's firm at a glance, or the staff's day
(an administrator sees every center). The public home page stays at ``/``."""

from __future__ import annotations

from flask import Blueprint, render_template
from flask_babel import get_locale
from flask_login import current_user

from ..auth.access import login_required
from ..core.matching import band_label
from ..matching.services import reasons_text, strength_text
from . import services

bp = Blueprint("home", __name__)


@bp.get("/home")
@login_required
def dashboard():
    staff = services.staff_board(current_user) if current_user.is_staff else None
    company = current_user.active_company
    member = services.member_board(company) if company is not None else None
    return render_template(
        "home/dashboard.html",
        member=member,
        staff=staff,
        lang=str(get_locale() or "en"),
        reasons=reasons_text,
        band_label=band_label,
        strength=strength_text,
        reader_tz=current_user.timezone,
    )
