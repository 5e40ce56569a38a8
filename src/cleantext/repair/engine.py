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
reveals, the next repairs.  The legacy and ASCII-replaced families read no
character a repair wrote (:data:`_READING_BYTES_ONLY`), the lossy-Latin ones none
the multi-byte family wrote (nor it, in a later pass, what they wrote) nor, after
ftfy, a character ftfy decoded (:func:`_decoded`), ftfy none
a lossy-Latin repair wrote together with the residue beside it
(:data:`_SINGLE_BYTE`), and a later pass reads a line with the codec family the
earlier ones read there, or not at all.
"""

from __future__ import annotations

import bisect
import heapq
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
from cleantext.repair.cluster import line_of
from cleantext.repair.diff import written_spans
from cleantext.repair.guesses import GuessingEdit, Hole, guess_edits, holes_after, holes_written
from cleantext.repair.misread import LOST, Repair, with_note
from cleantext.repair.models import CJK_CODECS, OLDER_CODEC, DamageModel, Loss
from cleantext.repair.ranking import best_non_overlapping
from cleantext.repair.single_byte import single_byte_edits, western_reading

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
    written: list[tuple[int, int]] = []  # the spans repairs wrote, in the text as it is
    # those the multi-byte family wrote, by the codec family it read
    read_as_cjk: dict[str, list[tuple[int, int]]] = {}
    restored: list[tuple[int, int]] = []  # those the lossy-Latin and ASCII families wrote
    read_by_ftfy: list[tuple[int, int]] = []  # those ftfy and the single-byte misreadings wrote
    decoded_by_ftfy: list[tuple[int, int]] = []  # the very characters ftfy wrote
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
            if family in _READING_BYTES_ONLY:
                edits = [edit for edit in edits if not _overlaps(edit, written)]
            elif family == "multibyte" and (read_as_cjk or restored):
                # what a lossy-Latin repair wrote is no CJK codec's byte either: Big5
                # read the 繫 it wrote among its holes as ô
                edits = [edit for edit in edits if not _overlaps(edit, restored)]
                if read_as_cjk:
                    edits = _reading_beside_earlier_repairs(text, edits, read_as_cjk)
            elif family in _READING_WESTERN and read_as_cjk:
                cjk = list(heapq.merge(*read_as_cjk.values()))
                edits = [edit for edit in edits if not _overlaps(edit, cjk)]
            if family in _READING_HOLES and written:
                edits = [edit for edit in edits if not _reads_a_written_hole(text, edit, written)]
            if family == "lossy-cp1252" and read_by_ftfy:
                # a hole claims no letter: ``â\x80``, which ftfy makes ``â€``, is one
                edits = [
                    edit
                    for edit in edits
                    if not (_overlaps(edit, read_by_ftfy) and _writes_a_letter(edit))
                ]
            elif family == "lossy-latin-after-ftfy" and decoded_by_ftfy:
                # what ftfy decoded from UTF-8 is a character, not a lead that lost
                # its C1 bytes: the ``â`` it made of ``parÃ¢metro`` is no dash
                edits = [edit for edit in edits if not _overlaps(edit, decoded_by_ftfy)]
            elif family in _SINGLE_BYTE and restored:
                edits = [
                    edit
                    for edit in edits
                    if not _straddles(text, edit, restored)
                    and not (_overlaps(edit, restored) and _another_codec(edit))
                ]
            if family in _SINGLE_BYTE and written:
                edits = [edit for edit in edits if not _one_letter_read_again(edit, written)]
            if edits:
                text, applied = apply_edits(text, f"repair.{family}{suffix}", edits)
                changes.extend(applied)
                if guess_lost:
                    holes = sorted(holes_after(holes, applied) + holes_written(applied, edits))
                written = _written_after(written, applied)
                read_as_cjk = _read_as_cjk_after(
                    read_as_cjk, applied if family == "multibyte" else [], applied
                )
                restored = _written_after(
                    restored, applied, recorded=applied if family in _RESTORING else []
                )
                read_by_ftfy = _written_after(read_by_ftfy, applied, recorded=[])
                if family in _SINGLE_BYTE:
                    read_by_ftfy = list(heapq.merge(read_by_ftfy, _rewritten(text, applied)))
                decoded_by_ftfy = _written_after(decoded_by_ftfy, applied, recorded=[])
                if family == "single-byte":
                    decoded_by_ftfy = list(heapq.merge(decoded_by_ftfy, _decoded(applied)))
                revealed = changed_lines(revealed, text, applied)
                pending = None  # the text changed: screen its lines again
        if len(changes) == before or screen.looks_clean(text):
            break
        touched = None if revealed is None else sorted(revealed)
    if holes:
        text, applied = apply_edits(text, "repair.guess-lost", guess_edits(text, holes))
        changes.extend(applied)
    return text, Plan(tuple(changes))


#: Families that read legacy bytes a Western codec wrote, or bytes a codec lost:
#: what another repair wrote is no such byte.  The lossy-Latin family made ``«``
#: and ``»`` of ``Â«Ð¸Â»`` (``«и»`` whose C1 bytes became U+FFFD), and the legacy
#: family then read ``«Ð¸»`` as the EUC-KR ``バ말``.  A U+FFFD a repair wrote stands
#: for a whole character: ftfy made ``We��`` of ``We……`` whose C1 bytes became
#: U+FFFD, and a later pass had read the pair, as UTF-8 read as ASCII, as ``Weź``.
_READING_BYTES_ONLY = frozenset({"legacy-cjk", "legacy", "ascii-replaced"})


#: The families reading Latin-1 that lost its C1 bytes (:mod:`.latin_lossy`): what
#: the multi-byte family wrote is no Latin-1 byte.  EUC-KR read ``창`` of ``câțiva``
#: as ``â`` (and left ``��`` of the ``ț`` after it, or nothing), and the lossy-Latin
#: family had read the ``â`` as the lead of a ``’``: ``c’iva``.
_LOSSY_LATIN = frozenset({"lossy-latin-replaced", "lossy-latin", "lossy-latin-after-ftfy"})
#: They and the families reading UTF-8 read as ASCII (:mod:`.ascii_replaced`,
#: :mod:`.ascii_question`) write what no byte was left of: no later reading takes
#: it for a byte of CJK mojibake, nor, in another codec, of Western mojibake.
_RESTORING = _LOSSY_LATIN | {"ascii-replaced", "ascii-question-marks"}
#: The lossy-Latin families and the family reading cp1252 that lost bytes
#: (:mod:`.cp1252_lossy`), which the multi-byte family's repairs bound as theirs
#: do; but ftfy may read beside what it wrote: it leaves ftfy the regions whose
#: lost bytes no rule decided, and the letters it writes there (``с`` of ``Ñ``)
#: had kept ftfy from the rest of the line.
_READING_WESTERN = _LOSSY_LATIN | {"lossy-cp1252"}
#: The families that read a U+FFFD as the bytes a reader replaced: they and the
#: multi-byte family, never of a U+FFFD a repair wrote (:func:`_reads_a_written_hole`).
_READING_HOLES = _READING_WESTERN | {"multibyte"}
#: The cp1252 family, in a later pass, reads nothing ftfy wrote: it reads the lines
#: whose lost bytes it finds before ftfy, and what ftfy wrote is ftfy's reading of
#: the rest.  In Latvian ``sēž`` that lost its C1 bytes (``sÄÅ¾``), ftfy made ``ž``
#: of ``Å¾``, and the family had read ``Äž`` as ``Ğ``.


#: ftfy and the single-byte misreadings read no bytes from both what a lossy-Latin
#: repair wrote and the residue the repairs left beside it (:func:`_straddles`).
#: The lossy-Latin family made ``»`` of ``Â»`` and left ``ë¥`` (what deleting the
#: C1 bytes left of ``능``) before it, and ftfy read ``ë¥»`` as ``륻``.  (Their own
#: earlier repairs are another matter: ftfy undoes layer after layer, but only in
#: the Western codecs they read: :func:`_another_codec`.)
_SINGLE_BYTE = frozenset({"single-byte", "single-byte-misread"})


def _one_letter_read_again(edit: Edit, written: list[tuple[int, int]]) -> bool:
    """Would ftfy rewrite one character a repair wrote as another?  No layer of
    mojibake is one character long but ``Ã`` before a space, which ftfy takes for
    ``à`` whose no-break space became a space: the cp1252 family read Vietnamese
    ``ÄÃƒ N`` as ``�Ã N`` (``ĐÃ``), and ftfy had then made the ``Ã`` an ``à``."""
    return edit.end - edit.start == 1 and len(edit.after) == 1 and _overlaps(edit, written)


def _reads_a_written_hole(text: str, edit: Edit, written: list[tuple[int, int]]) -> bool:
    """Does ``edit`` read a U+FFFD a repair wrote (``written``: sorted spans)?  Such a
    hole stands for a whole character, never for the bytes a reader replaced: the
    lossy-Latin family left ``Ä�ng`` of Vietnamese ``đồng`` that lost its C1 bytes
    (``Äá»ng``, the hole for ``ồ``), and a later pass had read ``Ä�`` as ``ă``
    whose continuation became U+FFFD, making the word ``ăng``; and the multi-byte
    family left ``��`` of Korean ``지속`` read as cp949 that dropped bytes, which a
    later pass had read as one character whose bytes became U+FFFD."""
    if "\ufffd" not in text[edit.start : edit.end]:
        return False
    index = max(bisect.bisect_right(written, (edit.start,)) - 1, 0)
    while index < len(written) and written[index][0] < edit.end:
        start, end = written[index]
        if "\ufffd" in text[max(start, edit.start) : min(end, edit.end)]:
            return True
        index += 1
    return False


def _overlaps(edit: Edit, spans: list[tuple[int, int]]) -> bool:
    """Does ``edit`` touch one of ``spans`` (sorted, not overlapping)?"""
    return _overlaps_span(edit.start, edit.end, spans)


def _reading_beside_earlier_repairs(
    text: str, edits: list[Edit], read_as_cjk: dict[str, list[tuple[int, int]]]
) -> list[Edit]:
    """The multi-byte edits of a later pass that neither straddle what the earlier
    passes' multi-byte repairs wrote (:func:`_straddles`) nor read, on a line those
    repairs read with one codec family, with another.

    One line, one misreading: what an earlier pass left of a line it repaired is
    that codec's residue, and another codec's reading of it is a coincidence.  GBK
    left ``歃悸`` of ``«즼`` (bytes dropped) and repaired the rest of the line; a
    second pass read the two as the EUC-JP ``ݽة``.  So is another codec's reading
    of what the repairs wrote: cp949 wrote ``多``, and EUC-JP read it as ``¿``.  (A
    text misread twice by the same codec is read twice by it.)
    """
    every = list(heapq.merge(*read_as_cjk.values()))
    kept: list[Edit] = []
    for edit in edits:
        if _straddles(text, edit, every):
            continue
        family = _FAMILY_OF_MODEL.get(edit.model)
        if family is not None:
            start, end = line_of(text, edit.start)
            on_line = {
                other for other, spans in read_as_cjk.items() if _overlaps_span(start, end, spans)
            }
            if on_line and family not in on_line:
                continue
        kept.append(edit)
    return kept


#: The codec family (:data:`.models.OLDER_CODEC`) of each multi-byte model's name.
_FAMILY_OF_MODEL = {
    DamageModel("utf-8", codec, loss).name: OLDER_CODEC.get(codec, codec)
    for codec in CJK_CODECS
    for loss in Loss
}


def _read_as_cjk_after(
    read_as_cjk: dict[str, list[tuple[int, int]]],
    recorded: list[Change],
    applied: list[Change],
) -> dict[str, list[tuple[int, int]]]:
    """``read_as_cjk`` moved past ``applied``, with the spans the ``recorded``
    (multi-byte) changes wrote added under their codec families."""
    by_family: dict[str, list[Change]] = {}
    for change in recorded:
        family = _FAMILY_OF_MODEL.get(change.model)
        if family is not None:
            by_family.setdefault(family, []).append(change)
    return {
        family: _written_after(spans, applied, recorded=by_family.get(family, []))
        for family in {*read_as_cjk, *by_family}
        if (spans := read_as_cjk.get(family, [])) or family in by_family
    }


def _overlaps_span(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Does ``text[start:end]`` touch one of ``spans`` (sorted, not overlapping)?"""
    index = bisect.bisect_left(spans, (end,)) - 1
    return index >= 0 and spans[index][1] > start


