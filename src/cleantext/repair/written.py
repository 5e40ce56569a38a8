"""What the repairs of a text wrote so far, and which edits of a later family that rules out.

The engine (:mod:`.engine`) runs its families one after the other over a text, and
each reads the output of the ones before.  What a repair wrote is no byte of the
damage that was there: a hole it left stands for a whole character, a letter it
restored for bytes no codec kept, and a line it read with one codec family is not
read with another.  :class:`Written` keeps those spans, moved along as the text
changes, and filters each family's edits by them (the rules are on the family sets
below and on each filter).
"""

from __future__ import annotations

import bisect
import heapq

from cleantext.plan import Change, Edit
from cleantext.repair import screen
from cleantext.repair.cluster import line_of
from cleantext.repair.diff import written_spans
from cleantext.repair.models import CJK_CODECS, OLDER_CODEC, DamageModel, Loss
from cleantext.repair.single_byte import western_reading

__all__ = ["Written", "overlaps"]

Span = tuple[int, int]


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


#: ftfy and the single-byte misreadings read no bytes from both what a lossy-Latin
#: repair wrote and the residue the repairs left beside it (:func:`_straddles`).
#: The lossy-Latin family made ``»`` of ``Â»`` and left ``ë¥`` (what deleting the
#: C1 bytes left of ``능``) before it, and ftfy read ``ë¥»`` as ``륻``.  (Their own
#: earlier repairs are another matter: ftfy undoes layer after layer, but only in
#: the Western codecs they read: :func:`_another_codec`.)
_SINGLE_BYTE = frozenset({"single-byte", "single-byte-misread"})


class Written:
    """The spans of the text, as it is now, that earlier repairs wrote, by who wrote them."""

    def __init__(self) -> None:
        self.every: list[Span] = []  # every repair
        # those the multi-byte family wrote, by the codec family it read
        self.read_as_cjk: dict[str, list[Span]] = {}
        self.restored: list[Span] = []  # those the lossy-Latin and ASCII families wrote
        self.read_by_ftfy: list[Span] = []  # those ftfy and the single-byte misreadings wrote
        self.decoded_by_ftfy: list[Span] = []  # the very characters ftfy wrote

    def admitted(self, family: str, text: str, edits: list[Edit]) -> list[Edit]:
        """The edits of ``family`` on ``text`` that read no character the earlier
        repairs wrote in a way the rules on the family sets forbid."""
        if family in _READING_BYTES_ONLY:
            edits = [edit for edit in edits if not overlaps(edit, self.every)]
        elif family == "multibyte" and (self.read_as_cjk or self.restored):
            # what a lossy-Latin repair wrote is no CJK codec's byte either: Big5
            # read the 繫 it wrote among its holes as ô
            edits = [edit for edit in edits if not overlaps(edit, self.restored)]
            if self.read_as_cjk:
                edits = _reading_beside_earlier_repairs(text, edits, self.read_as_cjk)
        elif family in _READING_WESTERN and self.read_as_cjk:
            cjk = list(heapq.merge(*self.read_as_cjk.values()))
            edits = [edit for edit in edits if not overlaps(edit, cjk)]
        if family in _READING_HOLES and self.every:
            edits = [edit for edit in edits if not _reads_a_written_hole(text, edit, self.every)]
        if family == "lossy-cp1252" and self.read_by_ftfy:
            # The cp1252 family, in a later pass, writes no letter where ftfy wrote:
            # it reads the lines whose lost bytes it finds before ftfy, and what
            # ftfy wrote is ftfy's reading of the rest.  In Latvian ``sēž`` that
            # lost its C1 bytes (``sÄÅ¾``), ftfy made ``ž`` of ``Å¾``, and the
            # family had read ``Äž`` as ``Ğ``.  A hole claims no letter: ``â\x80``,
            # which ftfy makes ``â€``, is one.  Nor does it write a letter on a line
            # whose only cp1252 pair ftfy wrote (:func:`_paired_by_ftfy_only`).
            paired: dict[Span, bool] = {}  # each line looked at once
            edits = [
                edit
                for edit in edits
                if not (
                    _writes_a_letter(edit)
                    and (
                        overlaps(edit, self.read_by_ftfy)
                        or _paired_by_ftfy_only(text, edit, self.read_by_ftfy, paired)
                    )
                )
            ]
        elif family == "lossy-latin-after-ftfy" and self.decoded_by_ftfy:
            # what ftfy decoded from UTF-8 is a character, not a lead that lost
            # its C1 bytes: the ``â`` it made of ``parÃ¢metro`` is no dash
            edits = [edit for edit in edits if not overlaps(edit, self.decoded_by_ftfy)]
        if family in _LOSSY_LATIN and self.restored:
            # nor is what a lossy-Latin repair wrote: it made ``â`` of ``Ã¢`` (a
            # word probe's stray ``â`` among Chinese), and a later pass had read
            # that ``â`` as the lead of a spaced dash
            edits = [edit for edit in edits if not overlaps(edit, self.restored)]
        elif family in _SINGLE_BYTE and self.restored:
            edits = [
                edit
                for edit in edits
                if not _straddles(text, edit, self.restored)
                and not (overlaps(edit, self.restored) and _another_codec(edit))
            ]
        if family in _SINGLE_BYTE and self.every:
            edits = [edit for edit in edits if not _one_letter_read_again(edit, self.every)]
        return edits

    def record(self, family: str, text: str, applied: list[Change]) -> None:
        """Move every span past ``applied``, the changes ``family`` just made of
        the text (``text``: the text after them), and add what they wrote."""
        self.every = _written_after(self.every, applied)
        self.read_as_cjk = _read_as_cjk_after(
            self.read_as_cjk, applied if family == "multibyte" else [], applied
        )
        self.restored = _written_after(
            self.restored, applied, recorded=applied if family in _RESTORING else []
        )
        self.read_by_ftfy = _written_after(self.read_by_ftfy, applied, recorded=[])
        if family in _SINGLE_BYTE:
            self.read_by_ftfy = list(heapq.merge(self.read_by_ftfy, _rewritten(text, applied)))
        self.decoded_by_ftfy = _written_after(self.decoded_by_ftfy, applied, recorded=[])
        if family == "single-byte":
            self.decoded_by_ftfy = list(heapq.merge(self.decoded_by_ftfy, _decoded(applied)))


