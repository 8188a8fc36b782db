"""What the platform read in a firm's description, for its profile editor: the products and
services it names on each side, the words it did not recognise with the nearest concepts, and the
one-click addition of a read item to the structured lists."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _

from ..core.concepts import Lexicon
from ..core.descriptions import DescribedItem, read_description, read_descriptions
from ..core.lexicon_gaps import nearest_concepts
from ..core.profiles import MAX_ITEMS
from ..errors import DomainError
from ..lexicon.current import current_lexicon
from .models import Company
from .services import update_company

SIDES = ("offer", "need")
_COLUMN = {"offer": "offers", "need": "needs"}


@dataclass(slots=True)
class ReadItem:
    side: str
    concept: str
    name: str  # the concept's name in the reader's language
    text: str  # the description's words
    listed: bool  # already in the structured list of that side


@dataclass(slots=True)
class UnknownWord:
    word: str
    side: str
    suggestions: list[str]  # names of the nearest concepts, in the reader's language


@dataclass(slots=True)
class Understood:
    offers: list[ReadItem] = field(default_factory=list)
    needs: list[ReadItem] = field(default_factory=list)
    unknown: list[UnknownWord] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.offers or self.needs or self.unknown)


def _listed(lexicon: Lexicon, company: Company, side: str) -> set[str]:
    texts = list(getattr(company, _COLUMN[side]) or [])
    return {h.concept for hits in lexicon.analyze_many(texts) for h in hits if not h.free}


def _items(lexicon: Lexicon, company: Company) -> list[DescribedItem]:
    return list(read_description(lexicon, company.description or "").items)


def understood(company: Company, lang: str) -> Understood:
    """What the firm's description says, as the editor shows it (nothing for an empty one)."""
    out = Understood()
    if not (company.description or "").strip():
        return out
    lexicon = current_lexicon()
    reading = read_description(lexicon, company.description)
    listed = {side: _listed(lexicon, company, side) for side in SIDES}
    for d in reading.items:
        item = ReadItem(
            d.side, d.concept, lexicon.concept(d.concept).name(lang), d.text, d.concept in listed[d.side]
        )
        (out.offers if d.side == "offer" else out.needs).append(item)
    for word, side in reading.unknown[:12]:
        names = [lexicon.concept(c).name(lang) for c in nearest_concepts(lexicon, word)]
        out.unknown.append(UnknownWord(word, side, names))
    return out


def add_read_item(company: Company, side: str, concept: str, lang: str) -> str:
    """Add a product or service read in the description to the structured list of its side, under
    the concept's name in ``lang``; the name added. Refused when the description does not name it
    on that side, or the list has it already or is full."""
    if side not in SIDES:
        raise DomainError(_("Choose what you offer or what you are looking for."), field="side")
    lexicon = current_lexicon()
    if not any(d.side == side and d.concept == concept for d in _items(lexicon, company)):
        raise DomainError(_("Your description does not name this."), field="concept")
    if concept in _listed(lexicon, company, side):
        raise DomainError(_("This is in your list already."), field="concept")
    column = _COLUMN[side]
    current = list(getattr(company, column) or [])
    if len(current) >= MAX_ITEMS:
        raise DomainError(_("At most %(max)d items.", max=MAX_ITEMS), field=column)
    name = lexicon.concept(concept).name(lang)
    update_company(company, {column: [*current, name]})
    return name


@dataclass(slots=True)
class DerivedRow:
    """What one imported row's description names beyond its lists (a dry run reports it)."""

    line: int
    external_id: str
    offers: list[str]  # concept names (English)
    needs: list[str]
    unknown: list[str]
    offer_ids: list[str] = field(default_factory=list)
    need_ids: list[str] = field(default_factory=list)

    def names(self, lang: str) -> tuple[list[str], list[str]]:
        """The offers and needs read, named in ``lang``."""
        lexicon = current_lexicon()
        return (
            [lexicon.concept(c).name(lang) for c in self.offer_ids],
            [lexicon.concept(c).name(lang) for c in self.need_ids],
        )


def derive(rows: list[tuple[int, dict]]) -> list[DerivedRow]:
    """For the rows with a description (``(line, cleaned record)``): the items the engine will
    read in it, those already listed on the same side left out."""
    lexicon = current_lexicon()
    todo = [(line, rec) for line, rec in rows if (rec.get("description") or "").strip()]
    readings = read_descriptions(lexicon, (rec["description"] for _line, rec in todo))
    out = []
    for (line, rec), reading in zip(todo, readings, strict=True):
        got: dict[str, list[str]] = {"offer": [], "need": []}
        for side in SIDES:
            listed = {h.concept for hits in lexicon.analyze_many(rec.get(_COLUMN[side]) or []) for h in hits}
            got[side] = [d.concept for d in reading.side(side) if d.concept not in listed]
        unknown = [w for w, _side in reading.unknown]
        en = [[lexicon.concept(c).name("en") for c in got[side]] for side in SIDES]
        ext = str(rec.get("external_id") or "")
        out.append(DerivedRow(line, ext, en[0], en[1], unknown, got["offer"], got["need"]))
    return out
