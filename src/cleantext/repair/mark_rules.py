"""What the context of a lost character says about the punctuation marks it may be.

Each test reads the text on either side of a hole (``left`` ends just before it,
``right`` starts just after it) and answers one question a rule of
:func:`.infer.choose` asks: do the two sides make an English contraction
(``He’s``), an elision (``qu’il``), two words a dash joins
(``incentives—including``), CJK text a dash stands in, the end of a quotation?
"""

from __future__ import annotations

import unicodedata

from cleantext.repair import score
from cleantext.repair.words import (
    KNOWN_WORD_ZIPF,
    known_word,
    leading_letters,
    trailing_letters,
    zipf,
)

__all__ = [
    "CLOSING_FOLLOWERS",
    "LOST",
    "LOST_MARKS",
    "cjk_dash",
    "closes",
    "closes_guillemet",
    "dash_joins_words",
    "dialogue_follows",
    "elision",
    "english_contraction",
    "final_pair_before_a_hole",
    "in_cyrillic",
    "is_cjk",
    "possessive_or_closing",
    "rest_of_a_word",
    "scare_quote_open",
    "whole_trailing_word",
]

LOST = "\ufffd"  # a character whose bytes were lost, as the context shows it
LOST_MARKS = (LOST, "?")  # what a lost character beside a word may show as
#: What may follow a closing quotation mark.
CLOSING_FOLLOWERS = frozenset(" \t\n.,;:!?)]}—–-'\"’”")
_CONTRACTION_TAILS = ("s", "t", "re", "ve", "ll", "d", "m")
#: Words French and Italian elide before a vowel or a mute h (``l’œuvre``, ``qu’il``,
#: ``dell’Europa``): an apostrophe, never a dash, joins them to the next word.
_ELIDED_FRENCH = frozenset((
    "c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    "presqu", "quelqu", "aujourd",
))  # fmt: skip
_ELIDED_ITALIAN = frozenset(
    ("all", "dall", "dell", "nell", "sull", "coll", "quell", "quest", "un", "bell", "sant")
)
_ELIDED = _ELIDED_FRENCH | _ELIDED_ITALIAN
_ELISION_VOWELS = frozenset("aeiouyhàâäéèêëîïôöùûüœæáíóúì")


def in_cyrillic(left: str) -> bool:
    """Is the last letter before the hole Cyrillic?"""
    letter = next((char for char in reversed(left) if char.isalpha()), None)
    return letter is not None and score.script_of(letter) == "CYRILLIC"


def closes(before: str, after: str) -> bool:
    """Could a quotation mark between ``before`` and ``after`` close a quotation?
    Not after a space, nor after a maths symbol, which no quotation ends with: GBK
    read ``鈭粹``, what Big5 dropping bytes left of Japanese, as ``∴”``."""
    return (
        not before.isspace()
        and not (before and unicodedata.category(before) == "Sm")
        and after in CLOSING_FOLLOWERS
    )


def closes_guillemet(left: str, after: str) -> bool:
    """Could ``»`` close a quotation here: after a word (French sets a space before
    it: ``« mot »``) and before what follows a quotation's end?"""
    word_end = left.rstrip(" \u00a0\u202f")[-1:]
    return bool(word_end) and not word_end.isspace() and after in CLOSING_FOLLOWERS


def english_contraction(word: str, tail: str) -> bool:
    """Do ``word`` and ``tail`` make an English contraction?  ``’s`` goes after any
    word (``Putin’s``), ``’t`` after a word ending in ``n`` (``don’t``, ``mustn’t``;
    a lone ``n`` is Vietnamese ``nốt``); the others must be in wordfreq's English
    list (``you’re``, ``I’m``): Vietnamese ``vật`` and ``nằm`` whose middle letter
    was lost are not ``v’t`` and ``n’m``."""
    if tail not in _CONTRACTION_TAILS or not word:
        return False
    if tail == "s":
        return True
    if tail == "t":  # wordfreq's list holds ``n't`` itself, a token of its own
        return len(word) > 1 and word[-1:].lower() == "n"
    return zipf(f"{word.lower()}'{tail}", "en") > 0


