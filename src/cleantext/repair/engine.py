"""Runs the repair families over a text and applies the verified, most plausible repairs.

The engine is a short loop over *families*, each of which proposes edits:

* ``single-byte``: ftfy's repairs (UTF-8 read as cp1252, Latin-1, MacRoman, ...),
  line by line on the lines the screen flags, then ``single-byte-misread`` for
  what ftfy declines in other single-byte codecs;
* ``multibyte`` and ``lossy-latin``: UTF-8 read as a multi-byte CJK codec, or as
  Latin-1 with the C1 bytes lost, including lost-byte inference (:mod:`.misread`);
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
import unicodedata
from collections import Counter
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
    multibyte,
    score,
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
    bare = _bare_in(text)
    repairs = best_non_overlapping(multibyte.find(text), text, bare)
    # A codec is shown by a repair that reads surviving bytes and decides them (its
    # lost bytes, if any, by a rule).  One that only reads runs of U+FFFD or ``?``
    # (perhaps another repair's holes: ``crucial��`` read as Big5 is ``crucială``),
    # or only guesses by frequency (``ﾂ�`` is a Shift-JIS ``C2 ??``: a no-break
    # space?) or leaves holes, has shown nothing of itself.
    read = {repair.model for repair in repairs if not bare(repair) and repair.confidence > _WEAK}
    read -= _shown_nothing_among_residue(text, repairs)
    repairs = [repair for repair in repairs if repair.model in read]
    edits = [_as_edit(repair, guess_lost) for repair in _without_strays(text, repairs)]
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


def _shown_nothing_among_residue(text: str, repairs: list[Repair]) -> set[DamageModel]:
    """The models whose every repair is one character a context rule chose for lost
    bytes (or marks only, lost bytes among them), one letter beyond ASCII (not CJK)
    standing alone, or (its only repair) one symbol read of one whole character, on
    a line holding a CJK character that no repair gaining plausibility reads.

    Such a model has shown nothing of itself: Big5 leaves ``窶`` of the Korean ``것``
    (``EA B2``, its last byte dropped) among the residue of the words around
    (``窶 諈刺``; or common ideographs: ``匪筋 渥 窶  賄``), and cp932, which reads
    ``窶`` as the first bytes of a dash, made a dash of it; EUC-JP read the ``攤`` and
    ``攵`` of ``?ｰ? ?攤 ?攵 ?遵?梵``, what cp932 with ``?`` kept of Korean, as the
    Urdu ``ں`` and ``ھ``.  Where damage of that codec is the line's, no residue is
    left unread (``Hello 窶 world`` is a spaced dash; EUC-JP with ``?`` keeps only
    ``廨`` and ``廣`` of the letters of Hebrew words, ``ר`` and ``ע``).
    """
    if not repairs:
        return set()
    claimed = bytearray(len(text) + 1)
    for repair in repairs:
        claimed[repair.start : repair.end] = b"\x01" * (repair.end - repair.start)
    repairs_of = Counter(repair.model for repair in repairs)
    guessing = {repair.model for repair in repairs} - {
        repair.model
        for repair in repairs
        if not (
            _marks_for_lost_bytes(repair)
            or _lone_foreign_letter(text, repair, claimed)
            or (_symbol_of_one_character(repair) and repairs_of[repair.model] == 1)
        )
    }
    if not guessing:
        return set()
    line_starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    residue: dict[tuple[int, DamageModel], bool] = {}  # each line looked at once a model

    def on_residue_line(position: int, model: DamageModel, readings: _Readings) -> bool:
        line = bisect.bisect_right(line_starts, position) - 1
        if (line, model) not in residue:
            start = line_starts[line]
            end = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
            claimed, read = readings
            residue[line, model] = any(
                not claimed[index] and score.script_of(char) == "CJK" and char not in read
                for index, char in enumerate(text[start:end], start)
                if not char.isascii()
            ) or _runs_of_lost_marks(text, start, end, model, claimed)
        return residue[line, model]

    shown_nothing: set[DamageModel] = set()
    for model in guessing:
        readings = _readings(text, repairs, model)
        own = [repair for repair in repairs if repair.model == model]
        if all(on_residue_line(repair.start, model, readings) for repair in own):
            shown_nothing.add(model)
    return shown_nothing


def _runs_of_lost_marks(
    text: str, start: int, end: int, model: DamageModel, claimed: bytearray
) -> bool:
    """Does ``text[start:end]`` hold two words that no repair read, each a run of
    three or more of the marks ``model`` writes for lost bytes (``���``, ``???``)?

    That is what Big5, EUC-KR or EUC-JP leave of each Korean syllable; a codec
    whose repairs there only choose a mark for lost bytes shows nothing of itself:
    cp932 read the ``窶`` Big5 kept of ``것``, in ``��� ������ ��� 窶� ������``,
    as a dash (word probe, seed 196)."""
    words = _LOST_MARK_WORDS.get(model.loss)
    if words is None:
        return False
    unread = (
        word for word in words.finditer(text, start, end) if not any(claimed[slice(*word.span())])
    )
    return len(list(itertools.islice(unread, 2))) == 2


#: Words of three marks or more, each loss's own: U+FFFD, or ``?``.
_LOST_MARK_WORDS = {
    Loss.REPLACE: re.compile("(?<!\\S)\ufffd{3,}(?!\\w)"),
    Loss.REPLACE_QUESTION: re.compile("(?<!\\S)\\?{3,}(?!\\w)"),
}


#: Where repairs read (a mark for each character) and the characters they read.
_Readings = tuple[bytearray, set[str]]


def _readings(text: str, repairs: list[Repair], model: DamageModel) -> _Readings:
    """What ``model``'s own repairs read, and the other models' repairs that gain
    plausibility: what none of them reads is residue.  EUC-KR read each of
    ``逵逵剋戟棘棘``, what it left of Cyrillic, as a Cyrillic letter that loses
    plausibility alone, and GBK read the ``漏`` beside them as ``©``; GBK's own
    ``±`` of ``15 卤 1 mm`` loses a little, and its ``卤`` is no residue.  A character
    read elsewhere and left here for its context is no residue either (``????廣??``
    beside the ``廣`` EUC-JP read as ``ע``)."""
    claimed = bytearray(len(text) + 1)
    read: set[str] = set()
    for repair in repairs:
        if repair.model == model or repair.gain > 0:
            claimed[repair.start : repair.end] = b"\x01" * (repair.end - repair.start)
            read.add(text[repair.start : repair.end])
    return claimed, read


def _marks_for_lost_bytes(repair: Repair) -> bool:
    """Did ``repair`` choose lost bytes and write one character, or only marks and
    symbols (Shift-JIS read ``篋坂``, what EUC-JP left of ``人体``, as ``⸍”``)?"""
    repaired = repair.repaired
    return repair.bytes_lost and (
        len(repaired) == 1 or not any(char.isalnum() for char in repaired)
    )


def _symbol_of_one_character(repair: Repair) -> bool:
    """Did ``repair`` read one whole character as one symbol?  Alone, that shows
    nothing of its codec: GBK had read ``漏``, what EUC-KR left of ``שוני。``, as
    ``©``.  (The ``«`` and ``»`` GBK reads of ``芦`` and ``禄`` around words, or
    Big5's ``¿¿¿`` of ``聶聶聶``, vouch for each other.)"""
    return (
        not repair.bytes_lost
        and repair.end - repair.start == 1
        and len(repair.repaired) == 1
        and not repair.repaired.isalnum()
    )


def _lone_foreign_letter(text: str, repair: Repair, claimed: bytearray) -> bool:
    """Is the repair one letter, neither ASCII nor CJK, with no letter or digit beside
    it but damage no repair read?  (GBK read ``膸`` among what EUC-JP left of
    Chinese as ``Ď``; Big5 read ``珥``, what EUC-KR left of ``촬``, as ``ҭ``, glued
    to the ``ъ`` EUC-KR had made of the next bytes.)"""
    letter = repair.repaired
    if len(letter) != 1 or not letter.isalpha() or letter.isascii():
        return False
    if score.script_of(letter) == "CJK":
        return False
    return not (
        _letter_of_a_word(text, repair.start - 1, claimed)
        or _letter_of_a_word(text, repair.end, claimed)
    )


def _letter_of_a_word(text: str, position: int, claimed: bytearray) -> bool:
    """Is ``text[position]`` a letter or digit that is ASCII or that a repair read?"""
    if not 0 <= position < len(text):
        return False
    char = text[position]
    return char.isalnum() and (char.isascii() or bool(claimed[position]))


_LINE_BREAK = re.compile("\n")


_WEAK = 0.5  # the confidence of a lost byte chosen by frequency alone, or less


def _without_strays(text: str, repairs: list[Repair]) -> list[Repair]:
    """The repairs, less those glued to damage no repair claimed that are lossless or
    of another codec than their line's own (the one with most gain there, or else
    over the text).

    Such a repair is the misreading of what another codec left: ``’、‘R`` read as
    cp932 with bytes dropped is ``窶吶≫漏``, and once cp932 has repaired what it
    could, GBK reads the ``漏`` beside ``≫`` as ``©`` (``C2 A9``); EUC-JP reads
    ``彜`` beside a U+FFFD as ``״``; Big5 read ``竄`` beside the ``ｬ`` of cp932's
    ``竄ｬ`` (``€``) as ``«``.  Real damage in a clean text is glued to letters,
    spaces or ASCII, or to more of itself, which repairs claim.  Beside a repair of
    another codec, a rare ideograph or syllable no repair claimed is such damage
    too: GBK left ``溿`` of ``“。`` beside the ``炩`` that Big5 read as ``϶``.
    """
    claimed = bytearray(len(text) + 1)
    totals: dict[str, float] = {}
    on_lines: dict[tuple[int, int], dict[str, float]] = {}
    for repair in repairs:
        claimed[repair.start : repair.end] = b"\x01" * (repair.end - repair.start)
        family = _codec_family(repair)
        gain = max(repair.gain, 0.0)
        totals[family] = totals.get(family, 0.0) + gain
        on_line = on_lines.setdefault(line_of(text, repair.start), {})
        on_line[family] = on_line.get(family, 0.0) + gain
    # each line's own codec: the one gaining most there, or, where the line's
    # repairs do not tell, over the text (a line pasted from elsewhere, read by
    # another codec, had made this codec's weak repairs on every other line strays)
    main = {
        line: max(gains, key=lambda family: (gains[family], totals[family]))
        for line, gains in on_lines.items()
    }
    kept: list[Repair] = []
    for repair in repairs:
        own = _codec_family(repair) == main[line_of(text, repair.start)]
        if not own and repair.gain <= _CLEAR_GAIN:
            # one line, one misreading: a second codec there shows itself clearly or
            # not at all (GBK read ``危``, what EUC-JP kept of ``이핑``, as ``Σ``, a
            # gain of 0.4, beside EUC-JP's ``ı`` of ``Osmanl脹``)
            continue
        if not own and repair.bytes_lost and _marks_only(repair.repaired):
            # marks a rule chose for lost bytes on a line another codec reads show
            # nothing of their codec, whatever they gain: cp932 read ``窶�``, what
            # Big5 with U+FFFD left of the Korean ``게`` beside Big5's ``과거``, as
            # a spaced dash
            continue
        # a lone symbol glued to CJK text no repair read is made of that text, the
        # residue of another codec, even where no repair of that codec says so (a
        # later pass: ``縲や漏ossum``, where Shift-JIS read ``。‘R``, and GBK the
        # ``漏`` as ``©``)
        symbol = _lone_symbol(repair)
        if (repair.model.lossy and own) or not (
            _leftover_damage(text, repair.start - 1, -1, claimed, rare=not own, any_cjk=symbol)
            or _leftover_damage(text, repair.end, 1, claimed, rare=not own, any_cjk=symbol)
        ):
            kept.append(repair)
    return kept


#: The gain a repair of a second codec on a line must exceed (:func:`.score.clearly_better`'s
#: margin, which grows with the span, so a gain of exactly this is not clear).
_CLEAR_GAIN = 1.5


def _marks_only(repaired: str) -> bool:
    """Is ``repaired`` marks alone: no letter, digit or hole?"""
    return bool(repaired) and not any(char.isalnum() or char == LOST for char in repaired)


def _lone_symbol(repair: Repair) -> bool:
    """Does ``repair`` restore one character that is no letter, digit or space?"""
    repaired = repair.repaired
    return len(repaired) == 1 and not (repaired.isalnum() or repaired.isspace() or repaired == LOST)


def _codec_family(repair: Repair) -> str:
    codec = repair.model.wrong_codec
    return OLDER_CODEC.get(codec, codec)


def _leftover_damage(
    text: str, position: int, step: int, claimed: bytearray, *, rare: bool, any_cjk: bool = False
) -> bool:
    """Is ``text[position]`` a U+FFFD or a symbol (or, with ``rare``, a rare ideograph
    or syllable; with ``any_cjk``, any CJK character) that no repair claimed, or a
    ``?`` (or a run of them) with such damage beyond it (``膵?箙``: a question mark
    is not glued between two CJK characters, the ``?`` a tool wrote for a lost byte
    is)?"""
    if not 0 <= position < len(text) or claimed[position]:
        return False
    char = text[position]
    if char == "?":
        beyond = position + step
        while 0 <= beyond < len(text) and text[beyond] == "?" and not claimed[beyond]:
            beyond += step  # a run of them: ``や?????ń`` is cp949's residue of ``の機``
        return 0 <= beyond < len(text) and not claimed[beyond] and _leftover(text[beyond])
    if char == "\ufffd" or "\uff61" <= char <= "\uff9f":  # a hole, half-width katakana
        return True
    return not char.isascii() and (
        unicodedata.category(char)[0] == "S"
        or (rare and score.char_cost(char) >= _RARE)
        or (any_cjk and score.script_of(char) == "CJK")
    )


#: The cost of a rare ideograph or Hangul syllable (:func:`.score.char_cost`).
_RARE = 3.5


def _leftover(char: str) -> bool:
    """Could ``char`` be damage left as it was: not ASCII, not a space?"""
    return not char.isascii() and not char.isspace()


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


def _bare_in(text: str) -> Callable[[Repair], bool]:
    """Does a repair read only U+FFFD or ``?`` (``���`` as ``“``)?"""
    return lambda repair: not text[repair.start : repair.end].strip("\ufffd?")


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
