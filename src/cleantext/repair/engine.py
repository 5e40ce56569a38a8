"""Runs the repair families over a text and applies the verified, most plausible repairs.

The engine is a short loop over *families*, each of which proposes edits:

* ``single-byte``: ftfy's repairs (UTF-8 read as cp1252, Latin-1, MacRoman, ...),
  line by line on the lines the screen flags, then ``single-byte-misread`` for
  what ftfy declines in other single-byte codecs;
* ``multibyte`` and ``lossy-latin``: UTF-8 read as a multi-byte CJK codec, or as
  Latin-1 with the C1 bytes lost, including lost-byte inference (:mod:`.misread`;
  which multi-byte repairs are applied, :mod:`.multibyte_choice`);
  lines made wholly of Latin-1 that lost C1 bytes are read before ftfy, the others
  after it (``lossy-latin-after-ftfy``); ``lossy-cp1252``: as cp1252 with the five
  bytes it lacks lost (``â€`` for ``”``), before ftfy (:mod:`.cp1252_lossy`);
* ``ascii-replaced``: UTF-8 read as ASCII, every byte of a character lost to U+FFFD
  (``ascii-question-marks``: or written ``?``, inside words);
* ``legacy``: a legacy encoding (GBK, Big5, cp1251, ...) read as Western.

The order they run in, and why, is in :data:`_FAMILIES`.

Every family screens first (:mod:`.screen`), so clean text costs a few regex
searches.  Each family works on the output of the one before, which covers the
common nestings (ftfy itself undoes several single-byte layers).  When a pass
changed something, the families run again on the lines it changed (at most
:data:`MAX_PASSES` times), so that ``fix_encoding`` is idempotent: what one pass
reveals, the next repairs.  What the earlier repairs wrote bounds what a later
family reads (:mod:`.written`): the legacy and ASCII-replaced families read no
character a repair wrote, the lossy-Latin ones none the multi-byte family wrote
(nor it, in a later pass, what they wrote) nor, after ftfy, a character ftfy
decoded, ftfy none a lossy-Latin repair wrote together with the residue beside
it, and a later pass reads a line with the codec family the earlier ones read
there, or not at all.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable
from dataclasses import replace

from cleantext.plan import Change, Edit, Plan, apply_edits
from cleantext.repair import (
    ascii_question,
    ascii_replaced,
    cp949_leads,
    cp1252_lossy,
    latin_lossy,
    legacy,
    multibyte_choice,
    screen,
    single_byte_misread,
)
from cleantext.repair.guesses import GuessingEdit, Hole, guess_edits, holes_after, holes_written
from cleantext.repair.misread import LOST, Repair, with_note
from cleantext.repair.ranking import best_non_overlapping
from cleantext.repair.single_byte import single_byte_edits
from cleantext.repair.written import Written, overlaps

__all__ = ["MAX_PASSES", "changed_lines", "fix_lines_and_explain", "repair_and_explain"]


#: Passes over the families; a text still changing after three is left as it is.
MAX_PASSES = 3


def repair_and_explain(text: str, guess_lost: bool) -> tuple[str, Plan]:
    """The repaired ``text`` and the plan of changes: the engine behind
    :func:`cleantext.fix_encoding_and_explain`, for a caller that has checked that
    ``text`` is a ``str``."""
    if (text.isascii() and "??" not in text) or screen.looks_clean(text):
        return text, Plan()
    return _passes(text, None, guess_lost)


def fix_lines_and_explain(text: str, lines: set[int] | None) -> tuple[str, Plan]:
    """Repair only the given ``lines`` of ``text`` (numbered from 0; ``None``: all).

    For a caller that changed those lines of a text the engine already repaired
    (``clean`` normalising it): they are looked at as the engine's own later passes
    look at the lines a pass changed, and the other lines were already seen.
    """
    if lines is None:
        return repair_and_explain(text, guess_lost=False)
    if not lines or text.isascii():
        return text, Plan()
    return _passes(text, sorted(lines), guess_lost=False)


def _passes(text: str, touched: list[int] | None, guess_lost: bool) -> tuple[str, Plan]:
    """Up to :data:`MAX_PASSES` passes of every family, over ``touched`` lines (``None``:
    the whole text) and then over the lines each pass changed."""
    changes: list[Change] = []
    written = Written()
    holes: list[Hole] = []  # the U+FFFD repairs wrote, with their guesses, if guess_lost
    for number in range(1, MAX_PASSES + 1):
        suffix = "" if number == 1 else f".{number}"
        before = len(changes)
        revealed: set[int] | None = set()
        pending: list[tuple[int, str]] | None = None  # touched lines not clean, in this text
        for family, propose in _FAMILIES:
            if touched is None:
                edits = propose(text, guess_lost)
            else:
                if pending is None:
                    pending = _lines_to_repair(text, touched)
                edits = _edits_in_lines(pending, propose, guess_lost)
            edits = written.admitted(family, text, edits)
            if edits:
                text, applied = apply_edits(text, f"repair.{family}{suffix}", edits)
                changes.extend(applied)
                if guess_lost:
                    holes = sorted(holes_after(holes, applied) + holes_written(applied, edits))
                written.record(family, text, applied)
                revealed = changed_lines(revealed, text, applied)
                pending = None  # the text changed: screen its lines again
        if len(changes) == before or screen.looks_clean(text):
            break
        touched = None if revealed is None else sorted(revealed)
    if holes:
        text, applied = apply_edits(text, "repair.guess-lost", guess_edits(text, holes))
        changes.extend(applied)
    return text, Plan(tuple(changes))


def changed_lines(lines: set[int] | None, text: str, changes: list[Change]) -> set[int] | None:
    """``lines`` and the numbers of the lines of ``text`` that hold the output of
    ``changes``; ``None`` (look at every line) if a change added or removed a line break.

    ``text`` is the text the changes produced; later changes that keep the line
    breaks keep the numbers valid.  A later pass looks only there: what a pass
    repaired can reveal damage beneath (two layers of misreading), but the lines it
    did not touch were already seen.
    """
    if lines is None or any(
        change.before.count("\n") != change.after.count("\n") for change in changes
    ):
        return None
    breaks = [match.start() for match in _NEWLINE.finditer(text)]
    for change in changes:
        first = bisect.bisect_right(breaks, change.out_start)
        last = bisect.bisect_right(breaks, max(change.out_start, change.out_end - 1))
        lines.update(range(first, last + 1))
    return lines


def _lines_to_repair(text: str, line_numbers: list[int]) -> list[tuple[int, str]]:
    """(where it starts, the line) for each of the given lines of ``text`` that the
    screen does not pass as clean.

    Worked out once for all families while the text stays the same: each family
    splitting and screening the text again was most of the repair's time in
    ``clean`` on CJK documents.
    """
    lines = text.split("\n")
    ends = list(itertools.accumulate(map(len, lines)))  # newlines not counted
    found: list[tuple[int, str]] = []
    for number in line_numbers:
        line = lines[number]
        if not (line.isascii() or screen.looks_clean(line)):
            found.append((ends[number] - len(line) + number, line))
    return found


def _edits_in_lines(
    lines: list[tuple[int, str]], propose: _Propose, guess_lost: bool
) -> list[Edit]:
    """A family's edits proposed for each line on its own, moved to where it starts."""
    edits: list[Edit] = []
    for start, line in lines:
        edits.extend(
            replace(edit, start=edit.start + start, end=edit.end + start)
            for edit in propose(line, guess_lost)
        )
    return edits


