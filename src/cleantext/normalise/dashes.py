"""Dashes and the ellipsis, for text that must be ASCII punctuation."""

from __future__ import annotations

import re

from cleantext.normalise.base import contains_any, run_note, scan
from cleantext.plan import Edit

__all__ = ["ascii_dashes", "ellipsis"]

# Hyphen, non-breaking hyphen, figure dash, en dash | em dash, horizontal bar.
# U+2212 MINUS SIGN is absent on purpose: in maths it is not a dash.
_SHORT = "\u2010\u2011\u2012\u2013"
_LONG = "\u2014\u2015"
_DASH = re.compile(f"[{_SHORT}{_LONG}]+")
_ELLIPSIS = re.compile("\u2026+")


def ascii_dashes(text: str) -> list[Edit]:
    """Hyphens and en dashes become ``-``; em dashes become ``-`` when spaced, else ``--``.

    ``Alaska — President`` reads the same as ``Alaska - President``, but
    ``word—word`` as ``word-word`` would read as a compound, so it becomes
    ``word--word``.  A line start or end counts as a space.
    """
    if text.isascii() or not contains_any(text, _SHORT + _LONG):
        return []
    end = len(text)

    def decide(match: re.Match[str]) -> Edit:
        start, stop = match.span()
        found = match.group()
        if len(found) == 1 and found in _LONG:
            spaced_before = start == 0 or text[start - 1].isspace()
            spaced_after = stop == end or text[stop].isspace()
            after = "-" if spaced_before and spaced_after else "--"
        else:  # short dashes; an em dash beside another dash is never spaced
            after = "".join("-" if char in _SHORT else "--" for char in found)
        return Edit(start, stop, after, "dash", note=run_note(found, after))

    return scan(_DASH, text, decide)


def ellipsis(text: str) -> list[Edit]:
    """U+2026 HORIZONTAL ELLIPSIS becomes ``...`` (U+22EF in maths is left alone)."""
    if "\u2026" not in text:
        return []
    return [
        Edit(
            m.start(), m.end(), "..." * len(m.group()), "ellipsis", note=run_note(m.group(), "...")
        )
        for m in _ELLIPSIS.finditer(text)
    ]
