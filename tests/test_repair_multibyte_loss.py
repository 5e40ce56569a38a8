"""Multi-byte misreadings that dropped bytes without a trace all over a region.

Chinese read as Big5 or EUC-JP with ``errors="ignore"`` loses most continuation
bytes (those codecs take no second byte below 0xA1).  What is left can re-read as
valid but wrong UTF-8, bytes of several characters brought together by the drops.
"""

from __future__ import annotations

import unicodedata

import pytest

import cleantext
from cleantext.repair import score
from cleantext.repair.models import DamageModel, Loss

LOST = "\ufffd"


@pytest.mark.parametrize(
    ("sentence", "codec"),
    [
        ("这是一种通用型的程序设计语言，几乎可以在所有的操作系统中运行。", "big5"),
        ("这种语言功能强大而完善，适合各种人士学习使用。", "euc_jp"),
    ],
)
def test_a_region_mostly_of_holes_writes_no_wrong_character(sentence: str, codec: str) -> None:
    damaged = DamageModel("utf-8", codec, Loss.IGNORE).apply(sentence)
    _, plan = cleantext.fix_encoding_and_explain(damaged)
    written = [piece for change in plan for piece in change.after.split(LOST) if piece]
    assert all(piece in sentence for piece in written), [c.describe() for c in plan]


@pytest.mark.parametrize(
    "line",
    [
        "То трябва да съдейства за разбирателството между всички народи.",
        "Всеки човек трябва да има право на свобода.",
    ],
)
def test_a_damaged_word_is_not_repaired_into_a_script_foreign_to_its_line(line: str) -> None:
    """Bulgarian read as EUC-JP keeps ``磡于`` of ``трябва``; read again as Big5, those
    bytes are Myanmar ``ꩤ`` and ``_``.  The damaged word ends beside ``舒``, but the
    repair ends in ``_``: a word of its own, judged by the Cyrillic letters around it."""
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply(line)
    repaired = cleantext.fix_encoding(damaged)
    scripts = {score.script_of(char) for char in repaired} - {""}
    assert scripts <= {"CYRILLIC", "CJK"}, repaired


@pytest.mark.parametrize(
    "sentence",
    [
        # EUC-JP reads two Cyrillic letters alone between holes, a loss each
        "Being • ‘России’, “KOD” — Apollon. semés: Elmendorf —",
        # Big5 reads more of the runs of holes than EUC-JP does
        "В magical: „Force“ meanwhile aquí’s; ILOŚĆ comédien, Ayrıca’t, Being • "
        "‘России’, “KOD” — Apollon. “културния”. semés: Elmendorf —",
    ],
)
def test_the_codec_is_chosen_by_what_only_it_reads(sentence: str) -> None:
    """EUC-JP with U+FFFD left ``sem辿s`` and runs of ``���`` that any codec reads
    as the same marks.  Big5 reads ``辿`` as ``˦``, EUC-JP as ``é``.  Counting the
    shared marks, and the losses of weak repairs, Big5 had won the line."""
    repaired = cleantext.fix_encoding(DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply(sentence))
    assert "semés" in repaired
    assert "˦" not in repaired


def test_a_lost_lead_s_one_likely_character_still_needs_a_rule() -> None:
    """With the first bytes lost, only likely characters are tried: of those, only
    ``…`` ends in ``A6``, but so do ``て`` and hundreds of others.  Japanese read as
    Big5 with U+FFFD had ``…`` written where ``て`` was."""
    sentence = "必要な機能は拡張モジュールとして追加する、というのが Python のポリシーです。"
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply(sentence)
    repaired = cleantext.fix_encoding(damaged)
    assert "…" not in repaired


@pytest.mark.parametrize(
    ("codec", "sentence", "rare", "kept"),
    [
        # cp949 dropped ``AF E3 80`` from ``路、``; ``E8 B7 81`` is a valid ``跁``
        ("cp949", "悉文乃天下有志共筆而成；有意助之，幾網路、隨纂作，大典茁焉。", "跁", "筆而成"),
        # EUC-JP kept bytes of ``준`` and ``우`` that make ``줰``
        (
            "euc_jp",
            "“Esta”。business、July…、geographically € vehicles — vehicles € 김준우、ordenó • "
            "again — 並有一個, STAKES, IP’t… Darü’t。„Guido“、batıya’t",
            "줰",
            "ordenó",
        ),
        # Shift-JIS dropped ``81 EC`` of ``、출`` and kept ``E3 80 B6``, a valid ``〶``
        ("shift_jis", "Kendall™ – Kendall、출판하여. Photo", "〶", "Kendall™"),
    ],
)
def test_a_rare_character_the_drops_brought_together_is_not_written(
    codec: str, sentence: str, rare: str, kept: str
) -> None:
    """In text whose bytes were dropped, a reading that makes a rare ideograph,
    Hangul syllable or CJK symbol stays as it was: the drops can bring together the
    bytes of several characters into a valid one."""
    damaged = DamageModel("utf-8", codec, Loss.IGNORE).apply(sentence)
    repaired = cleantext.fix_encoding(damaged)
    assert rare not in repaired
    assert kept in repaired


def test_a_question_mark_beside_a_hole_is_another_hole_for_the_words() -> None:
    """Big5 with ``?`` for lost bytes: ``希`` kept ``撣`` and lost a byte, and ``望``
    after it lost its bytes to ``???``.  Words read from the left alone made the hole
    ``常`` (``常常``); beside a hole, words choose nothing."""
    sentence = "swapping… • 我們便常希望 «迄今得文二千» A A A"
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE_QUESTION).apply(sentence)
    repaired = cleantext.fix_encoding(damaged)
    assert "常常" not in repaired


def test_a_bare_run_may_be_what_the_older_codec_wrote() -> None:
    """EUC-KR writes ``€5`` as ``���5``; cp949, which extends it, would have paired the
    first two bytes of ``€``, so read as cp949 the run could not be ``€`` and became
    the opening quote ``“5``.  The text does not say which of the two wrote it."""
    sentence = "programming! Крупнейший’s € 닁큼 €5 Крупнейший – PRZEKIEROWAŃ"
    damaged = DamageModel("utf-8", "euc_kr", Loss.REPLACE).apply(sentence)
    repaired = cleantext.fix_encoding(damaged)
    assert "“5" not in repaired


def test_one_letter_alone_in_a_script_no_letter_around_is_in_is_not_written() -> None:
    """``즼`` read as GBK with bytes dropped is ``歃``, which EUC-JP reads as ``ݽ``,
    an Arabic letter alone between English words: a word in another script takes
    more than one letter.  A lone letter of the script around it is still repaired."""
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply("즼. AIR ALFANUM A")
    assert "ݽ" not in cleantext.fix_encoding(damaged)
    assert (
        cleantext.fix_encoding("Il est allé 脿 Paris avec nous.")
        == "Il est allé à Paris avec nous."
    )


