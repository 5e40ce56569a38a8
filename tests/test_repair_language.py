"""A lost letter that makes a word in several languages is decided by the line's language.

``form??`` (UTF-8 read as ASCII, both bytes of the last letter replaced) is Spanish
``formó``, French ``formé``, Czech ``formě`` or Romanian ``formă``; the lexicons
alone cannot choose, the rest of the line can (:mod:`cleantext.repair.language`).
"""

from __future__ import annotations

import pytest

import cleantext
from cleantext.repair import language
from cleantext.repair.models import DamageModel, Loss

ASCII_REPLACED = DamageModel("utf-8", "ascii", Loss.REPLACE)
FFFD = "\ufffd"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dios formó al hombre del polvo de la tierra y le dio la vida.", "es"),
        ("Il a formé un groupe avec ses amis de la ville et de la campagne.", "fr"),
        ("Bu bölüm ve bu kitap bir de sonra daha iyi olacak ama biz bunu istemiyoruz", "tr"),
        ("Az ember külön szobában lakott, de a ház nagy volt és szép is.", "hu"),
        ("La catedral de la ciutat és molt bonica i la gent és amable amb tothom", "ca"),
    ],
)
def test_a_line_names_its_language(line: str, expected: str) -> None:
    named = language.written_in(language.words_of(line))
    assert expected in named
    assert len(named) <= 2  # a close neighbour at most (Spanish and Portuguese)


def test_a_neighbour_sharing_the_common_words_is_outvoted() -> None:
    """Catalan's list knows ``de la al del`` as well as Spanish's, and ``hombre`` at
    Zipf 3.4: by weight alone it is within reach of Spanish.  Spanish knows four of
    the words far better, Catalan none: the line is Spanish alone, and ``form��``
    is ``formó``, not Catalan ``formò``."""
    line = "Dios formó al hombre del polvo de la tierra."
    assert language.written_in(language.words_of(line)) == frozenset({"es"})
    damaged = ASCII_REPLACED.apply(line)
    assert cleantext.fix_encoding(damaged) == line


def test_a_line_many_languages_claim_is_written_in_none() -> None:
    """Loanwords and names weigh alike in many lists: five languages claim this line,
    so none decides ``Do??u`` (Polish ``dołu`` or Turkish ``doğu``)."""
    line = "Do??u: Wykrycie ???things??? Broker fini??? ??? Hollande ??? El??? doubt???s."
    assert language.written_in(language.words_of(line)) == frozenset()
    assert cleantext.fix_encoding(line).startswith("Do??u")


