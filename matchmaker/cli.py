"""``flask --app wsgi …`` commands (see CONTRACT.md). Each command is one transaction."""

from __future__ import annotations

import sys
import time

import click
from flask import Flask
from flask.cli import AppGroup

from .uow import commit, rollback


def register(app: Flask) -> None:
    from .events.cli import events_cli
    from .jobs.cli import jobs_cli
    from .lexicon.cli import lexicon_cli
    from .matching.cli import matches_cli
    from .meetings.cli import meetings_cli

    for command in (
        seed_demo,
        companies_cli,
        users_cli,
        matches_cli,
        events_cli,
        meetings_cli,
        jobs_cli,
        lexicon_cli,
    ):
        app.cli.add_command(command)


@click.command("seed-demo")
@click.option("--force", is_flag=True, help="Load even when the directory is not empty.")
def seed_demo(force: bool) -> None:
    """Load a realistic demo directory, the two business centers and their rooms, and create the demo
    accounts (printed with their password)."""
    from .demo import load_demo
    from .demo_accounts import ensure_demo_accounts

    summary = load_demo(force=force)
    accounts = ensure_demo_accounts()
    commit()
    click.echo(summary)
    click.echo(accounts)


companies_cli = AppGroup("companies", help="Company directory.")


@companies_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Validate only; write nothing.")
@click.option("--skip-invalid", is_flag=True, help="Write the valid rows even when some rows are bad.")
def import_cmd(file: str, dry_run: bool, skip_invalid: bool) -> None:
    """Import companies from a CSV file (upsert on external_id)."""
    from .companies.importer import import_companies

    with open(file, "rb") as fh:
        data = fh.read()
    started = time.perf_counter()
    report = import_companies(data, dry_run=dry_run, skip_invalid=skip_invalid, refresh_matches=False)
    for err in report.errors:
        click.echo(f"{file}:{err}", err=True)
    if report.written:
        commit()
        click.echo(
            f"imported {report.rows - len(report.bad_lines)} rows: {report.created} new, "
            f"{report.updated} updated, {report.unchanged} unchanged"
            + (f"; skipped {len(report.bad_lines)} bad rows" if report.errors else "")
            + f" in {time.perf_counter() - started:.1f} s"
        )
        if report.created or report.updated:
            _refresh_suggestions()
    else:
        rollback()
        if report.errors:
            click.echo(f"{len(report.bad_lines) or 1} bad rows; nothing was written.", err=True)
        else:
            _echo_derived(report.derived)
            click.echo(
                f"dry run: {report.rows} valid rows ({report.created} new, {report.updated} to update, "
                f"{report.unchanged} unchanged); nothing was written."
            )
    if report.errors and not (skip_invalid and report.written):
        sys.exit(1)


def _echo_derived(derived) -> None:
    """A dry run's report of what the descriptions name (one line a firm, then a summary)."""
    named = 0
    for d in derived:
        parts = []
        if d.offers:
            parts.append("offers " + ", ".join(d.offers))
        if d.needs:
            parts.append("needs " + ", ".join(d.needs))
        if d.unknown:
            parts.append("not recognised " + ", ".join(d.unknown[:8]))
        named += bool(d.offers or d.needs)
        click.echo(f"line {d.line} {d.external_id}: description: " + ("; ".join(parts) or "nothing named"))
    if derived:
        click.echo(
            f"descriptions: {len(derived)} read, {named} name products or services "
            f"({sum(len(d.offers) for d in derived)} offers, {sum(len(d.needs) for d in derived)} needs "
            "beyond the lists)"
        )


def _refresh_suggestions() -> None:
    """After an import: the suggestions of every firm, in a transaction of their own."""
    from .matching.refresh import rebuild_all

    started = time.perf_counter()
    n = rebuild_all(workers=-1, keep=False)  # the command line may fork, and exits after
    commit()
    click.echo(f"suggestions refreshed for {n} companies in {time.perf_counter() - started:.1f} s")


users_cli = AppGroup("users", help="Accounts.")


@users_cli.command("create")
@click.argument("email")
@click.option("--password", required=True, help="At least 10 characters.")
@click.option("--role", type=click.Choice(["member", "staff", "admin"]), default="member", show_default=True)
@click.option("--company", "company_ext", help="external_id (or numeric id) of the member's firm.")
@click.option("--center", "center_id", type=int, help="Staff: the business center's id.")
@click.option(
    "--locale",
    type=click.Choice(["az", "ru", "en"]),
    help="The account's language (e-mails, pages); default from the firm's country: AZ az, RU ru, else en.",
)
def create_user_cmd(
    email: str, password: str, role: str, company_ext: str | None, center_id: int | None, locale: str | None
) -> None:
    """Create an account (its address counts as confirmed: the operator vouches for it)."""
    from .auth.services import create_user
    from .companies.services import get_by_external_id, get_company
    from .errors import DomainError

    if role == "staff" and center_id is None:
        raise click.ClickException(
            "staff accounts name the center they manage: give --center ID (or --role admin for every center)"
        )
    company = None
    if company_ext:
        company = get_by_external_id(company_ext) or (
            get_company(int(company_ext)) if company_ext.isdigit() else None
        )
        if company is None:
            raise click.ClickException(f"no company with external_id {company_ext!r}")
    from .dbtypes import utcnow
    from .mail.formatting import locale_for_country
    from .mail.outbox import valid_address

    if not valid_address(email.strip()):
        raise click.ClickException(f"not a usable e-mail address: {email!r}")
    locale = locale or locale_for_country(company.country if company is not None else None)
    try:
        user = create_user(email, password, role=role, company=company, locale=locale)
    except DomainError as err:
        raise click.ClickException(err.message) from None
    user.center_id = center_id
    user.email_confirmed_at = utcnow()
    commit()
    click.echo(f"created {user.email} ({user.role}, id {user.id}, {user.locale})")


@users_cli.command("token")
@click.argument("email")
@click.option("--name", default="cli", show_default=True)
def token_cmd(email: str, name: str) -> None:
    """Print a new API token for that account."""
    from .auth.services import get_user_by_email, issue_token

    user = get_user_by_email(email)
    if user is None:
        raise click.ClickException(f"no account {email!r}")
    _token, raw = issue_token(user, name)
    commit()
    click.echo(raw)
