"""Telling legacy text read as Western from UTF-8 mojibake, line by line.

ftfy is not handed lines of legacy text: a few of their bytes form UTF-8 by chance,
and re-reading only those writes a wrong character into text that stays garbled.
"""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy codecs)
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests import recovery

import cleantext
from cleantext.repair.legacy import (
    _GROUP_PAIRED_SHARE,
    _line_edits,
    _utf8_as_a_whole,
    _utf8_lost_c1,
    _western_bytes,
    _western_words_known,
    is_legacy_line,
)
from cleantext.repair.models import LEGACY_CODECS, DamageModel, Loss
from cleantext.repair.screen import LEGACY_RUN_RE

SLOPPY = DamageModel("utf-8", "sloppy-windows-1252")
SENTENCE_RU = "Однако директор училища посоветовал молодому человеку поступить"
SENTENCE_KO = "亞영ⓔ 家능궈 ☆上관 없능궈능 亞능뒈훀 글애듴"


@pytest.mark.parametrize(
    ("line", "legacy"),
    [
        (DamageModel("cp1251", "windows-1252").apply(SENTENCE_RU), True),
        (DamageModel("koi8_r", "latin-1").apply(SENTENCE_RU), True),
        (DamageModel("euc_kr", "latin-1").apply(SENTENCE_KO), True),
        # UTF-8 mojibake: most characters pair up into UTF-8 sequences
        (DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(SENTENCE_RU), False),
        (SLOPPY.apply(SENTENCE_RU), False),
        (SLOPPY.apply(SLOPPY.apply(SENTENCE_RU)), False),  # read wrongly twice
        ("Plain English with café and naïve.", False),
    ],
)
def test_legacy_lines_are_told_from_utf8_mojibake(line: str, legacy: bool) -> None:
    assert is_legacy_line(line) is legacy


def test_utf8_formed_by_chance_in_legacy_text_is_not_re_read() -> None:
    damaged = DamageModel("euc_kr", "latin-1").apply(SENTENCE_KO)
    assert "ä¬¿" in damaged  # the bytes E4 AC BF: UTF-8 for 䬿, by chance
    assert "䬿" not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    "sentence",
    [
        # one-letter words (``и``, ``в``, ``к``) used to count as unknown words
        "Так и не получив аттестата зрелости, в 1895 году он присоединился к своей семье.",
        # Bulgarian, written in KOI8-R with the letters Russian has
        "Всеки човек има право на образование.",
    ],
)
def test_koi8_r_text_read_as_western_is_repaired(sentence: str) -> None:
    damaged = DamageModel("koi8_r", "latin-1").apply(sentence)
    assert cleantext.fix_encoding(damaged) == sentence


def test_utf8_cut_into_one_letter_pieces_is_not_read_as_legacy() -> None:
    """Japanese UTF-8 with its C1 bytes deleted reads as cp1255 in one- and two-letter
    Hebrew pieces between symbols (``ד®דד×ד·``): no prose, whatever the pieces."""
    original = "というのが Python のポリシーです。"
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(original)
    repaired = cleantext.fix_encoding(damaged)
    assert not any("\u0590" <= char <= "\u05ff" for char in repaired), repaired


@pytest.mark.parametrize(
    ("codec", "sentence"),
    [
        ("cp1251", "С 1935 года в Москве работает метрополитен."),
        ("koi8_r", "Осенью 1895 г."),
        ("big5", "目前有許許多多的 library 是以 C 寫成, 而 Python 是一個"),
        ("cp1256", "كلمة اللاتينية مرك (باللغة اللاتينية: Morroch) وهي تصحيف"),
    ],
)
def test_groups_cut_off_by_digits_or_ascii_words_follow_the_line(codec: str, sentence: str) -> None:
    """``Ñ`` alone proves nothing, but beside ``ãîäà â Ìîñêâå`` read as cp1251 it is
    ``С``: a short group takes the codec the rest of its line was read in."""
    damaged = DamageModel(codec, "latin-1").apply(sentence)
    assert cleantext.fix_encoding(damaged) == sentence


