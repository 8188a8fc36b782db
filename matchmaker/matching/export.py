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
from json.encoder import encode_basestring as encode_string  # json.dumps's own, ensure_ascii=False
from typing import IO, NamedTuple

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import func, select

from ..companies.models import Company
from ..core.matching import MatchEngine, Reason, band_of, paused_gc, render_reason
from ..extensions import db
from .engine_cache import engine
from .models import Suggestion
from .store import driver_rows

Rows = list[tuple[int, list[tuple[int, float]]]]  # (company id, [(partner id, score), …]) per firm
FORK_FROM = 2000  # firms
_CHUNK = 250  # firms a forked process explains at a time
_ROW = np.dtype([("company", np.int64), ("partner", np.int64), ("score", np.float64)])


class Stored(NamedTuple):
    """Every firm's first stored rows, best first, as flat arrays (a few megabytes at 20,000 firms,
    passed between processes whole): ``firms`` (company ids, ascending), ``ends`` (where each
    firm's rows end), then the rows of each firm in turn, ``partners`` and ``scores``."""

    firms: NDArray[np.int64]
    ends: NDArray[np.int64]
    partners: NDArray[np.int64]
    scores: NDArray[np.float64]

    def lists(self, lo: int = 0, hi: int | None = None) -> Rows:
        """The lists of the firms at places ``lo`` to ``hi`` (plain ints and floats)."""
        hi = len(self.firms) if hi is None else hi
        if lo >= hi:
            return []
        first = int(self.ends[lo - 1]) if lo else 0
        last = int(self.ends[hi - 1])
        partners = self.partners[first:last].tolist()
        scores = self.scores[first:last].tolist()
        out: Rows = []
        start = 0
        for company_id, end in zip(
            self.firms[lo:hi].tolist(), (self.ends[lo:hi] - first).tolist(), strict=True
        ):
            out.append((company_id, list(zip(partners[start:end], scores[start:end], strict=True))))
            start = end
        return out


class _Wording:
    """Lists of reasons as written in the export (JSON strings joined by ", " for jsonl, texts
    joined by " | " for CSV), each list and each reason worded once: firms that share their reasons
    share the list (:meth:`~matchmaker.core.matching.MatchEngine.sharing_reasons`), and the pairs
    of one list share reason objects. Keyed by the object's id, with the object kept (its id cannot
    be reused meanwhile); forgotten past ``LIMIT`` lists. One per process."""

    LIMIT = 20_000

    def __init__(self, fmt: str, lang: str):
        self.json, self.lang = fmt == "jsonl", lang
        self.sep = ", " if self.json else " | "
        self._lists: dict[int, tuple[list[Reason], str]] = {}
        self._reasons: dict[int, tuple[Reason, str]] = {}

    def __call__(self, reasons: list[Reason]) -> str:
        got = self._lists.get(id(reasons))
        if got is not None:
            return got[1]
        if len(self._lists) >= self.LIMIT:
            self._lists.clear()
            self._reasons.clear()
        text = self.sep.join([self._one(r) for r in reasons])
        self._lists[id(reasons)] = (reasons, text)
        return text

    def _one(self, r: Reason) -> str:
        got = self._reasons.get(id(r))
        if got is None:
            text = render_reason(r, self.lang)
            got = self._reasons[id(r)] = (r, encode_string(text) if self.json else text)
        return got[1]


_NO_REASONS: list[Reason] = []  # a partner no longer present

# what the forked processes read (set before they are forked): the engine, the stored lists, each
# firm's public id as written (JSON-encoded for jsonl), the format and the wording of reasons
_JOB: tuple[MatchEngine, Stored, dict[int, str], str, _Wording] | None = None


def export(output: IO[str], top: int, fmt: str, lang: str) -> None:
    global _JOB
    with _reading(top) as read:  # from 2,000 firms a forked process reads while this one loads
        eng = engine(fill=False)  # reasons come from the profiles: this process ranks nothing
        eng.ensure_index()  # items analysed once, before the fork (not once in each child)
        ids, stored = read()
    word = encode_string if fmt == "jsonl" else str
    names = {cid: word(ext or str(cid)) for cid, ext in ids.items()}
    _JOB = (eng, stored, names, fmt, _Wording(fmt, lang))
    if fmt == "csv":
        csv.writer(output).writerow(["company", "partner", "rank", "score", "reasons"])
    n = len(stored.firms)
    spans = [(lo, min(lo + _CHUNK, n)) for lo in range(0, n, _CHUNK)]
    workers = os.cpu_count() or 1
    # paused collector: the engine's large heap, and no cycles made here; firms of one trade that
    # list the same goods share their reasons (each forked process keeps its own memos)
    with paused_gc(), eng.sharing_reasons():
        _write(output, spans, workers, n)


