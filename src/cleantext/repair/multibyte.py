"""UTF-8 read as a multi-byte CJK codec: GBK/GB18030, Big5, Shift-JIS/cp932, EUC-KR/cp949, EUC-JP.

``“HIGH STAKES!!!”`` read as GBK is ``鈥淗IGH STAKES!!!鈥``: the UTF-8 bytes
``E2 80 9C 48`` pair up as GBK characters ``E2 80`` (鈥) and ``9C 48`` (淗), and a
byte that pairs with nothing is dropped (``errors="ignore"``), becomes U+FFFD
(``errors="replace"``) or ``?`` (what many tools write instead: ``鈥?``).
Re-encoding with the wrong codec gives the bytes back.
"""

from __future__ import annotations

import re

from cleantext.repair.line_spans import lines_holding, split_at_lines
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
        if _marked_by_question_marks(text, found) or (
            not any(repair.bytes_lost for repair in found)
            and _question_marks_after_a_lead(text, codec)
        ):
            # Once the ``?`` stand for the lost bytes, the dropped reading, which
            # treats them as real question marks, is wrong even where the
            # question-mark reading decides nothing (``綛呉??``: ``幸’``, not ``幸—??``).
            question = DamageModel("utf-8", codec, Loss.REPLACE_QUESTION)
            found = find_repairs(text, question, unmarked)
        repairs.extend(found)
    return repairs


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


def _question_marks_after_a_lead(text: str, codec: str) -> bool:
    """Where the dropped-bytes reading found no lost byte, might the ``?`` stand for lost
    bytes?  Read as dropped, ``窶? because! 窶? KARTﾄ?`` holds more undecided lost
    bytes than decided ones and is given up whole, so no lost byte shows whether a
    ``?`` follows it (or it keeps only whole characters: ``Cre贸`` of a GBK line whose
    ``Lucr猫ce`` was given up); a ``?`` right after a character that is not ASCII is
    enough to try the question-mark reading, whose repairs are verified as any
    others."""
    if _QUESTION_AFTER_NON_ASCII.search(text):
        return True
    return codec in DROPPED_LEAD_CODECS and _marks_before_a_dropped_lead(text)


_QUESTION_AFTER_NON_ASCII = re.compile("[^\x00-\x7f]\\?")


def _marks_before_a_dropped_lead(text: str) -> bool:
    """Is a ``?`` right before a syllable that a dropped lead leaves (``??쏧f``)?"""
    return "?" in text and any(text[p - 1 : p] == "?" for p in dropped_lead_positions(text))
