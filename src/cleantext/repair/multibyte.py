"""UTF-8 read as a multi-byte CJK codec: GBK/GB18030, Big5, Shift-JIS/cp932, EUC-KR/cp949, EUC-JP.

``“HIGH STAKES!!!”`` read as GBK is ``鈥淗IGH STAKES!!!鈥``: the UTF-8 bytes
``E2 80 9C 48`` pair up as GBK characters ``E2 80`` (鈥) and ``9C 48`` (淗), and a
byte that pairs with nothing is dropped (``errors="ignore"``), becomes U+FFFD
(``errors="replace"``) or ``?`` (what many tools write instead: ``鈥?``).
Re-encoding with the wrong codec gives the bytes back.
"""

from __future__ import annotations

import bisect
import re

from cleantext.repair.cluster import line_of
from cleantext.repair.line_spans import lines_at, lines_holding, split_at_lines
from cleantext.repair.misread import Repair, find_repairs
from cleantext.repair.models import DROPPED_LEAD_CODECS, DamageModel, Loss
from cleantext.repair.screen import dropped_lead_positions, multibyte_windows

__all__ = ["find"]


def find(text: str) -> list[Repair]:
    """Verified repairs under every CJK codec the screen found evidence for.

    The lossy scan also finds lossless damage (and names it so), so one model per
    codec and line is enough: bytes replaced on a line holding U+FFFD, or else
    dropped; or written ``?`` when every byte the dropped-bytes reading finds lost
    is followed by a ``?`` (:func:`_marked_by_question_marks`), or when that reading
    finds no lost byte and a ``?`` follows a character that is not ASCII, or stands
    before a syllable cp949 made of what was left of a sequence (``??쏧f`` is
    ``“If``).  A character only cp932 makes of a byte rules the other codecs out
    on its line.

    The loss and the codec are a line's own, as the other families take them: one
    U+FFFD anywhere (a name another tool could not read, ``Jos� Garc�a``) had made
    every line of a text that lost bytes be read as if its lost bytes were marked,
    and a document of Chinese whose bytes GBK dropped then stayed mojibake nearly
    whole; one C1 control (``5\x80``, a euro sign read as Latin-1) had left it to
    cp932 alone.
    """
    repairs: list[Repair] = []
    windows = multibyte_windows(text)
    cp932_lines = lines_holding(_CP932_ONLY, text) if "cp932" in windows else []
    marked = lines_holding(_REPLACEMENT, text)
    for codec, spans in windows.items():
        if cp932_lines and codec != "cp932":
            spans = split_at_lines(spans, cp932_lines)[1]
        replaced, unmarked = split_at_lines(spans, marked)
        if replaced:
            repairs += find_repairs(text, DamageModel("utf-8", codec, Loss.REPLACE), replaced)
        if not unmarked:
            continue
        found = find_repairs(text, DamageModel("utf-8", codec, Loss.IGNORE), unmarked)
        questioned = _question_mark_lines(text, unmarked, found, codec)
        if questioned:
            # Once the ``?`` stand for the lost bytes, the dropped reading, which
            # treats them as real question marks, is wrong even where the
            # question-mark reading decides nothing (``綛呉??``: ``幸’``, not ``幸—??``).
            question = DamageModel("utf-8", codec, Loss.REPLACE_QUESTION)
            lines = set(questioned)
            found = [r for r in found if line_of(text, r.start) not in lines]
            found += find_repairs(text, question, split_at_lines(unmarked, questioned)[0])
        repairs.extend(found)
    return repairs


def _question_mark_lines(
    text: str, spans: list[tuple[int, int]], dropped: list[Repair], codec: str
) -> list[tuple[int, int]]:
    """The lines of ``spans`` whose lost bytes were written ``?``, in order: where a
    ``?`` follows every byte the dropped-bytes reading (``dropped``) found lost on
    the line (:func:`_marked_by_question_marks`), or where it found none there and
    a ``?`` may stand for lost bytes (:func:`_question_marks_after_a_lead`).

    Each line's own: a ``?`` after the ``é`` of ``¿Qué?`` in one line, or a line
    another tool wrote ``?`` in, had made every line of the text be read so.
    """
    if "?" not in text:
        return []
    by_line: dict[tuple[int, int], list[Repair]] = {
        line: [] for line in lines_at(text, _starts_of_lines(text, spans))
    }
    for repair in dropped:
        by_line.setdefault(line_of(text, repair.start), []).append(repair)
    leads = dropped_lead_positions(text) if codec in DROPPED_LEAD_CODECS else []
    return [
        line
        for line, found in sorted(by_line.items())
        if _marked_by_question_marks(text, found)
        or (
            not any(repair.bytes_lost for repair in found)
            and _question_marks_after_a_lead(text, line, leads)
        )
    ]


def _starts_of_lines(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """A position on each line that ``spans`` (sorted) touch, ascending."""
    positions: list[int] = []
    for start, end in spans:
        position = start
        while position < end:
            positions.append(position)
            newline = text.find("\n", position, end)
            if newline < 0:
                break
            position = newline + 1
    return positions


_REPLACEMENT = re.compile("\ufffd")


#: What cp932 reads single bytes that no other CJK codec has a character for as
#: (0x80, 0xA0, 0xFD-0xFF): a line holding one was read as cp932, and no other
#: codec is tried there (Shift-JIS, leaving ``\x80`` beside ``ﾑ``, had won a Bulgarian line
#: and let ftfy make the ``\x80`` a ``€``; Big5 made ``竄`` of ``€`` a ``«``).
_CP932_ONLY = re.compile("[\x80\uf8f0-\uf8f3]")


def _marked_by_question_marks(text: str, dropped: list[Repair]) -> bool:
    """Does a ``?`` follow each byte the dropped-bytes reading found lost (one at least)?

    A tool that writes ``?`` for each byte it cannot decode leaves ``鈥?`` where a
    dropping one leaves ``鈥``; read as dropped, each of those is a lost byte and a
    real question mark after it.  Text whose bytes were dropped shows a lost byte
    without one almost at once (``“true”? — yes`` gives ``鈥渢rue鈥? 鈥 yes``); a
    lone ``“true”?`` that lost only its last byte is read the other way, and its
    question mark is taken for the lost byte, which the plan names.
    """
    lost = [repair for repair in dropped if repair.bytes_lost]
    return bool(lost) and all(text[repair.end : repair.end + 1] == "?" for repair in lost)


def _question_marks_after_a_lead(text: str, line: tuple[int, int], leads: list[int]) -> bool:
    """Where the dropped-bytes reading found no lost byte on ``line``, might its ``?``
    stand for lost bytes?  Read as dropped, ``窶? because! 窶? KARTﾄ?`` holds more
    undecided lost bytes than decided ones and is given up whole, so no lost byte
    shows whether a ``?`` follows it (or it keeps only whole characters: ``Cre贸`` of
    a GBK line whose ``Lucr猫ce`` was given up); a ``?`` right after a character that
    is not ASCII is enough to try the question-mark reading, whose repairs are
    verified as any others.  So is a ``?`` right before a syllable that a dropped
    lead leaves (``??쏧f``; ``leads``: their positions in the text, sorted)."""
    start, end = line
    if _QUESTION_AFTER_NON_ASCII.search(text, start, end):
        return True
    first, last = bisect.bisect_left(leads, start), bisect.bisect_left(leads, end)
    return any(text[position - 1] == "?" for position in leads[first:last] if position > start)


_QUESTION_AFTER_NON_ASCII = re.compile("[^\x00-\x7f]\\?")
