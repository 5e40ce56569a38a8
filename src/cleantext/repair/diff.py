"""Which characters a change wrote: the diff of what it read and what it wrote.

A misreading rewrites characters outside ASCII and nearly never ASCII (every
codec the engine reads writes ASCII as itself; ftfy's lost no-break space, ``Ã ``
for ``à``, is the exception).  So where the text before and after a change hold
the same ASCII runs in the same order, those runs are the anchors of the
alignment, and only the pieces between them are diffed; elsewhere the whole is.
``difflib`` aligning a whole line instead was most of the repair's time on text
ftfy repairs (a line of Latin-1 mojibake: one long alignment against a few short
ones).
"""

from __future__ import annotations

import difflib
import re

__all__ = ["matching_blocks", "written_spans"]

#: Splits a text into its runs outside ASCII (even indices) and ASCII (odd ones).
_ASCII_RUNS = re.compile("([\x00-\x7f]+)")


def written_spans(before: str, after: str) -> list[tuple[int, int]]:
    """The spans of ``after`` that are not ``before`` kept as it was, in order."""
    return [
        (out_first, out_first + out_size)
        for first, size, out_first, out_size in _differences(before, after)
        if out_size
    ]


def matching_blocks(before: str, after: str) -> list[tuple[int, int, int]]:
    """``(start in before, start in after, size)`` of each piece kept as it was, in
    order, as :meth:`difflib.SequenceMatcher.get_matching_blocks` gives them (without
    its closing empty block)."""
    blocks: list[tuple[int, int, int]] = []
    first = out_first = 0
    for changed_first, size, out_changed_first, out_size in _differences(before, after):
        if changed_first > first:
            blocks.append((first, out_first, changed_first - first))
        first, out_first = changed_first + size, out_changed_first + out_size
    if first < len(before):
        blocks.append((first, out_first, len(before) - first))
    return blocks


def _differences(before: str, after: str) -> list[_Difference]:
    """``(start in before, size, start in after, size)`` of each piece that differs, in order."""
    pieces, out_pieces = _ASCII_RUNS.split(before), _ASCII_RUNS.split(after)
    if len(pieces) != len(out_pieces) or pieces[1::2] != out_pieces[1::2]:
        return _aligned(before, after, 0, 0)
    found: list[_Difference] = []
    first = out_first = 0
    for piece, out_piece in zip(pieces, out_pieces, strict=True):
        if piece != out_piece:
            found += _aligned(piece, out_piece, first, out_first)
        first += len(piece)
        out_first += len(out_piece)
    return found


#: ``(start in before, size, start in after, size)`` of a piece that differs.
_Difference = tuple[int, int, int, int]


def _aligned(before: str, after: str, first: int, out_first: int) -> list[_Difference]:
    """The differing pieces of ``before`` and ``after`` by ``difflib``, shifted to
    start at ``first`` and ``out_first``; one piece, without asking ``difflib``,
    where the two share no character (``Ã©`` and ``é``)."""
    if before and after and set(before).isdisjoint(after):
        return [(first, len(before), out_first, len(after))]
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [
        (first + start, end - start, out_first + out_start, out_end - out_start)
        for tag, start, end, out_start, out_end in matcher.get_opcodes()
        if tag != "equal"
    ]
