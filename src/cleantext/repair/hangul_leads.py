"""UTF-8 Korean read as cp949 (Unified Hangul Code), the lead bytes of its syllables lost.

A Hangul syllable is three UTF-8 bytes, a lead ``EA``-``ED`` and two continuation
bytes.  cp949 pairs a lead in that range only with a byte from ``A1`` up, so a
syllable whose second byte is lower (two in three of Korean's, by frequency) loses
its lead: U+FFFD, ``?`` or nothing takes its place, and its other two bytes pair
as one of cp949's extended syllables, which Korean prose hardly ever writes.
``역사적`` becomes ``�뿭�궗�쟻`` (or ``뿭궗쟻``): what a Korean Windows program
shows of a UTF-8 file.  The other syllables pair their first two bytes as an
ideograph and their last with the next byte.  ftfy reads none of it, and the
multi-byte family's candidates for a lost lead are punctuation and Latin letters.

This family reads each spaced unit of a line with such evidence
(:data:`RESIDUE`, two or more) on its own: the bytes cp949 wrote, a lost lead put
back before each pair of continuation bytes, parsed as UTF-8 (:func:`_parse`).  A
lead is one of the four syllables those bytes end, chosen by the Korean words
around it (:mod:`.korean_words`); a hole the words do not decide stays U+FFFD, as
does a syllable that lost more (with ``guess_lost=True``, the likeliest syllable
is written there last).  A unit is repaired only when the damage,
re-applied to the repair, gives it back exactly; a line only when the words
decided most of its lost leads (:data:`_DECIDED_SHARE`), which Chinese or
Japanese that lost bytes the same way never lets them do.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from cleantext.plan import Edit
from cleantext.repair import korean_words
from cleantext.repair.guesses import GuessingEdit
from cleantext.repair.models import DamageModel, Loss

__all__ = ["EVIDENCE_AFTER_RESIDUE", "RESIDUE", "find", "has_evidence"]

_CODEC = "cp949"
_LOST = "\ufffd"
_UNKNOWN = -1  # a byte that was there, value unknown
_MARK_OR_QUESTION = -2  # a ``?`` under the question-mark loss: a lost byte or itself

#: What cp949 reads of the last two bytes of a syllable that lost its lead: a first
#: byte 81-A0 (the second byte of the syllable, too low to pair with the lead) and a
#: second 81-BF.  Every one is an extended syllable, beyond KS X 1001.
RESIDUE = frozenset(
    bytes((first, second)).decode(_CODEC)
    for first in range(0x81, 0xA1)
    for second in range(0x81, 0xC0)
)
_RESIDUE_CLASS = "".join(sorted(RESIDUE))
#: After a residue syllable: another in the same spaced unit, or, before it, a mark
#: that stands for a lost byte.  No Korean text writes either.
EVIDENCE_AFTER_RESIDUE = f"(?:(?<=[?\ufffd].)|[^\\s]{{0,8}}?[{_RESIDUE_CLASS}])"
_EVIDENCE = re.compile(f"[{_RESIDUE_CLASS}]{EVIDENCE_AFTER_RESIDUE}")
_QUESTION_BEFORE_RESIDUE = re.compile(f"\\?[{_RESIDUE_CLASS}]")
#: Of a line's lost leads, the share the words must decide.
_DECIDED_SHARE = 0.6
#: A line needs this many lost leads decided.
_FEWEST_DECIDED = 2
_MOST_PARSES = 32
_CONFIDENCE = 0.9
#: Pieces tried in all to parse one unit: dropped bytes may lie anywhere, and a long
#: unit that parses nowhere would otherwise be tried every way.
_MOST_STEPS = 2000
#: Longer units are left alone: Korean spaces its words, and a run this long with no
#: space is no Korean text (Chinese or Japanese, or one long token).
_LONGEST_UNIT = 40
#: A hole with more candidate syllables than this (a lost lead and another byte) stays open.
_MOST_OPTIONS = 64
_UNIT = re.compile("\\S+")


def has_evidence(text: str) -> bool:
    """Does ``text`` hold what a syllable that lost its lead leaves: a residue
    syllable (:data:`RESIDUE`) and :data:`EVIDENCE_AFTER_RESIDUE`?  (The screen
    searches for the same among its other evidence, in one pass.)"""
    return _EVIDENCE.search(text) is not None


@dataclass(frozen=True, slots=True)
class _Piece:
    """One character of the original: its UTF-8 bytes (``_UNKNOWN`` where lost) and
    the damaged characters ``first`` to ``last`` it was read from."""

    slots: tuple[int, ...]
    first: int
    last: int


def find(text: str, *, guess_lost: bool = False) -> list[Edit]:
    """Edits repairing each line of ``text`` that holds the evidence; with
    ``guess_lost``, each edit that leaves a hole carries the likeliest syllable for it
    (:class:`.guesses.GuessingEdit`), to be written last."""
    if not has_evidence(text):
        return []
    edits: list[Edit] = []
    start = 0
    for line in text.split("\n"):
        if has_evidence(line):
            edits.extend(_line_edits(line, start, guess_lost))
        start += len(line) + 1
    return edits


def _loss_of(line: str) -> Loss:
    if _LOST in line:
        return Loss.REPLACE
    if _QUESTION_BEFORE_RESIDUE.search(line):
        return Loss.REPLACE_QUESTION
    return Loss.IGNORE


def _line_edits(line: str, offset: int, guess_lost: bool) -> list[Edit]:
    model = DamageModel("utf-8", _CODEC, _loss_of(line))
    edits: list[Edit] = []
    decided = undecided = 0
    # A unit is read on its own: a space ends no cp949 pair, so the reader starts
    # afresh after one, as it does after the unit's own ASCII.
    for match in _UNIT.finditer(line):
        reading = _repair_unit(match.group(), model)
        if reading is None:
            continue
        decided += reading.leads_decided
        undecided += reading.leads_open
        if reading.text != match.group():
            edits.append(
                _edit(reading, offset + match.start(), offset + match.end(), model, guess_lost)
            )
    total = decided + undecided
    if decided < _FEWEST_DECIDED or decided < _DECIDED_SHARE * total:
        return []
    return edits


def _edit(reading: _Reading, start: int, end: int, model: DamageModel, guess_lost: bool) -> Edit:
    note = "lead bytes restored from Korean words"
    if _LOST not in reading.text:
        return Edit(start, end, reading.text, model.name, _CONFIDENCE, note)
    left = note + "; lost byte left as U+FFFD"
    if not guess_lost:
        return Edit(start, end, reading.text, model.name, _CONFIDENCE, left)
    return GuessingEdit(
        start,
        end,
        reading.text,
        model.name,
        _CONFIDENCE,
        left,
        guessed=reading.guessed,
        guess_note=note + "; lost byte guessed: the likeliest syllable",
    )


class _Reading(NamedTuple):
    """A unit repaired: U+FFFD where the words did not decide, and the same with the
    likeliest syllable there (U+FFFD where the holes had too many); how many lost
    leads the words decided, and left open."""

    text: str
    guessed: str
    leads_decided: int
    leads_open: int


def _repair_unit(unit: str, model: DamageModel) -> _Reading | None:
    """The unit repaired (U+FFFD where undecided), with how many lost leads the words
    decided and left open; None where it is ASCII, does not parse, or the repair does
    not re-damage to it.

    A unit with no residue is read too (every syllable of ``문법과`` kept its lead):
    the line's other units prove the damage, and Korean written right never parses
    (its syllables' bytes are A1 and up, which cp949 pairs with any lead in EA-ED).
    """
    if unit.isascii() or len(unit) > _LONGEST_UNIT:  # ``???`` may be itself
        return None
    values, owners = _bytes_of(unit, model.loss)
    if values is None:
        return None
    for pieces in _parse(values, owners, ignore=model.loss is Loss.IGNORE):
        repaired = _decided(unit, pieces, model)
        if repaired is not None:
            return repaired
    return None


def _bytes_of(unit: str, loss: Loss) -> tuple[list[int] | None, list[int]]:
    """The bytes cp949 read as ``unit`` (marks as unknown), and each byte's character."""
    values: list[int] = []
    owners: list[int] = []
    for index, char in enumerate(unit):
        if char == _LOST and loss is Loss.REPLACE:
            encoded: tuple[int, ...] = (_UNKNOWN,)
        elif char == "?" and loss is Loss.REPLACE_QUESTION:
            encoded = (_MARK_OR_QUESTION,)
        else:
            raw = _encoded(char)
            if raw is None:
                return None, []
            encoded = tuple(raw)
        values.extend(encoded)
        owners.extend([index] * len(encoded))
    return values, owners


@cache
def _encoded(char: str) -> bytes | None:
    try:
        return char.encode(_CODEC)
    except UnicodeEncodeError:
        return None


def _is_continuation(value: int) -> bool:
    return 0x80 <= value <= 0xBF


def _parse(values: list[int], owners: list[int], *, ignore: bool) -> Iterator[list[_Piece]]:
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
    pieces: list[_Piece],
    ignore: bool,
    budget: list[int],
) -> Iterator[list[_Piece]]:
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
        piece = _Piece((value,), owner, owner)
        yield from _walk(values, owners, position + 1, [*pieces, piece], ignore, budget)
        return
    if 0xE0 <= value <= 0xEF:
        lead, after = (value,), position + 1
    elif value in (_UNKNOWN, _MARK_OR_QUESTION):
        lead, after = (_UNKNOWN,), position + 1
    elif ignore and _is_continuation(value):
        lead, after = (_UNKNOWN,), position  # the lead was dropped
    else:
        return
    for slots, cursor in _sequences(values, lead, after, ignore=ignore):
        if cursor > position:  # a sequence all of whose bytes were dropped left nothing
            piece = _Piece(slots, owner, owners[cursor - 1])
            yield from _walk(values, owners, cursor, [*pieces, piece], ignore, budget)
    if value == _MARK_OR_QUESTION:  # a question mark after all
        piece = _Piece((0x3F,), owner, owner)
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
        _is_continuation(following) or following in (_UNKNOWN, _MARK_OR_QUESTION)
    ):
        value = following if _is_continuation(following) else _UNKNOWN
        yield from _sequences(values, (*lead, value), cursor + 1, ignore=ignore)
    if ignore:
        yield from _sequences(values, (*lead, _UNKNOWN), cursor, ignore=ignore)


