"""How the context scores a punctuation mark as the character a lost byte belonged to.

Each mark has its rule (:data:`_RULES`), which reads the text on either side of
the hole and the quotations open before it, and gives points and a reason: ``’``
after a word and before ``s`` is an English contraction, ``—`` between two spaces
a spaced dash, ``”`` closes a quotation that is open.  The points go on the mark's
prior (:data:`PRIOR`: how often it is a lost character at all); :mod:`.infer`
scores letters by the lexicon, and chooses.  The predicates the rules ask are
:mod:`.mark_rules`'.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import regex

from cleantext.repair.mark_rules import (
    CLOSING_FOLLOWERS,
    LOST,
    cjk_dash,
    closes,
    closes_guillemet,
    dash_joins_words,
    dialogue_follows,
    elision,
    english_contraction,
    final_pair_before_a_hole,
    in_cyrillic,
    is_cjk,
    possessive_or_closing,
    rest_of_a_word,
    scare_quote_open,
    whole_trailing_word,
)
from cleantext.repair.quotes import QuoteState, low_closer_bonus, low_closer_hint
from cleantext.repair.words import leading_letters, trailing_letters

__all__ = ["OPENING_QUOTE", "PRIOR", "PRIOR_ONLY", "score_mark"]

# How often each character stands for a lost character in real text, in score units.
PRIOR = {
    "’": 3.0, "“": 2.5, "”": 2.5, "—": 2.0, "–": 1.5, "‘": 1.5, "…": 1.5,
    "•": 1.0, "€": 1.0, "\u00a0": 0.5, "™": 0.5, "′": 0.2, "″": 0.2,
    "。": 1.5, "、": 1.0, "「": 1.0, "」": 1.0, "々": 0.0,
}  # fmt: skip
#: The reason given where no rule spoke for a mark.
PRIOR_ONLY = "prior frequency"
#: The reason the opening-quote rule gives (:func:`.infer.opens_a_quotation` asks for it).
OPENING_QUOTE = "opening quote before a word"


def score_mark(char: str, left: str, right: str, quotes: QuoteState) -> tuple[float, str]:
    """The score of mark ``char`` in the hole between ``left`` and ``right``, and why:
    its prior plus what its rule gives in this context."""
    context = _context(left, right, quotes)
    rule = _RULES.get(char)
    if rule is not None:
        points, reason = rule(char, context)
    else:
        points, reason = (-1.0 if char.isspace() else 0.0), ""
    return PRIOR.get(char, -2.0) + points, _CONTEXT_RULE + (reason or PRIOR_ONLY)


_CONTEXT_RULE = "lost byte inferred from context: "


class _Context(NamedTuple):
    """The text on either side of a hole, the characters right beside it (a line
    break at either end of the text), whether they are letters or digits, and the
    quotations open before it."""

    left: str
    right: str
    quotes: QuoteState
    before: str
    after: str
    word_before: bool
    word_after: bool


def _context(left: str, right: str, quotes: QuoteState) -> _Context:
    before, after = left[-1:] or "\n", right[:1] or "\n"
    return _Context(left, right, quotes, before, after, before.isalnum(), after.isalnum())


#: A mark's rule: the points the context gives it, and why ("" where the rule names
#: no reason).
_Rule = Callable[[str, _Context], tuple[float, str]]


def _apostrophe(char: str, at: _Context) -> tuple[float, str]:
    """``’``: a contraction or an elision, between letters, closing a ``‘``, or a plural
    possessive; not after a space or a mark."""
    tail = leading_letters(at.right).lower()
    if at.word_before and english_contraction(whole_trailing_word(at.left), tail):
        return 4.0, f"English contraction ’{tail}"
    if elision(at.left, at.right):
        return 4.0, f"elision {trailing_letters(at.left)}’ before a vowel"
    if at.word_before and at.word_after:
        return 0.5, ""
    if (
        (at.word_before or at.before == LOST)  # a hole: a lost letter or ideograph
        and at.after in CLOSING_FOLLOWERS
        and at.quotes.single_open
    ):
        return 2.5, "closing quote pairs with an open ‘"
    if at.word_before and at.after in CLOSING_FOLLOWERS and at.left[-1:].lower() == "s":
        return 1.0, "plural possessive"
    return (-3.0 if not at.word_before else 0.0), ""


def _dash(char: str, at: _Context) -> tuple[float, str]:
    """``—`` and ``–``: between words, spaced, beside a quotation, in a range of
    numbers, in CJK text, or opening a line of dialogue."""
    em = char == "—"
    if at.word_before and at.word_after and dash_joins_words(at.left, at.right):
        return (3.5 if em else 1.0), "dash between two words"
    if at.before == " " and at.after == " ":
        return (3.5 if em else 2.0), "spaced dash"
    if at.word_before and at.after in "“‘(":
        return (3.0 if em else 0.5), "dash before a quotation"
    if at.before in "”’" and at.word_after:
        # ``“fine”—really``: read alone, the pair had been ``fine—“really``
        return (3.0 if em else 0.5), "dash after a quotation"
    if at.before.isdigit() and at.after.isdigit():
        if in_cyrillic(at.left):  # Russian writes ranges with ``—`` (``1728—1732 годах``)
            return 2.0, "range between numbers"
        return (0.0 if em else 4.0), "range between numbers"
    if em and cjk_dash(at.left, at.right):
        return 3.0, "double dash or dash in CJK text"
    if at.before == "\n" and at.after == " " and dialogue_follows(at.right):
        return (2.5 if em else 1.0), "dash opening a line"
    return -2.0, ""


def _left_double_quote(char: str, at: _Context) -> tuple[float, str]:
    """``“``: where a ``„`` is open, its closing quote; else an opening one."""
    if at.quotes.low_open and closes(at.before, at.after):
        return 3 + low_closer_bonus(char, at.quotes), _pairs_with_low_opener(at.quotes)
    return _opening_quote(char, at)


def _opening_quote(char: str, at: _Context) -> tuple[float, str]:
    """``“`` and ``‘`` before a word, after a space or an opening mark; not inside a
    word."""
    if rest_of_a_word(at.right):
        return -3.0, ""
    if final_pair_before_a_hole(at.right):
        return 0.0, ""  # ``���nh���``: ``“nh”``, ``ảnh…`` or ``“nhẹ``: no rule decides
    if at.before in _OPENING_CONTEXT and (at.word_after or at.after in "‘'\"…"):
        # a second ``“`` inside an open quotation is rare (English nests ``‘``)
        nested = char == "“" and at.quotes.double_open and not at.quotes.low_open
        return (1.0 if char == "‘" else 2.0 if nested else 4.0), OPENING_QUOTE
    return -3.0, ""


_OPENING_CONTEXT = frozenset(" \t\n([{—–-/\"'“‘")


def _right_double_quote(char: str, at: _Context) -> tuple[float, str]:
    """``”``: a closing quote, or a plural possessive's apostrophe beside it."""
    if possessive_or_closing(at.left, at.right):
        # neither wins beside a scare quote's opening; with none in sight, the
        # plural possessive does (``both sides’ desire``, ``“An`` far back)
        return (1.5 if scare_quote_open(at.left) else 0.0), "closing quote or plural possessive"
    if not closes(at.before, at.after):
        return -3.0, ""
    if at.quotes.low_open:
        return 3 + low_closer_bonus(char, at.quotes), _pairs_with_low_opener(at.quotes)
    if at.quotes.double_open:
        return 5.0, "closing quote pairs with an open “"
    if not (is_cjk(at.before) or at.before in "’”" + LOST):
        # after CJK text (or a hole, which may be CJK) only a quotation opened
        # before closes: ``扩大™;`` that lost its last bytes is no quotation's end;
        # nor does ``”`` follow a closing mark unless one was open (``‘fail’…``)
        return 1.0, "closing quote"
    return -3.0, ""


