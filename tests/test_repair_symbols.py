"""A symbol misread as one CJK character, confirmed by its place (repair/symbols.py).

``Copyright © 2019`` read as GBK is ``Copyright 漏 2019``: one ideograph for one
symbol gains too little on the scores to pass the margin, so only the symbol's
place (before a year, between numbers, after a digit) lets the repair through.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.repair import screen, screen_cjk, symbols
from cleantext.repair.models import CJK_CODECS

#: Western lines with symbols in their places, one shape or more each.
PLACED = [
    "Copyright © 2019 Example Inc. All rights reserved.",
    "© 2020 The Daily Example",
    "COPYRIGHT ©2021",
    "It was 21 °C at noon.",
    "Mix 5 × 3 tiles and 12 ÷ 4 cups.",
    "The result was 15 ± 1 mm.",
    "See Section § 12 and ¶ 3 of the contract.",
    "It cost £5 or ¥700, and the stamp 50 ¢ more.",
    "Add 1½ cups of flour and 2 ¾ cups of milk.",
    "Cells of 5 µm were counted.",
    "Home · About · Contact",
    "Il a dit « bonjour » hier.",
    "¿Qué pasa? ¡Hola, amigo!",
    "An area of 20 m² and a volume of 3 m³.",
    "She finished 2º in the race.",
    "Price:\u00a05 dollars, paid to Mr.\u00a0Smith.",
    "Hello \u00a0 world, and \u00a0 more.",
]


def _misreadings(line: str) -> list[tuple[str, str]]:
    """(codec, damaged) for every CJK codec that reads each symbol of ``line`` whole."""
    found = []
    for codec in CJK_CODECS:
        damaged = line.encode("utf-8").decode(codec, "replace")
        if "\ufffd" not in damaged and damaged != line:
            found.append((codec, damaged))
    return found


@pytest.mark.parametrize("line", PLACED)
def test_a_symbol_in_its_place_is_restored_under_every_codec(line: str) -> None:
    cases = _misreadings(line)
    assert cases, line  # every line is misread whole by at least one codec
    for codec, damaged in cases:
        repaired, plan = cleantext.fix_encoding_and_explain(damaged)
        assert repaired == line, (codec, damaged)
        assert all(change.model.startswith("utf-8 read as ") for change in plan)


def test_the_plan_says_which_place_confirmed_the_symbol() -> None:
    _, plan = cleantext.fix_encoding_and_explain("Copyright 漏 2019 Example Inc.")
    (change,) = plan
    assert change.before == "漏" and change.after == "©"
    assert "a copyright sign after 'Copyright' or before a year" in change.note


@pytest.mark.parametrize(
    "text",
    [
        "Item 路 Item",  # one middle dot: nothing says it separates a list
        "路 means road, 漏 means leak.",  # the characters, in no symbol's place
        "Copyright 漏 2019 版权所有",  # CJK beside it: Chinese, not a lost symbol
        "第3路公交车 5 路 3",  # a line of Chinese
        "他 3 名が参加した。",  # Japanese: 他 is "other"
        "Il a dit 芦 bonjour.",  # an opening guillemet that nothing closes
        "Kapitel 搂 drei",  # no number after the section sign
        "漏 20190",  # five digits: no year
        "Hello 聽 world",  # one spaced no-break space: nothing says it is one
        "聽 means listen",
    ],
)
def test_a_character_outside_a_symbols_place_is_left(text: str) -> None:
    assert cleantext.fix_encoding(text) == text


@pytest.mark.parametrize(
    ("window", "position"),
    [
        ("Copyright © 2019", 10),
        ("© 1999 BBC", 0),
        ("20 °C", 3),
        ("5×3", 1),
        ("x²", 1),
    ],
)
def test_each_shape_matches_its_place(window: str, position: int) -> None:
    assert symbols.placed_symbol_note(window, position, "漏") is not None


@pytest.mark.parametrize(
    ("window", "position"),
    [
        ("Mine © 19", 5),  # not a year, and no "Copyright" before it
        ("°C", 0),  # no number before the degree sign
        ("a × b", 2),  # letters, not numbers
        ("x² 中", 1),  # CJK near it
        ("A · B", 2),  # one separator
        ("a", 0),  # not a shaped symbol
    ],
)
def test_a_symbol_out_of_place_is_not_confirmed(window: str, position: int) -> None:
    assert symbols.placed_symbol_note(window, position, "漏") is None


def test_only_a_cjk_misreading_is_confirmed_by_its_place() -> None:
    """``В\xa0`` is a no-break space read as cp1251, or Russian ``В`` before one."""
    window = "Read more from the\xa0Washington Examiner"
    assert symbols.placed_symbol_note(window, 18, "聽") is not None
    assert symbols.placed_symbol_note(window, 18, "В\xa0") is None


def test_every_misread_symbol_is_one_character_some_codec_writes() -> None:
    for char, restored in symbols.misread_symbols().items():
        assert len(char) == 1 and not char.isascii()
        assert any(
            symbol.encode("utf-8").decode(codec, "replace") == char
            for symbol in restored
            for codec in CJK_CODECS
        ), char


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab7 路漏脳掳\n中。", max_size=50))
@example("Copyright 漏 2019 路 7路 a 路b")
@example("路\n7 路 漏7\n 漏")
def test_the_screen_finds_every_misread_symbol_near_a_letter_or_digit(text: str) -> None:
    """The positions come from the suspect lines; they are those of a plain scan."""
    placed = screen_cjk.placed_symbols()
    alnum = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    def near(index: int) -> list[str]:
        chars = [text[index - 1 : index], text[index + 1 : index + 2]]
        if index >= 2 and text[index - 1] == " ":
            chars.append(text[index - 2])
        if text[index + 1 : index + 2] == " ":
            chars.append(text[index + 2 : index + 3])
        return chars

    expected = [
        index
        for index, char in enumerate(text)
        if char in placed and any(other in alnum for other in near(index) if other)
    ]
    assert screen._placed_symbol_positions(text) == expected
    if expected:
        assert not screen.looks_clean(text)
