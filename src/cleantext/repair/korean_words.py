"""Choose the Hangul syllable a lost byte stood for, from the Korean words around it.

A syllable whose lead byte was lost is one of four (``EA``-``ED`` before the two
bytes left): ``역`` or ``뗭``, ``흭``.  Which one, the word says.  wordfreq's Korean
list holds morphemes (``역사``, ``적``, ``은``: Korean writes a word and its particles
as one spaced unit, which wordfreq cuts with a tokeniser cleantext does not
install), so each candidate's unit is cut into the likeliest sequence of listed
morphemes, a morpheme's probability being its frequency, as :mod:`.cjk_words` does
for Chinese and Japanese.  A syllable no list holds stands alone at a tiny
probability.

A candidate is taken only when its best cutting is :data:`RATIO` times as likely as
that of every other candidate, and a listed morpheme of two syllables or more
holds it, or one of those so common (:data:`COMMON`: the particles ``이``, ``는``,
``를``) that it stands alone all the time.  Not in a unit of one syllable that
lost its last byte: that leaves 64 candidates (not four, :data:`FEW`), and among
them the commonest morpheme is no proof: ``그`` is far commoner than ``근`` or
``균``, which stand alone too.  So a name nobody lists leaves the hole
open, and so does a syllable that only a rare one-syllable morpheme explains:
``ㄱ`` (``E3 84 B1``) is ``성`` (``EC 84 B1``) with another lead, and ``성`` is a
morpheme too.  The list is read on the first Korean hole (about
0.1 s).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from cleantext.repair.language import frequencies

__all__ = ["COMMON", "FEW", "RATIO", "Choice", "decide", "is_syllable"]

#: The chosen candidate's cutting over the runner-up's.
RATIO = 20.0
#: A one-syllable morpheme holds a hole only if it is this frequent (Zipf 6.5 and up:
#: the commonest particles and endings).
COMMON = 3e-3
#: Holes with more candidates than this need a morpheme of two syllables.
FEW = 4
#: The probability of a syllable no listed morpheme holds there.
_UNLISTED = 1e-9
_LONGEST = 6


def is_syllable(char: str) -> bool:
    """A precomposed Hangul syllable (U+AC00 to U+D7A3)."""
    return "\uac00" <= char <= "\ud7a3"


class Choice(NamedTuple):
    """What the words make of one position: the syllable they decide, or None, and
    the likeliest one all the same (the guess, for ``guess_lost=True``)."""

    char: str | None
    likeliest: str


def decide(unit: Sequence[tuple[str, ...]]) -> list[Choice]:
    """For each position of ``unit`` (the syllables it may be, one tuple each; a
    decoded syllable is a tuple of one), the syllable the words decide, if any, and
    the likeliest.

    A position with one syllable is that syllable.  A position with several is the
    one whose likeliest cutting of the unit (the other positions free) is
    :data:`RATIO` times as likely as any rival's, where a listed morpheme holds it.
    """
    chosen: list[Choice] = []
    for position, options in enumerate(unit):
        if len(options) == 1:
            chosen.append(Choice(options[0], options[0]))
            continue
        scored = sorted(
            ((_best_cutting(unit, position, option), option) for option in options),
            reverse=True,
        )
        (best, held), option = scored[0]
        runner_up = scored[1][0][0] if len(scored) > 1 else 0.0
        decided = held and best > 0 and best >= RATIO * runner_up
        chosen.append(Choice(option if decided else None, option))
    return chosen


def _best_cutting(
    unit: Sequence[tuple[str, ...]], position: int, option: str
) -> tuple[float, bool]:
    """The probability of the likeliest cutting of ``unit`` into listed morphemes with
    ``option`` at ``position``, and whether a listed morpheme holds that position in it."""
    words, prefixes = _morphemes()
    alone_holds = len(unit[position]) <= FEW or len(unit) > 1
    sets = [(option,) if index == position else options for index, options in enumerate(unit)]
    size = len(sets)
    best: list[tuple[float, bool]] = [(1.0, False)] + [(0.0, False)] * size
    for start in range(size):
        so_far, held = best[start]
        if so_far == 0.0:
            continue
        alone = (so_far * _UNLISTED, held)
        if alone > best[start + 1]:
            best[start + 1] = alone
        frontier = [""]
        for end in range(start, min(size, start + _LONGEST)):
            frontier = [
                prefix + syllable
                for prefix in frontier
                for syllable in sets[end]
                if prefix + syllable in prefixes
            ]
            if not frontier:
                break
            probability = max((words.get(word, 0.0) for word in frontier), default=0.0)
            if probability:
                holds = start <= position <= end and (
                    end > start or (alone_holds and probability >= COMMON)
                )
                reading = (so_far * probability, held or holds)
                if reading > best[end + 1]:
                    best[end + 1] = reading
    return best[size]


@cache
def _morphemes() -> tuple[dict[str, float], frozenset[str]]:
    """wordfreq's Korean morphemes of Hangul syllables (up to :data:`_LONGEST`), with
    their frequencies, and every prefix of them."""
    listed = frequencies("ko") or {}
    words = {
        word: frequency
        for word, frequency in listed.items()
        if 0 < len(word) <= _LONGEST and all(map(is_syllable, word))
    }
    prefixes = frozenset(word[:end] for word in words for end in range(1, len(word) + 1))
    return words, prefixes
