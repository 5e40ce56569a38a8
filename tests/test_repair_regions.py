"""How a damaged line's regions are made and judged: on their own line, and with a
hole that may be a mark beside a word of another script."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.repair.models import DamageModel, Loss

C1_REPLACED = DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD)
C1_DELETED = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)
JAPANESE = "開発者の Guido van Rossum は教育用のプログラミング言語「ABC」の開発に参加していました。"
CHINESE = "Python（派森）语言是一种功能强大而完善的通用型计算机程序设计语言，"


def test_a_line_is_repaired_as_it_is_alone_whatever_line_comes_before() -> None:
    # a region ran on past the newline, only ASCII between, and the Chinese line's
    # clusters were judged with the Japanese line's: it had stayed mojibake whole
    alone = cleantext.fix_encoding(C1_DELETED.apply(CHINESE))
    both = cleantext.fix_encoding(C1_DELETED.apply(f"{JAPANESE}\n{CHINESE}"))
    assert both.split("\n")[1] == alone
    assert "ï" not in alone  # ``（`` is ``ï¼\x88``: read, as a hole or whole


def test_a_hole_that_may_be_a_mark_is_not_alien_beside_a_latin_word() -> None:
    # ``、`` before ``Python`` lost its C1 bytes: its candidates hold no Latin letter,
    # but the mark, glued to no word, was among them; read as alien, the hole had
    # left its neighbours' context mojibake and the line stayed mostly unread
    original = "多いのですが、Python ではそういった小細工が追加されることはあまりありません。"
    repaired = cleantext.fix_encoding(C1_REPLACED.apply(original))
    assert "ã" not in repaired
    assert "細工" in repaired
    assert set(repaired) <= set(original) | {"\ufffd"}


@pytest.mark.parametrize("loss", [Loss.C1_TO_FFFD, Loss.STRIP_C1, Loss.C1_TO_QUESTION])
@pytest.mark.parametrize("other", ["Itâ€™s a test", "Itâ??s a test", "Heâ\ufffd\ufffds here"])
def test_another_line_s_loss_does_not_decide_how_a_line_is_read(loss: Loss, other: str) -> None:
    # the loss model was the text's: one line of cp1252 mojibake, lines away, had
    # kept every line from being read for lost C1 bytes, and one line whose lost
    # bytes were ``?`` had made a line whose bytes were deleted be read as if its
    # ``?`` were the lost bytes; the line below had stayed mojibake whole
    damaged = DamageModel("utf-8", "latin-1", loss).apply(CHINESE)
    alone = cleantext.fix_encoding(damaged)
    below = cleantext.fix_encoding(f"{other}\n{damaged}").split("\n")[1]
    assert below == alone
    assert "ï" not in alone


def test_a_hole_a_repair_wrote_is_no_byte_a_reader_replaced() -> None:
    # Vietnamese ``đồng`` that lost its C1 bytes is ``Äá»ng``; the first pass left
    # ``Ä�ng`` (a hole for ``ồ``), and the second had read ``Ä�`` as ``ă`` whose
    # continuation became U+FFFD: the word ``ăng``, beside ``lăng`` (word_probe.py)
    fixed, plan = cleantext.fix_encoding_and_explain(C1_DELETED.apply("lăng đồng"))
    assert fixed.startswith("lăng ") and "ăng" not in fixed[5:], fixed
    assert not any(change.step.startswith("repair.lossy-latin-replaced") for change in plan)


def test_holes_a_multi_byte_repair_wrote_are_no_bytes_a_reader_replaced() -> None:
    # Korean read as cp949 that dropped bytes: the first pass left ``��`` of ``지속``
    # (a hole for each character), and the second, reading U+FFFD as replaced
    # bytes, had made the two holes one, losing a character (word_probe.py)
    original = "상식 지만 기뻐 지속 부산"
    damaged = DamageModel("utf-8", "cp949", Loss.IGNORE).apply(original)
    assert "\ufffd" not in damaged
    fixed, plan = cleantext.fix_encoding_and_explain(damaged)
    assert len(fixed) == len(original), fixed
    # every U+FFFD a change reads, a repair wrote: none may be read away
    assert all(change.before.count("\ufffd") <= change.after.count("\ufffd") for change in plan)
