"""UTF-8 read as a multi-byte CJK codec: GBK/GB18030, Big5, Shift-JIS/cp932, EUC-KR/cp949, EUC-JP.

``“HIGH STAKES!!!”`` read as GBK is ``鈥淗IGH STAKES!!!鈥``: the UTF-8 bytes
``E2 80 9C 48`` pair up as GBK characters ``E2 80`` (鈥) and ``9C 48`` (淗), and a
byte that pairs with nothing is dropped (``errors="ignore"``) or becomes U+FFFD
(``errors="replace"``).  Re-encoding with the wrong codec gives the bytes back.
"""

from __future__ import annotations

from cleantext.repair.misread import Repair, find_repairs
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.screen import multibyte_windows

__all__ = ["find"]


def find(text: str) -> list[Repair]:
    """Verified repairs under every CJK codec the screen found evidence for.

    The lossy scan also finds lossless damage (and names it so), so one model per
    codec is enough: bytes dropped, or replaced when the text holds U+FFFD.
    """
    loss = Loss.REPLACE if "\ufffd" in text else Loss.IGNORE
    repairs: list[Repair] = []
    for codec, spans in multibyte_windows(text).items():
        repairs.extend(find_repairs(text, DamageModel("utf-8", codec, loss), spans))
    return repairs
