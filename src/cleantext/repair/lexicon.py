"""Restore the letters of a word that lost bytes in several places, from a lexicon.

UTF-8 Cyrillic read as Latin-1 with the C1 characters deleted loses the second
byte of ``р с т у ф х ц ч ш щ ъ ы ь э ю я``: ``директор`` comes back as
``ди?ек?о?`` where each ``?`` is one of those letters.  One hole at a time, the
context cannot decide; the whole word can: ``директор`` is the only Russian word
of that shape.  :func:`fill` takes a word as a pattern (known letters, and a set
of candidate letters per hole) and the languages to ask, finds every word of
wordfreq's "small" lists (Zipf >= 3) that fits, and decides each hole by the
frequency mass of the words that put each letter there.

A word that is not in the lexicon (a name, a rare inflection) must not be
"repaired" into one that is.  So a hole gets a letter only when the listed words
putting that letter there are :data:`LISTED_RATIO` (1000) times more frequent than
the listed words putting any other letter there (``nadzieją``/``nadzieję`` tie), and
:data:`RATIO` (10) times more frequent than the unlisted words that might fit, whose
mass grows with the choices at each hole (doubly at the last two letters, where
inflections differ) and shrinks with each known letter (:func:`_unseen_zipf`).

Calibration (``PER_HOLE``, ``PER_KNOWN``, the ending weight): words drawn by
frequency from wordfreq's "large" lists, which hold the rarer words and forms the
small lists lack, damaged by C1 loss and filled from the small lists.  Share of
holes filled / filled wrongly: Russian 29% / 0.02%, Ukrainian 24% / 0, Polish
81% / 0.09%, French 94% / 0, Czech 89% / 0 (2,000 words each).  The wrong fills are
inflected forms missing from the small list whose sibling is listed (``хвалил`` read
as ``свалил``); the rest stay U+FFFD.  A last hole where the lists show the stem
inflecting (:func:`_inflects_at_the_end`) needs a word of Zipf 4: Polish then fills
75-77% of its holes and Czech 86-90% (two draws of 2,000 words), with one wrong
Polish fill fewer.

Each language's list is indexed lazily, one word length at a time, by (position,
letter), so a lookup reads only the words sharing the pattern's rarest known letter,
and at most :data:`MAX_SCAN` of them: work per word is bounded, and input stays
linear.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from cleantext.repair.language import LANGUAGES, words_of, written_in, zipf_of
from cleantext.repair.language import frequencies as word_frequencies

__all__ = [
    "LANGUAGES_BY_SCRIPT",
    "LISTED_RATIO",
    "MAX_SCAN",
    "RATIO",
    "Cell",
    "Filled",
    "alphabet",
    "fill",
    "fill_words",
    "hole_scripts",
    "script_of",
    "words_fitting",
]

#: A letter's listed words must outweigh the other letters' listed words this much.
LISTED_RATIO = 1000.0
#: ... and the estimated mass of unlisted words that might fit this much.
RATIO = 10.0
#: Zipf added to the unlisted words' mass per factor of ten in a hole's choices ...
PER_HOLE = 0.5
#: ... and taken off per known letter.
PER_KNOWN = 0.3
#: The last letters, where inflections differ, count their choices this many times.
_ENDING = 2
_ENDING_WEIGHT = 2.0
#: Words of the lexicon read per lookup, at most; past that the word is left alone.
MAX_SCAN = 4000
#: Zipf of the listed words' floor: an unlisted word is rarer than this.
_LISTED_FLOOR = 3.0
_LONGEST = 32
#: A letter of a language's alphabet appears in at least this many of its listed words.
_ALPHABET_WORDS = 50

#: A language of the script is left out of a fill when the best one knows this many
#: more of the window's complete words: one word (``насочено``, Bulgarian) is too
#: little to leave Russian's ``западе`` out of a hole that Bulgarian fills as ``запада``.
_WORDS_TO_LEAVE_OUT = 2

#: Languages whose wordfreq list is written in each script.
LANGUAGES_BY_SCRIPT: dict[str, tuple[str, ...]] = {
    "cyrillic": ("ru", "uk", "bg", "mk"),
    "greek": ("el",),
}

Hole = frozenset[str]
Pattern = tuple[str | Hole, ...]


@dataclass(frozen=True, slots=True)
class Filled:
    """A hole's letter (lowercase, as the lexicon writes it) and why."""

    position: int
    letter: str
    note: str


