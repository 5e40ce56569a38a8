"""The single-byte family: ftfy, one line at a time, and the codec of the other lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.repair.ftfy_reading import reads_whole
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.single_byte import _trimmed_edit

CP1251 = DamageModel("utf-8", "cp1251")
QUOTE = "“Well,” he said — it’s over."
TRAILER = "Read more from the\xa0Washington Examiner\xa0on the Trump-Putin meeting:"


def test_a_line_ftfy_declines_is_read_in_the_codec_of_the_other_lines() -> None:
    # ``theВ\xa0Washington`` alone could be Russian ``В`` before a no-break space;
    # beside a line ftfy repaired as cp1251, it is a no-break space read as cp1251.
    text = f"{QUOTE}\n{TRAILER}\n"
    repaired, plan = cleantext.fix_encoding_and_explain(CP1251.apply(text))
    assert repaired == text
    assert any("other lines" in change.note for change in plan)


def test_alone_the_line_is_left_as_it_is() -> None:
    damaged = CP1251.apply(TRAILER)
    assert damaged != TRAILER
    assert cleantext.fix_encoding(damaged) == damaged


def test_a_line_whose_bytes_are_not_utf8_in_that_codec_stays() -> None:
    text = f"{CP1251.apply(QUOTE)}\nВ\xa02016 году он уехал.\n"
    assert cleantext.fix_encoding(text) == f"{QUOTE}\nВ\xa02016 году он уехал.\n"


def test_two_codecs_in_the_other_lines_decide_nothing() -> None:
    other = DamageModel("utf-8", "cp1252").apply("naïve café — done")
    text = f"{CP1251.apply(QUOTE)}\n{other}\n{CP1251.apply(TRAILER)}\n"
    assert cleantext.fix_encoding(text).splitlines()[2] == CP1251.apply(TRAILER)


@settings(max_examples=500, deadline=None)
@given(st.text("abé’", max_size=12), st.text("abé’", max_size=12))
def test_an_edit_is_trimmed_to_the_change(original: str, fixed: str) -> None:
    edit = _trimmed_edit(original, fixed, 7, "ftfy")
    start, end = edit.start - 7, edit.end - 7
    assert original[:start] + edit.after + original[end:] == fixed
    removed = original[start:end]
    # nothing shared is left at either end of the change
    assert not (removed and edit.after and removed[0] == edit.after[0])
    assert not (removed and edit.after and removed[-1] == edit.after[-1])
    shared = min(len(original), len(fixed))
    assert start == shared or original[start : start + 1] != fixed[start : start + 1]


def test_a_line_that_lost_middle_bytes_keeps_its_spaces_from_ftfy() -> None:
    """``…`` read as Latin-1 with its C1 byte deleted is ``â¦``; before a space, ftfy
    takes the space for a lost no-break space and reads ``⦠`` (E2 A6 A0).  Where the
    line shows a three-byte sequence that lost a byte with no space to explain it
    (``â¢â¦``), its spaces stay spaces, even once the lossy-Latin step has repaired the
    leads that lost every continuation."""
    import ftfy

    line = "reflec… Breaktâ¦ insideâ¢â¦ PRAWID"
    assert "⦠" in ftfy.fix_encoding(line)  # what ftfy alone makes of it
    damaged = "Y â WYSYÅA. On â¬ Iran: reflecâ¦ Breaktâ¦ insideâ¢â¦ PRAWID â¬"
    assert "⦠" not in cleantext.fix_encoding(damaged)
    assert "⦠" not in cleantext.fix_encoding(line)


def test_a_c1_control_glued_to_cjk_mojibake_is_left_to_the_cjk_reading() -> None:
    """cp932 reads the byte 0x80 as U+0080, so what it made of UTF-8 holds C1 controls
    between its characters; ftfy alone would transcode them as cp1252 (``冷\\x80`` to
    ``冷€``, a euro sign the text never had).  Kept, such a control is left as it was,
    or read back by the cp932 repair (``р`` is ``D1 80``); a C1 control inside a
    Latin-1 reading of UTF-8 beside Chinese is still ftfy's."""
    from cleantext.repair.models import Loss

    replaced = DamageModel("utf-8", "cp932", Loss.REPLACE)
    assert cleantext.fix_encoding(replaced.apply("“Η”")) == "窶慚冷\x80\ufffd"
    line = "система механического заучивания материала учащимися"
    assert "материала" in cleantext.fix_encoding(replaced.apply(line))
    assert cleantext.fix_encoding("他说â\x80\x9c你好â\x80\x9d") == "他说“你好”"
    assert cleantext.fix_encoding("abc\x80 def") == "abc€ def"  # ftfy's, as before


