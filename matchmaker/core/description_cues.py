"""The cues of a description (pure core): the words that tell whether a firm offers or seeks what a
sentence names, in Azerbaijani, Russian and English, written as stems with their inflections and
matched on folded words (:func:`matchmaker.core.text.fold`: ə→e, ı→i, ş→s, ё→е, lower case).

A cue has a *side* (offer or need), a *kind* and a *direction*:

* kind ``verb``: a finite verb or a noun with its light verb ("поставляем", "we export", "ixrac
  edirik", "alırıq", "нужны", "lazımdır"); ``noun``: an action noun ("поставки", "экспорт",
  "satış"); ``role``: a noun naming who offers or who seeks ("поставщик", "supplier", "tədarükçü",
  "покупатель", "buyer", "alıcı"); ``seek``: a verb of searching ("ищем", "looking", "axtarırıq"),
  which turns a role around ("ищем поставщиков" = we need; "ищем покупателей" = we offer).
* direction: Russian and English put the object after the verb ("Закупаем фундук", "We export
  saffron"); Azerbaijani before it ("Pomidor ixrac edirik").

Fillers (pronouns, light and modal verbs, prepositions) may stand between the words of one cue
("we are looking for suppliers of", "Bizə … lazımdır"); negations turn a cue off ("не закупаем",
"we don't sell", "almırıq", "lazım deyil").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

__all__ = [
    "Cue",
    "NEED",
    "OFFER",
    "PREPOSITIONS",
    "SPLIT_WORDS",
    "cue_of",
    "typo_cue",
    "is_filler",
    "is_negation",
    "negates_after",
]

OFFER, NEED = "offer", "need"


@dataclass(frozen=True, slots=True)
class Cue:
    side: str  # offer | need (for a role: the side of the firm that plays it)
    kind: str  # verb | noun | role | seek
    after: bool  # the object follows (ru, en) rather than precedes (az)
    negated: bool = False  # a negative form ("almırıq", "satmırıq")


class _Table:
    """One language's cues as one alternation (the first alternative that matches wins)."""

    def __init__(self, after: bool, rows: list[tuple[str, str, str]]):
        self.cues = [Cue(side, kind, after) for _, side, kind in rows]
        self.pattern = re.compile("|".join(f"((?:{pat})\\Z)" for pat, _, _ in rows))

    def match(self, word: str) -> Cue | None:
        m = self.pattern.match(word)
        return None if m is None or m.lastindex is None else self.cues[m.lastindex - 1]


def _table(after: bool, rows: list[tuple[str, str, str]]) -> _Table:
    return _Table(after, rows)


