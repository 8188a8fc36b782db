"""``flask lexicon export FILE`` / ``flask lexicon import FILE``: the staff's additions to the trade
lexicon as JSON, for review into the packaged ``lexicon.json`` or for another installation."""

from __future__ import annotations

import json
import sys

import click
from flask.cli import AppGroup

from ..errors import DomainError
from ..uow import commit, rollback

lexicon_cli = AppGroup("lexicon", help="The staff's additions to the trade lexicon.")


@lexicon_cli.command("export")
@click.argument("file", type=click.Path(dir_okay=False, writable=True, allow_dash=True))
def export_cmd(file: str) -> None:
    """Write the staff's additions (new concepts, linked lemmas) as JSON ("-": standard output)."""
    from .services import export_additions

    data = export_additions()
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if file == "-":
        click.echo(text, nl=False)
    else:
        with open(file, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(
            f"exported {len(data['concepts'])} concepts and {len(data['lemmas'])} lemmas to {file}", err=True
        )
    rollback()


@lexicon_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def import_cmd(file: str) -> None:
    """Add the concepts and lemmas of an export that are not here yet; suggestions are refreshed."""
    from .services import import_additions, refresh_after_import

    try:
        with open(file, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        click.echo(f"{file}: not a JSON file: {exc}", err=True)
        sys.exit(1)
    try:
        concepts, lemmas = import_additions(data)
        if concepts or lemmas:
            refresh_after_import()
    except DomainError as err:
        rollback()
        where = ", ".join(err.fields) if err.fields else ""
        click.echo(f"{file}: {where + ': ' if where else ''}{err.message}; nothing was imported.", err=True)
        sys.exit(1)
    commit()
    click.echo(f"imported {concepts} concepts and {lemmas} lemmas")