def test_a_bullet_that_lost_its_middle_byte_is_not_read_as_braille() -> None:
    """``•`` read as Latin-1 with its C1 byte deleted is ``â¢``; ftfy takes the space
    after it for a lost no-break space and reads the Braille ``⢠`` (E2 A2 A0).  No
    text sets one Braille cell between words: the spaces stay spaces, the bullets are
    left as they were, and the rest of the line is still repaired.  ftfy's own case of
    the blank cell ``⠀`` (its space the middle byte) passes as before."""
    import ftfy

    line = "Hello â¢ cede â¢ vegetaciÃ³n"
    assert "⢠" in ftfy.fix_encoding(line)  # what ftfy alone makes of it
    assert cleantext.fix_encoding(line) == "Hello â¢ cede â¢ vegetación"


def test_a_lead_before_a_space_makes_no_rare_ideograph_with_the_mark_after_it() -> None:
    """``く –`` read as cp1252 with the bytes it lacks dropped is ``ã â€“``: ftfy reads
    the ``–``, then takes the space for the lost middle byte of ``ã`` and writes the
    ideograph of extension A ``㠖`` (E3 A0 96; word probe, seed 217).  The lead,
    the space and the mark stay.  The blank Braille cell so read stays ftfy's:
    ``â €`` is ``⠀``."""
    import ftfy

    damaged = DamageModel("utf-8", "cp1252", Loss.IGNORE).apply("の 全く –")
    assert "㠖" in ftfy.fix_encoding(damaged)  # what ftfy alone makes of it
    assert "㠖" not in cleantext.fix_encoding(damaged)
    assert cleantext.fix_encoding("â € Boa sorte!!! Ã©") == "⠀ Boa sorte!!! é"


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("PNG。NÉ – ENABLED Darü €", "Darü"),  # É lost its 89 before a space
        ("Ein Gruß an alle – “Straße” ist gut", "Gruß an"),  # ß lost its 9F
    ],
)
def test_a_lead_before_a_space_on_a_line_that_lost_c1_bytes_is_no_lost_no_break_space(
    line: str, kept: str
) -> None:
    """ftfy reads ``Ã `` as ``à`` whose no-break space became a space (``voilÃ le``).
    On a line whose punctuation lost both continuation bytes (``â ``, ``âF``), C1
    bytes were deleted, and ``Ã `` is a capital or ``ß`` that lost its own: ftfy
    gets the pieces between such spaces, and the lead stays a hole."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(line)
    assert "Ã " in damaged
    fixed = cleantext.fix_encoding(damaged)
    assert "à" not in fixed
    assert kept in fixed
    assert cleantext.fix_encoding("voilÃ le travail") == "voilà le travail"  # ftfy's


def test_another_codec_s_reading_among_latin1_lost_bytes_is_declined() -> None:
    """Chinese read as Latin-1 loses C1 bytes all over (``三 完成 原本`` gives
    ``ä¸ å®æ åæ¬``); ftfy read words of it as cp1257 (``忬``, and ``宿`` where it
    was given the line's pieces), and left the others' three-byte leads beside them.
    Text misread in cp1257 is read whole; ftfy's own Lithuanian case still is."""
    import ftfy

    line = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("三 完成 原本 可 么,")
    assert "忬" in ftfy.fix_encoding(line)  # what ftfy alone makes of it
    assert cleantext.fix_encoding(line) == line
    # ftfy's reading of inconsistent UTF-8, no codec named, made 宿 of ``实时``
    line = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("的 要 工艺 实时 胎儿,")
    assert cleantext.fix_encoding(line) == line
    lithuanian = "Å iaip ÄÆdomu, kaip ÄÆsivaizduoji. VisÅ³ pirma tam reikia laiko."
    assert cleantext.fix_encoding(lithuanian).startswith("Šiaip įdomu, kaip įsivaizduoji.")


def test_a_c1_control_glued_to_a_cjk_codec_s_symbol_is_left_to_the_cjk_reading() -> None:
    """cp932 writes ``≫`` for ``81 E2`` and passes 0x80 through as U+0080: the control
    beside it is no cp1252 euro sign (``to、‘to’`` read as cp932 is ``to縲≫\x80to``)."""
    from cleantext.repair.models import Loss

    dropped = DamageModel("utf-8", "cp932", Loss.IGNORE)
    repaired = cleantext.fix_encoding(dropped.apply("to, Also’t يوق to、‘to’ •"))
    assert "€" not in repaired
    assert "≫\x80to" in repaired


def test_a_letter_before_a_lost_character_is_not_read_as_cp1257() -> None:
    """cp1257 writes ``Ź`` and ``Ć`` with UTF-8 lead bytes: ftfy read ``Ź�`` (Polish
    that lost ``。`` to C1 deletion) as a two-byte character whose second byte was
    lost, and ``Ź’`` as ``ʒ``; and cp949 damage of ``POTWIERDZAĆ …`` as ``à``."""
    from cleantext.repair.models import Loss

    c1_lost = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("POTWIERDŹ。POTWIERDŹ’s •")
    repaired = cleantext.fix_encoding(c1_lost)
    assert repaired.startswith("POTWIERDŹ\ufffdPOTWIERDŹ’s")
    assert cleantext.fix_encoding(repaired) == repaired
    cp949 = DamageModel("utf-8", "cp949", Loss.REPLACE).apply("POTWIERDZAĆ – POTWIERDZAĆ… –")
    assert cleantext.fix_encoding(cp949).startswith("POTWIERDZAĆ ")
    # Lithuanian read as cp1257, with no U+FFFD, is still repaired
    lithuanian = "Šiaip įdomu, kaip įsivaizduoji. Visų pirma tam reikia laiko."
    assert cleantext.fix_encoding(lithuanian.encode("utf-8").decode("cp1257")) == lithuanian


def test_ftfy_s_reading_that_glues_an_ideograph_to_a_word_is_declined() -> None:
    """``некоторое™€`` read as cp1251 is UTF-8 for ``некоторо噈``: ftfy takes it, an
    ideograph glued to a Russian word.  GB18030 with ``?`` leaves that shape once the
    ``™`` is restored beside the ``€`` it paired of the next bytes."""
    import ftfy

    from cleantext.repair.models import Loss

    assert ftfy.fix_encoding("некоторое™€") == "некоторо噈"
    assert cleantext.fix_encoding("некоторое™€") == "некоторое™€"
    model = DamageModel("utf-8", "gb18030", Loss.REPLACE_QUESTION)
    repaired = cleantext.fix_encoding(model.apply("DST、Photo • некоторое™。"))
    assert "噈" not in repaired and "некоторое" in repaired


@pytest.mark.parametrize("text", ["«VIÐ»", "“HVAÐ”", "«ĐÃ»", "“XÃ”", "Hann sagði „ÞAÐ“ strax"])
def test_a_known_word_in_capitals_before_a_mark_is_not_read_as_mojibake(text: str) -> None:
    """Icelandic ``VIÐ`` (``við``) or Vietnamese ``ĐÃ`` (``đã``) in capitals before a
    quotation mark ends in a Latin-1 lead, and the mark is its continuation to ftfy
    (``«VIл``, ``«Đû``): the letters are a known word, so they stay."""
    import ftfy

    assert ftfy.fix_encoding(text) != text
    assert cleantext.fix_encoding(text) == text


@pytest.mark.parametrize(
    ("text", "stray"),
    [
        ("¡¿около№‘ x", "\uee51"),  # cp1251: ``о№‘`` is UTF-8 for U+EE51, private use
        ("…където”€ x", "\ue508"),
        ("½τόσο «»νέα€« κάνεις", "ါ"),  # a Myanmar sign glued to a Greek word
        ("інших «Слова»€", "່"),  # a Lao sign glued to a Ukrainian word
    ],
)
def test_ftfy_s_reading_into_private_use_or_another_script_s_sign_is_declined(
    text: str, stray: str
) -> None:
    """ftfy reads a word's last letter and the symbols after it as UTF-8 in a
    single-byte codec; what that writes, no real text holds."""
    import ftfy

    assert stray in ftfy.fix_encoding(text)
    assert cleantext.fix_encoding(text) == text


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE])
def test_a_control_cp932_passed_through_after_a_private_use_character_stays(loss: Loss) -> None:
    """cp932 reads ``F0 9F`` of ``😀`` as a private-use character and passes ``80``
    through as U+0080 (after the U+FFFD it wrote for ``98``, where bytes are
    replaced); ftfy had made the control a ``€``."""
    damaged = DamageModel("utf-8", "cp932", loss).apply("I 😀 you, really.")
    assert "\x80" in damaged
    assert "€" not in cleantext.fix_encoding(damaged)


