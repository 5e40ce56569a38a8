"""What cp1252 that lost the bytes it lacks (``81 8D 8F 90 9D``) left of UTF-8.

The pieces the cp1252 lossy family (:mod:`.cp1252_lossy`) reads with: a lead with
fewer continuations than it needs, the characters it could have been, the one a
no-break space after it would make, and the words around it read back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleantext.repair import bytescan
from cleantext.repair.language import frequencies
from cleantext.repair.models import CP1252_LOSSY_MODELS, DamageModel, Loss
from cleantext.repair.score import char_cost, script_of, shown_as_emoji
from cleantext.repair.screen import CP1252_EXTRAS

__all__ = [
    "CONTINUATION",
    "SHORT_SEQUENCE_RE",
    "candidates",
    "glued_to_its_letters",
    "letters_before",
    "likeliest",
    "model_of_loss",
    "run_after",
    "run_before",
    "with_no_break_space",
    "word_cells",
]


#: What cp1252 (or its sloppy variant, which keeps the five as C1 controls) reads a
#: UTF-8 continuation byte as.
CONTINUATION = "\u0080-\u00bf" + CP1252_EXTRAS


#: A lead and fewer continuations than it needs, and (looked at, not taken, so
#: that ``ðŸ‘ðŸ‘`` is two) what stands after them or the line's end: where a byte
#: was lost.
SHORT_SEQUENCE_RE = re.compile(
    f"(?:[\u00c2-\u00df]|[\u00e0-\u00ef][{CONTINUATION}]?|[\u00f0-\u00f4][{CONTINUATION}]{{0,2}})"
    f"(?=([^{CONTINUATION}]|$))",
    re.MULTILINE,
)


def model_of_loss(loss: Loss) -> DamageModel:
    return next(model for model in CP1252_LOSSY_MODELS if model.loss is loss)


#: One character's sequence as cp1252 read it, whole or short: a lead and the
#: continuations after it, or any other character.
_SEQUENCE_RE = re.compile(
    f"[\u00c2-\u00df][{CONTINUATION}]?|[\u00e0-\u00ef][{CONTINUATION}]{{0,2}}"
    f"|[\u00f0-\u00f4][{CONTINUATION}]{{0,3}}|.",
    re.DOTALL,
)


def word_cells(mojibake: str, *, at_end: bool) -> tuple[str | frozenset[str], ...] | None:
    """The letters of the word that ``mojibake`` (a run without spaces) ends with
    (``at_end``) or begins with, read back as UTF-8, lowercase, a sequence that lost
    a byte as the set of letters it could have been; None where a character that
    is no letter of a word stands in the word's way."""
    cells = [_cell(piece) for piece in _SEQUENCE_RE.findall(mojibake)]
    word: list[str | frozenset[str]] = []
    for cell in reversed(cells) if at_end else cells:
        if isinstance(cell, frozenset) or cell.isalpha():
            word.append(cell)
        else:
            break
    return tuple(reversed(word)) if at_end else tuple(word)


def _cell(piece: str) -> str | frozenset[str]:
    """One character's sequence read back, lowercase, or the letters it could have
    been if it lost a byte (U+FFFD if none)."""
    try:
        return piece.encode("cp1252").decode("utf-8").lower()
    except UnicodeError:
        letters = frozenset(char.lower() for char in candidates(piece) if char.isalpha())
        return letters if letters else "\ufffd"


def run_before(text: str, end: int) -> str:
    """The characters before ``end`` up to a space (at most :data:`_REACH`)."""
    start = end
    while start > 0 and not _space_at(text, start - 1) and end - start < _REACH:
        start -= 1
    return text[start:end]


def run_after(text: str, start: int) -> str:
    """The characters from ``start`` up to a space (at most :data:`_REACH`)."""
    end = start
    while end < len(text) and not _space_at(text, end) and end - start < _REACH:
        end += 1
    return text[start:end]


def _space_at(text: str, index: int) -> bool:
    """Is ``text[index]`` a space, and not the ``A0`` byte of a sequence, after its
    lead or a continuation (``×\xa0`` is Hebrew ``נ``, ``Ð\xa0`` Russian ``Р``,
    ``â€\xa0`` a dagger)?"""
    char = text[index]
    if char == "\xa0" and index and _IN_A_SEQUENCE_RE.match(text, index - 1):
        return False
    return char.isspace()


