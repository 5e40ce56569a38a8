"""Spans of whole lines, for the families that take a loss model from each line.

A document may hold lines damaged in different ways, pasted from different
sources: a family that chose one model for the whole text let one line decide how
every other was read.  These helpers find the lines that hold some evidence and
cut a family's windows at them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["line_around", "lines_at", "lines_holding", "split_at_lines"]


def line_around(text: str, position: int) -> tuple[int, int]:
    """The span of the line of ``text`` holding ``position`` (newline excluded)."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def lines_at(text: str, positions: Iterable[int]) -> list[tuple[int, int]]:
    """The spans of the lines holding the given ``positions`` (ascending), each once."""
    lines: list[tuple[int, int]] = []
    for position in positions:
        if not lines or position > lines[-1][1]:
            lines.append(line_around(text, position))
    return lines


def lines_holding(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """The spans of the lines of ``text`` that hold a match of ``pattern``, in order."""
    lines: list[tuple[int, int]] = []
    found = pattern.search(text)
    while found is not None:
        line = line_around(text, found.start())
        lines.append(line)
        found = pattern.search(text, line[1])
    return lines


def split_at_lines(
    spans: list[tuple[int, int]], lines: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The parts of ``spans`` inside the given ``lines``, and the parts outside them
    (both sorted lists of spans; ``spans`` and ``lines`` sorted, neither overlapping)."""
    inside: list[tuple[int, int]] = []
    outside: list[tuple[int, int]] = []
    first = 0  # the first line that may meet the span
    for start, end in spans:
        while first < len(lines) and lines[first][1] <= start:
            first += 1
        position = start
        index = first
        while index < len(lines) and lines[index][0] < end:
            line_start, line_end = lines[index]
            if position < line_start:
                outside.append((position, line_start))
            inside.append((max(position, line_start), min(end, line_end)))
            position = min(end, line_end)
            index += 1
        if position < end:
            outside.append((position, end))
    return inside, outside
