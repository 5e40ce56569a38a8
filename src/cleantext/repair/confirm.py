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
for a lucky misreading not to hit one.
"""

from __future__ import annotations

from cleantext.repair import infer, lexicon

__all__ = ["CONFIRM_ZIPF", "MIN_LETTERS", "confirming_words"]

#: How common a completed word must be (wordfreq's Zipf scale: 3 is once per million words).
CONFIRM_ZIPF = 3.0
#: The shortest word that confirms a repair.
MIN_LETTERS = 4
#: Letters looked at on each side of a change; a longer run is not a word.
_REACH = 32

#: Languages asked about each script's words (Latin words: English and the languages
#: whose alphabets have the word's accented letters).
_SCRIPT_LANGUAGES = {"cyrillic": ("ru", "uk", "bg", "mk"), "greek": ("el",)}


def confirming_words(text: str, changes: list[tuple[int, int, str]]) -> tuple[str, ...] | None:
    """The common word each change (``start``, ``end``, replacement) of ``text`` completes,
    or None when some change completes none."""
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
    words: list[str] = []
    for (start, end), (_, _, replacement) in zip(spans, sorted(changes), strict=True):
        if not replacement or not all(char.isalpha() for char in replacement):
            return None
        word = _word_around(
            window, start, end, at_text_start=low == 0, at_text_end=high == len(text)
        )
        if word is None or not _common(word):
            return None
        words.append(word)
    return tuple(words)


def _word_around(
    window: str, start: int, end: int, *, at_text_start: bool, at_text_end: bool
) -> str | None:
    """The run of letters holding ``window[start:end]``; None if it reaches a cut edge."""
    while start > 0 and window[start - 1].isalpha():
        start -= 1
    while end < len(window) and window[end].isalpha():
        end += 1
    if (start == 0 and not at_text_start) or (end == len(window) and not at_text_end):
        return None
    return window[start:end]


def _common(word: str) -> bool:
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
            languages.update(infer.LANGUAGES_BY_LETTER.get(char, ()))
    else:
        languages = set(_SCRIPT_LANGUAGES.get(script, ()))
    lowered = word.lower()
    return any(infer.zipf(lowered, language) >= CONFIRM_ZIPF for language in sorted(languages))
