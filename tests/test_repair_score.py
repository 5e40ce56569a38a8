"""The plausibility score's script check (:func:`cleantext.repair.score.scripts_agree`)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import cleantext
from cleantext.repair import score, screen
from cleantext.repair.models import DamageModel, Loss


@pytest.mark.parametrize(
    "text",
    ["ポリシー", "ジュール", "人々", "〆切", "ㄅㄆ注音", "한국어", "ｶﾀｶﾅ", "ＡＢＣ全角"],
)
def test_chinese_japanese_and_korean_letters_agree(text: str) -> None:
    """Marks named outside the CJK blocks (``ー`` is a "KATAKANA-HIRAGANA" mark, ``々``
    an "IDEOGRAPHIC" one) belong with the letters around them."""
    assert score.scripts_agree(text)


@pytest.mark.parametrize("text", ["ジュ\u0628", "дом人", "α々"])
def test_other_scripts_beside_cjk_do_not_agree(text: str) -> None:
    assert not score.scripts_agree(text)


def test_a_katakana_word_with_a_long_vowel_is_repaired() -> None:
    """``ジュール`` read as cp932: each cluster used to be rejected as alien, because the
    long-vowel mark's script was not counted as Japanese."""
    damaged = DamageModel("utf-8", "cp932").apply("ジュール")
    assert cleantext.fix_encoding(damaged) == "ジュール"


#: Decomposed (NFD), as macOS writes file names.
DECOMPOSED = "Cafe\u0301 cre\u0300me a\u0300 Zu\u0308rich, Dvor\u030ca\u0301k"


def test_generic_combining_accents_agree_with_any_letter() -> None:
    assert score.scripts_agree(DECOMPOSED)
    assert score.scripts_agree("ка\u0301ша")  # a stress mark on Cyrillic
    assert not score.scripts_agree("д\u0653")  # an Arabic madda on Cyrillic is still alien


@pytest.mark.parametrize("codec", ["gbk", "mac_roman"])
def test_decomposed_accents_are_repaired(codec: str) -> None:
    """Each accent used to be vetoed as a letter of an alien script."""
    damaged = DamageModel("utf-8", codec).apply(DECOMPOSED)
    assert cleantext.fix_encoding(damaged) == DECOMPOSED


@pytest.mark.parametrize("text", ["nº 5", "1ª edición", "10 µm", "く〱"])
def test_signs_go_with_their_letters(text: str) -> None:
    assert score.scripts_agree(text)


@pytest.mark.parametrize("text", ["¤\u0324", "\u0301a", "ˤ»", "»ˤ"])
def test_accents_without_a_base_and_modifier_letters_stand_apart(text: str) -> None:
    """A byte pair read back as a bare accent or a modifier letter (``Ë¤`` is U+02E4)
    is a misexplanation of legacy text, not a letter of the text's script; at the
    start of the text too (the first character used to count as its own neighbour)."""
    assert not score.scripts_agree(text)


def test_context_characters_are_neighbours_not_judged() -> None:
    """The Greek letter before a repaired ``。A`` is the end of a word whose other letters
    are out of view: it is not a lone letter of a non-standalone script."""
    assert not score.scripts_agree("ί。A")
    assert score.scripts_agree("ί。A", range(1, 3))
    assert not score.scripts_agree("ίд", range(1, 2))  # a judged letter still sees its neighbours


def test_a_greek_word_before_an_ideographic_full_stop_is_repaired() -> None:
    """Found by hypothesis: the cluster ``銆侫`` (``。A``) was vetoed as alien."""
    original = "A Αλβανί。A"
    damaged = DamageModel("utf-8", "gbk").apply(original)
    assert cleantext.fix_encoding(damaged) == original


def test_common_hangul_are_the_syllables_euc_kr_writes_in_two_bytes() -> None:
    # Python's EUC-KR codec writes every other syllable as an eight-byte make-up
    # sequence, so "encodable in EUC-KR" would count all 11 172 as common.
    common = [chr(code) for code in range(0xAC00, 0xD7A4) if score.char_cost(chr(code)) == 1.0]
    assert len(common) == 2350
    assert score.char_cost("가") == 1.0
    assert score.char_cost("횪") > 1.0  # a cp949 extension syllable


