"""Dashes and the ellipsis, for text that must be ASCII punctuation."""

from __future__ import annotations

import re

from cleantext.normalise.base import char_name, contains_any, scan
from cleantext.plan import Edit

__all__ = ["ascii_dashes", "ellipsis"]

# Hyphen, non-breaking hyphen, figure dash, en dash | em dash, horizontal bar.
# U+2212 MINUS SIGN is absent on purpose: in maths it is not a dash.
_SHORT = "\u2010\u2011\u2012\u2013"
_LONG = "\u2014\u2015"
_DASH = re.compile(f"[{_SHORT}{_LONG}]")
_ELLIPSIS = re.compile("\u2026")


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
        start = match.start()
        dash = match.group()
        if dash in _SHORT:
            after = "-"
        else:
            spaced_before = start == 0 or text[start - 1].isspace()
            spaced_after = start + 1 == end or text[start + 1].isspace()
            after = "-" if spaced_before and spaced_after else "--"
        return Edit(start, start + 1, after, "dash", note=f"{char_name(dash)} -> {after!r}")

    return scan(_DASH, text, decide)


def ellipsis(text: str) -> list[Edit]:
    """U+2026 HORIZONTAL ELLIPSIS becomes ``...`` (U+22EF in maths is left alone)."""
    if "\u2026" not in text:
        return []
    return [
        Edit(m.start(), m.end(), "...", "ellipsis", note=f"{char_name('…')} -> '...'")
        for m in _ELLIPSIS.finditer(text)
    ]
