"""The clusters the steps of :mod:`.misread` hand on to each other, and small helpers.

A *cluster* is the smallest span that maps whole damaged characters to whole
repaired ones: the sequences of a region (:mod:`.bytescan`) that share a damaged
character.  Each step fills in or reads its fields: the repair, the best guess in
every hole left open, and the confidence and note of each lost byte's choice.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from cleantext.repair import bytescan
from cleantext.repair.bytescan import Sequence

__all__ = [
    "CONTEXT",
    "DECIDED",
    "LONGEST_WORD",
    "LOST",
    "UNDECIDED",
    "UNKNOWN_BYTES",
    "Cluster",
    "bare",
    "line_of",
    "lost_bytes_in",
    "with_note",
]

LOST = "\ufffd"
DECIDED = 0.75  # confidence of a lost byte the context decided on its own
UNDECIDED = 0.3  # confidence of a lost byte left open, as :func:`infer.choose` gives it
LONGEST_WORD = 32  # letters; a longer run is not a word
CONTEXT = 40  # characters of context a lost-byte choice sees on each side
#: What a lost byte may be written as in the damaged text.
UNKNOWN_BYTES = frozenset((LOST, "?"))


@dataclass(slots=True)
class Cluster:
    """The damaged characters ``text[start:end]``, their sequences, and what the
    steps made of them so far (mutable: each step fills in its fields)."""

    start: int
    end: int
    pieces: list[Sequence]
    repaired: str = ""
    guessed: str = ""  # with the best candidate in every unresolved hole, for verification
    confidence: float = 1.0
    note: str = ""
    lost: bool = False
    unsupported: bool = False
    open_holes: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    #: Per lost-byte character (by index in ``guessed``): the confidence and the note.
    choices: dict[int, tuple[float, str]] = field(default_factory=dict)


def with_note(note: str, extra: str) -> str:
    """``note`` with ``extra`` appended."""
    return f"{note}; {extra}" if note else extra


def lost_bytes_in(cluster: Cluster) -> bool:
    """Did the damage lose bytes of this cluster's characters?"""
    return any(not piece.complete for piece in cluster.pieces)


def bare(cluster: Cluster) -> bool:
    """Did the cluster read no byte (only U+FFFD or ``?`` where bytes were)?"""
    return all(value == bytescan.UNKNOWN for piece in cluster.pieces for value in piece.slots)


def line_of(text: str, position: int) -> tuple[int, int]:
    """The span of the line holding ``position`` (newline excluded), found by bisecting
    the text's newlines: searching for them from each mark scanned a long line once a
    mark (``Putin셲 said`` repeated on one line)."""
    breaks = _newlines(text)
    index = bisect.bisect_left(breaks, position)
    start = breaks[index - 1] + 1 if index else 0
    end = breaks[index] if index < len(breaks) else len(text)
    return start, end


@lru_cache(maxsize=4)
def _newlines(text: str) -> tuple[int, ...]:
    return tuple(match.start() for match in _NEWLINE.finditer(text))


_NEWLINE = re.compile("\n")
