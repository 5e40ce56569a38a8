"""Letters restored from a whole-word lexicon match, for words that lost bytes in several places.

UTF-8 read as Latin-1 with the C1 characters lost leaves a word like ``ROZDZIELCZOÅÄ``
(``ROZDZIELCZOŚĆ``) or ``Ð´Ð¸ÑÐµÐºÑÐ¾Ñ`` (``директор``) with two or three holes; no
single hole is decided by its neighbours, the whole word is (:mod:`cleantext.repair.lexicon`).
"""

from __future__ import annotations

import pytest

import cleantext
from cleantext.repair import latin_lossy, lexicon
from cleantext.repair.models import LATIN1_LOSSY_MODELS, DamageModel, Loss
from cleantext.repair.words import LANGUAGES_BY_LETTER, zipf

FFFD = DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD)
H = frozenset


@pytest.mark.parametrize("model", LATIN1_LOSSY_MODELS, ids=lambda model: model.loss.value)
@pytest.mark.parametrize(
    "line",
    ['"KW-P02-27";"ROZDZIELCZOŚĆ VIDEO:"', '"KW-P05-06";"WŁĄCZONY"', '"KW-P12-02";"WŁĄCZ"'],
)
def test_polish_words_with_two_holes_come_back(model: DamageModel, line: str) -> None:
    damaged = model.apply(line)
    assert damaged != line
    assert cleantext.fix_encoding(damaged) == line


def test_each_filled_hole_is_in_the_plan_with_its_word() -> None:
    fixed, plan = cleantext.fix_encoding_and_explain('"KW-P05-06";"WÅÄCZONY"')
    assert fixed == '"KW-P05-06";"WŁĄCZONY"'
    changes = [change for change in plan if change.after in ("Ł", "Ą")]
    assert [change.before for change in changes] == ["Å", "Ä"]
    for change in changes:
        assert "lexicon" in change.note and "'włączony'" in change.note
        assert "'w??czony'" in change.note


def test_cyrillic_word_with_three_holes_is_restored() -> None:
    damaged = FFFD.apply("Однако директор посоветовал молодому человеку")
    assert cleantext.fix_encoding(damaged) == "Однако директор посоветовал молодому человеку"


def test_a_name_the_lexicon_does_not_know_keeps_its_holes() -> None:
    """``Аарау`` (a Swiss town) has three holes and two known letters: no guess."""
    original = "школы в Аарау сегодня"
    fixed = cleantext.fix_encoding(FFFD.apply(original))
    assert len(fixed) == len(original)
    assert all(got in (want, "\ufffd") for got, want in zip(fixed, original, strict=True))
    assert fixed.split()[2] == "\ufffdа\ufffdа\ufffd"


def test_deleted_c1_in_cyrillic_is_not_taken_for_legacy_text() -> None:
    """``Ð´Ð¸ÑÐµÐºÑÐ¾Ñ`` is made of non-ASCII words like cp1251 read as Latin-1, but
    most of its characters pair up into complete UTF-8 sequences."""
    model = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)
    damaged = model.apply("Однако директор посоветовал молодому человеку")
    repairs = latin_lossy.find(damaged, replaced=False)
    assert any(repair.repaired == "р" for repair in repairs)
    assert not latin_lossy.find("Ïðèâåò, ìèð! Êàê äåëà?", replaced=False)


def test_unique_match_fills_every_hole() -> None:
    pattern = ("д", "и", H("рст"), "е", "к", H("рст"), "о", H("рст"))
    filled = lexicon.fill(pattern, ("ru",))
    assert [(hole.position, hole.letter) for hole in filled] == [(2, "р"), (5, "т"), (7, "р")]
    assert all("'директор'" in hole.note for hole in filled)


def test_loose_patterns_are_left_alone() -> None:
    # Two short words fit (``от``, ``ор``...), or nothing is known at all.
    assert lexicon.fill(("о", H("рст")), ("ru",)) == ()
    assert lexicon.fill((H("рст"), H("ая")), ("ru",)) == ()


def test_every_language_asked_is_indexed_once() -> None:
    """A damaged corpus asks many languages in turn; none may be indexed twice.

    With a cache smaller than the languages asked, the first pass over 80 damaged
    documents rebuilt 29 indexes (0.1 s each).
    """
    languages = tuple(sorted({lang for langs in LANGUAGES_BY_LETTER.values() for lang in langs}))
    languages += ("ru", "uk", "bg", "mk", "el")
    assert len(languages) >= 15
    lexicon._index.cache_clear()
    for _ in range(2):
        lexicon.fill.cache_clear()  # so that each round looks the words up again
        for language in languages:
            lexicon.fill(("q", H("ab"), *language), (language,))  # one lookup per language
    assert lexicon._index.cache_info().misses == len(languages)


