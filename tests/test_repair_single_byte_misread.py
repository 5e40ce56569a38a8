"""UTF-8 read as a single-byte codec where ftfy declines: repaired, with the limits kept.

Each case damages a clean sentence with the model it names (so the input is real
damage, not typed by hand), checks that ftfy leaves it alone, and that cleantext
restores the sentence exactly and says which model it used.  The negative table
holds text ftfy's own cases say must stay as it is, which this family could
otherwise misread.
"""

from __future__ import annotations

import ftfy
import pytest

import cleantext
from cleantext.repair import single_byte_misread
from cleantext.repair.models import DamageModel, Loss

REPAIRED = [
    # (true text, codec it was misread as)
    ("Однако директор училища посоветовал молодому человеку", "mac_roman"),
    ("تمت الإشارة للبلاد لاحقًا باسم المغرب الأقصى", "cp1251"),
    ("En raison de cette identité de son génie avec le nôtre, il exerça sur", "cp1251"),
    ("Bсеки човек има право свободно да участва в културния живот", "mac_roman"),
    ("Zelensky doubts Putin’s willingness to negotiate.", "cp437"),
    ("“If you’re coming up with a list — one of them.”", "cp437"),
    # Too few bytes, or cp437 letters, on their own; every repair completes a
    # common word (repair/confirm.py), and that is evidence enough.
    ("appartient ce vers, véritable devise de Molière:", "cp1251"),
    ("8 Y llamó Dios a la expansión cielos.", "cp1250"),
    ("Señor Dios formó al hombre", "cp437"),
    # 'sopló' is rarer than the bar, but 'formó' shows the same misreading
    ("Dios formó al hombre, y sopló en su nariz", "cp437"),
]


@pytest.mark.parametrize(("original", "codec"), REPAIRED)
def test_repairs_what_ftfy_declines(original: str, codec: str) -> None:
    damaged = DamageModel("utf-8", codec).apply(original)
    assert damaged != original
    assert ftfy.fix_encoding(damaged) == damaged, "ftfy repairs this one itself"
    fixed, plan = cleantext.fix_encoding_and_explain(damaged)
    assert fixed == original
    assert {change.step for change in plan} == {"repair.single-byte-misread"}
    assert all(change.model.startswith("utf-8 read as ") for change in plan)


def test_damage_only_inside_a_line_is_repaired_there() -> None:
    original = "Однако директор училища"
    damaged = DamageModel("utf-8", "mac_roman").apply(original)
    text = f"Clean first line — “quoted”.\n{damaged}\nКлассный текст, ничего не трогать."
    assert cleantext.fix_encoding(text) == (
        f"Clean first line — “quoted”.\n{original}\nКлассный текст, ничего не трогать."
    )


UNCHANGED = [
    "2012—∞",  # one MacRoman-looking pair: a single letter is too little evidence
    "├┤a┼┐a┼┐a┼┐a┼┐a",  # box drawing: cp437 only ever gives back punctuation
    # ... and letters only where they make words ('hombreü' is none, and no other
    # change that makes a word reads ├╝)
    "Se├▒or Dios form├│ al hombre├╝",
    "The t├▒or form├│ x",  # 'tñor', 'formó' + a word that is no word: all or none
    "ã†â€™ãƒâ€ ã¢â‚¬â„¢ãƒæ’ã‚â¢",  # a cp1252 garble ftfy declines stays declined
    "Ђорђе Ђурђевић",  # real Serbian letters that are cp1251 continuations
    "Ελληνικά: «Γειά σου κόσμε»",
    "Преступление и наказание — роман Фёдора Достоевского",
]


@pytest.mark.parametrize("text", UNCHANGED)
def test_leaves_what_is_not_this_damage(text: str) -> None:
    assert cleantext.fix_encoding(text) == text
    assert not [r for r in single_byte_misread.find(text) if r.repaired != text[r.start : r.end]]


