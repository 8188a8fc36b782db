"""Validation of company records, shared by the CSV import, the forms and the JSON API.

Pure Python: every rule returns messages keyed by field, never raises on bad input.
Messages are English source strings; the web layer translates them (they are in the catalog).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from typing import Literal, SupportsIndex, SupportsInt, TypedDict, cast

from .inputs import CONTROL_CLASS, SPACE_CLASS, clean_name, control_character, normal_text
from .phones import to_e164
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
MAX_WEBSITE_LEN = 260  # "https://" and a host name of at most 253 characters fit

# The formats below are whole-value patterns (``^…$``, matched with ``fullmatch``) written with
# escapes only, so that the API's OpenAPI document states them verbatim (matchmaker.api.fields).
# A value matching one is left unchanged by the clean-up before the check (white space trimmed and
# collapsed), so a client that sends a matching value never meets another rule.
_NOT_SPACE = rf"[^{CONTROL_CLASS}{SPACE_CLASS}]"  # neither white space nor a control character
_MAIL_CHAR = rf"[^@<>\"',;{CONTROL_CLASS}{SPACE_CLASS}]"
#: an e-mail address: something@domain.tld, without white space, quotes, brackets, commas, semicolons
EMAIL_PATTERN = rf"^{_MAIL_CHAR}+@{_MAIL_CHAR}+\.[^@<>\"',;.{CONTROL_CLASS}{SPACE_CLASS}]{{2,}}$"
_PHONE_CHAR = r"[0-9()\-]"
#: digits, brackets and dashes (6 to 20 of them), single spaces between them, an optional leading +
PHONE_PATTERN = rf"^\+?{_PHONE_CHAR}(?: ?{_PHONE_CHAR}){{5,19}}$"
_LABEL_CHAR = r"[0-9A-Za-z\u0400-\u04ff]"
#: http:// or https://, a domain name (Latin or Cyrillic letters, digits, inner hyphens), an optional
#: port, then a path, query or fragment without white space
WEBSITE_PATTERN = (
    rf"^[Hh][Tt][Tt][Pp][Ss]?://(?:{_LABEL_CHAR}(?:-*{_LABEL_CHAR})*\.)+[A-Za-z\u0400-\u04ff]{{2,}}\.?"
    rf"(?::[0-9]{{1,5}})?(?:[/?#]{_NOT_SPACE}*)?$"
)
_EMAIL = re.compile(EMAIL_PATTERN)
_PHONE = re.compile(PHONE_PATTERN)
_WEBSITE = re.compile(WEBSITE_PATTERN)

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
M_CONTROL = "Control characters (such as NUL) are not allowed."
M_YEAR = "Enter a year from 1800 to %(max)d."
M_SIZE = "Size must be one of micro, small, medium, large."


@dataclasses.dataclass
class Problem:
    field: str
    message: str
    params: dict[str, int | str] = dataclasses.field(default_factory=dict)

    def text(self) -> str:
        return self.message % self.params if self.params else self.message


class CompanyFields(TypedDict, total=False):
    """A checked company record: the fields given (all of them unless partial), normalised."""

    external_id: str | None
    name: str
    city: str
    description: str
    country: str  # AZ or RU
    sectors: list[str]  # NACE classes, canonical ("01.13")
    offers: list[str]
    needs: list[str]
    languages: list[str]  # ISO 639-1
    website: str
    email: str  # lower case
    phone: str
    size_band: str | None
    year_founded: int | None


_CONTROL = dict.fromkeys(range(32))  # control characters (NUL included) are dropped from text


def clean_text(value: object) -> str:
    """One line of text in NFC: control characters dropped, white space collapsed."""
    return " ".join(normal_text(str(value if value is not None else "")).translate(_CONTROL).split())


def split_list(value: object) -> list[str]:
    """``"a; b;;c"`` or ``["a", " b"]`` → ``["a", "b", "c"]`` (order kept, duplicates dropped)."""
    if value is None:
        return []
    # any other value than a string is iterated as Python does (a TypeError when it is none)
    parts = value.split(";") if isinstance(value, str) else [str(v) for v in cast("Iterable[object]", value)]
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
    return len(value) <= 254 and _EMAIL.fullmatch(value) is not None


def valid_url(value: str) -> bool:
    return len(value) <= MAX_WEBSITE_LEN and _WEBSITE.fullmatch(value) is not None


def valid_phone(value: str) -> bool:
    return _PHONE.fullmatch(value) is not None


def _as_int(value: object) -> int:
    """``int(value)``, or -1 when ``int`` refuses it."""
    if not isinstance(value, (str, bytes, bytearray, SupportsInt, SupportsIndex)):
        return -1
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


class _Check:
    """One record being checked: the input, the fields accepted so far, the problems found."""

    def __init__(self, data: Mapping[str, object], partial: bool) -> None:
        self.data = data
        self.partial = partial
        self.out: CompanyFields = {}
        self.problems: list[Problem] = []
        self.refused: set[str] = set()
        for key, value in data.items():  # a control character refuses its field (named), first
            values = value if isinstance(value, list | tuple) else [value]
            if any(isinstance(v, str) and control_character(v) for v in values):
                self.refused.add(key)
                self.fail(key, M_CONTROL)

    def has(self, key: str) -> bool:
        """Is ``key`` to be checked (given, or every field when not partial; not refused already)?"""
        return key not in self.refused and (key in self.data or not self.partial)

    def fail(self, key: str, message: str, params: dict[str, int | str] | None = None) -> None:
        self.problems.append(Problem(key, message, params if params is not None else {}))

    def text(
        self, key: Literal["external_id", "name", "city", "description"], max_len: int, required: bool = False
    ) -> None:
        if not self.has(key):
            return
        raw = self.data.get(key)
        if key == "name":  # no invisible or reordering characters in a firm's name
            value = clean_name(str(raw or ""))
        elif key == "description":
            value = normal_text(str(raw or "")).strip()
        else:
            value = clean_text(raw or "")
        if required and not value:
            self.fail(key, M_REQUIRED)
        elif len(value) > max_len:
            self.fail(key, M_TOO_LONG, {"max": max_len})
        else:
            self.out[key] = value

    def country(self) -> None:
        if not self.has("country"):
            return
        country = str(self.data.get("country") or "").strip().upper()
        if country not in COUNTRIES:
            self.fail("country", M_COUNTRY if country else M_REQUIRED)
        else:
            self.out["country"] = country

    def sectors(self) -> None:
        if not self.has("sectors"):
            return
        codes = []
        for raw in split_list(self.data.get("sectors")):
            code = normalize_code(raw)
            if code is None or not is_valid_class(code):
                self.fail("sectors", M_NACE, {"code": raw})
            else:
                codes.append(code)
        self.out["sectors"] = list(dict.fromkeys(codes))

    def items(self, key: Literal["offers", "needs"]) -> None:
        if not self.has(key):
            return
        items = split_list(self.data.get(key))
        if len(items) > MAX_ITEMS:
            self.fail(key, M_ITEMS, {"max": MAX_ITEMS})
        elif any(len(i) > MAX_ITEM_LEN for i in items):
            self.fail(key, M_ITEM_LEN, {"max": MAX_ITEM_LEN})
        else:
            self.out[key] = items

    def languages(self) -> None:
        if not self.has("languages"):
            return
        langs = []
        for raw in split_list(self.data.get("languages")):
            code = raw.strip().lower()
            if code not in LANGUAGE_CODES:
                self.fail("languages", M_LANG, {"code": raw})
            else:
                langs.append(code)
        self.out["languages"] = list(dict.fromkeys(langs))

    def website(self) -> None:
        if not self.has("website"):
            return
        site = str(self.data.get("website") or "").strip()
        if len(site) > MAX_WEBSITE_LEN:
            self.fail("website", M_TOO_LONG, {"max": MAX_WEBSITE_LEN})
        elif site and not valid_url(site):
            self.fail("website", M_URL)
        else:
            self.out["website"] = site

    def email(self) -> None:
        if not self.has("email"):
            return
        mail = str(self.data.get("email") or "").strip()
        if mail and not valid_email(mail):
            self.fail("email", M_EMAIL)
        else:
            self.out["email"] = mail.lower()

    def phone(self) -> None:
        if not self.has("phone"):
            return
        phone = " ".join(str(self.data.get("phone") or "").split())
        if phone and not valid_phone(phone):
            self.fail("phone", M_PHONE)
        else:
            # stored in E.164 when phonenumbers reads it as an AZ or RU number; kept as written
            # otherwise (the web form refuses those, the API's document promises to take them)
            country = self.data.get("country")
            region = country if isinstance(country, str) and country in COUNTRIES else None
            self.out["phone"] = (to_e164(phone, region) if phone else None) or phone

    def size_band(self) -> None:
        """Checked only when given, even for a full record."""
        if "size_band" not in self.data:
            return
        band = self.data.get("size_band") or None
        if band is None:
            self.out["size_band"] = None
        elif isinstance(band, str) and band in SIZE_BANDS:
            self.out["size_band"] = band
        else:
            self.fail("size_band", M_SIZE)

    def year_founded(self, current_year: int) -> None:
        """Checked only when given, even for a full record."""
        if "year_founded" not in self.data:
            return
        value = self.data.get("year_founded")
        if value in (None, ""):
            self.out["year_founded"] = None
            return
        year = _as_int(value)
        if not 1800 <= year <= current_year:
            self.fail("year_founded", M_YEAR, {"max": current_year})
        else:
            self.out["year_founded"] = year


def clean_company(
    data: Mapping[str, object], *, partial: bool = False, current_year: int = 2100
) -> tuple[CompanyFields, list[Problem]]:
    """Check and normalise a company record. With ``partial`` only the given keys are checked.

    Problems come in the order of the fields below, each naming its field."""
    c = _Check(data, partial)
    c.text("external_id", 64)
    if "external_id" in c.out and not c.out["external_id"]:
        c.out["external_id"] = None
    c.text("name", 200, required=True)
    c.text("city", 100)
    c.text("description", 4000)
    c.country()
    c.sectors()
    c.items("offers")
    c.items("needs")
    c.languages()
    c.website()
    c.email()
    c.phone()
    c.size_band()
    c.year_founded(current_year)
    return c.out, c.problems
