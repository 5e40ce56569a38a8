"""A hole in a Hebrew or Arabic word filled with the one candidate that makes it a word.

The lexicon (:mod:`.lexicon`) knows Latin, Cyrillic and Greek words; a Hebrew
letter that lost its byte under cp1252 is ``א`` or ``ם``, and at a word's end the
spelling leaves both (:mod:`.spelling`).  wordfreq lists the words of Hebrew,
Arabic, Persian and Urdu: ``ניבי`` and a lost letter is ``ניבים``, no ``ניביא``.
Only a whole word around a single hole is looked up, and only a word a thousand
times as common as any rival is taken (``קרא`` and ``קרם`` are both words).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from cleantext.repair.language import frequencies, zipf_of
from cleantext.repair.score import script_of

__all__ = ["word_fill"]

#: The wordfreq lists of each script, as :func:`.score.script_of` names it.
_LANGUAGES = {"HEBREW": ("he",), "ARABIC": ("ar", "fa", "ur")}
#: The word taken must be this common (Zipf) ...
_COMMON = 3.0
#: ... and this much more than any word another candidate makes.
_MARGIN = 3.0


def word_fill(before: str, candidates: Sequence[str], after: str) -> str | None:
    """The candidate between ``before`` and ``after`` (the letters of the word on each
    side, read back) that makes a listed word far commoner than the others make."""
    scripts = {script_of(char) for char in candidates if char.isalpha()}
    if len(scripts) != 1 or (script := scripts.pop()) not in _LANGUAGES:
        return None
    zipfs = sorted(
        ((_zipf(before + char + after, _LANGUAGES[script]), char) for char in candidates),
        reverse=True,
    )
    (best, char), runner_up = zipfs[0], (zipfs[1][0] if len(zipfs) > 1 else 0.0)
    return char if best >= _COMMON and best - runner_up >= _MARGIN else None


def _zipf(word: str, languages: tuple[str, ...]) -> float:
    """The word's Zipf frequency in the commonest of ``languages``, its marks left out
    as wordfreq lists words (a vowel sign that lost its byte makes the word without
    it); 0 for a word of fewer than two letters."""
    key = "".join(char for char in word if not unicodedata.category(char).startswith("M"))
    if len(key) < 2:
        return 0.0
    return max(zipf_of(listed.get(key, 0.0)) for listed in map(frequencies, languages) if listed)
