"""Choose the character a lost lead byte stood for, from the words around it.

A three-byte character whose lead byte was lost is one of a few: ``역`` or ``뗭``,
``헭`` (Hangul, leads ``EA``-``ED``); ``是`` or one of five other ideographs, or a
kana (leads ``E3``-``E9``).  Which one, the words say.  A run of such characters,
some of them holes with their candidates, is cut into the likeliest sequence of
listed words for each candidate of each hole, a word's probability being its
frequency (as :mod:`.cjk_words` does for one hole with decided text around it; here
the holes may stand side by side).  A character no listed word holds stands alone
at a tiny probability.

The lexicons (:class:`Lexicon`) are wordfreq's: the Korean list, of morphemes
(``역사``, ``적``, ``은``: Korean writes a word and its particles as one spaced
unit, which wordfreq cuts with a tokeniser cleantext does not install), and the
Chinese and Japanese lists together, keyed in simplified characters
(:func:`.cjk_words.simplified`); for the holes the multi-byte family leaves side
by side, a katakana letter or an ideograph beside another hole
(:mod:`.lattice_fill`, :func:`decide_at`), the same with the katakana words up to
ten long (:func:`japanese`).

A candidate is taken only when its best cutting is :data:`RATIO` times as likely as
that of every other candidate, and a listed word of two characters or more holds
it, or one so common (:data:`COMMON`: the particles ``이``, ``는``, ``를``; ``的``,
``是``) that it stands alone all the time, right after a character that is known
or that a longer word decided: a particle follows a word.  Alone, the commonest
word among the candidates is no proof: ``그`` is far commoner than ``근``, which
stands alone too, and ``들한`` after a hole was ``들앜``.  So a name nobody lists
leaves the hole open.  Each hole is judged within :data:`_WINDOW` characters on
each side (:func:`decide_at`: as many as the lexicon's longest word needs, nine
for the katakana loanwords), so a long run costs time in proportion to its length.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from cleantext.repair import cjk_words
from cleantext.repair.language import frequencies

__all__ = [
    "COMMON",
    "RATIO",
    "Choice",
    "Lexicon",
    "chinese_japanese",
    "decide",
    "decide_at",
    "is_katakana",
    "is_syllable",
    "japanese",
    "korean",
]

#: The chosen candidate's cutting over the runner-up's.
RATIO = 20.0
#: A one-character word holds a hole only if it is this frequent (Zipf 6.5 and up:
#: the commonest particles and endings).
COMMON = 3e-3
#: The probability of a character no listed word holds there.
_UNLISTED = 1e-9
#: Characters read on each side of a hole (at least).
_WINDOW = 6


@dataclass(frozen=True)
class Lexicon:
    """Listed words with their frequencies, the longest word's length, whether
    characters are looked up simplified, and two tables built from the words
    (:func:`_lexicon`): the characters that go on with each prefix of a word (the
    empty one too), and for each character those that follow it inside some word
    and those that precede it.  (Built once with the lexicon: a cached property is
    computed again at each use once compiled.)"""

    words: dict[str, float]
    longest: int
    simplify: bool
    continuations: dict[str, frozenset[str]]
    following: dict[str, frozenset[str]]
    preceding: dict[str, frozenset[str]]


def _lexicon(words: dict[str, float], longest: int, *, simplify: bool) -> Lexicon:
    """The lexicon of ``words``, with its tables."""
    continuations: dict[str, set[str]] = {}
    following: dict[str, set[str]] = {}
    preceding: dict[str, set[str]] = {}
    for word in words:
        for end in range(1, len(word) + 1):
            continuations.setdefault(word[: end - 1], set()).add(word[end - 1])
        for first, second in itertools.pairwise(word):
            following.setdefault(first, set()).add(second)
            preceding.setdefault(second, set()).add(first)
    return Lexicon(
        words,
        longest,
        simplify,
        _frozen(continuations),
        _frozen(following),
        _frozen(preceding),
    )


def _frozen(table: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    return {key: frozenset(values) for key, values in table.items()}


class Choice(NamedTuple):
    """What the words make of one position: the character they decide, or None, and
    the likeliest one all the same (the guess, for ``guess_lost=True``)."""

    char: str | None
    likeliest: str


def is_syllable(char: str) -> bool:
    """A precomposed Hangul syllable (U+AC00 to U+D7A3)."""
    return "\uac00" <= char <= "\ud7a3"


def is_katakana(char: str) -> bool:
    """A katakana letter or the prolonged sound mark (U+30A1 to U+30FC, not the middle dot)."""
    return "\u30a1" <= char <= "\u30fc" and char != "\u30fb"


def decide(run: Sequence[tuple[str, ...]], lexicon: Lexicon) -> list[Choice]:
    """For each position of ``run`` (the characters it may be, one tuple each; a
    decoded character is a tuple of one), the character the words decide, if any,
    and the likeliest.

    A position with one character is that character.  A position with several is
    the one whose likeliest cutting of the run around it (the other positions free)
    is :data:`RATIO` times as likely as any rival's, where a listed word holds it.
    """
    plain = _plain(run, lexicon)
    chosen: list[Choice] = []
    # per position: 3 known, 2 decided by a longer word, 1 by a word of one, 0 open
    footing: list[int] = []
    for position, options in enumerate(run):
        if len(options) == 1:
            chosen.append(Choice(options[0], options[0]))
            footing.append(3)
            continue
        best, index, decided = _judged(plain, position, lexicon)
        # a word of one character (a particle) follows a word: the character before it
        # is known or a longer word decided it (``들한`` after a hole was ``들앜``)
        decided = decided and (
            best.held == 2 or (best.held == 1 and position > 0 and footing[-1] >= 2)
        )
        chosen.append(Choice(options[index] if decided else None, options[index]))
        footing.append(best.held if decided else 0)
    return chosen


def decide_at(run: Sequence[tuple[str, ...]], position: int, lexicon: Lexicon) -> str | None:
    """The character a listed word of two characters or more decides at ``position``
    of ``run`` (as :func:`decide` judges it), judging that position alone, where the
    word also spans a known character.

    An option no listed word joins to a neighbour's character stands alone in every
    cutting, so its reading is the likeliest cutting of each side times its own
    frequency, found once for all of them; only the others are cut whole.
    """
    plain = _plain(run, lexicon)
    following, preceding = lexicon.following, lexicon.preceding
    empty: frozenset[str] = frozenset()
    after_left = (
        empty.union(*(following.get(c, empty) for c in plain[position - 1])) if position else empty
    )
    before_right = (
        empty.union(*(preceding.get(c, empty) for c in plain[position + 1]))
        if position + 1 < len(plain)
        else empty
    )
    joined = [option in after_left or option in before_right for option in plain[position]]
    if not any(joined):
        return None  # every option stands alone: no word of two characters holds one
    reach = max(_WINDOW, lexicon.longest - 1)  # a word as long as any holding the position
    start = max(0, position - reach)
    window = plain[start : position + reach + 1]
    at = position - start
    sides = (
        _best_cutting(window[:at], -1, "", lexicon).probability
        * _best_cutting(window[at + 1 :], -1, "", lexicon).probability
    )
    scored: list[tuple[_Cutting, int]] = []
    for index, option in enumerate(plain[position]):
        if joined[index]:
            scored.append((_best_cutting(window, at, option, lexicon, anchored=True), index))
            continue
        alone = lexicon.words.get(option, 0.0)
        held = 1 if alone >= COMMON and alone > _UNLISTED else 0
        scored.append((_Cutting(sides * max(alone, _UNLISTED), held), index))
    best, index, decided = _verdict(scored)
    return run[position][index] if decided and best.held == 2 else None


def _plain(run: Sequence[tuple[str, ...]], lexicon: Lexicon) -> Sequence[tuple[str, ...]]:
    """The run as the lexicon spells it (simplified, where it is keyed so)."""
    if not lexicon.simplify:
        return run
    return [_simplified(options) for options in run]


@lru_cache(maxsize=4096)
def _simplified(options: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(map(cjk_words.simplified, options))


def _judged(
    plain: Sequence[tuple[str, ...]], position: int, lexicon: Lexicon
) -> tuple[_Cutting, int, bool]:
    """The likeliest cutting with each option at ``position``: the best, the index of
    its option, and whether it is :data:`RATIO` times as likely as the runner-up."""
    start = max(0, position - _WINDOW)
    window = plain[start : position + _WINDOW + 1]
    return _verdict(
        [
            (_best_cutting(window, position - start, option, lexicon), index)
            for index, option in enumerate(plain[position])
        ]
    )


def _verdict(scored: list[tuple[_Cutting, int]]) -> tuple[_Cutting, int, bool]:
    """The likeliest of the options' cuttings (the first option among equals), its
    option's index, and whether it is :data:`RATIO` times as likely as the runner-up."""
    scored = sorted(scored, key=lambda item: (item[0].probability, -item[1]), reverse=True)
    best, index = scored[0]
    runner_up = scored[1][0].probability if len(scored) > 1 else 0.0
    return best, index, best.probability > 0 and best.probability >= RATIO * runner_up