def script_of(char: str) -> str:
    """The script a letter belongs to, coarsely: ``latin``, ``cyrillic``, ``greek`` or ``other``."""
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    if 0x370 <= code < 0x400 or 0x1F00 <= code < 0x2000:
        return "greek"
    return "other"


class _Index:
    """A language's words of each length, indexed by (position, letter), built one
    length at a time as lookups ask.

    Lookups ask a few lengths only: indexing every length of every language up
    front took 0.15 s a language, and a single damaged English document can ask 15
    Latin languages about one word (3 s before its first repair).

    Words are held as they are written.  wordfreq casefolds its keys, which writes
    Greek's final ``ς`` as ``σ`` (``επίσησ``); with ``final_sigma`` a key's last
    ``σ`` is read back as ``ς``, so a hole at a word's end is filled with the letter
    Greek writes there, and a word whose known last letter is ``ς`` is found.
    """

    __slots__ = ("_alphabet", "_by_length", "_final_sigma", "_postings", "frequencies")

    def __init__(self, frequencies: dict[str, float], *, final_sigma: bool = False) -> None:
        self.frequencies = frequencies  # wordfreq's own cached dict, shared, not copied
        self._final_sigma = final_sigma
        self._by_length: dict[int, list[str]] = {}
        self._postings: dict[int, dict[tuple[int, str], array[int]]] = {}
        self._alphabet: frozenset[str] | None = None

    def _written(self, key: str) -> str:
        if self._final_sigma and key.endswith("σ"):
            return key[:-1] + "ς"
        return key

    def zipf(self, word: str) -> float:
        """The Zipf of ``word``, one of :meth:`words`."""
        key = word[:-1] + "σ" if self._final_sigma and word.endswith("ς") else word
        return zipf_of(self.frequencies[key])

    @property
    def alphabet(self) -> frozenset[str]:
        """Letters that appear at least :data:`_ALPHABET_WORDS` times in the words."""
        if self._alphabet is None:
            counts = Counter(
                "".join(
                    self._written(word)
                    for word, frequency in self.frequencies.items()
                    if frequency > 0 and len(word) <= _LONGEST and word.isalpha()
                )
            )
            self._alphabet = frozenset(
                letter for letter, count in counts.items() if count >= _ALPHABET_WORDS
            )
        return self._alphabet

    def words(self, length: int) -> list[str]:
        """The words of ``length`` letters (found the first time that length is asked)."""
        found = self._by_length.get(length)
        if found is None:
            found = [
                self._written(word)
                for word, frequency in self.frequencies.items()
                if len(word) == length and frequency > 0 and word.isalpha()
            ]
            self._by_length[length] = found
        return found

    def postings(self, length: int) -> dict[tuple[int, str], array[int]]:
        """Ids (into :meth:`words` of ``length``) of the words with each letter at each
        place (built the first time that length is asked)."""
        found = self._postings.get(length)
        if found is None:
            lists: dict[tuple[int, str], list[int]] = {}
            for number, word in enumerate(self.words(length)):
                for position, letter in enumerate(word):
                    lists.setdefault((position, letter), []).append(number)
            found = {key: array("I", numbers) for key, numbers in lists.items()}
            self._postings[length] = found
        return found


#: Indexes kept: every language the repairs ask (21 Latin, 4 Cyrillic, Greek), 2 to
#: 4 MB each when every length is asked.  Six thrashed on damaged corpora: 29 builds
#: in 80 documents.
_INDEXES_KEPT = 32


@lru_cache(maxsize=_INDEXES_KEPT)
def _index(language: str) -> _Index | None:
    """The language's index (see :class:`_Index`), or None if wordfreq has no list."""
    frequencies = word_frequencies(language)
    return None if frequencies is None else _Index(frequencies, final_sigma=language == "el")