@pytest.mark.parametrize(
    "sentence",
    ["excellente à consulter, mais il est bon de soumettre à l'examen", "PRZEKIEROWAŃ"],
)
def test_a_rare_syllable_among_latin_words_is_repaired_as_cp949(sentence: str) -> None:
    damaged = DamageModel("utf-8", "cp949").apply(sentence)
    assert damaged != sentence
    assert cleantext.fix_encoding(damaged) == sentence


def test_historic_cyrillic_letters_are_rare() -> None:
    """Church Slavonic letters (U+0460 to U+0481) are written by no modern language:
    ``悒`` read back as Big5 is ``ѥ`` alone between Latin words, no more plausible
    than the ideograph.  It is what EUC-JP kept of Arabic ``إلى``, whose first letter
    the EUC-JP reading gives back instead."""
    assert score.char_cost("ѥ") > score.char_cost("и") == score.char_cost("ї")
    assert score.char_cost("Ѣ") == score.char_cost("ѿ") == 2.0
    assert "ѥ" not in cleantext.fix_encoding("DATY; 悒 agencis")


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE_QUESTION])
def test_the_marks_of_critical_editions_are_rare(loss: Loss) -> None:
    """The Supplemental Punctuation block (U+2E00 to U+2E7F) is no running text's:
    cp932 read ``篋阪ぇ``, what EUC-JP dropping bytes kept of ``人大``, as ``⸍ゥ``,
    a bracket and a kana (``word_probe.py``, seed 181), where EUC-JP reads ``人大``.
    Its two-em and three-em dashes cost as other dashes do."""
    assert score.char_cost("⸍") == score.char_cost("⸀") > score.char_cost("“")
    assert score.char_cost("⸺") == score.char_cost("⸻") == score.char_cost("\u2011") == 1.0
    damaged = DamageModel("utf-8", "euc_jp", loss).apply("手机 关心 人 人大 那种")
    fixed = cleantext.fix_encoding(damaged)
    assert "⸍" not in fixed and "人大" in fixed


def test_letters_of_the_cyrillic_supplement_are_rare() -> None:
    """Komi, Abkhaz and Khanty letters (U+0500 to U+052F) cost as historic ones: EUC-KR
    read the ``覩`` that EUC-JP with ``?`` left of ``도미닉`` as ``ԭ``."""
    assert score.char_cost("ԭ") == score.char_cost("Ԁ") == score.char_cost("ѥ") == 2.0
    assert score.char_cost("ж") == score.char_cost("ї") == 0.6
    line = "WYŁĄCZONY €5… COPYRIGHT™ – KONTAKTRONU, Louis 家능궈™ — 도미닉…; Department。has。"
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE_QUESTION).apply(line)
    assert "ԭ" not in cleantext.fix_encoding(damaged)


def test_latin_extended_b_letters_few_write_are_rare() -> None:
    """Latin Extended-B holds letters of Romanian, Vietnamese, pinyin and West
    African orthographies, and letters of phonetics: ``ƹ`` (what GBK reads back of
    ``乒``) costs as a rare symbol, ``ș`` and ``ơ`` as letters.  Livonian ``ǭ`` too:
    EUC-JP reads the ``猫`` GBK leaves of ``è`` as it, and ``Lucr猫ce`` in a line GBK
    gave up had become ``Lucrǭce``."""
    assert score.char_cost("ƹ") == score.char_cost("ƻ") == score.char_cost("ǭ") == 2.5
    assert score.char_cost("ș") == score.char_cost("ơ") == score.char_cost("ǎ") == 0.6
    assert score.char_cost("Ș") == score.char_cost("Ə") == 1.0


@pytest.mark.parametrize(
    "line",
    [
        "publicly。„Lucrèce“、home instead ANCHORAGE AIR A、",
        "DRZWI NOT…、discussed!、complète、“Institute”… HIGH € favors – orden:",
    ],
)
def test_a_phonetic_letter_is_no_reading_of_what_another_codec_left(line: str) -> None:
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply(line)
    assert "ǭ" not in cleantext.fix_encoding(damaged)