_NEWLINE = re.compile("\n")


def _multibyte_edits(text: str, guess_lost: bool) -> list[Edit]:
    edits = [_as_edit(repair, guess_lost) for repair in multibyte_choice.chosen(text)]
    return _with_cp949_lead_lines(text, edits, guess_lost)


def _with_cp949_lead_lines(text: str, edits: list[Edit], guess_lost: bool) -> list[Edit]:
    """``edits`` with the units :mod:`.cp949_leads` repairs (Korean, Chinese or
    Japanese read as cp949 that lost the lead bytes of their characters) repaired by
    it instead.

    Both read the same text, so the multi-byte family's choices for the document
    (which loss, which codec) are made as before; only its reading of those units,
    the ideographs the characters that kept their lead make, gives way, and its
    repairs elsewhere on the line stand (the ``’`` of ``By’s``).
    """
    read = cp949_leads.find(text, guess_lost=guess_lost)
    if not read:
        return edits
    spans = [(edit.start, edit.end) for edit in read]
    kept = [edit for edit in edits if not overlaps(edit, spans)]
    return sorted([*kept, *read], key=lambda edit: edit.start)


def _ascii_replaced_edits(text: str, guess_lost: bool) -> list[Edit]:
    repairs = best_non_overlapping(ascii_replaced.find(text), text)
    return [_as_edit(repair, guess_lost) for repair in repairs]


def _ascii_question_edits(text: str, guess_lost: bool) -> list[Edit]:
    return [_as_edit(repair, guess_lost) for repair in ascii_question.find(text)]