@pytest.mark.parametrize("language", ["pl", "ru"])
def test_the_index_built_one_length_at_a_time_finds_what_a_scan_finds(language: str) -> None:
    """Postings built lazily per length hold exactly the words a plain scan of the
    list finds, and the alphabet counts every letter of every listed word."""
    index = lexicon._index(language)
    assert index is not None
    listed = [
        word
        for word, frequency in index.frequencies.items()
        if frequency > 0 and len(word) <= 32 and word.isalpha()
    ]
    for length in (2, 5, 9, 14):
        words = index.words(length)
        assert sorted(words) == sorted(word for word in listed if len(word) == length)
        for (position, letter), numbers in index.postings(length).items():
            assert {words[number] for number in numbers} == {
                word for word in words if word[position] == letter
            }
    counts: dict[str, int] = {}
    for word in listed:
        for letter in word:
            counts[letter] = counts.get(letter, 0) + 1
    assert index.alphabet == {letter for letter, count in counts.items() if count >= 50}


def test_greek_words_end_in_final_sigma() -> None:
    """wordfreq casefolds ``ς`` to ``σ``; the lexicon reads its Greek words back as
    written: a lost last letter is ``ς``, a known last ``ς`` matches, and a word
    spelt with ``σ`` at its end (or ``ς`` inside) is no word (``επίσης``, "also",
    had come back as ``επίσησ``)."""
    sigmas = H("σς")
    assert [f.letter for f in lexicon.fill((*"επίση", sigmas), ("el",))] == ["ς"]
    assert [f.letter for f in lexicon.fill(("ε", H("πρ"), *"ίσης"), ("el",))] == ["π"]
    assert zipf("επίσης", "el") > 5 and zipf("επίσησ", "el") == 0.0
    assert zipf("σας", "el") > 5 and zipf("ςας", "el") == 0.0
    deleted = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)
    for text in ("επίσης", "είναι επίσης και"):
        assert cleantext.fix_encoding(deleted.apply(text)) == text


def test_inflections_the_lexicon_may_lack_are_not_guessed() -> None:
    """Two listed words differing only in the hole (``nadzieją``/``nadzieję``) tie."""
    assert lexicon.fill((*"nadziej", H("ąę")), ("pl",)) == ()


def test_one_word_does_not_leave_a_language_out() -> None:
    """One Bulgarian word (``насочено``) is too little to ask Bulgarian alone:
    Russian's ``западе`` rivals Bulgarian's ``запада``, so the hole stays open;
    Bulgarian decides where the window shows it in several words."""
    hole = ("а", "е", "и", "о")
    cells: list[lexicon.Cell] = [" ", *"насочено", " ", *"запад", hole, " "]
    assert lexicon.fill_words(cells, {}) == {}
    cells = [" ", *"насочено", " ", *"човек", " ", *"право", " ", *"запад", hole, " "]
    filled = lexicon.fill_words(cells, {})
    assert list(filled) == [len(cells) - 2]
    assert filled[len(cells) - 2][0] == "а"
    assert "(bg/mk)" in filled[len(cells) - 2][1]


def test_a_stem_that_inflects_keeps_its_last_hole_open() -> None:
    """``мышлени?`` fits one listed word (``мышления``, Zipf 4.0) among the letters
    ``D1 8x`` can be; but the lists also end the stem with ``е``, so it inflects
    there, and a form they lack (``мышлению``, Zipf 2.8) may have been written.
    A stem with no other ending listed is filled as before."""
    d1_letters = H("рстуфхцчшщъыьэюя")
    assert lexicon.fill((*"мышлени", d1_letters), ("ru",)) == ()
    filled = lexicon.fill((*"ди", d1_letters, *"ек", d1_letters, "о", d1_letters), ("ru",))
    assert [f.letter for f in filled] == ["р", "т", "р"]
    line = "Responsible… PNG™… US!… overcome; мышлению €5 — BIAŁA"
    damaged = DamageModel("utf-8", "shift_jis", Loss.REPLACE_QUESTION).apply(line)
    assert "мышления" not in cleantext.fix_encoding(damaged)