def _writes_a_letter(edit: Edit) -> bool:
    return any(char.isalpha() for char in edit.after)


def _another_codec(edit: Edit) -> bool:
    """Does ``edit`` read the text in a codec other than the Western ones the
    lossy-Latin families read?  What they wrote is read on only as a further layer
    of the same mojibake: ftfy read the ``Ă`` they wrote of ``LIMITÄ`` (Romanian
    ``LIMITĂ``, whose ``82`` was lost), with the space after it, as cp1250 for ``à``.
    """
    return not western_reading(edit.model)


def _straddles(text: str, edit: Edit, spans: list[tuple[int, int]]) -> bool:
    """Does ``edit`` read both characters a repair wrote (``spans``, sorted, not
    overlapping) and damaged ones no repair touched?

    A repair of damage beneath damage reads only what the repair of the outer
    layer wrote; one reading a written character together with what the repairs
    left makes bytes of both: the cp932 ``窶慯`` left beside the ``”`` an earlier
    pass wrote read as ``“сh``, ``”`` taken for the bytes ``81 68``.
    """
    index = max(bisect.bisect_right(spans, (edit.start,)) - 1, 0)
    written = False
    position = edit.start
    while index < len(spans) and spans[index][0] < edit.end:
        start, end = spans[index]
        if end > edit.start:
            if not text[position : max(start, position)].isascii():
                return True
            written = True
            position = max(position, end)
        index += 1
    return written and not text[position : edit.end].isascii()


