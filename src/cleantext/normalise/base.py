"""What every normalisation step shares: the step record and small edit builders.

A step is a pure function ``text -> list[Edit]``; the pipeline applies it with
:func:`cleantext.plan.apply_edits`, so every change it makes is explained and
replayable.  Steps find their characters with one small compiled pattern each
(C speed, no nested quantifiers) and decide in Python only on the rare hits.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleantext.plan import Edit

if TYPE_CHECKING:
    from cleantext.config import Config

__all__ = ["Step", "char_name", "contains_any", "map_chars", "scan"]


@dataclass(frozen=True, slots=True)
class Step:
    """One entry of the ordered step table: its name, when it runs, what it proposes."""

    name: str
    enabled: Callable[[Config], bool]
    find: Callable[[str], list[Edit]]


def contains_any(text: str, chars: str) -> bool:
    """Whether any of ``chars`` occurs in ``text``.

    The fast path of every step: one ``in`` test per target character is a
    memchr-speed scan, many times faster than a regex character class, so text
    that needs nothing from a step costs almost nothing.
    """
    return any(char in text for char in chars)


def char_name(char: str) -> str:
    """``U+00A0 NO-BREAK SPACE``: how a note names a character."""
    fallback = "<control>" if unicodedata.category(char) == "Cc" else "<unnamed>"
    return f"U+{ord(char):04X} {unicodedata.name(char, fallback)}"


def scan(
    pattern: re.Pattern[str], text: str, decide: Callable[[re.Match[str]], Edit | None]
) -> list[Edit]:
    """An edit for every match that ``decide`` accepts (it returns ``None`` to keep one)."""
    edits: list[Edit] = []
    for match in pattern.finditer(text):
        edit = decide(match)
        if edit is not None:
            edits.append(edit)
    return edits


def map_chars(
    pattern: re.Pattern[str], text: str, table: Mapping[str, str], model: str
) -> list[Edit]:
    """Replace each single character ``pattern`` finds by ``table[char]``."""

    def decide(match: re.Match[str]) -> Edit:
        char = match.group()
        after = table[char]
        return Edit(
            match.start(), match.end(), after, model, note=f"{char_name(char)} -> {after!r}"
        )

    return scan(pattern, text, decide)
