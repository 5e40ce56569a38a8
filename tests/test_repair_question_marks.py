"""UTF-8 read as a CJK codec, each byte it could not use written ``?`` (repair/multibyte.py).

Many tools write ``?`` where Python writes U+FFFD, so ``“no”`` read as GBK comes
out ``鈥渘o鈥?``: the closing quote's last byte became the ``?``.  Read as dropped
bytes, that is a lost byte and a real question mark; the engine reads the ``?``
as the lost byte when every byte the dropped-bytes reading finds lost has a ``?``
right after it.
"""

from __future__ import annotations

import pytest

import cleantext
from cleantext.repair.models import DamageModel, Loss

MARKED = "bytes replaced by '?'"


@pytest.mark.parametrize("codec", ["gbk", "gb18030", "cp932", "shift_jis"])
@pytest.mark.parametrize(
    "sentence",
    [
        "He said “no” — it’s “fine”.",
        "“HIGH STAKES!!!” — Trump’s summit",
        "Der “Zürich” Bahnhof — schön.",
        "Both sides’ leaders met — “at last”.",
        "We’re here: “today” — and you’re late.",
    ],
)
def test_question_marks_standing_for_lost_bytes_are_read_as_them(sentence: str, codec: str) -> None:
    damaged = DamageModel("utf-8", codec, Loss.REPLACE_QUESTION).apply(sentence)
    assert "?" in damaged and "?" not in sentence
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == sentence
    assert any(change.model.endswith(MARKED) for change in plan)


def test_a_real_question_mark_stays_when_other_bytes_were_dropped_without_one() -> None:
    """``鈥 yes`` lost a byte with no ``?`` after it: the bytes were dropped, and the
    ``?`` after ``鈥`` is the sentence's own."""
    sentence = "Is it “true”? — yes, it’s “true”."
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply(sentence)
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == sentence
    assert not any(change.model.endswith(MARKED) for change in plan)


def test_text_with_question_marks_and_no_damage_is_left() -> None:
    for text in ("Why? Because “we” can?", "为什么？因为我们可以?", "なぜ?それは"):
        assert cleantext.fix_encoding(text) == text


def test_question_marks_that_decide_nothing_are_not_read_as_dropped_bytes() -> None:
    """``幸’`` read as EUC-JP with ``?`` for bytes is ``綛呉??``: ``呉`` holds the
    mark's first byte and the ``??`` its other two.  Where the question-mark reading
    cannot tell which mark it was, the dropped-bytes reading must not step in: it
    takes the ``??`` for real question marks and writes ``幸—??``, a dash never there."""
    sentence = "Set; ‘大典得幸’; PANELU… Lutnic."
    model = DamageModel("utf-8", "euc_jp", Loss.REPLACE_QUESTION)
    damaged = model.apply(sentence)
    repaired = cleantext.fix_encoding(damaged)
    assert "—" not in repaired
    assert repaired == damaged or model.apply(repaired) == damaged


@pytest.mark.parametrize("codec", ["shift_jis", "cp932"])
def test_question_marks_are_tried_where_the_dropped_reading_gives_up_whole(codec: str) -> None:
    """Read as dropped, ``窶? because! 窶? KARTﾄ?`` holds more undecided lost bytes
    than decided ones and is given up whole, so no lost byte shows a ``?`` after it;
    the ``?`` after ``窶`` are tried as the lost bytes, and ``竄ｬ`` is ``€``, not the
    ``«ｬ`` a Big5 reading made of it."""
    sentence = "Jules… tercer – because! – KARTĄ™ accusations by – llenad — curo € aves"
    damaged = DamageModel("utf-8", codec, Loss.REPLACE_QUESTION).apply(sentence)
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert "curo € aves" in repaired and "«" not in repaired
    assert any(change.model.endswith(MARKED) for change in plan)


