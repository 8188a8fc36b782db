"""Firm logos: checked, re-encoded and cleaned by Pillow, served safely; bad files refused clearly."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from matchmaker.companies import logos
from matchmaker.extensions import db
from tests.support import PASSWORD


def _image(fmt="PNG", size=(900, 600), colour=(200, 30, 30), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=fmt, **save)
    return out.getvalue()


def _jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0131] = "Secret editor 1.0"  # Software
    return _image("JPEG", exif=exif.tobytes())


@pytest.fixture
def firm(client, factory):
    company = factory.company(name="Gəncə Aqro MMC")
    factory.user(email="member@az.example", company=company)
    client.post("/login", data={"email": "member@az.example", "password": PASSWORD})
    return company


def _upload(client, company, data: bytes, filename="logo.png", mimetype="image/png"):
    return client.post(
        f"/companies/{company.id}/logo",
        data={"logo": (io.BytesIO(data), filename, mimetype)},
        content_type="multipart/form-data",
    )


def test_a_logo_is_reencoded_resized_stripped_and_served_safely(client, firm):
    r = _upload(client, firm, _jpeg_with_exif(), "photo.jpg", "image/jpeg")
    assert r.status_code == 302
    db.session.refresh(firm)
    stored = Image.open(io.BytesIO(firm.logo))
    assert stored.format == "PNG"
    assert max(stored.size) == logos.SIZE
    assert b"SecretCam" not in firm.logo
    assert b"Secret editor" not in firm.logo
    assert not stored.getexif()
    assert "icc_profile" not in stored.info
    served = client.get(f"/companies/{firm.id}/logo")
    assert served.status_code == 200
    assert served.mimetype == "image/png"
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in served.headers["Content-Security-Policy"]
    assert served.data == firm.logo
    html = client.get("/companies").get_data(as_text=True)
    assert f"/companies/{firm.id}/logo?v=" in html
    assert f"/companies/{firm.id}/logo?v=" in client.get(f"/companies/{firm.id}").get_data(as_text=True)


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_png_and_webp_are_taken(client, firm, fmt):
    assert _upload(client, firm, _image(fmt, size=(120, 80))).status_code == 302
    db.session.refresh(firm)
    assert Image.open(io.BytesIO(firm.logo)).size == (120, 80)


def test_without_a_logo_the_initials_stand_in(client, firm, factory):
    html = client.get("/companies").get_data(as_text=True)
    assert 'class="logo logo-initials logo-' in html
    assert ">GA</span>" in html
    assert client.get(f"/companies/{firm.id}/logo").status_code == 404


SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)


def _bomb() -> bytes:
    """A real 1x1 PNG whose header claims 30000 x 30000 pixels (a decompression bomb's shape)."""
    png = bytearray(_image("PNG", size=(1, 1)))
    ihdr = bytearray(png[16:29])
    ihdr[0:8] = struct.pack(">II", 30000, 30000)
    png[16:29] = ihdr
    png[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(ihdr)) & 0xFFFFFFFF)
    return bytes(png)


@pytest.mark.parametrize(
    "label, data, message",
    [
        ("polyglot html", _image() + b"<html><script>alert(1)</script></html>", "more than an image"),
        ("polyglot zip", _image() + b"PK\x03\x04" + b"\x00" * 40, "more than an image"),
        ("php in jpeg", _image("JPEG", comment=b"<?php system($_GET['c']); ?>"), "more than an image"),
        ("svg", SVG, "PNG, JPEG or WebP"),
        ("svg named png", SVG, "PNG, JPEG or WebP"),
        ("gif", _image("GIF", size=(10, 10)), "PNG, JPEG or WebP"),
        ("bomb", _bomb(), "too many pixels"),
        ("broken", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100 + b"IEND\xaeB`\x82", "cannot be read"),
        ("3 MB", b"\x89PNG\r\n\x1a\n" + b"\x00" * (3 * 1024 * 1024), "at most 2 MB"),
        ("empty", b"", "Choose an image file"),
    ],
)
def test_bad_files_are_refused_on_the_logo_field(client, firm, label, data, message):
    r = _upload(client, firm, data)
    assert r.status_code == 422, label
    html = r.get_data(as_text=True)
    assert message in html, label
    assert 'id="logo-error"' in html, label
    db.session.refresh(firm)
    assert firm.logo is None
    assert firm.logo_updated_at is None


def test_a_20_mb_image_is_refused_before_it_is_read(client, firm):
    big = _image("PNG", size=(10, 10)) + b"\x00" * (20 * 1024 * 1024)
    r = _upload(client, firm, big)
    assert r.status_code == 413
    assert "The upload is larger than allowed." in r.get_data(as_text=True)
    db.session.refresh(firm)
    assert firm.logo is None


def test_only_the_firm_and_staff_change_a_logo_and_a_hidden_firms_logo_is_not_served(client, firm, factory):
    other = factory.company(name="Şəki İpək")
    assert _upload(client, other, _image()).status_code == 403
    assert _upload(client, firm, _image()).status_code == 302
    client.post(f"/companies/{firm.id}/logo", data={"remove": "1"})
    db.session.refresh(firm)
    assert firm.logo is None
    _upload(client, firm, _image())
    firm.hidden = True
    db.session.commit()
    client.post("/logout")
    assert client.get(f"/companies/{firm.id}/logo").status_code == 404