class _Cutting(NamedTuple):
    """The likeliest cutting of a run so far: its probability, and how a listed word
    holds the position judged (0: none does; 1: a common word of one character; 2: a
    longer word)."""

    probability: float
    held: int


_NO_CUTTING = _Cutting(0.0, 0)


def _best_cutting(
    run: Sequence[tuple[str, ...]],
    position: int,
    option: str,
    lexicon: Lexicon,
    *,
    anchored: bool = False,
) -> _Cutting:
    """The likeliest cutting of ``run`` into listed words with ``option`` at
    ``position`` (:class:`_Cutting`).  With ``anchored``, a word holds the position
    only if it also spans a character that is known (one option): two holes side by
    side make some word of their candidates alone."""
    known = [len(options) == 1 and index != position for index, options in enumerate(run)]
    sets = [(option,) if index == position else options for index, options in enumerate(run)]
    members = [frozenset(options) if len(options) > _FEW else options for options in sets]
    size = len(sets)
    best: list[_Cutting] = [_Cutting(1.0, 0)] + [_NO_CUTTING] * size
    for start in range(size):
        so_far = best[start]
        if so_far.probability == 0.0:
            continue
        alone = _Cutting(so_far.probability * _UNLISTED, so_far.held)
        if alone > best[start + 1]:
            best[start + 1] = alone
        frontier = [""]
        for end in range(start, min(size, start + lexicon.longest)):
            frontier = _extended(frontier, sets[end], members[end], lexicon.continuations)
            if not frontier:
                break
            probability = max((lexicon.words.get(word, 0.0) for word in frontier), default=0.0)
            if not probability:
                continue
            held = so_far.held
            if start <= position <= end:
                if end > start:
                    if not anchored or any(known[start : end + 1]):
                        held = 2
                elif probability >= COMMON:
                    held = 1
            reading = _Cutting(so_far.probability * probability, held)
            if reading > best[end + 1]:
                best[end + 1] = reading
    return best[size]


