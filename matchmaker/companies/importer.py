"""CSV import of companies (format in CONTRACT.md): all-or-nothing unless asked to skip bad rows.

Line numbers are the file's physical lines (the header is line 1); a quoted field spanning lines
counts from the line where its record starts.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import insert, select
from sqlalchemy.orm import selectinload

from ..core.profiles import clean_company
from ..core.sectors import section_of
from ..dbtypes import refresh_statistics, utcnow
from ..extensions import db
from .changes import record as record_changes
from .described import DerivedRow, derive
from .models import Company, CompanySector
from .services import _assign, bulk_changed, differs

COLUMNS = (
    "external_id",
    "name",
    "country",
    "city",
    "sectors",
    "offers",
    "needs",
    "languages",
    "website",
    "email",
    "description",
)
REQUIRED_COLUMNS = ("external_id", "name", "country")


@dataclass
class RowError:
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f" ({self.field})" if self.field else ""
        return _("line %(line)d%(where)s: %(message)s", line=self.line, where=where, message=self.message)


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    written: bool = False
    errors: list[RowError] = field(default_factory=list)
    derived: list[DerivedRow] = field(default_factory=list)  # dry run: what the descriptions name
    preview: list[dict] = field(default_factory=list)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({e.line for e in self.errors})


def parse(data: bytes | str) -> tuple[list[tuple[int, dict]], list[RowError]]:
    """Rows as (line, record) plus file- and row-level errors found while reading."""
    errors: list[RowError] = []
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            return [], [RowError(line, "", _("The file is not UTF-8 text."))]
    else:
        text = data.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        return [], [RowError(1, "", _("The file is empty."))]
    except csv.Error as exc:
        return [], [RowError(1, "", _("Cannot read the header: %(e)s", e=str(exc)))]
    header = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        return [], [RowError(1, "", _("Missing columns: %(cols)s", cols=", ".join(missing)))]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        errors.append(RowError(1, "", _("Unknown columns: %(cols)s", cols=", ".join(unknown))))
        return [], errors
    rows: list[tuple[int, dict]] = []
    start = reader.line_num + 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(RowError(start, "", _("Malformed CSV: %(e)s", e=str(exc))))
            break
        line, start = start, reader.line_num + 1
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            errors.append(
                RowError(line, "", _("Expected %(n)d fields, found %(m)d.", n=len(header), m=len(values)))
            )
            continue
        rows.append((line, dict(zip(header, values, strict=False))))
    return rows, errors


def _validate(rows: list[tuple[int, dict]], report: ImportReport) -> list[tuple[int, dict]]:
    """The rows that pass every check, cleaned; each problem goes into the report with its line."""
    year = date.today().year
    valid: list[tuple[int, dict]] = []
    seen: dict[str, int] = {}
    for line, record in rows:
        clean, problems = clean_company(record, current_year=year)
        for p in problems:
            report.errors.append(RowError(line, p.field, _(p.message, **p.params)))
        ext = clean.get("external_id")
        if not problems and not ext:
            report.errors.append(RowError(line, "external_id", _("This field is required.")))
            continue
        if ext in seen:
            report.errors.append(
                RowError(
                    line,
                    "external_id",
                    _("external_id %(id)s repeats line %(first)d.", id=ext, first=seen[ext]),
                )
            )
            continue
        if ext:
            seen[ext] = line
        if not problems:
            valid.append((line, clean))
    return valid


def import_companies(
    data: bytes | str, *, dry_run: bool = False, skip_invalid: bool = False, refresh_matches: bool = True
) -> ImportReport:
    """Validate every row; write all (or, with ``skip_invalid``, the valid ones). Flushes only."""
    report = ImportReport()
    rows, errors = parse(data)
    report.errors.extend(errors)
    report.rows = len(rows)
    valid = _validate(rows, report)
    report.errors.sort(key=lambda e: e.line)
    report.preview = [dict(clean, line=line) for line, clean in valid[:50]]
    if dry_run or (report.errors and not skip_invalid):
        _count_changes(report, valid)
        if dry_run:
            report.derived = derive(valid)
        return report
    existing = _existing([c["external_id"] for _l, c in valid])
    changed: list[int] = []
    new_rows: list[dict] = []
    for _line, clean in valid:
        company = existing.get(clean["external_id"])
        if company is None:
            new_rows.append(clean)
        elif _assign(company, clean):
            report.updated += 1
            changed.append(company.id)
        else:
            report.unchanged += 1
    db.session.flush()
    inserted = _insert_new(new_rows)
    record_changes(inserted)  # written past the ORM: the change log learns of them here
    changed.extend(inserted)
    if len(changed) > 1000:
        refresh_statistics(Company.__tablename__, CompanySector.__tablename__)
    report.created = len(new_rows)
    report.written = True
    if changed and refresh_matches:
        bulk_changed.send(changed)
    return report


def _insert_new(records: list[dict]) -> list[int]:
    """Bulk-insert new firms and their sectors (executemany, no per-object unit of work)."""
    if not records:
        return []
    now = utcnow()
    rows = [
        {
            "external_id": r["external_id"],
            "name": r["name"],
            "country": r["country"],
            "city": r.get("city", ""),
            "offers": r.get("offers", []),
            "needs": r.get("needs", []),
            "languages": r.get("languages", []),
            "website": r.get("website", ""),
            "email": r.get("email", ""),
            "phone": r.get("phone", ""),
            "description": r.get("description", ""),
            "verified": False,
            "hidden": False,
            "created_at": now,
            "updated_at": now,
        }
        for r in records
    ]
    ids: list[int] = []
    for i in range(0, len(rows), 2000):
        ids.extend(
            db.session.scalars(
                insert(Company).returning(Company.id, sort_by_parameter_order=True), rows[i : i + 2000]
            )
        )
    sector_rows = [
        {
            "company_id": cid,
            "code": code,
            "division": code[:2],
            "section": section_of(code) or "",
            "position": pos,
        }
        for cid, r in zip(ids, records, strict=False)
        for pos, code in enumerate(r.get("sectors", []))
    ]
    for i in range(0, len(sector_rows), 5000):
        db.session.execute(CompanySector.__table__.insert(), sector_rows[i : i + 5000])
    return ids


def _existing(external_ids: list[str]) -> dict[str, Company]:
    found: dict[str, Company] = {}
    for i in range(0, len(external_ids), 900):
        chunk = external_ids[i : i + 900]
        for c in db.session.scalars(
            select(Company).where(Company.external_id.in_(chunk)).options(selectinload(Company.sector_rows))
        ):
            found[c.external_id] = c
    return found


def _count_changes(report: ImportReport, valid: list[tuple[int, dict]]) -> None:
    existing = _existing([c["external_id"] for _l, c in valid])
    for _line, clean in valid:
        company = existing.get(clean["external_id"])
        if company is None:
            report.created += 1
        elif any(differs(company, k, v) for k, v in clean.items()):
            report.updated += 1
        else:
            report.unchanged += 1
