"""Character classes that more than one step asks about (scripts and joinability)."""

from __future__ import annotations

import unicodedata

__all__ = ["CJK_CLASS", "is_cjk", "is_joinable"]

# Hangul Jamo, CJK radicals/symbols/punctuation, kana, bopomofo, Hangul compatibility
# Jamo, enclosed/compatibility CJK, Extension A, unified ideographs, Hangul syllables,
# compatibility ideographs, vertical forms, halfwidth/fullwidth forms, planes 2-3.
_CJK_RANGES = (
    (0x1100, 0x11FF),
    (0x2E80, 0x2FDF),
    (0x3000, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)


CJK_CLASS = "".join(f"{chr(low)}-{chr(high)}" for low, high in _CJK_RANGES)
"""The ranges above as the inside of a regex character class (``[...]``)."""


def is_cjk(char: str) -> bool:
    """Whether ``char`` belongs to Chinese, Japanese or Korean text (incl. fullwidth forms)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def is_joinable(char: str) -> bool:
    """Whether a ZWJ/ZWNJ next to ``char`` can change how text renders.

    True for non-ASCII letters, marks (including emoji variation selectors) and
    symbols (emoji, skin-tone modifiers): the scripts and emoji sequences where
    joiners carry meaning.  ASCII, spaces, punctuation and controls are never joined.
    """
    if char.isascii():
        return False
    category = unicodedata.category(char)
    return category[0] in "LM" or category in ("So", "Sk")
