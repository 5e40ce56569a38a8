"""Invisible characters: zero-width junk, joiners that join nothing, soft hyphens."""

from __future__ import annotations

import re

from cleantext.normalise.base import char_name, contains_any, run_note, scan
from cleantext.normalise.chars import is_joinable
from cleantext.plan import Edit

__all__ = ["soft_hyphens", "zero_width"]

_JOINERS = "\u200c\u200d"  # ZWNJ, ZWJ
# ZWSP, BOM / zero-width no-break space, word joiner: scraped-in junk wherever they are.
_JUNK = "\u200b\ufeff\u2060"
_ZERO_WIDTH = re.compile(f"[{_JUNK}{_JOINERS}]+")
_SOFT_HYPHEN = re.compile("\u00ad")


def zero_width(text: str) -> list[Edit]:
    """Remove ZWSP, BOM and word joiners; remove ZWJ/ZWNJ only where they join nothing.

    A joiner is kept when both neighbours are non-ASCII letters, marks or
    symbols: emoji ZWJ sequences (👩‍💻), Persian ZWNJ (می‌خواهم), Indic conjuncts.
    Next to ASCII, spaces, punctuation, another invisible character or the
    text's ends it cannot change rendering, so it goes.
    """
    if text.isascii() or not contains_any(text, _JUNK + _JOINERS):
        return []
    end = len(text)

    def decide(match: re.Match[str]) -> Edit | None:
        start, stop = match.span()
        found = match.group()
        if len(found) == 1 and found in _JOINERS:  # a lone joiner: can its neighbours join?
            before = text[start - 1] if start > 0 else ""
            after = text[stop] if stop < end else ""
            if before and after and is_joinable(before) and is_joinable(after):
                return None
            return Edit(start, stop, "", "zero-width", note=f"{char_name(found)} joins nothing")
        # In a run every joiner has an invisible neighbour, so it joins nothing either.
        return Edit(start, stop, "", "zero-width", note=run_note(found, ""))

    return scan(_ZERO_WIDTH, text, decide)


def soft_hyphens(text: str) -> list[Edit]:
    """Remove soft hyphens (U+00AD): hyphenation hints that split words for search."""
    if "\u00ad" not in text:
        return []
    return [
        Edit(m.start(), m.end(), "", "soft hyphen", note=char_name("\u00ad"))
        for m in _SOFT_HYPHEN.finditer(text)
    ]
