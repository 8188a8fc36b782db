"""Company schemas: what a PATCH may send (every limit of ``core.profiles.clean_company``, stated
exactly), what the directory answers, and its query."""

from marshmallow import Schema, fields, validate

from ..core.profiles import (
    COUNTRIES,
    EMAIL_PATTERN,
    LANGUAGE_CODES,
    MAX_ITEM_LEN,
    MAX_ITEMS,
    MAX_WEBSITE_LEN,
    PHONE_PATTERN,
    SIZE_BANDS,
    WEBSITE_PATTERN,
)
from ..core.sector_codes import nace_index
from .fields import NAME_PATTERN, Choice, Text, UpToThisYear


def _or_empty(pattern: str) -> str:
    """``pattern`` (``^…$``) or the empty string."""
    return f"^(?:{pattern[1:-1]})?$"


def _items(description: str) -> fields.List:
    return fields.List(
        Text(MAX_ITEM_LEN),
        validate=validate.Length(max=MAX_ITEMS),
        metadata={"description": description + " (empty items and repeats are dropped)"},
    )


class CompanyPatchSchema(Schema):
    """The fields a firm edits, every one optional; unknown fields are an error."""

    name = Text(
        200,
        pattern=NAME_PATTERN,
        error="Enter a name with at least one visible character.",
        metadata={"description": "Trimmed; invisible and bidirectional control characters are dropped"},
    )
    country = Choice(COUNTRIES)
    city = Text(100)
    sectors = fields.List(
        Choice(nace_index().classes),
        metadata={"description": "NACE Rev. 2 classes, e.g. 01.13"},
    )
    offers = _items("What the firm offers")
    needs = _items("What the firm needs")
    languages = fields.List(Choice(sorted(LANGUAGE_CODES)), metadata={"description": "ISO 639-1 codes"})
    website = Text(
        MAX_WEBSITE_LEN,
        pattern=_or_empty(WEBSITE_PATTERN),
        error="Enter a full web address starting with http:// or https://.",
        metadata={"description": "http:// or https:// address; empty to remove"},
    )
    email = Text(
        254,
        pattern=_or_empty(EMAIL_PATTERN),
        error="Enter a valid e-mail address.",
        metadata={"description": "Stored in lower case; empty to remove"},
    )
    phone = Text(
        40,
        pattern=_or_empty(PHONE_PATTERN),
        error="Enter a phone number with digits, spaces and an optional leading +.",
        metadata={
            "description": "6 to 20 digits, brackets or dashes, single spaces between; empty to remove"
        },
    )
    description = Text(4000, metadata={"description": "Trimmed"})
    size_band = fields.String(allow_none=True, validate=validate.OneOf(SIZE_BANDS))
    year_founded = fields.Integer(
        strict=True,
        allow_none=True,
        validate=UpToThisYear(1800, error="Enter a year from {min} to {max}."),
        metadata={"description": "From 1800 to this year"},
    )


class CompanySchema(Schema):
    """A company as the API shows it."""

    id = fields.Integer(required=True)
    external_id = fields.String(required=True, allow_none=True)
    name = fields.String(required=True)
    country = fields.String(required=True, validate=validate.OneOf(COUNTRIES))
    city = fields.String(required=True)
    sectors = fields.List(fields.String(), required=True)
    offers = fields.List(fields.String(), required=True)
    needs = fields.List(fields.String(), required=True)
    languages = fields.List(fields.String(), required=True)
    website = fields.String(required=True)
    email = fields.String(required=True)
    phone = fields.String(required=True)
    description = fields.String(required=True)
    size_band = fields.String(required=True, allow_none=True, validate=validate.OneOf(SIZE_BANDS))
    year_founded = fields.Integer(required=True, allow_none=True)
    verified = fields.Boolean(required=True)
    profile_url = fields.Method("_url", required=True, metadata={"type": "string"})

    def _url(self, obj):
        return f"/companies/{obj.id}"


class CompanyListArgs(Schema):
    q = Text(200, load_default="", metadata={"description": "Words of a name, a product, a city, a sector"})
    country = Choice(("", *COUNTRIES), load_default="")
    sector = Text(
        8,
        load_default="",
        metadata={
            "description": "A NACE Rev. 2 class or division (e.g. 01.13, 0113, 01); others are ignored"
        },
    )
    city = Text(100, load_default="")
    verified = fields.Boolean(
        load_default=False, truthy={"true"}, falsy={"false"}, metadata={"description": "Verified firms only"}
    )
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=10**9))
    per_page = fields.Integer(load_default=20, validate=validate.Range(min=1, max=100))


class CompanyPageSchema(Schema):
    items = fields.List(fields.Nested(CompanySchema), required=True)
    total = fields.Integer(required=True)
    page = fields.Integer(required=True)
    per_page = fields.Integer(required=True)
