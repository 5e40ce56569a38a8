"""UTF-8 read as ASCII, each byte written ``?`` (repair/ascii_question.py).

``you’re`` became ``you???re``.  Only runs inside a word are read, and only where a
rule decides the whole run and the word it makes is common; every other ``?``
stays a question mark.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.repair import ascii_question, screen
from cleantext.repair.models import ASCII_QUESTION_MODEL, DamageModel, Loss


@pytest.mark.parametrize(
    "sentence",
    [
        "I don’t think you’re right.",
        "It’s over, and we’ve said so; they’ll see.",
        "The train to Zürich left.",
        '"KW-P05-06";"WŁĄCZONY"',  # four marks inside a word: two letters
    ],
)
def test_runs_inside_words_are_restored(sentence: str) -> None:
    damaged = ASCII_QUESTION_MODEL.apply(sentence)
    assert "??" in damaged
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == sentence
    assert {change.model for change in plan} == {ASCII_QUESTION_MODEL.name}
    assert all(change.step == "repair.ascii-question-marks" for change in plan)


@pytest.mark.parametrize(
    "text",
    [
        "What??? No way??",  # real question marks, after a word
        "He said ???hello??? to me",  # quotes or not: no letter on both sides
        "x???s and c???d",  # no common word either way
        "café, and don???t",  # a line holding another character was not read as ASCII
        "see index.php?s=1 and a?b",  # one mark is no run
    ],
)
def test_other_question_marks_stay(text: str) -> None:
    assert cleantext.fix_encoding(text) == text


@pytest.mark.parametrize(
    "sentence",
    [
        "“Putin is a master of the new shiny object,” Fried said, warning them.",
        "“If you’re coming up with a list of things, that would be one of them.",
        "I said “no way” to him",
        "Officials signaled interest in easing tensions with the West—particularly on trade.",
    ],
)
def test_quotation_marks_and_dashes_around_words_are_restored(sentence: str) -> None:
    """A pair of runs enclosing words, an opening beside a word repaired on its line,
    a dash joining two common words."""
    damaged = ASCII_QUESTION_MODEL.apply(sentence)
    assert cleantext.fix_encoding(damaged) == sentence


@pytest.mark.parametrize(
    "text",
    [
        "???Why would you?",  # an opening alone, nothing else on the line repaired
        "Status: ???Unknown??? here",  # a pair enclosing no space
        "???welcome.title???",  # a missing message key, as some web frameworks show it
        "He said ???What???? and left",  # no space between: nothing read
        "It is???no",  # a dash between short words: not common enough to tell
        # ``’。`` after ``Future`` may close the quotation: ``A???,`` is not its close
        "kentin: ???Future??????Saltanat ??? dominio, son ??? A???, bad???. American!",
    ],
)
def test_question_marks_around_words_stay_unless_paired_around_words(text: str) -> None:
    assert cleantext.fix_encoding(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Iabst ?,\n", max_size=60))
def test_the_screen_passes_nothing_the_step_would_read(text: str) -> None:
    """Text ``looks_clean`` lets through is text the step finds nothing in."""
    if screen.looks_clean(text):
        assert ascii_question.find(text) == []


def test_an_undecided_run_keeps_its_question_marks() -> None:
    """``it???`` at the end of a word before a space: ``’`` or ``”``, no rule decides."""
    damaged = ASCII_QUESTION_MODEL.apply("I said “it” twice")
    assert cleantext.fix_encoding(damaged) == damaged


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abst ?\n", max_size=60))
def test_the_screen_sees_every_run_inside_a_word(text: str) -> None:
    """``looks_clean`` never passes a text with a run between letters, and the fast
    path for ASCII text never skips one."""
    runs = any(
        text[index - 1 : index].isalpha()
        and text[index + length : index + length + 1].isalpha()
        and text[index : index + length] == "?" * length
        and text[index - 1] != "?"
        for index in range(1, len(text))
        for length in (2, 3, 4)
    )
    assert screen.has_question_run_in_word(text) == runs
    if runs:
        assert not screen.looks_clean(text)


@pytest.mark.parametrize(
    ("damaged", "repaired"),
    [
        # ``Se??or`` shows the line's marks were lost bytes: ``form??`` is ``formó``
        (
            "Entonces el Se??or Dios form?? al hombre del polvo de la tierra.",
            "Entonces el Señor Dios formó al hombre del polvo de la tierra.",
        ),
        # with no run inside a word repaired on its line, a run at a word's edge stays
        (
            "Entonces el Señor Dios form?? al hombre del polvo de la tierra.",
            "Entonces el Señor Dios form?? al hombre del polvo de la tierra.",
        ),
        ("Entonces x???s Dios form?? al hombre del polvo de la tierra.", None),
        ("What?? No. Really?? Is it ok?? Did you see??", None),
    ],
)
def test_runs_at_a_word_s_edge_need_a_run_inside_a_word_on_their_line(
    damaged: str, repaired: str | None
) -> None:
    assert cleantext.fix_encoding(damaged) == (damaged if repaired is None else repaired)


def test_a_question_mark_glued_before_letters_is_a_lost_byte_not_a_boundary() -> None:
    """``évében`` written with ``?`` for each lost byte is ``??v??ben``: the second run
    is no hole in a word ``v?ben`` (Danish ``våben``), since the ``??`` before the
    ``v`` is a lost character of the same word."""
    damaged = ASCII_QUESTION_MODEL.apply("akkor úgy édesapja úr évében –")
    assert "??v??ben" in damaged
    assert "å" not in cleantext.fix_encoding(damaged)


def test_a_lost_turkish_capital_dotted_i_is_not_a_dotless_one() -> None:
    """Python lowers ``İ`` to ``i`` and a combining dot, which no list holds, so the
    lexicons knew only ``ıstanbul`` (lowered from capitals) for ``??stanbul``.  Both
    are words now, and the hole stays open; in capitals only ``İ`` fits."""
    line = "shake! € İstanbul — İstanbul „KAMER“、Espíritu — Espíritu Júntense • POWIODŁA."
    fixed = cleantext.fix_encoding(DamageModel("utf-8", "ascii", Loss.REPLACE_QUESTION).apply(line))
    assert "ıstanbul" not in fixed
    capitals = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("İSTANBUL ŞEHRİ")
    assert cleantext.fix_encoding(capitals) == "İSTANBUL ŞEHRİ"


def test_a_word_lost_bytes_go_on_from_is_no_confirmation() -> None:
    """``sv??t??`` is Slovak ``svätú``; read to its second run of ``?``, it had been
    the Czech ``svět``, a common word, and its first run filled with ``ě``."""
    line = "môže svätú uzavreté dosiahnutá v:"
    fixed = cleantext.fix_encoding(DamageModel("utf-8", "ascii", Loss.REPLACE_QUESTION).apply(line))
    assert "ě" not in fixed