def alphabet(language: str) -> frozenset[str]:
    """The lowercase letters the words of ``language`` are written with (each in
    :data:`_ALPHABET_WORDS` listed words at least); none without a list."""
    index = _index(language)
    return frozenset() if index is None else index.alphabet


def _matches(pattern: Pattern, language: str) -> dict[str, float] | None:
    """Words of ``language`` that fit ``pattern``, with their Zipf; None when the
    pattern is too loose to look up within :data:`MAX_SCAN` words."""
    index = _index(language)
    if index is None:
        return {}
    length = len(pattern)
    known = [(i, part) for i, part in enumerate(pattern) if isinstance(part, str)]
    if not known:
        return None
    empty: array[int] = array("I")
    postings = index.postings(length)
    lists = [postings.get((i, letter), empty) for i, letter in known]
    shortest = min(lists, key=len)
    if len(shortest) > MAX_SCAN:
        return None
    regex = _compile(pattern)
    words = index.words(length)
    return {
        words[number]: index.zipf(words[number])
        for number in shortest
        if regex.fullmatch(words[number])
    }


@lru_cache(maxsize=1024)
def _compile(pattern: Pattern) -> re.Pattern[str]:
    parts = [
        re.escape(part) if isinstance(part, str) else "[" + re.escape("".join(sorted(part))) + "]"
        for part in pattern
    ]
    return re.compile("".join(parts))


def _unseen_zipf(pattern: Pattern, languages: tuple[str, ...]) -> float:
    """How frequent, at most, the unlisted words fitting ``pattern`` may be together.

    Each listed floor word stands for the rarer words below it; a hole with ``c``
    candidate letters multiplies the shapes an unlisted word could take by ``c``,
    a known letter narrows it.  A word of nine known letters and two holes is
    almost certainly a listed word if one fits; a two-letter word with one known
    letter is not.
    """
    alphabets = [index.alphabet for index in map(_index, languages) if index is not None]
    spread = 0.0
    known = 0
    for position, part in enumerate(pattern):
        if isinstance(part, str):
            known += 1
            continue
        choices = max(
            (math.log10(max(len(part & alphabet), 1)) for alphabet in alphabets), default=0.0
        )
        ending = position >= len(pattern) - _ENDING
        spread += choices * (_ENDING_WEIGHT if ending else 1.0)
    return _LISTED_FLOOR + PER_HOLE * spread - PER_KNOWN * known


@lru_cache(maxsize=4096)
def fill(pattern: Pattern, languages: tuple[str, ...]) -> tuple[Filled, ...]:
    """The holes of ``pattern`` (lowercase) that the lexicons of ``languages`` decide.

    A hole gets letter ``x`` when the listed words putting ``x`` there outweigh the
    listed words putting any other letter there by :data:`LISTED_RATIO`, and the
    unlisted words that might fit by :data:`RATIO`.
    """
    found: dict[str, float] = {}
    for language in languages:
        matches = _matches(pattern, language)
        if matches is None:
            return ()
        for word, zipf in matches.items():
            found[word] = max(found.get(word, 0.0), zipf)
    if not found:
        return ()
    unseen_zipf = _unseen_zipf(pattern, languages)
    if _inflects_at_the_end(pattern, languages):
        unseen_zipf = max(unseen_zipf, _LISTED_FLOOR)
    unseen = 10**unseen_zipf
    shape = _shape(pattern)
    source = f"lost byte inferred from the lexicon ({'/'.join(languages)})"
    decided: list[Filled] = []
    for position, part in enumerate(pattern):
        if isinstance(part, str):
            continue
        mass: dict[str, float] = {}
        for word, zipf in found.items():
            mass[word[position]] = mass.get(word[position], 0.0) + 10**zipf
        letter, best = max(mass.items(), key=lambda item: (item[1], item[0]))
        others = sum(mass.values()) - best
        if best < LISTED_RATIO * others or best < RATIO * unseen:
            continue
        words = sorted((w for w in found if w[position] == letter), key=lambda w: -found[w])
        top = f"{words[0]!r} (zipf {found[words[0]]:.1f})"
        if len(found) == 1:
            why = f"{top} is the only word fitting {shape!r}"
        elif len(words) == len(found):
            why = f"every word fitting {shape!r} ({top}, ...) has {letter!r} there"
        else:
            why = f"{top} outweighs the other words fitting {shape!r} {LISTED_RATIO:.0f} to 1"
        decided.append(Filled(position, letter, f"{source}: {why}"))
    return tuple(decided)