# Order matters inside a table: roles and negative forms before the verbs they start like.
_AZ = _table(
    False,
    [
        # negative verb forms (-ma/-mə before the tense): satmırıq, almırıq, axtarmırıq
        (r"satm(?:ir|ay|az)\w*", OFFER, "neg"),
        (r"alm(?:ir|ay|az)\w*", NEED, "neg"),
        (r"axtarm\w*", NEED, "neg"),
        (r"(?:ixracatci|istehsalci|tedarukcu|satici|techizatci)\w*", OFFER, "role"),
        (r"(?:alici|idxalci|musteri|sifarisci|distribyutor|distributor|diler|bazar)\w*", NEED, "role"),
        (r"ixrac\w*|istehsal\w*|teklif\w*|tedaruk\w*|becer\w*|yetisdir\w*|goster\w*|emal\w*", OFFER, "verb"),
        (r"hazirlay\w*|buraxir\w*|techiz\w*|ixtisaslas\w*", OFFER, "verb"),
        (r"sat(?:ir|ar|is|ib|maq|mag|dig|acag|an|il)\w*", OFFER, "verb"),
        (r"satin|al(?:ir|ar|inir|maq|mag|acag|dig|iriq|iram)\w*|alis(?!qan)\w*", NEED, "verb"),
        (r"axtar\w*", NEED, "seek"),
        (r"lazim\w*|ehtiyac\w*|idxal\w*|maraq\w*|teleb\w*|gerek\w*|isteyir\w*|istey\w*", NEED, "verb"),
    ],
)
_RU = _table(
    True,
    [
        (r"(?:поставщик|производител|экспортер|изготовител|продавц|продавец|дистрибутер)\w*", OFFER, "role"),
        (r"(?:покупател|импортер|дистрибьютор|дистрибутор|дилер|клиент|заказчик|закупщик)\w*", NEED, "role"),
        (r"рын(?:ок|ки|ков|ка|ке|кам)|сбыт\w*", NEED, "role"),
        (r"поставл\w*|поставим|производ(?:им|ит|ят|ить|ил|или)", OFFER, "verb"),
        (r"прода(?:ем|ет|ют|ю|вать|вали|дим|им|м|ть)", OFFER, "verb"),
        (r"реализу\w*|экспортиру\w*|выпуска\w*|выращива\w*|изготавлива\w*|изготовля\w*", OFFER, "verb"),
        (r"предлага\w*|оказыва\w*|перерабатыва\w*|добыва\w*|торгу\w*|отгружа\w*|экспортн\w*", OFFER, "verb"),
        (r"поставк\w*|продаж\w*|производств(?:о|а|у|ом|е)|экспорт(?:а|у|ом|е)?|реализаци\w*", OFFER, "noun"),
        (r"выращивани\w*|изготовлени\w*|переработк\w*", OFFER, "noun"),
        (r"специализир\w*", OFFER, "verb"),
        (r"ищ(?:ем|ет|ут|у)|искать|поиск\w*|разыскива\w*", NEED, "seek"),
        (r"закупа\w*|закупим|закуплю|покупа\w*|куп(?:им|лю|ить)|нужн\w*|нужен|требу\w*", NEED, "verb"),
        (r"интерес(?:ует|уют|уемся|ен|на|ны|но)|заинтересован\w*|импортиру\w*|нужда\w*", NEED, "verb"),
        (r"приобрет\w*|приобрета\w*|импортн\w*|хоти\w*|хотел\w*", NEED, "verb"),
        (r"закупк\w*|закупок|импорт(?:а|у|ом|е)?|потребност\w*|спрос\w*", NEED, "noun"),
    ],
)
_EN = _table(
    True,
    [
        (r"suppliers?|producers?|manufacturers?|exporters?|sellers?|vendors?", OFFER, "role"),
        (r"growers?|makers?", OFFER, "role"),
        (r"buyers?|importers?|distributors?|dealers?|customers?|clients?|purchasers?|markets?", NEED, "role"),
        (r"exports?|exported|exporting|produc(?:e|es|ed|ing|tion)|manufactur(?:e|es|ed|ing)", OFFER, "verb"),
        (r"sell|sells|selling|sold|sales?|suppl(?:y|ies|ied|ying)|offer(?:s|ed|ing)?", OFFER, "verb"),
        (r"provid(?:e|es|ed|ing)|grow(?:s|n|ing)?|distribut(?:e|es|ed|ing|ion)", OFFER, "verb"),
        (r"speciali[sz](?:e|es|ed|ing)|engaged", OFFER, "verb"),
        (r"look|looks|looking|seek(?:s|ing)?|sought|search(?:es|ing)?", NEED, "seek"),
        (r"buy|buys|buying|bought|purchas(?:e|es|ed|ing)|imports?|imported|importing", NEED, "verb"),
        (r"need(?:s|ed|ing)?|want(?:s|ed)?|requir(?:e|es|ed|ing|ements?)|interested", NEED, "verb"),
        (r"procur(?:e|es|ed|ing|ement)|sourc(?:e|es|ed|ing)|demand", NEED, "verb"),
    ],
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that may stand inside a cue ("we are looking for", "Bizə … lazımdır", "мы являемся").
_FILLERS = _words(
    """
    we our us are is am be been being to for of in on at the a an also as actively currently
    regularly constantly partners partner would like will can could ready company firm here always
    new reliable long term wide range high quality large volumes volume in all kinds types any
    мы нам нас наша наш наши нашей компания компании фирма является являемся осуществляем
    занимаемся для по в на с у к от готовы можем будем рады постоянно регулярно активно
    один одна одно одним одной одного которые который которая сотрудничества сотрудничество
    сотрудничать сотрудничеству долгосрочного долгосрочное взаимовыгодного
    партнеров партнеры партнера партнер надежных надежные новых широкий ассортимент оптом опт
    а также это
    biz bize bizim bizi olaraq ucun ile hem hemcinin de da daim aktiv terefdas terefdaslar
    terefdaslari terefdasi sirket sirketimiz mesgul mesguluq mesguldur mesguldurur esasen
    etibarli yeni genis cesid topdan boyuk hecmde
    have has had been since now more than over years year every day cooperate cooperation work
    with together emekdasliq emekdasliga etmek
    leading largest major main key trusted professional ведущий ведущая ведущих крупный крупная
    крупнейший крупнейших надежный lider aparici en boyuk
    """
)
# Light verbs: with a noun they make its verb ("ixrac edirik", "tələb olunur", "ehtiyac var").
_LIGHT = re.compile(
    r"(?:ed(?:ir|ib|en|ek|il|ec|er|ey)|et(?:mek|dik|dir|di|ir|mis)|olun|olur|var|duy(?:ur|ub))\w*\Z"
)
_NEG_LIGHT = re.compile(r"(?:etm(?:ir|ey|ez|ir|ay)|olmur|olmay|deyil|yox)\w*\Z")
_NEGATIONS = frozenset({"не", "нет", "ни", "not", "dont", "doesnt", "never", "no", "arent", "isnt", "cannot"})
_NOT_NEGATING = frozenset({"только", "only", "just", "yalniz"})

# Words that end one listed item and start the next, besides commas and "and"/"и"/"və".
SPLIT_WORDS = _words(
    """
    but including also plus etc as well such
    а но также включая том числе т д др прочее
    hemcinin hem elece habele hemde hemin kimi
    """
)


# Prepositions that start a place, origin or purpose ("со склада в Астрахани", "to partners across
# the region"): what follows them is no item of its own.
PREPOSITIONS = _words(
    """
    со с в во на по от до к из при через
    from in to at across into for within throughout via since with by on
    """
)


# Common forms of the cues, for a cue word with a typo ("looknig", "закупаме", "axtarirq").
_TYPO_FORMS = _words(
    """
    looking export exporting exports produce produces production supply supplies supplier suppliers
    offering purchase purchasing import imports needs buying selling source sourcing manufacture
    manufacturer manufacturers exporter exporters buyers seeking interested require required
    поставляем производим продаем экспортируем закупаем покупаем нужны нужен интересуют
    интересует поставщиков поставщик покупателей импортируем предлагаем реализуем выращиваем
    требуются приобретаем поставки закупки
    ixrac ixracat edirik satiriq istehsal teklif aliriq axtaririq axtarir lazimdir tedarukcu
    tedarukcusu tedarukculeri idxal ehtiyac
    """
)
_TYPO_BY_FIRST: dict[str, list[str]] = {}
for _form in sorted(_TYPO_FORMS):
    _TYPO_BY_FIRST.setdefault(_form[0], []).append(_form)


@lru_cache(maxsize=100_000)
def typo_cue(word: str) -> Cue | None:
    """The cue of a word one typo away from a common cue form (words of six letters or more; the
    caller checks the word is no lemma word: "products" is no "produces")."""
    if len(word) < 6:
        return None
    for form in _TYPO_BY_FIRST.get(word[0], ()):
        if abs(len(form) - len(word)) <= 1 and OSA.distance(word, form, score_cutoff=1) <= 1:
            return cue_of(form)
    return None


@lru_cache(maxsize=100_000)
def cue_of(word: str) -> Cue | None:
    """The cue of one folded word (None: not a cue). A negative verb form is a negated cue."""
    if not word or len(word) < 2:
        return None
    tables = (_RU,) if "\u0400" <= word[0] <= "\u04ff" else (_EN, _AZ)
    for table in tables:
        cue = table.match(word)
        if cue is not None:
            return Cue(cue.side, "verb", cue.after, True) if cue.kind == "neg" else cue
    return None


@lru_cache(maxsize=100_000)
def is_filler(word: str) -> bool:
    """A word that may stand between the words of one cue (light verbs included)."""
    return word in _FILLERS or bool(_LIGHT.match(word))


def is_negation(word: str, following: str = "") -> bool:
    """A negation standing before what it negates ("не", "not", "don't"), unless "not only"."""
    return word in _NEGATIONS and following not in _NOT_NEGATING


@lru_cache(maxsize=100_000)
def negates_after(word: str) -> bool:
    """An Azerbaijani negation following what it negates ("lazım deyil", "ixrac etmirik", "yoxdur")."""
    return bool(_NEG_LIGHT.match(word))