def test_a_control_cp932_passed_through_after_its_question_mark_stays() -> None:
    """cp932 writing ``?`` for bytes it cannot read passes ``80`` through as U+0080:
    ``놀라운`` (``EB 86 80 ...``) is ``??\x80?...``.  No UTF-8 read as Latin-1 puts a
    continuation byte after a ``?``; ftfy had made the control a ``€`` (word probe 169)."""
    damaged = DamageModel("utf-8", "cp932", Loss.REPLACE_QUESTION).apply("는 놀라운:")
    assert "?\x80" in damaged
    assert "€" not in cleantext.fix_encoding(damaged)


def test_a_lead_before_a_space_ending_a_word_in_capitals_lost_its_byte() -> None:
    """``SPOJENÍ `` that lost its C1 byte is ``SPOJENÃ ``; ftfy reads ``Ã `` as ``à``
    and a no-break space turned into a space, a small letter no word in capitals
    ends with.  ftfy's own ``voilÃ le`` keeps its ``à``."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("ZAJÍT ŽÁDNÝM SPOJENÍ TŘI")
    fixed = cleantext.fix_encoding(damaged)
    assert "à" not in fixed
    assert fixed.startswith("ZAJÍT")
    assert cleantext.fix_encoding("voilÃ le travail") == "voilà le travail"


@pytest.mark.parametrize("original", ["CỦA TIN CÓ CỦNG ĐÔNG!", "Tôi CÓ CỦNG", "LÀ CÓ ĐÔNG"])
def test_a_lead_before_a_space_ending_a_word_of_two_capitals_lost_its_byte(
    original: str,
) -> None:
    """Vietnamese ``CÓ CỦNG`` that lost its C1 bytes is ``CÃ Cá»¦NG``: one capital
    before ``Ã``, but a word in capitals after it, whose second capital is a lead
    read as Latin-1.  ftfy had read ``CÃ `` as ``Cà`` (word probe 169)."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(original)
    assert "Ã " in damaged
    assert "à" not in cleantext.fix_encoding(damaged)