def whole_trailing_word(left: str) -> str:
    """The letters ending ``left``, or nothing if a lost character is glued before
    them: the word may be longer (``�i’m`` is Vietnamese ``điểm``, not ``i’m``)."""
    word = trailing_letters(left)
    return "" if left[: len(left) - len(word)].endswith(LOST_MARKS) else word


def dash_joins_words(left: str, right: str) -> bool:
    """``incentives—including``, ``sanctions—if``: both sides are words on their own
    (``Mahrusâtü`` is not), of two letters or more, one of them of three or more,
    and each with a vowel (``th`` and ``ng`` are English abbreviations, and
    ``thống`` or ``chuộng`` that lost a letter is no ``th—ng`` or ``chu—ng``)."""
    before, after = trailing_letters(left), leading_letters(right)
    if (
        after.lower() in _CONTRACTION_TAILS
        or min(len(before), len(after)) < 2
        or max(len(before), len(after)) < 3
        or not (_has_a_vowel(before) and _has_a_vowel(after))
    ):
        return False
    return known_word(before) and known_word(after)


def _has_a_vowel(word: str) -> bool:
    """Does ``word`` hold a vowel (or a letter beyond ASCII, which may be one)?"""
    return any(char.lower() in "aeiouy" or not char.isascii() for char in word)


def elision(left: str, right: str) -> bool:
    """Does a word French or Italian elides end ``left`` (``qu``, ``dell``) and a vowel
    or ``h`` begin ``right``, a word of French or Italian or a name?  Between them
    only an apostrophe is written.  Not Turkish ``dâhil`` or ``mâhiyet``, whose
    ``â`` had become ``’`` in clean text."""
    if not (trailing_letters(left).lower() in _ELIDED and right[:1].lower() in _ELISION_VOWELS):
        return False
    word = leading_letters(right)
    if word[:1].isupper():
        return True  # a name (``d’Artagnan``): ``dâA`` is no word of any language
    return any(zipf(word.lower(), language) >= KNOWN_WORD_ZIPF for language in ("fr", "it"))


def cjk_dash(left: str, right: str) -> bool:
    """A dash in CJK text, alone or doubled (Chinese writes ``——``): CJK text on both
    sides, or, for a doubled dash, the line's end on one.  Not before a space or
    Western punctuation (``議— Osmanlı`` is ``議™``, ``攪—.`` is ``攪“.``), nor alone at
    a line's end (EUC-JP with ``?`` left ``螻錫??`` of ``과™``, not ``과—``)."""
    before, after = left[-1:], right[:1]
    doubled = before == "—" or after == "—"
    if before == "—":
        before = left[-2:-1]
    if after == "—":
        after = right[1:2]
    sides = (before or "\n", after or "\n")
    if not doubled and "\n" in sides:
        return False
    return any(map(is_cjk, sides)) and all(map(_in_cjk_text, sides))


def dialogue_follows(right: str) -> bool:
    """Could a dash opening a line open dialogue: does a word follow on the line (a
    letter, or a hole or ``?`` that may be one), and is the line no CJK read as
    Latin-1 (:func:`_cjk_line_read_as_latin1`)?  Big5 dropping bytes left only
    ``窶`` and spaces of ``것 했 을 옛 에``, and cp932 had made a dash of it."""
    line = right.split("\n", 1)[0]
    word = any(char.isalpha() or char in LOST_MARKS for char in line)
    return word and not _cjk_line_read_as_latin1(line)


def _cjk_line_read_as_latin1(right: str) -> bool:
    """Does the rest of the line hold the Latin-1 reading of a lead byte of CJK or
    Hangul (``E3`` to ``ED``: ``ã`` to ``í``)?  A line of those opens with a bullet
    (``◎``, ``●``), not a dialogue dash: ``â íì´ì¬`` that lost its C1 bytes was
    ``◎ 파이썬``, and the dash is one candidate among the bullets."""
    line = right.split("\n", 1)[0]
    return any("\u00e3" <= char <= "\u00ed" for char in line)


