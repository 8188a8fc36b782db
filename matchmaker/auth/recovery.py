"""Pages reached from e-mails: forgotten password, reset link, e-mail confirmation; and the
account's e-mail change. None of them signs anybody in."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from ..extensions import limiter
from ..forms import save_or_show
from . import passwords
from .access import login_required
from .forms import EmailChangeForm, ForgotPasswordForm, ResetPasswordForm
from .services import normalize_email

bp = Blueprint("recovery", __name__)


def _address_key() -> str:
    return "reset-email:" + normalize_email(request.form.get("email", ""))[:254]


def _address_limit() -> str:
    return current_app.config["PASSWORD_RESET_RATE_LIMIT"]


def _client_limit() -> str:
    return current_app.config["PASSWORD_RESET_CLIENT_RATE_LIMIT"]


def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(_client_limit, methods=["POST"])
@limiter.limit(_address_limit, methods=["POST"], key_func=_address_key)
def forgot():
    """The same page and status whether or not the address has an account."""
    form = ForgotPasswordForm()
    sent = False
    if form.validate_on_submit():
        passwords.request_reset(form.email.data)
        sent = True
        form = ForgotPasswordForm(formdata=None)
    status = 422 if form.errors else 200
    return _no_store(
        current_app.make_response((render_template("auth/forgot.html", form=form, sent=sent), status))
    )


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
@limiter.limit(_client_limit, methods=["POST"])
def reset(token: str):
    found = passwords.find_reset_token(token)
    if found is None:
        page = render_template("auth/reset_invalid.html")
        return _no_store(current_app.make_response((page, 400)))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        err = save_or_show(form, lambda: passwords.reset_password(found, form.password.data))
        if err is None:
            flash(
                _("Your new password is set, and every session of the account was signed out. Sign in."),
                "success",
            )
            return redirect(url_for("auth.login"))
    status = 422 if request.method == "POST" else 200
    return _no_store(current_app.make_response((render_template("auth/reset.html", form=form), status)))


@bp.get("/email/confirm/<token>")
def confirm(token: str):
    user = passwords.confirm_email(token)
    if user is None:
        return render_template("auth/confirmed.html", confirmed=False), 400
    return render_template("auth/confirmed.html", confirmed=True, email=user.email)


@bp.post("/account/email")
@login_required
def change_email():
    form = EmailChangeForm()
    if form.validate_on_submit():
        err = save_or_show(
            form, lambda: passwords.change_email(current_user, form.password.data, form.email.data)
        )
        if err is None:
            flash(_("Your e-mail address is changed. Confirm it with the link we sent there."), "success")
            return redirect(url_for("auth.account"))
    from .views import _render_account

    return _render_account(email_form=form), 422


@bp.post("/account/email/confirm")
@login_required
def resend_confirmation():
    if current_user.email_confirmed_at is None:
        passwords.send_confirmation(current_user)
        flash(_("We sent the confirmation link again."), "success")
    return redirect(url_for("auth.account"))
