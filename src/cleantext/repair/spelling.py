"""Where a character may stand in a word, by the spelling of its script alone.

A lost byte leaves a few candidates; some of them no word writes where the hole
is, whatever the language: a combining mark needs a letter before it, the Hebrew
shin and sin dots need a shin, and a Hebrew final form ends its word.  Where the
rules leave one candidate, the hole is decided without a lexicon (``×ין``, Hebrew
that lost the byte of ``א`` or ``ם``, begins a word, so it is ``אין``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from cleantext.repair.cluster import LOST

__all__ = ["fitting"]

#: Hebrew letters written only at the end of a word.
_FINAL_FORMS = frozenset("ךםןףץ")
#: Marks that only a shin takes (U+05C1 SHIN DOT, U+05C2 SIN DOT).
_SHIN_DOTS = frozenset("\u05c1\u05c2")
_SHIN = "ש"


def fitting(candidates: Iterable[str], before: str, letter_after: bool) -> list[str]:
    """The ``candidates`` that may stand after ``before`` (what precedes the hole in
    its word, read back, U+FFFD for a character lost too; empty at a word's start)
    and before a letter, if ``letter_after`` (a letter for certain: a final form may
    take a mark).  Unassigned code points stand nowhere."""
    base = _base_of(before)
    return [
        char
        for char in candidates
        if unicodedata.category(char) != "Cn" and _may_stand(char, base, letter_after)
    ]


def _may_stand(char: str, base: str, letter_after: bool) -> bool:
    if _is_mark(char):
        if base == LOST:  # lost too: it may have been any letter
            return True
        return base.isalpha() and (char not in _SHIN_DOTS or base == _SHIN)
    return not (char in _FINAL_FORMS and letter_after)


def _base_of(before: str) -> str:
    """The character a mark after ``before`` would go on: its last one, past the
    marks already on it (a shin with a dagesh takes the shin dot too)."""
    end = len(before)
    while end and _is_mark(before[end - 1]):
        end -= 1
    return before[end - 1 : end]


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")
