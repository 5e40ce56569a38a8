"""Which quotations are open, carried through a document as a repair reads it.

A lost character after a word is a closing quote when a quotation is open, and an
apostrophe or a dash when none is; :class:`QuoteState` follows the marks the text
and the repair wrote, so that a rule of :func:`.infer.choose` can ask.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleantext.repair.mark_rules import LOST, is_cjk

__all__ = ["QUOTE_MARKS", "QuoteSnapshot", "QuoteState", "low_closer_bonus", "low_closer_hint"]

#: The characters :meth:`QuoteState.observe` reacts to.
QUOTE_MARKS = frozenset("“”‘„«»\n")


#: :meth:`QuoteState.snapshot`: the open quotations (double, single, ``„``, ``«``)
#: and the marks the line's letters close a ``„`` quotation with.
QuoteSnapshot = tuple[bool, bool, bool, bool, frozenset[str]]


@dataclass
class QuoteState:
    """Whether a double or single quotation is open, carried through a document.

    A quotation opened by ``„`` (German, Polish, Czech) is closed by ``“`` or ``”``:
    after ``„Breakt“`` no quotation is open.  Which of the two closes it, the
    letters of the line so far may say (:data:`_LOW_CLOSERS`).
    """

    double_open: bool = False
    single_open: bool = False
    position: int = 0  # how far into the document the state has seen
    low_open: bool = False  # the open double quotation began with „
    #: The marks that letters seen on the line so far close a „ quotation with.
    closers: frozenset[str] = frozenset()
    #: A ``«`` quotation is open on the line (French, Russian, Polish, Turkish...).
    guillemet_open: bool = False
    #: The last character taken in: a ``’`` closes an open ``‘`` once a character
    #: that is no letter follows it (an apostrophe has letters on both sides).
    previous: str = ""

    def snapshot(self) -> QuoteSnapshot:
        """What a choice depends on, hashable: choices are cached on it."""
        return (
            self.double_open,
            self.single_open,
            self.low_open,
            self.guillemet_open,
            self.closers,
        )

    @classmethod
    def from_snapshot(cls, snapshot: QuoteSnapshot) -> QuoteState:
        double_open, single_open, low_open, guillemet_open, closers = snapshot
        return cls(
            double_open,
            single_open,
            low_open=low_open,
            closers=closers,
            guillemet_open=guillemet_open,
        )

    def low_closer(self) -> str:
        """The mark the line's letters say closes a ``„`` quotation; "" if unsure."""
        return next(iter(self.closers)) if len(self.closers) == 1 else ""

    def advance(self, text: str, to: int) -> None:
        """Take in the undamaged ``text[position:to]`` at C speed: only the last marks count."""
        start = self.position
        if to <= start:
            return
        line = text.rfind("\n", start, to)
        self._see_letters(text, max(start, line + 1), to, reset=line >= 0)
        low = text.rfind("„", start, to)
        opening = text.rfind("“", start, to)
        closing = text.rfind("”", start, to)
        last = max(line, low, opening, closing)
        if last >= 0:
            if last in (line, closing):
                self.double_open = self.low_open = False
            elif last == low:
                self.double_open = self.low_open = True
            else:  # “ opens a quotation, or closes one that „ opened
                self._opening_or_closing(_mark_before(text, max(start, line + 1), opening), line)
        single = text.rfind("‘", start, to)
        if line > single:
            self.single_open = False
        elif single >= 0:
            self.single_open = True
        carried = single < start  # the quotation was opened before this text
        if self.single_open and (
            (carried and self.previous == "’" and not _in_a_word(text[start]))
            or _SINGLE_CLOSER.search(text, start if carried else single + 1, to)
        ):
            self.single_open = False
        guillemet = text.rfind("«", start, to)
        if max(line, text.rfind("»", start, to)) > guillemet:
            self.guillemet_open = False
        elif guillemet >= 0:
            self.guillemet_open = True
        self.position = to
        self.previous = text[to - 1]

    def _opening_or_closing(self, before: str, line: int) -> None:
        """Take in a ``“`` whose nearest double mark before it (in the text taken in now)
        is ``before`` ("" for none: then the state carried in decides, unless a line
        break came between)."""
        opened_low = before == "„" or (
            not before and line < 0 and self.double_open and self.low_open
        )
        self.double_open = not opened_low
        self.low_open = False

    def _see_letters(self, text: str, start: int, end: int, *, reset: bool) -> None:
        closers = frozenset() if reset else self.closers
        if len(closers) < len(_LOW_CLOSERS):
            closers = closers.union(
                mark
                for mark, letters in _LOW_CLOSER_RES.items()
                if letters.search(text, start, end)
            )
        self.closers = closers

    def observe(self, char: str) -> None:
        """Take in one character the repair wrote (only :data:`QUOTE_MARKS` and the
        letters of :data:`_LOW_CLOSERS` matter)."""
        for mark, letters in _LOW_CLOSERS.items():
            if char in letters:
                self.closers = self.closers | {mark}
        if self.previous == "’" and not _in_a_word(char):
            self.single_open = False
        self.previous = char
        if char == "“":
            closes = self.double_open and self.low_open
            self.double_open, self.low_open = not closes, False
        elif char == "„":
            self.double_open = self.low_open = True
        elif char == "”":
            self.double_open = self.low_open = False
        elif char == "‘":
            self.single_open = True
        elif char in "«»":
            self.guillemet_open = char == "«"
        elif char == "\n":
            self.double_open = self.single_open = self.low_open = self.guillemet_open = False
            self.closers = frozenset()

    def observe_undecided(self, candidates: tuple[str, ...]) -> None:
        """Take in a lost character left undecided among ``candidates``: if it may have
        closed the open quotation, whether one is open is no longer known, and no
        later mark may be chosen to close it (``“crédulité��� … invent���,`` is not
        ``invent”``: the first hole was as likely the closing mark)."""
        if self.double_open and ("”" in candidates or (self.low_open and "“" in candidates)):
            self.double_open = self.low_open = False
        if self.single_open and "’" in candidates:
            self.single_open = False
        if self.guillemet_open and "»" in candidates:
            self.guillemet_open = False
        if self.previous == "’" and not any(map(_in_a_word, candidates)):
            self.single_open = False
        self.previous = LOST