def words_fitting(pattern: Pattern, languages: tuple[str, ...]) -> dict[str, float]:
    """The listed words of ``languages`` that fit ``pattern`` (lowercase), with their
    highest Zipf; none when the pattern is too loose to look up."""
    found: dict[str, float] = {}
    for language in languages:
        for word, zipf in (_matches(pattern, language) or {}).items():
            found[word] = max(found.get(word, 0.0), zipf)
    return found


def _inflects_at_the_end(pattern: Pattern, languages: tuple[str, ...]) -> bool:
    """Does the word end in a hole, and do listed words end its stem with a letter
    the hole cannot be?  Then the stem inflects there, and a form the lists lack
    (they hold words of Zipf 3 and up) may be the one the hole held: ``мышлени?``
    is listed as ``мышления`` and ``мышление``, and was ``мышлению`` (Zipf 2.8)."""
    last = pattern[-1]
    if isinstance(last, str) or len(pattern) < 3:
        return False
    for language in languages:
        index = _index(language)
        if index is None:
            continue
        others = index.alphabet - last
        if others and _matches((*pattern[:-1], others), language):
            return True
    return False


def _shape(pattern: Iterable[str | Hole]) -> str:
    return "".join(part if isinstance(part, str) else "?" for part in pattern)


#: A character of the text being repaired: the character itself, the candidates of a
#: hole whose lost bytes no rule decided, or None for something opaque (a bare U+FFFD).
Cell = str | tuple[str, ...] | None


def fill_words(
    cells: list[Cell], latin_languages: dict[str, tuple[str, ...]], line: str = ""
) -> dict[int, tuple[str, str]]:
    """For the holes in ``cells`` that a whole-word lexicon match decides: the character
    (with its case) and the note for the plan, by cell index.

    ``latin_languages`` maps a Latin letter to the languages whose alphabet has it;
    ``line`` is the text around the cells, whose language decides a Latin word
    that fits words of several languages (:mod:`.language`).
    """
    decided: dict[int, tuple[str, str]] = {}

    @cache
    def document() -> dict[str, tuple[str, ...]]:  # only if a Cyrillic or Greek word asks
        return _document_languages(cells)

    @cache
    def written() -> frozenset[str]:  # only if a Latin word fits several languages
        # the repaired words add rivals to the line's languages, never a language to
        # a line written in none
        line_languages = written_in(words_of(line))
        return line_languages and line_languages | _languages_of_repaired_words(cells, line)

    for start, end in _word_runs(cells):
        decided.update(_fill_run(cells, start, end, document, written, latin_languages))
    return decided


def _languages_of_repaired_words(cells: list[Cell], line: str) -> frozenset[str]:
    """The languages listing a whole word that the cells hold and the damaged line
    does not: a word the repairs completed.

    The damaged words of a line speak for its language too, once read: ``Do��u
    KAMERY ba��l脹klar`` holds Turkish ``başlıklar``, so Polish ``KAMERY`` alone does
    not make ``Do��u`` the Polish ``Dołu`` (it was Turkish ``Doğu``)."""
    text = "".join(cell if isinstance(cell, str) else "\ufffd" for cell in cells)
    repaired = set(words_of(text)) - set(words_of(line))
    return frozenset(
        language
        for language in LANGUAGES
        if (listed := word_frequencies(language)) is not None
        and any(listed.get(word, 0.0) > 0 for word in repaired)
    )


def _is_letter_hole(cell: Cell) -> bool:
    return isinstance(cell, tuple) and bool(hole_scripts(cell))