def test_a_line_mixing_in_words_only_other_languages_list_is_written_in_none() -> None:
    """Polish knows three of these words and outweighs English, which knows the two
    others; a line with two words its language does not list mixes languages, and
    named Polish had made Big5's ``Do��u`` (Turkish ``Doğu``) the Polish ``Dołu``
    (lossy scan 827).  One such word leaves a line its language."""
    words = ("informacje", "concrete", "contacts", "blok", "aktywacja")
    assert language.written_in(words) == frozenset()
    assert language.written_in(("informacje", "concrete", "blok", "aktywacja")) == {"pl"}
    original = "INFORMACJE concrete – NÉ – Doğu: contacts, BLOK – AKTYWACJA"
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply(original)
    assert "Dołu" not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    "line",
    [
        "Kvalitāte vēl viss par maiņas",  # Latvian: vēl, not Romanian văl
        "Mēs vēl neesam gatavi šim darbam",
        "SÓN SITUACIÓ GOVERN TE GÒTICA,",  # Catalan: GÒTICA, not Spanish GÓTICA
    ],
)
def test_letters_of_the_languages_the_lexicons_hold_are_not_another_s(line: str) -> None:
    """A letter that lost its C1 byte is chosen among the words of the languages that
    write it; a language missing there has its words read as a neighbour's."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(line)
    fixed = cleantext.fix_encoding(damaged)
    assert len(fixed) == len(line)
    assert all(got in (want, "\ufffd") for got, want in zip(fixed, line, strict=True)), fixed
    assert fixed != damaged


@pytest.mark.parametrize(
    "line",
    [
        "They formed a new group with their friends in the city last year.",
        "Trump has described the talks as a feel-out meeting, and nothing more.",
        "de la",  # too few words to tell
    ],
)
def test_english_and_short_lines_name_no_language(line: str) -> None:
    assert language.written_in(language.words_of(line)) == frozenset()


def test_only_whole_latin_words_count() -> None:
    assert language.words_of(f"«Señor» form{FFFD}{FFFD} 1895 Москва a (hombre)") == (
        "señor",
        "hombre",
    )


@pytest.mark.parametrize(
    ("line", "named"),
    [
        # one lost letter: the letters are scored again in the line's language
        ("Dios formó al hombre del polvo de la tierra y le dio la vida.", "in the line's language"),
        (
            "Il a formé un groupe avec ses amis de la ville et de la campagne.",
            "in the line's language",
        ),
        # two lost letters in a word (``b?l?m`` fits words of several languages): the
        # lexicon is asked in the line's language alone
        ("Bu bölüm ve bu kitap bir de sonra daha iyi olacak ama biz bunu istemiyoruz", "(tr)"),
        # (``h��z`` would stay: ``ház``, Zipf 5.3, and ``húz``, 3.9, are both Hungarian)
        ("Az ember külön szobában lakott, de a szoba nagy volt, szép is.", "(hu)"),
    ],
)
def test_lost_letters_take_the_line_s_language(line: str, named: str) -> None:
    damaged = ASCII_REPLACED.apply(line)
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == line
    assert any(named in change.note for change in plan.changes)


def test_the_line_s_language_is_asked_for_letters_outside_its_alphabet() -> None:
    """Catalan writes no ``á``, but its list holds Spanish names (``hernández``, Zipf
    3.9, against its own ``hernàndez``, 3.0): asked only for the letters of its
    alphabet, it had made ``hern��ndez`` the Catalan spelling (``word_probe.py``,
    seed 57).  The two are too close to choose, so the hole stays."""
    line = "La ciutat de la gent que hernández va dir i la nit"
    assert "ca" in language.written_in(language.words_of(line))
    repaired = cleantext.fix_encoding(ASCII_REPLACED.apply(line))
    assert "hernàndez" not in repaired
    assert f"hern{FFFD}" in repaired


def test_in_an_english_line_the_letter_stays_lost() -> None:
    """Romanian ``formă`` is the most frequent fit, but nothing says the word is Romanian."""
    damaged = f"They form{FFFD}{FFFD} a new group with their friends in the city last year."
    assert cleantext.fix_encoding(damaged) == damaged


def test_the_same_word_in_an_english_line_stays_lost() -> None:
    damaged = ASCII_REPLACED.apply("The bölüm was printed again in the spring of that year.")
    assert cleantext.fix_encoding(damaged) == damaged


@pytest.mark.parametrize(
    ("line", "lost"),
    [
        # Portuguese TÃO (Zipf 5.9), Spanish TÍO (4.6) and Polish TŁO (4.2) fit: in a
        # line of no clear language, frequency in each word's own language decides nothing
        ("Album art: TŁO, by the Seoul band.", True),
        # the line's language decides: each comes back
        ("Nowe TŁO dla całej ekipy, jak zawsze.", False),
        ("Ele está TÃO feliz com a casa nova.", False),
        ("Era mi TÍO, el hermano de mi padre.", False),
    ],
)
def test_rival_words_of_different_languages_need_the_line_s_language(line: str, lost: bool) -> None:
    damaged = ASCII_REPLACED.apply(line)
    repaired = cleantext.fix_encoding(damaged)
    assert repaired == (damaged if lost else line)


def test_a_line_of_close_neighbours_does_not_choose_between_their_words() -> None:
    """``ni vet du`` is Swedish, Danish and Norwegian alike; ``h��j`` is Swedish
    ``höj`` or Danish ``høj`` (commoner in its list), and the line, naming both
    languages, cannot tell which (``høj`` had been written; ``word_probe.py``, seed
    60).  A line of one language still decides: ``form?`` in Spanish is ``formó``."""
    damaged = ASCII_REPLACED.apply("höj ni vet gången du!")
    assert "ø" not in cleantext.fix_encoding(damaged)
    spanish = "Entonces el Señor Dios formó al hombre del polvo de la tierra"
    assert "formó" in cleantext.fix_encoding(ASCII_REPLACED.apply(spanish))


def test_a_word_just_above_where_its_list_stops_does_not_decide_alone() -> None:
    """``repos��`` is the French ``reposé`` (Zipf 3.1), the only word the lists hold,
    for they stop near Zipf 3: the Spanish ``reposó`` (1.8) is below its list
    (``lossy_scan.py``, seed 328).  On a line in no clear language the hole stays
    open; in a French line the line vouches for ``étoffe`` (3.4)."""
    damaged = ASCII_REPLACED.apply("‘Foreign’ A A A A A A A reposó: “Cold”, ‘goal’ succeeds")
    assert "reposé" not in cleantext.fix_encoding(damaged)
    french = ASCII_REPLACED.apply("bien Swift, déchirer l'étoffe avec la doublure")
    assert "l'étoffe" in cleantext.fix_encoding(french)