def test_a_lead_before_sentence_punctuation_shows_the_line_lost_its_c1_bytes() -> None:
    """In ``NÃ. … NÃ â Edén`` (``NÉ. … NÉ – Edén`` with C1 bytes deleted) the first
    pass repairs the ``â`` that showed the deletion, and ftfy then read the second
    ``NÃ `` as ``Nà`` (``lossy_scan.py``, seed 207).  ``NÃ.`` shows it too: no space
    followed that lead to have been a no-break one."""
    original = "NÉ. ‘центр’… out! A A A Molière™ NÉ – Edén €5"
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(original)
    assert "à" not in cleantext.fix_encoding(damaged)
    assert cleantext.fix_encoding("voilÃ le travail.") == "voilà le travail."


@pytest.mark.parametrize(
    "original",
    ["Osmanlı NÉ ЮНЕСКО. arguments’s; costillas DATA", "NÉ’s NÉ — vapor • prioritize。"],
)
def test_a_two_letter_word_does_not_veto_a_lost_byte(original: str) -> None:
    """``NÉ`` that lost its C1 byte is ``NÃ``, which lowercased is Vietnamese ``nã``:
    taken for a real word, the ``Ã`` was left to ftfy, which read it and the space
    after it as ``à`` (``lossy_scan.py``, seeds 221 and 243).  A real word vetoes a
    repair from three letters on (``São``, ``château``)."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(original)
    assert "à" not in cleantext.fix_encoding(damaged)
    assert cleantext.fix_encoding("ÇA VA BIEN — Ó Deus, São Paulo") == (
        "ÇA VA BIEN — Ó Deus, São Paulo"
    )


def test_an_undecided_hole_is_judged_by_the_scripts_its_candidates_offer() -> None:
    """``中까…`` that lost its C1 bytes is ``ä¸\\xadê¹â¦``.  The hole of ``ê¹`` guessed
    the Yi ``ꀹ`` (``EA 80 B9``), which made ``中`` and the hole alien to each other,
    and the lossy-Latin family left both; ftfy then read ``ê¹`` with the ``…`` that
    family had written as cp1252 bytes, ``깅`` (``lossy_scan.py``, seed 224).  Its
    candidates hold Hangul, which agrees with ``中``; the hole stays U+FFFD."""
    original = "había — 因仁川女中까…, rollback There €5, being’t — Helsinki’t."
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(original)
    fixed = cleantext.fix_encoding(damaged)
    assert "中\ufffd…, rollback" in fixed, fixed


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE_QUESTION])
def test_every_control_cp932_passed_through_on_its_line_stays(loss: Loss) -> None:
    """cp932 left ``﨑 ｬｴｴ\\x80 \\uf8f0 \\x80 └!`` of Korean ``하 무관 제 였 네!``: the
    first ``\\x80`` is glued to half-width katakana, the second stands between
    spaces, and ftfy had made it a ``€`` (``word_probe.py``, seed 49)."""
    damaged = DamageModel("utf-8", "cp932", loss).apply("하 무관 제 였 네!")
    assert damaged.count("\x80") == 2
    assert "€" not in cleantext.fix_encoding(damaged)


def test_a_lone_0x80_on_a_line_of_cjk_stays() -> None:
    """cp932 dropping bytes left ``攪 尞ｬ \\x80 ｶ`` of Korean ``의 포 였 분``: no
    control is glued to CJK, but a line with CJK on it was read by no Latin-1
    decoder, so its ``\\x80`` is no cp1252 ``€`` (``word_probe.py``, seed 201).  On
    a line without CJK, ftfy's reading stands."""
    damaged = DamageModel("utf-8", "cp932", Loss.IGNORE).apply("의 포 였 분 리얼…")
    assert " \x80 " in damaged
    assert "€" not in cleantext.fix_encoding(damaged)
    assert cleantext.fix_encoding("costs \x80 5 and \x93more\x94") == "costs € 5 and “more”"