@pytest.mark.parametrize(
    ("sentence", "stray"),
    [
        ("ALARM. 대부분의 – Despite €5: “ILOŚĆ” “대부분의”;", "ل"),
        ("Аарау — POTWIERDZAĆ… AIR A", "ӈ"),
    ],
)
def test_one_letter_repeated_in_a_script_no_letter_around_is_in_is_not_written(
    sentence: str, stray: str
) -> None:
    """Big5 with bytes dropped keeps the same ``賱`` of each syllable of ``대부분의``
    (``訄`` of each ``а`` of ``Аарау``), which GBK reads as ``ل`` (``ӈ``): a word of one
    letter repeated, in a script no letter around it is in."""
    damaged = DamageModel("utf-8", "big5", Loss.IGNORE).apply(sentence)
    assert stray not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    ("sentence", "model", "stray"),
    [
        # Shift-JIS leaves ``窶吶≫漏`` of ``’、‘R``; GBK reads ``漏`` as ``©`` (C2 A9)
        (
            "‘Minister’、‘Russia’, Tarihte’t • Sergey",
            DamageModel("utf-8", "shift_jis", Loss.IGNORE),
            "©",
        ),
        # EUC-JP with ``?`` leaves ``膵?箙`` of ``繫也``; GBK reads ``膵`` as ``ċ`` (C4 8B)
        (
            "Security; ‘ONU’ 繫也™ • PLIKU、“at”",
            DamageModel("utf-8", "euc_jp", Loss.REPLACE_QUESTION),
            "ċ",
        ),
        # Shift-JIS with ``?`` leaves ``ﾙ遺?冱`` of ``و’s``; Big5 reads ``冱`` as ``ɼ``
        ("WYŁĄCZONY: و’s. Strait…", DamageModel("utf-8", "shift_jis", Loss.REPLACE_QUESTION), "ɼ"),
        # Shift-JIS with bytes dropped writes ``€`` as ``竄ｬ``; Big5, in the same
        # pass but with less gain, read ``竄`` as ``«``
        (
            "International €5: „사도들의“ € Russians —",
            DamageModel("utf-8", "shift_jis", Loss.IGNORE),
            "«",
        ),
        # Shift-JIS with bytes dropped leaves ``縲や漏`` of ``。‘R``; once it has repaired
        # the rest, a later pass had GBK read ``漏`` as ``©``, glued to the ``や``
        # (``lossy_scan.py``, seed 229)
        ("Rossum。Rossum。‘Rossum’。", DamageModel("utf-8", "shift_jis", Loss.IGNORE), "©"),
        # Shift-JIS leaves ``�≫�彜`` of ``、“S``; EUC-JP reads ``彜`` as ``״`` (D7 B4)
        (
            "luz’s – “One”、“Suslov”、One — NISKIE",
            DamageModel("utf-8", "shift_jis", Loss.REPLACE),
            "״",
        ),
    ],
)
def test_a_repair_glued_to_damage_another_codec_left_is_not_made(
    sentence: str, model: DamageModel, stray: str
) -> None:
    repaired = cleantext.fix_encoding(model.apply(sentence))
    assert stray not in repaired, repaired
    assert repaired.startswith(sentence[:3])  # the rest of the line is still repaired
    # a lossless repair before a real question mark stands
    assert cleantext.fix_encoding("Did you go to the caf茅? Yes") == "Did you go to the café? Yes"


@pytest.mark.parametrize("sentence", ["“Sea”… deal", "“lequel”… MONIT. In: Western"])
def test_a_lost_character_after_an_undecided_one_is_not_chosen_from_the_guess(
    sentence: str,
) -> None:
    """``”…`` read as cp949 with U+FFFD is ``��앪��``: when the first character
    (``?? 9D``) stays open, the second (``E2 ?? ??``) is no closing quote."""
    damaged = DamageModel("utf-8", "cp949", Loss.REPLACE).apply(sentence)
    repaired = cleantext.fix_encoding(damaged)
    assert "\ufffd”" not in repaired, repaired
    assert repaired.startswith("“")


def test_a_codec_that_reads_only_bare_runs_of_u_fffd_repairs_nothing() -> None:
    """Two U+FFFD that another repair left (``crucial“…`` that lost C1 bytes) are no
    evidence of Big5, which would read them as one two-byte letter (``crucială``):
    a codec no surviving byte speaks for does not repair a line."""
    text = "India… “crucial\ufffd\ufffd One \ufffd\ufffd\ufffd廿\ufffd… ENGLISH: “lot”: KIN"
    assert cleantext.fix_encoding(text) == text


def test_a_codec_that_only_guesses_a_lost_byte_by_frequency_repairs_nothing() -> None:
    """``»:`` after ``過`` read as EUC-JP with U+FFFD leaves ``ﾂ�``, which Shift-JIS
    reads as ``C2 ??``: a no-break space by frequency alone, and nothing else."""
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply("Any: «單英文卷亦過»: «Lagrange»")
    assert "\xa0" not in cleantext.fix_encoding(damaged)


def test_a_rule_that_any_character_of_the_hole_before_satisfies_still_decides() -> None:
    """``散步吧。`` read as Big5 with ``?``: the hole for ``吧`` is one of two
    ideographs, and after either ``。`` is CJK punctuation after a CJK character."""
    sentence = "臺北今天天氣很好，我們下午一起去公園散步吧。"
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE_QUESTION).apply(sentence)
    assert cleantext.fix_encoding(damaged).endswith("步\ufffd。")


@pytest.mark.parametrize(
    ("sentence", "model", "expected"),
    [
        # Japanese: ``々`` of ``色々`` keeps ``E3 80`` as ``、`` would
        (
            "Вознесения – 優先して色々 – WŁAŚCIWEGO",
            DamageModel("utf-8", "shift_jis", Loss.IGNORE),
            "色\ufffd",
        ),
        # Chinese writes no ``々``: the comma after an ideograph is still read
        ("我們下午一起去公園散步吧。", DamageModel("utf-8", "gbk", Loss.IGNORE), "散步吧。"),
    ],
)
def test_the_iteration_mark_rivals_the_comma_in_japanese_only(
    sentence: str, model: DamageModel, expected: str
) -> None:
    assert expected in cleantext.fix_encoding(model.apply(sentence))


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("東京は今日とても暑いので、水をたくさん飲んでください。", "水、"),
        ("«先の利便性を» – its, top… kullanımda", "、»"),
    ],
)
def test_two_lost_bytes_after_e3_are_no_cjk_mark_unless_the_text_is_chinese(
    sentence: str, wrong: str
) -> None:
    """``を`` read as EUC-JP with U+FFFD keeps only ``E3``: any kana as readily as
    ``、``, unless enough three-byte sequences, none a kana, show Chinese."""
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply(sentence)
    assert wrong not in cleantext.fix_encoding(damaged)


def test_typography_does_not_count_toward_showing_chinese() -> None:
    """The share of three-byte sequences starting with ``E3`` tells kana-rich
    Japanese from Chinese; ``™ – … ’``, which start with ``E2``, belong to neither and
    had diluted it: ``が`` that lost its C1 bytes (``E3`` and two ``?``) was read as
    ``、`` in a line where four of ten CJK characters start with ``E3``."""
    model = DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION)
    line = "Pодителите™. 繫也 – strength、POMYŚLNIE、FACILITY’s… action™; た小細工が追;"
    assert "細工、追" not in cleantext.fix_encoding(model.apply(line))


