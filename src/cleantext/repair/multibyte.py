"""UTF-8 read as a multi-byte CJK codec: GBK/GB18030, Big5, Shift-JIS/cp932, EUC-KR/cp949, EUC-JP.

``“HIGH STAKES!!!”`` read as GBK is ``鈥淗IGH STAKES!!!鈥``: the UTF-8 bytes
``E2 80 9C 48`` pair up as GBK characters ``E2 80`` (鈥) and ``9C 48`` (淗), and a
byte that pairs with nothing is dropped (``errors="ignore"``), becomes U+FFFD
(``errors="replace"``) or ``?`` (what many tools write instead: ``鈥?``).
Re-encoding with the wrong codec gives the bytes back.
"""

from __future__ import annotations

import re

from cleantext.repair.misread import Repair, find_repairs
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.screen import multibyte_windows

__all__ = ["find"]

#: A question mark right after a character that is not ASCII: where ``?`` may stand
#: for a byte the wrong codec could not use.
_MARK_AFTER_DAMAGE = re.compile("[^\x00-\x7f]\\?")
#: Bytes the dropped-bytes reading must find lost, each right before a ``?``, before
#: the ``?`` are read as the lost bytes: one could be a real question mark after a
#: dropped byte (``“true”?``), two in a row of those are a pattern.
_MARKED_LOSSES = 1


def find(text: str) -> list[Repair]:
    """Verified repairs under every CJK codec the screen found evidence for.

    The lossy scan also finds lossless damage (and names it so), so one model per
    codec is enough: bytes replaced when the text holds U+FFFD, or else dropped;
    or written ``?`` when every byte the dropped-bytes reading finds lost is
    followed by a ``?`` (:func:`_marked_by_question_marks`).
    """
    loss = Loss.REPLACE if "\ufffd" in text else Loss.IGNORE
    marks = loss is Loss.IGNORE and _MARK_AFTER_DAMAGE.search(text) is not None
    repairs: list[Repair] = []
    for codec, spans in multibyte_windows(text).items():
        found = find_repairs(text, DamageModel("utf-8", codec, loss), spans)
        if marks and _marked_by_question_marks(text, found):
            marked = find_repairs(text, DamageModel("utf-8", codec, Loss.REPLACE_QUESTION), spans)
            found = marked or found
        repairs.extend(found)
    return repairs


def _marked_by_question_marks(text: str, dropped: list[Repair]) -> bool:
    """Does a ``?`` follow each byte the dropped-bytes reading found lost?

    A tool that writes ``?`` for each byte it cannot decode leaves ``鈥?`` where a
    dropping one leaves ``鈥``; read as dropped, each of those is a lost byte and
    a real question mark after it, which is a coincidence once, not every time.
    """
    lost = [repair for repair in dropped if repair.bytes_lost]
    return len(lost) >= _MARKED_LOSSES and all(
        text[repair.end : repair.end + 1] == "?" for repair in lost
    )
