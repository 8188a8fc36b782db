"""Tables the staff download: the same rows as CSV (UTF-8 with a byte-order mark, so spreadsheet
programs read Azerbaijani and Russian letters) or XLSX (openpyxl). A text that a spreadsheet would
run as a formula stays text: an apostrophe in CSV, a string cell in XLSX."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import Response

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MIMETYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass
class Table:
    title: str  # the sheet's name
    header: Sequence[str]
    rows: list[Sequence[Any]] = field(default_factory=list)


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in FORMULA_START else text


def to_csv(table: Table) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([str(h) for h in table.header])
    for row in table.rows:
        writer.writerow([_csv_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(tables: Iterable[Table]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    for table in tables:
        sheet = book.create_sheet(title=_sheet_title(table.title))
        bold = Font(bold=True)
        head = []
        for h in table.header:
            cell = WriteOnlyCell(sheet, value=str(h))
            cell.font = bold
            head.append(cell)
        sheet.append(head)
        for row in table.rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str) and value[:1] in FORMULA_START:
                    cell.data_type = "s"  # never a formula
                cells.append(cell)
            sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_title(title: str) -> str:
    for bad in "[]:*?/\\":
        title = title.replace(bad, " ")
    return title[:31] or "Sheet"


def download(tables: list[Table], fmt: str, name: str) -> Response:
    """``name``.csv (the first table) or ``name``.xlsx (every table, a sheet each)."""
    body = to_csv(tables[0]) if fmt == "csv" else to_xlsx(tables)
    return Response(
        body,
        mimetype=MIMETYPES[fmt],
        headers={
            "Content-Disposition": f'attachment; filename="{name}.{fmt}"',
            "X-Content-Type-Options": "nosniff",
        },
    )