def test_a_byte_only_cp932_reads_rules_shift_jis_out() -> None:
    """cp932 reads the byte 0x80 as U+0080, Shift-JIS as nothing: Bulgarian read as
    cp932 with ``?`` for lost bytes holds ``ﾑ\\x80`` (``р``).  Read as Shift-JIS with
    bytes dropped, the ``\\x80`` stayed beside its lead, and ftfy made it ``€``."""
    sentence = (
        "Bсеки човек има право свободно да участва в културния живот на обществото, да "
        "се наслаждава на изкуствата, да участва в научния напредък и да се ползва от "
        "неговите достижения."
    )
    damaged = DamageModel("utf-8", "cp932", Loss.REPLACE_QUESTION).apply(sentence)
    assert "\x80" in damaged
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert "€" not in repaired and "\x80" not in repaired
    assert "право" in repaired
    assert not any("shift_jis" in change.model for change in plan)


def test_a_byte_only_cp932_reads_rules_every_other_codec_out() -> None:
    """With bytes dropped, ``\\x80`` in the text again says cp932; Big5 had read the
    ``竄`` that cp932 leaves of ``€`` as ``«``."""
    sentence = "MOLIÈRE – Bсеки。“구조와”: ‘Bсеки’ €"
    damaged = DamageModel("utf-8", "cp932", Loss.IGNORE).apply(sentence)
    assert "\x80" in damaged
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert "«" not in repaired
    assert all("cp932" in change.model for change in plan)


def test_a_letter_whose_lead_was_lost_is_no_mark_opening_an_english_word() -> None:
    """cp949 with ``?`` leaves ``??쁎r`` of ``‘Or``: ``E2 80`` written ``??`` and the
    ``98`` of ``‘`` paired with the ``O``.  Read with the lead dropped instead, ``98``
    is the end of Romanian ``Ș``; the English word ``Or`` after it confirms a mark
    that opens it, not a letter it ends.  The ``?`` reading wins."""
    model = DamageModel("utf-8", "cp949", Loss.REPLACE_QUESTION)
    repaired = cleantext.fix_encoding(model.apply("Looks ‘Or’ here"))
    assert "Ș" not in repaired
    assert repaired.startswith("Looks ‘Or")


def test_question_marks_are_tried_where_the_dropped_reading_reads_only_whole_characters() -> None:
    """Read as dropped, this GBK line with ``?`` for lost bytes gave up the region
    of ``Lucr猫ce`` and kept only ``贸`` (``ó``), with no lost byte to show whether a
    ``?`` follows one; the ``?`` after ``鈥`` are tried as the lost bytes then too, and
    ``猫`` is ``è``, not the ``ǭ`` EUC-JP made of it.  A real question mark after a
    whole character stays one."""
    sentence = "Lutnick — Lucrèce Darü €5: Creó €5; bombardments — doubt"
    damaged = DamageModel("utf-8", "gbk", Loss.REPLACE_QUESTION).apply(sentence)
    assert cleantext.fix_encoding(damaged) == sentence
    assert cleantext.fix_encoding("驴Qu茅 pas贸? S铆, claro.") == "¿Qué pasó? Sí, claro."


@pytest.mark.parametrize("codec", ["gbk", "shift_jis"])
def test_each_line_says_whether_its_lost_bytes_were_written_as_marks(codec: str) -> None:
    # the text's lost bytes were read one way: beside a line whose bytes were
    # dropped, a line whose lost bytes were written ``?`` had been read as dropped,
    # its ``?`` taken for real question marks (``“This is it”? �? and``)
    line = "He said “This is it” — and it’s “done”."
    marked = DamageModel("utf-8", codec, Loss.REPLACE_QUESTION).apply(line)
    dropped = DamageModel("utf-8", codec, Loss.IGNORE).apply(line)
    assert cleantext.fix_encoding(marked) == line == cleantext.fix_encoding(dropped)
    for text in (f"{marked}\n{dropped}", f"{dropped}\n{marked}"):
        assert cleantext.fix_encoding(text) == f"{line}\n{line}"