@pytest.mark.parametrize(
    ("codec", "line", "kept"),
    [
        # EUC-KR kept E5 A7 of 始 and paired the A6 of て (E3 81 dropped) with the
        # next lead: E5 A7 A6 is 姦
        ("euc_kr", "PANEL ‘Radio’ ‘始されていま’、one… – At’s. göre", "姦"),
        # EUC-JP kept E5 A4 of 多 and paired the A7 of で with the E3 of す: E5 A4 A7
        # is 大, and the E3 after it read as 、 after an ideograph
        ("euc_jp", "«be» – が多いのです — 大典茁焉 €5 “lead”;", "大、"),
        # EUC-KR kept E4 BA of 亞 and the A5 of 능: E4 BA A5 is 亥, read under
        # cp949, which extends EUC-KR, beside the line's other damage
        (
            "euc_kr",
            "La。European — identité – biri, STAKES. BLOK; On • SEKWENCYJNE’s ILOŚĆ — "
            "ILOŚĆ、colder • or。Iran… 亞능뒈훀 € Denizi’s •",
            "亥",
        ),
    ],
)
def test_a_whole_character_beside_a_drop_is_left_as_it_was(
    codec: str, line: str, kept: str
) -> None:
    """Under Big5, EUC-KR and EUC-JP, bytes are dropped between the characters the
    wrong codec read; a three-byte character read across such a boundary, beside a
    sequence that lost bytes, may be made of two characters' bytes.  Its cluster is
    left as it was, not read as a wrong ideograph."""
    damaged = DamageModel("utf-8", codec, Loss.IGNORE).apply(line)
    assert kept not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    ("line", "invented"),
    [
        # Big5 dropped с (D1 81) and kept а (D0 B0) as 訄, which GBK reads back as the
        # Khanty ӈ: one letter standing alone that no language writing it has as a word
        ("nariz са — са € nariz €", "ӈ"),
        # Big5 kept 乒 of 。“소장”, which GBK reads back as ƹ, a letter of phonetics
        ("Et。“소장”; OBRAZU。‘intercept’、MONITY… – SIĘ… trace,", "ƹ"),
    ],
)
def test_what_one_codec_left_is_not_read_back_as_a_letter_no_text_writes(
    line: str, invented: str
) -> None:
    """Residue of one codec's dropped bytes, read back losslessly by another, can be
    a letter: a lone one that is no word, or a rare Latin Extended-B one, is no
    more plausible than the residue."""
    damaged = DamageModel("utf-8", "big5", Loss.IGNORE).apply(line)
    assert invented not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    ("codec", "line", "invented"),
    [
        # cp932 left 擽 of 이 between spaces; EUC-JP reads it as ڶ, a letter of Arabic's
        # extensions that no Arabic, Persian or Urdu text writes alone
        ("cp932", "게 영향 의료 이 이성 –", "ڶ"),
        # GBK kept 戞 of 金 between two ideographs; EUC-JP reads it as the digit ١
        ("gbk", "の 金持ち はぐれ i さ", "١"),
    ],
)
def test_what_one_codec_left_is_not_read_back_as_an_arabic_letter_or_digit(
    codec: str, line: str, invented: str
) -> None:
    """A lone Arabic letter is a word only if wordfreq's Arabic, Persian or Urdu list
    has it as one (``و``, and the prefixes their tokenizer splits off); an Arabic
    digit belongs to the Arabic script, and is alien glued to ideographs."""
    damaged = DamageModel("utf-8", codec, Loss.IGNORE).apply(line)
    assert invented not in cleantext.fix_encoding(damaged)


def test_no_repair_writes_an_extension_a_ideograph() -> None:
    """Shift-JIS with bytes dropped leaves ``窶吶ｳｵ`` of ``’、복``; once the first pass
    has repaired what it could, cp932 reads it losslessly as ``’㳵``, an ideograph
    of CJK extension A.  No text of the corpora holds one, and byte coincidences make
    them readily: the residue is left as it was."""
    line = (
        "FILES。Júntense… collecteur; ASCII!: MONITY. 目前有許許多 OBECNY、BŁĘDNE…、"
        "arasında… FILES ‘And’、복음서나! markets •"
    )
    damaged = DamageModel("utf-8", "shift_jis", Loss.IGNORE).apply(line)
    assert "㳵" not in cleantext.fix_encoding(damaged)


def test_a_hole_an_earlier_pass_left_is_not_a_replaced_byte() -> None:
    """cp932 dropped bytes of ``Вознесения`` and of ``프로``; the first pass leaves a
    hole for ``с``.  The next pass must still know that bytes were dropped: as if
    they had been replaced, ``嵓｡`` (``ED 94 A1``, what the drops left of ``프로``)
    reads as a complete, rare ``픡``."""
    line = "aguas™ • Вознесения… € Donald… When — When 객체지향프로그래밍을:"
    damaged = DamageModel("utf-8", "cp932", Loss.IGNORE).apply(line)
    assert "\ufffd" not in damaged
    fixed = cleantext.fix_encoding(damaged)
    assert "Возне\ufffdения" in fixed
    assert "향" in fixed
    assert "픡" not in fixed


def test_a_whole_word_a_region_of_drops_holds_is_repaired() -> None:
    """GB18030 dropped bytes of ``™`` and ``。``, which stay open: more clusters of
    the region are open than decided, and what looks complete there may be bytes the
    drops brought together.  But ``猫`` inside ``compl猫tent`` completes a common
    word, ``complètent``; left as it was, EUC-JP had read it as ``ǭ``."""
    damaged = DamageModel("utf-8", "gb18030", Loss.IGNORE).apply("complètent Gassendi™ A A A。")
    fixed = cleantext.fix_encoding(damaged)
    assert fixed.startswith("complètent Gassendi")
    assert "ǭ" not in fixed


def test_a_mark_and_the_word_it_opens_confirm_a_reading_among_open_holes() -> None:
    """Shift-JIS dropped the last bytes of ``“`` and ``–`` and kept ``„l`` whole as
    ``窶柩``.  The two holes outnumber the one decided cluster, but ``„l`` opens the
    common word ``linking``; Big5, whose only other repair is a hole too, had read
    ``窶柩`` as ``견^``."""
    damaged = DamageModel("utf-8", "shift_jis", Loss.IGNORE).apply("„linking“ A –")
    fixed = cleantext.fix_encoding(damaged)
    assert fixed.startswith("„linking")
    assert "견" not in fixed


def test_a_repair_of_another_codec_glued_to_rare_residue_is_a_stray() -> None:
    """GBK dropped bytes of ``語“。`` and left ``瑾炩溿``; Big5 read the ``炩`` between
    them as ``϶``, a lone repair of a codec other than the line's, glued to a rare
    ideograph no repair claimed."""
    line = "A „言語“。USUWANIA!、Fried • January。‘ILOŚĆ’、„URL“… as • „contact“ •"
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply(line)
    fixed = cleantext.fix_encoding(damaged)
    assert "϶" not in fixed
    assert fixed.startswith("A „言")


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE_QUESTION])
def test_a_lost_byte_the_next_bytes_rule_out_is_not_chosen(loss: Loss) -> None:
    """GBK lost the ``80`` of ``所`` (``E6 89 80``) before the ``E8`` of ``載``.  The
    words around the hole chose ``承`` of ``承載``, but its ``BF`` would have paired
    with that ``E8`` into a character, not been lost."""
    line = "SIĘ Marmara、然則典所載謬’s – commenting"
    fixed = cleantext.fix_encoding(DamageModel("utf-8", "gbk", loss).apply(line))
    assert "承" not in fixed
    assert fixed.startswith("SIĘ Marmara、然則典")


def test_two_codecs_tied_keep_the_first_tried_for_every_span() -> None:
    """cp932 and Shift-JIS read ``PRZEKIEROWAﾅ窶ｦ`` alike, but for the hole of ``Ń``,
    where Shift-JIS gains more.  Its hole had ranked before cp932's, and then been
    dropped (Shift-JIS decides nothing on its own); the next pass read the ``ﾅ``
    left and the ``…`` repaired as cp932's ``Łc``."""
    line = "PRZEKIEROWAŃ… “PRAWIDŁOWY”,"
    fixed = cleantext.fix_encoding(DamageModel("utf-8", "cp932", Loss.IGNORE).apply(line))
    assert fixed == "PRZEKIEROWA\ufffd… “PRAWIDŁOWY”,"


@pytest.mark.parametrize("line", ["pomeru sa na tak pochopiť!", "tak pochopiť a"])
def test_of_two_codecs_reading_a_span_the_one_making_a_word_wins(line: str) -> None:
    """Big5 writes the ``ť`` of Slovak ``pochopiť`` as ``聽``, which GBK reads as a
    no-break space and gains a little more by.  Big5's reading makes a common word."""
    damaged = DamageModel("utf-8", "big5").apply(line)
    assert cleantext.fix_encoding(damaged) == line


@pytest.mark.parametrize("line", ["것 모두 었 필립 도,", "슈퍼 겠 들 내 가,"])
@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE_QUESTION])
def test_a_dash_guessed_among_unread_residue_shows_no_codec(line: str, loss: Loss) -> None:
    """Big5 leaves ``窶`` of ``것`` and ``겠`` among rare residue of the words around;
    cp932 reads ``窶`` as the first bytes of a dash, and its context rules had made a
    dash opening the line, or a spaced one.  In English the same ``窶`` is a dash."""
    fixed = cleantext.fix_encoding(DamageModel("utf-8", "big5", loss).apply(line))
    assert "—" not in fixed
    english = DamageModel("utf-8", "cp932", Loss.IGNORE).apply("Hello — world")
    assert cleantext.fix_encoding(english) == "Hello — world"


