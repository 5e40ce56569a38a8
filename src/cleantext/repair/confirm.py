"""Whole words as evidence: a repair that turns a non-word into a common word.

The plausibility margin (:func:`cleantext.repair.score.clearly_better`) is wide on
purpose, so one misread letter inside a Latin word (``vГ©ritable`` read as cp1251,
``Se├▒or`` as cp437, ``POTWIERD店`` as EUC-JP) gains too little to pass it.  The
word is evidence that no character score sees: ``véritable`` is a common French
word, and ``vГ©ritable`` is no word at all.

A repair is confirmed when every change it makes restores letters and completes a
word that is common (Zipf at least :data:`CONFIRM_ZIPF`, about once in a million
words) in a language written with those letters, at least :data:`MIN_LETTERS`
letters long, in one script and in a plain case pattern (``word``, ``Word``,
``WORD``).  Short words are left to the margin: too many two-letter words exist
for a lucky misreading not to hit one.  The bar is also where wordfreq's small
lists end; its large lists know rarer words (``POTWIERDŹ``, Polish "confirm", is
2.57) but cost 60 to 130 MB of memory a language, too much for a check this rare.

A change that completes no common word is still confirmed when another change of
the same repair, with the same damaged characters and the same replacement,
completes one: the same bytes were misread the same way (``sopl├│`` beside
``form├│``).

An opening quotation mark where a word begins may come with the letters
(``„l`` completing ``„linking``).  A change to one symbol is confirmed by its
place instead (:mod:`.symbols`: ``Copyright 漏 2019`` is ``Copyright © 2019``
read as GBK).
"""

from __future__ import annotations

from functools import lru_cache

from cleantext.repair import lexicon, score, symbols, words

__all__ = [
    "CONFIRM_ZIPF",
    "MIN_LETTERS",
    "completes_a_common_word",
    "confirming_notes",
    "is_common_word",
]

#: How common a completed word must be (wordfreq's Zipf scale: 3 is once per million words).
CONFIRM_ZIPF = 3.0
#: The shortest word that confirms a repair.
MIN_LETTERS = 4
#: Letters looked at on each side of a change; a longer run is not a word.
_REACH = 32

#: Languages asked about each script's words (Latin words: English and the languages
#: whose alphabets have the word's accented letters).
_SCRIPT_LANGUAGES = {"cyrillic": ("ru", "uk", "bg", "mk"), "greek": ("el",)}


def confirming_notes(text: str, changes: list[tuple[int, int, str]]) -> tuple[str, ...] | None:
    """For each change (``start``, ``end``, replacement) of ``text``, in order, what
    confirms it: the common word it completes, the same misreading completing one
    elsewhere, or the place of the symbol it restores; None when some change has
    none of these."""
    if not changes:
        return None
    low = max(0, min(start for start, _, _ in changes) - _REACH)
    high = min(len(text), max(end for _, end, _ in changes) + _REACH)
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    position = low
    length = 0
    for start, end, replacement in sorted(changes):
        pieces.append(text[position:start])
        length += start - position
        spans.append((length, length + len(replacement)))
        pieces.append(replacement)
        length += len(replacement)
        position = end
    pieces.append(text[position:high])
    window = "".join(pieces)
    confirmed: dict[tuple[str, str], str] = {}  # (damaged, replacement) -> a word it completes
    own: dict[tuple[int, int, str], str | None] = {}  # what confirms each change itself
    for (start, end), change in zip(spans, sorted(changes), strict=True):
        replacement = change[2]
        damaged = text[change[0] : change[1]]
        if len(replacement) == 1 and (note := symbols.placed_symbol_note(window, start, damaged)):
            own[change] = note
            continue
        marks = _opening_marks(window, start, replacement)
        letters = replacement[marks:]
        if not letters or not all(char.isalpha() for char in letters):
            return None
        word = _word_around(
            window, start + marks, end, at_text_start=low == 0, at_text_end=high == len(text)
        )
        if word is not None and is_common_word(word):
            own[change] = f"completes the word {word!r}"
            confirmed.setdefault((text[change[0] : change[1]], replacement), word)
        else:
            own[change] = None
    notes: list[str] = []
    for change in changes:
        note = own[change]
        if note is not None:
            notes.append(note)
            continue
        vouching = confirmed.get((text[change[0] : change[1]], change[2]))
        if vouching is None:
            return None
        notes.append(f"the same misreading completes the word {vouching!r}")
    return tuple(notes)


#: Marks that open a quotation (or a Spanish question) right before a word.
_OPENING_MARKS = frozenset("“‘„‚«‹¿¡")


def _opening_marks(window: str, start: int, replacement: str) -> int:
    """How many opening marks ``replacement`` (at ``window[start]``) starts with, where
    it starts a word (after a space or at the window's start): ``„l`` that Shift-JIS
    lost nothing of in ``„linking`` restores a mark and completes a word."""
    if start and not window[start - 1].isspace():
        return 0
    count = 0
    while count < len(replacement) - 1 and replacement[count] in _OPENING_MARKS:
        count += 1
    return count


def _word_around(
    window: str, start: int, end: int, *, at_text_start: bool, at_text_end: bool
) -> str | None:
    """The run of letters holding ``window[start:end]``; None if it reaches a cut edge.

    A CJK letter ends the run: it is what a CJK codec left of the next character
    (``„linking窶``, where ``窶`` lost the last byte of ``“``), and no word this module
    knows holds one.
    """
    while start > 0 and _in_word(window[start - 1]):
        start -= 1
    while end < len(window) and _in_word(window[end]):
        end += 1
    if (start == 0 and not at_text_start) or (end == len(window) and not at_text_end):
        return None
    return window[start:end]


def completes_a_common_word(text: str, start: int, end: int, letters: str) -> bool:
    """Would ``letters`` in place of ``text[start:end]`` complete a common word
    (:func:`is_common_word`) with the letters around it?  What
    :func:`confirming_notes` asks of one change of letters, without building its
    window: the repair engine asks it of every repair it ranks."""
    first = start
    while first > 0 and start - first < _REACH and _in_word(text[first - 1]):
        first -= 1
    last = end
    while last < len(text) and last - end < _REACH and _in_word(text[last]):
        last += 1
    # a run cut at _REACH letters on a side is longer than any word is_common_word takes
    return is_common_word(text[first:start] + letters + text[end:last])


def _in_word(char: str) -> bool:
    return char.isalpha() and score.script_of(char) != "CJK"


@lru_cache(maxsize=4096)
def is_common_word(word: str) -> bool:
    """Is ``word`` (letters only) common in a language written with its letters, long
    enough and in a plain case pattern?  (The bar is described above.)"""
    if len(word) < MIN_LETTERS or len(word) > _REACH:
        return False
    if not (word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())):
        return False
    scripts = {lexicon.script_of(char) for char in word}
    if len(scripts) != 1:
        return False
    (script,) = scripts
    if script == "latin":
        languages = {"en"}
        for char in word:
            languages.update(words.LANGUAGES_BY_LETTER.get(char, ()))
    else:
        languages = set(_SCRIPT_LANGUAGES.get(script, ()))
    lowered = word.lower()
    return any(words.zipf(lowered, language) >= CONFIRM_ZIPF for language in sorted(languages))