def _written_after(
    spans: list[tuple[int, int]], applied: list[Change], *, recorded: list[Change] | None = None
) -> list[tuple[int, int]]:
    """``spans`` of the text before ``applied`` (one step's changes, in order; both
    sorted), moved to the text after them, and the spans the ``recorded`` changes
    (all of ``applied`` by default) wrote.

    One walk through both lists: a 1 MB line of mojibake holds tens of thousands
    of each."""
    moved: list[tuple[int, int]] = []
    index = 0
    shift = 0
    for start, end in spans:
        while index < len(applied) and applied[index].end <= start:
            shift = applied[index].out_end - applied[index].end
            index += 1
        inside = index < len(applied) and applied[index].start < end
        if not inside:
            moved.append((start + shift, end + shift))
        # a span a change rewrote is within what the change wrote, added below
    if recorded is None:
        recorded = applied
    if not recorded:
        return moved
    written = [(change.out_start, change.out_end) for change in recorded]
    return list(heapq.merge(moved, written))


def _rewritten(text: str, changes: list[Change]) -> list[tuple[int, int]]:
    """The spans of the output ``text`` the changes rewrote, without the characters a
    change kept as they were between its edges (ftfy's edit of a line spans from its
    first change to its last).  A change is taken whole where the diff would tell
    the cp1252 family nothing, on a line with no cp1252 mark after a lead left (the
    family reads no other; most lines ftfy repaired), or where it would cost more
    than the line's repair (a long change)."""
    spans: list[tuple[int, int]] = []
    for change in changes:
        start = text.rfind("\n", 0, change.out_start) + 1
        end = text.find("\n", change.out_end)
        if (
            len(change.before) + len(change.after) > _DIFFED
            or screen.CP1252_PAIR_RE.search(text, start, len(text) if end < 0 else end) is None
        ):
            spans.append((change.out_start, change.out_end))
            continue
        spans += _diffed(change)
    return spans


def _decoded(changes: list[Change]) -> list[tuple[int, int]]:
    """The spans of the output the changes wrote, character for character (the
    diff of each change), but for long changes (:data:`_DIFFED`), left out: what
    ftfy decoded from UTF-8, which no later reading takes for a lead byte.  A whole
    change would take in the residue ftfy left between its repairs (the ``Ä`` of
    ``İmparatorluÄu``, whose ``ğ`` lost its ``9F``)."""
    spans: list[tuple[int, int]] = []
    for change in changes:
        if len(change.before) + len(change.after) > _DIFFED:
            continue
        spans += _diffed(change)
    return spans


def _diffed(change: Change) -> list[tuple[int, int]]:
    """The spans of the output that ``change`` wrote, by the diff of what it read and wrote."""
    return [
        (change.out_start + first, change.out_start + last)
        for first, last in written_spans(change.before, change.after)
    ]


#: The longest change (before and after) :func:`_rewritten` and :func:`_decoded` look inside.
_DIFFED = 2000


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
    kept = [edit for edit in edits if not _overlaps(edit, spans)]
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
