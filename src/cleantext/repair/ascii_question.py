"""UTF-8 read as ASCII, each byte written ``?``: ``you’re`` became ``you???re``.

Tools that write ``?`` for a byte they cannot decode (where Python writes U+FFFD)
leave ``don???t`` and ``Z??rich``.  No byte survives, and ``?`` is also a real
question mark (``What??? No.``), so only runs glued between two letters are read:
no real text writes question marks inside a word.  Each such run is read as the
U+FFFD run the same bytes would have left (:mod:`.ascii_replaced`), and a repair is
kept only where a rule decided it whole (an English contraction, a word list's
letter) and the word it makes is a common one (``don’t``, ``Zürich``; not ``c’d``);
a run no rule decides stays as it was, question marks and all.
"""

from __future__ import annotations

from dataclasses import replace

from cleantext.repair import ascii_replaced, confirm, infer
from cleantext.repair.misread import LOST, Repair
from cleantext.repair.models import ASCII_QUESTION_MODEL
from cleantext.repair.screen import QUESTION_RUN_IN_WORD_RE, has_question_run_in_word

__all__ = ["find"]


def find(text: str) -> list[Repair]:
    """Verified repairs of the question-mark runs inside words of ASCII lines (the
    lines :mod:`.ascii_replaced` reads: another character there says the line was not
    read as ASCII)."""
    if not has_question_run_in_word(text):
        return []
    runs = [match.span() for match in QUESTION_RUN_IN_WORD_RE.finditer(text)]
    marked = list(text)
    for start, end in runs:
        marked[start:end] = LOST * (end - start)
    read = "".join(marked)
    run_of = {position: (start, end) for start, end in runs for position in range(start, end)}
    pieces: dict[tuple[int, int], list[Repair]] = {}
    for repair in ascii_replaced.find(read):
        run = run_of.get(repair.start)
        if run is not None and repair.end <= run[1]:
            pieces.setdefault(run, []).append(repair)
    found: list[Repair] = []
    for (start, end), repairs in pieces.items():
        # A run is repaired whole or not at all: one character, or two (``W????CZONY``).
        repairs.sort(key=lambda repair: repair.start)
        tiled = [start, *(repair.end for repair in repairs)] == [
            *(repair.start for repair in repairs),
            end,
        ]
        repaired = "".join(repair.repaired for repair in repairs)
        if not tiled or LOST in repaired:
            continue
        if ASCII_QUESTION_MODEL.apply(repaired) != text[start:end]:
            continue  # pragma: no cover - a run of n marks is n bytes, as U+FFFD was
        if not _makes_a_common_word(read, start, end, repaired):
            continue
        found.extend(
            replace(repair, model=ASCII_QUESTION_MODEL, guessed=repair.repaired)
            for repair in repairs
        )
    return found


def _makes_a_common_word(read: str, run_start: int, run_end: int, repaired: str) -> bool:
    """Is the word that ``repaired`` completes in place of the run common (a
    contraction in English, any other word as :func:`.confirm.is_common_word` judges it)?"""
    start, end = run_start, run_end
    while start > 0 and read[start - 1].isalpha():
        start -= 1
    while end < len(read) and read[end].isalpha():
        end += 1
    word = read[start:run_start] + repaired + read[run_end:end]
    if "’" in word:
        return infer.zipf(word.lower().replace("’", "'"), "en") >= confirm.CONFIRM_ZIPF
    return confirm.is_common_word(word)
