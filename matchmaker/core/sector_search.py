"""The sector picker's search: NACE titles in three languages, and the products a query names.

Pure Python. :func:`find_sectors` answers the searchable sector picker: the class titles
(:func:`matchmaker.core.sector_titles.search_classes`: a code prefix, or words of the titles in
az, ru or en, folded, so "serab" finds "şərab"), and the activities of the products the query
names in the trade lexicon (:class:`matchmaker.core.search_lexicon.ProductReader`): "вино",
"şərab" and "wine" find 11.02 (Manufacture of wine from grape) however the title is worded in the
reader's language; "чай" finds 10.83 and 46.37; "помидоры", which no title names, finds the
vegetable growers and traders (the activities of its broader concept).
"""

from __future__ import annotations

import re

from .search_lexicon import ProductReader, default_reader
from .sector_titles import ClassMatch, search_classes, title
from .text import fold

__all__ = ["find_sectors"]

_CODE_QUERY = re.compile(r"^[\d.,\s]+$")
PRODUCT_SCORE = 2.4  # a class of a product the query names ranks as a title word of its stem
BROADER_FACTOR = 0.8  # ... less when it is the activity of the product's broader concept


def find_sectors(
    query: str, lang: str = "en", limit: int = 20, reader: ProductReader | None = None
) -> list[ClassMatch]:
    """Classes for the picker, best first: ``[{"code", "title", "score"}]``, titles in ``lang``."""
    if not query or not query.strip() or limit <= 0:
        return []
    found = {m["code"]: m for m in search_classes(query, lang, limit=max(limit, 30))}
    if _CODE_QUERY.match(query.strip()):
        return list(found.values())[:limit]
    words = fold(query).split()
    if not words:
        return list(found.values())[:limit]
    reader = reader or default_reader()
    reading = reader.query(words)
    for i, r in enumerate(reading.words):
        if i in reading.consumed:
            continue
        for cid, conf in r.concepts.items():
            for code, factor in _activities(reader, cid):
                score = round(PRODUCT_SCORE * len(words) * conf * factor, 3)
                if code not in found or found[code]["score"] < score:
                    found[code] = {"code": code, "title": title(code, lang), "score": score}
    ranked = sorted(found.values(), key=lambda m: (-m["score"], m["code"]))
    return ranked[:limit]


def _activities(reader: ProductReader, cid: str) -> list[tuple[str, float]]:
    """The classes of a concept, else those of its nearest broader concept that has some."""
    codes = reader.sectors(cid)
    if codes:
        return [(c, 1.0) for c in codes]
    concept = reader.lexicon.concepts.get(cid)
    for a in concept.ancestors if concept else ():
        codes = reader.sectors(a)
        if codes:
            return [(c, BROADER_FACTOR) for c in codes]
    return []