def test_ftfy_does_not_read_a_restored_mark_as_a_byte_among_lost_ones() -> None:
    """``없능궈능…`` that lost its C1 bytes is ``ìë¥ê¶ë¥â¦``.  The lossy-Latin family
    restored ``…`` and left ``ë¥`` beside it, which ftfy read with the ``…`` (cp1252's
    ``85``) as ``륅`` (``lossy_scan.py``, seed 307).  Latin-1 writes that byte as a C1
    control, and those were deleted."""
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(
        "par… 없능궈능… — allow; RELAY — par’s —"
    )
    fixed = cleantext.fix_encoding(damaged)
    assert "륅" not in fixed, fixed
    assert fixed.startswith("par… ")


def test_a_control_glued_to_cjk_stays_whatever_ftfy_is_handed_and_whatever_follows() -> None:
    """cp932 dropping bytes left ``ﾙゅ\\x80«`` of Arabic ``ق`` and ``、«``: the control
    is glued to kana, and a ``«`` after it (``AB``, a continuation byte as Latin-1)
    does not make it part of a Latin-1 reading of UTF-8, since no lead comes before
    it (``lossy_scan.py``, seed 351)."""
    damaged = DamageModel("utf-8", "cp932", Loss.IGNORE).apply(
        "handshake! East € drained。لاحق、«REJESTRACJI» наносит™ In; Dmitry… –"
    )
    assert "ゅ\x80" in damaged
    assert "ゅ€" not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    "model",
    [
        DamageModel("utf-8", "latin-1", Loss.STRIP_C1),
        DamageModel("utf-8", "big5", Loss.REPLACE),
        DamageModel("utf-8", "ascii", Loss.REPLACE),
    ],
    ids=str,
)
def test_ftfy_reads_a_restored_letter_in_no_other_codec(model: DamageModel) -> None:
    # The lexicon restores Romanian ``Ă`` (C4 82, its 82 lost); ftfy then read ``Ă `` as
    # cp1250 for ``à`` (C3 A0), the space taken for a no-break space (word probe 89)
    damaged = model.apply("LIMITĂ DUH DIN APARTAMENT FUNCȚIONEAZĂ…")
    assert cleantext.fix_encoding(damaged).startswith("LIMITĂ DUH")


