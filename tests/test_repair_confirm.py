"""Whole-word confirmation (repair/confirm.py): which changes complete a common word."""

from __future__ import annotations

import pytest

from cleantext.repair import confirm


def _change(text: str, damaged: str, replacement: str) -> tuple[int, int, str]:
    start = text.index(damaged)
    return start, start + len(damaged), replacement


@pytest.mark.parametrize(
    ("text", "damaged", "replacement", "word"),
    [
        ("appartient ce vers, vГ©ritable devise", "Г©", "é", "véritable"),
        ("JEAN-BAPTISTE POQUELIN MOLIГ€RE", "Г€", "È", "MOLIÈRE"),
        ("Se├▒or Dios", "├▒", "ñ", "Señor"),
        ("директор училищ", "ищ", "ищ", "училищ"),  # a word at the text's end
        ("в Москве", "Москве", "Москве", "Москве"),
    ],
)
def test_a_change_completing_a_common_word_is_confirmed(
    text: str, damaged: str, replacement: str, word: str
) -> None:
    assert confirm.confirming_notes(text, [_change(text, damaged, replacement)]) == (
        f"completes the word {word!r}",
    )


@pytest.mark.parametrize(
    ("text", "damaged", "replacement"),
    [
        ("à la vГ©", "Г©", "é"),  # 'vé': shorter than MIN_LETTERS
        ("ein xГ©qzt hier", "Г©", "é"),  # 'xéqzt' is no word
        ("sopl├│ en", "├│", "ó"),  # 'sopló' is a word, but rarer than CONFIRM_ZIPF
        ("VГ©rItable", "Г©", "é"),  # mixed case inside the word
        ("cafГ©ж", "Г©", "é"),  # Latin and Cyrillic in one word
        ("caf├▒ 5", "├▒", "—"),  # a dash completes no word
        ("x" * 40 + "Г©", "Г©", "é"),  # a run of letters longer than any word
    ],
)
def test_a_change_completing_no_common_word_is_not(
    text: str, damaged: str, replacement: str
) -> None:
    assert confirm.confirming_notes(text, [_change(text, damaged, replacement)]) is None


def test_every_different_change_must_complete_a_word() -> None:
    text = "vГ©ritable et xГ«qzt"
    first = _change(text, "Г©", "é")
    second = _change(text, "Г«", "ë")
    assert confirm.confirming_notes(text, [first]) == ("completes the word 'véritable'",)
    assert confirm.confirming_notes(text, [first, second]) is None


def test_the_same_misreading_is_confirmed_by_a_word_it_completes_elsewhere() -> None:
    text = "Dios form├│ al hombre, y sopl├│ en su nariz"  # 'sopló' is rarer than the bar
    formed = _change(text, "├│", "ó")
    blown = (text.rindex("├│"), text.rindex("├│") + 2, "ó")
    assert confirm.confirming_notes(text, [blown]) is None
    assert confirm.confirming_notes(text, [blown, formed]) == (
        "the same misreading completes the word 'formó'",
        "completes the word 'formó'",
    )
    # the same damaged characters with another replacement are another misreading
    other = (blown[0], blown[1], "ò")
    assert confirm.confirming_notes(text, [other, formed]) is None


def test_two_changes_in_one_word_are_read_together() -> None:
    text = "exagГ©rГ©"  # both changes inside one word: each sees the other repaired
    first = (4, 6, "é")
    second = (7, 9, "é")
    assert confirm.confirming_notes(text, [second, first]) == (
        "completes the word 'exagéré'",
        "completes the word 'exagéré'",
    )


def test_an_opening_mark_where_a_word_begins_comes_with_its_letters() -> None:
    """``„l`` read from ``窶柩`` opens ``linking``; the ``窶`` that lost its last byte
    after the word is no letter of it.  Glued after a letter, a mark opens nothing."""
    assert confirm.confirming_notes("窶柩inking窶 A", [(0, 2, "„l")]) == (
        "completes the word 'linking'",
    )
    assert confirm.confirming_notes("x窶柩inking窶 A", [(1, 3, "„l")]) is None


@pytest.mark.parametrize(
    ("text", "damaged", "replacement"),
    [
        ("appartient ce vers, vГ©ritable devise", "Г©", "é"),
        ("JEAN-BAPTISTE POQUELIN MOLIГ€RE", "Г€", "È"),
        ("Se├▒or Dios", "├▒", "ñ"),
        ("директор училищ", "ищ", "ищ"),
        ("pochopi聽 to", "聽", "ť"),
        ("pochopi聽 to", "聽", "x"),
        ("a" * 40 + "聽b", "聽", "é"),  # a run longer than any word
        ("x聽", "聽", "é"),  # too short
    ],
)
def test_one_change_of_letters_completes_a_word_as_the_notes_say(
    text: str, damaged: str, replacement: str
) -> None:
    """The engine asks of every repair it ranks whether its letters complete a word,
    with a lookup that builds no window; it answers as :func:`confirming_notes` does."""
    start, end, _ = _change(text, damaged, replacement)
    notes = confirm.confirming_notes(text, [(start, end, replacement)])
    assert confirm.completes_a_common_word(text, start, end, replacement) == (notes is not None)
