"""UTF-8 read as a multi-byte CJK codec: GBK/GB18030, Big5, Shift-JIS/cp932, EUC-KR/cp949, EUC-JP.

``“HIGH STAKES!!!”`` read as GBK is ``鈥淗IGH STAKES!!!鈥``: the UTF-8 bytes
``E2 80 9C 48`` pair up as GBK characters ``E2 80`` (鈥) and ``9C 48`` (淗), and a
byte that pairs with nothing is dropped (``errors="ignore"``) or becomes U+FFFD
(``errors="replace"``).  Re-encoding with the wrong codec gives the bytes back.
"""

from __future__ import annotations

from cleantext.repair.misread import Repair, find_repairs
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.screen import multibyte_suspects

__all__ = ["candidate_models", "find"]


def candidate_models(text: str) -> list[DamageModel]:
    """Models worth trying on ``text``; lossless damage is found by the lossy scan too."""
    loss = Loss.REPLACE if "\ufffd" in text else Loss.IGNORE
    return [DamageModel("utf-8", codec, loss) for codec in multibyte_suspects(text)]


def find(text: str) -> list[Repair]:
    repairs: list[Repair] = []
    for model in candidate_models(text):
        repairs.extend(find_repairs(text, model))
    return repairs
