"""Was the space after a sequence short of a byte a no-break space made a space?

ftfy reads it so (``Ã `` is ``à``, ``C3 A0``); under cp1252's losses it may as
well be a space after a character that lost its byte (``Ã`` is ``Á Í Ï Ð Ý``).
The letters and the listed words around it decide, and whether a space of its own
followed the no-break space.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from cleantext.repair import lexicon
from cleantext.repair.confirm import is_common_word
from cleantext.repair.cp1252_sequences import (
    CONTINUATION,
    candidates,
    letters_before,
    run_after,
    run_before,
    with_no_break_space,
    word_cells,
)
from cleantext.repair.words import LANGUAGES_BY_LETTER, is_one_letter_word, zipf

__all__ = [
    "before_two_spaces",
    "completed_by_a_space",
    "lost_space",
    "space_kept",
]


def lost_space(hit: re.Match[str]) -> bool:
    """Is the space after the short sequence more likely a no-break space made a
    space, which ftfy restores?  Yes when the sequence and ``A0`` make a letter of
    a living alphabet (``Ã `` is ``à``); ``â€ `` would be ``†``, and is ``”`` and
    a space, and ``Ñ `` the archaic ``Ѡ``, and is ``с`` or ``я``.  No where the
    text keeps its no-break spaces elsewhere (:func:`_no_break_spaces_kept`)."""
    if hit.group(1) != " " or _no_break_spaces_kept(hit.string):
        return False
    completed = with_no_break_space(hit)
    return (
        completed is not None
        and completed.isalpha()
        and _written_today(completed)
        and not (completed.islower() and (_after_capitals(hit) or _between_capitals(hit)))
        and not (completed.isupper() and (_after_a_small_letter(hit) or _before_small_letters(hit)))
        and not _words_say_a_byte_was_lost(hit, completed)
        and not _glues_two_syllables(hit, completed)
    )


def _words_say_a_byte_was_lost(hit: re.Match[str], completed: str) -> bool:
    """Do the words around say the sequence lost a byte before a space, rather than
    its no-break space?  Asked of the letters of Cyrillic and Greek, whose capitals
    make the readings hard to tell apart: yes where the letter glued to the next
    word makes no listed word and a letter the lost byte could make ends a listed
    one (Bulgarian ``СВОБОДЕ`` and ``Ð ``: ``СВОБОДЕН ПО``, ``Н`` that lost its
    ``9D``, not ftfy's ``СВОБОДЕРПО``; ``Ð оссия`` stays ``Россия``), or the next
    word is a listed one on its own (``НА ЗАПУСК``, not ``Н?РЗАПУСК``).  Holes in
    the words around stand for the letters their lost bytes could make."""
    script = lexicon.script_of(completed.lower())
    if script == "latin":
        return _latin_word_lost_a_byte(hit, completed)
    languages = lexicon.LANGUAGES_BY_SCRIPT.get(script, ())
    text = hit.string
    head = word_cells(run_before(text, hit.start()), at_end=True)
    tail = word_cells(run_after(text, hit.end() + 1), at_end=False)
    if not languages or head is None or tail is None:
        return False
    lost = frozenset(char.lower() for char in candidates(hit.group()) if char.isalpha())
    if not lost:
        return False
    if not (head or tail):
        # a word of one letter before a mark or the line's end, not a letter glued to
        # the mark (``Ð â€“`` is ``А –``, not ``Р–``); before a number, either
        return not run_after(text, hit.end() + 1)[:1].isdigit() and _one_letter_word(lost)
    letter = completed.lower()
    if _listed((*head, letter, *tail), languages):
        return False
    if (
        len(head) < _SHORT_HEAD
        and _short_word(head, lost, languages)
        and _zipf((*head, letter, *tail), languages)
        <= _short_word_zipf(head, lost, languages) - _RIVAL_MARGIN
    ):
        # a word of its own: ftfy's letter glued to the next word makes no word, or
        # one a thousand times rarer, and the lost byte a common word of one letter
        # or two (``Ð ÐÐ•Ð¢`` is ``А НЕТ``, not ``РÐÐ•Ð¢``; ``Ð¢Ð Ð”Ðž`` is ``ТА ДО``,
        # not ``ТРДО``; ``Ð Ð†`` is Ukrainian ``А І``, not ``РІ``, a word of Zipf 3.4
        # to ``а``'s 6.9; ``Ð им`` stays ``Рим``)
        return True
    return (
        (bool(head) and _listed((*head, lost), languages))
        or (bool(tail) and _listed(tail, languages))
        or (
            len(head) == _SHORT_HEAD
            # glued to the next word, the reading was looked up above; before none,
            # it is a word of three letters, which must be far rarer
            and _common((*head, lost), languages, rival=() if tail else (*head, letter))
        )
    )


def _short_word(head: lexicon.Pattern, lost: frozenset[str], languages: tuple[str, ...]) -> bool:
    """Do the letters before the sequence, none or one, and a letter its lost byte
    could make (one of ``lost``) make a common word of one letter or two?"""
    if not head:
        return _one_letter_word(lost)
    return _short_word_zipf(head, lost, languages) >= _COMMON_ZIPF


def _short_word_zipf(
    head: lexicon.Pattern, lost: frozenset[str], languages: tuple[str, ...]
) -> float:
    """The Zipf of the commonest word of ``languages`` the letters before the sequence
    and a letter its lost byte could make are (:func:`_short_word`).  A pattern of
    holes only, which the lexicon does not look up, is spelt out: ``ÐÐ `` before
    ``ПО`` is ``НА`` that lost both bytes (word probe, seed 206)."""
    pattern = (*head, lost)
    if any(isinstance(cell, str) for cell in pattern):
        return _zipf(pattern, languages)
    spellings = [sorted(cell) for cell in pattern]
    if math.prod(map(len, spellings)) > _SPELT_OUT:
        return 0.0
    return max(
        (
            zipf("".join(word), language)
            for word in itertools.product(*spellings)
            for language in languages
        ),
        default=0.0,
    )


#: The most words :func:`_short_word_zipf` spells out of a pattern of holes.
_SPELT_OUT = 64


def _one_letter_word(letters: frozenset[str]) -> bool:
    """Is one of ``letters``, a lost byte's candidates, a common word on its own?"""
    return any(is_one_letter_word(letter) for letter in letters)


def _latin_word_lost_a_byte(hit: re.Match[str], completed: str) -> bool:
    """Do the words around say the sequence lost a byte before a space, for a Latin
    letter?  Yes where the letters before it and a letter the lost byte could make
    are a listed word, and neither ftfy's letter ending them nor glued to the next
    word is: Hungarian ``KÖVETKEZÅ OLASZORSZÁG`` is ``KÖVETKEZŐ`` (``Ő`` lost its
    ``90``) and a space, not ``KÖVETKEZŠOLASZORSZÁG``; ``voilÃ le`` stays ``voilà``.
    A word shorter than :data:`_WORD_LETTERS` must be a common one."""
    text = hit.string
    head = word_cells(run_before(text, hit.start()), at_end=True)
    tail = word_cells(run_after(text, hit.end() + 1), at_end=False)
    if not head or tail is None:
        return False
    letter = completed.lower()
    lost = frozenset(
        char.lower() for char in candidates(hit.group()) if char.isalpha() and not char.isascii()
    )
    ours = _latin_languages(lost)
    theirs = _latin_languages({letter})
    if not ours or _listed((*head, letter, *tail), theirs):
        return False
    if len(head) + 1 >= _WORD_LETTERS:
        return _listed((*head, lost), ours) and not _listed((*head, letter), theirs)
    # A short word must be a common one, and ftfy's reading no word at all: ``BYÅ TAM``
    # is ``BYŁ TAM`` (6.2), ``FÅ`` ``FŐ`` (5.4); ``lÃ -bas`` is ``là-bas``, not ``lá``.
    return _zipf((*head, lost), ours) >= _SHORT_ZIPF and not _zipf((*head, letter), theirs)


def _zipf(pattern: lexicon.Pattern, languages: tuple[str, ...]) -> float:
    """The Zipf of the commonest listed word of ``languages`` fitting ``pattern``; 0 if none."""
    return max(lexicon.words_fitting(pattern, languages).values(), default=0.0)


def _latin_languages(letters: Iterable[str]) -> tuple[str, ...]:
    """The languages whose alphabet has one of ``letters``."""
    return tuple(
        sorted({lang for letter in letters for lang in LANGUAGES_BY_LETTER.get(letter, ())})
    )


def _common(
    pattern: lexicon.Pattern, languages: tuple[str, ...], rival: lexicon.Pattern = ()
) -> bool:
    """Does a word common enough not to fit by chance fit ``pattern``, too short for
    :func:`_listed`, a thousand times as common as any ``rival`` fits?  ``ΜΗÎ ΣΤ``
    is ``ΜΗΝ ΣΤ`` (``μην``, Zipf 6.2), not ftfy's ``ΜΗΠΣΤ``, and ``ΔΕÎ –`` is ``ΔΕΝ
    –`` (7.0), not ``ΔΕΠ–`` (an abbreviation, 3.2); but ``ГЕ`` and a lost ``н`` is no
    ``ген`` (4.4)."""
    best = _zipf(pattern, languages)
    return (
        best >= _COMMON_ZIPF and best - (_zipf(rival, languages) if rival else 0.0) >= _RIVAL_MARGIN
    )


#: Letters before the sequence for :func:`_common`: with the lost one, a word of three.
_SHORT_HEAD = 2
#: How common such a word must be (Zipf: ``она`` is 6.2, ``не`` 6.9).
_COMMON_ZIPF = 5.5
#: How much more common than the reading glued to a mark (a thousandfold).
_RIVAL_MARGIN = 3.0


def _listed(pattern: lexicon.Pattern, languages: tuple[str, ...]) -> bool:
    """Does a listed word of ``languages`` fit ``pattern`` (too loose a pattern: no)?
    A Greek word ends in the final sigma, which the capital read back letter by
    letter is not (``ΚΑΤΗΓΟΡΊΕΣ`` is ``κατηγορίες``)."""
    if pattern[-1:] == ("σ",):
        pattern = (*pattern[:-1], "ς")
    return len(pattern) >= _WORD_LETTERS and bool(lexicon.words_fitting(pattern, languages))


#: Letters a word must have to be looked up: shorter ones fit by chance ...
_WORD_LETTERS = 4
#: ... unless they are this common (Zipf), in a language with the lost letter.
_SHORT_ZIPF = 5.0


def _after_capitals(hit: re.Match[str]) -> bool:
    """Do two capitals stand right before the short sequence?  Then a small letter
    does not end their word: ``NENÃ `` is ``NENÍ`` and a space (``Í`` lost its 8D),
    not ``NENà`` glued to the next word; nor ``BOÅ½Ã `` (``BOŽÍ``)."""
    before = letters_before(hit.string, hit.start())[-2:]
    return len(before) == 2 and before.isalpha() and before.isupper()


def _between_capitals(hit: re.Match[str]) -> bool:
    """Does a capital stand right before the short sequence, or does it begin a word,
    and two capitals begin the word after the space (or, after a capital, is that
    word one capital)?  A small letter glued to them makes no word: Vietnamese
    ``LÃ CHáº¼`` is ``LÝ CHẼ`` (``Ý`` lost its 9D), not ``LàCHẼ``; ``NHÃ‰P Ã CÃC``
    is ``NHÉP Ý CÁC``, not ``NHÉP àCÁC`` (word probe, seed 196); Czech ``DÃ U`` is
    ``DÁ U`` (``Á`` lost its 81), not ``DàU`` (seed 222)."""
    before = letters_before(hit.string, hit.start())[-1:]
    word = run_after(hit.string, hit.end() + 1)
    after = word[:2]
    starts_a_word = not run_before(hit.string, hit.start())
    return (
        (before.isupper() or starts_a_word)
        and len(after) == 2
        and after.isalpha()
        and after.isupper()
    ) or (before.isupper() and len(word) == 1 and word.isalpha() and word.isupper())


def _glues_two_syllables(hit: re.Match[str], completed: str) -> bool:
    """Would a letter only Vietnamese writes glue its syllable to a word holding a
    vowel after the space?  Vietnamese writes each syllable apart, one run of vowels
    to a syllable: ``Sá» PHáº¢I`` is ``SỐ PHẢI`` (``Ố`` lost its 90), not ``SỠPHẢI``
    (word probe, seed 233), while ``Báº N`` is still ``BẠN``."""
    if set(LANGUAGES_BY_LETTER.get(completed, ())) != {"vi"}:
        return False
    word = run_after(hit.string, hit.end() + 1)
    return any(unicodedata.normalize("NFD", char)[0] in _VOWELS for char in word)


_VOWELS = frozenset("aeiouyAEIOUY")


def _after_a_small_letter(hit: re.Match[str]) -> bool:
    """Does a small letter end the word before the short sequence?  Then a capital
    does not go on with it: Vietnamese ``nghá» `` is ``nghề`` and a space (``ề``
    lost its 81), not ``nghỠ`` glued to the next word."""
    return letters_before(hit.string, hit.start())[-1:].islower()


def _before_small_letters(hit: re.Match[str]) -> bool:
    """Does a letter stand right before the short sequence and two small ones begin
    the word after the space?  A capital glued between them would go on in small
    letters inside a word: Vietnamese ``Vá» khÃ´ng`` is ``Về không`` (``ề`` lost
    its 81), not ``VỠkhông``."""
    after = run_after(hit.string, hit.end() + 1)[:2]
    return (
        letters_before(hit.string, hit.start())[-1:].isalpha()
        and len(after) == 2
        and after.isalpha()
        and after.islower()
    )


@lru_cache(maxsize=1)
def _no_break_spaces_kept(text: str) -> bool:
    """Does a UTF-8 sequence in ``text`` keep an ``A0`` byte as a no-break space
    (``Ð\xa0`` is ``Р``)?  Then the text's no-break spaces were not made spaces, and
    a space after a short sequence is a space: in ``Ð˜ÐœÐ•Ð Ð\x9dÐ\xa0`` (``ИМЕН
    НР``), ``Ð `` is ``Н`` and a space, not ftfy's ``Р``."""
    return _KEPT_NO_BREAK_SPACE_RE.search(text) is not None


_KEPT_NO_BREAK_SPACE_RE = re.compile(f"[\u00c2-\u00f4][{CONTINUATION}]*\u00a0")


def _written_today(letter: str) -> bool:
    """Is ``letter`` one the words of a language with a lexicon are written with
    (``à``, ``Π``, ``Р``; not the archaic ``Ϡ`` or ``Ѡ``)?"""
    lowercase = letter.lower()
    script = lexicon.script_of(lowercase)
    if script == "latin":
        return lowercase.isascii() or lowercase in LANGUAGES_BY_LETTER
    languages = lexicon.LANGUAGES_BY_SCRIPT.get(script, ())
    return any(lowercase in lexicon.alphabet(language) for language in languages)


def completed_by_a_space(hit: re.Match[str]) -> bool:
    """Does a no-break space made a space complete the sequence (ftfy reads it so)?"""
    return hit.group(1) == " " and with_no_break_space(hit) is not None


def before_two_spaces(hit: re.Match[str]) -> bool:
    after = hit.end() + 1  # past the space
    return (
        hit.group(1) == " "
        and hit.string[after : after + 1] == " "
        and not _no_break_spaces_kept(hit.string)
    )


def space_kept(hit: re.Match[str], letter: str) -> bool:
    """Was the space after the no-break space a space of its own, the two made one?
    Yes where the letter glued to the next word makes no common word, and with
    the letters before it makes one, or is one alone: ``voilÃ le`` is ``voilà le``
    and ``Ã Paris`` is ``à Paris`` (its ``C3 A0``, then a space), as ftfy reads
    them; ``lÃ -bas`` stays ``là-bas``."""
    text = hit.string
    head = word_cells(run_before(text, hit.start()), at_end=True)
    tail = word_cells(run_after(text, hit.end() + 1), at_end=False)
    if head is None or not tail or not all(isinstance(cell, str) for cell in (*head, *tail)):
        return False
    before, after = "".join(map(str, head)), "".join(map(str, tail))
    letter = letter.lower()
    if is_common_word(before + letter + after):
        return False
    return is_common_word(before + letter) if before else is_one_letter_word(letter)