@pytest.mark.parametrize(
    ("original", "kept"),
    [("dienā vecumnieku sēž neesmu", "sēž"), ("únie konečne keďže…", "konečne")],
)
def test_the_cp1252_family_reads_nothing_ftfy_wrote(original: str, kept: str) -> None:
    # ``ž`` is C5 BE, read as Latin-1 ``Å¾``; ``ē`` and ``ď`` (C4 93, C4 8F) lost their
    # C1 byte: ftfy wrote ``ž`` beside the ``Ä``, and the cp1252 family read ``Äž``
    # (C4 9E) as ``Ğ`` in the next pass (word probes 87 and 89).  The lines are now
    # read whole before ftfy, and the lexicon restores the word ``kept`` (``dien�``
    # stays open: Lithuanian ``dieną`` fits too, and four words are too few to
    # say the line is Latvian).
    fixed = cleantext.fix_encoding(DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(original))
    assert "Ğ" not in fixed
    assert kept in fixed


def test_ftfy_writes_no_small_letter_after_capitals_in_another_codec() -> None:
    # with a U+FFFD on the line, ftfy takes the space after Romanian ``LIMITĂ`` for a
    # lost no-break space and reads ``Ă `` as cp1250 for ``à``: so a second repair
    # of the first one's output had changed it
    text = "LIMITĂ DUH DIN APARTAMENT FUNC\ufffdIONEAZ\ufffd\ufffd"
    assert cleantext.fix_encoding(text) == text


def test_ftfy_writes_no_small_letter_between_a_capital_and_a_word_in_capitals() -> None:
    # ``VÀ TÔI`` that lost its C1 bytes is ``VÃ TÃI``: ftfy read ``Ã `` as ``à``, its
    # space taken for a lost no-break space (word probe, seed 218)
    damaged = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply("VÀ TÔI NGƯỜI ĐỌC CỞI!")
    assert damaged.startswith("VÃ TÃI")
    assert "à" not in cleantext.fix_encoding(damaged)
    # before a word in small letters, ftfy's reading stands
    assert cleantext.fix_encoding("VÃ\xa0 tÃ´i") == "Và tôi"


def test_a_hole_is_made_of_what_ftfy_wrote_as_of_what_it_did_not() -> None:
    # ftfy makes ``€`` of the C1 control; the ``â€`` left lost a byte either way
    assert cleantext.fix_encoding("â\x80") == cleantext.fix_encoding("â€") == "\ufffd"


def test_a_line_ftfy_reads_whole_in_one_codec_is_read_so() -> None:
    # MacRoman's mojibake of ``的`` is ``ÁöÑ``, a lead before the space: read as a
    # line that lost C1 bytes, split at that space, ``ÁöÑ`` alone had been left
    original = "fast prototyping 的 programming language. 故我們希望能將既有的"
    damaged = DamageModel("utf-8", "mac_roman").apply(original)
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert repaired == original
    assert [change.model for change in plan] == ["utf-8 read as macroman"]