def _pairs_with_low_opener(quotes: QuoteState) -> str:
    return "closing quote pairs with an open „" + low_closer_hint(quotes)


def _guillemet(char: str, at: _Context) -> tuple[float, str]:
    """``»``: only closing a ``«`` that is open."""
    if at.quotes.guillemet_open and closes_guillemet(at.left, at.after):
        return 5.0, "closing guillemet pairs with an open «"
    return 0.0, ""


def _cjk_stop(char: str, at: _Context) -> tuple[float, str]:
    """``。`` and ``、`` after a CJK character: ``。`` ends a line of prose or opens
    a quotation, ``、`` goes on between ideographs."""
    if not is_cjk(at.before) or at.after in (" ", "\t"):
        # full-width marks carry their own space: ``売、 人`` is ``売る 人``
        return -3.0, ""
    if at.after in "\n「“":
        ends_prose = not (at.after == "\n" and _spaced_words(at.left))
        points = 2.5 if char == "。" and ends_prose else 1.0
    else:
        # anything else after (a hole, a mark) tells neither (``使用。`` was ``使�、``)
        points = 2.5 if char == "、" and is_cjk(at.after) else 1.0
    return points, "CJK punctuation after a CJK character"


def _spaced_words(left: str) -> bool:
    """Does the line ending in ``left`` (as far as a choice reads it) set its CJK
    words apart with spaces?  Chinese and Japanese prose, which ``。`` ends, does
    not; a list of words does, and so does Korean, which ends its sentences with
    ``.`` (``見舞わ 者 いる の 我々`` had become ``… の 我。``)."""
    return _SPACED_CJK.search(left, left.rfind("\n") + 1) is not None


#: A CJK character (or a hole, which may be one), spaces, and a CJK character.
_SPACED_CJK = regex.compile("[\u3040-\u9fff\uac00-\ud7a3\ufffd] +[\u3040-\u9fff\uac00-\ud7a3]")


def _euro(char: str, at: _Context) -> tuple[float, str]:
    """``€`` before an amount: as likely as an opening quote (``“5 stars”``), enough to
    leave the choice open where no byte tells them apart (``€5`` read as ASCII)."""
    if at.after.isdigit() or (at.after == " " and at.right[1:2].isdigit()):
        return 5.0, "currency sign before an amount"
    return 0.0, ""


def _ellipsis(char: str, at: _Context) -> tuple[float, str]:
    """``…`` after a word, before what may follow a closing mark."""
    return (0.5 if at.word_before and at.after in CLOSING_FOLLOWERS else 0.0), ""


def _no_break_space(char: str, at: _Context) -> tuple[float, str]:
    """A no-break space joins two words: beside a space or a line's edge it joins
    nothing, and CJK text has none."""
    if any(
        side.isspace() or is_cjk(side) or "\u3000" <= side <= "\u303f"
        for side in (at.before, at.after)
    ):
        return -3.0, ""
    return 0.0, ""


_RULES: dict[str, _Rule] = {
    "’": _apostrophe,
    "—": _dash,
    "–": _dash,
    "“": _left_double_quote,
    "‘": _opening_quote,
    "”": _right_double_quote,
    "»": _guillemet,
    "。": _cjk_stop,
    "、": _cjk_stop,
    "€": _euro,
    "…": _ellipsis,
    "\u00a0": _no_break_space,
}
