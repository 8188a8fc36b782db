"""``flask matches export``: every firm's first suggestions with their reasons, one line each.

The stored lists are read in order; the reasons of each firm's rows are worked out in one pass from
the two profiles (:meth:`~matchmaker.core.matching.MatchEngine.reasons`, nothing is ranked). From
2,000 firms the explaining and the formatting run in forked processes (one per CPU), each on a chunk
of firms, and the main process writes their lines in order.
"""

from __future__ import annotations

import csv
import io
import multiprocessing as mp
import os
from collections.abc import Callable, Hashable, Iterator
from itertools import groupby, islice
from json.encoder import encode_basestring as encode_string  # json.dumps's own, ensure_ascii=False
from typing import IO, Any

from sqlalchemy import select

from ..companies.models import Company
from ..core.matching import MatchEngine, band_of, paused_gc, render_reason
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
    ids = dict(driver_rows(select(Company.id, Company.external_id)))  # plain rows: 20,000 of them
    firms = list(_firms(top))
    eng = engine(fill=False)  # reasons come from the profiles: this process ranks nothing
    eng.ensure_index()  # items analysed once, before the fork (not once in each child)
    _JOB = (eng, lambda cid: ids.get(cid) or str(cid), fmt, lang)
    if fmt == "csv":
        csv.writer(output).writerow(["company", "partner", "rank", "score", "reasons"])
    chunks = [firms[i : i + _CHUNK] for i in range(0, len(firms), _CHUNK)]
    workers = os.cpu_count() or 1
    with paused_gc():  # the engine's large heap, and no cycles made here: no full collections
        _write(output, chunks, workers, len(firms))


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
