"""``flask matches export``: every firm's first suggestions with their reasons, one line each.

The stored lists are read in order; the reasons of each firm's rows are worked out in one pass from
the two profiles (:meth:`~matchmaker.core.matching.MatchEngine.reasons`, nothing is ranked). From
2,000 firms the explaining and the formatting run in forked processes (one per CPU), each on a chunk
of firms, and the main process writes their lines in order; on PostgreSQL a forked process reads
the stored rows while the main process loads the engine.
"""

from __future__ import annotations

import csv
import io
import multiprocessing as mp
import os
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from itertools import groupby, islice
from json.encoder import encode_basestring as encode_string  # json.dumps's own, ensure_ascii=False
from typing import IO, Any

from sqlalchemy import func, select

from ..companies.models import Company
from ..core.matching import MatchEngine, band_of, paused_gc, render_reason
from ..extensions import db
from .engine_cache import engine
from .models import Suggestion
from .store import driver_rows

Rows = list[tuple[int, list[tuple[int, float]]]]  # (company id, [(partner id, score), …]) per firm
FORK_FROM = 2000  # firms
_CHUNK = 250  # firms a forked process explains at a time

# what the forked processes read (set before they are forked)
_JOB: tuple[MatchEngine, Callable[[int], str], str, str] | None = None


def export(output: IO[str], top: int, fmt: str, lang: str) -> None:
    global _JOB
    with _reading(top) as read:  # from 2,000 firms a forked process reads while this one loads
        eng = engine(fill=False)  # reasons come from the profiles: this process ranks nothing
        eng.ensure_index()  # items analysed once, before the fork (not once in each child)
        ids, firms = read()
    _JOB = (eng, lambda cid: ids.get(cid) or str(cid), fmt, lang)
    if fmt == "csv":
        csv.writer(output).writerow(["company", "partner", "rank", "score", "reasons"])
    chunks = [firms[i : i + _CHUNK] for i in range(0, len(firms), _CHUNK)]
    workers = os.cpu_count() or 1
    with paused_gc():  # the engine's large heap, and no cycles made here: no full collections
        _write(output, chunks, workers, len(firms))


def _read(top: int) -> tuple[dict[int, str], Rows]:
    """The firms' public ids and each firm's first ``top`` stored rows."""
    ids = dict(driver_rows(select(Company.id, Company.external_id)))  # plain rows: 20,000 of them
    return ids, list(_firms(top))


@contextmanager
def _reading(top: int) -> Iterator[Callable[[], tuple[dict[int, str], Rows]]]:
    """What :func:`_read` gives, read meanwhile: on PostgreSQL, from 2,000 firms, on a machine of
    several CPUs, by a forked process on a connection of its own while this process loads the
    engine (at 20,000 firms the two take 0.8 s and 1 s). This process's session must not hold a
    connection yet (a child would share it). Otherwise the rows are read here when asked."""
    fork = (
        db.engine.dialect.name == "postgresql"  # SQLite's transactions would take turns
        and (os.cpu_count() or 1) > 1
        and "fork" in mp.get_all_start_methods()
        and not (db.session.registry.has() and db.session().in_transaction())
    )
    if fork:
        with db.engine.connect() as conn:  # back in the pool before the fork; the child drops it
            fork = (conn.scalar(select(func.count()).select_from(Company)) or 0) >= FORK_FROM
    if not fork:
        yield lambda: _read(top)
        return
    with mp.get_context("fork").Pool(1, initializer=_own_connections) as pool:
        pending = pool.apply_async(_read_apart, (top,))
        yield lambda: pending.get()


def _read_apart(top: int) -> tuple[dict[int, str], Rows]:
    """:func:`_read` in the forked reader, its connection closed before the pool ends the process."""
    try:
        return _read(top)
    finally:
        db.session.remove()
        db.engine.dispose()


def _own_connections() -> None:
    """In a forked reader: forget the parent's pooled connections (not closing them: they are the
    parent's), so that this process opens its own."""
    db.engine.dispose(close=False)


def _write(output: IO[str], chunks: list[Rows], workers: int, firms: int) -> None:
    global _JOB
    try:
        if workers > 1 and firms >= FORK_FROM and "fork" in mp.get_all_start_methods():
            # the children only explain and format (no database: they end with os._exit)
            with mp.get_context("fork").Pool(workers) as pool:
                for text in pool.imap(_lines, chunks):
                    output.write(text)
        else:
            for chunk in chunks:
                output.write(_lines(chunk))
    finally:
        _JOB = None


def _firms(top: int) -> Iterator[tuple[int, list[tuple[int, float]]]]:
    """Each firm's first ``top`` stored rows, best first (the driver's plain rows, ordered here:
    a sort of the whole table in the database costs more)."""
    stmt = select(Suggestion.company_id, Suggestion.partner_id, Suggestion.score)
    rows = driver_rows(stmt)
    rows.sort(key=lambda r: (r[0], -r[2], r[1]))
    for company_id, group in groupby(rows, key=lambda r: r[0]):
        yield company_id, [(r[1], r[2]) for r in islice(group, top)]


def _lines(chunk: Rows) -> str:
    """The export's lines for a chunk of firms."""
    assert _JOB is not None
    eng, pub, fmt, lang = _JOB
    if fmt == "jsonl":
        return _json_lines(chunk, eng, pub, lang)
    buf = io.StringIO()
    writer = csv.writer(buf)
    for company_id, rows in chunk:
        found: dict[Hashable, Any] = eng.reasons(company_id, [p for p, _s in rows])
        company = pub(company_id)
        said: dict[int, str] = {}  # one firm's pairs share reason objects: each is worded once
        for rank, (partner_id, score) in enumerate(rows, start=1):
            texts = [
                said[id(r)] if id(r) in said else said.setdefault(id(r), render_reason(r, lang))
                for r in found.get(partner_id, ())
            ]
            writer.writerow([company, pub(partner_id), rank, score, " | ".join(texts)])
    return buf.getvalue()


def _json_lines(chunk: Rows, eng: MatchEngine, pub: Callable[[int], str], lang: str) -> str:
    """JSON lines written piece by piece, as ``json.dumps(line, ensure_ascii=False)`` writes them
    (keys in this order, its separators, strings through its own encoder, numbers by ``repr``):
    each firm id and reason text is encoded once."""
    out: list[str] = []
    for company_id, rows in chunk:
        found: dict[Hashable, Any] = eng.reasons(company_id, [p for p, _s in rows])
        head = '{"company": ' + encode_string(pub(company_id)) + ', "partner": '
        said: dict[int, str] = {}  # one firm's pairs share reason objects: each is worded once
        for rank, (partner_id, score) in enumerate(rows, start=1):
            texts = [
                said[id(r)]
                if id(r) in said
                else said.setdefault(id(r), encode_string(render_reason(r, lang)))
                for r in found.get(partner_id, ())
            ]
            out.append(
                f'{head}{encode_string(pub(partner_id))}, "rank": {rank}, "score": {float(score)!r}, '
                f'"strength": "{band_of(score)}", "reasons": [{", ".join(texts)}]}}\n'
            )
    return "".join(out)