def test_phonetic_letters_of_the_ipa_block_are_rare() -> None:
    """IPA letters cost as a rarer block, and stand alone as no word, but for those
    West African orthographies write (``ɛ ɔ ə ɖ ɓ``).  EUC-JP that dropped bytes of
    ``高 绮`` left ``蕭 膸``, which GBK reads back as ``ʒ Ď``."""
    assert score.char_cost("ʒ") == score.char_cost("ɯ") == score.char_cost("ʎ") == 2.5
    assert score.char_cost("ɛ") == score.char_cost("ɔ") == score.char_cost("ə") == 0.6
    assert score.char_cost("ɖ") == score.char_cost("ɓ") == score.char_cost("ɲ") == 0.6
    assert score.is_phonetic_letter("ʒ") and not score.is_phonetic_letter("ɛ")
    assert not score.is_phonetic_letter("ʼ")  # a modifier letter: Ukrainian writes it
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply("凶手 操作 永远 高 绮")
    fixed = cleantext.fix_encoding(damaged)
    assert "ʒ" not in fixed and "Ď" not in fixed


@pytest.mark.parametrize("word", ["Oбразование", "Tо", "ТОМ", "IL2RγcKO", "TNFα"])
def test_look_alikes_and_greek_letters_agree_with_latin_ones(word: str) -> None:
    """A Latin ``O`` typed in a Russian word, a Latin ``T`` in a Bulgarian one, Greek
    letters in the names of science."""
    assert score.scripts_agree(word)


def test_a_cyrillic_letter_that_looks_like_no_latin_one_is_alien_in_a_latin_word() -> None:
    """GBK dropped a byte of ``…、Vers`` and left ``乂`` of ``、V``, which EUC-JP reads
    as ``Щ``: ``Щers`` is no slip of the keyboard."""
    assert not score.scripts_agree("Щers")
    assert not score.scripts_agree("︺Щers", [1])
    assert not score.scripts_agree("︺Щers", iter([1]))  # any iterable, read once
    damaged = DamageModel("utf-8", "gbk", Loss.IGNORE).apply("Vers…、Vers. Alaska.")
    assert "Щ" not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize(
    ("line", "codec", "loss"),
    [
        ("나와 때때로 명 garden 개발자", "euc_jp", Loss.REPLACE_QUESTION),
        ("구만 인 사고 러 인상.", "shift_jis", Loss.IGNORE),
    ],
)
def test_a_combining_mark_with_nothing_to_combine_with_is_alien(
    line: str, codec: str, loss: Loss
) -> None:
    """GBK reads the ``覈`` that EUC-JP kept of ``명`` as the Cyrillic ``҇``, EUC-JP the
    ``洳`` Shift-JIS kept of ``러`` as the Thaana ``ޮ``: each after a space."""
    assert not score.scripts_agree(" \u0487 ", [1])
    assert not score.scripts_agree("\u07ae", [0])
    assert score.scripts_agree("e\u0301 \u2764\ufe0f 1\u20e3", [1, 4, 7])
    fixed = cleantext.fix_encoding(DamageModel("utf-8", codec, loss).apply(line))
    assert "\u0487" not in fixed and "\u07ae" not in fixed


def test_a_script_s_own_mark_needs_a_letter_before_it() -> None:
    """GBK read the ``讌`` that EUC-JP with ``?`` left of Korean ``지닌`` as the
    Hebrew point ``ׅ`` between question marks (``lossy_scan.py``, seed 203).
    Pointed Hebrew, vowelled Arabic, Devanagari and a keycap keep theirs."""
    assert not score.scripts_agree("?\u05c5?", [1])
    for text in ("שָׁלוֹם", "بِسْمِ اللَّهِ", "नमस्ते", "1\ufe0f\u20e3", "a\u20dd"):
        assert score.scripts_agree(text), text
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE_QUESTION).apply("‘지닌’、Magadan")
    assert "\u05c5" not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize("text", ["I ❤️ you, really.", "Keycap 1️⃣ here", "✔️ Done ✌️"])
def test_symbols_in_emoji_presentation_are_repaired(text: str) -> None:
    """The variation selector U+FE0F (``❤️``) belongs to no script: read as GBK,
    ``❤️`` had been left as ``鉂わ笍``."""
    assert score.script_of("\ufe0f") == ""
    assert cleantext.fix_encoding(DamageModel("utf-8", "gbk").apply(text)) == text


@pytest.mark.parametrize("codec", ["gbk", "gb18030"])
@pytest.mark.parametrize("text", ["I ☺️ you, really.", "⚠️ fine today", "Great job ♥️"])
def test_emoji_whose_misreading_starts_with_common_ideographs_are_found(
    text: str, codec: str
) -> None:
    """GBK reads ``☺️`` as ``鈽猴笍``: two common ideographs and ``笍``, the tail of
    U+FE0F.  No rare start character was there for the screen to see."""
    damaged = DamageModel("utf-8", codec).apply(text)
    assert "笍" in damaged and cleantext.fix_encoding(damaged) == text
    assert cleantext.fix_encoding("我们用笍这个字。") == "我们用笍这个字。"