def _in_cjk_text(char: str) -> bool:
    """A CJK letter, CJK or full-width punctuation (``。``, ``，``), or a line's end."""
    return (
        is_cjk(char) or "\u3000" <= char < "\u3040" or "\uff00" <= char < "\ufff0" or char == "\n"
    )


def is_cjk(char: str) -> bool:
    """Kana, an ideograph or a Hangul syllable: what the rules read as CJK text."""
    return "\u3040" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7a3"


#: Words that do not follow a possessive (``consequences” for`` closes a quote).
_FUNCTION_WORDS = frozenset(
    (
        *("a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "if"),
        *("in", "into", "is", "it", "of", "on", "or", "than", "that", "the", "to"),
        *("was", "were", "which", "while", "who", "will", "with", "would"),
    )
)


def possessive_or_closing(left: str, right: str) -> bool:
    """``sides’ desire`` and ``“the sides” desire`` look alike: the rule for ``”`` in
    :mod:`.infer` weighs them."""
    if left[-1:] != "s" or right[:1] != " " or not right[1:2].islower():
        return False
    return leading_letters(right[1:]).lower() not in _FUNCTION_WORDS


def scare_quote_open(left: str) -> bool:
    """Did a quotation open a few words before (``“the sides``)?  Only then is a closing
    quote that a lowercase word goes on from as likely as a plural possessive."""
    return "“" in left[-_SCARE_QUOTE_REACH:]


_SCARE_QUOTE_REACH = 30  # characters back a scare quote's opening mark may be


#: Vowel letters of the Latin alphabet, ``y`` too (``my``, ``by``).
_VOWELS = frozenset("aeiouy")


def rest_of_a_word(right: str) -> bool:
    """Is ``right`` a whole word of small ASCII letters with no vowel (``nh``, ``m``)
    or of one letter (``u``), which opens no quotation: it is what a word left once
    its first letter, three bytes of UTF-8, was lost (Vietnamese ``ảnh``, ``Ấm``,
    ``ẩu``)?  Words glued to another hole may be longer than they look, and
    capitals are acronyms (``“BBC``), but for Vietnamese's finals in capitals: its
    pairs (``ỨNG`` read as ASCII had become ``“NG:``, word probe seed 211) and the
    single ones no English quotation opens with, as it does with ``“I`` and ``“A``
    (``ỐT`` had become ``“T``, seed 244)."""
    word = leading_letters(right)
    finals = _VIETNAMESE_FINALS | _VIETNAMESE_SINGLE_FINALS
    return (
        bool(word)
        and word.isascii()
        and (word.islower() or (word.isupper() and word.lower() in finals))
        and (len(word) == 1 or _VOWELS.isdisjoint(word))
        and not right[len(word) : len(word) + 1].isalnum()
        and right[len(word) : len(word) + 1] not in LOST_MARKS
    )


def final_pair_before_a_hole(right: str) -> bool:
    """Is ``right`` one of Vietnamese's final consonant pairs glued to a lost
    character (``nh���``)?  Such a word may be longer than it looks (``nhẹ``), so
    :func:`rest_of_a_word` lets it open a quotation; but it may as well be what a
    word kept once its first letter, a vowel of three bytes, was lost (``ảnh…``,
    ``ứng``, ``ếch``, read as ASCII), and then a quotation opening before it is no
    likelier than that letter (word probe, seed 193: ``ảnh…`` had come back as
    ``“nh”``).  English quotes no such pair (``“hmm”`` and ``“sh”`` still open)."""
    word = leading_letters(right)
    return word in _VIETNAMESE_FINALS and right[len(word) : len(word) + 1] in LOST_MARKS


#: The final consonants of two letters a Vietnamese syllable ends with.
_VIETNAMESE_FINALS = frozenset({"ch", "ng", "nh"})
#: The final consonants of one letter (``c m n p t``).
_VIETNAMESE_SINGLE_FINALS = frozenset("cmnpt")
