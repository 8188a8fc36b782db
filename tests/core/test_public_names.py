"""The public faces of the split core modules keep every name importers use.

concepts, sectors and search were each cut into several modules; their old import paths stay
the way in (the matching engine, the feature packages, bench scripts), so every name they list
must resolve there and be the very object its new home module defines.
"""

import importlib

import pytest

FACES = {
    "matchmaker.core.concepts": {
        "Concept": "matchmaker.core.lexicon",
        "ConceptHit": "matchmaker.core.lexicon",
        "token_key": "matchmaker.core.lexicon",
        "FreeConceptIndex": "matchmaker.core.fuzzy",
        "free_similarity": "matchmaker.core.fuzzy",
        "max_edits": "matchmaker.core.fuzzy",
        "Lexicon": "matchmaker.core.concepts",
        "default_lexicon": "matchmaker.core.concepts",
    },
    "matchmaker.core.sectors": {
        "LANGS": "matchmaker.core.sector_codes",
        "load_nace": "matchmaker.core.sector_codes",
        "normalize_code": "matchmaker.core.sector_codes",
        "is_valid_code": "matchmaker.core.sector_codes",
        "is_valid_class": "matchmaker.core.sector_codes",
        "level_of": "matchmaker.core.sector_codes",
        "section_of": "matchmaker.core.sector_codes",
        "division_of": "matchmaker.core.sector_codes",
        "group_of": "matchmaker.core.sector_codes",
        "parent_of": "matchmaker.core.sector_codes",
        "ancestors": "matchmaker.core.sector_codes",
        "children": "matchmaker.core.sector_codes",
        "classes_under": "matchmaker.core.sector_codes",
        "all_classes": "matchmaker.core.sector_codes",
        "title": "matchmaker.core.sector_titles",
        "label": "matchmaker.core.sector_titles",
        "search_classes": "matchmaker.core.sector_titles",
        "LEVEL_SCORES": "matchmaker.core.sectors",
        "COARSE_LINK_FACTOR": "matchmaker.core.sectors",
        "load_links": "matchmaker.core.sectors",
        "sector_affinity": "matchmaker.core.sectors",
        "sector_affinity_many": "matchmaker.core.sectors",
        "affinity_reason": "matchmaker.core.sectors",
        "affinity_detail": "matchmaker.core.sectors",
    },
    "matchmaker.core.search": {
        "SearchDoc": "matchmaker.core.search",
        "SearchIndex": "matchmaker.core.search",
        "LEGAL_FORMS": "matchmaker.core.search_terms",
        "lexicon_expander": "matchmaker.core.search_terms",
        "token_weight": "matchmaker.core.search_terms",
    },
}


@pytest.mark.parametrize("face", sorted(FACES))
def test_face_exports_the_names(face):
    module = importlib.import_module(face)
    assert set(FACES[face]) <= set(module.__all__)
    assert all(hasattr(module, name) for name in module.__all__)


@pytest.mark.parametrize(
    ("face", "name", "home"), [(f, n, h) for f, names in FACES.items() for n, h in names.items()]
)
def test_name_is_the_object_of_its_home_module(face, name, home):
    assert getattr(importlib.import_module(face), name) is getattr(importlib.import_module(home), name)
