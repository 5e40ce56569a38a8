"""Where a character may stand in a word, by the spelling of its script alone."""

from __future__ import annotations

from cleantext.repair.cp1252_sequences import candidates
from cleantext.repair.spelling import fitting

#: What cp1252 leaves of Hebrew ``א`` (D7 90) and ``ם`` (D7 9D), of the shin dot
#: (D7 81) and of two unassigned code points, once the second byte is lost.
HEBREW_LEAD = candidates("×")
#: ... and of Arabic ``ف`` (D9 81) and four vowel signs.
ARABIC_LEAD = candidates("Ù")


def test_a_final_form_ends_its_word() -> None:
    assert fitting(HEBREW_LEAD, "", letter_after=True) == ["א"]
    assert fitting(HEBREW_LEAD, "ישר", letter_after=True) == ["א"]
    # at a word's end either stands (``ניבים``, ``הוא``)
    assert fitting(HEBREW_LEAD, "ניבי", letter_after=False) == ["א", "ם"]


def test_a_mark_goes_on_a_letter() -> None:
    assert fitting(ARABIC_LEAD, "", letter_after=True) == ["ف"]
    assert fitting(ARABIC_LEAD, "«", letter_after=True) == ["ف"]
    assert len(fitting(ARABIC_LEAD, "ل", letter_after=True)) == 5
    # a character lost before the hole may have been a letter
    assert len(fitting(ARABIC_LEAD, "\ufffd", letter_after=True)) == 5


def test_the_shin_dot_goes_on_a_shin_only() -> None:
    assert "\u05c1" not in fitting(HEBREW_LEAD, "ב", letter_after=False)
    assert "\u05c1" in fitting(HEBREW_LEAD, "ש", letter_after=False)
    # past the dagesh already on it
    assert "\u05c1" in fitting(HEBREW_LEAD, "ש\u05bc", letter_after=False)


def test_unassigned_code_points_stand_nowhere() -> None:
    assert "\u05cd" in HEBREW_LEAD and "\u05cf" in HEBREW_LEAD
    assert not {"\u05cd", "\u05cf"} & set(fitting(HEBREW_LEAD, "ש", letter_after=False))
