"""Symbols in the places only they are written: evidence for a one-character repair.

``©`` is ``C2 A9`` in UTF-8, which GBK reads as one ideograph, ``漏``; so
``Copyright © 2019`` read as GBK is ``Copyright 漏 2019``, as common in crawled
pages as ``Home 路 About`` (``·``) and ``5 脳 3`` (``×``).  One ideograph for one
symbol gains too little on the character scores to pass the plausibility margin,
and rightly so: an ideograph alone among Latin words is real in a dictionary or
a language lesson.  The place is the evidence the scores do not see: right before
a year, between two numbers, right after a digit, a symbol is written, not an
ideograph.

A change is confirmed here when its replacement is one of :data:`SHAPES`' symbols,
the symbol's shape matches around it in the repaired text, the repaired text near
it holds what the shape also needs (the other half of ``« »``, a second ``·``
separator), and no CJK character is left near it: in a line of Chinese, ``3 路`` is
Chinese.  Shapes are written with ASCII letters and digits, so the screen can look
for the misread symbol beside the same characters in the damaged text
(:func:`misread_symbols`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cleantext.normalise.chars import CJK_CLASS
from cleantext.repair.models import CJK_CODECS

__all__ = ["SHAPES", "Shape", "misread_symbols", "placed_symbol_note"]


@dataclass(frozen=True)
class Shape:
    """Where ``symbols`` are written: ``pattern`` matches at the symbol (``{S}`` stands
    for it), and the text near it must also hold ``also`` when that is given."""

    symbols: str
    pattern: str
    why: str
    also: str = ""


_DIGIT_BEFORE = "(?:(?<=[0-9])|(?<=[0-9] ))"
_DIGIT_AFTER = "(?= ?[0-9])"

SHAPES: tuple[Shape, ...] = (
    Shape(
        "©",
        "(?:(?<=[Cc]opyright)|(?<=[Cc]opyright )|(?<=COPYRIGHT)|(?<=COPYRIGHT ))"
        "{S}|{S}(?= ?(?:19|20)[0-9][0-9](?![0-9]))",
        "a copyright sign after 'Copyright' or before a year",
    ),
    Shape("°", _DIGIT_BEFORE + "{S}", "a degree sign after a number"),
    Shape("×÷", _DIGIT_BEFORE + "{S}" + _DIGIT_AFTER, "an operator between two numbers"),
    Shape("±", "(?<![A-Za-z0-9]){S}" + _DIGIT_AFTER, "a plus-minus sign before a number"),
    Shape("§¶", "{S}" + _DIGIT_AFTER, "a section sign before a number"),
    Shape("£¥", "(?<![A-Za-z0-9]){S}" + _DIGIT_AFTER, "a currency sign before an amount"),
    Shape("¢", _DIGIT_BEFORE + "{S}(?![A-Za-z0-9])", "a cent sign after an amount"),
    Shape("½¼¾", _DIGIT_BEFORE + "{S}(?![0-9])", "a fraction after a number"),
    Shape("µ", _DIGIT_BEFORE + "{S}(?=[A-Za-z])", "a micro sign between a number and a unit"),
    Shape("ºª", "(?<=[0-9]){S}(?![A-Za-z0-9])", "an ordinal indicator after a number"),
    Shape("²³¹", "(?<=[A-Za-z0-9]){S}(?![A-Za-z0-9])", "a superscript digit after a symbol"),
    Shape(
        "·",
        "(?<=[A-Za-z0-9] ){S}(?= [A-Za-z0-9])",
        "a middle dot separating words, as another does nearby",
        also="[A-Za-z0-9] · [A-Za-z0-9].* · ",
    ),
    Shape("«", "{S}(?= ?[A-Za-z])", "an opening guillemet before a word", also="«.*»"),
    Shape(
        "»",
        "(?:(?<=[A-Za-z])|(?<=[A-Za-z] )){S}",
        "a closing guillemet after a word",
        also="«.*»",
    ),
    Shape("¿", "{S}(?=[A-Za-z])", "an inverted question mark opening a question", also=r"¿.*\?"),
    Shape("¡", "{S}(?=[A-Za-z])", "an inverted exclamation mark opening one", also="¡.*!"),
    Shape("\u00a0", "(?<=[!-~]){S}(?=[A-Za-z0-9])", "a no-break space inside a run of ASCII"),
    Shape(
        "\u00a0",
        "(?<=[A-Za-z0-9.,;:] ){S}(?= [A-Za-z0-9])",
        "a no-break space between spaces, as another nearby",
        also="[A-Za-z0-9.,;:] \u00a0 [A-Za-z0-9].* \u00a0 ",
    ),
)

#: Characters of the repaired text around a change that must hold no CJK character.
_REACH = 32


@lru_cache(maxsize=1)
def _cjk_re() -> re.Pattern[str]:
    """CJK characters (compiled on first use: a few ms, kept out of ``import cleantext``)."""
    return re.compile(f"[{CJK_CLASS}]+")


_Compiled = tuple[re.Pattern[str], re.Pattern[str] | None, str]


@lru_cache(maxsize=1)
def _by_symbol() -> dict[str, list[_Compiled]]:
    compiled: dict[str, list[_Compiled]] = {}
    for shape in SHAPES:
        for symbol in shape.symbols:
            pattern = re.compile(shape.pattern.replace("{S}", re.escape(symbol)))
            also = re.compile(shape.also, re.DOTALL) if shape.also else None
            compiled.setdefault(symbol, []).append((pattern, also, shape.why))
    return compiled


def placed_symbol_note(window: str, position: int, damaged: str) -> str | None:
    """Why ``window[position]`` (repaired text) is a symbol in its place, or None.

    ``damaged`` is what the repair replaces: CJK characters only (a CJK codec's
    misreading; ``theВ\xa0Washington`` read as cp1251 could as well be Russian).
    ``window`` is the repaired text around the change; it must hold no CJK character.
    """
    shapes = _by_symbol().get(window[position])
    if shapes is None or not damaged or _cjk_re().fullmatch(damaged) is None:
        return None
    low = max(0, position - _REACH)
    if _cjk_re().search(window, low, position + _REACH):
        return None
    for pattern, also, why in shapes:
        if pattern.match(window, position) is None:
            continue
        if also is None or also.search(window, low, position + _REACH) is not None:
            return why
    return None


@lru_cache(maxsize=1)
def misread_symbols() -> dict[str, frozenset[str]]:
    """The shaped symbols' UTF-8 bytes as one CJK codec reads them into one character
    (``漏``, ``짤``, ``息`` for ``©``), by that character: the screen's evidence.

    Misreadings of two characters (``ﾂｩ`` in Shift-JIS) start with a rare character,
    which the screen takes as evidence on its own.
    """
    found: dict[str, set[str]] = {}
    for shape in SHAPES:
        for symbol in shape.symbols:
            for codec in CJK_CODECS:
                read = symbol.encode("utf-8").decode(codec, "replace")
                if len(read) == 1 and read != "\ufffd":
                    found.setdefault(read, set()).add(symbol)
    return {char: frozenset(symbols) for char, symbols in found.items()}