def test_the_word_of_a_hole_runs_on_through_a_repaired_neighbour() -> None:
    """``GrÃ¼Ãe``: ``Ã¼`` is ``ü``, and the hole after it is in ``Grü?e``, whose
    ``?`` is ``ß``; read from the neighbour alone it was ``ü?e``, the Turkish
    ``üçe``, and the hole had become ``Ç``."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("Grüße aus dem Haus – €5")
    assert damaged.startswith("GrÃ¼Ãe")
    assert cleantext.fix_encoding(damaged).startswith("Grüße aus dem Haus")


def test_mixed_case_and_mixed_scripts_are_left_alone() -> None:
    cells: list[lexicon.Cell] = [" ", "M", "c", ("Ł", "ł"), "o", "n", "a", "l", "d", " "]
    assert lexicon.fill_words(cells, {"ł": ("pl",), "Ł": ("pl",)}) == {}
    cells = [" ", "d", "i", ("р", "с", "т"), "e", "k", " "]  # Latin letters, Cyrillic hole
    assert lexicon.fill_words(cells, {}) == {}


def test_a_word_at_the_edge_of_the_window_is_left_alone() -> None:
    cells: list[lexicon.Cell] = [None, "д", "и", ("р", "с", "т"), "е", "к", ("р", "с", "т")]
    cells += ["о", ("р", "с", "т"), " "]
    assert lexicon.fill_words(cells, {}) == {}
    assert set(lexicon.fill_words(["\n", *cells[1:]], {})) == {3, 6, 8}


@pytest.mark.parametrize("unit", ["ÑÐµ ", "ÑÐµÐµ ", "Ð", "ÑÑÑ", "WÅÄ ", "Å\ufffd"])
def test_long_runs_of_holes_return_a_string(unit: str) -> None:
    assert isinstance(cleantext.fix_encoding(unit * 20_000), str)


@pytest.mark.parametrize(
    "text",
    ["Ñoño y ÑANDÚ", "Åland och Ålesund", "ÐÐ ÐÐÐ", "Zürich — Ærø", "ÄÖÜ Straße"],
)
def test_real_latin1_words_stay(text: str) -> None:
    assert cleantext.fix_encoding(text) == text


def test_kana_lost_in_japanese_is_not_taken_for_a_comma() -> None:
    """Two lost bytes after ``E3`` could be ``、`` or dozens of kana: in Japanese text
    (most three-byte sequences lead with E3) the hole stays a hole."""
    original = "言語自体の機能は最小限に押さえ、必要な機能は拡張モジュールとして追加する"
    fixed = cleantext.fix_encoding(FFFD.apply(original))
    assert "\ufffd" in fixed
    assert "、" not in fixed  # before, several kana came back as commas


def test_chinese_full_stop_after_lost_bytes_stays_decided() -> None:
    original = "北京今天天气很好，我们下午一起去公园散步吧。"
    for codec in ("gbk", "gb18030"):
        damaged = DamageModel("utf-8", codec, Loss.IGNORE).apply(original)
        assert cleantext.fix_encoding(damaged).endswith("吧。")


def test_greek_with_c1_replaced_is_repaired_before_ftfy_reads_it() -> None:
    """``ÎµÏ\ufffdÎ¯Ï\ufffdÎ·Î¼Î·``: the U+FFFD after each lead pairs up like a complete
    UTF-8 sequence, so the line is not taken for legacy text; ``επίσημη`` fits alone."""
    damaged = FFFD.apply("Η ελληνική γλώσσα είναι η επίσημη γλώσσα της Ελλάδας")
    assert "επίσημη" in cleantext.fix_encoding(damaged).split()


@pytest.mark.parametrize(
    "line",
    [
        "Mluvčí řekl, že je to velký úspěch. Pak odešel.",
        "Ve středu večer přišlo do kina třicet lidí.",
    ],
)
def test_c1_deleted_latin1_line_is_read_before_ftfy_rereads_its_lossless_pieces(
    line: str,
) -> None:
    """``MluvÄÃ\\xad``: ftfy alone makes ``Ã\\xad`` ``í`` and leaves ``MluvÄí``, where the
    lost byte no longer sits in a word the lexicon reads; read whole, it is ``Mluvčí``."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(line)
    assert cleantext.fix_encoding(damaged) == line


def test_lines_with_other_characters_go_to_ftfy_first() -> None:
    """``Ä±`` beside ``ź`` is UTF-8 read as cp1250, which ftfy repairs whole: the
    lossy-Latin reading of the line's ``Ä`` does not come first."""
    line = "Kostantiniyye Osmanlı İmparatorluğu tarafından başkenti"
    damaged = line.encode("utf-8").decode("cp1250")
    assert cleantext.fix_encoding(damaged) == line


