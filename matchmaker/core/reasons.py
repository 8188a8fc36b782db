"""Reasons for a suggestion and their wording in en / ru / az (pure core).

A :class:`Reason` is data (which items, which concepts, how they relate); :func:`render_reason`
writes it as a sentence in the reader's language, quoting the firms' own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .concepts import Lexicon, default_lexicon
from .sectors import affinity_reason

__all__ = ["Reason", "render_reason"]


@dataclass(slots=True)
class Reason:
    """Why a partner is suggested; :func:`render_reason` turns it into en / ru / az text.

    ``kind``: offer_need (you offer, they need), need_offer (you need, they offer),
    related_product (same HS heading / product group / HS chapter, see ``relation`` and
    ``direction``), sector, language, verified."""

    kind: str
    own_item: str = ""
    partner_item: str = ""
    concept: str = ""
    partner_concept: str = ""
    # how the partner's concept relates to ours: exact | broader | narrower | free | heading |
    # group | chapter
    relation: str = ""
    direction: str = ""  # related_product: offer_need | need_offer
    detail: str = ""  # related_product: the shared HS heading, group id or HS chapter
    sectors: tuple[str, ...] = ()  # sector: (own code, partner code)
    languages: tuple[str, ...] = ()
    weight: float = 0.0
    own_quote: str = ""  # our item was read in our description: the sentence
    partner_quote: str = ""  # their item was read in their description: the sentence


_Q = {"en": ("\u201c", "\u201d"), "ru": ("\u00ab", "\u00bb"), "az": ("\u00ab", "\u00bb")}
_LANG_NAMES = {
    "en": {"az": "Azerbaijani", "ru": "Russian", "en": "English", "tr": "Turkish"},
    "ru": {"az": "азербайджанский", "ru": "русский", "en": "английский", "tr": "турецкий"},
    "az": {"az": "Azərbaycan dili", "ru": "rus dili", "en": "ingilis dili", "tr": "türk dili"},
}
_TEMPLATES = {
    "en": {
        "offer_need": "You offer {own}; they seek {partner}",
        "need_offer": "You seek {own}; they offer {partner}",
        "related_offer_need": "Related products: you offer {own}; they seek {partner} ({why})",
        "related_need_offer": "Related products: you seek {own}; they offer {partner} ({why})",
        "heading": "same HS heading {d}",
        "chapter": "same HS chapter {d}",
        "group": "same product group: {d}",
        "sector_same": "Same activity: NACE {a}",
        "sector": "Related activities: NACE {a} and {b}",
        "language": "Common working language: {langs}",
        "verified": "Verified company",
        "from_theirs": "from their description: {q}",
        "from_yours": "from your description: {q}",
    },
    "ru": {
        "offer_need": "Вы предлагаете {own}; они ищут {partner}",
        "need_offer": "Вы ищете {own}; они предлагают {partner}",
        "related_offer_need": "Смежные товары: вы предлагаете {own}; они ищут {partner} ({why})",
        "related_need_offer": "Смежные товары: вы ищете {own}; они предлагают {partner} ({why})",
        "heading": "одна товарная позиция ТН ВЭД {d}",
        "chapter": "одна группа ТН ВЭД {d}",
        "group": "одна товарная группа: {d}",
        "sector_same": "Тот же вид деятельности: ОКВЭД {a}",
        "sector": "Смежные виды деятельности: ОКВЭД {a} и {b}",
        "language": "Общий рабочий язык: {langs}",
        "verified": "Проверенная компания",
        "from_theirs": "из их описания: {q}",
        "from_yours": "из вашего описания: {q}",
    },
    "az": {
        "offer_need": "Siz {own} təklif edirsiniz; onlar {partner} axtarır",
        "need_offer": "Siz {own} axtarırsınız; onlar {partner} təklif edir",
        "related_offer_need": "Əlaqəli məhsullar: siz {own} təklif edirsiniz; onlar "
        "{partner} axtarır ({why})",
        "related_need_offer": "Əlaqəli məhsullar: siz {own} axtarırsınız; onlar {partner} "
        "təklif edir ({why})",
        "heading": "eyni HS mövqeyi {d}",
        "chapter": "eyni HS fəsli {d}",
        "group": "eyni məhsul qrupu: {d}",
        "sector_same": "Eyni fəaliyyət sahəsi: NACE {a}",
        "sector": "Əlaqəli fəaliyyət sahələri: NACE {a} və {b}",
        "language": "Ortaq iş dili: {langs}",
        "verified": "Təsdiqlənmiş şirkət",
        "from_theirs": "onların təsvirindən: {q}",
        "from_yours": "sizin təsvirinizdən: {q}",
    },
}


def render_reason(reason: Reason, lang: str = "en", lexicon: Lexicon | None = None) -> str:
    """One reason as a sentence in ``lang`` (en, ru, az); the firms' own words stay quoted."""
    lang = lang if lang in _TEMPLATES else "en"
    t = _TEMPLATES[lang]
    qo, qc = _Q[lang]
    own, partner = f"{qo}{reason.own_item}{qc}", f"{qo}{reason.partner_item}{qc}"
    if reason.own_quote:
        own += " (" + t["from_yours"].format(q=f"{qo}{reason.own_quote}{qc}") + ")"
    if reason.partner_quote:
        partner += " (" + t["from_theirs"].format(q=f"{qo}{reason.partner_quote}{qc}") + ")"
    k = reason.kind
    if k in ("offer_need", "need_offer"):
        return t[k].format(own=own, partner=partner)
    if k == "related_product":
        d = reason.detail
        if reason.relation == "group":
            lex = lexicon if lexicon is not None else default_lexicon()
            d = lex.group_name(d, lang)
        why = t.get(reason.relation, t["group"]).format(d=d)
        direction = reason.direction if reason.direction in ("offer_need", "need_offer") else "offer_need"
        return t["related_" + direction].format(own=own, partner=partner, why=why)
    if k == "sector":
        a, b = (tuple(reason.sectors) + ("", ""))[:2]
        return _sector_text(a, b, lang)
    if k == "language":
        return _language_text(tuple(reason.languages), lang)
    if k == "verified":
        return t["verified"]
    return k


@lru_cache(maxsize=8192)
def _sector_text(a: str, b: str, lang: str) -> str:
    """A sector reason's sentence (the same few pairs again and again: worked out once)."""
    text = affinity_reason(a, b, lang)
    if text:
        return text
    t = _TEMPLATES[lang]
    return t["sector_same"].format(a=a) if a == b else t["sector"].format(a=a, b=b)


@lru_cache(maxsize=1024)
def _language_text(languages: tuple[str, ...], lang: str) -> str:
    names = _LANG_NAMES[lang]
    return _TEMPLATES[lang]["language"].format(langs=", ".join(names.get(x, x) for x in languages))
