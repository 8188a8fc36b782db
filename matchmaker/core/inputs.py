"""Text that arrives from outside (forms, query strings, JSON bodies, CSV files): what is refused,
what is normalised, and a JSON reader with limits.

- **Control characters** are never text a person typed: NUL (which PostgreSQL cannot store), the
  other C0 controls except tab, line feed and carriage return, DEL and the C1 controls. A value that
  holds one is refused, naming the field, rather than cleaned silently.
- **Unicode normalisation**: every accepted value is put in NFC, so "ə" typed as "e" + U+0306 … and
  "ə" as one code point compare, index and search alike.
- **Names** (of firms, people, rooms) also lose the characters that make text invisible or reorder
  it on screen (zero-width spaces and joiners, the byte-order mark, bidirectional embeddings,
  overrides and isolates): a right-to-left override cannot make one firm's name read as another's,
  and a name made only of such characters is empty.
- **JSON**: nesting is limited (a body nested 1,000 deep would exhaust the parser's recursion), and
  so is the length of numbers (an integer of 5,000 digits costs quadratic time to convert, and
  Python refuses more than 4,300): both are a clear "bad request", never a server error. Numbers
  within the limit but out of a field's range are the schemas' business (422 naming the field).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

MAX_JSON_DEPTH = 32
MAX_NUMBER_DIGITS = 100

# Character classes (the inside of ``[...]``), written out with escapes only (no ``\s``, no flags), so
# that Python, ECMA-262 and the JSON Schema validators' engines read them alike: the API's OpenAPI
# patterns are built from them (:mod:`matchmaker.api.fields`).
#: C0 controls but \t \n \r, DEL, C1 controls
CONTROL_CLASS = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
#: the white space ``str.split()`` and ``str.strip()`` remove, less the controls above
SPACE_CLASS = r"\t\n\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: zero-width space/non-joiner/joiner, LRM/RLM, word joiner and invisible operators, BOM, ALM,
#: bidirectional embeddings, overrides and isolates
INVISIBLE_CLASS = r"\u200b-\u200f\u2060-\u2064\ufeff\u061c\u202a-\u202e\u2066-\u2069"

# lone surrogates cannot be encoded and are refused too
_CONTROL = re.compile(rf"[{CONTROL_CLASS}\ud800-\udfff]")
_INVISIBLE = re.compile(rf"[{INVISIBLE_CLASS}]")


class JSONLimitError(ValueError):
    """A JSON body beyond the limits (too deep, a number too long)."""


def control_character(value: str) -> str | None:
    """The first forbidden control character of ``value`` (``None`` when it has none)."""
    match = _CONTROL.search(value)
    return match.group(0) if match else None


def normal_text(value: str) -> str:
    """``value`` in Unicode NFC."""
    return unicodedata.normalize("NFC", value)


def clean_name(value: str) -> str:
    """A name as it may be stored: NFC, without invisible or reordering characters, trimmed, inner
    runs of white space collapsed to one space."""
    return " ".join(_INVISIBLE.sub("", normal_text(value)).split())


def _number(text: str) -> float | int:
    digits = len(text.lstrip("-").split(".")[0].split("e")[0].split("E")[0])
    if digits > MAX_NUMBER_DIGITS or len(text) > 2 * MAX_NUMBER_DIGITS:
        raise JSONLimitError(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    return int(text) if text.lstrip("-").isdigit() else float(text)


def _depth_within(text: str, limit: int) -> bool:
    """Whether the brackets outside strings nest at most ``limit`` deep (a scan before parsing)."""
    if text.count("[") + text.count("{") <= limit:
        return True
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def load_json(data: str | bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` with the limits above; raises ``ValueError`` (``JSONLimitError`` for a limit,
    ``json.JSONDecodeError`` for bad syntax)."""
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    if not _depth_within(text, max_depth):
        raise JSONLimitError(f"the JSON nests deeper than {max_depth} levels")
    return json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_refuse_constant)


def _refuse_constant(name: str) -> None:
    raise JSONLimitError(f"{name} is not a JSON number")


def strings_in(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string of a parsed JSON value (keys included) with its dotted path (``items.0.name``)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            inner = f"{path}.{key}" if path else str(key)
            yield inner, str(key)
            yield from strings_in(item, inner)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings_in(item, f"{path}.{i}" if path else str(i))


def normalised_json(value: Any) -> Any:
    """The same JSON value with every string (and key) in NFC."""
    if isinstance(value, str):
        return normal_text(value)
    if isinstance(value, dict):
        return {normal_text(str(k)): normalised_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalised_json(v) for v in value]
    return value