def _replaced_latin_edits(text: str, guess_lost: bool) -> list[Edit]:
    repairs = best_non_overlapping(latin_lossy.find(text, replaced=True), text)
    return [_as_edit(repair, guess_lost) for repair in repairs]


def _lossy_cp1252_edits(text: str, guess_lost: bool) -> list[Edit]:
    repairs = best_non_overlapping(cp1252_lossy.find(text), text)
    return [_as_edit(repair, guess_lost) for repair in repairs]


def _lossy_latin_edits(text: str, guess_lost: bool) -> list[Edit]:
    repairs = best_non_overlapping(latin_lossy.find(text, replaced=False, before_ftfy=True), text)
    return [_as_edit(repair, guess_lost) for repair in repairs]


def _lossy_latin_after_ftfy_edits(text: str, guess_lost: bool) -> list[Edit]:
    repairs = best_non_overlapping(latin_lossy.find(text, replaced=False), text)
    return [_as_edit(repair, guess_lost) for repair in repairs]


def _legacy_cjk_edits(text: str, guess_lost: bool) -> list[Edit]:
    return legacy.legacy_edits(text, double_byte=True)


def _legacy_edits(text: str, guess_lost: bool) -> list[Edit]:
    return legacy.legacy_edits(text, double_byte=False)


def _single_byte(text: str, guess_lost: bool) -> list[Edit]:
    return single_byte_edits(text)


def _single_byte_misread_edits(text: str, guess_lost: bool) -> list[Edit]:
    repairs = best_non_overlapping(single_byte_misread.find(text), text)
    return [_as_edit(repair, guess_lost) for repair in repairs]


def _as_edit(repair: Repair, guess_lost: bool) -> Edit:
    """The edit writing the repair, U+FFFD in its holes; with its guesses for them,
    written last (:mod:`.guesses`), if ``guess_lost``."""
    where = (repair.start, repair.end, repair.repaired, repair.model.name, repair.confidence)
    if LOST not in repair.repaired:
        return Edit(*where, repair.note)
    left = with_note(repair.note, "lost byte left as U+FFFD")
    if not guess_lost:
        return Edit(*where, left)
    guess_note = with_note(repair.note, "lost byte guessed")
    return GuessingEdit(*where, left, guessed=repair.guessed, guess_note=guess_note)


_Propose = Callable[[str, bool], list[Edit]]


_FAMILIES: tuple[tuple[str, _Propose], ...] = (
    # CJK misreadings first: their byte stream can hold C1 characters that ftfy
    # would otherwise "fix" as cp1252 punctuation, destroying the evidence.
    ("multibyte", _multibyte_edits),
    # Runs of U+FFFD in lines of ASCII: whatever codec lost those bytes (ASCII, or
    # Big5 reading English punctuation), no byte of them is left, so it is not known.
    ("ascii-replaced", _ascii_replaced_edits),
    # The same written ``?`` (``don???t``): only runs inside a word, and only where a
    # rule decides the whole run and makes a common word; ``What???`` stays.
    ("ascii-question-marks", _ascii_question_edits),
    # C1 bytes replaced by U+FFFD before ftfy, which would turn ``â\ufffd\ufffd`` into
    # one U+FFFD; deleted ones after it, so ftfy's lossless repairs come first.
    ("lossy-latin-replaced", _replaced_latin_edits),
    # UTF-8 read as cp1252 that lost the bytes cp1252 lacks, before ftfy, which
    # makes ``â€�`` a U+FFFD and ``â€ `` (``”`` and a space) a ``†``.
    ("lossy-cp1252", _lossy_cp1252_edits),
    # Legacy encodings read as Western before ftfy, whose heuristics would re-read
    # parts of them as UTF-8 (``Â `` is Russian ``В `` in cp1251, not a no-break
    # space); only bytes that are not valid UTF-8 are considered.
    ("legacy-cjk", _legacy_cjk_edits),
    ("legacy", _legacy_edits),
    # C1 bytes deleted in lines wholly of Latin-1: before ftfy, which
    # would re-read their lossless pieces and strand the lost bytes between them.
    ("lossy-latin", _lossy_latin_edits),
    ("single-byte", _single_byte),
    # What ftfy's heuristics decline (Russian read as MacRoman looks like letters),
    # verified byte for byte and scored like the multi-byte misreadings.
    ("single-byte-misread", _single_byte_misread_edits),
    # The same for the other lines, after ftfy's lossless repairs.
    ("lossy-latin-after-ftfy", _lossy_latin_after_ftfy_edits),
)
