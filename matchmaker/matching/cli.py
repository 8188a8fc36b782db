"""``flask matches rebuild`` and ``flask matches export``."""

from __future__ import annotations

import os
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from ..extensions import db
from ..uow import commit
from .refresh import rebuild_all

matches_cli = AppGroup("matches", help="Partner suggestions.")


@matches_cli.command("rebuild")
def rebuild() -> None:
    """Recompute every company's partner suggestions."""
    bar = None
    if sys.stderr.isatty():
        bar = click.progressbar(length=1, label="scoring", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if bar is not None:
            bar.length = total
            bar.update(done - bar.pos)

    n = rebuild_all(progress=progress, workers=-1, keep=False)
    if bar is not None:
        bar.render_finish()
    commit()
    click.echo(f"suggestions rebuilt for {n} companies")
    if not current_app.testing:
        # Everything is committed and the process ends here: skip freeing the engine's millions of
        # small objects one by one at interpreter exit (half a second at 20,000 firms).
        sys.stdout.flush()
        sys.stderr.flush()
        db.engine.dispose()
        os._exit(0)


@matches_cli.command("export")
@click.option("--top", "top", type=click.IntRange(1, 1000), default=10, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--output", type=click.File("w", encoding="utf-8"), default="-")
@click.option(
    "--lang",
    type=click.Choice(["en", "ru", "az"]),
    default="en",
    show_default=True,
    help="Language of the reasons.",
)
def export(top: int, fmt: str, output, lang: str) -> None:
    """Write suggestions, best first, one line each."""
    from .export import export as write_export

    write_export(output, top, fmt, lang)
    if not current_app.testing:  # as for rebuild: skip freeing the engine's heap object by object
        output.flush()
        sys.stdout.flush()
        sys.stderr.flush()
        db.session.remove()
        db.engine.dispose()
        os._exit(0)