def _read(top: int) -> tuple[dict[int, str], Stored]:
    """The firms' public ids and each firm's first ``top`` stored rows."""
    ids = dict(driver_rows(select(Company.id, Company.external_id)))  # plain rows: 20,000 of them
    return ids, _stored(top)


def _stored(top: int) -> Stored:
    """Each firm's first ``top`` stored rows, best first (equal scores by partner id): the driver's
    plain rows ordered and cut as arrays (a sort of the whole table in the database, or of the rows
    as Python tuples, costs more)."""
    stmt = select(Suggestion.company_id, Suggestion.partner_id, Suggestion.score)
    rows = np.array(driver_rows(stmt), dtype=_ROW)
    rows = rows[np.lexsort((rows["partner"], -rows["score"], rows["company"]))]
    company = rows["company"]
    starts = np.flatnonzero(np.r_[True, company[1:] != company[:-1]]) if len(rows) else np.zeros(0, np.int64)
    sizes = np.diff(np.r_[starts, len(rows)])
    rows = rows[np.arange(len(rows)) - np.repeat(starts, sizes) < top]
    return Stored(company[starts], np.cumsum(np.minimum(sizes, top)), rows["partner"], rows["score"])


@contextmanager
def _reading(top: int) -> Iterator[Callable[[], tuple[dict[int, str], Stored]]]:
    """What :func:`_read` gives, read meanwhile: on PostgreSQL, from 2,000 firms, on a machine of
    several CPUs, by a forked process on a connection of its own while this process loads the
    engine (at 20,000 firms the two take 0.4 s and 0.8 s). This process's session must not hold a
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


def _read_apart(top: int) -> tuple[dict[int, str], Stored]:
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


def _write(output: IO[str], spans: list[tuple[int, int]], workers: int, firms: int) -> None:
    """The lines of each span of firms, in order. They come as UTF-8 and go to the output's bytes
    (the text is not decoded here to be encoded again)."""
    global _JOB
    output.flush()
    buffer: IO[bytes] | None = getattr(output, "buffer", None)
    write = buffer.write if buffer is not None else (lambda b: output.write(b.decode()))
    try:
        if workers > 1 and firms >= FORK_FROM and "fork" in mp.get_all_start_methods():
            # the children only explain and format (no database: they end with os._exit)
            with mp.get_context("fork").Pool(workers) as pool:
                for text in pool.imap(_lines, spans):
                    write(text)
        else:
            for span in spans:
                write(_lines(span))
    finally:
        _JOB = None
        if buffer is not None:
            buffer.flush()


def _lines(span: tuple[int, int]) -> bytes:
    """The export's lines for a span of firms (their places in the stored lists), as UTF-8."""
    assert _JOB is not None
    eng, stored, names, fmt, wording = _JOB
    firms = stored.lists(*span)
    if fmt == "jsonl":
        return _json_lines(firms, eng, names, wording).encode()
    buf = io.StringIO()
    writer = csv.writer(buf)
    for company_id, rows in firms:
        found: dict[Hashable, list[Reason]] = eng.reasons(company_id, [p for p, _s in rows])
        company = names.get(company_id) or str(company_id)
        for rank, (partner_id, score) in enumerate(rows, start=1):
            partner = names.get(partner_id) or str(partner_id)
            writer.writerow([company, partner, rank, score, wording(found.get(partner_id, _NO_REASONS))])
    return buf.getvalue().encode()


def _json_lines(firms: Rows, eng: MatchEngine, names: dict[int, str], wording: _Wording) -> str:
    """JSON lines written piece by piece, as ``json.dumps(line, ensure_ascii=False)`` writes them
    (keys in this order, its separators, strings through its own encoder, numbers by ``repr``):
    each firm id (``names``, encoded once) and reason text is encoded once."""
    out: list[str] = []
    for company_id, rows in firms:
        found: dict[Hashable, list[Reason]] = eng.reasons(company_id, [p for p, _s in rows])
        head = '{"company": ' + (names.get(company_id) or encode_string(str(company_id))) + ', "partner": '
        for rank, (partner_id, score) in enumerate(rows, start=1):
            partner = names.get(partner_id) or encode_string(str(partner_id))
            reasons = wording(found.get(partner_id, _NO_REASONS))
            out.append(
                f'{head}{partner}, "rank": {rank}, "score": {score!r}, '
                f'"strength": "{band_of(score)}", "reasons": [{reasons}]}}\n'
            )
    return "".join(out)