@pytest.mark.parametrize(
    ("line", "restored"),
    [
        ("OBYVATEĽOV V SKÔR MÔŽU TECHNICKÉ:", "MÔŽU"),
        ("přidal na významu ucha dokáže,", "přidal"),
        ("Výrazné blíží byla brankář první.", "brankář"),
    ],
)
def test_a_cp1252_character_ftfy_would_write_keeps_no_line_from_the_lexicon(
    line: str, restored: str
) -> None:
    """ftfy reads ``Å½`` of Slovak ``MÃÅ½U`` (``MÔŽU``, its ``94`` deleted) as ``Ž``,
    and ``ÃŽ`` then looked like cp1252 read after a lead: the line was left to ftfy,
    and the cp1252 family read ``SKÃR`` as Icelandic ``SKÝR`` (word probe 165).  A line
    of Latin-1 alone holds no cp1252 character but ftfy's: it is read first, whole."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(line)
    fixed = cleantext.fix_encoding(damaged)
    assert restored in fixed.split()
    assert "SKÝR" not in fixed
    assert set(fixed) <= set(line) | {"\ufffd"}


def test_a_lead_before_a_question_mark_stays_ftfy_s() -> None:
    """Under C1 bytes written as ``?``, ``dážď`` is ``dÃ¡Å¾Ä?``; with a space after
    it, the ``?`` could as well end a sentence, so the line is not read before ftfy
    as deleted bytes, which would keep the ``?`` as a question mark (``dážď?``)."""
    damaged = DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION).apply("A nej a dážď majú.")
    assert "?" in damaged
    assert "ď?" not in cleantext.fix_encoding(damaged)


def test_a_capital_inside_a_lowercase_word_is_damage_not_a_word() -> None:
    """Polish ``się`` that lost its C1 byte is ``siÄ``; lowercased, that is Finnish
    ``siä``, but no word is written with a capital after lowercase letters."""
    line = "Próba generalna się udała, powiedział dyrektor teatru."
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(line)
    assert "siÄ " in damaged
    assert cleantext.fix_encoding(damaged) == line


def test_copies_of_a_damaged_word_on_a_line_are_repaired_alike() -> None:
    """Read as ASCII, ``Doğu — Doğu`` beside Polish words is ``Do��u — Do��u``.  The
    lexicon made the first ``Dołu`` (Polish, the line's language) and left the second
    undecided: one word twice cannot be two, so both stay undecided
    (``lossy_scan.py``, seed 280)."""
    original = "USTAW — USTAW. Doğu — Doğu — ROZBRAJANIE; „Aboard“ – creó"
    damaged = DamageModel("utf-8", "ascii", Loss.REPLACE).apply(original)
    fixed, plan = cleantext.fix_encoding_and_explain(damaged)
    assert "Dołu" not in fixed, fixed
    assert fixed.count("Do\ufffdu") == 2
    assert any("a copy of the word was read otherwise" in change.note for change in plan)


def test_a_word_the_repairs_completed_speaks_for_the_line_too() -> None:
    """EUC-JP with U+FFFD: ``Do��u KAMERY ba��l脹klar``.  Polish ``KAMERY`` made the
    line Polish, and ``Do��u`` the Polish ``Dołu``; the ``başlıklar`` the repairs
    complete beside it is Turkish, whose ``Doğu`` fits as well (``lossy_scan.py``,
    seed 579).  A line written in no clear language gets none from its repairs."""
    original = "Doğu KAMERY başlıklar POLISH KAMERY CSV: Richardson"
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "Dołu" not in fixed, fixed
    assert "başlıklar" in fixed


@pytest.mark.parametrize("model", LATIN1_LOSSY_MODELS, ids=lambda model: model.loss.value)
def test_a_damaged_word_names_no_language_for_the_line(model: DamageModel) -> None:
    """Spanish ``LA CÓNSUL VIRUS SÍ MÁS`` that lost its C1 bytes is ``LA CÃNSUL VIRUS
    SÃ MÃS``.  Read as words, the damaged ``sã`` and ``mãs`` are Portuguese and
    Romanian, which had named the line theirs and made ``CÃNSUL`` the Portuguese
    ``CÔNSUL`` (``word_probe.py``, seed 231).  The whole words name the line: with
    enough of them, Spanish decides ``CÓNSUL`` and Portuguese ``CÔNSUL``."""
    fixed = cleantext.fix_encoding(model.apply("LA CÓNSUL VIRUS SÍ MÁS"))
    assert "Ô" not in fixed, fixed
    for line in ("EL CÓNSUL DIJO QUE EL VIRUS", "O CÔNSUL DISSE QUE ELE SABIA"):
        assert cleantext.fix_encoding(model.apply(line)) == line