@pytest.mark.parametrize(
    "original",
    [
        "Lucrèce… €",
        "というのが seemed – JD: INTERFACE… € arrived, Lucrèce ADMINISTRATORA A Lucrèce € IS",
    ],
)
def test_a_letter_read_whole_between_ascii_stands_among_undecided_holes(original: str) -> None:
    """Where GBK dropped bytes, a region with more holes than decided repairs keeps only
    repairs that could not be bytes of two characters the drops joined.  ``猫``
    between ``r`` and ``c`` is one such: ASCII on both sides, its two bytes are all
    GBK read there.  The line had been left whole, and EUC-JP's ``ǭ`` taken for the
    ``猫`` (``lossy_scan.py``, seed 231)."""
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert fixed.count("Lucrèce") == original.count("Lucrèce")
    assert "ǭ" not in fixed


def test_no_repair_writes_a_code_point_unicode_leaves_unassigned() -> None:
    """Big5 with U+FFFD leaves ``霈賢`` of ``讽刺``, which EUC-JP reads back as
    U+3EE2D, a code point with no character; the holes beside it had carried the
    region past the margin (word probe, seed 41).  Emoji newer than this Python's
    tables are still read, and cost as emoji (``🩷``, Unicode 15, had cost as an
    unassigned code point and stayed GBK's ``馃┓``)."""
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply("的 讽刺 来 一向 打算.")
    fixed = cleantext.fix_encoding(damaged)
    assert all(unicodedata.category(char) != "Cn" for char in fixed), fixed
    for newer, codec in (("I \U0001fae8 you, really.", "gb18030"), ("I 🩷 you", "gbk")):
        assert cleantext.fix_encoding(DamageModel("utf-8", codec).apply(newer)) == newer


def test_a_reading_carried_only_by_runs_of_lost_bytes_must_gain_on_its_own() -> None:
    """EUC-JP with U+FFFD turns ``é`` into ``辿`` and ``’`` into ``���``.  Big5 read
    the ``辿`` as the tone letter ``˦``, less plausible than the ideograph, and the
    ``’`` it restored in ``toda���s`` carried the region; but a run with no byte
    left reads alike in any codec (``lossy_scan.py``, seeds 250 and 319: ``cr˦˦s``)."""
    for original in (
        "recommandé. toda’s, protesters “которая” € counting’s: implemented — RELAY™ —",
        "bombardments… ‘בעיקר’ NÉ’t comme, ‘cooperation’ € On créés™… „REF“ € приоритет"
        " bombardments’t: ‘الشمس’ ‘trilateral’…",
    ):
        damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply(original)
        fixed = cleantext.fix_encoding(damaged)
        assert "˦" not in fixed, fixed


def test_letters_rejected_as_alien_are_the_context_of_their_neighbours() -> None:
    """EUC-JP dropped bytes of ``、Oрганизацията、``.  The first and last clusters read
    as Cyrillic were alien beside ``O`` and ``esprits``; left as they were (``亞``,
    ``舒``), they are the neighbours of the Cyrillic read between them, which is
    then glued to ideographs and alien too (``lossy_scan.py``, seed 253)."""
    original = "“meetings”、Oрганизацията、esprits™ €"
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    cyrillic = [index for index, char in enumerate(fixed) if score.script_of(char) == "CYRILLIC"]
    assert score.scripts_agree(fixed, cyrillic), fixed


@pytest.mark.parametrize(
    "original", ["Bering… • calomnieuse • בשוני’t Hagamos", "PRZYWRACAĆ. של、based €5. fast"]
)
def test_a_sign_is_not_read_glued_before_a_small_letter(original: str) -> None:
    """EUC-KR reads Hebrew ``ש`` as ``漏``; with bytes dropped it keeps ``漏t`` of
    ``בשוני’t`` and ``漏based`` of ``של、based``, which GBK had read as ``©t`` and
    ``©based`` (``lossy_scan.py``, seeds 258 and 262).  Written before a word, a
    sign has a space, a digit or a capital after it."""
    damaged = DamageModel("utf-8", "euc_kr", Loss.IGNORE).apply(original)
    assert "©" not in cleantext.fix_encoding(damaged)


def test_residue_is_not_read_as_a_letter_of_a_small_orthography() -> None:
    """EUC-KR with bytes dropped left ``魔魔`` of ``。تمت`` after ``INTERFACE``, and
    GBK had read it as the Maltese ``ħħ`` (``lossy_scan.py``, seed 356); such letters
    cost as phonetics do.  Words that a drop ran together still read in their own
    codec: ``BAPTISTE。Sınırları`` read as EUC-JP is ``BAPTISTES脹n脹rlar脹``, whose
    ``脹`` is ``ı``, not GBK's ``Û`` (seed 334)."""
    damaged = DamageModel("utf-8", "euc_kr", Loss.IGNORE).apply("kullanılırdı INTERFACE。تمت")
    fixed = cleantext.fix_encoding(damaged)
    assert "ħ" not in fixed
    assert fixed.startswith("kullanılırdı INTERFACE")
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply("BAPTISTE。Sınırları – PIN")
    assert "BAPTISTESınırları" in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    ("original", "codec"),
    [
        ("©2019 Company", "gbk"),
        ("版权 © 2019 新华社", "cp932"),
        ("Copyright ©2019 新华社", "cp932"),
    ],
)
def test_a_sign_before_a_space_or_a_digit_is_still_read(original: str, codec: str) -> None:
    damaged = DamageModel("utf-8", codec).apply(original)
    assert cleantext.fix_encoding(damaged) == original


def test_a_codec_s_evidence_is_counted_together_across_its_loss_models() -> None:
    """EUC-JP with ``?`` turned ``ı`` into ``脹``.  The region around the first
    ``sınırları`` lost no byte and was named lossless EUC-JP, the second was named
    EUC-JP with ``?``: apart, each had less gain than GBK's reading of every ``脹``
    as ``Û``, which took the first word (``sÛnÛrlarÛ``; ``lossy_scan.py``, seed 271)."""
    original = "February €5 • sınırları — sınırları… «굴애쉌» • INTERFACE Not! € E™… allow’t"
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE_QUESTION).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "Û" not in fixed, fixed
    assert fixed.count("sınırları") == 2


@pytest.mark.parametrize(
    ("original", "script"),
    [
        ("Є І У ПРО ПЕРШЕ!", "ARABIC"),
        ("«CIA» „IS“; kalabalık. “C”. 英国 英国 € CIA… «Эйнштейна»;", "ARMENIAN"),
    ],
)
def test_lone_letters_of_a_script_the_line_has_no_word_of_are_not_written(
    original: str, script: str
) -> None:
    """EUC-JP dropping bytes left ``丕`` and ``丿`` of Ukrainian ``Є І У ПРО ПЕРШЕ!``,
    and ``怨`` of ``英国``; GBK read them as the Arabic ``ا`` and ``د`` and the
    Armenian ``Թ``, each alone between spaces, on a line with no word of their
    script (``word_probe.py``, seed 51; ``lossy_scan.py``, seed 300).  A letter
    alone beside a word of its script is still read (``и; и; кино`` under Big5)."""
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert not any(score.script_of(char) == script for char in fixed), fixed
    beside_a_word = DamageModel("utf-8", "big5", Loss.REPLACE).apply("и; и; кино")
    assert cleantext.fix_encoding(beside_a_word) == "и; и; кино"