@pytest.mark.parametrize("text", ["I ✨ you, really.", "✨ fine today", "Great job ✨ again"])
def test_symbols_shown_as_emoji_by_default_cost_as_emoji(text: str) -> None:
    """``✨`` read as cp932 is ``笨ｨ``; as a symbol it had cost too much for the
    margin."""
    assert score.char_cost("✨") == score.char_cost("⭐") == score.char_cost("😀")
    assert score.char_cost("☸") > score.char_cost("✨")
    assert cleantext.fix_encoding(DamageModel("utf-8", "cp932").apply(text)) == text


def test_a_scripts_own_punctuation_stands_by_its_letters() -> None:
    """GBK read what Big5 with bytes dropped left of Korean ``를`` and ``무`` as the
    Armenian ``՚`` and ``՞``; Persian, Hebrew and Armenian keep theirs."""
    assert score.scripts_agree("سلام، چطوری؟")
    assert score.scripts_agree("שלום׳") and score.scripts_agree("Ես եմ՞")
    assert not score.scripts_agree("՚ ab", [0])
    damaged = DamageModel("utf-8", "big5", Loss.IGNORE).apply("를 은 을 며 무관.")
    fixed = cleantext.fix_encoding(damaged)
    assert "՚" not in fixed and "՞" not in fixed


def test_letters_of_small_scripts_are_rare() -> None:
    """Syriac, Thaana, N'Ko, Samaritan and Mandaic cost as a rarer block; Arabic and
    its supplement as letters.  Big5 wrote ``и`` as ``邽``, which GBK reads back as
    the N'Ko ``ߞ``, and the Big5 reading must win (beside a word of the script: lone
    letters alone are not written); text in those scripts read as GBK is still
    repaired."""
    assert score.char_cost("ߞ") == score.char_cost("ܐ") == score.char_cost("ދ") == 2.0
    assert score.char_cost("ع") == score.char_cost("ݐ") == 0.6
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply("и; и; кино")
    assert cleantext.fix_encoding(damaged) == "и; и; кино"
    for text in ("ܫܠܡܐ ܥܠܡܐ", "ߒߞߏ ߞߊ߲", "ދިވެހި ބަސް"):
        assert cleantext.fix_encoding(text.encode("utf-8").decode("gbk")) == text


def test_digits_other_than_ascii_belong_to_their_script() -> None:
    assert score.script_of("١") == score.script_of("۱") == score.script_of("ب") == "ARABIC"
    assert score.script_of("१") == "DEVANAGARI"
    assert score.script_of("1") == ""
    assert not score.scripts_agree("閲١寔")
    assert score.scripts_agree("عام ١٩٩٥") and score.scripts_agree("閲1寔")


def test_a_diacritic_no_precomposed_letter_holds_is_rare() -> None:
    """Decomposed text holds the diacritics of precomposed letters (acute, cedilla,
    ogonek ...); U+0339 or U+033F belong to phonetics.  A repair that wrote one after a
    Latin letter (``ión`` read as EUC-JP with ``?`` for lost bytes had become ``i̹n``)
    now loses to the reading that gives the letter back.  With no such reading to
    lose to, it costs as much as the rare ideograph it would replace: GBK read the
    ``坦`` EUC-JP kept of ``Formación``, in a line whose EUC-JP reading was given up,
    as U+0339."""
    assert score.char_cost("\u0301") == score.char_cost("\u0328") == 1.0
    assert score.char_cost("\u0339") == score.char_cost("\u033f") == 3.5
    line = "action’s lugar™ “が多いのです”: Sergey™; “envoy” lugar! NOWY. المعروفة™ Formación"
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply(line)
    assert "\u0339" not in cleantext.fix_encoding(damaged)
    question = DamageModel("utf-8", "euc_jp", Loss.REPLACE_QUESTION)
    assert cleantext.fix_encoding(question.apply("ión; IE")) == "ión; IE"
    assert cleantext.fix_encoding("sobre la expansi坦n. Y fue") == "sobre la expansión. Y fue"


