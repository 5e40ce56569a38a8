"""Odd spaces: no-break, typographic and ideographic spaces become a plain space."""

from __future__ import annotations

import re

from cleantext.normalise.base import run_note, scan
from cleantext.normalise.chars import CJK_CLASS, is_cjk
from cleantext.plan import Edit

__all__ = ["spaces"]

# No-break, en/em/figure/thin/hair spaces, narrow no-break, medium mathematical.
_ODD = "\u00a0\u2000-\u200a\u202f\u205f"
_TARGETS = "\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
# An ideographic space run beside CJK text is never changed, so it is not even
# matched (CJK_CLASS holds U+3000 itself, so only whole runs can match).
_PATTERN = re.compile(f"[{_ODD}]+|\u3000(?<![{CJK_CLASS}]\u3000)\u3000*(?![{CJK_CLASS}])")
_MONGOLIAN = range(0x1800, 0x18B0)


def _mongolian(char: str) -> bool:
    return bool(char) and ord(char) in _MONGOLIAN


def spaces(text: str) -> list[Edit]:
    """Replace no-break and typographic spaces by U+0020.

    Kept: U+3000 IDEOGRAPHIC SPACE next to CJK text (it is the space of that
    script, e.g. a Japanese paragraph indent), and U+202F NARROW NO-BREAK SPACE
    next to Mongolian letters (it separates suffixes and affects shaping).
    U+1680 OGHAM SPACE MARK is visible and is left alone.
    """
    if text.isascii():
        return []
    # No contains_any first: the scan looks for each target once anyway (and
    # finds nothing where there is nothing), so a pre-check only read the text twice.
    end = len(text)

    def decide(match: re.Match[str]) -> Edit | None:
        start, stop = match.span()
        found = match.group()
        before = text[start - 1] if start > 0 else ""
        following = text[stop] if stop < end else ""
        if found[0] == "\u3000":
            if (before and is_cjk(before)) or (following and is_cjk(following)):
                return None
            after = " " * len(found)
        elif "\u202f" in found and (_mongolian(before) or _mongolian(following)):
            after = "".join(char if char == "\u202f" else " " for char in found)
        else:
            after = " " * len(found)
        if after == found:
            return None
        return Edit(start, stop, after, "odd space", note=run_note(found, after))

    return scan(_PATTERN, text, decide, starts=_TARGETS)
