"""Which repair keeps a span that several models claim: the codec that reads the line best.

Every family proposes repairs under each model it tries; where they overlap, one
must win.  A line is usually damaged by one codec, and its repairs together say
which; a text is usually damaged by one codec too, which decides where a line's
own repairs do not.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache

from cleantext.repair.misread import LOST, Repair

__all__ = ["best_non_overlapping"]


def best_non_overlapping(
    repairs: list[Repair], text: str, bare: Callable[[Repair], bool] | None = None
) -> list[Repair]:
    """Keep the most plausible repair wherever several models claim the same span of ``text``.

    Codecs are ranked on each line by the total gain of their repairs on it, then
    by their total over the text, each repair counted once whichever of the codec's
    loss models found it (a region that lost no byte is named lossless, and its
    repairs had counted apart from the codec's others: GBK's ``sÛnÛrlarÛ`` had
    outranked EUC-JP's ``sınırları`` so), and within a codec repairs by their own
    gain.  The line first: a document may hold lines misread in different ways,
    and the text's total had let the codec of the other lines win a line another
    read better (cp932 had made ``嵌郪`` of the Korean ``그리`` EUC-JP read there,
    in a document of lines damaged each its own way).  Ties keep the codec tried
    first (GBK before GB18030, cp932 before Shift-JIS), which names the more common
    codec, for every span: had the other's repair of a span ranked first by its
    own gain, a codec that only left a hole there would lose the hole
    (:func:`.engine._multibyte_edits`), and the next pass read what was left.
    Repairs that read no surviving byte (``bare``: ``���`` as ``“`` reads the same
    under every codec that drops bytes so) where another codec reads too do not
    count towards a total, they say nothing of which codec it was
    (:func:`_bare_and_shared`); nor do repairs that decide nothing (``窶`` left
    a hole by Big5 as by cp932, whose ``窶柩`` is ``„l`` where Big5 read ``견^``);
    nor does a repair's loss (a letter alone between holes costs more than the
    ideograph it was), which says the repair is weak, not that the codec is wrong.

    Claimed characters are marked in a byte array: time linear in the repairs'
    lengths (keeping the chosen spans in a sorted list was quadratic in their number).
    """
    if not repairs:
        return []
    evidence: dict[tuple[str, int, int, str], float] = {}  # each repair of a codec once
    line_of = _line_numbers(text, repairs)
    says_nothing = _bare_and_shared(repairs, bare, line_of)
    for repair in repairs:
        counted = not says_nothing(repair) and repair.repaired.strip(LOST)
        key = (repair.model.wrong_codec, repair.start, repair.end, repair.repaired)
        evidence[key] = max(evidence.get(key, 0.0), repair.gain if counted else 0.0)
    totals: dict[str, float] = {}
    on_lines: dict[tuple[int, str], float] = {}
    for (codec, start, *_), gain in evidence.items():
        totals[codec] = totals.get(codec, 0.0) + gain
        on_line = (line_of(start), codec)
        on_lines[on_line] = on_lines.get(on_line, 0.0) + gain
    first_tried: dict[str, int] = {}
    for index, repair in enumerate(repairs):
        first_tried.setdefault(repair.model.wrong_codec, index)
    ranked = sorted(
        enumerate(repairs),
        key=lambda item: (
            -on_lines[(line_of(item[1].start), item[1].model.wrong_codec)],
            -totals[item[1].model.wrong_codec],
            first_tried[item[1].model.wrong_codec],
            -item[1].gain,
            item[0],
        ),
    )
    taken = bytearray(max(repair.end for repair in repairs) + 1)  # characters claimed
    chosen: list[Repair] = []
    for _, repair in ranked:
        end = max(repair.end, repair.start + 1)
        if any(taken[repair.start : end]):
            continue
        taken[repair.start : end] = b"\x01" * (end - repair.start)
        chosen.append(repair)
    chosen.sort(key=lambda repair: repair.start)
    return chosen


def _bare_and_shared(
    repairs: list[Repair], bare: Callable[[Repair], bool] | None, line_of: Callable[[int], int]
) -> Callable[[Repair], bool]:
    """Does a repair read no surviving byte (``bare``) where another codec reads too,
    or where another codec reading its line could have left the same holes?

    Such a repair says nothing of its codec.  Where no other codec reads its span,
    and every other reading its line would have read the bytes it writes as
    characters, it does: Big5 leaves two U+FFFD of ``č`` (``C4 8D``: no Big5 lead
    takes ``8D``), which GBK reads as an ideograph, never as lost bytes; so Big5's
    ``č`` there counts, and its ``ť`` of ``聽`` outranks the no-break space GBK reads
    of it (``po��u聽 v``, word probe, seed 218).  But EUC-JP leaves holes of ``“``
    (``E2 80 9C``) as Big5 does, and where it left them unread Big5's ``“`` had
    counted for Big5, whose ``˦`` of ``辿`` then outranked EUC-JP's ``é`` on their
    line (``publi辿e``, lossy scan, seed 870).  Each codec's spans are marked in a
    byte array, where any repair is bare: time linear in the repairs' lengths."""
    if bare is None or not any(map(bare, repairs)):
        return lambda _repair: False
    size = max(repair.end for repair in repairs) + 1
    read_by: dict[str, bytearray] = {}
    lines_read: dict[str, set[int]] = {}
    for repair in repairs:
        codec = repair.model.wrong_codec
        marks = read_by.setdefault(codec, bytearray(size))
        marks[repair.start : repair.end] = b"\x01" * (repair.end - repair.start)
        lines_read.setdefault(codec, set()).add(line_of(repair.start))

    def bare_and_shared(repair: Repair) -> bool:
        if not bare(repair):
            return False
        line = line_of(repair.start)
        written = repair.repaired.replace(LOST, "")
        return any(
            read_by[codec].find(1, repair.start, repair.end) >= 0
            or (line in lines_read[codec] and _leaves_holes(written, codec))
            for codec in read_by
            if codec != repair.model.wrong_codec
        )

    return bare_and_shared


@lru_cache(maxsize=4096)
def _leaves_holes(written: str, codec: str) -> bool:
    """Would ``codec`` find bytes it cannot read in the UTF-8 of ``written``?"""
    try:
        written.encode("utf-8", "surrogatepass").decode(codec)
    except UnicodeDecodeError:
        return True
    return False


def _line_numbers(text: str, repairs: list[Repair]) -> Callable[[int], int]:
    """The number of the line a position of ``text`` is on, counted from the first
    repair's line (newlines found once, between the first repair and the last)."""
    first = min(repair.start for repair in repairs)
    last = max(repair.end for repair in repairs)
    breaks = [match.start() for match in _NEWLINE.finditer(text, first, last)]
    return lambda position: bisect.bisect_right(breaks, position)


_NEWLINE = re.compile("\n")
