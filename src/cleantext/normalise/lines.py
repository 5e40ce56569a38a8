"""Line structure: line endings, trailing whitespace and runs of blank lines."""

from __future__ import annotations

import re

from cleantext.normalise.base import char_name, scan
from cleantext.plan import Edit

__all__ = ["TRAILING_SPACES", "blank_lines", "line_endings", "trailing_whitespace"]

_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")

TRAILING_SPACES = " \t\u00a0\u2000-\u200a\u202f\u205f"
"""What counts as trailing whitespace (a regex class body).  U+3000 is not in it:
in CJK text an ideographic space is content, not padding."""

# The look-behind lets a match start only where a run of spaces starts, so the
# backtracking of a failed look-ahead is bounded by that one run: linear time.
_TRAILING = re.compile(f"(?<![{TRAILING_SPACES}])[{TRAILING_SPACES}]+(?=\\n|\\Z)")
_NEWLINE_RUN = re.compile(r"\A\n+|\n{2,}")


def line_endings(text: str) -> list[Edit]:
    """CRLF, CR, NEL, VT, FF, U+2028 and U+2029 become LF, so lines split one way."""

    def decide(match: re.Match[str]) -> Edit:
        found = match.group()
        note = "CRLF" if found == "\r\n" else char_name(found)
        return Edit(match.start(), match.end(), "\n", "line ending", note=f"{note} -> LF")

    return scan(_LINE_BREAK, text, decide)


def trailing_whitespace(text: str) -> list[Edit]:
    """Spaces, tabs and no-break spaces at the end of a line carry nothing; drop them."""
    return [
        Edit(m.start(), m.end(), "", "trailing whitespace", note=f"{len(m.group())} at line end")
        for m in _TRAILING.finditer(text)
    ]


def blank_lines(text: str) -> list[Edit]:
    """At most one empty line in a row, none at the start, at most one newline at the end.

    Only empty lines count: lines holding spaces become empty in the
    ``trailing_whitespace`` step, which runs first.
    """
    end = len(text)

    def decide(match: re.Match[str]) -> Edit | None:
        start, stop = match.span()
        if start == 0:
            return Edit(start, stop, "", "blank lines", note="empty lines at the start")
        if stop == end:
            return Edit(start, stop, "\n", "blank lines", note="empty lines at the end")
        if stop - start > 2:
            return Edit(start, stop, "\n\n", "blank lines", note=f"{stop - start - 1} empty lines")
        return None

    return scan(_NEWLINE_RUN, text, decide)
