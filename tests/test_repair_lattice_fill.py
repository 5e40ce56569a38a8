"""Lost katakana, and ideographs beside another hole, chosen from the words around them
read side by side (:mod:`cleantext.repair.lattice_fill`)."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.repair import lattice_fill, word_lattice
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


@pytest.mark.parametrize("loss", LOSSES, ids=lambda loss: loss.value)
def test_a_word_longer_than_the_default_window_is_read_whole(loss: Loss) -> None:
    # GBK lost a byte of ``リ`` and of ``ー`` at the end of ``ドキュメンタリー``, eight
    # long: read six characters each side, ``ドキュ`` fell outside and ``リン`` won
    # (word probe 169)
    damaged = DamageModel("utf-8", "gbk", loss).apply("に ドキュメンタリー 冬季")
    assert "ドキュメンタリー" in cleantext.fix_encoding(damaged)


def test_katakana_running_into_a_hole_of_unknown_candidates_stays_open() -> None:
    katakana, particle = ("ト", "ド"), ("を", "に")
    # from the hole outwards: katakana, then a hole whose candidates are not known
    assert lattice_fill._into_the_unknown([("ス",), katakana, ()], word_lattice.is_katakana)
    # a hole that cannot be katakana ends the word first
    assert not lattice_fill._into_the_unknown([("ス",), particle, ()], word_lattice.is_katakana)
    assert not lattice_fill._into_the_unknown([("の",), ()], word_lattice.is_katakana)


@pytest.mark.parametrize("loss", LOSSES, ids=lambda loss: loss.value)
def test_a_particle_after_a_katakana_word_is_not_made_a_letter(loss: Loss) -> None:
    # the hole after ``ファイル`` is ``に`` (a particle); no katakana extends the word
    damaged = DamageModel("utf-8", "gbk", loss).apply("データをファイルに保存する")
    repaired = cleantext.fix_encoding(damaged)
    assert repaired.startswith("データをファイル")
    assert repaired[len("データをファイル")] in "に\ufffd"


def test_a_cluster_read_as_nothing_is_passed_over() -> None:
    # cp932 dropped bytes of ``九州``: a cluster read as nothing kept a hole past its
    # end, and reading the characters around it raised IndexError
    damaged = DamageModel("utf-8", "cp932", Loss.IGNORE).apply("欲しい けん 違う 九州 韓国!")
    assert isinstance(cleantext.fix_encoding(damaged), str)


def test_two_holes_side_by_side_make_no_word_of_their_candidates_alone() -> None:
    # ``小龙`` lost a byte of each: with nothing known between them, their candidates
    # alone make ``困难`` and other words; ``小`` had become ``困`` (word probe 163)
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("小龙 埃及 土地 单独 道 –")
    assert "困" not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    ("model", "original", "word"),
    [
        # cp932 dropped a byte of ``其`` and of ``妙``: ``莫名`` anchors the word
        (DamageModel("utf-8", "cp932", Loss.IGNORE), "传统 莫名其妙 上市 由 比赛…", "莫名其"),
        # C1 bytes of ``资`` and ``本`` deleted: ``主`` anchors ``资本主义``
        (DamageModel("utf-8", "latin-1", Loss.STRIP_C1), "加速 社区 遗产 资本主义 对,", "资"),
    ],
)
def test_an_ideograph_beside_another_hole_is_read_with_it(
    model: DamageModel, original: str, word: str
) -> None:
    repaired, plan = cleantext.fix_encoding_and_explain(model.apply(original))
    assert word in repaired
    assert any("completes the words around it" in change.note for change in plan)


def test_a_katakana_word_that_may_go_on_stays_open() -> None:
    # ``ミ`` lost a byte at the end of a run of katakana (a word cut short, lossy scan
    # 826): ``プログラム`` is listed, but ``プログラミ`` begins ``プログラミング``
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply("domestic Bessent なプログラミ; dos")
    repaired = cleantext.fix_encoding(damaged)
    assert "プログラム" not in repaired


def test_a_katakana_letter_beginning_a_run_no_listed_word_covers_stays_open() -> None:
    # ``ロ`` lost a byte at the start of ``ログラミング``, cut from ``プログラミング``
    # (lossy scan 855): ``モグラ`` is listed, but ``モグラミン`` begins no listed word
    damaged = DamageModel("utf-8", "gbk", Loss.REPLACE).apply("big € ログラミング;")
    repaired = cleantext.fix_encoding(damaged)
    assert "モ" not in repaired
    assert "グラミン" in repaired
    # a letter that begins a listed word spanning the run is still written
    lost_first = DamageModel("utf-8", "gbk", Loss.REPLACE).apply("big € モジュール;")
    assert cleantext.fix_encoding(lost_first) == "big € モジュール;"