def _decided(unit: str, pieces: list[_Piece], model: DamageModel) -> _Reading | None:
    """The unit these pieces make, its lost leads chosen by the Korean words; None
    where a piece is no character or the pieces do not give the unit back."""
    options: list[tuple[str, ...]] = []
    for piece in pieces:
        candidates = _candidates(piece.slots)
        if not candidates:
            return None
        options.append(candidates)
    # Any candidate of a lost lead gives the same bytes back, and of a lost
    # continuation the first (0x80, which cp949 pairs with nothing) gives them back
    # wherever one does: the first of each shows whether the parse holds.
    if not _gives_back("".join(option[0] for option in options), unit, model):
        return None
    chosen = _choose(options)
    written = "".join(
        choice.char if choice.char is not None else option[0]
        for choice, option in zip(chosen, options, strict=True)
    )
    if not _gives_back(written, unit, model):
        return None
    leads = [index for index, piece in enumerate(pieces) if piece.slots[0] == _UNKNOWN]
    decided = sum(1 for index in leads if chosen[index].char is not None)
    text = "".join(choice.char if choice.char is not None else _LOST for choice in chosen)
    guessed = "".join(choice.likeliest for choice in chosen)
    return _Reading(text, guessed, decided, len(leads) - decided)


def _choose(options: list[tuple[str, ...]]) -> list[korean_words.Choice]:
    """Each position's character: the words decide the syllables, per run of Hangul
    (a character that is not Hangul cuts it, and so does a hole of more than
    :data:`_MOST_OPTIONS` syllables, which stays open, unguessed); anything else
    must be the only candidate."""
    chosen = [korean_words.Choice(None, _LOST)] * len(options)
    start = 0
    while start < len(options):
        end = start
        while end < len(options) and _decidable(options[end]):
            end += 1
        if end > start:
            chosen[start:end] = korean_words.decide(options[start:end])
            start = end
            continue
        if len(options[start]) == 1:
            chosen[start] = korean_words.Choice(options[start][0], options[start][0])
        start += 1
    return chosen


