"""Runs of U+FFFD left where every byte of a character was lost (UTF-8 read as ASCII,
or Big5 / EUC-KR / EUC-JP reading English punctuation, with ``errors="replace"``)."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.repair import ascii_replaced, bytescan
from cleantext.repair.models import ASCII_REPLACED_MODEL, DamageModel, Loss

LOST = "\ufffd"

#: (original, what the repair gives from its ASCII-replaced form)
DECIDED = [
    # an English contraction and a quotation opening before a word
    ("“If you’re coming, say so.", "“If you’re coming, say so."),
    # letters the word's lexicon fixes
    ("Zürich und Köln sind schön.", "Zürich und Köln sind schön."),
    # a dash between two known words
    ("incentives—including sanctions relief", "incentives—including sanctions relief"),
    # a spaced dash could as well be an en dash, a euro sign or a bullet: left open
    ("Le café est bon — vraiment.", f"Le café est bon {LOST} vraiment."),
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


def test_a_replaced_lead_is_read_from_the_rest_of_its_sequence() -> None:
    """cp949 replaces ``E2 80`` and pairs ``9C`` with the next letter: ``“I`` became
    ``��쏧``.  The character after U+FFFD is the evidence, and the bytes left decide."""
    original = "“If you’re coming up with a list of things to throw out there."
    model = DamageModel("utf-8", "cp949", Loss.REPLACE)
    damaged = model.apply(original)
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == original
    assert {change.model for change in plan} == {model.name}  # lost bytes: not lossless


def test_a_cjk_character_between_replacement_characters_is_no_evidence() -> None:
    """丙戌年七夕 with its C1 bytes replaced by ``?``: the repair leaves the ideographs it
    cannot decide as U+FFFD, and ``年`` between them is not re-read as Big5 with a
    replaced lead (``…~``), in that pass or the next."""
    original = "includ, 丙戌年七夕"
    damaged = DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION).apply(original)
    repaired = cleantext.fix_encoding(damaged)
    assert "年" in repaired and "…" not in repaired and "~" not in repaired, repaired
    assert cleantext.fix_encoding(repaired) == repaired


def test_a_lost_lead_is_not_filled_with_a_mark_no_rule_speaks_for() -> None:
    """Cyrillic read as EUC-KR with U+FFFD: under Big5, ``��筠`` reproduces from ``‸a``
    (``E2 80 B8`` and ``a``), but a lost lead byte leaves only a pool of likely
    characters to try, and a rare mark no rule speaks for is a guess."""
    original = "да се наслаждава на изкуствата"
    damaged = DamageModel("utf-8", "euc_kr", Loss.REPLACE).apply(original)
    repaired = cleantext.fix_encoding(damaged)
    assert not {"‸", "‶"} & set(repaired), repaired


@pytest.mark.parametrize("original", ["«Llénen».", "«Et» – bon."])
def test_a_word_going_on_past_an_undecided_hole_is_not_looked_up(original: str) -> None:
    """The guess for an undecided hole is no word boundary: ``��Et��`` is not the
    Italian ``Età`` with a no-break space guessed before it, and ``Ll��nen��`` is not
    Czech ``není`` (the guesses were ``\\xa0`` and ``ª``, which end a word)."""
    damaged = ASCII_REPLACED_MODEL.apply(original)
    assert cleantext.fix_encoding(damaged) == damaged


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # four lost bytes inside a word are two letters, which the word's lexicon fills
        ('"KW-P05-06";"WŁĄCZONY"', '"KW-P05-06";"WŁĄCZONY"'),
        ("Urządzenie jest włączone.", "Urządzenie jest włączone."),
        # two words fit (Größe, Grüße): the run stays as it was
        ("Die Größe ist gut.", f"Die Gr{LOST * 4}e ist gut."),
        # in the case of the word around it: ``á``, not the ``Á`` that sorts first
        ("To nedokážu bude hodin", "To nedokážu bude hodin"),
    ],
)
def test_four_lost_bytes_inside_a_word_are_two_letters(original: str, expected: str) -> None:
    damaged = ASCII_REPLACED_MODEL.apply(original)
    assert LOST * 4 in damaged
    assert cleantext.fix_encoding(damaged) == expected


@pytest.mark.parametrize("text", [f"Great{LOST * 4} and so on.", f"a {LOST * 4}b and yes"])
def test_four_lost_bytes_at_a_words_edge_stay_one_run(text: str) -> None:
    """At a word's edge four lost bytes may be one emoji: they are not cut in two."""
    regions = bytescan.scan(text, 0, len(text), ASCII_REPLACED_MODEL)
    sizes = [
        len(piece.slots) for region in regions for piece in region.pieces if not piece.is_ascii
    ]
    assert sizes == [4]
    assert cleantext.fix_encoding(text) == text


@pytest.mark.parametrize(
    "original",
    [
        "He said you’re right and I don’t mind, it’ll work, we mustn’t stop.",
        "Trump’s team and Putin’s aides met.",
    ],
)
def test_english_contractions_take_an_apostrophe(original: str) -> None:
    damaged = ASCII_REPLACED_MODEL.apply(original)
    assert cleantext.fix_encoding(damaged) == original


