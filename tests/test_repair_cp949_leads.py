"""UTF-8 Korean, Chinese and Japanese read as cp949 that lost the lead bytes of
their characters (:mod:`cleantext.repair.cp949_leads`): restored from the words,
never a wrong character, and nothing else touched."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import pytest
from tests.recovery import Outcome, classify

import cleantext
from cleantext.repair import cp949_leads, word_lattice
from cleantext.repair.models import DamageModel, Loss

LOSSES = (Loss.REPLACE, Loss.REPLACE_QUESTION, Loss.IGNORE)
MODELS = [DamageModel("utf-8", "cp949", loss) for loss in LOSSES]
CPYTHON_CJK = Path(sysconfig.get_paths()["stdlib"]) / "test" / "cjkencodings"

#: Korean prose: Wikipedia's welcome, and sentences of the kind news and
#: encyclopaedias write.
SENTENCES = (
    "한국어 위키백과에 오신 것을 환영합니다.",
    "대한민국의 수도는 서울이다.",
    "역사적 예수 연구자들은 복음서나 사도들의 서신서 속의 교리적 예수가 아닌, "
    "역사적 인간으로서의 예수를 추구한다.",
    "오늘 날씨가 좋아서 친구들과 함께 공원에 갔습니다.",
    "정부는 내년 예산안을 국회에 제출했다고 밝혔다.",
)


def _korean_lines() -> list[str]:
    """Lines of Korean prose: the sentences above and, where installed, CPython's
    cp949 sample (its lines that cp949 can hold)."""
    lines = list(SENTENCES)
    sample = CPYTHON_CJK / "cp949-utf8.txt"
    if sample.is_file():
        lines += [line for line in sample.read_text("utf-8").splitlines() if line.strip()]
    return lines


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.loss.value)
@pytest.mark.parametrize(
    ("original", "damaged_by_replace"),
    [
        ("역사적", "\ufffd뿭\ufffd궗\ufffd쟻"),
        ("한국어 위키백과에 오신 것을 환영합니다.", None),
        ("He said 역사적 things", None),
    ],
)
def test_lost_leads_come_back(
    model: DamageModel, original: str, damaged_by_replace: str | None
) -> None:
    damaged = model.apply(original)
    if damaged_by_replace is not None and model.loss is Loss.REPLACE:
        assert damaged == damaged_by_replace  # the damage this module is about
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == original
    assert {change.model for change in plan} == {model.name}


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.loss.value)
def test_korean_prose_gets_no_wrong_character(model: DamageModel) -> None:
    """No line of Korean prose, damaged, comes back with a wrong character or one
    silently missing (the recovery table's judgement), and every repair is final.
    (CPython's sample is mostly jamo, symbols and rare syllables, which the words
    decide nothing of: most of its lines stay as they are.)"""
    for line in _korean_lines():
        if not model.can_apply(line):
            continue
        damaged = model.apply(line)
        repaired = cleantext.fix_encoding(damaged)
        outcome = classify(line, damaged, repaired, model)
        assert outcome not in (Outcome.WRONG, Outcome.GAP), (line, damaged, repaired)
        assert cleantext.fix_encoding(repaired) == repaired


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.loss.value)
def test_korean_sentences_come_back_but_for_a_few_holes(model: DamageModel) -> None:
    """The sentences come back whole, with holes where the words leave two readings
    (``교회`` or ``국회``, ``날씨가`` or ``날씨같``), or without what left no trace:
    100 of their 117 syllables right under each loss when this was written."""
    right = total = 0
    for line in SENTENCES:
        damaged = model.apply(line)
        repaired = cleantext.fix_encoding(damaged)
        outcome = classify(line, damaged, repaired, model)
        # (partial: where bytes were dropped, a syllable the damage erased beside a
        # hole reads so in the table's judgement, ``대한`` as ``�``)
        assert outcome in (Outcome.EXACT, Outcome.HOLES, Outcome.LOST, Outcome.PARTIAL), (
            line,
            repaired,
        )
        syllables = [char for char in line if word_lattice.is_syllable(char)]
        total += len(syllables)
        right += len(syllables) - repaired.count("\ufffd") - (len(line) - len(repaired))
    assert right >= 0.85 * total, (right, total)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.loss.value)
@pytest.mark.parametrize(
    "line",
    [
        # ``⑨`` (``E2 91 A8``) lost its lead too, and may be ``쑨``, a listed morpheme:
        # glued before ``들`` it is a mark, and ``앜`` is no ``한`` for it
        "⑨들앜; 역사를 연구했다",
        "사랑해♡ 역사를 연구했다",
        "€5 역사를 연구했다",
    ],
)
def test_a_mark_at_a_units_edge_reads_no_syllable_into_its_neighbours(
    line: str, model: DamageModel
) -> None:
    damaged = model.apply(line)
    repaired = cleantext.fix_encoding(damaged)
    outcome = classify(line, damaged, repaired, model)
    assert outcome not in (Outcome.WRONG, Outcome.GAP), (damaged, repaired)
    assert repaired.endswith("역사를 연구했다")


def test_a_hole_the_words_do_not_decide_stays_open() -> None:
    # ``라면`` lost the lead of ``라`` (``라``, ``일`` or ``흼``) and the last byte of
    # ``면`` (any of 64): ``라면``, ``일면`` and ``라멘`` are all words, so both stay
    # holes, and the plan says so
    damaged = DamageModel("utf-8", "cp949", Loss.REPLACE).apply("라면 역사적 의미")
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == "\ufffd\ufffd 역사적 의미"
    assert any("U+FFFD" in change.note for change in plan)


@pytest.mark.parametrize(
    ("line", "read"),
    [
        # Chinese and Japanese lose their leads to cp949 too, and leave the same
        # residue; their own words read them.  ``一`` lost its last byte (``是两个``
        # and ``是三个`` are as good), ``。`` all three.
        ("维基百科是一个自由内容的百科全书。", "维基百科是\ufffd个自由内容的百科全书\ufffd"),
        ("日本語の文章を読みます。", "日本語の文章を読みます\ufffd"),
    ],
)
def test_chinese_and_japanese_are_read_with_their_own_words(line: str, read: str) -> None:
    damaged = DamageModel("utf-8", "cp949", Loss.REPLACE).apply(line)
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == read
    assert all("Chinese and Japanese words" in change.note for change in plan)


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.loss.value)
@pytest.mark.parametrize(
    "line",
    [
        "维基百科是一个自由内容的百科全书。",
        "日本語の文章を読みます。",
        "Python（派森）语言是一种功能强大而完善的通用型计算机程序设计语言，",
    ],
)
def test_chinese_and_japanese_get_no_wrong_character(line: str, model: DamageModel) -> None:
    damaged = model.apply(line)
    repaired = cleantext.fix_encoding(damaged)
    outcome = classify(line, damaged, repaired, model)
    assert outcome not in (Outcome.WRONG, Outcome.GAP), (damaged, repaired)


@pytest.mark.parametrize(
    "text",
    [
        *SENTENCES,
        "똠얌꿍 슌 떄문에 여깄어",  # rare syllables real Korean writes, some the residue's
        "\ufffd뿭 is one lost byte",  # one residue syllable decides nothing
    ],
)
def test_clean_or_unproven_text_is_left_alone(text: str) -> None:
    assert cp949_leads.find(text) == []


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.loss.value)
def test_a_lost_last_byte_is_not_the_commonest_syllable(model: DamageModel) -> None:
    # ``근`` (``EA B7 BC``) loses its last byte before the space: 64 syllables fit,
    # and ``그`` is far the commonest morpheme among them, but ``근`` stands alone too
    line = "근 십 년 동안 역사를 연구했다"
    damaged = model.apply(line)
    repaired = cleantext.fix_encoding(damaged)
    assert repaired.split()[3:] == line.split()[3:]  # the words are read
    # ``십`` and ``년`` alone are no morphemes common enough to stand for a lost lead;
    # where bytes were dropped, ``洹`` (what is left of ``근``) shows no loss of its
    # own and is left as it is
    for got, left in zip(repaired.split()[:3], damaged.split()[:3], strict=True):
        assert got in ("\ufffd", left)


def test_words_decide_only_with_a_clear_margin() -> None:
    # 역 of the four a lost lead leaves (뗭 역 헭: 역사 is a word); 라/일 before 면
    # both make words
    decided = word_lattice.decide([("뗭", "역", "헭"), ("사",)], word_lattice.korean())
    assert [choice.char for choice in decided] == ["역", "사"]
    left_open = word_lattice.decide([("라", "일", "흼"), ("면",)], word_lattice.korean())
    assert [choice.char for choice in left_open] == [None, "면"]
    assert left_open[0].likeliest in ("라", "일")  # the guess, where one is asked for


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.loss.value)
def test_guessing_fills_the_holes_with_the_likeliest_syllables(model: DamageModel) -> None:
    damaged = model.apply("라면 역사적 의미")
    assert cleantext.fix_encoding(damaged) == "\ufffd\ufffd 역사적 의미"
    guessed, plan = cleantext.fix_encoding_and_explain(damaged, guess_lost=True)
    assert guessed == "라면 역사적 의미"
    assert [change.step for change in plan][-2:] == ["repair.guess-lost"] * 2


@pytest.mark.parametrize("model", MODELS, ids=lambda model: model.loss.value)
def test_bytes_of_two_syllables_make_no_rare_letter_of_another_script(model: DamageModel) -> None:
    # ``참가자`` that lost bytes: the ``EA`` kept of ``가`` and the ``9E 90`` of ``자``
    # read whole are the Latin ``Ꞑ`` (word probe, seed 222)
    fixed = cleantext.fix_encoding(model.apply("도 느끼 노트 참가자 너무:"))
    assert "Ꞑ" not in fixed
    assert "느끼" in fixed and "너무:" in fixed
