"""The notification list, each member's preferences, and the unsubscribe link of the e-mails."""

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import BooleanField

from ..auth.access import login_required
from ..auth.services import get_user
from ..extensions import csrf
from ..mail.formatting import locale_of
from ..mail.tokens import read_unsubscribe_token
from . import services
from .models import Category

bp = Blueprint("notifications", __name__)


@bp.get("/notifications")
@login_required
def index():
    company_id = current_user.active_company_id
    if company_id is None:
        abort(404)
    notes = services.recent(company_id, hidden=services.hidden_kinds(current_user))
    return render_template(
        "notifications/index.html",
        notes=notes,
        read=services.read_by(current_user.id, notes),
        render=services.render,
    )


@bp.post("/notifications/read")
@login_required
def read_all():
    if current_user.active_company_id is None:
        abort(404)
    services.mark_all_read(current_user.active_company_id, current_user.id)
    return redirect(url_for("notifications.index"))


class PreferencesForm(FlaskForm):
    """Two check boxes per category: ``<category>_in_app`` and ``<category>_email``."""


for _category in Category:
    setattr(PreferencesForm, f"{_category}_in_app", BooleanField(default=False))
    setattr(PreferencesForm, f"{_category}_email", BooleanField(default=False))


@bp.route("/account/notifications", methods=["GET", "POST"])
@login_required
def preferences():
    chosen = services.preferences_of(current_user)
    if request.method == "POST":
        form = PreferencesForm()
        if form.validate_on_submit():
            services.save_preferences(
                current_user,
                {c: (form[f"{c}_in_app"].data, form[f"{c}_email"].data) for c in Category},
            )
            flash(_("Saved."), "success")
            return redirect(url_for("notifications.preferences"))
        status = 422
    else:
        data = {f"{c}_{ch}": chosen[c][i] for c in Category for i, ch in enumerate(("in_app", "email"))}
        form = PreferencesForm(formdata=None, data=data)
        status = 200
    return render_template("notifications/preferences.html", form=form, categories=list(Category)), status


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: the mail program posts "List-Unsubscribe=One-Click" without a form token
def unsubscribe(token: str):
    """GET shows a one-button page (link scanners must not unsubscribe anybody); POST, from that
    button or from the mail program's one-click button, turns that kind of e-mail off. No sign-in."""
    found = read_unsubscribe_token(token)
    user = get_user(found[0]) if found else None
    if user is None:
        return render_template("notifications/unsubscribe.html", valid=False), 400
    category = found[1]
    done = False
    if request.method == "POST":
        services.set_preference(user.id, category, email=False)
        done = True
    # in the language of the e-mail the link came from, unless the reader chose one
    locale = request.args.get("lang") or request.cookies.get("lang") or locale_of(user)
    with force_locale(locale if locale in current_app.config["LANGUAGES"] else "en"):
        return render_template(
            "notifications/unsubscribe.html", valid=True, done=done, category=category, email=user.email
        )