def test_rare_letters_side_by_side_among_holes_are_not_written() -> None:
    """EUC-JP with U+FFFD kept ``覩碁`` of Korean ``미디어``, among holes, and
    EUC-KR read the two as ``ԭѳ``: a letter of a small orthography and a historic
    one, neither alone, so the rule above had let both through (``word_probe.py``,
    seed 193).  Common letters side by side still show their codec (``ло``)."""
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply("에 d 미디어 버스 줘야:")
    fixed = cleantext.fix_encoding(damaged)
    assert "ԭ" not in fixed and "ѳ" not in fixed, fixed
    cyrillic = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply("ло и кино")
    assert cleantext.fix_encoding(cyrillic) == "ло и кино"


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION])
def test_a_rare_letter_glued_to_a_residue_letter_makes_no_word(loss: Loss) -> None:
    """EUC-KR losing bytes kept ``珥ъ`` of Korean ``촬영``, the ``ъ`` a letter of its own
    Cyrillic row, and Big5 read ``珥`` as Abkhaz ``ҭ``: ``ҭъ``, a word of two letters
    no lexicon knows, the line's only Cyrillic (``word_probe.py``, seed 200).  In a
    longer word the letter is still read."""
    damaged = DamageModel("utf-8", "euc_kr", loss).apply("터 의 se 느 촬영 –")
    assert "珥ъ" in damaged
    fixed = cleantext.fix_encoding(damaged)
    assert "ҭ" not in fixed, fixed
    assert cleantext.fix_encoding("珥ыҧсны") == "ҭыҧсны"


def test_one_letter_repeated_is_no_word() -> None:
    """Big5 dropping bytes kept ``賱賱`` of Korean ``다이아몬드``, and GBK read the two
    as ``لل``: one letter written twice, as lone as once, on a line with no other
    Arabic (``word_probe.py``, seed 203).  A word of two letters still shows its
    codec (``ло`` above)."""
    damaged = DamageModel("utf-8", "big5", Loss.IGNORE).apply("에 대해 다이아몬드 북부 검찰,")
    assert "賱賱" in damaged
    assert "ل" not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    ("original", "residue"),
    [
        ("ЗДРАВЕОПАЗВАНЕТО ОТ НА ЗНАМ РЕЦЕПТИ…", "丶丐"),
        ("ДУЖЕ В ТАКОМУ МОЖЕ АНТИКОРУПЦІЙНОГО!", "丐丕丶"),
    ],
    ids=["bulgarian", "ukrainian"],
)
def test_arabic_letters_of_small_orthographies_cost_as_rare(original: str, residue: str) -> None:
    """EUC-JP dropping bytes keeps only ``丐``, ``丕`` and ``丶`` of Cyrillic capitals.
    GBK reads them as the Arabic ``ؤ``, ``ا`` and ``ؼ``, and EUC-JP as ``Т``, ``У`` and
    ``Ц``.  ``ؼ``, a letter Unicode 6 added for early Persian, had cost as any Arabic
    letter, and GBK's ``ؤ ؤ   ؼؤ`` and ``ا  ؤا  ؤاؼ!`` had outranked EUC-JP's own
    reading (``word_probe.py``, seeds 222 and 227).  Short words of real Arabic and
    Hebrew read as GBK are still read."""
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply(original)
    assert residue in damaged
    fixed = cleantext.fix_encoding(damaged)
    assert not any("\u0600" <= char <= "\u06ff" for char in fixed), fixed
    for text in ("هو في", "من في على", "אם לא"):
        assert cleantext.fix_encoding(DamageModel("utf-8", "gbk", Loss.NONE).apply(text)) == text


def test_a_lone_letter_glued_to_an_ascii_one_is_not_written() -> None:
    """GBK dropping bytes made ``丱`` of ``、O``, and EUC-JP read ``丱`` as the Cyrillic
    ``Х``, glued to the ``r`` after it (``lossy_scan.py``, seed 795).  A Greek letter
    glued to a Latin one is a unit or a constant (``5 μm``), and stays read."""
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply("Suslov A A A… Lista…、Or.")
    assert "丱r" in damaged
    assert "Х" not in cleantext.fix_encoding(damaged)
    greek = DamageModel("utf-8", "big5", Loss.NONE).apply("Size 5 μm only")
    assert cleantext.fix_encoding(greek) == "Size 5 μm only"


def test_a_letter_glued_to_a_run_of_question_marks_before_residue_is_a_stray() -> None:
    """EUC-KR with ``?`` left ``や?????艅????s`` of ``の機’s``; GBK read ``艅`` as ``ń``.
    The ``?`` on each side are lost bytes, and past them stands ``や``, residue no
    repair read (``lossy_scan.py``, seed 327)."""
    original = "KODU’t 言語自体の機’s A。hay, KODU… AKTYWACJA €5. European €5. Dünyanın:"
    damaged = DamageModel("utf-8", "euc_kr", Loss.REPLACE_QUESTION).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "ń" not in fixed, fixed
    assert fixed.endswith("Dünyanın:")


@pytest.mark.parametrize(
    ("codec", "line", "invented"),
    [
        # GBK dropping bytes of Korean left 霂愴, which Big5 reads as 请[
        ("gbk", "亞영ⓔ능횹 . . . . 서울뤄 뎐학乙 家훀 ! ! !ㅠ.ㅠ", "["),
        # Big5 dropping bytes of Chinese left 鈭箏, which it reads back as ∹~
        ("big5", "运行。这种语言简单而强大，适合各种人士学习使用。目前，基于这", "~"),
    ],
)
def test_a_trail_byte_is_not_read_as_a_rare_ascii_mark(
    codec: str, line: str, invented: str
) -> None:
    """GBK, Big5, cp932 and cp949 take ASCII bytes as trail bytes, so real mojibake
    eats the letter after a mark (``鈥檚`` is ``’s``); a tilde, or a bracket with no
    partner on its line, made of one is a coincidence."""
    damaged = DamageModel("utf-8", codec, Loss.IGNORE).apply(line)
    assert invented not in cleantext.fix_encoding(damaged)


def test_a_bracket_with_its_partner_is_still_read_from_a_trail_byte() -> None:
    """``“[T]he`` read as GBK is ``鈥淸T]he``: the ``[`` is the trail byte of ``淸``,
    and its ``]`` follows."""
    original = "He said “[T]he court’s rule applies"
    for codec in ("gbk", "cp932"):
        damaged = DamageModel("utf-8", codec).apply(original)
        assert cleantext.fix_encoding(damaged) == original


def test_a_letter_repeated_does_not_vouch_for_its_copies() -> None:
    """Big5 with ``?`` for lost bytes kept ``賱`` of two syllables of ``대부분의``, and
    GBK reads each as the Arabic ``ل``: each had had the other for a neighbour of its
    script.  Different letters still vouch for each other: EUC-JP with ``?`` keeps
    ``廨`` and ``廣`` of Hebrew words, which are ``ר`` and ``ע``."""
    korean = "환경은 파이썬을 스크립팅과 여러 분야에서와 대부분의 플랫폼에서의 빠른"
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE_QUESTION).apply(korean)
    assert "ل" not in cleantext.fix_encoding(damaged)
    hebrew = "אין כמעט ניבים אזוריים עבריים."
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE_QUESTION).apply(hebrew)
    assert "ר" in cleantext.fix_encoding(damaged)


def test_a_hole_after_a_cjk_mark_tells_no_full_stop_from_a_comma() -> None:
    """``。`` ends a line or opens a quotation, ``、`` goes on between ideographs; a
    character after that is not known (here a mark decoded of lost bytes) tells
    neither.  Big5 with U+FFFD had made ``使用。目前`` ``使�、``."""
    line = "运行。这种语言简单而强大，适合各种人士学习使用。目前，基于这"
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply(line)
    assert "、" not in cleantext.fix_encoding(damaged)


