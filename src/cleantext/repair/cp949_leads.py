"""UTF-8 read as cp949 (Unified Hangul Code) that lost the lead bytes of its characters.

Korean, Chinese and Japanese characters are three UTF-8 bytes: a lead ``E3``-``ED``
and two continuation bytes.  cp949 pairs a lead in that range only with a byte
from ``A1`` up, so a character whose second byte is lower (two in three Hangul
syllables, by frequency, and half the ideographs) loses its lead: U+FFFD, ``?`` or
nothing takes its place, and its other two bytes pair as one of cp949's extended
Hangul syllables, which Korean prose hardly ever writes.  ``역사적`` becomes
``�뿭�궗�쟻`` (or ``뿭궗쟻``), ``日本`` ``�뿥�쑍``: what a Korean Windows program
shows of a UTF-8 file.  The other characters pair their first two bytes as an
ideograph and their last with the next byte.  ftfy reads none of it, and the
multi-byte family's candidates for a lost lead are punctuation and Latin letters.

This family reads each spaced unit of a line with such evidence
(:data:`RESIDUE`, two or more) on its own (:mod:`.cp949_parse`).  A lost lead is one
of the few characters those bytes end: four Hangul syllables when the line is read
as Korean, or a kana and six ideographs when it is read as Chinese or Japanese.
The words around it choose (:mod:`.word_lattice`); a hole the words do not decide
stays U+FFFD, as does a character that lost more, or whose candidates include
punctuation (:func:`_might_be_a_mark`), which no word list prices (with
``guess_lost=True``, the likeliest letter is written there last).
A unit is repaired only when the damage, re-applied to the repair, gives it back
exactly; a line only when the words of one reading, Korean first, decided most of
its lost leads (:data:`_DECIDED_SHARE`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

from cleantext.plan import Edit
from cleantext.repair import cjk_words, score, word_lattice
from cleantext.repair.cp949_parse import CODEC, MARK, UNKNOWN, Piece, parses
from cleantext.repair.guesses import GuessingEdit
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.verify import reproduces
from cleantext.repair.word_lattice import Choice, Lexicon

__all__ = ["EVIDENCE_AFTER_RESIDUE", "RESIDUE", "find", "has_evidence"]

#: What cp949 reads of the last two bytes of a character that lost its lead: a
#: first byte 81-A0 (the character's second byte, too low to pair with the lead)
#: and a second 81-BF.  Every one is an extended Hangul syllable, beyond KS X 1001.
RESIDUE = frozenset(
    bytes((first, second)).decode(CODEC)
    for first in range(0x81, 0xA1)
    for second in range(0x81, 0xC0)
)
_RESIDUE_CLASS = "".join(sorted(RESIDUE))
#: After a residue syllable: another in the same spaced unit, or, before it, a mark
#: that stands for a lost byte.  No Korean text writes either.
EVIDENCE_AFTER_RESIDUE = f"(?:(?<=[?\ufffd].)|[^\\s]{{0,8}}?[{_RESIDUE_CLASS}])"


@cache
def _evidence() -> re.Pattern[str]:
    """The evidence pattern, compiled on first use (a class of 2 016 syllables takes
    milliseconds to compile, which ``import cleantext`` need not pay)."""
    return re.compile(f"[{_RESIDUE_CLASS}]{EVIDENCE_AFTER_RESIDUE}")


@cache
def _question_before_residue() -> re.Pattern[str]:
    return re.compile(f"\\?[{_RESIDUE_CLASS}]")


#: Of a line's lost leads that the words could decide, the share they must decide.
_DECIDED_SHARE = 0.6
#: A line needs this many lost leads decided.
_FEWEST_DECIDED = 2
_CONFIDENCE = 0.9
#: Longer units are left alone (about a line of Chinese or Japanese, which space no
#: words; one long token otherwise).
_LONGEST_UNIT = 120
#: A hole with more candidates than this (a lost lead and another byte) stays open.
_MOST_OPTIONS = 64
_UNIT = re.compile("\\S+")


class _Script(NamedTuple):
    """A reading of a line: the letters it writes, their leads, and their words."""

    name: str
    leads: tuple[int, ...]
    letter: Callable[[str], bool]
    lexicon: Callable[[], Lexicon]
    #: letters of the script the line must hold whole: half the ideographs of a
    #: line of Chinese keep their lead, but Korean syllables whose leads were lost
    #: may be read as ideographs too (``쓔쓔`` had become ``哔哩``)
    fewest_whole: int


_KOREAN = _Script(
    "Korean", (0xEA, 0xEB, 0xEC, 0xED), word_lattice.is_syllable, word_lattice.korean, 0
)
_CHINESE_JAPANESE = _Script(
    "Chinese and Japanese",
    tuple(range(0xE3, 0xEA)),
    cjk_words.is_cjk,
    word_lattice.chinese_japanese,
    2,
)
_SCRIPTS = (_KOREAN, _CHINESE_JAPANESE)
#: Leads of the punctuation and symbols a lost lead may have been in any reading:
#: a hole that may be one stays open (:func:`_might_be_a_mark`).
_MARK_LEADS = (0xE2, 0xE3, 0xEF)


def _might_be_a_mark(char: str) -> bool:
    """Punctuation and the currency signs and symbols CJK text writes beside its
    letters (:data:`_SYMBOLS`), CJK and full-width punctuation, or a Hangul jamo: what no
    word list prices (``€`` is ``사`` with another lead, ``♡`` is ``왡``, and ``ㅋ`` is
    ``켜``)."""
    code = ord(char)
    return char in _SYMBOLS or any(start <= code <= end for start, end in _MARK_BLOCKS)


#: The blocks of :func:`_might_be_a_mark`.
_MARK_BLOCKS = (
    (0x2010, 0x203B),  # dashes, quotation marks, bullets, ellipsis, per mille, ※
    (0x3000, 0x303F),  # CJK punctuation
    (0x3130, 0x318F),  # Hangul compatibility jamo
    (0xFF00, 0xFFEF),  # full-width and half-width forms
)
#: Currency signs and symbols of other blocks that CJK text writes (not whole
#: blocks: the dingbat ``❴`` is ``이`` with another lead, the small triangle ``▴``
#: is ``어``, the old drachma sign ``₯`` is ``날``).
_SYMBOLS = frozenset("€₩₹₽←↑→↓①②③④⑤⑥⑦⑧⑨⑩─│┌┐└┘├┤┬┴┼■□▲△▼▽◆◇○◎●★☆♀♂♠♡♣♤♥♧♦♪♫✓✔")


def has_evidence(text: str) -> bool:
    """Does ``text`` hold what a character that lost its lead leaves: a residue
    syllable (:data:`RESIDUE`) and :data:`EVIDENCE_AFTER_RESIDUE`?  (The screen
    searches for the same among its other evidence, in one pass.)"""
    return _evidence().search(text) is not None


def find(text: str, *, guess_lost: bool = False) -> list[Edit]:
    """Edits repairing each line of ``text`` that holds the evidence; with
    ``guess_lost``, each edit that leaves a hole carries the likeliest letter for it
    (:class:`.guesses.GuessingEdit`), to be written last."""
    if not has_evidence(text):
        return []
    edits: list[Edit] = []
    start = 0
    for line in text.split("\n"):
        if has_evidence(line):
            model = DamageModel("utf-8", CODEC, _loss_of(line))
            for script in _SCRIPTS:
                found = _line_edits(line, start, model, script, guess_lost)
                if found is not None:
                    edits.extend(found)
                    break
        start += len(line) + 1
    return edits


def _loss_of(line: str) -> Loss:
    if MARK in line:
        return Loss.REPLACE
    if _question_before_residue().search(line):
        return Loss.REPLACE_QUESTION
    return Loss.IGNORE


class _Reading(NamedTuple):
    """A unit repaired: U+FFFD where the words did not decide, and the same with the
    likeliest letter there (U+FFFD where the holes had too many candidates); how many
    lost leads the words could decide, and did; how many of its characters are
    letters of the script that came through whole, and whether any may be one."""

    text: str
    guessed: str
    leads_decided: int
    leads_decidable: int
    whole_letters: int
    any_letter: bool


def _line_edits(
    line: str, offset: int, model: DamageModel, script: _Script, guess_lost: bool
) -> list[Edit] | None:
    """The edits of ``line`` read in ``script``; None where the words did not decide
    enough of its lost leads."""
    edits: list[Edit] = []
    decided = decidable = whole = 0
    # A unit is read on its own: a space ends no cp949 pair, so the reader starts
    # afresh after one, as it does after the unit's own ASCII.  A unit with no letter
    # of the script (``By’s``, whose ``’`` lost two bytes) is left to the multi-byte
    # family, whose rules read punctuation.
    for match in _UNIT.finditer(line):
        reading = _repair_unit(match.group(), model, script)
        if reading is None or not reading.any_letter:
            continue
        decided += reading.leads_decided
        decidable += reading.leads_decidable
        whole += reading.whole_letters
        if reading.text != match.group():
            start, end = offset + match.start(), offset + match.end()
            edits.append(_edit(reading, start, end, model, script, guess_lost))
    if decided < _FEWEST_DECIDED or decided < _DECIDED_SHARE * decidable:
        return None
    if whole < script.fewest_whole:
        return None
    return edits


def _edit(
    reading: _Reading, start: int, end: int, model: DamageModel, script: _Script, guess_lost: bool
) -> Edit:
    note = f"lead bytes restored from {script.name} words"
    if MARK not in reading.text:
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
        guess_note=note + "; lost byte guessed: the likeliest letter",
    )


def _repair_unit(unit: str, model: DamageModel, script: _Script) -> _Reading | None:
    """The unit repaired in ``script``; None where it is ASCII or too long, does not
    parse, or the repair does not re-damage to it.

    A unit with no residue is read too where a mark shows a lost byte (every
    syllable of ``문법과`` kept its lead, and its last byte became ``�``): the line's
    other units prove the damage, and Korean written right never parses (its
    syllables' bytes are A1 and up, which cp949 pairs with any lead in EA-ED).  Where
    bytes were dropped, no mark shows one, and an ideograph written right whose
    cp949 bytes are a UTF-8 lead and a continuation (``E4 B8``) would parse as one
    that lost its last byte.
    """
    if unit.isascii() or len(unit) > _LONGEST_UNIT:  # ``???`` may be itself
        return None
    if model.loss is Loss.IGNORE and not any(char in RESIDUE for char in unit):
        return None
    for pieces in parses(unit, model.loss):
        repaired = _decided(unit, pieces, model, script)
        if repaired is not None:
            return repaired
    return None


def _decided(
    unit: str, pieces: list[Piece], model: DamageModel, script: _Script
) -> _Reading | None:
    """The unit these pieces make, its lost leads chosen by the words; None where a
    piece is no character or the pieces do not give the unit back."""
    positions: list[_Position] = []
    for piece in pieces:
        position = _position(piece, script)
        if position is None:
            return None
        positions.append(position)
    # Any candidate of a lost lead gives the same bytes back, and of a lost
    # continuation the first (0x80, which cp949 pairs with nothing) gives them back
    # wherever one does: the first of each shows whether the parse holds.
    if not reproduces(model, "".join(position.candidates[0] for position in positions), unit):
        return None
    letters = _letters(positions)
    chosen = _choose(positions, letters, script)
    written = "".join(
        choice.char if choice.char is not None else position.candidates[0]
        for choice, position in zip(chosen, positions, strict=True)
    )
    if not reproduces(model, written, unit):
        return None
    leads = [
        index
        for index, piece in enumerate(pieces)
        if piece[0] == UNKNOWN and letters[index].decides
    ]
    decided = sum(1 for index in leads if chosen[index].char is not None)
    text = "".join(choice.char if choice.char is not None else MARK for choice in chosen)
    guessed = "".join(choice.likeliest for choice in chosen)
    whole = sum(1 for position in positions if position.only_letters and len(position.letters) == 1)
    any_letter = any(position.any_letter for position in positions)
    return _Reading(text, guessed, decided, len(leads), whole, any_letter)


class _Position(NamedTuple):
    """What one character of the original may be: its candidates, those that are
    letters of the script, and whether it may only be one, or may be one."""

    candidates: tuple[str, ...]
    letters: tuple[str, ...]
    only_letters: bool
    any_letter: bool


def _position(slots: tuple[int, ...], script: _Script) -> _Position | None:
    """The :class:`_Position` the slots make: a known character, or the characters
    whose bytes fill the holes (:func:`_hole`); None where they make none, or make
    a rare letter of another script (:func:`_rare_foreign_letter`)."""
    if UNKNOWN in slots:
        return _hole(slots, script)
    try:
        char = bytes(slots).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _rare_foreign_letter(char):
        return None
    letter = script.letter(char)
    return _Position((char,), (char,) if letter else (), letter, letter)


def _rare_foreign_letter(char: str) -> bool:
    """Is ``char`` a letter neither Korean nor Chinese nor Japanese, and one few texts
    write (:func:`.score.is_rare`)?  The lead kept of one character and the
    continuations of another make one by chance: ``참가자`` that lost bytes left
    ``李멸옄``, whose ``EA`` (of ``가``) and ``9E 90`` (of ``자``) had been read as
    the Latin ``Ꞑ`` after ``참`` (word probe, seed 222)."""
    return char.isalpha() and score.script_of(char) != "CJK" and score.is_rare(char)


@cache
def _hole(slots: tuple[int, ...], script: _Script) -> _Position | None:
    """The script's letters and the marks (:func:`_might_be_a_mark`) whose bytes fill
    the holes in ``slots``, those cp949 pairs with nothing first
    (:func:`_rejected_first`); worked out once (a character that lost all three
    bytes has tens of thousands)."""
    found: list[str] = []
    for filled in _fillings(slots, tuple(sorted({*script.leads, *_MARK_LEADS}))):
        try:
            char = bytes(filled).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if script.letter(char) or _might_be_a_mark(char):
            found.append(char)
    if not found:
        return None
    candidates = tuple(sorted(found, key=_rejected_first))
    letters = tuple(filter(script.letter, candidates))
    return _Position(candidates, letters, len(letters) == len(candidates), bool(letters))


def _choose(positions: list[_Position], letters: list[_Letters], script: _Script) -> list[Choice]:
    """Each position's character: the words decide the letters, per run of positions
    that may be letters (:func:`_letters`; anything else cuts a run), except where
    the hole may be a mark; any other position must have one candidate, or stays
    open, unguessed."""
    chosen = [Choice(None, MARK)] * len(positions)
    start = 0
    while start < len(positions):
        end = start
        while end < len(positions) and letters[end].options:
            end += 1
        if end > start:
            run = [position.options for position in letters[start:end]]
            for offset, choice in enumerate(word_lattice.decide(run, script.lexicon())):
                decides = letters[start + offset].decides
                chosen[start + offset] = choice if decides else choice._replace(char=None)
            start = end
            continue
        candidates = positions[start].candidates
        if len(candidates) == 1:
            chosen[start] = Choice(candidates[0], candidates[0])
        start += 1
    return chosen


class _Letters(NamedTuple):
    """The letters a position may be (none where there are too many to read) and
    whether the words may choose among them there."""

    options: tuple[str, ...]
    decides: bool


def _letters(positions: list[_Position]) -> list[_Letters]:
    """For each position, the letters it may be, and whether the words choose among
    them: not for a hole with more than :data:`_MOST_OPTIONS` of them, nor for one
    that may be a mark (:func:`_might_be_a_mark`) unless what may be letters stand
    on both sides (``€`` is ``사`` with another lead, and ``역�적`` is no place for
    it; ``사랑해♡`` and ``⑨들`` are).  Such a hole is still the context of its
    neighbours."""
    found: list[_Letters] = []
    for index, position in enumerate(positions):
        if len(position.letters) > _MOST_OPTIONS:
            found.append(_Letters((), decides=False))
            continue
        # glued to what may be letters on both sides
        inside = 0 < index < len(positions) - 1 and (
            positions[index - 1].any_letter and positions[index + 1].any_letter
        )
        found.append(_Letters(position.letters, decides=position.only_letters or inside))
    return found


def _rejected_first(char: str) -> tuple[bool, bool, str]:
    """Characters whose bytes cp949 pairs with nothing first: a second byte below A1
    (which no lead from E2 up pairs with) and a last byte 0x80.  Where a hole spans
    lost bytes, the first candidate then gives the damaged text back if any does."""
    encoded = char.encode("utf-8")
    return encoded[1] >= 0xA1, encoded[2] != 0x80, char


def _fillings(slots: tuple[int, ...], leads: tuple[int, ...]) -> list[list[int]]:
    filled: list[list[int]] = [[]]
    for index, value in enumerate(slots):
        if value != UNKNOWN:
            options: range | tuple[int, ...] = (value,)
        elif index == 0:
            options = leads
        else:
            options = range(0x80, 0xC0)
        filled = [[*prefix, option] for prefix in filled for option in options]
    return filled