@pytest.mark.parametrize(
    ("codec", "sentence"),
    [
        ("cp1251", "Москва является столицей России"),  # café would be cafщ
        ("big5", "目前有許許多多的程式庫"),  # señor would be se刺r
    ],
)
def test_a_western_word_in_a_legacy_line_stays(codec: str, sentence: str) -> None:
    legacy = DamageModel(codec, "latin-1").apply(sentence)
    # an ASCII word ends the group, so the Western words are a short group of their own
    western = " Moscow café señor"
    assert cleantext.fix_encoding(legacy + western) == sentence + western


def test_a_short_group_glued_to_a_latin_letter_stays() -> None:
    """``x¤¤`` would decode as Big5 ``x中``: a Latin letter glued to CJK is no CJK text."""
    legacy = DamageModel("big5", "latin-1").apply("目前有許許多多的程式庫")
    assert cleantext.fix_encoding(legacy + " Moscow x¤¤") == "目前有許許多多的程式庫 Moscow x¤¤"


@pytest.mark.parametrize(
    "sentence",
    [
        "在資訊科技快速發展的今天, 開發及測試軟體的速度是不容忽視的",
        "為加快開發及測試的速度, 我們便常希望能利用一些已開發好的",
    ],
)
def test_one_short_western_word_does_not_veto_a_legacy_reading(sentence: str) -> None:
    """``開`` in Shift-JIS is ``8A 4A``, which Latin-1 shows as a C1 control and ``J``,
    and ``á`` follows: ``Já``, Portuguese for "already", once for each ``開``."""
    damaged = DamageModel("shift_jis", "latin-1").apply(sentence)
    assert cleantext.fix_encoding(damaged) == sentence


@pytest.mark.parametrize(
    ("group", "known"),
    [
        ("déjà vu, señor", True),  # two different known words
        ("Größe", True),  # one known word of four letters or more
        ("\x8aJá¢", False),  # one short word
        ("\x8aJá¢ \x8aJá¢", False),  # the same short word twice
        ("ÐÑÐµÐºÐ¸", False),  # no word at all
    ],
)
def test_western_words_veto_a_legacy_reading_only_with_evidence(group: str, known: bool) -> None:
    assert _western_words_known(group) is known


def test_a_group_mostly_of_utf8_sequences_is_not_read_as_legacy() -> None:
    """``Γερμαν`` with its C1 bytes deleted is ``ÎÎµÏÎ¼Î±Î½``: eight of its ten
    characters still pair up as UTF-8, and it is no GBK text (``挝迪渭伪谓``, five
    common ideographs, was written once)."""
    line = "Cautio podrás. Witkof; Γερμαν; acabad"
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(line)
    assert "ÎÎµÏÎ¼Î±Î½" in damaged
    repaired = cleantext.fix_encoding(damaged)
    assert not any("\u4e00" <= char <= "\u9fff" for char in repaired), repaired


@pytest.mark.parametrize(
    "sentence", ["오늘 날씨가 맑고 쓔쓩 좋아요", "학교 쓔 좋다", "학교 쓔 家", "서울 뎐학 家훀 !"]
)
def test_euc_kr_syllables_written_as_make_up_sequences_are_read_as_korean(sentence: str) -> None:
    # 쓔 and 훀 are outside KS X 1001: EUC-KR writes each as a filler and three jamo,
    # which is no sign of a rare character, and which GBK would read as hiragana.
    assert cleantext.fix_encoding(DamageModel("euc_kr", "latin-1").apply(sentence)) == sentence