@pytest.mark.parametrize(
    ("line", "whole"),
    [
        # Hangul from U+D000 begins ``ED``: ftfy names its ``utf-8-variants``
        (DamageModel("utf-8", "mac_roman").apply("파이썬은 배우기 쉽고"), True),
        (DamageModel("utf-8", "cp1252").apply("it’s over — done"), True),
        # ftfy reads it, writing U+FFFD for the lost byte of ``”``
        (DamageModel("utf-8", "cp1252", Loss.IGNORE).apply("“Well,” he said"), False),
        ("“Well,” he said", False),
    ],
)
def test_reads_whole_is_a_lossless_reading_of_every_byte(line: str, whole: bool) -> None:
    assert reads_whole(line) is whole


def test_a_word_before_a_c1_control_is_no_word_written() -> None:
    # ``JÄ`` before ``\x98`` looked like Swedish ``jä`` ending before ftfy's change:
    # but the control is a continuation byte read as Latin-1, which no text writes
    text = "A JĘZYK “A” A A A A A A"
    assert cleantext.fix_encoding(DamageModel("utf-8", "latin-1").apply(text)) == text


def test_a_continuation_cp1252_writes_as_a_mark_is_no_lost_byte() -> None:
    """cp1252 writes the continuation byte ``80`` as ``€``: ``NHIá»€U`` is Vietnamese
    ``NHIỀU`` read as cp1252 whole.  A three-byte lead and one continuation followed
    by no Latin-1 continuation had been taken for a sequence whose C1 byte was
    deleted, and that kept ftfy from a line it repairs (``word_probe.py``, seed
    233)."""
    assert cleantext.fix_encoding("NHIá»€U") == "NHIỀU"
    line = "CẢM ƠN BẠN NHIỀU"
    assert cleantext.fix_encoding(line.encode("utf-8").decode("cp1252")) == line


@pytest.mark.parametrize(
    "original",
    [
        "Lâu này muốn phục bện –",  # ``LÃ¢u``: ``Lã`` is a word, a letter after ``â``
        "Cử cắt lại đệm lở!",  # ``Cá»\xad``: ``Cá`` is a word, ``ử`` three bytes
        "Khổng thương nữ một là!",
    ],
)
def test_a_known_word_whose_marks_make_a_letter_inside_a_word_is_mojibake(original: str) -> None:
    """Vietnamese read as cp1252, nothing lost, which ftfy repairs: ``Khá`` and ``Lã``
    are words, and a mark after them had kept them whole (word probe, seed 188).
    A three-byte sequence, or a letter after the marks, puts them inside a word."""
    assert cleantext.fix_encoding(original.encode("utf-8").decode("cp1252")) == original


@pytest.mark.parametrize(
    ("original", "glued"),
    [("luyện gia về mục buồm:", "vỠmục"), ("SỐ PHẢI", "SỠPHẢI"), ("Về không", "VỠkhông")],
)
def test_ftfy_glues_no_vietnamese_syllable_through_a_space(original: str, glued: str) -> None:
    """``ề`` and ``Ố`` lost their ``81`` and ``90`` under cp1252, leaving ``á»`` before a
    space: ftfy read the space as a lost no-break space, ``Ỡ``, glued to the next
    syllable (word probe, seed 188).  Vietnamese writes each syllable apart."""
    damaged = DamageModel("utf-8", "cp1252", Loss.IGNORE).apply(original)
    repaired = cleantext.fix_encoding(damaged)
    assert glued not in repaired and "Ỡ" not in repaired, repaired
    # a capital that glues to no vowel stays ftfy's: ``BẠN``
    assert cleantext.fix_encoding("Báº N") == "BẠN"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Hàbits no fins a vegades…", "Hàbits no fins a vegades…"),
        ("là truyền mạng người nhất…", "là truy\ufffdn mạng ngư\ufffdi nhất…"),
        # what the lossy-Latin family does not read stays ftfy's U+FFFD
        ("Résumé: • one • two", "Résumé: \ufffd one \ufffd two"),
    ],
)
def test_a_mark_whose_c1_byte_was_written_as_a_question_mark_is_read_in_context(
    original: str, expected: str
) -> None:
    """``…`` read as Latin-1, its C1 byte written ``?``, is ``â?¦``.  On a line ftfy
    reads (``HÃ\xa0bits``), ftfy made it a U+FFFD; the lossy-Latin family, reading
    it after ftfy, tells ``…`` from the context (word probes 188 and 233: 45 and 42
    examples)."""
    damaged = DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION).apply(original)
    assert cleantext.fix_encoding(damaged) == expected


