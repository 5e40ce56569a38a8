"""Quotation marks: straighten curly quotes, or make a text use one style throughout."""

from __future__ import annotations

import re

from cleantext.normalise.base import char_name, contains_any, map_chars, scan
from cleantext.plan import Edit

__all__ = ["consistent_quotes", "straighten_quotes"]

# Left/right single and double quotes, their low-9 and reversed forms.  Primes
# (U+2032/U+2033, feet and minutes), guillemets and U+02BC MODIFIER LETTER
# APOSTROPHE (a letter in Hawaiian and Ukrainian) are not quotes and stay.
_STRAIGHT = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
}
_CURLY = re.compile(f"[{''.join(_STRAIGHT)}]+")
_PAIR_MARKS: dict[str, tuple[str, str]] = {
    '"': ("\u201c", "\u201d"),
    "'": ("\u2018", "\u2019"),
}
_OPENS_AFTER = " \t\n([{<\u2014\u2013-/\u201c\u2018"


def straighten_quotes(text: str) -> list[Edit]:
    """Curly, low-9 and reversed quotes become ASCII ``'`` and ``"``."""
    if text.isascii() or not contains_any(text, "".join(_STRAIGHT)):
        return []
    return map_chars(_CURLY, text, _STRAIGHT, "curly quote")


def _curl(text: str, index: int, straight: str) -> str:
    """Which curly mark replaces the straight one at ``index``, judged by its neighbours."""
    opening, closing = _PAIR_MARKS[straight]
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    if straight == "'" and before.isalnum():
        return closing  # apostrophe inside or after a word: don't, dogs'
    if straight == "'" and after.isdigit():
        return closing  # elided digits: '90s
    return opening if before in _OPENS_AFTER else closing


def _straighten_minority(text: str, straight: str, opening: str, closing: str) -> list[Edit]:
    def decide(match: re.Match[str]) -> Edit:
        note = f"{char_name(match.group())} -> {straight!r}: most quotes here are straight"
        return Edit(match.start(), match.end(), straight, "inconsistent quote", note=note)

    return scan(re.compile(f"[{opening}{closing}]"), text, decide)


def consistent_quotes(text: str) -> list[Edit]:
    """Give double and single quotes each the style most of the text already uses.

    Per kind (double, single), if curly marks outnumber straight ones the
    straight ones are curled by context (an apostrophe in a word becomes
    ``’``, never ``‘``); if straight ones outnumber curly ones the curly ones are
    straightened.  A tie, or a text using one style only, is left alone.
    Low-9 and reversed marks are language conventions and are kept.
    """
    edits: list[Edit] = []
    for straight, (opening, closing) in _PAIR_MARKS.items():
        plain = text.count(straight)
        curly = text.count(opening) + text.count(closing)
        if not plain or not curly or plain == curly:
            continue
        if curly > plain:
            edits.extend(
                Edit(
                    m.start(),
                    m.end(),
                    mark := _curl(text, m.start(), straight),
                    "inconsistent quote",
                    note=f"{straight!r} -> {char_name(mark)}: most quotes here are curly",
                )
                for m in re.finditer(re.escape(straight), text)
            )
        else:
            edits.extend(_straighten_minority(text, straight, opening, closing))
    return sorted(edits, key=lambda edit: edit.start)