@pytest.mark.parametrize(
    ("codec", "sentence"),
    [
        ("euc_kr", "◎ 파이썬(Python)은 배우기 쉽고, 강력한 프로그래밍 언어입니다."),
        ("gbk", "※ 注意：本产品不适合儿童使用。"),
        ("big5", "★ 今天天氣很好，我們去公園散步。"),
        ("shift_jis", "◆ 今日は天気がいいですね。"),
    ],
)
def test_a_symbol_from_the_codecs_own_rows_does_not_veto_a_reading(
    codec: str, sentence: str
) -> None:
    # ◎ ※ ★ ◆ lie below U+2E80 like Latin letters, but they are symbols every one
    # of these codecs carries in its first rows, and CJK text leads lines with them.
    assert cleantext.fix_encoding(DamageModel(codec, "latin-1").apply(sentence)) == sentence


@pytest.mark.parametrize(
    ("codec", "sentence"), [("gbk", "α和β都是希腊字母"), ("euc_kr", "α 파이썬은 배우기 쉽고")]
)
def test_a_latin_or_greek_letter_in_a_reading_vetoes_it(codec: str, sentence: str) -> None:
    # The codecs carry Greek letters too, but a Western reader's bytes that decode to
    # one are as often Western text that happens to decode: the reading is declined.
    damaged = DamageModel(codec, "latin-1").apply(sentence)
    assert _line_edits(damaged, 0, len(damaged), double_byte=True) == []


@pytest.mark.parametrize("sentence", ["☆첫가끝: 날아라 쓩~ 큼!", "㉯㉯납!! 因九月패 ⓡⓖ훀 ⓔ뎨 ㉯."])
def test_cjk_read_as_mac_roman_is_not_legacy_text(sentence: str) -> None:
    # ``‚òÜÏ≤´`` is made of Western letters, but its bytes are UTF-8 through MacRoman:
    # ftfy repairs the whole line, symbols (☆, ㉯) included.
    damaged = DamageModel("utf-8", "mac_roman").apply(sentence)
    assert not is_legacy_line(damaged)
    assert cleantext.fix_encoding(damaged) == sentence


_WESTERN_PIECES = st.sampled_from(
    ["a", "Z", "1", " ", "\t", ".", "é", "Ã", "â", "€", "™", "\x81", "\x90", "\ufffd", "Ð", "ò"]
)
_UTF8_WORDS = st.sampled_from(["Привет", "мир", "日本語", "’", "“", "—", "Größe", "ok"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_WESTERN_PIECES, _UTF8_WORDS), max_size=30),
    st.sampled_from(["sloppy-windows-1252", "latin-1"]),
    st.booleans(),
)
def test_a_line_of_utf8_read_as_western_is_passed_by_whole(
    parts: list[str], reader: str, double_byte: bool
) -> None:
    """A line whose Western bytes are UTF-8 is ftfy's case: no group of it is read
    as legacy text, which is what lets :func:`_utf8_as_a_whole` pass it by whole."""
    original = "".join(parts)
    line = original.encode("utf-8").decode(reader, "replace") if parts else original
    if _utf8_as_a_whole(line):
        assert _line_edits(line, 0, len(line), double_byte) == []


@settings(max_examples=500, deadline=None)
@given(st.text(_WESTERN_PIECES | st.characters(max_codepoint=0x2FF), max_size=20))
def test_western_bytes_are_the_bytes_of_cp1252_or_latin_1(group: str) -> None:
    expected: bytes | None
    try:
        expected = "".join(
            chr(_cp1252_byte(char)) if _cp1252_byte(char) is not None else char for char in group
        ).encode("latin-1")
    except UnicodeEncodeError:
        expected = None
    assert _western_bytes(group) == expected


def _cp1252_byte(char: str) -> int | None:
    """The byte cp1252 writes ``char`` as, for its own characters in 0x80-0x9F only."""
    try:
        data = char.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return data[0] if 0x80 <= data[0] <= 0x9F else None


