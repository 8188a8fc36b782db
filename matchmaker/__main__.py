"""``matchmaker …`` (the console script) and ``python -m matchmaker …``: the Flask command line with this
application, the same as ``flask --app matchmaker …`` (``db upgrade``, ``seed-demo``, ``run``, …)."""

from __future__ import annotations

from flask.cli import FlaskGroup

from matchmaker import create_app


def main() -> None:
    cli = FlaskGroup(
        create_app=create_app,
        help="Matchmaker's command line (as flask --app matchmaker): db upgrade, seed-demo, run, …",
    )
    cli.main(prog_name="matchmaker")


if __name__ == "__main__":
    main()
