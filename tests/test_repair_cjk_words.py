"""Lost ideograph bytes chosen from the words around them (:mod:`cleantext.repair.cjk_words`)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.repair import cjk_words
from cleantext.repair.models import DamageModel, Loss


def _block(first: int) -> tuple[str, ...]:
    """The 64 candidates a lost last byte leaves: one block of code points."""
    return tuple(chr(code) for code in range(first, first + 64))


def test_only_small_sets_of_ideographs_can_be_filled() -> None:
    assert cjk_words.could_fill(_block(0x79C0))
    assert not cjk_words.could_fill(_block(0x3040))  # hiragana: particles
    assert not cjk_words.could_fill(tuple(chr(code) for code in range(0x4E00, 0x4F00)))
    assert not cjk_words.could_fill(("科",))


def test_the_word_on_the_right_decides() -> None:
    _, char, word = cjk_words.ranked(_block(0x79C0), "在資訊", "技快")[0]
    assert (char, word) == ("科", "科技")


def test_a_word_that_strands_its_neighbour_loses() -> None:
    """``我?下午``: ``以下`` is a word, but ``我们 下午`` reads better than ``我 以下 午``."""
    ranked = cjk_words.ranked(_block(0x4EC0), "很好，我", "下午")
    assert ranked[0][1:] == ("们", "我们")
    assert ranked[0][0] > cjk_words.RATIO * ranked[1][0]


def test_the_longer_word_wins_over_a_frequent_short_one() -> None:
    """``不安`` is more frequent than ``不容``, but only ``容`` makes ``不容忽視``."""
    ranked = cjk_words.ranked(_block(0x5B80), "度是不", "忽視的")
    assert ranked[0][1] == "容"
    assert ranked[0][0] > cjk_words.RATIO * ranked[1][0]


def test_close_readings_are_not_decided() -> None:
    """``測試?體``: ``軟體`` and ``車體`` are both words; the margin is not met."""
    ranked = cjk_words.ranked(_block(0x8EC0), "測試", "體的")
    assert ranked[0][1] == "軟"
    assert ranked[0][0] < cjk_words.RATIO * ranked[1][0]


def test_a_lone_character_must_be_a_common_word() -> None:
    """``是`` stands alone in ``速度 是 不容`` and is common enough; a rare one is not."""
    _, char, word = cjk_words.ranked(_block(0x6600), "速度", "不容")[0]
    assert (char, word) == ("是", "是")
    assert cjk_words.reading("速度", "昔", "不容")[1] == ""


def test_no_cjk_neighbour_ranks_nothing() -> None:
    assert cjk_words.ranked(_block(0x79C0), "", "") == []
    assert cjk_words.ranked(_block(0x79C0), "abc", "xyz") == []


ORIGINAL = "在資訊科技快速發展的今天, 開發及測試軟體的速度是不容忽視的"


def test_lost_ideograph_bytes_are_restored_from_words() -> None:
    for loss in (Loss.IGNORE, Loss.REPLACE):
        damaged = DamageModel("utf-8", "gbk", loss).apply(ORIGINAL)
        repaired, plan = cleantext.fix_encoding_and_explain(damaged)
        assert repaired == ORIGINAL, loss
        notes = " ".join(change.note for change in plan)
        assert "reads as the word '科技'" in notes


def test_two_competing_words_write_no_wrong_character() -> None:
    """Big5 replaced lost bytes of ``軟體`` with U+FFFD: ``試車`` and ``車體`` are words
    too, so no ``車`` may appear where ``軟`` was."""
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply(ORIGINAL)
    repaired = cleantext.fix_encoding(damaged)
    assert "車" not in repaired
    assert "測試" in repaired


def test_a_hole_beside_an_open_hole_is_not_chosen_from_one_side() -> None:
    """GBK dropped a byte of both ``公`` and ``园``: seen from one side, ``园``'s hole
    would read as ``四散`` (a word) and be written wrong; both stay open."""
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply("我们下午一起去公园散步吧。")
    repaired = cleantext.fix_encoding(damaged)
    assert "去\ufffd\ufffd散步" in repaired


def _brute_force(text: str) -> float:
    """The likeliest cutting of ``text`` into words, trying every cutting."""
    words = cjk_words.words()
    best = 0.0
    for cuts in range(1 << (len(text) - 1)):
        pieces, start = [], 0
        for position in range(1, len(text)):
            if cuts >> (position - 1) & 1:
                pieces.append(text[start:position])
                start = position
        pieces.append(text[start:])
        probability = 1.0
        for piece in pieces:
            if len(piece) > 4:
                probability = 0.0
                break
            plain = cjk_words.simplified(piece)
            probability *= words.get(plain, 0.0) or (cjk_words.UNLISTED if len(piece) == 1 else 0)
        best = max(best, probability)
    return best


SENTENCES = (
    "在資訊科技快速發展的今天",
    "北京今天天气很好，我们下午一起去公园散步吧",
    "言語自体の機能は最小限に押さえ",
)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(SENTENCES), st.integers(0, 40), st.integers(0x4E00, 0x9FBF))
def test_ranking_matches_trying_every_cutting(sentence: str, position: int, block: int) -> None:
    """The shortcuts (cuttings of each side worked out once, candidates in no word
    with a neighbour scored alone) give the probability of the best cutting."""
    position %= len(sentence)
    left, right = sentence[:position], sentence[position + 1 :]
    candidates = (sentence[position], *_block(block - block % 64)[:8])
    before, after = cjk_words._cjk_tail(left), cjk_words._cjk_head(right)
    for probability, char, _ in cjk_words.ranked(candidates, left, right):
        expected = _brute_force(before + char + after)
        assert probability == pytest.approx(expected, rel=1e-9), (before, char, after)


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
def test_a_term_the_text_writes_nearby_beats_a_common_word_standing_alone(codec: str) -> None:
    """``之策``'s last byte is dropped before ``:``; alone, ``等`` (far commoner) would
    win, but the same name stands whole further on, so the hole is ``策``."""
    line = "凡維基之策: ACAĆ A A 凡維基之策™;"
    damaged = DamageModel("utf-8", codec, Loss.IGNORE).apply(line)
    fixed, plan = cleantext.fix_encoding_and_explain(damaged)
    assert fixed == line
    assert any("'之策' nearby" in change.note for change in plan)


def test_the_word_pattern_takes_the_characters_is_cjk_takes() -> None:
    """The word lists are filtered with a pattern; it must agree with :func:`is_cjk`."""
    for code in range(0x10000):
        char = chr(code)
        assert (cjk_words._CJK_WORD.fullmatch(char) is not None) == cjk_words.is_cjk(char)
    assert cjk_words._CJK_WORD.fullmatch("資訊科技") is not None
    assert cjk_words._CJK_WORD.fullmatch("資訊科技產") is None  # longer than any word kept


def test_a_hole_at_the_edge_of_a_cjk_run_is_not_read_from_one_side() -> None:
    """``景から`` after ``€5 ``, read as GBK with bytes dropped, keeps ``E6 99`` of ``景``:
    with nothing CJK on its left, the words on its right alone made it ``時`` (``時か
    ら``, the more common reading).  Only a word the text spells nearby decides there."""
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply(
        "Espíritu €5 景から生まれ – Gassendi’t"
    )
    repaired = cleantext.fix_encoding(damaged)
    assert "時" not in repaired
    assert "Espíritu €5" in repaired


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE])
def test_a_character_standing_alone_must_be_among_the_commonest_words(loss: Loss) -> None:
    """``始`` between ``牆`` and ``也`` lost its last byte; no word holds any candidate
    there, and ``個`` is common (``个``, Zipf 6.3) but not common enough to be chosen
    standing alone: the hole stays open."""
    damaged = DamageModel("utf-8", "gbk", loss).apply("牆始也 — A AFP")
    assert cleantext.fix_encoding(damaged) == "牆\ufffd也 — A AFP"