@pytest.mark.parametrize(
    "original", ["dụng vật đỏ không", "vui chính thống nằm", "này nốt nhà và lưu!"]
)
def test_a_run_inside_a_vietnamese_word_is_no_mark(original: str) -> None:
    """``vật`` and ``nằm`` whose middle letter was lost are no contractions ``v’t`` and
    ``n’m`` (only ``’s``, ``n’t`` after a word and the contractions wordfreq's
    English list holds are), ``nốt`` is no ``n’t`` (``word_probe.py``, seed 68),
    and ``thống`` is no ``th—ng``: a dash joins words one of which has three
    letters at least (``th`` and ``ng`` are English abbreviations)."""
    damaged = ASCII_REPLACED_MODEL.apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert not any(mark in fixed for mark in "’—–"), fixed


def test_a_line_with_a_lone_replacement_character_was_not_read_as_ascii() -> None:
    """ftfy writes one U+FFFD for each character of Latin-1 whose C1 bytes were
    replaced by U+FFFD: ``Markov™。`` became ``Markov��``, which read as ASCII is
    ``Marková`` (``lossy_scan.py``, seed 268).  Reading as ASCII leaves a U+FFFD for
    each byte, never one alone."""
    original = "concessions。‘ALARM’; Markov™。"
    damaged = DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD).apply(original)
    assert "Marková" not in cleantext.fix_encoding(damaged)
    assert cleantext.fix_encoding("He said Z\ufffd\ufffdrich") == "He said Zürich"
    lone = "He said\ufffd Z\ufffd\ufffdrich"
    assert cleantext.fix_encoding(lone) == lone


def test_replacement_characters_a_repair_wrote_are_not_read_as_bytes() -> None:
    """ftfy wrote one U+FFFD for each of the ``…`` of ``We……`` whose C1 bytes were
    replaced by U+FFFD, and the next pass read the pair, as bytes of UTF-8 read
    as ASCII, as the Polish ``Weź`` (``lossy_scan.py``, seed 509).  A U+FFFD a
    repair wrote stands for a whole character."""
    original = "battlefield。“avoid”… We……"
    damaged = DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "ź" not in fixed, fixed
    assert fixed.startswith("battlefield") and "avoid" in fixed


@pytest.mark.parametrize("loss", [Loss.REPLACE, Loss.REPLACE_QUESTION])
def test_a_hole_before_a_word_on_a_line_of_broken_words_is_no_quotation(loss: Loss) -> None:
    """``ỦI NHỮNG GƯƠNG CHỈ THẤY!`` read as ASCII: the ``Ủ`` that opens the line,
    every byte lost, had become ``“`` (``word_probe.py``, seed 69).  On a line
    where every other word lost letters, a hole at a word's start is a lost
    letter as readily; a word that lost nothing, or a hole closing the word as
    a quotation does, still speaks for the quotation."""
    model = DamageModel("utf-8", "ascii", loss)
    fixed = cleantext.fix_encoding(model.apply("ỦI NHỮNG GƯƠNG CHỈ THẤY!"))
    assert "“" not in fixed, fixed
    quoted = "“If you’re coming, say so."
    assert cleantext.fix_encoding(model.apply(quoted)) == quoted
    assert cleantext.fix_encoding(ASCII_REPLACED_MODEL.apply("“Hello”")) == "“Hello”"


def test_a_line_whose_words_lost_letters_has_no_quotation_shape() -> None:
    """``BIẾT ĐỘ GÕ HƠN ỨNG…`` read as ASCII: the holes around ``NG`` looked like a
    quotation (``���NG���``, as ``���Hello���``) and became ``“NG”`` (``word_probe.py``,
    seed 182).  Two holes between letters, each a byte, were a letter (``H��N``):
    a line that lost letters inside its words has no quotation shape to go by.
    A quoted word on a line that shows no such letter is still a quotation."""
    fixed = cleantext.fix_encoding(ASCII_REPLACED_MODEL.apply("BIẾT ĐỘ GÕ HƠN ỨNG…"))
    assert "“" not in fixed and "”" not in fixed, fixed
    assert cleantext.fix_encoding(ASCII_REPLACED_MODEL.apply("“HELLO”")) == "“HELLO”"
    spanish = "“Qué bien,” dijo"
    assert cleantext.fix_encoding(ASCII_REPLACED_MODEL.apply(spanish)).startswith("“")


def test_a_vietnamese_single_final_in_capitals_opens_no_quotation() -> None:
    """``VÀI BẦU FRANK ỐT VÀ:`` read as ASCII: the hole before ``T`` (``Ố``, every
    byte lost) had opened a quotation nothing closes, ``“T`` (``word_probe.py``,
    seed 244).  ``T`` is what a Vietnamese syllable keeps of its final once its
    vowel is lost; English opens quotations with ``I`` and ``A``, not with it."""
    fixed = cleantext.fix_encoding(ASCII_REPLACED_MODEL.apply("VÀI BẦU FRANK ỐT VÀ:"))
    assert "“" not in fixed, fixed
    for quoted in ("“I think so,” he said.", "“A word” is here"):
        assert cleantext.fix_encoding(ASCII_REPLACED_MODEL.apply(quoted)) == quoted
