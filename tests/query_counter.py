"""Counting the SQL statements a request sends (as indico's tests do): ``with count_queries() as seen``."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy import event

from matchmaker.extensions import db


@contextmanager
def count_queries():
    """Count the statements the engine sends (savepoints included) while the block runs."""
    seen: list[str] = []

    def before(_conn, _cursor, statement, *_args):
        seen.append(statement)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", before)
