"""Which language a line is clearly written in, from the words it kept whole.

A lost letter's candidates can make a word in several languages: ``form?`` is
Spanish ``formó``, French ``formé``, Czech ``formě`` and Romanian ``formă`` (the
most frequent of them).  The rest of the line usually says which: ``Entonces el
Señor Dios form? al hombre`` is Spanish.  The repairs ask this only for a letter
the lexicons alone leave undecided.

Each language weighs the line by the Zipf frequencies its list gives the line's
words.  A line is taken to be in the heaviest language when that list knows most of
its words (:data:`SHARE`), and in the others only when they weigh nearly as much
(:data:`RUNNER_UP`) and the heaviest does not outvote them on the words one of
them writes (:func:`_outvoted`): a Spanish line is Spanish, never Catalan or
French.  Weights, not counts: every list holds some foreign words (German's knows
``avec`` and ``groupe``), but rarely.  An English line names no language, and
nothing changes for it.

The lists are wordfreq's "small" ones, which wordfreq loads once and keeps; all of
:data:`LANGUAGES` together take about 115 MB and 0.25 s, paid only when a line is asked.
"""

from __future__ import annotations

import math
from functools import lru_cache

__all__ = [
    "LANGUAGES",
    "RUNNER_UP",
    "SHARE",
    "WORDLIST",
    "frequencies",
    "words_of",
    "written_in",
    "zipf_of",
]

#: The languages a line may be found to be written in: English and the languages
#: whose accented letters the repairs know (:data:`.words.LANGUAGES_BY_LETTER`).
LANGUAGES = (
    "ca", "cs", "da", "de", "en", "es", "fi", "fr", "hu", "it", "lt", "lv", "nb", "nl", "pl",
    "pt", "ro", "sh", "sk", "sl", "sv", "tr",
)  # fmt: skip
#: Share of the line's words the heaviest language must know ...
SHARE = 0.6
#: ... and the weight, as a share of its weight, from which another language counts too.
RUNNER_UP = 0.75
#: wordfreq's "small" lists: words down to about Zipf 3, a few MB per language.
WORDLIST = "small"
#: Fewer known words than this decide nothing.
_FEWEST = 3
#: A word is one language's rather than another's when its Zipf is this much higher ...
_DISTINCT = 1.5
#: ... and so many such words, with none the other way, leave the other language out.
_FEWEST_DISTINCT = 2
#: A line named in more languages than this (close neighbours: Danish, Norwegian and
#: Swedish) is named in none ...
_MOST_LANGUAGES = 3
#: ... nor one holding this many words another language lists and the named ones do
#: not: ``INFORMACJE concrete Do��u contacts BLOK`` mixes English words with Polish
#: ones, and named Polish had made Turkish ``Doğu`` the Polish ``Dołu``.
_FEWEST_FOREIGN = 2
_STRIP = "\"'“”‘’„«»()[]{}.,;:!?¿¡…—–-_*/"


def frequencies(language: str) -> dict[str, float] | None:
    """wordfreq's dict for ``language`` (cached by wordfreq), or None if it has none."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return None
    try:
        # Positional, as wordfreq calls it itself, so both share one cached dict.
        return get_frequency_dict(language, WORDLIST)
    except (LookupError, ValueError, OSError):
        return None


def words_of(text: str) -> tuple[str, ...]:
    """The whole Latin words of ``text`` (two letters or more), lowercase.

    A token holding anything but letters once its punctuation is stripped (a lost
    byte, a digit, mojibake) is no whole word and is left out.
    """
    words = []
    for token in text.split():
        word = token.strip(_STRIP)
        if len(word) >= 2 and word.isalpha() and all(char < "\u0250" for char in word):
            words.append(word.lower())
    return tuple(words)


@lru_cache(maxsize=4096)
def written_in(words: tuple[str, ...]) -> frozenset[str]:
    """The languages of :data:`LANGUAGES` the words are clearly written in.

    Empty when the heaviest list knows less than :data:`SHARE` of the words, when
    English weighs nearly as much as the heaviest, when more than
    :data:`_MOST_LANGUAGES` remain, or when :data:`_FEWEST_FOREIGN` words are listed
    by another language only (the line mixes languages); otherwise the heaviest
    language and those within :data:`RUNNER_UP` of its weight that it does not
    outvote (:func:`_outvoted`).
    """
    if len(words) < _FEWEST:
        return frozenset()
    weight: dict[str, float] = {}
    known: dict[str, int] = {}
    listing: dict[str, frozenset[str]] = {}  # the words each language lists
    for language in LANGUAGES:
        listed = frequencies(language)
        if listed is None:
            continue
        found = [word for word in words if word in listed]
        listing[language] = frozenset(found)
        known[language] = len(found)
        weight[language] = sum(zipf_of(listed[word]) for word in found)
    if not weight:
        return frozenset()
    best = max(weight, key=lambda language: (weight[language], language))
    if known[best] < max(_FEWEST, SHARE * len(words)):
        return frozenset()
    close = frozenset(lang for lang, total in weight.items() if total >= RUNNER_UP * weight[best])
    if "en" in close:
        return frozenset()
    named = frozenset(lang for lang in close if not _outvoted(words, lang, best))
    # Loanwords and names weigh alike in many lists (``broker``, ``hollande``): a
    # line that many languages claim is clearly written in none of them.
    if len(named) > _MOST_LANGUAGES or _foreign(listing, named) >= _FEWEST_FOREIGN:
        return frozenset()
    return named


def _foreign(listing: dict[str, frozenset[str]], named: frozenset[str]) -> int:
    """How many words another language lists and none of ``named`` does."""
    theirs = frozenset().union(*(listing[lang] for lang in named))
    others = frozenset().union(*(words for lang, words in listing.items() if lang not in named))
    return len(others - theirs)


def _outvoted(words: tuple[str, ...], language: str, best: str) -> bool:
    """Does the heaviest language know several of the words far better than
    ``language``, which knows none far better?  Neighbours share their commonest
    words (Catalan's ``de la al del``), and each list holds the other's loanwords
    (Catalan's ``hombre``, Zipf 3.4): the words one of them writes decide."""
    theirs, ours = frequencies(language) or {}, frequencies(best) or {}
    best_only = other_only = 0
    for word in words:
        gap = zipf_of(ours.get(word, 0.0)) - zipf_of(theirs.get(word, 0.0))
        best_only += gap >= _DISTINCT
        other_only += gap <= -_DISTINCT
    return best_only >= _FEWEST_DISTINCT and other_only == 0


def zipf_of(frequency: float) -> float:
    """A word's Zipf from its frequency in wordfreq's lists (0 for a word not listed)."""
    return math.log10(frequency) + 9 if frequency > 0 else 0.0
