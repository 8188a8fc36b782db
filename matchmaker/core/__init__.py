"""The domain core of Matchmaker: pure Python, typed, no Flask and no SQLAlchemy.

Everything here works on plain values and the packaged data files (``matchmaker/data``), so it
is fast and testable alone; the feature packages call it from their services.

* Text: :mod:`~matchmaker.core.text` (folding, transliteration, phonetic keys across
  Azerbaijani Latin, Russian Cyrillic and English), :mod:`~matchmaker.core.morphology` (stems).
* Trade lexicon and concepts: :mod:`~matchmaker.core.lexicon` (records, data model, lemma
  index), :mod:`~matchmaker.core.fuzzy` (typo tolerance, spelling correction, free concepts),
  :mod:`~matchmaker.core.concepts` (analysis of a firm's item; the public face).
* NACE sectors: :mod:`~matchmaker.core.sector_codes` (code table, normalisation),
  :mod:`~matchmaker.core.sector_titles` (titles, title search), :mod:`~matchmaker.core.sectors`
  (sector affinity; the public face), :mod:`~matchmaker.core.sector_search` (the sector picker's
  search: titles and the products a query names).
* Directory search: :mod:`~matchmaker.core.search_terms` (words and weights),
  :mod:`~matchmaker.core.search_vocab` (vocabulary, fuzzy word matching, nearest spellings),
  :mod:`~matchmaker.core.search_lexicon` (product words through the trade lexicon),
  :mod:`~matchmaker.core.search_effects` (the query plan), :mod:`~matchmaker.core.search` (the
  index, its ranking and the relevance floor), :mod:`~matchmaker.core.places` (towns in any
  script).
* Company records: :mod:`~matchmaker.core.profiles` (validation and normalisation).
* The matching engine (partner suggestions), meeting times (:mod:`~matchmaker.core.timeslots`)
  and brokerage-day scheduling.
"""