#: Letters of languages that close a quotation opened with ``„`` by ``“`` (German,
#: Czech, Slovak, Slovenian, Croatian, Lithuanian) or by ``”`` (Polish, Hungarian,
#: Romanian).  Letters both kinds use (``ö``, ``ü``, ``ó``) tell nothing.
_LOW_CLOSERS = {
    mark: frozenset(letters) | {char.upper() for char in letters if len(char.upper()) == 1}
    for mark, letters in (("“", "äßčřěůďťňľĺŕšžėįų"), ("”", "ąęłśźżńćőűășțţ"))
}
_LOW_CLOSER_RES = {
    mark: re.compile("[" + "".join(sorted(letters)) + "]") for mark, letters in _LOW_CLOSERS.items()
}


def _mark_before(text: str, start: int, end: int) -> str:
    """The last double quotation mark in ``text[start:end]``, or ""."""
    found = max(text.rfind(mark, start, end) for mark in "„“”")
    return text[found] if found >= 0 else ""


def _in_a_word(char: str) -> bool:
    """Could ``char`` go on a word after an apostrophe (``it’s``, ``м’ясо``)?  Not
    CJK: a ``’`` before kana closed a quotation."""
    return char.isalnum() and not is_cjk(char)


#: A ``’`` with a character after it that goes on no word (:func:`_in_a_word`).
_SINGLE_CLOSER = re.compile("’(?=[\\W_\u3040-\u9fff\uac00-\ud7a3])")


def low_closer_bonus(char: str, quotes: QuoteState) -> float:
    """After ``„``, ``“`` and ``”`` both close; the line's letters may say which."""
    closer = quotes.low_closer()
    return 1.0 if not closer else (2.0 if closer == char else 0.0)


def low_closer_hint(quotes: QuoteState) -> str:
    """The words a choice's note gives for the closer the line's letters name."""
    closer = quotes.low_closer()
    return f" (the line's letters close „ with {closer})" if closer else ""
