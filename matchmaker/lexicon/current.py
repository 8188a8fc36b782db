"""The trade lexicon the application reads with: the packaged one plus the staff's additions."""

from __future__ import annotations

from ..core.concepts import Lexicon, default_lexicon


def current_lexicon() -> Lexicon:
    """The lexicon of this process (the packaged one, with the staff's additions once loaded)."""
    return default_lexicon()
