"""``flask matches rebuild`` and ``flask matches export``."""

from __future__ import annotations

import csv
import json
import os
import sys
from itertools import groupby, islice

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy import select

from ..companies.models import Company
from ..extensions import db
from ..uow import commit
from . import services
from .engine_cache import engine
from .models import Suggestion
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
    ids = dict(db.session.execute(select(Company.id, Company.external_id)).all())
    pub = lambda cid: ids.get(cid) or str(cid)  # noqa: E731
    stmt = (
        select(Suggestion.company_id, Suggestion.partner_id, Suggestion.score)
        .order_by(Suggestion.company_id, Suggestion.score.desc(), Suggestion.partner_id)
        .execution_options(yield_per=2000)
    )
    writer = None
    if fmt == "csv":
        writer = csv.writer(output)
        writer.writerow(["company", "partner", "rank", "score", "reasons"])
    engine(fill=False)  # reasons come from the profiles: this process ranks nothing
    # one firm at a time: its first ``top`` rows, their reasons worked out in one pass
    for company_id, group in groupby(db.session.execute(stmt), key=lambda s: s.company_id):
        rows = list(islice(group, top))
        reasons = services.reasons_texts(company_id, [s.partner_id for s in rows], lang)
        for rank, s in enumerate(rows, start=1):
            texts = reasons.get(s.partner_id, [])
            if writer is not None:
                writer.writerow([pub(s.company_id), pub(s.partner_id), rank, s.score, " | ".join(texts)])
                continue
            output.write(
                json.dumps(
                    {
                        "company": pub(s.company_id),
                        "partner": pub(s.partner_id),
                        "rank": rank,
                        "score": s.score,
                        "reasons": texts,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
