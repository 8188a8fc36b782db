"""A stand plan written by staff, one stand a line: ``A1 3x3``, ``B2 4 x 2,5`` (code, width and depth
in metres). Pure parsing, no Flask or SQLAlchemy."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(
    r"^\s*(?P<code>[0-9A-Za-zА-Яа-яƏəĞğİıÖöŞşÜüÇç][0-9A-Za-zА-Яа-яƏəĞğİıÖöŞşÜüÇç\-]{0,9})\s+"
    r"(?P<w>\d{1,2}(?:[.,]\d)?)\s*[xX×хХ*]\s*(?P<d>\d{1,2}(?:[.,]\d)?)\s*(?:m|м)?\s*$"
)
MAX_STANDS = 300


@dataclass(frozen=True)
class StandSpec:
    code: str
    width: float
    depth: float

    @property
    def area(self) -> float:
        return round(self.width * self.depth, 2)


def parse_plan(text: str) -> tuple[list[StandSpec], list[int]]:
    """The stands of ``text`` and the numbers (from 1) of the lines that are not a stand or repeat a
    code; blank lines are skipped."""
    stands: list[StandSpec] = []
    bad: list[int] = []
    seen: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line)
        if match is None:
            bad.append(number)
            continue
        code = match["code"].upper()
        width = float(match["w"].replace(",", "."))
        depth = float(match["d"].replace(",", "."))
        if code in seen or width <= 0 or depth <= 0:
            bad.append(number)
            continue
        seen.add(code)
        stands.append(StandSpec(code, width, depth))
    return stands, bad