def test_tone_letters_and_phonetic_modifiers_are_rare() -> None:
    """U+02E5 to U+02FF (``˥ ˦ ˱``) belong to phonetic transcription.  ``辿`` is what
    EUC-JP makes of ``é``; where the EUC-JP reading of the line is given up (its
    ideographs lost bytes), Big5 had read ``辿`` as ``˦``, inside ``Ed˦ns``."""
    assert score.char_cost("˦") == score.char_cost("˱") == 3.5
    assert score.char_cost("ʰ") < 3.5  # a modifier letter some orthographies write
    repaired = cleantext.fix_encoding("Taylor 絖箙篏睡 Ed辿ns C辿sar KLAWIATURA,")
    assert "˦" not in repaired


def test_a_tone_letter_glued_inside_a_word_pays_the_glue() -> None:
    """A tone letter between a word's letters pays as an ideograph there does, so
    Big5's ``˦`` for the ``辿`` EUC-JP makes of ``é`` gains nothing inside
    ``C辿sar``; ``’`` restored from ``���`` beside it had carried it past the margin
    (``lossy_scan.py``, seed 372)."""
    assert score.text_cost("C˦s") >= score.text_cost("C辿s")
    assert score.text_cost("˥˩") == 2 * score.char_cost("˥")  # one script, no glue
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply("César’s. Цюрихе…")
    assert "˦" not in cleantext.fix_encoding(damaged)


def test_an_inverted_mark_glued_after_a_letter_is_costly() -> None:
    """``¡`` and ``¿`` open a sentence: EUC-JP that dropped bytes left ``approach隆``,
    and GBK's ``¡`` for ``隆`` glued to the word is no better."""
    assert score.text_cost("approach¡") > score.text_cost("approach ¡") + 1.5
    assert score.text_cost("¿Qué?") == score.text_cost("¿") + score.text_cost("Qué?")
    line = "ESPAÑOL – „Director“. „approach“、δεύτερη • STATUS. Stakes…. PIN…. channel; Fried"
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply(line)
    assert "¡" not in cleantext.fix_encoding(damaged)


def test_an_accented_capital_between_small_letters_is_costly() -> None:
    """``脹`` of ``ı`` (EUC-JP) is ``Û`` read as GBK, which no word writes inside."""
    assert score.text_cost("bulunmaktadÛr") > score.text_cost("bulunmaktadır") + 1
    assert score.text_cost("iPhone McDonald") == score.text_cost("iphone mcdonald")
    line = "Iran €5。са… bulunmaktadır, авторитарное. argument"
    damaged = DamageModel("utf-8", "euc_jp", Loss.REPLACE).apply(line)
    assert "Û" not in cleantext.fix_encoding(damaged)


@pytest.mark.parametrize("loss", [Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION])
def test_an_accented_small_letter_before_a_capital_is_costly(loss: Loss) -> None:
    """GBK wrote Turkish ``Ş`` as ``艦``, which Big5 reads back as ``ĥ``: a small
    letter costs less than a capital, and ``ĥAHIS`` had won (word probe, seed 39).
    German capitals keep their ``ß``, brands their ASCII small letters."""
    assert score.text_cost("ĥAHIS") > score.text_cost("ŞAHIS") + 1
    assert score.text_cost("STRAßE eBay") == score.text_cost("STRAßE ebay")
    damaged = DamageModel("utf-8", "gbk", loss).apply("UZUN ŞAHIS D AYRILDIK HEM…")
    assert cleantext.fix_encoding(damaged).startswith("UZUN ŞAHIS")


@pytest.mark.parametrize("codec", ["gbk", "euc_kr", "euc_jp"])
def test_an_accented_capital_in_a_word_of_capitals_costs_what_a_small_one_does(
    codec: str,
) -> None:
    """Polish ``POTWIERDŹ`` read as EUC-KR is ``POTWIERD탁``: the capital's extra
    cost had kept the Hangul by a hair, where ``potwierd탄`` was repaired."""
    assert score.text_cost("POTWIERDŹ") == score.text_cost("potwierdź")
    assert score.text_cost("Ź") == score.char_cost("Ź")  # a capital alone keeps its cost
    line = '"KW-P11-04";"POTWIERDŹ PIN:"'
    assert cleantext.fix_encoding(line.encode("utf-8").decode(codec)) == line


