"""The letter a hole left by cp1252's lost bytes is, where its script's spelling or
the word around it decides.

:mod:`.cp1252_holes` makes holes of the sequences that plainly lost a byte; a lone
lead of Hebrew or Arabic has at most five candidates, and often one fits:
``×ין`` begins a word, so it is ``אין`` (:mod:`.spelling`), and ``ניבי×`` is the
listed ``ניבים`` (:mod:`.hole_words`).
"""

from __future__ import annotations

import re

import regex

from cleantext.repair import hole_words, spelling
from cleantext.repair.cp1252_sequences import candidates, letters_before, run_after, word_cells

__all__ = ["Known", "decided", "fitting"]

#: Holes decided already: where each starts, to where it ends and its character.
Known = dict[int, tuple[int, str]]


def decided(
    text: str, hit: re.Match[str], marks: int, known: Known, fit: list[str]
) -> tuple[str, str] | None:
    """The one candidate ``fit`` holds (:func:`fitting`: the one the spelling of its
    script lets stand between the characters around it), or else the one that makes
    the whole word around it a listed word (with the ``known`` letters of its other
    holes: ``×זוריי×`` is ``אזוריים``, its ``א`` spelled out); and why."""
    if len(fit) == 1:
        return fit[0], f"lost byte inferred from spelling: only {fit[0]!r} stands there in a word"
    around = _word_around(text, hit.start(), hit.end() + marks, known)
    if around is None:
        return None  # another character of the word is lost, or mojibake is left in it
    char = hole_words.word_fill(around[0], fit, around[1])
    if char is None:
        return None
    return char, f"lost byte inferred from the lexicon: only {char!r} makes a listed word"


def fitting(text: str, hit: re.Match[str], marks: int) -> list[str]:
    """The candidates of the short sequence (and the ``marks`` written for its lost
    byte) that the spelling of their script lets stand there."""
    after = word_cells(run_after(text, hit.end() + marks), at_end=False) or ()
    letter_after = bool(after) and isinstance(after[0], str) and after[0].isalpha()
    before = letters_before(text, hit.start())
    return spelling.fitting(candidates(hit.group()), before, letter_after)


def _word_around(text: str, start: int, end: int, known: Known) -> tuple[str, str] | None:
    """The letters of the word on each side of ``text[start:end]``, read back, if
    each side reads back whole up to an ASCII space or the text's end, and no letter
    stands beyond the punctuation around the word.

    A no-break space is a byte of mojibake here, ``A0`` (``×\xa0`` is ``נ``): read as
    a space, ``יבי`` before a hole was the whole of ``ניבי``, and had made ``ניבים``
    the ``יביא`` it is not."""
    first, last = start, end
    while first and text[first - 1] not in _SPACES and start - first < _REACH:
        first -= 1
    while last < len(text) and text[last] not in _SPACES and last - end < _REACH:
        last += 1
    if text[first - 1 : first] not in _ENDS or text[last : last + 1] not in _ENDS:
        return None  # a word longer than any looked up
    try:
        before = _read_back(text, first, start, known)
        after = _read_back(text, end, last, known)
    except UnicodeError:
        return None
    word_before, word_after = _WORD_END_RE.fullmatch(before), _WORD_START_RE.fullmatch(after)
    if word_before is None or word_after is None:
        return None
    return word_before.group(1), word_after.group(1)


def _read_back(text: str, start: int, end: int, known: Known) -> str:
    """``text[start:end]`` read back as UTF-8 from cp1252, the ``known`` holes in it
    as the characters decided for them; UnicodeError where it does not read."""
    data = bytearray()
    position = start
    for at in range(start, end):  # a word's length: not every hole of a long line
        if at >= position and at in known:
            hole_end, char = known[at]
            data += text[position:at].encode("cp1252") + char.encode("utf-8")
            position = hole_end
    data += text[position:end].encode("cp1252")
    return data.decode("utf-8")


_SPACES = frozenset(" \t\n\r")
_ENDS = _SPACES | {""}
#: How far a word is looked for on each side, in characters of mojibake.
_REACH = 60
#: A read-back run ending in a word: punctuation, then the word's letters and marks ...
_WORD_END_RE = regex.compile(r"[^\p{L}\p{M}]*([\p{L}\p{M}]*)")
#: ... and one beginning with one.
_WORD_START_RE = regex.compile(r"([\p{L}\p{M}]*)[^\p{L}\p{M}]*")
