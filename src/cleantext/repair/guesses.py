"""Guesses for lost bytes (``guess_lost=True``), written once every repair is made.

A repair that leaves U+FFFD for a lost byte also knows the likeliest character
there.  Written at once, the guess would be part of the text the later families
read: a letter among the mojibake around it keeps ftfy from reading the line whole
(``é–‹ç™ºè€…の`` stayed so), and a wrong guess is evidence for nothing.  So every
family writes U+FFFD, as without guessing, the holes are followed through the later
changes, and the guesses are written last: a guessed text is the text repaired
without guessing, its holes filled.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from cleantext.plan import Change, Edit
from cleantext.repair.cluster import LOST
from cleantext.repair.diff import matching_blocks

__all__ = ["GuessingEdit", "Hole", "guess_edits", "holes_after", "holes_written"]


@dataclass(frozen=True, slots=True)  # left as Python in a compiled build (hatch_build.py)
class GuessingEdit(Edit):
    """An edit that writes U+FFFD for lost bytes, with ``guessed``, the same text with
    the likeliest character in each hole, and the note a guess there carries."""

    guessed: str = ""
    guess_note: str = ""


class Hole(NamedTuple):
    """A U+FFFD a repair wrote, where it stands now, and its guess."""

    position: int
    guess: str
    model: str
    confidence: float
    note: str


def holes_written(applied: Sequence[Change], edits: Iterable[Edit]) -> list[Hole]:
    """The holes the ``applied`` changes wrote, where they stand in the text after them."""
    guessing = {
        (edit.start, edit.end, edit.after): edit
        for edit in edits
        if isinstance(edit, GuessingEdit) and len(edit.guessed) == len(edit.after)
    }
    holes: list[Hole] = []
    for change in applied:
        edit = guessing.get((change.start, change.end, change.after))
        if edit is None:
            continue
        for index, (written, guess) in enumerate(zip(change.after, edit.guessed, strict=True)):
            if written == LOST and guess != LOST:
                at = change.out_start + index
                holes.append(Hole(at, guess, change.model, change.confidence, edit.guess_note))
    return holes


def holes_after(holes: Sequence[Hole], applied: Sequence[Change]) -> list[Hole]:
    """``holes`` (sorted) moved to the text after the ``applied`` changes (sorted);
    a hole a change rewrote is kept where the change kept it a U+FFFD (ftfy's
    reading of a line passes the holes in it through) and dropped where it wrote
    something else there."""
    starts = [change.start for change in applied]
    kept: dict[int, dict[int, int]] = {}  # per change: U+FFFD kept, from offset to offset
    moved: list[Hole] = []
    for hole in holes:
        index = bisect.bisect_right(starts, hole.position) - 1
        if index < 0:
            moved.append(hole)
            continue
        change = applied[index]
        if hole.position >= change.end:
            moved.append(hole._replace(position=hole.position + change.out_end - change.end))
            continue
        if index not in kept:
            kept[index] = _holes_kept(change)
        offset = kept[index].get(hole.position - change.start)
        if offset is not None:
            moved.append(hole._replace(position=change.out_start + offset))
    return moved


def _holes_kept(change: Change) -> dict[int, int]:
    """Where each U+FFFD of the change's text stands in what it wrote, if it kept it:
    the n-th where it wrote as many (ftfy passes them through), else by the diff,
    for a change short enough to diff."""
    before = [index for index, char in enumerate(change.before) if char == LOST]
    after = [index for index, char in enumerate(change.after) if char == LOST]
    if len(before) == len(after):
        return dict(zip(before, after, strict=True))
    if len(change.before) + len(change.after) > _DIFFED:
        return {}
    return {
        first + step: out_first + step
        for first, out_first, size in matching_blocks(change.before, change.after)
        for step in range(size)
        if change.before[first + step] == LOST
    }


#: The longest change (before and after) whose holes are found by a diff.
_DIFFED = 2000


def guess_edits(text: str, holes: Sequence[Hole]) -> list[Edit]:
    """The edits writing each hole's guess where a U+FFFD still stands for it."""
    return [
        Edit(hole.position, hole.position + 1, hole.guess, hole.model, hole.confidence, hole.note)
        for hole in holes
        if text[hole.position : hole.position + 1] == LOST
    ]
