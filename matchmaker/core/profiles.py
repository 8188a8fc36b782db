"""Validation of company records, shared by the CSV import, the forms and the JSON API.

Pure Python: every rule returns messages keyed by field, never raises on bad input.
Messages are English source strings; the web layer translates them (they are in the catalog).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .sectors import is_valid_class, normalize_code

COUNTRIES = ("AZ", "RU")
LANGUAGE_CODES = frozenset(
    [
        "az",
        "ru",
        "en",
        "tr",
        "de",
        "fr",
        "it",
        "es",
        "zh",
        "ar",
        "fa",
        "ka",
        "hy",
        "uk",
        "kk",
        "uz",
        "tk",
        "ky",
        "tg",
        "be",
        "pl",
        "ro",
        "bg",
        "sr",
        "he",
        "ja",
        "ko",
        "hi",
        "pt",
        "nl",
        "sv",
        "fi",
    ]
)
SIZE_BANDS = ("micro", "small", "medium", "large")
MAX_ITEMS = 30
MAX_ITEM_LEN = 120
_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;.]{2,}$")
_DOMAIN = re.compile(
    r"^(?=.{1,253}$)([a-z0-9\u0400-\u04ff](-*[a-z0-9\u0400-\u04ff])*\.)+[a-z\u0400-\u04ff]{2,}$", re.I
)
_PHONE = re.compile(r"^\+?[0-9 ()\-]{6,25}$")

# Message templates (English source strings; gettext ids in the web layer).
M_REQUIRED = "This field is required."
M_TOO_LONG = "Enter at most %(max)d characters."
M_COUNTRY = "Country must be AZ or RU."
M_NACE = "Unknown NACE Rev. 2 class: %(code)s."
M_EMAIL = "Enter a valid e-mail address."
M_URL = "Enter a full web address starting with http:// or https://."
M_LANG = "Unknown language code: %(code)s (use ISO 639-1, e.g. az, ru, en)."
M_ITEMS = "At most %(max)d items."
M_ITEM_LEN = "Each item at most %(max)d characters."
M_PHONE = "Enter a phone number with digits, spaces and an optional leading +."
M_YEAR = "Enter a year from 1800 to %(max)d."
M_SIZE = "Size must be one of micro, small, medium, large."


@dataclass
class Problem:
    field: str
    message: str
    params: dict = field(default_factory=dict)

    def text(self) -> str:
        return self.message % self.params if self.params else self.message


_CONTROL = dict.fromkeys(range(32))  # control characters (NUL included) are dropped from text


def clean_text(value) -> str:
    """One line of text: control characters dropped, white space collapsed."""
    return " ".join(str(value if value is not None else "").translate(_CONTROL).split())


def split_list(value) -> list[str]:
    """``"a; b;;c"`` or ``["a", " b"]`` → ``["a", "b", "c"]`` (order kept, duplicates dropped)."""
    if value is None:
        return []
    parts = value.split(";") if isinstance(value, str) else [str(v) for v in value]
    parts = [clean_text(p) for p in parts]
    out: list[str] = []
    seen = set()
    for part in parts:
        item = " ".join(part.split())
        if item and item.casefold() not in seen:
            seen.add(item.casefold())
            out.append(item)
    return out


def valid_email(value: str) -> bool:
    return bool(_EMAIL.match(value)) and len(value) <= 254


def valid_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    host = (parts.hostname or "").rstrip(".")
    return parts.scheme in ("http", "https") and bool(_DOMAIN.match(host)) and " " not in value


def clean_company(
    data: dict, *, partial: bool = False, current_year: int = 2100
) -> tuple[dict, list[Problem]]:
    """Check and normalise a company record. With ``partial`` only the given keys are checked."""
    out: dict = {}
    problems: list[Problem] = []

    def has(key):
        return key in data or not partial

    def text(key, max_len, required=False):
        if not has(key):
            return
        value = (
            clean_text(data.get(key) or "")
            if key != "description"
            else str(data.get(key) or "").replace("\x00", "").strip()
        )
        if required and not value:
            problems.append(Problem(key, M_REQUIRED))
        elif len(value) > max_len:
            problems.append(Problem(key, M_TOO_LONG, {"max": max_len}))
        else:
            out[key] = value

    text("external_id", 64)
    if "external_id" in out and not out["external_id"]:
        out["external_id"] = None
    text("name", 200, required=True)
    text("city", 100)
    text("description", 4000)
    if has("country"):
        country = str(data.get("country") or "").strip().upper()
        if country not in COUNTRIES:
            problems.append(Problem("country", M_COUNTRY if country else M_REQUIRED))
        else:
            out["country"] = country
    if has("sectors"):
        codes = []
        for raw in split_list(data.get("sectors")):
            code = normalize_code(raw)
            if code is None or not is_valid_class(code):
                problems.append(Problem("sectors", M_NACE, {"code": raw}))
            else:
                codes.append(code)
        out["sectors"] = list(dict.fromkeys(codes))
    for key in ("offers", "needs"):
        if has(key):
            items = split_list(data.get(key))
            if len(items) > MAX_ITEMS:
                problems.append(Problem(key, M_ITEMS, {"max": MAX_ITEMS}))
            elif any(len(i) > MAX_ITEM_LEN for i in items):
                problems.append(Problem(key, M_ITEM_LEN, {"max": MAX_ITEM_LEN}))
            else:
                out[key] = items
    if has("languages"):
        langs = []
        for raw in split_list(data.get("languages")):
            code = raw.strip().lower()
            if code not in LANGUAGE_CODES:
                problems.append(Problem("languages", M_LANG, {"code": raw}))
            else:
                langs.append(code)
        out["languages"] = list(dict.fromkeys(langs))
    if has("website"):
        site = str(data.get("website") or "").strip()
        if site and not valid_url(site):
            problems.append(Problem("website", M_URL))
        else:
            out["website"] = site
    if has("email"):
        mail = str(data.get("email") or "").strip()
        if mail and not valid_email(mail):
            problems.append(Problem("email", M_EMAIL))
        else:
            out["email"] = mail.lower()
    if has("phone"):
        phone = " ".join(str(data.get("phone") or "").split())
        if phone and not _PHONE.match(phone):
            problems.append(Problem("phone", M_PHONE))
        else:
            out["phone"] = phone
    if "size_band" in data:
        band = data.get("size_band") or None
        if band is not None and band not in SIZE_BANDS:
            problems.append(Problem("size_band", M_SIZE))
        else:
            out["size_band"] = band
    if "year_founded" in data:
        year = data.get("year_founded")
        if year in (None, ""):
            out["year_founded"] = None
        else:
            try:
                year = int(year)
            except (TypeError, ValueError):
                year = -1
            if not 1800 <= year <= current_year:
                problems.append(Problem("year_founded", M_YEAR, {"max": current_year}))
            else:
                out["year_founded"] = year
    return out, problems
