"""Read back the bytes cp949 made a text of, as UTF-8 whose lead bytes may be lost.

cp949 reads each byte it cannot pair as an error: U+FFFD, ``?`` or nothing takes
its place (:class:`.models.Loss`), and a lead byte of UTF-8 it cannot pair with the
next byte is such a byte.  :func:`parses` encodes a unit of damaged text back to
cp949, a mark standing for one lost byte, and parses the bytes as UTF-8 of ASCII
and three-byte characters, a lead put back wherever continuation bytes begin a
character.  Each character it finds is a :data:`Piece`: its bytes, unknown where
lost.  The caller fills the unknown bytes and checks that the damage, re-applied,
gives the unit back.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

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


#: One character of the original: its UTF-8 bytes, ``UNKNOWN`` where lost.
Piece = tuple[int, ...]


def _bytes_of(unit: str, loss: Loss) -> list[int] | None:
    """The bytes cp949 read as ``unit`` (marks as unknown)."""
    values: list[int] = []
    for char in unit:
        if char == MARK and loss is Loss.REPLACE:
            encoded: tuple[int, ...] = (UNKNOWN,)
        elif char == "?" and loss is Loss.REPLACE_QUESTION:
            encoded = (_MARK_OR_QUESTION,)
        else:
            raw = encode_char(CODEC, char)
            if raw is None:
                return None
            encoded = tuple(raw)
        values.extend(encoded)
    return values


def _is_continuation(value: int) -> bool:
    return 0x80 <= value <= 0xBF


def parses(unit: str, loss: Loss) -> Iterator[list[Piece]]:
    """The ways the bytes cp949 read as ``unit`` parse as UTF-8 (:func:`_parse`);
    none if a character of it is none cp949 reads."""
    values = _bytes_of(unit, loss)
    if values is None:
        return iter(())
    return _parse(values, ignore=loss is Loss.IGNORE)


def _parse(values: list[int], *, ignore: bool) -> Iterator[list[Piece]]:
    """The ways ``values`` parse as UTF-8 of ASCII and three-byte characters, a lost
    lead put back before continuation bytes, up to :data:`_MOST_PARSES`, trying at
    most :data:`_MOST_STEPS` pieces in all.  Where ``ignore``, dropped bytes left no
    mark: any byte of a sequence may have been one.  Those taking fewer lost bytes
    come first."""
    budget = [_MOST_STEPS]
    return itertools.islice(_walk(values, 0, [], ignore, budget), _MOST_PARSES)


def _walk(
    values: list[int],
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
    if 0 <= value < 0x80:
        yield from _walk(values, position + 1, [*pieces, (value,)], ignore, budget)
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
            yield from _walk(values, cursor, [*pieces, slots], ignore, budget)
    if value == _MARK_OR_QUESTION:  # a question mark after all
        yield from _walk(values, position + 1, [*pieces, (0x3F,)], ignore, budget)


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
