"""Sign-up, sign-in, sign-out and the account page."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from ..accounts.privacy import record_consent
from ..companies import services as company_services
from ..errors import apply_to_form
from ..extensions import limiter
from ..forms import save_or_show
from ..uow import refusable
from ..web.helpers import safe_next, set_language_cookie
from . import services
from .access import login_required
from .forms import (
    ConfirmForm,
    EmailChangeForm,
    LoginForm,
    PasswordChangeForm,
    PreferencesForm,
    RegisterForm,
    TokenForm,
    zone_choices,
)

bp = Blueprint("auth", __name__)


def _login_email_key() -> str:
    return "login-email:" + services.normalize_email(request.form.get("email", ""))[:254]


def _login_failed(_response) -> bool:
    return bool(g.get("login_failed"))


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_login_failed)
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_login_failed, key_func=_login_email_key)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            g.login_failed = True
            form.form_errors.append(_("E-mail or password is not right."))
        else:
            login_user(user, remember=form.remember.data)
            flash(_("Welcome back!"), "success")
            return redirect(safe_next(request.args.get("next"), url_for("home.dashboard")))
    elif request.method == "POST":
        g.login_failed = True
    return render_template("auth/login.html", form=form)


@bp.route("/register", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegisterForm()
    if form.validate_on_submit():
        with refusable() as outcome:
            company = None
            if form.firm_choice.data == "new":
                company = company_services.create_company(
                    name=form.company_name.data, country=form.country.data, city=form.city.data or ""
                )
            user = services.create_user(
                form.email.data,
                form.password.data,
                full_name=form.full_name.data,
                company=company,
                locale=str(get_locale() or "") or None,
                timezone=form.timezone.data,
            )
            record_consent(user)
        if outcome.error is not None:
            apply_to_form(form, outcome.error)
        else:
            from .passwords import send_confirmation

            send_confirmation(user)
            login_user(user)
            if company is not None:
                flash(
                    _("Your account and your firm are created. Complete the profile so partners find you."),
                    "success",
                )
                return redirect(url_for("companies.edit", company_id=company.id))
            flash(
                _("Your account is created. Find your firm in the directory and ask to join it."), "success"
            )
            return redirect(url_for("companies.directory"))
    return render_template("auth/register.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    services.end_all_sessions(current_user)
    logout_user()
    flash(_("You are signed out."), "info")
    return redirect(url_for("main.index"))


@bp.route("/account", methods=["GET"])
@login_required
def account():
    return _render_account()


def _render_account(
    password_form=None, prefs_form=None, token_form=None, new_token=None, email_form=None, new_feed_url=None
):
    company_id = current_user.active_company_id
    zone = current_user.timezone or services.default_timezone(current_user.company, current_user.locale)
    prefs_form = prefs_form or PreferencesForm(
        formdata=None,
        full_name=current_user.full_name,
        locale=services.default_locale(current_user),
        timezone=zone,
    )
    prefs_form.timezone.choices = zone_choices(zone)
    return render_template(
        "auth/account.html",
        password_form=password_form or PasswordChangeForm(formdata=None),
        prefs_form=prefs_form,
        token_form=token_form or TokenForm(formdata=None),
        email_form=email_form or EmailChangeForm(formdata=None),
        tokens=[t for t in current_user.tokens if t.active],
        new_token=new_token,
        new_feed_url=new_feed_url,
        pending=services.pending_members(company_id) if company_id else [],
        colleagues=[u for u in services.active_members(company_id) if u.id != current_user.id]
        if company_id
        else [],
    )


@bp.post("/account/password")
@login_required
def change_password():
    form = PasswordChangeForm()
    if form.validate_on_submit():
        err = save_or_show(
            form,
            lambda: services.change_password(
                current_user, form.current_password.data, form.new_password.data
            ),
        )
        if err is None:
            # this session goes on with the new version; all others end
            login_user(current_user._get_current_object())
            flash(_("Your password is changed. Other sessions were signed out."), "success")
            return redirect(url_for("auth.account"))
    return _render_account(password_form=form), 422


@bp.post("/account/preferences")
@login_required
def preferences():
    form = PreferencesForm()
    form.timezone.choices = zone_choices(current_user.timezone)
    if form.validate_on_submit():
        services.update_preferences(
            current_user, full_name=form.full_name.data, locale=form.locale.data, timezone=form.timezone.data
        )
        flash(_("Saved."), "success")
        response = redirect(url_for("auth.account"))
        set_language_cookie(response, form.locale.data)
        return response
    return _render_account(prefs_form=form), 422


@bp.post("/account/tokens")
@login_required
def create_token():
    form = TokenForm()
    if form.validate_on_submit():
        _token, raw = services.issue_token(current_user, form.name.data)
        return _render_account(new_token=raw)
    return _render_account(token_form=form), 422


@bp.post("/account/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int):
    services.revoke_token(current_user, token_id)
    flash(_("The token is revoked."), "success")
    return redirect(url_for("auth.account"))


@bp.post("/account/members/<int:user_id>/<any(approve,decline):decision>")
@login_required
def decide_member(user_id: int, decision: str):
    member = services.get_user(user_id)
    if member is None:
        abort(404)
    services.decide_membership(current_user, member, decision == "approve")
    flash(_("Done."), "success")
    return redirect(url_for("auth.account"))


@bp.route("/account/members/<int:user_id>/remove", methods=["GET", "POST"])
@login_required
def remove_member(user_id: int):
    """Take a colleague out of the firm, after a confirmation page."""
    member = services.get_user(user_id)
    if member is None or member.company_id is None:
        abort(404)
    if not (current_user.is_staff or current_user.belongs_to(member.company_id)):
        abort(404)
    form = ConfirmForm()
    if form.validate_on_submit():
        services.remove_member(current_user, member)
        flash(_("%(name)s no longer belongs to your firm.", name=member.full_name or member.email), "success")
        return redirect(url_for("auth.account"))
    status = 422 if form.is_submitted() else 200
    return render_template("auth/remove_member.html", member=member, form=form), status
