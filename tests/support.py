"""Constants and helpers shared by the test modules (conftest holds the fixtures)."""

from __future__ import annotations

import re

PASSWORD = "correct horse battery"

# the directory page's heading and the home page's search button, per language
DIRECTORY = {"az": "Şirkətlər kataloqu", "ru": "Каталог компаний", "en": "Company directory"}
HOME = {"az": "Kataloqda axtar", "ru": "Поиск по каталогу", "en": "Search the directory"}


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    assert match, "no CSRF token on the page"
    return match.group(1)
