"""Line structure: line endings, trailing whitespace and runs of blank lines."""

from __future__ import annotations

import re

from cleantext.normalise.base import chars_named, contains_any, scan
from cleantext.plan import Edit

__all__ = ["TRAILING_SPACES", "blank_lines", "line_endings", "trailing_whitespace"]

_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
_LINE_BREAK = re.compile(f"(?:\r\n|[{_BREAKS}])+")
_TO_LF = str.maketrans(dict.fromkeys(_BREAKS, "\n"))

TRAILING_SPACES = " \t\u00a0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f"
"""What counts as trailing whitespace.  U+3000 is not in it: in CJK text an
ideographic space is content, not padding."""

_NEWLINE_RUN = re.compile(r"\A\n+|\n{2,}")


def line_endings(text: str) -> list[Edit]:
    """CRLF, CR, NEL, VT, FF, U+2028 and U+2029 become LF, so lines split one way."""
    if not contains_any(text, _BREAKS):
        return []

    def decide(match: re.Match[str]) -> Edit:
        found = match.group()
        after = found.replace("\r\n", "\n").translate(_TO_LF)
        crlf = found.count("\r\n")
        others = found.replace("\r\n", "")
        parts = [f"CRLF (x{crlf})" if crlf > 1 else "CRLF"] if crlf else []
        if others:
            parts.append(chars_named(others))
        note = f"{', '.join(parts)} -> LF"
        return Edit(match.start(), match.end(), after, "line ending", note=note)

    return scan(_LINE_BREAK, text, decide)


def trailing_whitespace(text: str) -> list[Edit]:
    """Spaces, tabs and no-break spaces at the end of a line carry nothing; drop them.

    Works line by line with ``str.rstrip`` (no regex: a pattern anchored at line
    ends is slow to search and can backtrack over long runs of spaces).
    """
    edits: list[Edit] = []
    position = 0
    for line in text.split("\n"):
        if line and line[-1] in TRAILING_SPACES:
            kept = len(line.rstrip(TRAILING_SPACES))
            edits.append(
                Edit(
                    position + kept,
                    position + len(line),
                    "",
                    "trailing whitespace",
                    note=f"{len(line) - kept} at line end",
                )
            )
        position += len(line) + 1
    return edits


def blank_lines(text: str) -> list[Edit]:
    """At most one empty line in a row, none at the start, at most one newline at the end.

    Only empty lines count: lines holding spaces become empty in the
    ``trailing_whitespace`` step, which runs first.
    """
    if not (text.startswith("\n") or text.endswith("\n\n") or "\n\n\n" in text):
        return []
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