@cache
def korean() -> Lexicon:
    """wordfreq's Korean morphemes of Hangul syllables, up to six."""
    listed = frequencies("ko") or {}
    words = {
        word: frequency
        for word, frequency in listed.items()
        if 0 < len(word) <= 6 and all(map(is_syllable, word))
    }
    return _lexicon(words, 6, simplify=False)


@cache
def chinese_japanese() -> Lexicon:
    """wordfreq's Chinese and Japanese words of kana and ideographs, up to four,
    simplified (:func:`.cjk_words.words`)."""
    words = cjk_words.words()
    return _lexicon(words, cjk_words.LONGEST_WORD, simplify=True)


#: Options looked up in a set, not the tuple, past this many.
_FEW = 8


def _extended(
    frontier: list[str],
    options: tuple[str, ...],
    members: tuple[str, ...] | frozenset[str],
    continuations: dict[str, frozenset[str]],
) -> list[str]:
    """The prefixes of listed words that extend one of ``frontier`` by one of
    ``options``: each prefix's listed continuations or the options, whichever are
    fewer, are tried against the other (a hole's hundred candidates against the few
    letters that go on with a word)."""
    extended: list[str] = []
    for prefix in frontier:
        following = continuations.get(prefix)
        if not following:
            continue
        if len(options) <= len(following):
            extended += [prefix + char for char in options if char in following]
        else:
            extended += [prefix + char for char in following if char in members]
    return extended


#: The longest katakana word :func:`japanese` lists: loanwords run long
#: (``コンピューター``, seven).
_LONGEST_KATAKANA = 10


@cache
def japanese() -> Lexicon:
    """The Chinese and Japanese words of :func:`chinese_japanese`, with wordfreq's
    Japanese words written in katakana up to :data:`_LONGEST_KATAKANA` (``モジュール``):
    the loanwords, which run longer than the four characters kept of the others."""
    words = dict(cjk_words.words())
    for word, frequency in (frequencies("ja") or {}).items():
        if cjk_words.LONGEST_WORD < len(word) <= _LONGEST_KATAKANA and all(map(is_katakana, word)):
            words[word] = max(words.get(word, 0.0), frequency)
    return _lexicon(words, _LONGEST_KATAKANA, simplify=True)
