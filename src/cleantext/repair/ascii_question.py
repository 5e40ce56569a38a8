"""UTF-8 read as ASCII, each byte written ``?``: ``you’re`` became ``you???re``.

Tools that write ``?`` for a byte they cannot decode (where Python writes U+FFFD)
leave ``don???t`` and ``Z??rich``.  No byte survives, and ``?`` is also a real
question mark (``What??? No.``), so only runs glued between two letters are read
(no real text writes question marks inside a word), quotation marks in the
shapes :func:`_quotation_runs` allows, and two marks at a word's edge
(``form??``) on a line where a run inside a word was repaired.  Each such run is
read as the U+FFFD run the same bytes would have left (:mod:`.ascii_replaced`),
and a repair is kept only where a rule decided it whole (an English contraction,
a word list's letter, a quotation mark) and the word it makes is a common one
(``don’t``, ``Zürich``; not ``c’d``), or the two words a dash joins are
(``West—particularly``); a run no rule decides stays as it was, question marks
and all.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from cleantext.repair import ascii_replaced, confirm, words
from cleantext.repair.misread import LOST, Repair
from cleantext.repair.models import ASCII_QUESTION_MODEL
from cleantext.repair.screen import (
    QUESTION_QUOTE_OPENING_RE,
    QUESTION_RUN_IN_WORD_RE,
    has_question_run,
)

__all__ = ["find"]

#: Three marks or more after a word or its punctuation, before a space or the line's
#: end (``meaningless,??? Fried``): the last three may be a closing quote.
_CLOSING_RUN_RE = re.compile(r"(?<=[A-Za-z.,!?])\?{3,}(?=[ \t)\].,;:]|$)", re.MULTILINE)
#: Two marks at a word's end (``laiss??``) or start (``l'??toffe``): a two-byte letter
#: as readily as real question marks (``really??``), so read only on a line whose
#: question marks inside a word were lost bytes (``d??chir??``).
_WORD_EDGE_RUN_RE = re.compile(
    r"(?<=[A-Za-z]{2})\?\?(?=[ \t.,;:!)\]]|$)|(?:^|(?<=[ \t(\['’]))\?\?(?=[A-Za-z]{2})",
    re.MULTILINE,
)
#: Two characters or more lost right after a word (``‘Future’。Saltanat`` is
#: ``???Future??????Saltanat``): they may close a quotation, so no later run pairs
#: with an opening before them.
_CHARACTERS_AFTER_A_WORD_RE = re.compile(r"(?<=[A-Za-z])\?{6,}")
_OPENING_QUOTES = frozenset("“‘")
_CLOSING_QUOTES = frozenset("”’")


@dataclass(frozen=True, slots=True)
class _Quote:
    """A run that may be a quotation mark: the marks it may be, and whether a run on
    its line may close the quotation it opens."""

    marks: frozenset[str]
    paired: bool


def find(text: str) -> list[Repair]:
    """Verified repairs of the question-mark runs inside words of ASCII lines (the
    lines :mod:`.ascii_replaced` reads: another character there says the line was not
    read as ASCII), and of the quotation marks around them (:func:`_quotation_runs`)."""
    if not has_question_run(text):
        return []
    quotes = _quotation_runs(text) if "???" in text else {}
    edges = {match.span() for match in _WORD_EDGE_RUN_RE.finditer(text)}
    runs = sorted(
        [*(match.span() for match in QUESTION_RUN_IN_WORD_RE.finditer(text)), *quotes, *edges]
    )
    if not runs:
        return []
    marked = list(text)
    for start, end in runs:
        marked[start:end] = LOST * (end - start)
    read = "".join(marked)
    accepted: dict[tuple[int, int], list[Repair]] = {}
    for run, repairs in _pieces(read, runs).items():
        repaired = _whole(run, repairs)
        if repaired is None or ASCII_QUESTION_MODEL.apply(repaired) != text[slice(*run)]:
            continue
        quote = quotes.get(run)
        if _makes_a_common_word(read, *run, repaired) if quote is None else repaired in quote.marks:
            accepted[run] = repairs
    # An opening that nothing on its line closes, and a run at a word's edge, stand
    # only beside a word repaired inside on their line.
    in_words = sorted(run[0] for run in accepted if run not in quotes and run not in edges)
    for run, quote in quotes.items():
        if run in accepted and not quote.paired and not _word_repaired_on_line(text, run, in_words):
            del accepted[run]
    for run in edges:
        if run in accepted and not _word_repaired_on_line(text, run, in_words):
            del accepted[run]
    return [
        replace(repair, model=ASCII_QUESTION_MODEL, guessed=repair.repaired)
        for repairs in accepted.values()
        for repair in repairs
    ]


def _pieces(read: str, runs: list[tuple[int, int]]) -> dict[tuple[int, int], list[Repair]]:
    """The repairs :mod:`.ascii_replaced` makes inside each run (read as U+FFFD)."""
    run_of = {position: (start, end) for start, end in runs for position in range(start, end)}
    pieces: dict[tuple[int, int], list[Repair]] = {}
    for repair in ascii_replaced.find(read):
        run = run_of.get(repair.start)
        if run is not None and repair.end <= run[1]:
            pieces.setdefault(run, []).append(repair)
    return pieces


def _whole(run: tuple[int, int], repairs: list[Repair]) -> str | None:
    """What the repairs make of the whole run, or None if they leave part of it open:
    a run is repaired whole or not at all (one character, or two: ``W????CZONY``)."""
    repairs.sort(key=lambda repair: repair.start)
    start, end = run
    tiled = [start, *(repair.end for repair in repairs)] == [
        *(repair.start for repair in repairs),
        end,
    ]
    repaired = "".join(repair.repaired for repair in repairs)
    return repaired if tiled and LOST not in repaired else None


def _word_repaired_on_line(text: str, run: tuple[int, int], in_words: list[int]) -> bool:
    """Does one of the runs starting at ``in_words`` (sorted) lie on the line of ``run``?"""
    first = text.rfind("\n", 0, run[0]) + 1
    last = text.find("\n", run[1])
    index = bisect_left(in_words, first)
    return index < len(in_words) and (last < 0 or in_words[index] < last)


def _quotation_runs(text: str) -> dict[tuple[int, int], _Quote]:
    """Runs of three marks that may be quotation marks.

    ``???If you???re`` opens a quotation with ``“``.  Question marks are read so only
    in pairs that enclose words with a space between them (``???Putin is ...
    meaningless,??? Fried``), or as an opening nothing closes on its line, beside a
    word repaired there (``???If you???re coming``: a quotation going on past the
    line).  ``What???``, ``???Why`` and ``???key???`` (how some web frameworks show a
    missing message key) stay question marks.
    """
    found: dict[tuple[int, int], _Quote] = {}
    for line in re.finditer(r"[^\n]+", text):
        if "???" not in line.group():
            continue
        span = line.span()
        runs = [
            *((m.start(), m.end(), True) for m in QUESTION_QUOTE_OPENING_RE.finditer(text, *span)),
            *((m.end() - 3, m.end(), False) for m in _CLOSING_RUN_RE.finditer(text, *span)),
        ]
        runs.sort()
        undecided = [m.start() for m in _CHARACTERS_AFTER_A_WORD_RE.finditer(text, *span)]
        opening: tuple[int, int] | None = None
        for start, end, opens in runs:
            if opening is not None and any(opening[1] < at < start for at in undecided):
                opening = None  # that run may have closed it
            if opens:
                opening = (start, end) if opening is None else opening
                continue
            if opening is not None and " " in text[opening[1] : start]:
                found[opening] = _Quote(_OPENING_QUOTES, paired=True)
                found[start, end] = _Quote(_CLOSING_QUOTES, paired=True)
            opening = None
        if opening is not None and not any(start > opening[0] for start, _, _ in runs):
            found[opening] = _Quote(_OPENING_QUOTES, paired=False)
    return found


def _makes_a_common_word(read: str, run_start: int, run_end: int, repaired: str) -> bool:
    """Is the word that ``repaired`` completes in place of the run common (a
    contraction in English, any other word as :func:`.confirm.is_common_word` judges it)?
    A dash joins two words, each of which must be common (``West—particularly``)."""
    start, end = run_start, run_end
    while start > 0 and read[start - 1].isalpha():
        start -= 1
    while end < len(read) and read[end].isalpha():
        end += 1
    if LOST in read[start - 1 : start] + read[end : end + 1] or read[end : end + 2] == "??":
        # lost bytes go on from the word: ``sv??t??`` is ``svätú``, not ``svět`` and a mark
        return False
    before, after = read[start:run_start], read[run_end:end]
    if repaired in ("—", "–"):
        return confirm.is_common_word(before) and confirm.is_common_word(after)
    word = before + repaired + after
    if "’" in word:
        return words.zipf(word.lower().replace("’", "'"), "en") >= confirm.CONFIRM_ZIPF
    return confirm.is_common_word(word)
