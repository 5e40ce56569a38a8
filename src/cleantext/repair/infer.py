"""Choose the character a lost byte belonged to, from the evidence around it.

When bytes were dropped, the bytes that survive narrow a character down to a set
of candidates (``E2 80 ?`` is one of U+2000–U+203F).  The context then decides:
English contractions want an apostrophe (``He’s``), a quote opened earlier wants
closing, a dash sits between two words or two spaces, and inside a word the
word-frequency lexicon of the language (wordfreq) picks the letter (``Åwiat`` →
``świat``).  Each rule adds evidence to a candidate's score (the rules of
punctuation are :mod:`.mark_scores`'); a candidate is taken only when it beats the
runner-up by a clear margin, otherwise the byte stays lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from cleantext.repair import cjk_words, language, lexicon
from cleantext.repair.mark_rules import (
    LOST_MARKS,
    is_cjk,
)
from cleantext.repair.mark_scores import OPENING_QUOTE, PRIOR, PRIOR_ONLY, score_mark
from cleantext.repair.quotes import QuoteSnapshot, QuoteState
from cleantext.repair.words import (
    LANGUAGES_BY_LETTER,
    LONGEST_WORD,
    leading_letters,
    trailing_letters,
    zipf,
)

__all__ = [
    "Choice",
    "choose",
    "choose_pair",
    "could_choose",
    "opens_a_quotation",
    "rivalled_by_a_lost_first_letter",
]

#: ``々`` repeats the ideograph before it (``色々``, ``人々``): after an ideograph it is
#: nearly as likely as ``、``, which shares its first two bytes (``E3 80``), so it
#: keeps ``、`` from being chosen there; it is never chosen itself.
_ITERATION_MARK = "々"
_ITERATION_AFTER_IDEOGRAPH = 3.0
_JOINER_BETWEEN_EMOJI = 5.0
_CLEAR_MARGIN = 1.0
_CASE = 1.5  # score for a letter whose case fits the word around it
_REACH = LONGEST_WORD + 2  # context a choice can depend on
_FEW = 64  # candidates one lost continuation byte leaves, at most

#: The zero-width joiner that binds emoji into one (``👨‍👩‍👧``, ``👩‍💻``): ``E2 80 8D``,
#: whose ``8D`` cp1252 has no character for.
_JOINER = "\u200d"
#: What may stand on either side of a joiner: a pictograph, or before it a skin tone
#: or the variation selector that asks for an emoji's colour form (``❤️‍🔥``).
_JOINS_BEFORE = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]")
_JOINS_AFTER = regex.compile(r"\p{Extended_Pictographic}")

#: Characters some rule below speaks for; every other candidate gets :func:`_baseline`.
_RULED = frozenset(PRIOR) | frozenset(LANGUAGES_BY_LETTER) | {"»", _JOINER}


@dataclass(frozen=True, slots=True)
class Choice:
    """The chosen character (or ``None`` when no candidate is clearly best) and why."""

    char: str | None
    best: str
    best_score: float
    confidence: float
    note: str


def choose(
    candidates: tuple[str, ...],
    left: str,
    right: str,
    quotes: QuoteState,
    *,
    rule_needed: bool = False,
) -> Choice:
    """Pick the candidate the context supports, if one clearly wins.

    With ``rule_needed`` (a hole with no surviving byte), only a rule that names one
    character decides (:data:`_SPECIFIC_RULES`): a prior, or a rule that prefers one
    mark of a kind, is a guess there.

    Only the nearest :data:`_REACH` characters on each side matter, so choices are
    cached on them: long runs of one kind of damage cost one decision.
    """
    return _choose(candidates, left[-_REACH:], right[:_REACH], quotes.snapshot(), rule_needed)


@lru_cache(maxsize=4096)
def _choose(
    candidates: tuple[str, ...],
    left: str,
    right: str,
    snapshot: QuoteSnapshot,
    rule_needed: bool,
) -> Choice:
    quotes = QuoteState.from_snapshot(snapshot)
    if len(candidates) == 1 and not rule_needed:
        return Choice(
            candidates[0], candidates[0], 1.0, 1.0, "the surviving bytes fix the character"
        )
    scored = sorted(
        [((_score(char, left, right, quotes)), char) for char in _RULED.intersection(candidates)]
        + [(_baseline(char), char) for char in _unruled_representatives(candidates)],
        key=lambda item: (-item[0][0], item[1]),
    )
    (best_score, why), best = scored[0]
    if _cjk_symbol_as_readily(candidates, right):
        note = "lost bytes: beside CJK text, a symbol such as ◎ or ☆ as readily"
        return Choice(None, best, best_score, 0.3, note)
    runner_up = scored[1][0][0] if len(scored) > 1 else float("-inf")
    margin = best_score - runner_up
    needed = _CLEAR_MARGIN
    if best_score > 0 and _rival_words(scored):
        needed = _rival_margin(scored, left, right)
    if best_score > 0 and margin < needed:
        line, scored = _rescored_for_the_line(scored, left, right)
        if line:  # the line's language arbitrates: a foreign word has lost _FOREIGN
            needed = _CLEAR_MARGIN
            if _rival_words(scored):
                needed = _rival_margin(
                    scored, left, right, line_decided=not _both_of_the_line(scored)
                )
        (best_score, why), best = scored[0]
        runner_up = scored[1][0][0] if len(scored) > 1 else float("-inf")
        margin = best_score - runner_up
    if (
        best_score <= 0
        or margin < needed
        or _near_the_floor(scored, left, right)
        or (rule_needed and not _specific(why))
        or best == _ITERATION_MARK  # a rival only: nothing shows the ideograph repeats
        # frequency alone picks among a few characters (``…`` of ``E2 ?? A6``), not
        # among the thousands two lost bytes leave (``™`` as readily as ``’``)
        or (why.endswith(PRIOR_ONLY) and len(candidates) > _FEW)
    ):
        alternatives = ", ".join(repr(char) for _, char in scored[:3])
        note = f"lost byte: no clear choice among {alternatives}"
        return Choice(None, best, best_score, 0.3, note)
    confidence = min(0.99, 0.6 + 0.1 * margin)
    if why.endswith(PRIOR_ONLY):  # no rule spoke for it: a weak choice
        confidence = min(confidence, 0.5)
    return Choice(best, best, best_score, confidence, why)


def opens_a_quotation(choice: Choice) -> bool:
    """Did the rule for an opening quotation mark before a word decide ``choice``?"""
    return choice.char is not None and OPENING_QUOTE in choice.note


def _near_the_floor(scored: _Scored, left: str, right: str) -> bool:
    """Is the best candidate a letter whose word its lists hold just above where they
    stop (:data:`_NEAR_FLOOR`), and another a letter whose word they do not hold,
    on a line not written in a language of the word?  The lists stop near Zipf 3,
    so such a rival may be nearly as common: ``repos��`` is French ``reposé`` (3.1)
    or the Spanish ``reposó`` (1.8, below the Spanish list); in a French line
    (``déchirer l'��toffe``) the line vouches for ``étoffe`` (3.4)."""
    (_, why), best = scored[0]
    if _LEXICON_RULE not in why or why.endswith(_IN_THE_LINE):
        return False
    if not any(rival_why.startswith(_UNLISTED) for (_, rival_why), _ in scored[1:]):
        return False
    word = (trailing_letters(left) + best + leading_letters(right)).lower()
    languages = LANGUAGES_BY_LETTER.get(best, ())
    if max((zipf(word, language) for language in languages), default=0.0) >= _NEAR_FLOOR:
        return False
    line = language.written_in(_words_around(left, right))
    return not any(zipf(word, language) > 0 for language in line)


_UNLISTED = "no language knows"
#: wordfreq's small lists stop at Zipf 3.0; a word listed below this may have an
#: unlisted rival within a hundredfold.
_NEAR_FLOOR = 3.5


#: Symbols CJK text writes as bullets and signs (``◎ 파이썬``, ``☆첫가끝``, ``→``),
#: outside the punctuation block (``E2 80``) whose marks the rules tell apart.
_CJK_TEXT_SYMBOLS = frozenset("◎○●◇◆□■△▲▽▼☆★→←↑↓♡♥♪")


def _cjk_symbol_as_readily(candidates: tuple[str, ...], right: str) -> bool:
    """Is a symbol of :data:`_CJK_TEXT_SYMBOLS` a candidate, with CJK text after the
    hole (across spaces)?  Such symbols go before the words they mark, so there a
    quotation mark or a dash is no likelier: ``☆첫`` that lost two C1 bytes had
    become ``“첫``.  (After CJK text, a quotation opened before still closes.)"""
    if _CJK_TEXT_SYMBOLS.isdisjoint(candidates):
        return False
    return is_cjk(right.lstrip(" ")[:1])


_Scored = list[tuple[tuple[float, str], str]]


def _rival_words(scored: _Scored) -> bool:
    """Do the two best candidates both make a word some lexicon knows (``formó``, ``formă``)?"""
    return len(scored) > 1 and all(_LEXICON_RULE in why for (_, why), _ in scored[:2])


def _rival_margin(scored: _Scored, left: str, right: str, *, line_decided: bool = False) -> float:
    """The margin two rival words need: :data:`_RIVAL_MARGIN` when one language knows
    both, and :data:`_FOREIGN` (a thousandfold, as :data:`.lexicon.LISTED_RATIO`)
    when no language does (:data:`_CLEAR_MARGIN` once the line's language has
    rescored them), or only one of :data:`_SYLLABLE_LANGUAGES`.  ``T��O`` is
    Portuguese ``TÃO`` (Zipf 5.9) or Spanish ``TÍO`` (4.6) or Polish ``TŁO`` (4.2):
    how common a word is in its own language says little of which language a line
    mixing several is in."""
    first, second = scored[0][1], scored[1][1]
    shared = _languages_knowing(first, left, right) & _languages_knowing(second, left, right)
    if not shared:
        return _CLEAR_MARGIN if line_decided else _FOREIGN
    return _RIVAL_MARGIN if shared - _SYLLABLE_LANGUAGES else _FOREIGN


#: The margin two words of one language need: a hundredfold.  Italian ``già`` (Zipf
#: 6.0) is 14 times as common as ``giù`` (4.8), so choosing it by frequency writes
#: a wrong letter once in 14 times; the line's language cannot tell them apart.
_RIVAL_MARGIN = 2.0


#: Languages whose words are syllables, nearly each of which another tone mark makes
#: into another common one: Vietnamese ``với`` (Zipf 7.0) and ``vội`` (4.5) are both
#: words, and how common each is says little of which one a line wrote.
_SYLLABLE_LANGUAGES = frozenset({"vi"})


def _languages_knowing(char: str, left: str, right: str) -> set[str]:
    """The languages writing ``char`` whose lexicon knows the word it makes."""
    word = (trailing_letters(left) + char + leading_letters(right)).lower()
    return {lang for lang in LANGUAGES_BY_LETTER.get(char, ()) if zipf(word, lang) > 0}


def _rescored_for_the_line(
    scored: _Scored, left: str, right: str
) -> tuple[frozenset[str], _Scored]:
    """The languages the line is clearly written in, and the letters scored again in them.

    A word of that language keeps its Zipf there; a word only another language
    knows loses :data:`_FOREIGN` (a thousandfold), so ``formó`` beats Romanian
    ``formă`` in a Spanish line.  English lines (and lines in no clear language)
    keep their scores.
    """
    line = language.written_in(_words_around(left, right))
    if not line:
        return line, scored
    rescored = [
        (_letter_score(char, left, right, line) if _LEXICON_RULE in why else (score, why), char)
        for (score, why), char in scored
    ]
    return line, sorted(rescored, key=lambda item: (-item[0][0], item[1]))


def _both_of_the_line(scored: _Scored) -> bool:
    """Do the two best words both belong to languages of the line?  A line named in
    close neighbours (Swedish, Danish, Norwegian: ``ni vet du``) cannot arbitrate
    between a word of each: ``h��j`` is Swedish ``höj`` as readily as Danish ``høj``,
    the commoner (``høj`` had been written in the Swedish ``höj ni vet``)."""
    return len(scored) > 1 and all(why.endswith(_IN_THE_LINE) for (_, why), _ in scored[:2])


_IN_THE_LINE = ", in the line's language"


def _words_around(left: str, right: str) -> tuple[str, ...]:
    """The whole words around a hole, without the word the hole is in, nor a word
    cut where the context ends."""
    before = left[: len(left) - len(trailing_letters(left))]
    after = right[len(leading_letters(right)) :]
    if len(left) >= _REACH:
        before = before.partition(" ")[2]
    if len(right) >= _REACH:
        after = after.rpartition(" ")[0]
    return language.words_of(before) + language.words_of(after)


#: The rules that name one character, not a kind of mark: where no byte survived,
#: only these decide.  A closing quote after a word, a spaced dash or a sign before
#: a number is as often ``…``, ``–`` or ``€`` as the mark the rule prefers.
_SPECIFIC_RULES = (
    "zero-width joiner",
    "English contraction",
    "pairs with an open",
    OPENING_QUOTE,
    "dash between two words",
    "from the lexicon",
)


def _specific(why: str) -> bool:
    return any(rule in why for rule in _SPECIFIC_RULES)


def could_choose(candidates: tuple[str, ...]) -> bool:
    """Could :func:`choose` or :func:`choose_pair` ever pick one of ``candidates``?

    Only a character some rule speaks for can score above zero; the rest score a
    negative baseline, so a hole of only such candidates always stays open.
    """
    return not _RULED.isdisjoint(candidates)


def choose_pair(
    first: tuple[str, ...], second: tuple[str, ...], left: str, right: str, quotes: QuoteState
) -> tuple[Choice, Choice]:
    """Choose two adjacent lost characters together (``sure—“This``).

    Chosen one at a time, each would see mojibake where the other belongs.  Cached
    on the nearest :data:`_REACH` characters, as :func:`choose` is: a pair costs
    some thousand scores (each candidate of the second hole after each shortlisted
    one of the first), and a run of such pairs repeats its contexts.
    """
    return _choose_pair(first, second, left[-_REACH:], right[:_REACH], quotes.snapshot())


@lru_cache(maxsize=1024)
def _choose_pair(
    first: tuple[str, ...],
    second: tuple[str, ...],
    left: str,
    right: str,
    snapshot: QuoteSnapshot,
) -> tuple[Choice, Choice]:
    quotes = QuoteState.from_snapshot(snapshot)
    scored: list[tuple[float, str, str, str, str, float]] = []
    # The first hole alone, its word going on into what follows the second, or
    # ending at the second: ``KART??s`` is ``KARTĄ’s``, which ``KARTĄs`` is not.
    firsts = dict.fromkeys(
        [*_shortlist(first, left, right, quotes), *_shortlist(first, left, " " + right, quotes)]
    )
    for a in firsts:
        after_a = replace(quotes)
        after_a.observe(a)
        for b in _shortlist(second, left + a, right, after_a):
            score_a, why_a = _score_any(a, left, b + right, quotes)
            score_b, why_b = _score_any(b, left + a, right, after_a)
            scored.append((score_a + score_b, a, b, why_a, why_b, min(score_a, score_b)))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    total, a, b, why_a, why_b, weaker = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else float("-inf")
    margin = total - runner_up
    needed = _pair_margin(scored, left, right)
    # Each of the two must be spoken for: a character no rule supports (``ぁ`` of
    # ``。“`` that lost C1 bytes) may not set up its neighbour's rule (a dash in CJK).
    # Two letters are left to the word's lexicon (:mod:`.lexicon`), which weighs
    # every word both could make: here each letter is shortlisted alone, and the
    # Czech ``péče`` had lost to the German ``päße``.
    if (
        total <= 0
        or weaker <= 0
        or margin < needed
        or PRIOR_ONLY in why_a + why_b
        or (a.isalpha() and b.isalpha())
    ):
        note = "lost bytes: no clear choice for two adjacent characters"
        return Choice(None, a, total, 0.3, note), Choice(None, b, total, 0.3, note)
    confidence = min(0.99, 0.6 + 0.1 * margin)
    return Choice(a, a, total, confidence, why_a), Choice(b, b, total, confidence, why_b)


def _pair_margin(
    scored: list[tuple[float, str, str, str, str, float]], left: str, right: str
) -> float:
    """The margin the best pair needs over the next: as for one hole
    (:func:`_rival_margin`, without the line's language) where the two differ in a
    hole whose letters both make words (``KARTĄ’s`` or ``KARTĘ’s``, Polish both),
    :data:`_CLEAR_MARGIN` otherwise.  (Two letters side by side are not chosen here.)"""
    if len(scored) < 2:
        return _CLEAR_MARGIN
    _, a, b, why_a, why_b, _ = scored[0]
    _, other_a, other_b, other_why_a, other_why_b, _ = scored[1]
    before = trailing_letters(left)
    if a != other_a and _LEXICON_RULE in why_a and _LEXICON_RULE in other_why_a:
        words = (
            before + a + leading_letters(b + right),
            before + other_a + leading_letters(other_b + right),
        )
    elif b != other_b and _LEXICON_RULE in why_b and _LEXICON_RULE in other_why_b:
        words = (leading_letters(b + right), leading_letters(other_b + right))
    else:
        return _CLEAR_MARGIN
    shared = _word_languages(words[0]) & _word_languages(words[1])
    return _RIVAL_MARGIN if shared - _SYLLABLE_LANGUAGES else _FOREIGN


def _word_languages(word: str) -> set[str]:
    """The languages writing the word's letters whose lexicon knows it."""
    languages = {"en"}.union(*(LANGUAGES_BY_LETTER.get(char, ()) for char in word))
    return {language for language in languages if zipf(word, language) > 0}


_SHORTLIST = 6  # candidates per hole worth pairing, besides the neighbourly ones
#: Marks whose score depends on the character next to them.
_NEIGHBOURLY = frozenset("“”‘’—–")


def _shortlist(candidates: tuple[str, ...], left: str, right: str, quotes: QuoteState) -> list[str]:
    """The best candidates for one hole on their own, each letter in both cases (alone,
    a hole beside another scores every letter alike, and capitals sort first: ``Á``
    had stood for ``á`` in ``nedokážu``), plus every punctuation mark some rule
    speaks for (their score depends on the neighbour chosen with them)."""
    ruled = _RULED.intersection(candidates)
    best = sorted(ruled, key=lambda char: (-_score(char, left, right, quotes)[0], char))
    top = best[:_SHORTLIST]
    other_case = ruled.intersection(char.swapcase() for char in top)
    neighbourly = sorted(ruled.intersection(_NEIGHBOURLY))
    return sorted({*top, *other_case, *neighbourly}) + _unruled_representatives(candidates)


def _score_any(char: str, left: str, right: str, quotes: QuoteState) -> tuple[float, str]:
    return _score(char, left, right, quotes) if char in _RULED else _baseline(char)


@lru_cache(maxsize=1024)
def _unruled_representatives(candidates: tuple[str, ...]) -> list[str]:
    """The unruled candidates that could matter: the best-scoring ones of each kind.

    Hundreds of candidates share a baseline score; two of them are enough to tell
    whether a ruled candidate wins clearly, and scoring all would be slow.
    """
    unruled = [char for char in candidates if char not in _RULED]
    letters = [char for char in unruled if char.isalpha()][:2]
    others = [char for char in unruled if not char.isalpha()][:2]
    return letters + others


def _baseline(char: str) -> tuple[float, str]:
    """The score of a character no rule speaks for (what :func:`_score` would give it)."""
    if char.isalpha():
        return -1.0, "letter not used by a known language"
    if char.isspace() and char != "\u00a0":
        return -3.0, PRIOR_ONLY
    return -2.0, PRIOR_ONLY


def _score(char: str, left: str, right: str, quotes: QuoteState) -> tuple[float, str]:
    before = left[-1:] or "\n"
    after = right[:1] or "\n"
    if char == _ITERATION_MARK:
        if cjk_words.is_ideograph(before):
            return _ITERATION_AFTER_IDEOGRAPH, "iteration mark after an ideograph"
        return -3.0, PRIOR_ONLY
    if char.isalpha():
        return _letter_score(char, left, right)
    if char == _JOINER:
        if _JOINS_BEFORE.match(before) and _JOINS_AFTER.match(after):
            return _JOINER_BETWEEN_EMOJI, "zero-width joiner between two emoji"
        return -3.0, PRIOR_ONLY
    return score_mark(char, left, right, quotes)


_SHORTEST_WORD = 3  # letters, the hole's included, for the lexicon to decide a hole
_LEXICON_RULE = "lost byte inferred from the lexicon"
#: Zipf a word loses in a line clearly written in another language (a thousandfold).
_FOREIGN = 3.0


def rivalled_by_a_lost_first_letter(
    choice: Choice, candidates: tuple[str, ...], left: str, right: str, vanished: frozenset[str]
) -> bool:
    """Was ``choice`` made by the lexicon, and would another candidate make a word
    nearly as frequent (within :data:`_FOREIGN`) if the word had begun with one of
    the letters ``vanished`` (lowercase), which the damage erases without a trace?

    EUC-JP with ``errors="ignore"`` drops both bytes of ``đ``, so Vietnamese
    ``được`` comes back as ``ư?c``, whose one listed word is ``ước``.
    """
    if choice.char is None or _LEXICON_RULE not in choice.note or not vanished:
        return False
    before, after = trailing_letters(left), leading_letters(right)
    languages = LANGUAGES_BY_LETTER.get(choice.char, ())
    chosen = (before + choice.char + after).lower()
    others = frozenset(
        char.lower()
        for char in candidates
        if char.isalpha() and char.lower() != choice.char.lower()
    )
    if not languages or not others or not (before or after):
        return False
    best = max(zipf(chosen, language) for language in languages)
    pattern = (vanished, *before.lower(), others, *after.lower())
    rivals = lexicon.words_fitting(pattern, tuple(sorted(languages)))
    return any(frequency > best - _FOREIGN for frequency in rivals.values())


def _letter_score(
    char: str, left: str, right: str, line: frozenset[str] = frozenset()
) -> tuple[float, str]:
    """The Zipf of the word the letter makes, in the languages that write it.

    ``line`` holds the languages the line is clearly written in (:mod:`.language`),
    asked when the lexicons alone left the letter undecided: a word none of them
    knows loses :data:`_FOREIGN`, a word they know counts with its Zipf in them.
    """
    before, after = trailing_letters(left), leading_letters(right)
    word = before + char + after
    languages = LANGUAGES_BY_LETTER.get(char)
    if not languages:
        return -1.0, "letter not used by a known language"
    if left[: len(left) - len(before)].endswith(LOST_MARKS) or right[len(after) :].startswith(
        LOST_MARKS
    ):
        # ``G?O��NO``: another hole goes on from the letters, so ``GÉO`` is no word;
        # so does a ``?`` glued to them, where a tool wrote one a lost byte
        # (``??v??ben`` is ``évében``, not Danish ``våben``)
        return -1.0, f"{word!r} goes on past another lost character"
    if len(word) < _SHORTEST_WORD:
        # ``E?`` is Turkish ``Eş`` as readily as the Polish ``EŃ`` it was: nearly any
        # letter makes a two-letter word in some language
        return -1.0, f"{word!r} is too short for the lexicon to tell"
    best = max(zipf(word, lang) for lang in languages)
    if best <= 0:
        return -1.0, f"{_UNLISTED} {word!r}"
    if _case_clashes(char, before, after):
        return -1.0, f"{word!r} is no word in that case"
    why = f"{_LEXICON_RULE}: {word!r} is a word (zipf {best:.1f})"
    if line:
        # every language of the line is asked, not only those whose alphabet has the
        # letter: Catalan writes Spanish names (``hernández``, Zipf 3.9 in its list)
        own = max((zipf(word, lang) for lang in line), default=0.0)
        if own > 0:
            best, why = own, f"{why}{_IN_THE_LINE}"
        else:
            best, why = best - _FOREIGN, f"{why}, but not in the line's language"
    return best + _case_fit(char, left, right), why


def _case_fit(char: str, left: str, right: str) -> float:
    """Case from the word around the hole: ``ROZDZIELCZOŚĆ`` wants capitals, ``świat``
    lowercase.  At the start of a word nothing decides (``Œuvres`` or ``œuvres``),
    unless the rest of the word is in capitals."""
    if not char.isalpha() or char.lower() == char.upper():
        return 0.0
    rest = trailing_letters(left) + leading_letters(right)
    if len(rest) >= 2 and rest.isupper():
        return _CASE if char.isupper() else -_CASE
    if trailing_letters(left):  # inside a word that is not all capitals
        return -_CASE if char.isupper() else _CASE
    previous = left.rstrip()[-1:]
    if previous.islower() or previous in (",", ";") or _after_elision(left):
        return -_CASE if char.isupper() else _CASE  # mid-sentence: names are rare
    return 0.0  # a word at the start of a sentence: capital or not, nothing decides


def _case_clashes(char: str, before: str, after: str) -> bool:
    """Does ``char``'s case clash with the letters of its word: a small letter in a word
    of capitals, or a capital after small letters?  No word is written so: deleted C1
    bytes leave only capitals (``C3 80`` to ``C3 9F``), and ``voilÃ`` had become
    ``voilÀ``."""
    if char.lower() == char.upper():
        return False
    rest = before + after
    if len(rest) >= 2 and rest.isupper():
        return char.islower()
    return char.isupper() and before[-1:].islower()


def _after_elision(left: str) -> bool:
    """Does the hole follow a lowercase elided word (French ``l'``, ``qu'``, Italian
    ``dell'``)?  Then it is inside a sentence: ``l'��toffe`` is ``l'étoffe``."""
    return left[-1:] in ("'", "\u2019") and left[-2:-1].islower()
