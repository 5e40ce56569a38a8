"""Read back the bytes cp949 made a text of, as UTF-8 whose lead bytes may be lost.

cp949 reads each byte it cannot pair as an error: U+FFFD, ``?`` or nothing takes
its place (:class:`.models.Loss`), and a lead byte of UTF-8 it cannot pair with the
next byte is such a byte.  :func:`parses` encodes a unit of damaged text back to
cp949, a mark standing for one lost byte, and parses the bytes as UTF-8 of ASCII
and three-byte characters, a lead put back wherever continuation bytes begin a
character.  Each character it finds is a :class:`Piece`: its bytes, unknown where
lost.  The caller fills the unknown bytes and checks that the damage, re-applied,
gives the unit back.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.repair.bytescan import encode_char
from cleantext.repair.models import Loss

__all__ = ["CODEC", "MARK", "UNKNOWN", "Piece", "parses"]

CODEC = "cp949"
MARK = "\ufffd"  # what the replacing loss writes for a lost byte
UNKNOWN = -1  # a byte that was there, value unknown
_MARK_OR_QUESTION = -2  # a ``?`` under the question-mark loss: a lost byte or itself
_MOST_PARSES = 32
#: Pieces tried in all to parse one unit: dropped bytes may lie anywhere, and a long
#: unit that parses nowhere would otherwise be tried every way.
_MOST_STEPS = 2000


@dataclass(frozen=True, slots=True)
class Piece:
    """One character of the original: its UTF-8 bytes (``UNKNOWN`` where lost) and
    the damaged characters ``first`` to ``last`` it was read from."""

    slots: tuple[int, ...]
    first: int
    last: int


def _bytes_of(unit: str, loss: Loss) -> tuple[list[int] | None, list[int]]:
    """The bytes cp949 read as ``unit`` (marks as unknown), and each byte's character."""
    values: list[int] = []
    owners: list[int] = []
    for index, char in enumerate(unit):
        if char == MARK and loss is Loss.REPLACE:
            encoded: tuple[int, ...] = (UNKNOWN,)
        elif char == "?" and loss is Loss.REPLACE_QUESTION:
            encoded = (_MARK_OR_QUESTION,)
        else:
            raw = encode_char(CODEC, char)
            if raw is None:
                return None, []
            encoded = tuple(raw)
        values.extend(encoded)
        owners.extend([index] * len(encoded))
    return values, owners


def _is_continuation(value: int) -> bool:
    return 0x80 <= value <= 0xBF


def parses(unit: str, loss: Loss) -> Iterator[list[Piece]]:
    """The ways the bytes cp949 read as ``unit`` parse as UTF-8 (:func:`_parse`);
    none if a character of it is none cp949 reads."""
    values, owners = _bytes_of(unit, loss)
    if values is None:
        return iter(())
    return _parse(values, owners, ignore=loss is Loss.IGNORE)


def _parse(values: list[int], owners: list[int], *, ignore: bool) -> Iterator[list[Piece]]:
    """The ways ``values`` parse as UTF-8 of ASCII and three-byte characters, a lost
    lead put back before continuation bytes, up to :data:`_MOST_PARSES`, trying at
    most :data:`_MOST_STEPS` pieces in all.  Where ``ignore``, dropped bytes left no
    mark: any byte of a sequence may have been one.  Those taking fewer lost bytes
    come first."""
    budget = [_MOST_STEPS]
    return itertools.islice(_walk(values, owners, 0, [], ignore, budget), _MOST_PARSES)


def _walk(
    values: list[int],
    owners: list[int],
    position: int,
    pieces: list[Piece],
    ignore: bool,
    budget: list[int],
) -> Iterator[list[Piece]]:
    """The parses of ``values[position:]`` after ``pieces`` (:func:`_parse`)."""
    budget[0] -= 1
    if budget[0] < 0:
        return
    if position == len(values):
        yield pieces
        return
    value = values[position]
    owner = owners[position]
    if 0 <= value < 0x80:
        piece = Piece((value,), owner, owner)
        yield from _walk(values, owners, position + 1, [*pieces, piece], ignore, budget)
        return
    if 0xE0 <= value <= 0xEF:
        lead, after = (value,), position + 1
    elif value in (UNKNOWN, _MARK_OR_QUESTION):
        lead, after = (UNKNOWN,), position + 1
    elif ignore and _is_continuation(value):
        lead, after = (UNKNOWN,), position  # the lead was dropped
    else:
        return
    for slots, cursor in _sequences(values, lead, after, ignore=ignore):
        if cursor > position:  # a sequence all of whose bytes were dropped left nothing
            piece = Piece(slots, owner, owners[cursor - 1])
            yield from _walk(values, owners, cursor, [*pieces, piece], ignore, budget)
    if value == _MARK_OR_QUESTION:  # a question mark after all
        piece = Piece((0x3F,), owner, owner)
        yield from _walk(values, owners, position + 1, [*pieces, piece], ignore, budget)


def _sequences(
    values: list[int], lead: tuple[int, ...], cursor: int, *, ignore: bool
) -> Iterator[tuple[tuple[int, ...], int]]:
    """The three-byte sequences from ``lead`` on: its bytes and where the next begins.
    Each byte after the lead is the next value if it is a continuation byte or a
    mark; where ``ignore``, it may also have been dropped (tried second)."""
    if len(lead) == 3:
        yield lead, cursor
        return
    following = values[cursor] if cursor < len(values) else None
    if following is not None and (
        _is_continuation(following) or following in (UNKNOWN, _MARK_OR_QUESTION)
    ):
        value = following if _is_continuation(following) else UNKNOWN
        yield from _sequences(values, (*lead, value), cursor + 1, ignore=ignore)
    if ignore:
        yield from _sequences(values, (*lead, UNKNOWN), cursor, ignore=ignore)
