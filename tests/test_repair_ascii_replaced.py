"""Runs of U+FFFD left where every byte of a character was lost (UTF-8 read as ASCII,
or Big5 / EUC-KR / EUC-JP reading English punctuation, with ``errors="replace"``)."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.repair import ascii_replaced
from cleantext.repair.models import ASCII_REPLACED_MODEL, DamageModel, Loss

LOST = "\ufffd"

#: (original, what the repair gives from its ASCII-replaced form)
DECIDED = [
    # an English contraction and a quotation opening before a word
    ("“If you’re coming, say so.", "“If you’re coming, say so."),
    # letters the word's lexicon fixes
    ("Zürich und Köln sind schön.", "Zürich und Köln sind schön."),
    # a spaced dash
    ("Le café est bon — vraiment.", "Le café est bon — vraiment."),
    # a hole no rule decides stays one U+FFFD: only a prior would pick a no-break space
    ("à Boileau.--Sire, c'est Molière.", f"{LOST} Boileau.--Sire, c'est Molière."),
]


@pytest.mark.parametrize(("original", "expected"), DECIDED)
def test_ascii_replaced_runs_are_repaired_from_context(original: str, expected: str) -> None:
    damaged = ASCII_REPLACED_MODEL.apply(original)
    assert LOST * 2 in damaged
    assert cleantext.fix_encoding(damaged) == expected


@pytest.mark.parametrize("codec", ["big5", "euc_kr", "euc_jp"])
def test_cjk_codecs_lose_english_punctuation_the_same_way(codec: str) -> None:
    original = "“If you’re coming up with a list, that would be one of them."
    damaged = DamageModel("utf-8", codec, Loss.REPLACE).apply(original)
    assert damaged == ASCII_REPLACED_MODEL.apply(original)
    assert cleantext.fix_encoding(damaged) == original


@pytest.mark.parametrize("codec", ["big5", "euc_kr", "euc_jp"])
def test_bare_runs_beside_cjk_text_are_not_guessed(codec: str) -> None:
    """Beside CJK characters a run is as often a lost ideograph as punctuation: no
    mark is written there (a dash was, before the runs were confined to ASCII)."""
    original = "在資訊科技快速發展的今天, 開發及測試軟體的速度是不容忽視的"
    damaged = DamageModel("utf-8", codec, Loss.REPLACE).apply(original)
    repaired = cleantext.fix_encoding(damaged)
    assert set(repaired) <= set(original) | set(damaged) | {LOST}


def test_only_lines_of_ascii_and_replacement_characters_are_read_as_ascii() -> None:
    text = "caf\u00e9 ok\nyou\ufffd\ufffd\ufffdre here\nd\u00e9j\u00e0 you\ufffd\ufffd\ufffdre"
    found = ascii_replaced.find(text)
    assert [(repair.start, repair.end, repair.repaired) for repair in found] == [
        (text.index(LOST), text.index(LOST) + 3, "’")
    ]


def test_a_single_replacement_character_is_not_a_run() -> None:
    assert ascii_replaced.find(f"caf{LOST} and you{LOST}re") == []