def test_number_signs_are_rare() -> None:
    """``؅`` (U+0605) is written only before a number; GBK reads ``貐``, what Big5
    with ``?`` kept of ``복``, as it."""
    assert score.char_cost("\u0605") >= score.char_cost("貐")
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE_QUESTION).apply("복음서나… 복음서나")
    assert "\u0605" not in cleantext.fix_encoding(damaged)


def test_arabic_radical_signs_are_rare() -> None:
    """``؇`` (fourth root) is Arabic mathematics'; GBK reads ``貒``, what Big5 with
    bytes dropped kept of ``범용``, as it."""
    assert score.char_cost("\u0607") >= score.char_cost("貒")
    damaged = DamageModel("utf-8", "big5", Loss.IGNORE).apply("범용 — 범용 continuing corre")
    assert "\u0607" not in cleantext.fix_encoding(damaged)


def test_first_level_ideographs_that_text_seldom_writes_cost_more() -> None:
    """Big5's first level holds ``獷`` and ``輞``, which real text seldom writes and
    bytes a lossy codec joined make as readily as any: cp949 made ``常獷`` of what
    it kept of ``常简捷`` (``lossy_scan.py``, seeds 220 and 227), and cp932 read
    ``霈曄``, what Big5 kept of ``设置``, as ``輞@`` (word probe, seed 43).  Big5
    had read ``饕`` beside ``POTWIERD`` as itself; it is ``Ź``."""
    assert score.char_cost("常") < score.char_cost("獷") < score.char_cost("霈")
    # not evidence on their own, nor rare for the legacy readings: CJK prose holds
    # enough of them that the screen had slowed clean CJK text a hundredfold
    assert not any(map(score.is_rare, score._uncommon_ideographs()))
    assert screen.looks_clean("佰伶凋佃佇。")
    for original, codec, loss in (
        ("“Analysts”, ‘BIAŁA’ passive™, announced BIAŁA 非常简捷而清", "cp949", Loss.IGNORE),
        ("决定 就 安全 设置 还", "big5", Loss.IGNORE),
    ):
        fixed = cleantext.fix_encoding(DamageModel("utf-8", codec, loss).apply(original))
        assert "獷" not in fixed and "輞" not in fixed, fixed
    big5 = DamageModel("utf-8", "big5").apply('"KW-P11-04";"POTWIERDŹ PIN:"')
    assert cleantext.fix_encoding(big5) == '"KW-P11-04";"POTWIERDŹ PIN:"'


def test_the_uncommon_ideographs_file_is_what_its_script_makes() -> None:
    """``src/cleantext/repair/uncommon_ideographs.txt`` is generated from wordfreq's
    lists by ``scripts/uncommon_ideographs.py``; a change to either shows here."""
    script = Path(__file__).resolve().parents[1] / "scripts" / "uncommon_ideographs.py"
    spec = importlib.util.spec_from_file_location("uncommon_ideographs", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.DATA.read_text("utf-8") == module.render(module.uncommon())


def test_no_discount_for_a_capital_a_small_letter_follows() -> None:
    """EUC-JP dropped bytes of Turkish ``Işıklar``; GBK reads what is left as
    ``IÛklar``, which a word in capitals would not go on to write (word probe 107)."""
    assert score.text_cost("IÛklar") == score.char_cost("Û")  # a capital's full cost
    assert score.text_cost("IÛK") < score.char_cost("Û")  # in a word of capitals, less
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply(
        "Işıklar hala katliam itibaren asya."
    )
    assert "Û" not in cleantext.fix_encoding(damaged)


def test_radicals_cost_more_than_the_ideographs_they_stand_for() -> None:
    """The radicals of a dictionary's index (U+2E80 to U+2FDF) cost more than a rare
    ideograph and half-width katakana together: cp932 read ``篏ｰ``, what EUC-JP
    dropped of Chinese ``体现``, as ``⻰`` (word probe 165).  Text already holding one
    (``⽇本``, as PDF extraction leaves it) is no repair's to change."""
    assert score.char_cost("⻰") > score.char_cost("篏") and score.char_cost("⼀") > 4
    damaged = DamageModel("utf-8", "euc_jp", Loss.IGNORE).apply("人们 得到 赚 体现 了:")
    assert "篏ｰ" in damaged
    assert "⻰" not in cleantext.fix_encoding(damaged)
    assert cleantext.fix_encoding("⽇本語のテキスト、部首⺁") == "⽇本語のテキスト、部首⺁"