def _paired_by_ftfy_only(
    text: str, edit: Edit, read_by_ftfy: list[Span], paired: dict[Span, bool]
) -> bool:
    """Does every cp1252 pair (a lead and a mark only cp1252 writes) on the line of
    ``edit`` lie in what ftfy wrote?  Such a pair is ftfy's output, not evidence that
    the line was read as cp1252: Czech ``náš``, which ftfy made of ``nÃ¡Å¡``, holds
    ``áš``, and the cp1252 family had then read the ``Ä?`` of ``veÄ?er`` (``večer``
    whose C1 byte was written ``?``) as ``ď`` that dropped its byte, leaving
    ``veď?er`` (word probe, seed 233).  ``paired`` keeps the answer for each line,
    so a long line is searched once, not once an edit."""
    line = line_of(text, edit.start)
    if line not in paired:
        paired[line] = all(
            _overlaps_span(pair.start(), pair.end(), read_by_ftfy)
            for pair in screen.CP1252_PAIR_RE.finditer(text, *line)
        )
    return paired[line]


def overlaps(edit: Edit, spans: list[Span]) -> bool:
    """Does ``edit`` touch one of ``spans`` (sorted, not overlapping)?"""
    return _overlaps_span(edit.start, edit.end, spans)


def _one_letter_read_again(edit: Edit, written: list[Span]) -> bool:
    """Would ftfy rewrite one character a repair wrote as another?  No layer of
    mojibake is one character long but ``Ã`` before a space, which ftfy takes for
    ``à`` whose no-break space became a space: the cp1252 family read Vietnamese
    ``ÄÃƒ N`` as ``�Ã N`` (``ĐÃ``), and ftfy had then made the ``Ã`` an ``à``."""
    return edit.end - edit.start == 1 and len(edit.after) == 1 and overlaps(edit, written)


def _reads_a_written_hole(text: str, edit: Edit, written: list[Span]) -> bool:
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


def _reading_beside_earlier_repairs(
    text: str, edits: list[Edit], read_as_cjk: dict[str, list[Span]]
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
    read_as_cjk: dict[str, list[Span]],
    recorded: list[Change],
    applied: list[Change],
) -> dict[str, list[Span]]:
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


def _overlaps_span(start: int, end: int, spans: list[Span]) -> bool:
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


def _straddles(text: str, edit: Edit, spans: list[Span]) -> bool:
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
    spans: list[Span], applied: list[Change], *, recorded: list[Change] | None = None
) -> list[Span]:
    """``spans`` of the text before ``applied`` (one step's changes, in order; both
    sorted), moved to the text after them, and the spans the ``recorded`` changes
    (all of ``applied`` by default) wrote.

    One walk through both lists: a 1 MB line of mojibake holds tens of thousands
    of each."""
    moved: list[Span] = []
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


def _rewritten(text: str, changes: list[Change]) -> list[Span]:
    """The spans of the output ``text`` the changes rewrote, without the characters a
    change kept as they were between its edges (ftfy's edit of a line spans from its
    first change to its last).  A change is taken whole where the diff would tell
    the cp1252 family nothing, on a line with no cp1252 mark after a lead left (the
    family reads no other; most lines ftfy repaired), or where it would cost more
    than the line's repair (a long change)."""
    spans: list[Span] = []
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


def _decoded(changes: list[Change]) -> list[Span]:
    """The spans of the output the changes wrote, character for character (the
    diff of each change), but for long changes (:data:`_DIFFED`), left out: what
    ftfy decoded from UTF-8, which no later reading takes for a lead byte.  A whole
    change would take in the residue ftfy left between its repairs (the ``Ä`` of
    ``İmparatorluÄu``, whose ``ğ`` lost its ``9F``)."""
    spans: list[Span] = []
    for change in changes:
        if len(change.before) + len(change.after) > _DIFFED:
            continue
        spans += _diffed(change)
    return spans


def _diffed(change: Change) -> list[Span]:
    """The spans of the output that ``change`` wrote, by the diff of what it read and wrote."""
    return [
        (change.out_start + first, change.out_start + last)
        for first, last in written_spans(change.before, change.after)
    ]


#: The longest change (before and after) :func:`_rewritten` and :func:`_decoded` look inside.
_DIFFED = 2000
