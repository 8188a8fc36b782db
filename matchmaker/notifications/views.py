from flask import Blueprint, abort, redirect, render_template, url_for
from flask_login import current_user

from ..auth.access import login_required
from . import services

bp = Blueprint("notifications", __name__)


@bp.get("/notifications")
@login_required
def index():
    company_id = current_user.active_company_id
    if company_id is None:
        abort(404)
    return render_template(
        "notifications/index.html", notes=services.recent(company_id), render=services.render
    )


@bp.post("/notifications/read")
@login_required
def read_all():
    if current_user.active_company_id is None:
        abort(404)
    services.mark_all_read(current_user.active_company_id)
    return redirect(url_for("notifications.index"))
