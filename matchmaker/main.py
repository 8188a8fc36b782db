"""The home page (liveness and readiness: matchmaker/web/ops.py)."""

from flask import Blueprint, redirect, render_template, url_for
from sqlalchemy import func, select

from .companies.models import Company
from .extensions import db

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    counts = dict(
        db.session.execute(
            select(Company.country, func.count(Company.id))
            .where(Company.hidden.is_(False))
            .group_by(Company.country)
        ).all()
    )
    from .events.services import upcoming_public

    return render_template("index.html", counts=counts, events=upcoming_public())


@bp.get("/favicon.ico")
def favicon():
    return redirect(url_for("static", filename="favicon.svg"), 301)
