"""Line endings and line:column positions.

A file cleaned in place keeps its line-ending style: if every line of the input
ended in ``\\r\\n`` (or ``\\r``), so does every line of the output, whatever the
cleaning steps did to line breaks. Files with mixed endings are left as the
steps return them.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["LineIndex", "keep_line_endings", "line_ending"]

_BREAKS = re.compile(r"\r\n|\r|\n")


def line_ending(text: str) -> str | None:
    """The one line ending ``text`` uses, or ``None`` when it has none or mixes several."""
    found = set(_BREAKS.findall(text))
    return found.pop() if len(found) == 1 else None


def keep_line_endings(original: str | None, cleaned: str) -> str:
    """Give ``cleaned`` the line-ending style ``original`` (from :func:`line_ending`)."""
    if original is None or _BREAKS.search(cleaned) is None or line_ending(cleaned) == original:
        return cleaned
    return _BREAKS.sub(original, cleaned)


class LineIndex:
    """Maps character offsets of a text to 1-based ``(line, column)`` pairs."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self._starts = [0] + [match.end() for match in _BREAKS.finditer(text)]
        self._first = first_line

    @property
    def breaks(self) -> int:
        """How many line breaks the text holds."""
        return len(self._starts) - 1

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of character ``offset``."""
        index = bisect.bisect_right(self._starts, offset) - 1
        return self._first + index, offset - self._starts[index] + 1