def test_an_euc_kr_reading_without_hangul_is_not_korean() -> None:
    """``участва…`` that lost its C1 bytes is ``ÑÑÐ°ÑÑÐ²Ð°â¦``, whose bytes EUC-KR
    reads as six common Hanja and no Hangul: Korean is written in Hangul, and
    Chinese is not written in EUC-KR."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("Criminal € участва… approach")
    repaired = cleantext.fix_encoding(damaged)
    assert not any("\u3400" <= char <= "\u9fff" for char in repaired), repaired


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # ``十二月廿一`` that lost its C1 bytes is ``åäºæå»¿ä¸``: cp1255 reads two known
        # Hebrew words in it (``וה÷זו»¿ה¸``), and cp1256 reads ``هن؛وه»؟ن¸``
        ("India… „crucial“… One 十二月廿一 ENGLISH: ROZDZIELCZOŚĆ € lot V", "ROZDZIELCZOŚĆ"),
        ("India… One 十二月廿一 ENGLISH: € increasingly", "ENGLISH"),
    ],
)
def test_a_single_byte_reading_torn_apart_by_symbols_is_not_prose(sentence: str, kept: str) -> None:
    """A symbol glued between two letters, or a Hebrew point on a Latin letter, is
    what a single-byte codec makes of UTF-8's lead and continuation bytes."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(sentence)
    repaired = cleantext.fix_encoding(damaged)
    assert not any("\u0590" <= char <= "\u06ff" for char in repaired), repaired
    assert kept in repaired


def test_hebrew_words_with_geresh_and_maqaf_are_still_read() -> None:
    sentence = "צה״ל הודיע היום על תרגיל גדול בצפון־הארץ ובדרום"
    damaged = DamageModel("cp1255", "windows-1252").apply(sentence)
    assert cleantext.fix_encoding(damaged) == sentence


def test_legacy_lines_do_not_have_the_shape_of_utf8_that_lost_c1_bytes(
    multilingual: dict[str, str],
) -> None:
    """Every line of legacy text in the recovery corpus, read as Western, breaks the
    shape (a continuation byte with no lead before it, or leads paired with nothing)."""
    sentences = recovery.corpus_sentences()
    checked = 0
    for codec in LEGACY_CODECS:
        for western in ("sloppy-windows-1252", "latin-1"):
            model = DamageModel(codec, western)
            for sentence in sentences:
                if recovery.native_share(sentence, codec) < 0.5:
                    continue
                damaged = recovery.damage(model, sentence)
                if damaged is None:
                    continue
                checked += 1
                assert not _utf8_lost_c1(damaged), (model.name, sentence)
    assert checked > 200


def test_utf8_that_lost_c1_bytes_mostly_has_that_shape(multilingual: dict[str, str]) -> None:
    """Measured: 102 of the corpus's 106 such lines."""
    model = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)
    lines = [
        damaged
        for sentence in recovery.corpus_sentences()
        if (damaged := recovery.damage(model, sentence)) and LEGACY_RUN_RE.search(damaged)
    ]
    assert len(lines) > 50
    assert sum(map(_utf8_lost_c1, lines)) >= 0.9 * len(lines)


def test_utf8_that_lost_c1_bytes_is_not_read_as_euc_kr() -> None:
    """``€5 футболу`` that lost its C1 bytes is ``â¬5 ÑÑÑÐ±Ð¾Ð»Ñ``, which EUC-KR
    reads as ``燧5 金桔귈압뿌``, half Hangul; the line has UTF-8's shape throughout."""
    sentence = "bedelio: Kostantiniyye’s、lot Breakthrough… a €5 футболу Immediate €5;"
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(sentence)
    repaired = cleantext.fix_encoding(damaged)
    assert not any("\u3400" <= char <= "\ud7a3" for char in repaired), repaired
    assert "Breakthrough… a €5" in repaired


@pytest.mark.parametrize(
    "text", ["He said “üç” loudly", "Sayı “üç” idi.", "A “déjà” vu", "He said “þá” loudly"]
)
def test_a_known_word_in_typographic_quotes_is_not_legacy_text(text: str) -> None:
    """``“üç”`` (Turkish "three") is the bytes ``93 FC E7 94``, which Shift-JIS reads as
    two common kanji, ``入逕``: quotes around a known word are Western typography.
    Icelandic is asked too (``“þá”``, "then", had become ``據釘``)."""
    assert cleantext.fix_encoding(text) == text


