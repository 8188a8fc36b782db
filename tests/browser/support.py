"""Constants shared by the browser tests (conftest holds the fixtures): where Chromium is, the marks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "matchmaker" / "translations"


def _find_chromium() -> str | None:
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    return shutil.which("chromium")


CHROMIUM = _find_chromium()
try:
    import playwright.sync_api  # noqa: F401
except ImportError:  # pragma: no cover - dev extras not installed
    HAVE_PLAYWRIGHT = False
else:
    HAVE_PLAYWRIGHT = True

SKIP_REASON = (
    "browser tests need Debian's Chromium at /usr/bin/chromium (apt-get install chromium)"
    if not CHROMIUM
    else "browser tests need the playwright Python package (pip install -e '.[dev]')"
)
NO_BROWSER = not (CHROMIUM and HAVE_PLAYWRIGHT)

# Test modules use: pytestmark = BROWSER_MARKS
BROWSER_MARKS = [pytest.mark.browser, pytest.mark.skipif(NO_BROWSER, reason=SKIP_REASON)]


def catalog_translation(lang: str, msgid: str) -> str | None:
    """The catalog's translation of ``msgid`` for ``lang`` (None when missing or empty)."""
    po = TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        return None
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    message = catalog.get(msgid)
    if message is None or not message.string:
        return None
    return message.string if isinstance(message.string, str) else message.string[0]