def test_residue_a_model_cannot_read_does_not_take_the_next_words_repairs() -> None:
    """Shift-JIS dropped bytes of ``“метрополитен”``; cp932 rejects most of what is
    left, which had outnumbered its good repairs of ``“underneath” €`` in the same
    region, and Big5 then read the ``竄`` of ``€`` as ``«`` (``lossy_scan.py``, seed
    387).  Words where the repairs are not outnumbered keep them."""
    original = "SOFTWARE behalf, “метрополитен” A, “underneath” €"
    damaged = DamageModel("utf-8", "shift_jis", Loss.IGNORE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert fixed.endswith(" A, “underneath” €"), fixed


def test_one_character_read_whole_between_ascii_is_kept_among_open_holes() -> None:
    """Shift-JIS dropped bytes all over ``„빠른“。„FILES“``, so cp932 keeps of that
    region only what no drop can have joined: ``竄ｬ`` between a space and ``5`` is
    all the codec read there, ``€`` whole, though two damaged characters.  Given
    up, Big5 had read its ``竄`` as ``«`` (``lossy_scan.py``, seed 390)."""
    damaged = DamageModel("utf-8", "shift_jis", Loss.IGNORE).apply(
        "Denizi! „빠른“。„FILES“ Historic €5 A A A A、"
    )
    fixed = cleantext.fix_encoding(damaged)
    assert " Historic €5 " in fixed
    assert "«" not in fixed


def test_a_rescued_segment_keeps_only_what_it_decides() -> None:
    """EUC-JP dropped bytes of ``Великого; 始作者:``; the region is mostly rejected,
    and the segments its repairs outnumber are kept for what they decide only: two
    holes had stood for the three characters of ``始作者`` (``lossy_scan.py``, seed
    345), a lost character no hole shows."""
    original = (
        "Великого; 始作者: ultimatum ILOŚĆ… corps’s。PLIK € cuatro… States… INTERFACE, "
        "„Homme“… About™ – LISTA – déterminé —"
    )
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "; \ufffd" not in fixed, fixed
    assert "déterminé" in fixed


def test_a_later_pass_reads_no_bytes_across_what_an_earlier_one_wrote() -> None:
    """cp932 dropped bytes of ``“у”。o``; the first pass read ``窶昴\\x80Ｐ`` as ``”。o``
    and left ``窶慯``, and the next pass read ``窶慯`` with the ``”`` it had just written
    as ``“сh``, the ``”`` taken for the bytes ``81 68`` (``lossy_scan.py``, seed 451).
    Damage beneath damage lies wholly inside what the outer repair wrote."""
    damaged = DamageModel("utf-8", "cp932", Loss.IGNORE).apply("des; “у”。outside")
    fixed = cleantext.fix_encoding(damaged)
    assert "с" not in fixed and "h。" not in fixed, fixed
    assert fixed.endswith("”。outside")


def test_a_later_pass_reads_no_other_codec_on_a_line_an_earlier_one_repaired() -> None:
    """GBK dropped bytes of ``«즼»`` and left ``歃悸`` between the quotes it repaired;
    the next pass read ``歃悸`` as the EUC-JP ``ݽة`` (``lossy_scan.py``, seed 478).
    What an earlier pass left of a line it repaired is its codec's residue."""
    original = "«disappointed», «Il», «즼» February •"
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert not any(score.script_of(char) == "ARABIC" for char in fixed), fixed
    assert fixed.startswith("«disappointed», «Il», «")


#: Wrong characters that one line under one lossy model had written, each with a
#: character the repair must not write and text it must keep (the scan and seed
#: that found it in the comment).  Each names the rule that now prevents it.
WRONG_CHARACTERS = [
    pytest.param(
        # cp949 read 鸚싥걦 as 多く, and the next pass read the 多 it wrote (E5 A4 9A)
        # as the EUC-JP ¿ (C2 BF): a later pass reads no codec of another family in
        # what an earlier one wrote (lossy_scan.py, seed 512)
        "nations; historical… This 多くのスクリ backdrop • USSR Kremlin €5 € 굴애쉌 – "
        "‘indicated’: Radio € HIGH…; ‘earlier’, entices – Political — Political。July — July",
        "cp949",
        Loss.REPLACE,
        "¿",
        "This 多く",
        id="other-codec-in-what-a-pass-wrote",
    ),
    pytest.param(
        # EUC-JP read 纏 as Ż; GBK read two of the three 脹 of Turkish kıyısı as Û
        # with a gain of exactly 1.5, the margin: a second codec on a line must
        # clear it (lossy_scan.py, seed 518)
        "‘Cold’: UŻYJ… Andrea: kıyısı、“которой” «FACILITY» WYBIERANIE’s… "
        "„bestia“ than – FIRMWARE! bu,",
        "euc_jp",
        Loss.IGNORE,
        "Û",
        "«FACILITY»",
        id="second-codec-at-the-margin",
    ),
    pytest.param(
        # EUC-JP dropped 。 and the last byte of ı and left 脹, which GBK read as Û:
        # no prose breaks a word's case so, and EUC-JP's own ı is left
        # (lossy_scan.py, seed 554)
        "adı。Gassendi Office – documents – ‘George’… take Slezkine •",
        "euc_jp",
        Loss.IGNORE,
        "Û",
        "adıGassendi",
        id="capital-after-a-small-letter",
    ),
    pytest.param(
        # Shift-JIS dropped 80 81 EB of 、뎐, and what was left of 乙、뎐 read whole
        # as 乙㎐: where bytes were dropped, a square sign of CJK compatibility is
        # as rare as a rare ideograph (lossy_scan.py, seed 497)
        "peace — peace; bad™ – 뎐학乙 — 뎐학乙、뎐학乙 visit, gains…;",
        "shift_jis",
        Loss.IGNORE,
        "㎐",
        "peace — peace; bad™",
        id="square-sign-from-two-characters",
    ),
    pytest.param(
        # Latin-1 with the C1 bytes deleted: the lossy-Latin family made » of Â» and
        # left ë¥ of 능 before it, and ftfy read ë¥» as 륻: ftfy reads no bytes
        # from both a lossy-Latin repair and the residue beside it (seed 614)
        "Howard’s «없능궈능» concern «Georgia» extended – cómo",
        "latin-1",
        Loss.STRIP_C1,
        "륻",
        "Howard’s «",
        id="ftfy-across-a-lossy-latin-repair",
    ),
    pytest.param(
        # EUC-KR dropped bytes and left 逵逵剋戟棘棘 of Cyrillic (each read alone as
        # a letter that loses plausibility) and 漏 of שוני。, which GBK read as ©:
        # one symbol of one character beside residue shows nothing (seed 633)
        "Hачалното; שוני。Grimarest",
        "euc_kr",
        Loss.IGNORE,
        "©",
        "Grimarest",
        id="one-symbol-beside-residue",
    ),
    pytest.param(
        # Latin-1 with the C1 bytes deleted: the lossy-Latin family wrote 繫 (whose
        # bytes all survived) among its holes, and the next pass read it as the
        # Big5 ô (C3 B4): no CJK codec reads what a lossy-Latin repair wrote (seed 651)
        "取意繫物之始… ません — polvo… AUTO!, avoid",
        "latin-1",
        Loss.STRIP_C1,
        "ô",
        "繫",
        id="cjk-codec-in-what-lossy-latin-wrote",
    ),
]


@pytest.mark.parametrize(("original", "codec", "loss", "wrong", "kept"), WRONG_CHARACTERS)
def test_a_wrong_character_once_written_is_not(
    original: str, codec: str, loss: Loss, wrong: str, kept: str
) -> None:
    damaged = DamageModel("utf-8", codec, loss).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert wrong not in fixed, fixed
    assert kept in fixed, fixed


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION])
@pytest.mark.parametrize("codec", ["big5", "euc_kr", "euc_jp"])
def test_a_letter_a_multibyte_repair_wrote_is_no_latin1_byte(codec: str, loss: Loss) -> None:
    """EUC-KR read the ``창`` of Romanian ``câțiva`` as ``â`` and lost the ``ț``; the
    lossy-Latin family read that ``â`` as the lead of a ``’`` whose C1 bytes were
    lost, and made ``c’iva`` (``word_probe.py``, seed 70)."""
    damaged = DamageModel("utf-8", codec, loss).apply("și secunde câțiva reducă mi!")
    fixed = cleantext.fix_encoding(damaged)
    assert "’" not in fixed, fixed
    assert "secunde câ" in fixed