@pytest.mark.parametrize(
    "text",
    ["“máš”… x", "‘náš’” x", "He said “nää”… and left", "He wrote «ÜÇ», today", "“üç”. Then"],
)
def test_a_known_word_wrapped_in_quotes_and_ellipses_is_not_legacy_text(text: str) -> None:
    """Czech ``“máš”…`` is ``93 6D E1 9A 94 85`` as cp1252 bytes, three kanji read as
    Shift-JIS (``杜癩賠``): typography around a known word is Western, and so is
    the punctuation after it (``«ÜÇ»,`` had become ``ボ퓨,``)."""
    assert cleantext.fix_encoding(text) == text


def test_a_group_with_the_shape_of_utf8_that_lost_c1_bytes_is_not_legacy_text() -> None:
    """``עדות`` that lost its C1 bytes is ``×¢××ª`` (``D7 A2 D7 D7 D7 AA``), which GBK
    reads as ``注鬃转``.  The group has the shape on its own, whatever its line."""
    sentence = "entices! עדות! domestic — domestic – Londres’t – Alaska。blaming — Daniel™ –"
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(sentence)
    group = damaged.split()[1]
    assert _utf8_lost_c1(group, _GROUP_PAIRED_SHARE), group
    repaired = cleantext.fix_encoding(damaged)
    assert not any("\u4e00" <= char <= "\u9fff" for char in repaired), repaired


def test_a_hebrew_letter_glued_to_a_latin_word_is_no_legacy_reading() -> None:
    """``“fini”`` that lost its C1 bytes is ``âfiniâ``, in cp1255 ``גfiniג``; with
    Korean and Hebrew that lost theirs beside it, the line had read as Hebrew.  A
    letter of a caseless script glued to an ASCII letter is no prose."""
    damaged = recovery.damage(
        DamageModel("utf-8", "latin-1", Loss.STRIP_C1), "서신서™; דוברים; “fini”:"
    )
    assert damaged is not None
    assert cleantext.fix_encoding(damaged) == damaged


def test_one_byte_over_and_over_is_no_legacy_text() -> None:
    """Ukrainian capitals that lost their C1 bytes leave ``ÐÐÐÐÐÐ``, which GBK would
    read as ``行行行``."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("ТЕЛЕКАНАЛІВ S АНАЛОГ!")
    assert "行" not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("речных: REJESTRACJI Hollande ‘They’ — confident Stakes™ qu;", "“They” — confident"),
        ("„晰“ A A、‘晰’、", " A A"),
    ],
)
def test_punctuation_that_lost_both_continuation_bytes_does_not_hide_the_shape(
    sentence: str, kept: str
) -> None:
    """``речных`` that lost its C1 bytes is ``ÑÐµÑÐ½ÑÑ``, which GBK reads as common
    ideographs (``研笛薪蜒``); ``„晰“`` is ``âæ°â``, EUC-KR's ``殉겸``.  Fewer than half
    their bytes pair up.  The quotes and dashes, each a lone ``â`` before a space or
    a mark, are not counted, and the rest has UTF-8's shape (``lossy_scan.py``,
    seeds 249 and 229)."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(sentence)
    assert _utf8_lost_c1(damaged)
    repaired = cleantext.fix_encoding(damaged)
    assert not any("\u4e00" <= char <= "\ud7a3" for char in repaired), repaired
    assert kept in repaired