#: A lead or a continuation, as cp1252 reads them: an ``A0`` after one is a byte.
_IN_A_SEQUENCE_RE = re.compile(f"[\u00c2-\u00f4{CONTINUATION}]")


#: How far a word is looked for on each side, in characters of mojibake.
_REACH = 40


def letters_before(text: str, end: int) -> str:
    """What stands before ``end``, up to a space or a character cp1252 does not write
    (a U+FFFD for a lost byte, or what a repair wrote), read back as UTF-8."""
    before = run_before(text, end)
    start = len(before)
    while start and _cp1252_writes(before[start - 1]):
        start -= 1
    return before[start:].encode("cp1252").decode("utf-8", errors="replace")


@lru_cache(maxsize=512)
def _cp1252_writes(char: str) -> bool:
    try:
        char.encode("cp1252")
    except UnicodeEncodeError:
        return False
    return True


def glued_to_its_letters(text: str, start: int, end: int, marks: int = 0) -> bool:
    """Is the short sequence ``text[start:end]`` glued to a letter, read back, of the
    script of the letters it could be, having lost its byte?  ``×ין`` is ``אין``
    (``D7 90``, its 90 lost); ``3×4`` is a multiplication.  ``marks``: the characters
    written for its lost bytes after it (``×?ין``)."""
    scripts = {script_of(char) for char in likeliest(candidates(text[start:end])) if char.isalpha()}
    after = word_cells(run_after(text, end + marks), at_end=False) or ()
    beside = [*letters_before(text, start)[-1:], *(c for c in after[:1] if isinstance(c, str))]
    return any(char.isalpha() and script_of(char) in scripts for char in beside)


def with_no_break_space(hit: re.Match[str]) -> str | None:
    """The character the short sequence and an ``A0`` byte make, if they make one."""
    try:
        return (hit.group().encode("cp1252") + b"\xa0").decode("utf-8")
    except UnicodeError:
        return None


@lru_cache(maxsize=256)
def candidates(sequence: str) -> tuple[str, ...]:
    """The characters a short sequence could have been, having lost bytes cp1252
    lacks (none if it holds a character cp1252 does not write)."""
    try:
        slots = tuple(sequence.encode("cp1252"))
    except UnicodeEncodeError:
        return ()
    missing = bytescan.utf8_length(slots[0]) - len(slots)
    if missing <= 0:
        return ()  # no lead, or more continuations than it takes: no short sequence
    return bytescan.candidates_for(slots, missing, model_of_loss(Loss.IGNORE))


#: The cost of a common ideograph or a kana (:func:`.score.char_cost`); emoji and
#: typography cost less.
_PLAUSIBLE = 1.0


def likeliest(candidates: tuple[str, ...]) -> list[str]:
    """The cheapest candidates by :func:`.score.char_cost`, if they are characters
    text writes: the most frequent first (:func:`_frequency`; wordfreq lists the
    commonest emoji: ``👏`` then ``👍``), then those shown as emoji (``🐙``, not the
    domino ``🁙``)."""
    costs = {char: char_cost(char) for char in candidates}
    if not costs or min(costs.values()) > _PLAUSIBLE:
        return []
    cheapest = min(costs.values())
    return sorted(
        (char for char, cost in costs.items() if cost == cheapest),
        key=lambda char: (-_frequency(char), not shown_as_emoji(char), char),
    )


def _frequency(char: str) -> float:
    """How often ``char`` stands alone as a word: in English text, or, for Hangul,
    kana and ideographs, in the commonest of Korean, Japanese and Chinese text
    (``ì˜`` is ``의``, a particle, not the ``쁘`` of the syllable's code point order)."""
    if script_of(char) == "CJK":
        return max((frequencies(language) or {}).get(char, 0.0) for language in _CJK_LANGUAGES)
    return (frequencies("en") or {}).get(char, 0.0)


_CJK_LANGUAGES = ("ko", "ja", "zh")
