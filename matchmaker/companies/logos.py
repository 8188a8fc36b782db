"""Firm logos: an upload is checked, decoded by Pillow, re-encoded as PNG and resized, with every
byte of the original dropped (metadata, colour profiles, anything hidden after the image).

Refused, each with a message for the form's ``logo`` field: more than 2 MB; anything but a PNG,
JPEG or WebP image as its bytes say (the file's name and declared type are not trusted: an SVG, an
HTML page or a script called ``logo.png`` is refused); a file with data before or after the image
(a polyglot: an image that is also an HTML page, a ZIP archive or a script); more pixels than a
logo can need (a decompression bomb: a few kilobytes that would unpack into gigabytes).
"""

from __future__ import annotations

import io
import re
import warnings

from flask_babel import lazy_gettext as _l
from PIL import Image, ImageOps, UnidentifiedImageError

from ..dbtypes import utcnow
from ..errors import DomainError
from ..extensions import db

MAX_BYTES = 2 * 1024 * 1024
MAX_PIXELS = 24_000_000  # 6000 x 4000: more than any photo of a logo
MAX_SIDE = 12_000
SIZE = 400  # the stored logo fits in SIZE x SIZE
FORMATS = {"PNG", "JPEG", "WEBP"}
MIMETYPE = "image/png"
# markup or code inside an image file: the signs of a polyglot
_FOREIGN = re.compile(rb"<(?:\?php|script|html|!doctype|iframe)|PK\x03\x04|%PDF-", re.IGNORECASE)


def _refuse(message) -> DomainError:
    return DomainError(str(message), field="logo")


def _kind(data: bytes) -> str | None:
    """The format the bytes start with (never the file's name or declared type)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def _ends_with_the_image(data: bytes, kind: str) -> bool:
    """Nothing after the image's own end (where a polyglot keeps its second file)."""
    if kind == "PNG":
        return data.endswith(b"IEND\xaeB`\x82") and data.count(b"IEND") == 1
    if kind == "JPEG":
        return data.endswith(b"\xff\xd9")
    return int.from_bytes(data[4:8], "little") + 8 == len(data)  # WebP: RIFF size covers it all


def clean_logo(data: bytes) -> bytes:
    """The PNG to store for an uploaded file, or DomainError (field ``logo``) saying why not."""
    if not data:
        raise _refuse(_l("Choose an image file."))
    if len(data) > MAX_BYTES:
        raise _refuse(_l("The logo may be at most 2 MB."))
    kind = _kind(data)
    if kind is None:
        raise _refuse(
            _l("The logo must be a PNG, JPEG or WebP image (SVG and other files are not accepted).")
        )
    if not _ends_with_the_image(data, kind) or _FOREIGN.search(data):
        raise _refuse(_l("This file holds more than an image; save the logo again as a plain image."))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=[kind])
            width, height = image.size
            if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                raise _refuse(_l("The image has too many pixels for a logo; make it smaller."))
            image.load()
            image = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _refuse(_l("The image has too many pixels for a logo; make it smaller.")) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise _refuse(_l("The image cannot be read; save it again as PNG, JPEG or WebP.")) from None
    if getattr(image, "n_frames", 1) > 1:
        image.seek(0)
    image = image.convert("RGBA")
    image.thumbnail((SIZE, SIZE), Image.Resampling.LANCZOS)
    clean = Image.new("RGBA", image.size)
    clean.paste(image)  # a new image: no metadata, no colour profile, nothing of the original file
    out = io.BytesIO()
    clean.save(out, format="PNG", optimize=True)
    return out.getvalue()


def set_logo(company, data: bytes) -> None:
    company.logo = clean_logo(data)
    company.logo_updated_at = utcnow()
    db.session.flush()


def remove_logo(company) -> None:
    company.logo = None
    company.logo_updated_at = None
    db.session.flush()
