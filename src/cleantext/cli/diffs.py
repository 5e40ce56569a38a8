"""Unified diffs that can be built piece by piece.

A large file is cleaned chunk by chunk, so its diff is built the same way: each
chunk contributes hunks numbered by where the chunk starts in the old and the new
file, and the ``---``/``+++`` header is written once, before the first hunk.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

__all__ = ["Differ"]

_NO_EOL = "\\ No newline at end of file"
_STYLES = {"header": "\x1b[1m", "hunk": "\x1b[36m", "-": "\x1b[31m", "+": "\x1b[32m"}
_RESET = "\x1b[0m"
_Opcode = tuple[str, int, int, int, int]


class Differ:
    """Collects the hunks of one file's diff; ``str(differ)`` is the diff, empty if no change."""

    def __init__(self, name: str, *, color: bool = False, context: int = 3) -> None:
        self._name = name
        self._color = color
        self._context = context
        self._parts: list[str] = []
        self.old_line = 0
        self.new_line = 0

    def __str__(self) -> str:
        return "".join(self._parts)

    def __bool__(self) -> bool:
        return bool(self._parts)

    def add(self, old: str, new: str) -> None:
        """Diff one chunk (the next piece of the old file and its cleaned version)."""
        a = old.splitlines(keepends=True)
        b = new.splitlines(keepends=True)
        if old != new:
            matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
            for group in matcher.get_grouped_opcodes(self._context):
                self._hunk(a, b, group)
        self.old_line += len(a)
        self.new_line += len(b)

    def _hunk(
        self, a: Sequence[str], b: Sequence[str], group: list[tuple[str, int, int, int, int]]
    ) -> None:
        if not self._parts:
            self._line("header", f"--- {self._name}\t(original)\n")
            self._line("header", f"+++ {self._name}\t(fixed)\n")
        first, last = group[0], group[-1]
        old_range = _range(self.old_line + first[1], last[2] - first[1])
        new_range = _range(self.new_line + first[3], last[4] - first[3])
        self._line("hunk", f"@@ -{old_range} +{new_range} @@\n")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for line in a[i1:i2]:
                    self._text(" ", line)
                continue
            for line in a[i1:i2]:
                self._text("-", line)
            for line in b[j1:j2]:
                self._text("+", line)

    def _text(self, sign: str, line: str) -> None:
        body = line.rstrip("\r\n")
        ending = line[len(body) :] or "\n"
        self._line(sign if sign != " " else "", f"{sign}{body}{ending}")
        if not line.endswith(("\n", "\r")):
            self._parts.append(_NO_EOL + "\n")

    def _line(self, style: str, line: str) -> None:
        if self._color and style in _STYLES:
            body = line.rstrip("\r\n")
            line = f"{_STYLES[style]}{body}{_RESET}{line[len(body) :]}"
        self._parts.append(line)


def _range(start: int, length: int) -> str:
    """Unified-diff range: 1-based start, and the start of an empty range is the line before."""
    begin = start + 1 if length else start
    return f"{begin}" if length == 1 else f"{begin},{length}"