def test_a_double_byte_reading_needs_the_line_s_other_groups_to_decode() -> None:
    """A GBK text decodes whole, so a group beside ``研笛薪蜒`` that GBK cannot decode
    (``âStakesâ``, a lone ``â``: quotes and a dash that lost their C1 bytes) shows
    the line is not GBK.  Here the line has too few lone leads for its shape alone."""
    sentence = "речных: REJESTRACJI Hollande ‘They’ — confident ‘Stakes’ qu;"
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(sentence)
    assert not _utf8_lost_c1(damaged)
    repaired = cleantext.fix_encoding(damaged)
    assert not any("\u4e00" <= char <= "\u9fff" for char in repaired), repaired
    assert "Hollande “They” — confident" in repaired


def test_what_another_repair_wrote_is_not_read_as_legacy_bytes() -> None:
    """Latin-1 with C1 bytes written U+FFFD left ``Â«Ð¸Â»`` of ``«и»``; the lossy-Latin
    family made ``«`` and ``»`` of it, and the legacy family then read ``«Ð¸»`` as the
    EUC-KR ``バ말`` (``lossy_scan.py``, seed 330).  What a repair wrote is no byte a
    Western codec misread."""
    original = "„ll“; BŁĄD、APARTAMENT! «и»;"
    damaged = DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "バ" not in fixed and "말" not in fixed, fixed
    assert fixed.startswith("“ll”; ")


def test_capitals_that_lost_their_c1_bytes_are_not_read_as_legacy() -> None:
    """Cyrillic capitals ``А`` to ``П`` end in a C1 byte; deleted, they leave their
    lead ``Ð`` alone: ``Ð ÐÐ ÐÐ ÐÐÐÐ£Ð¡Ð¯`` had been read as cp1251, ``Р РР РР
    РРРРЈРЎРЇ`` (``word_probe.py``, seed 59).  One or two lead bytes, repeated, are
    one script's block in UTF-8; cp1251's capitals spread over 32 values, and a line
    of them is still read."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("I В ДО ДО БАБУСЯ:")
    fixed = cleantext.fix_encoding(damaged)
    assert "Р" not in fixed and fixed.endswith("УСЯ:"), fixed
    legacy = "ВНИМАНИЕ! ДОКУМЕНТ ОБРАБОТАН"
    assert cleantext.fix_encoding(legacy.encode("cp1251").decode("cp1252")) == legacy


def test_kana_that_lost_its_c1_bytes_is_no_hebrew_of_one_letter() -> None:
    """UTF-8 of kana read as Latin-1 with its C1 bytes deleted keeps the lead byte
    ``E3`` of every character: ``ãã¨ ãã æã éã`` read as cp1255 is ``דד¨ דד זד יד``,
    whose ``יד`` and ``דד`` are Hebrew words (``word_probe.py``, seed 60).  No prose
    repeats one letter for more than half of its own."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("こと ある 抜い 通り こんな,")
    fixed = cleantext.fix_encoding(damaged)
    assert not any("\u0590" <= char < "\u0600" for char in fixed), fixed


def test_kana_that_lost_its_c1_bytes_is_no_cyrillic_of_one_letter_repeated() -> None:
    """Five kana keep five ``ã`` (``ããã ãã``), too few for the rule above; read
    as cp1251 they are ``ггг гг``, and ``гг`` is a Russian word (an abbreviation,
    ``word_probe.py``, seed 193).  A word of one letter repeated confirms no reading."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("そりゃ あれ s か の.")
    assert cleantext.fix_encoding(damaged) == damaged
    legacy = "Это ещё не всё, гг."
    assert cleantext.fix_encoding(legacy.encode("cp1251").decode("cp1252")) == legacy


@pytest.mark.parametrize("original", ["Член 26", "Член 26 и 27"])
def test_utf8_read_in_another_codec_ftfy_reads_is_not_legacy_text(original: str) -> None:
    """Russian read as cp1257 is ``Š§Š»ŠµŠ½``; read back as cp1252 those bytes are
    Shift-JIS for ``刊棺慣歓``, which the legacy family had written.  In cp1257 they
    are UTF-8, ftfy's case."""
    damaged = DamageModel("utf-8", "cp1257").apply(original)
    assert cleantext.fix_encoding(damaged) == original