def test_a_letter_ftfy_decoded_is_no_latin1_lead() -> None:
    """Latin-1 that lost its C1 bytes keeps ``Ã¢`` of Portuguese ``parâmetro``
    whole, and ftfy makes it ``â``; the lossy-Latin family, reading the line after
    ftfy for the ``â¦`` of ``…``, had then taken that ``â`` for the lead of a dash
    that lost both its bytes: ``par—metro`` (``word_probe.py``, seed 195).  The
    residue ftfy left between its repairs is still read: the ``Ä?`` of ``ğ``, its
    ``9F`` written ``?``, between the letters ftfy decoded on both sides."""
    model = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)
    damaged = model.apply("agora tarde vezes of parâmetro…")
    assert cleantext.fix_encoding(damaged) == "agora tarde vezes of parâmetro…"
    turkish = "1453 yılında fetihten sonra, kent Osmanlı İmparatorluğu'nun dördüncü"
    damaged = DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION).apply(turkish)
    assert cleantext.fix_encoding(damaged) == turkish


def test_a_letter_a_lossy_latin_repair_decoded_is_no_latin1_lead() -> None:
    """The same for the lossy-Latin families' own repairs: in a line of Chinese whose
    C1 bytes became U+FFFD, one family made ``â`` of ``Ã¢`` (a stray ``â`` of the
    phrase), and a later one had read that ``â`` as the lead of a spaced dash that
    lost both its bytes (``word_probe.py``, seed 244)."""
    model = DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD)
    fixed = cleantext.fix_encoding(model.apply("指定 â 的 系统 摇滚."))
    assert " â " in fixed and "—" not in fixed, fixed


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION])
@pytest.mark.parametrize(
    ("original", "codec", "wrong"),
    [("最终 只不过 岁 为 的!", "euc_jp", "Ď"), ("비율 촬영 시간 는 은!", "euc_kr", "ҭ")],
)
def test_a_lone_letter_among_residue_no_repair_reads_is_not_taken(
    original: str, codec: str, wrong: str, loss: Loss
) -> None:
    """GBK read ``膸``, among what EUC-JP left of Chinese, as ``Ď``; Big5 read ``珥``,
    what EUC-KR left of ``촬``, as ``ҭ``, glued to the ``ъ`` EUC-KR had made of the
    next bytes (``word_probe.py``, seed 73).  A letter beyond ASCII beside nothing
    but residue shows nothing of its codec."""
    fixed = cleantext.fix_encoding(DamageModel("utf-8", codec, loss).apply(original))
    assert wrong not in fixed, fixed


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION])
def test_marks_guessed_among_residue_no_repair_reads_are_not_taken(loss: Loss) -> None:
    """EUC-JP lost bytes of ``高度 我 美国 而且 人体!``; Shift-JIS read ``篋坂``, what
    was left of ``人体``, as ``⸍”`` (a rare mark and a closing quote for lost bytes)
    among ideographs no repair reads (``word_probe.py``, seed 68).  Marks alone
    show nothing of a codec there, as one guessed character does not."""
    damaged = DamageModel("utf-8", "euc_jp", loss).apply("高度 我 美国 而且 人体!")
    fixed = cleantext.fix_encoding(damaged)
    assert "⸍" not in fixed and "”" not in fixed, fixed


def test_a_copy_of_a_word_the_screen_left_unread_keeps_the_others_undecided() -> None:
    """Big5 wrote U+FFFD for the lost bytes of both ``Doğu``; the screen's windows
    left out the first, and the lexicon read the second in the line's Polish as
    ``Dołu`` (``lossy_scan.py``, seed 447).  A word is one word in every copy: with
    one copy left as it was, the others decide nothing either."""
    original = (
        "Doğu — Doğu: ‘TÜRKÇE’ — MONITY €5 Jules „face“; dördüncü • FILES’s: NISKIE — NISKIE;"
    )
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "ł" not in fixed, fixed
    assert "“TÜRKÇE”" in fixed


def test_a_guessed_mark_among_common_residue_of_another_codec_is_not_taken() -> None:
    """Big5 dropped bytes of ``항구 해외 게 정확히 인종,`` and left ``匪筋 渥 窶  賄,``;
    cp932 reads ``窶`` as the first bytes of a dash, and had made a spaced dash of
    it (``word_probe.py``, seed 60).  The ideographs no repair reads say the line is
    another codec's residue, common ones as much as rare ones."""
    damaged = DamageModel("utf-8", "big5", Loss.IGNORE).apply("항구 해외 게 정확히 인종,")
    assert "—" not in cleantext.fix_encoding(damaged)
    assert cleantext.fix_encoding("Hello 窶 world") == "Hello — world"


@pytest.mark.parametrize("loss", [Loss.REPLACE, Loss.REPLACE_QUESTION])
def test_a_guessed_mark_among_words_of_lost_marks_is_not_taken(loss: Loss) -> None:
    """Big5 wrote three marks for each Korean syllable of ``삼 현아 어 것 을…`` and
    kept ``窶`` of ``것``; cp932 had read ``窶`` and the mark after it as a spaced
    dash (``word_probe.py``, seeds 194 and 196).  Words of lost marks no repair
    reads are another codec's residue, as unread ideographs are; a literal ``???``
    glued to a word is none, nor is one standing alone."""
    damaged = DamageModel("utf-8", "big5", loss).apply("삼 현아 어 것 을…")
    assert "—" not in cleantext.fix_encoding(damaged)
    english = "Really??? — yes ???"
    damaged = DamageModel("utf-8", "cp932", Loss.REPLACE_QUESTION).apply(english)
    assert cleantext.fix_encoding(damaged) == english


def test_a_second_codec_on_a_line_must_gain_clearly() -> None:
    """EUC-JP dropped bytes of ``“Court” 타이핑’s Court’s, Osmanlı`` and kept ``危``
    of ``이핑``, which GBK reads as the Greek ``Σ`` (``lossy_scan.py``, seed 445), a
    gain of 0.4 beside EUC-JP's ``ı``.  One line is one misreading: a second codec
    there shows itself clearly or not at all."""
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply("“Court” 타이핑’s Court’s, Osmanlı")
    fixed = cleantext.fix_encoding(damaged)
    assert "Σ" not in fixed, fixed
    assert fixed.endswith("Osmanlı")


def test_a_whole_character_beside_unread_residue_may_be_two_characters_bytes() -> None:
    """EUC-JP dropped ``AD E5 9F`` of ``維基大`` and left ``膓阪ぇ``, whose bytes read
    whole as ``綺大``: ``綺`` is made of the bytes of ``維`` and ``基`` (``prose_probe.py``).
    Glued to residue the region cannot read, where bytes vanished, a whole
    three-byte character is left as it was."""
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply("維基大典很好")
    assert "綺" not in cleantext.fix_encoding(damaged)


def test_no_repair_writes_an_ideograph_of_the_supplementary_planes() -> None:
    """cp932 dropped bytes of ``解決`` and left ``隗｣豎ｺ``; EUC-JP reads ``隗｣`` as
    ``F0 A9 8E A3``, the extension-B ``𩎣`` (``word_probe.py``, seed 64).  Like those
    of extension A, no text of the corpora holds one and coincidences make them."""
    damaged = DamageModel("utf-8", "shift_jis", Loss.IGNORE).apply("解決 皆様 だけ た に.")
    fixed = cleantext.fix_encoding(damaged)
    assert not any(ord(char) >= 0x20000 for char in fixed), fixed
    assert fixed.endswith(" に.")


