"""How a damaged line's regions are made and judged: on their own line, and with a
hole that may be a mark beside a word of another script."""

from __future__ import annotations

import cleantext
from cleantext.repair.models import DamageModel, Loss

C1_REPLACED = DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD)


def test_a_hole_that_may_be_a_mark_is_not_alien_beside_a_latin_word() -> None:
    # ``、`` before ``Python`` lost its C1 bytes: its candidates hold no Latin letter,
    # but the mark, glued to no word, was among them; read as alien, the hole had
    # left its neighbours' context mojibake and the line stayed mostly unread
    original = "多いのですが、Python ではそういった小細工が追加されることはあまりありません。"
    repaired = cleantext.fix_encoding(C1_REPLACED.apply(original))
    assert "ã" not in repaired
    assert "細工" in repaired
    assert set(repaired) <= set(original) | {"\ufffd"}
