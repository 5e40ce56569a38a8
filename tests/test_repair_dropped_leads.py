"""A sequence whose first bytes the reader dropped (cp949 with ``errors="ignore"``).

cp949 cannot pair ``E2 80``, the first bytes of ``“ ’ —``, so it drops them, and pairs
the continuation byte left with the first byte of the next character: ``“If`` is
``쏧f``, ``you’re`` is ``you셱e``.  Such a character is a Hangul syllable beyond
KS X 1001, glued to English; the repair restores the lost lead where a context rule
names the mark (an opening quote before a word, a contraction).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.repair import screen, screen_cjk
from cleantext.repair.models import DamageModel, Loss

CP949_DROPPED = DamageModel("utf-8", "cp949", Loss.IGNORE)


@pytest.mark.parametrize(
    "sentence",
    [
        "“If you’re coming up with a list, that would be one of them.",
        "I don’t know, and we’ll see.",
        # a contraction alone on its line: the syllable ends the word it closes
        "Zelensky has time and again cast doubts on Putin’s willingness.",
        "He’d say I’m here.",
    ],
)
def test_marks_whose_lead_bytes_were_dropped_are_restored(sentence: str) -> None:
    damaged = CP949_DROPPED.apply(sentence)
    assert damaged != sentence
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == sentence
    assert {change.model for change in plan} == {CP949_DROPPED.name}


def test_a_mark_that_left_no_byte_stays_lost() -> None:
    """``”`` before a space or the end of the line lost all three bytes: nothing says
    where it was, and nothing is put back there."""
    damaged = CP949_DROPPED.apply("“But someone had to take the first step.”")
    assert damaged == "쏝ut someone had to take the first step."
    assert cleantext.fix_encoding(damaged) == "“But someone had to take the first step."


@pytest.mark.parametrize(
    "text",
    [
        "☆첫가끝: 날아라 쓔쓔쓩~ 닁큼! 뜽금없이 전홥니다. 뷁. 그런거 읎다.",  # Korean, as written
        "우리는 쏧f를 좋아해",  # glued to English, but the line is Korean
        "We 쏧xq now",  # “Ixq is no English word
    ],
)
def test_korean_text_stays(text: str) -> None:
    assert cleantext.fix_encoding(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.? 쏧셱가\n", max_size=40))
@example("쏧f 가셱a 셱\n셱b")
@example("Putin셲 said, don??셳 know; a셱가")
def test_the_screen_finds_every_syllable_a_dropped_lead_leaves(text: str) -> None:
    """The positions come from the suspect lines; they are those of a plain scan: a
    syllable not after Hangul, before an ASCII letter (the word it opens) or ending
    a word after a letter or a ``?`` (the contraction it closes)."""
    left = screen_cjk.dropped_lead_chars()

    def hangul(char: str) -> bool:
        return "\uac00" <= char <= "\ud7a3"

    def ascii_letter(char: str) -> bool:
        return char.isascii() and char.isalpha()

    expected = [
        index
        for index, char in enumerate(text)
        if char in left
        and not (index and hangul(text[index - 1]))
        and (
            ascii_letter(text[index + 1 : index + 2])
            or (
                index > 0
                and (ascii_letter(text[index - 1]) or text[index - 1] == "?")
                and not (ascii_letter(following := text[index + 1 : index + 2]))
                and not hangul(following)
            )
        )
    ]
    assert screen.dropped_lead_positions(text) == expected
    if expected:
        assert not screen.looks_clean(text)


def test_only_cp949_reads_dropped_leads() -> None:
    """In cp932 ``‘`` is ``81 65``, a continuation byte and an ASCII one too; a clean
    line holding it beside a damaged one must not be read as a dropped lead (it once
    joined the damaged line's region and vetoed its repair)."""
    clean = "Trump and Putin start ‘high-stakes’ in-person meeting"
    damaged = DamageModel("utf-8", "cp932").apply("I don’t need it.")
    assert cleantext.fix_encoding(f"{clean}\n{damaged}") == f"{clean}\nI don’t need it."


CP949_MARKED = DamageModel("utf-8", "cp949", Loss.REPLACE_QUESTION)


def test_first_bytes_written_as_question_marks_are_restored() -> None:
    """Tools that write ``?`` for each byte they cannot decode leave ``??쏧f``."""
    sentence = "“If you’re coming up with a list, that would be one of them."
    damaged = CP949_MARKED.apply(sentence)
    assert damaged.startswith("??쏧f you??셱e")
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == sentence
    assert {change.model for change in plan} == {CP949_MARKED.name}
    alone = "By bringing Putin onto US soil, the president is giving Russia’s leader"
    assert cleantext.fix_encoding(CP949_MARKED.apply(alone)) == alone


@pytest.mark.parametrize("text", ["What??쏧f", "우리는 ??쏧f를 좋아해"])
def test_question_marks_before_such_a_syllable_need_a_rule(text: str) -> None:
    """After a word no opening quote fits, and a Korean line is Korean: both stay."""
    assert cleantext.fix_encoding(text) == text