@lru_cache(maxsize=4096)
def hole_scripts(candidates: tuple[str, ...]) -> frozenset[str]:
    """The scripts with a lexicon among the letters a hole could be."""
    scripts = {script_of(char) for char in candidates if char.isalpha()}
    return frozenset(scripts & {"latin", *LANGUAGES_BY_SCRIPT})


def _word_runs(cells: list[Cell]) -> list[tuple[int, int]]:
    """Maximal runs of letters and letter holes holding at least one hole, whose ends
    are clear word boundaries (not an opaque cell, a digit or an undecided non-letter)."""
    runs: list[tuple[int, int]] = []
    index = 0
    count = len(cells)
    while index < count:
        cell = cells[index]
        if not (_is_letter_hole(cell) or (isinstance(cell, str) and cell.isalpha())):
            index += 1
            continue
        start = index
        while index < count and (
            _is_letter_hole(cells[index])
            or (isinstance(cells[index], str) and str(cells[index]).isalpha())
        ):
            index += 1
        # A run touching the window's edge may go on past it: left alone.
        inside = start > 0 and index < count
        if (
            inside
            and _boundary(cells[start - 1])
            and cells[start - 1] != "?"  # glued before letters: a lost byte (``??v??ben``)
            and _boundary(cells[index])
            and any(isinstance(cell, tuple) for cell in cells[start:index])
        ):
            runs.append((start, index))
    return runs


def _boundary(cell: Cell) -> bool:
    return isinstance(cell, str) and not cell.isalnum() and cell not in "_\u00ad"


def _fill_run(
    cells: list[Cell],
    start: int,
    end: int,
    document: Callable[[], dict[str, tuple[str, ...]]],
    written: Callable[[], frozenset[str]],
    latin_languages: dict[str, tuple[str, ...]],
) -> dict[int, tuple[str, str]]:
    run = cells[start:end]
    known = [cell for cell in run if isinstance(cell, str)]
    if len(known) < 2 or len(run) > _LONGEST or any(len(_lower(char)) != 1 for char in known):
        return {}
    scripts = {script_of(char) for char in known}
    if len(scripts) != 1:
        return {}
    (script,) = scripts
    upper = all(char.isupper() for char in known if char.lower() != char.upper())
    lower_tail = all(char.islower() for char in known[1:] if char.lower() != char.upper())
    if not upper and not lower_tail:
        return {}  # mixed case inside the word (``McDonald``): the holes' case is unclear
    previous = _previous(cells, start)
    mid_sentence = isinstance(previous, str) and (previous.islower() or previous in ",;")
    pattern: list[str | Hole] = []
    options: list[tuple[str, ...]] = []
    for position, cell in enumerate(run):
        if isinstance(cell, str):
            pattern.append(_lower(cell))
            options.append(())
            continue
        if upper:
            case = "upper"
        elif position > 0 or mid_sentence:
            case = "lower"
        else:
            case = "any"
        edge = position in (0, len(run) - 1)
        letters, lowered = _hole_letters(cell, script, case, edge)
        if not letters:
            return {}
        pattern.append(lowered)
        options.append(letters)
    languages = _languages(script, pattern, document, latin_languages)
    if not languages:
        return {}
    found = fill(tuple(pattern), languages)
    holes = len(pattern) - len(known)
    if script == "latin" and len(found) < holes and len(languages) > 1:
        # ``d?chir?`` fits words of several languages: the line's own decide, when
        # the line is clearly written in one (or a close group: Spanish, Portuguese).
        line = tuple(sorted(written().intersection(languages)))
        if line and len(line) < len(languages):
            alone = fill(tuple(pattern), line)
            if len(alone) > len(found) and set(found) <= _agreeing(alone, found):
                found = alone
    decided: dict[int, tuple[str, str]] = {}
    for filled in found:
        chosen = [char for char in options[filled.position] if _lower(char) == filled.letter]
        if len(chosen) == 1:  # both cases fit only at the start of a sentence: undecided
            decided[start + filled.position] = (chosen[0], filled.note)
    return decided


def _previous(cells: list[Cell], start: int) -> Cell:
    """The cell before ``start``, past spaces (a few looked at: the sentence context)."""
    for index in range(start - 1, max(-1, start - 8), -1):
        if cells[index] != " ":
            return cells[index]
    return None