@pytest.mark.parametrize(
    "original",
    [
        "«voilà»",
        "Il dit «voilà» et part",
        "c’est déjà »",
        # French sets a no-break space inside guillemets and before ``: ; ? !``
        "Il a dit\xa0: « voilà\xa0» et parti.",
        "Où est le café\xa0?",
        "C’est déjà\xa0! Très bien.",
    ],
)
@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_a_lead_and_continuation_ftfy_writes_as_letters_is_no_mark_of_lost_bytes(
    original: str, codec: str
) -> None:
    """``Â«voilÃ\xa0Â»`` is ``«voilà»`` read as Latin-1, which ftfy repairs.  The ``à»``
    it writes (or ``é\xa0`` of ``café\xa0?``) is a three-byte lead and a
    continuation, the mark of Latin-1 that lost its C1 bytes, so ftfy's reading was
    checked for changes other than Latin-1's; and the aligner had matched the ``»``
    ending ``Ã\xa0Â»`` with the one written, leaving ``Ã\xa0Â``, which reads as
    nothing.  The line was left as it was."""
    damaged = DamageModel("utf-8", codec).apply(original)
    assert cleantext.fix_encoding(damaged) == original


@pytest.mark.parametrize("loss", [Loss.C1_TO_QUESTION, Loss.C1_TO_FFFD])
def test_a_known_word_whose_lost_byte_is_marked_inside_a_word_is_mojibake(loss: Loss) -> None:
    """``Một`` read as Latin-1 with its ``99`` written ``?`` is ``Má»?t``: ``Má`` is a
    word, and the ``»?`` after it had kept ftfy's reading from the whole line, which
    was left as it was.  A letter after the lost byte puts it inside a word; ftfy's
    holes are taken (word probe, seed 233)."""
    damaged = DamageModel("utf-8", "latin-1", loss).apply("Một nghỉ con hoạt lô.")
    assert cleantext.fix_encoding(damaged) == "M\ufffdt ngh\ufffd con hoạt lô."


@pytest.mark.parametrize(
    ("original", "codec"),
    [
        # a word of one letter before an ellipsis: ``я…`` is Ukrainian ``я``
        ("через тобто саме християнської я…", "latin-1"),
        ("через тобто саме християнської я…", "cp1251"),
        ("Мой в случаи ти е…", "mac_roman"),
        # C1 characters, which cp1252 lacks: ``Tá»\x99t`` is ``Tột``, though ``Tá`` is a word
        ("Tột jae quanh ý trần –", "latin-1"),
        # ``DĂ‰COLLAGE`` read as cp1250 is ``DÉCOLLAGE``, though Romanian writes ``dă``
        ("DU DÉCOLLAGE VOUDRAIS SUR TOUTE –", "cp1250"),
    ],
)
def test_lines_ftfy_repairs_whole_are_repaired(original: str, codec: str) -> None:
    """Frequency-drawn phrases read losslessly in one of ftfy's codecs, which ftfy
    repairs and cleantext had left (the phrases of word-probe seed 188, read
    losslessly in each of ftfy's codecs)."""
    damaged = DamageModel("utf-8", codec).apply(original)
    assert cleantext.fix_encoding(damaged) == original


def test_ftfy_s_pieces_on_a_line_the_lossy_family_reads_are_left_to_it() -> None:
    """ftfy reads only ``Â¿Â¿Â¿`` of this Korean line whose C1 bytes were written
    ``?``, as inconsistent UTF-8; taken, its ``¿¿¿`` kept the lossy-Latin family,
    which reads nothing ftfy decoded, from the whole line.  Where the family reads
    nothing (``â??`` may be ``–`` or ``—``), ftfy's pieces stand."""
    model = DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION)
    fixed = cleantext.fix_encoding(model.apply("㉯㉯납!! 因九月패믤릔궈 ⓡⓖ훀¿¿¿ 긍뒙 ⓔ뎨 ㉯."))
    assert "ã?" not in fixed and "믤" in fixed, fixed
    assert cleantext.fix_encoding(model.apply("mir das du war fpö –")) == "mir das du war fpö â??"