def test_needs_letters_from_more_than_one_pair() -> None:
    one = DamageModel("utf-8", "mac_roman").apply("ж")
    assert single_byte_misread.find(f"x {one} y") == []


def test_a_known_word_before_the_mark_it_ends_with_is_not_misread() -> None:
    """Romanian ``ARATĂ`` before ``“`` is ``C4 82 E2 80 9C`` as bytes, and read as
    cp1250 ``Ă“`` is UTF-8 for ``Ó``: ``ARATÓ`` is a Hungarian word, but ``ARATĂ``
    is a word too, written as words are."""
    assert cleantext.fix_encoding("Ea a spus „ARATĂ“ apoi") == "Ea a spus „ARATĂ“ apoi"


def test_a_western_reading_is_no_evidence_of_another_codec() -> None:
    """``å¤©`` is ``天`` read as Latin-1 and as cp1257 alike; beside it cp1257 reads
    ``ä¸æ`` (Latin-1 that lost the C1 bytes of ``下有``) as the extension-A ideograph
    ``䏿``.  Only the repairs Latin-1 would not make are evidence of cp1257, and three
    bytes are too few."""
    from cleantext.repair.models import Loss

    model = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)
    line = "TÜRKÇE。ambassador. стать €5, “February”: 悉文乃天下有. ALFANUM"
    assert "䏿" not in cleantext.fix_encoding(model.apply(line))


def test_a_lead_whose_c1_bytes_were_replaced_is_no_byte_of_another_codec() -> None:
    """Greek ``α’t`` read as Latin-1 with C1 bytes written ``?`` is ``Î±â??t``; MacRoman
    read ``Î±â`` as ``뱉``, taking the ``â`` whose lost bytes the marks after it
    stand for (``lossy_scan.py``, seeds 273 and 279)."""
    original = "leading’t Eufrates’t, Αλβανία’t A A。months Αλβανία’t A — “advantage” Le:"
    damaged = DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "뱉" not in fixed, fixed
    assert "λβανία" in fixed


def test_no_codec_reads_a_line_holding_latin_1_mojibake_it_cannot_write() -> None:
    """Chinese read as Latin-1 that lost its C1 bytes: cp1257, whose ``æ`` is the
    continuation byte ``BF``, read ``åæ±`` (what was left of ``力求``) as ``忱``, on
    a line whose ``ç\xa0`` (of ``研``) it has no byte for (word probe 188)."""
    from cleantext.repair.models import Loss

    original = "研制 他 力求 们 回来 –"
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert set(fixed) <= set(original) | set(damaged) | {"\ufffd"}, fixed


def test_no_codec_reads_a_line_holding_a_sequence_latin_1_cut_short() -> None:
    """Chinese read as Latin-1 that lost its C1 bytes: cp1257 read ``ä½æ`` (what was
    left of ``使``) as ``使`` and ``å²¸`` (``岸``, whose ``¸`` is cp1257's ``8F``) as
    ``岏``, on a line whose ``é¦`` and ``ä¼`` (of ``韦`` and ``会``) are three-byte
    leads with one continuation, read alike by both codecs (word probe 239)."""
    from cleantext.repair.models import Loss

    original = "但是 韦 主流 会 岸."
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert set(fixed) <= set(original) | set(damaged) | {"\ufffd"}, fixed


def test_no_byte_of_a_run_cp1252_reads_whole_is_read_in_another_codec() -> None:
    """Russian read as cp1252 is ``Ð½Ð°ÑƒÑ‡Ð½Ð¸`` (``научни``): MacRoman read the ``ƒÑ``
    ending ``у`` and beginning ``ч`` as ``Ą`` (``lossy_scan.py --models cp1252``,
    seed 94).  MacRoman's own mojibake of Russian is read as before (the table above)."""
    original = "possible – научния — научния, formado、المملكة – ‘formado’"
    damaged = DamageModel("utf-8", "cp1252", Loss.IGNORE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "Ą" not in fixed and "į" not in fixed, fixed
    assert "المملكة" in fixed
