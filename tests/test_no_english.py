"""Nothing English on an Azerbaijani or Russian page.

Signed in as a member of an Azerbaijani firm (and as the Baku center's staff for the staff pages),
the crawler reads the home page, the centers, a room (day and week), the booking page, the meetings
list and a meeting, the day agenda, the brokerage days and one of them with its agenda, the
notifications and the account page, in az and in ru, and fails on any English word it sees.

What counts as seen: the text of the page (tags stripped, scripts and styles dropped) and the
attributes people read (``title``, ``placeholder``, ``aria-label``, ``alt``). Not counted: what
users wrote themselves (firm names, a meeting's topic, e-mail addresses, URLs, the values in the
staff forms' English inputs), the language switcher and the interface-language choice (each
language named in itself, as the W3C recommends), and a few names that are the same in every
language here (:data:`NEUTRAL`).

What counts as English: on a Russian page, any word in Latin letters; on an Azerbaijani page (Latin
script too) any word of the English vocabulary: the words of the catalog's message ids, of the
seeded English names and of Babel's English day and month names, minus the words that Azerbaijani
itself uses in its catalog.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
from babel.dates import get_day_names, get_month_names
from babel.messages.pofile import read_po

import matchmaker
from matchmaker.centers.holidays import all_names as holiday_names
from matchmaker.centers.seed import CENTERS
from tests.journey_world import CITIES, FIRMS, PEOPLE, TOPIC, journey_world

TRANSLATIONS = Path(matchmaker.__file__).resolve().parent / "translations"
# the same in every language of this site: the brand, a standard's name, codes
NEUTRAL = {"matchmaker", "wi", "fi", "utc", "az", "ru", "csv", "xlsx", "ics", "api"}


def _catalog(lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        return read_po(fh, locale=lang)


def _words(text: str) -> set[str]:
    """The words in Latin letters (English and Azerbaijani ones), lower case."""
    return {w.lower() for w in re.findall(r"[A-Za-zƏəĞğİıÖöŞşÜüÇç]+", text) if len(w) > 1}


def _english_vocabulary() -> set[str]:
    words: set[str] = set()
    for message in _catalog("az"):
        if message.id:
            ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
            for msgid in ids:
                words |= _words(re.sub(r"%\(\w+\)[sd]", " ", msgid))
    for center in CENTERS:
        for field in ("name", "city", "address", "description"):
            words |= _words(center[field]["en"])
        for names, *_rest in center["rooms"]:
            words |= _words(names["en"])
    for names in holiday_names():
        words |= _words(names["en"])
    for width in ("wide", "abbreviated"):
        words |= _words(" ".join(get_day_names(width, locale="en").values()))
        words |= _words(" ".join(get_month_names(width, locale="en").values()))
    words |= {"min", "asia", "europe", "baku", "astrakhan", "moscow"}
    return words - _azerbaijani_vocabulary() - NEUTRAL


def _azerbaijani_vocabulary() -> set[str]:
    """Words Azerbaijani uses here too ("Novruz", "mart", "may"): its catalog, the seeded names,
    Babel's Azerbaijani day and month names."""
    words: set[str] = set()
    for message in _catalog("az"):
        strings = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        for s in strings:
            words |= _words(re.sub(r"%\(\w+\)[sd]", " ", s or ""))
    for center in CENTERS:
        words |= _words(center["name"]["az"] + " " + center["city"]["az"])
        for names, *_rest in center["rooms"]:
            words |= _words(names["az"])
    for names in holiday_names():
        words |= _words(names["az"])
    for width in ("wide", "abbreviated"):
        words |= _words(" ".join(get_day_names(width, locale="az").values()))
        words |= _words(" ".join(get_month_names(width, locale="az").values()))
    return words


ENGLISH = _english_vocabulary()


def visible_text(page: str) -> str:
    """What a person reads on the page, without what users wrote themselves."""
    page = re.sub(r"(?is)<(script|style|code)\b.*?</\1>", " ", page)  # code: API token prefixes
    page = re.sub(r'(?is)<nav class="langs".*?</nav>', " ", page)  # AZ RU EN, each language named in itself
    page = re.sub(r'(?is)<span class="logo logo-initials[^"]*"[^>]*>.*?</span>', " ", page)  # firms' initials
    page = re.sub(r'(?is)<select[^>]*name="locale".*?</select>', " ", page)
    page = re.sub(
        r'(?is)<(input|textarea)[^>]*\blang="en"[^>]*>(.*?</textarea>)?', " ", page
    )  # English inputs
    attributes = re.findall(r'(?i)\b(?:title|placeholder|aria-label|alt)="([^"]*)"', page)
    text = re.sub(r"(?s)<[^>]+>", " ", page) + " " + " ".join(attributes)
    text = htmllib.unescape(text)
    for firm in FIRMS + CITIES + PEOPLE + (TOPIC,):
        text = text.replace(firm, " ")
    text = re.sub(r"\S+@\S+", " ", text)  # e-mail addresses
    text = re.sub(r"(https?://|/)\S*", " ", text)  # URLs and paths
    return text


def english_words(page: str, lang: str) -> list[str]:
    words = _words(visible_text(page))
    if lang == "ru":  # Cyrillic: any word in Latin letters (English or Azerbaijani) is foreign
        return sorted(words - NEUTRAL)
    return sorted(words & ENGLISH)


def test_the_detector_sees_english():
    page = '<p title="Monday">Bazar ertəsi 10:00, <b>Baku time</b> · 30 min</p><nav class="langs">EN</nav>'
    assert english_words(page, "az") == ["baku", "min", "monday", "time"]
    assert english_words("<p>Переговорная 1 · projector</p>", "ru") == ["projector"]
    assert english_words("<p>Переговорная 1 · Wi-Fi, Matchmaker, ООО Волга Агро</p>", "ru") == []
    assert english_words("<p>Переговорная · Kür danışıqlar otağı</p>", "ru") == ["danışıqlar", "kür", "otağı"]
    assert english_words('<input lang="en" value="Meeting room 1"><p>Danışıqlar otağı 1</p>', "az") == []


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_no_english_word_on_az_and_ru_pages(client, factory, lang):
    w, pages = journey_world(factory, client)
    found: dict[str, list[str]] = {}
    for role, user in (("anonymous", None), ("member", w.az_user), ("staff", w.staff_baku)):
        if user is None:
            client.post("/logout")
        else:
            w.login(user)
        client.get(f"/?lang={lang}")
        for path in pages[role]:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
            page = response.get_data(as_text=True)
            assert f'<html lang="{lang}">' in page, path
            if path == "/centers":  # the crawler reads real text
                assert {"az": "proyektor", "ru": "проектор"}[lang] in visible_text(page)
            words = english_words(page, lang)
            if words:
                found[path] = words
    assert not found, f"English on {lang} pages:\n" + "\n".join(
        f"  {p}: {', '.join(ws)}" for p, ws in found.items()
    )
