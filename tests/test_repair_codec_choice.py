"""Which of ftfy's single-byte codecs a line was read in, where several fit.

ftfy takes the first codec in its list whose bytes read as UTF-8; cp1250, cp1257
and ISO 8859-2 share letters at different bytes, and the first is often wrong.
"""

from __future__ import annotations

import ftfy
import pytest

import cleantext
from cleantext.repair.models import DamageModel

# (original, the codec it was read in, what ftfy writes)
FTFY_PICKS_ANOTHER_CODEC = [
    # ISO 8859-2's ``Ă ś``: cp1250 writes them ``C3 9C``
    ("spätestens im hören möglichkeit den", "iso-8859-2", "spätestens im hÜren mÜglichkeit den"),
    ("Sa qui que scène erronée!", "iso-8859-2", "Sa qui que scène erronÊe!"),
    ("unikt karriären min så det!", "iso-8859-2", "unikt karriären min sü det!"),
    # cp1257's ``Ć¤``: cp1250 writes them ``C6 A4``
    ("beiträgen anwesend lächeln es aussen", "cp1257", "beitrƤgen anwesend lƤcheln es aussen"),
]


@pytest.mark.parametrize(("original", "codec", "by_ftfy"), FTFY_PICKS_ANOTHER_CODEC)
def test_the_codec_whose_reading_holds_the_known_words_is_taken(
    original: str, codec: str, by_ftfy: str
) -> None:
    damaged = DamageModel("utf-8", codec).apply(original)
    assert ftfy.fix_encoding(damaged) == by_ftfy  # the case: ftfy's first codec reads it too
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == original
    assert [change.model for change in plan] == [
        f"utf-8 read as {'windows-1257' if codec == 'cp1257' else codec}"
    ]


@pytest.mark.parametrize(
    "original",
    ["Zażółć gęślą jaźń", "Příliš žluťoučký kůže úpěl ďábelské ódy."],
)
@pytest.mark.parametrize("codec", ["cp1250", "iso-8859-2"])
def test_a_reading_both_codecs_make_alike_is_ftfy_s(original: str, codec: str) -> None:
    damaged = DamageModel("utf-8", codec).apply(original)
    assert cleantext.fix_encoding(damaged) == ftfy.fix_encoding(damaged) == original


@pytest.mark.parametrize(
    "original",
    [
        "volit estonsko jednání hrozí se:",
        "Do nadšení odchází by gary:",
        "A kezedet így változások a",
    ],
)
def test_a_piece_two_codecs_read_differently_is_read_as_the_commoner_word(original: str) -> None:
    """ftfy reads no piece of these lines (``ĂĄ`` is ``á`` in ISO 8859-2 and ``å`` in
    cp1250); read piece by piece, cp1250, tried first, had won each tie."""
    damaged = DamageModel("utf-8", "iso-8859-2").apply(original)
    assert cleantext.fix_encoding(damaged) == original


def test_pieces_two_codecs_read_apart_are_both_kept() -> None:
    """cp1254 read two syllables of this Korean line and cp1250 the others: the
    pieces do not overlap, so no word weighs one codec against the other."""
    original = "이 들 할 같 시인,"
    assert cleantext.fix_encoding(DamageModel("utf-8", "cp1250").apply(original)) == original