def test_lone_letters_among_unread_cjk_residue_show_nothing_of_their_codec() -> None:
    """cp932 with ``?`` for lost bytes kept ``?攤 ?攵`` of ``인 일``; EUC-JP reads ``攤``
    and ``攵`` as the Urdu ``ں`` and ``ھ``, which Urdu's list holds alone, pieces its
    tokenizer split off (``word_probe.py``, seed 66).  Lone letters of another
    script among CJK residue no repair reads show nothing of their codec."""
    damaged = DamageModel("utf-8", "cp932", Loss.REPLACE_QUESTION).apply("밑 인 일 독자 에:")
    fixed = cleantext.fix_encoding(damaged)
    assert not any("\u0600" <= char < "\u0700" for char in fixed), fixed


def test_a_simplified_chinese_line_gets_no_japanese_form_from_lost_bytes() -> None:
    """Shift-JIS dropped the ``80`` of ``言`` and the ``EF 8C`` of the ``，`` after it,
    and cp932 read what was left, ``險ｼ``, as the Japanese ``証`` after ``设计语``
    (``prose_probe.py``).  A Chinese text writes one of its two scripts: where bytes
    were lost, an ideograph simplified Chinese does not write is not taken beside
    those only it writes."""
    damaged = DamageModel("utf-8", "shift_jis", Loss.IGNORE).apply("这是程序设计语言，")
    fixed = cleantext.fix_encoding(damaged)
    assert "証" not in fixed, fixed
    assert "程序设计语" in fixed


@pytest.mark.parametrize("codec", ["gbk", "shift_jis"])
@pytest.mark.parametrize("other", [f"Contact: Jos{LOST} Garc{LOST}a", "Price: 5\x80 only"])
def test_another_line_s_marks_do_not_decide_how_a_line_is_read(codec: str, other: str) -> None:
    # one U+FFFD another tool wrote, lines away, had made every line be read as if
    # its lost bytes were marked, and one C1 control (a euro sign read as Latin-1,
    # which only cp932 also writes) had left every line to cp932: the line below,
    # whose bytes were dropped, had stayed mojibake (``銇教育用``)
    line = "開発者の Guido van Rossum は教育用のプログラミング言語「ABC」の開発に参加していました。"
    damaged = DamageModel("utf-8", codec, Loss.IGNORE).apply(line)
    alone = cleantext.fix_encoding(damaged)
    below = cleantext.fix_encoding(f"{other}\n{damaged}").split("\n")[1]
    assert below == alone
    assert set(alone) <= set(line) | {LOST}


@pytest.mark.parametrize("loss", [Loss.REPLACE_QUESTION, Loss.IGNORE])
def test_the_codec_that_reads_a_line_best_wins_it_whatever_the_other_lines(loss: Loss) -> None:
    # codecs were ranked by their gain over the whole text: below a line cp932 read,
    # cp932's ``嵌郪`` had won the Korean line's ``그리`` from EUC-JP, which read it
    korean = "지원합니다. 파이썬의 우아(優雅)한 문법과 동적 타이핑, 그리고 인터프리팅"
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE_QUESTION).apply(korean)
    english = "He said “This is it” — and it’s “done”, they’re sure… “Yes”."
    above = DamageModel("utf-8", "shift_jis", loss).apply(english)
    alone = cleantext.fix_encoding(damaged)
    assert cleantext.fix_encoding(f"{above}\n{damaged}").split("\n")[1] == alone
    assert "그리" in alone


@pytest.mark.parametrize("codec", ["euc_kr", "big5"])
def test_a_line_another_codec_read_makes_no_strays_of_this_codec_s_repairs(codec: str) -> None:
    # the codec gaining most over the text was taken for every line's own: two
    # English lines GBK read with ``?`` outgained a short Big5 document, whose
    # weak repairs on its own lines were then dropped as another codec's strays
    # (``便常`` stayed ``靘踹虜``)
    lines = [
        "課題. 為加快開發及測試的速度, 我們便常希望能利用一些已開發好的",
        "Python（派森）语言是一种功能强大而完善的通用型计算机程序设计语言，",
    ]
    document = "\n".join(DamageModel("utf-8", codec, Loss.IGNORE).apply(line) for line in lines)
    english = "He said “This is it” — and it’s “done”, they’re sure… “Yes”."
    above = DamageModel("utf-8", "gbk", Loss.REPLACE_QUESTION).apply(english)
    alone = cleantext.fix_encoding(document)
    assert cleantext.fix_encoding(f"{above}\n{above}\n{document}").split("\n")[2:] == alone.split(
        "\n"
    )
    assert "便常" in alone


def test_marks_another_codec_chose_for_lost_bytes_on_a_line_this_codec_reads_are_strays() -> None:
    """Big5 with U+FFFD left ``窶�`` of the Korean ``게`` beside its own ``과거``;
    cp932, which reads ``窶`` as the first bytes of a dash, made it a spaced dash,
    a repair that read nothing of its codec but a lead (word probe 188)."""
    original = "던전 며 과거 게 수."
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "과거" in fixed
    assert set(fixed) <= set(original) | set(damaged), fixed


def test_a_dash_whose_lost_byte_a_rule_chose_stays_on_its_own_line() -> None:
    """The rule above leaves marks alone where their codec is the line's own."""
    original = "Hello — world"
    damaged = DamageModel("utf-8", "cp932", Loss.REPLACE).apply(original)
    assert "\ufffd" in damaged
    assert cleantext.fix_encoding(f"{damaged}\n過去") == f"{original}\n過去"


def test_holes_only_one_codec_leaves_there_count_for_that_codec() -> None:
    """Slovak ``počuť`` read as Big5 with U+FFFD is ``po��u聽``.  Big5 leaves two holes
    of ``č`` (``C4 8D``), which GBK reads as an ideograph: the holes speak for Big5,
    whose ``ť`` (``C5 A5``) of ``聽`` then outranks the no-break space GBK reads
    there (``C2 A0``; word probe, seed 218)."""
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply("Chytil počuť v vrstvy")
    assert damaged == "Chytil po\ufffd\ufffdu聽 v vrstvy"
    assert cleantext.fix_encoding(damaged) == "Chytil počuť v vrstvy"


def test_holes_another_codec_leaves_as_well_count_for_neither() -> None:
    """EUC-JP with U+FFFD leaves holes of ``‘`` and ``“`` as Big5 does.  Where EUC-JP
    left such holes unread and Big5 read them, they had counted for Big5 on the line,
    and Big5's ``˦`` of ``辿`` had outranked EUC-JP's ``é`` (``publi˦e``; lossy scan,
    seed 870).  The holes only Big5 leaves still count for it (above)."""
    original = (
        "troupe; ‘battlefield’ “much”, KARTĄ. PRZEKIEROWAŃ — ‘WECHAT’: πρώτη • „KAMER“"
        " FORCE €5 publiée™,"
    )
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply(original)
    assert "publi辿e" in damaged
    fixed = cleantext.fix_encoding(damaged)
    assert "publiée" in fixed, fixed
    assert "˦" not in fixed


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE_QUESTION])
def test_one_symbol_beside_ascii_among_unread_residue_shows_nothing(loss: Loss) -> None:
    """What Big5 kept of ``目 ch`` is ``鈭箇``, which GBK reads as ``∹w``: one symbol
    and an ASCII letter, GBK's only repair on a line of residue it cannot read."""
    damaged = DamageModel("utf-8", "big5", loss).apply("乗れ など 人物 目 ch:")
    assert "鈭箇" in damaged
    assert "∹" not in cleantext.fix_encoding(damaged)


def test_a_hole_reads_nothing_of_the_residue_around_a_guessed_dash() -> None:
    """Big5 dropping bytes kept only ``窶   諡  `` of Korean ``검색 에 이 유무 하 –``.
    cp932 reads ``窶`` as a dash that lost its last byte, and leaves ``諡`` a hole:
    a hole reads nothing, so ``諡`` is residue no repair reads, and a dash a rule
    chose there shows nothing of cp932 (word probe, seed 220)."""
    damaged = DamageModel("utf-8", "big5", Loss.IGNORE).apply("검색 에 이 유무 하 –")
    assert damaged == "窶   諡  "
    assert cleantext.fix_encoding(damaged) == damaged