@lru_cache(maxsize=4096)
def _hole_letters(
    cell: tuple[str, ...], script: str, case: str, edge: bool
) -> tuple[tuple[str, ...], Hole]:
    """The letters of ``script`` and ``case`` a hole could be, and the same lowercased;
    none when it could also be something that is not part of a word (a symbol may
    sit inside one, but at the word's edge it would end the word there)."""
    if not cell or not all(char.isalpha() or _symbol(char) for char in cell):
        return (), frozenset()
    if edge and not all(char.isalpha() for char in cell):
        return (), frozenset()
    letters = tuple(
        char
        for char in cell
        if char.isalpha()
        and len(_lower(char)) == 1
        and script_of(char) == script
        and _case_fits(char, case)
    )
    return letters, frozenset(_lower(char) for char in letters)


def _lower(char: str) -> str:
    """``char`` in lower case as wordfreq's lists hold it: Turkish ``İ`` is ``i``, where
    Python writes ``i`` and a combining dot.  (Without this ``İ`` was no candidate,
    and ``İstanbul`` that lost its ``İ`` became the ``ıstanbul`` of text lowered
    from capitals.)"""
    return "i" if char == "İ" else char.lower()


def _symbol(char: str) -> bool:
    return unicodedata.category(char).startswith("S")


def _case_fits(char: str, case: str) -> bool:
    if char.lower() == char.upper() or case == "any":
        return True
    return char.isupper() if case == "upper" else char.islower()


def _languages(
    script: str,
    pattern: list[str | Hole],
    document: Callable[[], dict[str, tuple[str, ...]]],
    latin_languages: dict[str, tuple[str, ...]],
) -> tuple[str, ...]:
    if script != "latin":
        return document().get(script, ())
    # Languages that have a letter for every hole and every accented known letter.
    possible: set[str] | None = None
    for part in pattern:
        letters = part if isinstance(part, frozenset) else ({part} if not part.isascii() else None)
        if letters is None:
            continue
        having = {lang for letter in letters for lang in latin_languages.get(letter, ())}
        possible = having if possible is None else possible & having
    return tuple(sorted(possible or ()))


def _agreeing(alone: tuple[Filled, ...], found: tuple[Filled, ...]) -> set[Filled]:
    """The fills of ``found`` that ``alone`` makes too (same hole, same letter)."""
    letters = {(filled.position, filled.letter) for filled in alone}
    return {filled for filled in found if (filled.position, filled.letter) in letters}


def _document_languages(cells: list[Cell]) -> dict[str, tuple[str, ...]]:
    """The Cyrillic and Greek languages the surviving words of the window are written in.

    A language is kept when it knows nearly as many of the complete words as the
    best one, or fewer than :data:`_WORDS_TO_LEAVE_OUT` fewer; with no complete word
    to go by, every language of the script is asked (and a fill must then be unique
    across all of them).
    """
    words: dict[str, list[str]] = {}
    current: list[str] = []
    clean = True
    for cell in [*cells, " "]:
        if isinstance(cell, str) and cell.isalpha():
            current.append(cell.lower())
            continue
        if isinstance(cell, tuple) and _is_letter_hole(cell):
            clean = False
            current.append("?")
            continue
        if current and clean and len(current) >= 2:
            word = "".join(current)
            words.setdefault(script_of(word[0]), []).append(word)
        current, clean = [], True
    chosen: dict[str, tuple[str, ...]] = {}
    scripts = set().union(*(hole_scripts(cell) for cell in cells if isinstance(cell, tuple)))
    for script, languages in LANGUAGES_BY_SCRIPT.items():
        if script not in scripts:
            continue
        known = {  # the plain lists, not the indexes: only the chosen languages are indexed
            language: sum(word in frequencies for word in words.get(script, ()))
            for language in languages
            if (frequencies := word_frequencies(language)) is not None
        }
        best = max(known.values(), default=0)
        chosen[script] = tuple(
            language
            for language, count in known.items()
            if count >= 0.8 * best or best - count < _WORDS_TO_LEAVE_OUT
        )
    return chosen
