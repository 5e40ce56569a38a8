"""Lost katakana bytes chosen from the Japanese words around them
(``word_fill.fill_from_katakana_words``)."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.repair import word_fill, word_lattice
from cleantext.repair.models import DamageModel, Loss

LOSSES = [Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION]


def test_the_lexicon_holds_long_loanwords_and_the_particles() -> None:
    lexicon = word_lattice.japanese()
    assert "モジュール" in lexicon.words  # five characters: longer than the other words kept
    assert "コンピューター" in lexicon.words
    assert "を" in lexicon.words and "に" in lexicon.words
    assert lexicon.longest >= len("コンピューター")


def test_the_middle_dot_is_no_katakana_letter() -> None:
    assert word_lattice.is_katakana("ア") and word_lattice.is_katakana("ー")
    assert not word_lattice.is_katakana("・")
    assert not word_lattice.is_katakana("あ")


@pytest.mark.parametrize("loss", LOSSES, ids=lambda loss: loss.value)
@pytest.mark.parametrize(
    ("original", "word"),
    [
        # GBK lost the last byte of ``モ`` (``E3 83 A2``) and of ``リ``: a katakana of 64
        ("必要な機能は拡張モジュールとして追加する", "拡張モジュール"),
        ("多くのスクリプト系言語", "スクリプト"),
    ],
)
def test_lost_katakana_bytes_are_restored_from_words(original: str, word: str, loss: Loss) -> None:
    damaged = DamageModel("utf-8", "gbk", loss).apply(original)
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert word in repaired
    assert any("completes a Japanese word" in change.note for change in plan)


@pytest.mark.parametrize("codec", ["gbk", "cp932", "shift_jis"])
@pytest.mark.parametrize(
    ("original", "word"),
    [
        # GBK lost a byte of ``キ`` and of ``ン``: read without the other hole,
        # ``ャンペー`` and a hole had made ``ャンペーー``
        ("分離 放棄 出 の キャンペーン!", "キャンペーン"),
        # cp932 lost a byte of ``テ`` and of ``ト``: ``ディ`` fits ``アー`` and ``ィス`` as well
        ("アーティスト に は ターミナル", "アーティスト"),
    ],
)
def test_holes_side_by_side_are_read_together(original: str, word: str, codec: str) -> None:
    damaged = DamageModel("utf-8", codec, Loss.IGNORE).apply(original)
    repaired = cleantext.fix_encoding(damaged)
    assert word in repaired
    assert "ーー" not in repaired and "ディ" not in repaired


def test_katakana_running_into_a_hole_of_unknown_candidates_stays_open() -> None:
    katakana, particle = ("ト", "ド"), ("を", "に")
    # from the hole outwards: katakana, then a hole whose candidates are not known
    assert word_fill._katakana_into_the_unknown([("ス",), katakana, ()])
    # a hole that cannot be katakana ends the word first
    assert not word_fill._katakana_into_the_unknown([("ス",), particle, ()])
    assert not word_fill._katakana_into_the_unknown([("の",), ()])


@pytest.mark.parametrize("loss", LOSSES, ids=lambda loss: loss.value)
def test_a_particle_after_a_katakana_word_is_not_made_a_letter(loss: Loss) -> None:
    # the hole after ``ファイル`` is ``に`` (a particle); no katakana extends the word
    damaged = DamageModel("utf-8", "gbk", loss).apply("データをファイルに保存する")
    repaired = cleantext.fix_encoding(damaged)
    assert repaired.startswith("データをファイル")
    assert repaired[len("データをファイル")] in "に\ufffd"