def _decidable(options: tuple[str, ...]) -> bool:
    return len(options) <= _MOST_OPTIONS and all(map(korean_words.is_syllable, options))


def _candidates(slots: tuple[int, ...]) -> tuple[str, ...]:
    """The characters the slots may be: a known one, or the Hangul syllables whose
    bytes fill the holes (those with a continuation byte 0x80 first)."""
    if _UNKNOWN not in slots:
        try:
            return (bytes(slots).decode("utf-8"),)
        except UnicodeDecodeError:
            return ()
    return _hangul_filling(slots)


@cache
def _hangul_filling(slots: tuple[int, ...]) -> tuple[str, ...]:
    found: list[str] = []
    for filled in _fillings(slots):
        try:
            char = bytes(filled).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if korean_words.is_syllable(char):
            found.append(char)
    return tuple(sorted(found, key=_rejected_first))


def _rejected_first(char: str) -> tuple[bool, bool, str]:
    """Syllables whose bytes cp949 pairs with nothing first: a second byte below A1
    (which no lead in EA-ED pairs with) and a last byte 0x80.  Where a hole spans
    lost bytes, the first candidate then gives the damaged text back if any does."""
    encoded = char.encode("utf-8")
    return encoded[1] >= 0xA1, encoded[2] != 0x80, char


def _fillings(slots: tuple[int, ...]) -> list[list[int]]:
    filled: list[list[int]] = [[]]
    for index, value in enumerate(slots):
        if value != _UNKNOWN:
            options: range | tuple[int, ...] = (value,)
        elif index == 0:
            options = range(0xEA, 0xEE)
        else:
            options = range(0x80, 0xC0)
        filled = [[*prefix, option] for prefix in filled for option in options]
    return filled


def _gives_back(repaired: str, unit: str, model: DamageModel) -> bool:
    try:
        return model.apply(repaired) == unit
    except UnicodeError:
        return False
