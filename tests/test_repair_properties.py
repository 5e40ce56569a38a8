"""Hypothesis properties of the repair engine, one damage model at a time.

* lossless damage (UTF-8 read as a CJK codec or as Western) is always undone exactly,
  whole or confined to some lines or to a name inside a line;
* lossy damage is undone or leaves U+FFFD (or the damaged text) where the evidence
  does not decide: never a wrong letter;
* ``fix_encoding`` is idempotent and turns any ``str`` into a ``str`` without raising,
  including pathological inputs, whose timings (n and 4n) go to a report file.

Texts are fixture sentences (clean seeds, goldens) and generated multilingual text
with typographic punctuation.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from tests.recovery import (
    LINEARITY_REPORT,
    Outcome,
    classify,
    corpus_words,
    damage,
    fixture_sentences,
)

import cleantext
from cleantext.repair import screen
from cleantext.repair.models import (
    ASCII_QUESTION_MODEL,
    ASCII_REPLACED_MODEL,
    CP1252_LOSSY_MODELS,
    LATIN1_LOSSY_MODELS,
    MULTIBYTE_MODELS,
    DamageModel,
    Loss,
)

LOSSLESS = (
    *(model for model in MULTIBYTE_MODELS if not model.lossy),
    DamageModel("utf-8", "windows-1252"),
    DamageModel("utf-8", "latin-1"),
)
LOSSY = (
    *(model for model in MULTIBYTE_MODELS if model.lossy),
    *LATIN1_LOSSY_MODELS,
    *CP1252_LOSSY_MODELS,
    ASCII_REPLACED_MODEL,
    ASCII_QUESTION_MODEL,
)

_WORDS = corpus_words() or ("word",)
_GLUE = st.sampled_from(
    [" ", " ", " ", ", ", ". ", " — ", " – ", "… ", ": ", "; ", "。", "、", " € ", " • "]
)
_DECOR = st.sampled_from(
    ["“{}”", "‘{}’", "{}’s", "{}’t", "«{}»", "„{}“", "{} €5", "{}…", "{} — {}", "{}™", "{}!"]
)


@st.composite
def generated_text(draw: st.DrawFn) -> str:
    """Real words of any script from the corpus, with typographic punctuation."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 15))):
        word = draw(st.sampled_from(_WORDS))
        if draw(st.booleans()):
            word = draw(_DECOR).replace("{}", word)
        pieces.append(word + draw(_GLUE))
    return "".join(pieces).strip()


def damaged_or_reject(model: DamageModel, text: str) -> str:
    """``text`` damaged by ``model``; hypothesis drops the example if that damage cannot happen."""
    damaged = damage(model, text)
    assume(damaged is not None)
    assert damaged is not None
    return damaged


TEXTS = st.one_of(st.sampled_from(fixture_sentences()), generated_text())
SETTINGS = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


@SETTINGS
@given(TEXTS, st.sampled_from(LOSSLESS))
def test_lossless_damage_is_undone(text: str, model: DamageModel) -> None:
    """Multi-byte misreadings are undone always; single-byte ones (ftfy's domain)
    whenever ftfy undoes them, and otherwise left as ftfy leaves them."""
    damaged = damaged_or_reject(model, text)
    repaired = cleantext.fix_encoding(damaged)
    if model in MULTIBYTE_MODELS and screen.looks_clean(damaged):
        # No trace the screen can see (Cyrillic words that GBK turns into common
        # ideographs, with no Latin letter beside them): indistinguishable from real
        # Chinese, so the zero-false-positive rule wins (docs/repair.md).
        assert repaired == damaged
    elif model in MULTIBYTE_MODELS:
        assert repaired == text
    else:
        import ftfy

        ftfy_repaired = ftfy.fix_encoding(damaged)
        assert repaired == text or (ftfy_repaired != text and repaired == ftfy_repaired)


@SETTINGS
@given(st.sampled_from(fixture_sentences()), st.sampled_from(LOSSY))
def test_lossy_repair_never_writes_a_wrong_letter(text: str, model: DamageModel) -> None:
    _check_lossy_repair(text, model)


@pytest.mark.xfail(
    strict=False,
    reason=(
        "known defect, issue 2 still open: on generated text dense with typography, "
        "about 0.005 to 0.02% of lossy examples get a wrong character or lose one (`python "
        "scripts/lossy_scan.py --examples 3000 --seed N`: seeds 308 to 347, 5 of 115 778 on "
        "6 December, all in seed 330; seeds 473 to 572 and 613 to 752, each scanned before "
        "any fix it led to, 0, 9, 3, 7, 12, 24, 9, 1, 11, 1, 6 and 14 of about 58 000 per 20 "
        "seeds, 2 in the 15 seeds 753 to 767, 12 in the 19 seeds 783 to 801, of which "
        "3 since mended, 0 in the 7 seeds 802 to 808, 2 in seed 812, GB18030's Х for "
        "、O, 3 in the 4 seeds 818, 819, 821 and 822 and 4 in seed 827, one example each of "
        "the Doğu class below (seed 827's since mended: its line mixed English words with "
        "Polish ones), 0 in the 22 seeds 828 to 832 and 835 to 851, each there before "
        "the session that scanned it, 2 in the 6 seeds 852 to 857, both in seed 855, "
        "モ of モグラ for a katakana word cut at its start, since mended, 0 in the "
        "3 seeds 858 to 860, 0 in the 7 seeds 861 to 867, 0 in seeds 868, 869 and 871 "
        "to 875 and 9 in seed 870, 6 since mended (EUC-JP's é of publi辿e outranked by "
        "Big5's ˦, on holes both leave) and 3 the Doğu class below), 0 in seeds 876 to "
        "878, "
        "most under codecs that drop bytes: a common CJK word for a rare one (維特 for 維織), "
        "bytes of two characters the drops brought together into a valid third with nothing beside "
        "it (綺大 for 維基大典, cp949's 下 for 個, cp932's 텔레빠 for 텔레비전, 밤리 for 발키리), "
        "a choice between quotation styles („ and ‘ as “), "
        "a word of the line's language (Dołu for Doğu in a Polish line), 。 for 々 at "
        "a line's end, a word GBK reads in what EUC-JP kept of another script (ؤ اد of Bulgarian "
        "capitals), a capital GBK reads in what Big5 left of Vietnamese ones (SĢ for SĨ); "
        "the recovery table's real sentences have no wrong letter, the lines "
        "of real prose (`scripts/prose_probe.py`) 2 of 6 810 a made-up character, and the "
        "frequency-drawn phrases of 22 languages (`scripts/word_probe.py`, seeds 60 to 244) "
        "about 0.02%, most a word written as its far commoner rival (piú as più, rết as rất, "
        "Korean 에겐 as 에게; 3 of the 4 in seed 186), "
        "a Big5 letter GBK reads as a no-break space after a word too short to confirm it "
        "(Slovak byť as by and U+00A0), or two letters a codec reads among what another "
        "left (EUC-JP's Arabic ڶآ in Shift-JIS residue of Korean, seed 188; the Cyrillic "
        "words of two letters cp1252 lost a byte of, ТА ДО as ТРДО, mended since), or "
        "a dash cp932 reads in the one character Big5 dropping bytes kept of a Korean line "
        "(窶, seeds 194 and 196: the line is also exactly what cp932 leaves of a spaced "
        "dash); seeds 193 to 196 found 10 in 112 576, all but those two since mended "
        "(ггг for kana, “nh” for ảnh…, ԭѳ among holes, par—metro for parâmetro, àCÁC "
        "for Ý CÁC, and cp932's dash or quote among Big5's words of ??? or U+FFFD); seeds "
        "197 to 199 found 14 in 84 479, 13 the commoner rival (piú as più, one phrase "
        "under 12 models) and Swedish säker as Norwegian søker (the line named by bes, "
        "what the context cut of besökare at the next hole), and 2 crashes, since mended; "
        "seeds 200 to 212 found 34 in 365 951, 8 since mended (Abkhaz ҭъ in EUC-KR residue, "
        "ftfy's € for a \\x80 cp932 passed through, Ukrainian А І and НА ПО as РІ and Р "
        "glued to ПО, Arabic لل for one ideograph repeated, “NG: for Vietnamese ỨNG:), 13 "
        "the commoner rival (piú, puó, Romanian dacã as dacă, Korean 라곤 as 라고, "
        "Vietnamese NHỘNG as NHỮNG), 3 bytes of two characters merged into a third (科噢 "
        "for 科学院, 훰 for 후반, 며리 for 멘터리), 3 EUC-JP's Arabic دا in Ukrainian "
        "residue, 3 GBK's no-break space for Slovak ť, 2 cp932's dash in Big5's residue "
        "of Korean, and 2 Latvian pēc for Vietnamese pác on lines no whole word names; "
        "seeds 213 to 216 found 12 in 112 605, 6 since mended (。 ending a line of CJK "
        "words set apart by spaces: 我々 as 我。, 飲む as 飲。), 4 the commoner rival "
        "(Polish SIŁ as SIĘ), 1 bytes of two characters merged into a third (최땜 for "
        "최대한) and 1 EUC-JP's lossless reading of two ideographs in what Shift-JIS "
        "dropping bytes left of Chinese (躺鎮 for 不算); seed 217 found 1 in 28 128, since "
        "mended (ftfy's 㠖 of く – that lost the bytes cp1252 lacks); seeds 218 to 224 "
        "found 24 in 197 088, 7 since mended (GBK's no-break space for the ť of Big5's "
        "po��u聽, ftfy's Và for VÀ, GBK's ∹w and cp932's dash among Big5's residue, "
        "Czech DÁ U as DàU, Korean 참가자 as 참Ꞑ), 11 the commoner rival (puó as può, "
        "Korean 세탁 as 세상, Swedish fött as fått, Japanese ギャラ as キャラ), 4 GBK's "
        "no-break space for Slovak "
        "ť (ťa, a word too short to confirm it), 1 Russian А as ftfy's Р with its space "
        "kept (Ð Ð¾, А о or Р о, a word of one letter either way) and 1 EUC-JP's "
        "Arabic in Ukrainian residue, since mended; seeds 225 to 238 found 25 in 393 983, "
        "9 since mended (GBK's Arabic ؤ ؤ ؼؤ in EUC-JP's residue of Bulgarian, Spanish "
        "CÓNSUL as Portuguese CÔNSUL on a line the damaged words named, Turkish KALKIŞ "
        "as Lithuanian KALKIŲ, Vietnamese SỐ PHẢI as SỠPHẢI, Czech večer as veď?er), "
        "9 the commoner rival (puó and piú, Korean 인질 as 인지, 우린 as 우리), 3 GBK's "
        "no-break space for Big5's ť inside a word (zvíťazil), 2 bytes of two characters "
        "merged into a third (최땜 for 최대한 again, cp932's 호 for 현금) and 2 EUC-JP's "
        "lossless reading of ideographs in what cp932 and Shift-JIS dropping bytes left "
        "of Chinese (躺掺 for 不了); seeds 239 to 244 found 13 in 168 959, 3 since "
        "mended (cp1257's 使 and 岏 among Latin-1 residue of Chinese, a quotation "
        "opened before the T of Vietnamese ỐT, a dash read of an â a repair had "
        "decoded), 4 the commoner rival (puó, Korean 우린 as 우리), 3 bytes of two "
        "characters merged into a third (高莋 for 高血压, 꾸있 for 꾸준히, 쳤보 for "
        "쳐다보), 2 cp932's dash in Big5's residue of Korean and 1 EUC-JP's lossless "
        "reading of ideographs in Shift-JIS residue (躺鎮 for 不算)"
    ),
)
@SETTINGS
@given(generated_text(), st.sampled_from(LOSSY))
def test_lossy_repair_of_generated_text_never_writes_a_wrong_letter(
    text: str, model: DamageModel
) -> None:
    _check_lossy_repair(text, model)


@functools.cache
def _word_probe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("word_probe", _SCRIPTS / "word_probe.py")
    assert spec is not None and spec.loader is not None
    probe = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(_SCRIPTS))  # it imports lossy_scan beside it
    try:
        spec.loader.exec_module(probe)
    finally:
        sys.path.remove(str(_SCRIPTS))
    return probe


_SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.mark.parametrize(
    "language",
    [
        *("de", "fr", "es", "pt", "it", "ca", "pl", "cs", "sk", "tr", "ro", "hu", "sv", "lv"),
        *("ru", "uk", "bg", "el", "zh", "ja", "ko", "vi"),
    ],
)
def test_lossy_repair_of_frequency_drawn_phrases_never_writes_a_wrong_letter(
    language: str,
) -> None:
    """Phrases of real words drawn by frequency (``scripts/word_probe.py``), damaged
    under every lossy model: what real text of each language would get."""
    for _, phrase in _word_probe().phrases_of(8, 1, [language]):
        for model in LOSSY:
            damaged = damage(model, phrase)
            if damaged is None:
                continue
            repaired = cleantext.fix_encoding(damaged)
            outcome = judged_outcome(phrase, damaged, repaired, model)
            assert outcome not in FAILING, (model.name, phrase, repaired)


#: The outcomes the lossy property fails on.
FAILING = (Outcome.WRONG, Outcome.GAP, Outcome.CRASH)


def judged_outcome(text: str, damaged: str, repaired: str, model: DamageModel) -> Outcome:
    """The repair's outcome as the lossy property judges it (also for
    ``scripts/lossy_scan.py``): a "wrong" character that is ftfy's own single-byte
    decision (``â¦ `` read as ``⦠``, the floor kept as is), or only quotes that
    vanished without a trace misaligning the comparison, counts as lost."""
    outcome = classify(text, damaged, repaired, model)
    if outcome is Outcome.WRONG and (
        _ftfy_decided(damaged, repaired) or _only_traceless_losses(text, damaged, repaired, model)
    ):
        return Outcome.LOST
    return outcome


def _check_lossy_repair(text: str, model: DamageModel) -> None:
    assume("\ufffd" not in text)
    damaged = damaged_or_reject(model, text)
    repaired = cleantext.fix_encoding(damaged)
    assert judged_outcome(text, damaged, repaired, model) not in FAILING, (damaged, repaired)


def _only_traceless_losses(text: str, damaged: str, repaired: str, model: DamageModel) -> bool:
    """Every character of the repair is the original's or the damage's, and damaging the
    repair again gives the input: what is missing left no trace to repair from."""
    try:
        redamaged = model.apply(repaired)
    except UnicodeError:
        return False
    return redamaged == damaged and set(repaired) <= set(text) | set(damaged)


def _ftfy_decided(damaged: str, repaired: str) -> bool:
    import ftfy

    ftfy_repaired = ftfy.fix_encoding(damaged)
    return bool(ftfy_repaired != damaged and ftfy_repaired == repaired)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(
    st.lists(st.sampled_from(fixture_sentences()), min_size=3, max_size=8),
    st.data(),
    st.sampled_from(LOSSLESS),
)
def test_damage_in_some_lines_only(
    lines: list[str], data: st.DataObject, model: DamageModel
) -> None:
    """A document damaged in one line, as when lines come from different sources."""
    index = data.draw(st.integers(0, len(lines) - 1))
    damaged_line = damaged_or_reject(model, lines[index])
    document = "\n".join(lines)
    damaged = "\n".join([*lines[:index], damaged_line, *lines[index + 1 :]])
    assert cleantext.fix_encoding(damaged) == document


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(st.sampled_from(fixture_sentences()), st.data(), st.sampled_from(LOSSLESS))
def test_damage_in_part_of_a_line(sentence: str, data: st.DataObject, model: DamageModel) -> None:
    """A name pasted from another source: a few words inside a clean line are damaged."""
    words = sentence.split(" ")
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, min(len(words), start + 4)))
    name = " ".join(words[start:end])
    damaged_name = damaged_or_reject(model, name)
    before, after = " ".join(words[:start]), " ".join(words[end:])
    damaged = " ".join(part for part in (before, damaged_name, after) if part)
    assert cleantext.fix_encoding(damaged) == sentence


@SETTINGS
@given(TEXTS, st.sampled_from(LOSSLESS + LOSSY))
def test_fix_encoding_is_idempotent_on_damage(text: str, model: DamageModel) -> None:
    damaged = damaged_or_reject(model, text)
    once = cleantext.fix_encoding(damaged)
    assert cleantext.fix_encoding(once) == once


@SETTINGS
@given(TEXTS, st.sampled_from(LOSSY))
def test_guessing_only_fills_the_holes(text: str, model: DamageModel) -> None:
    """``guess_lost=True`` writes the text repaired without guessing, with a character
    in each U+FFFD a repair left (or a U+FFFD where no repair knows one): guessed at
    once, a letter among the mojibake had kept ftfy from reading the rest of its line."""
    damaged = damaged_or_reject(model, text)
    left = cleantext.fix_encoding(damaged)
    guessed = cleantext.fix_encoding(damaged, guess_lost=True)
    assert len(guessed) == len(left)
    assert all(a == b for a, b in zip(left, guessed, strict=True) if a != "\ufffd")


@pytest.mark.parametrize(
    ("model", "text", "guessed"),
    [
        # Japanese and Korean read as cp1252, bytes lost: the guesses had been
        # written before ftfy came to the line, and it left ``å¹´`` (``年``) and
        # ``â—Ž`` (``◎``) as they were (``ごわ`` and ``래및`` are wrong guesses)
        (
            CP1252_LOSSY_MODELS[0],
            "Python の開発は、1990 年ごろから開始されています。",
            "Python の開発は、1990 年ごわから開始されています。",
        ),
        (
            CP1252_LOSSY_MODELS[0],
            "◎ 파이썬(Python)은 배우기 쉽고, 강력한 프로그래밍 언어입니다.",
            "◎ 파이썬(Python)은 배우기 쉽고, 강력한 프로그래및 언어입니다.",
        ),
    ],
)
def test_guesses_are_written_once_the_text_is_repaired(
    model: DamageModel, text: str, guessed: str
) -> None:
    damaged = model.apply(text)
    assert cleantext.fix_encoding(damaged) != guessed  # the holes, left
    assert cleantext.fix_encoding(damaged, guess_lost=True) == guessed


@pytest.mark.parametrize(
    "text",
    [
        # English read as cp949 with bytes dropped: a later pass repairs the ``’ve``
        # of ``쏷hey셶e`` only once the quotation mark before it is repaired, so it
        # must run on that line.  (Korean whose second pass this was is now read at
        # once by :mod:`cleantext.repair.cp949_leads`.)
        "“They’ve always seemed to get along fairly well — on the phone and in person,”"
        " Slezkine told the Washington Examiner.",
    ],
)
def test_fix_encoding_is_idempotent_where_a_second_pass_is_needed(text: str) -> None:
    damaged = DamageModel("utf-8", "cp949", Loss.IGNORE).apply(text)
    once, plan = cleantext.fix_encoding_and_explain(damaged)
    assert any(change.step.endswith(".2") for change in plan), "no second pass: test is moot"
    assert cleantext.fix_encoding(once) == once


ANY_CHAR = st.characters(codec=None, exclude_categories=())  # surrogates and controls too


@settings(max_examples=150, deadline=None)
@given(st.text(ANY_CHAR, max_size=80))
def test_any_str_returns_a_str(text: str) -> None:
    fixed, plan = cleantext.fix_encoding_and_explain(text)
    assert isinstance(fixed, str)
    assert cleantext.apply_plan(text, plan) == fixed
    assert isinstance(cleantext.fix_encoding(text, guess_lost=True), str)
    assert cleantext.fix_encoding(fixed) == fixed


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from("Ã©â€™鈥檚淗Â ¢ \ufffd?ｱﾃ\x80\x9d\ud83d\x00a\n"), max_size=60))
def test_mojibake_alphabet_soup_returns_a_str(text: str) -> None:
    fixed = cleantext.fix_encoding(text)
    assert isinstance(fixed, str)
    assert cleantext.fix_encoding(fixed) == fixed


@settings(max_examples=100, deadline=None)
@given(st.text(st.sampled_from("0123456789 .,:-/()\ufffd\ufffd\ufffd???\n鈥â€"), max_size=40))
def test_holes_among_digits_and_marks_with_no_letter_return_a_str(text: str) -> None:
    """Rules that look at the letters around a hole meet none here: the range rule
    had asked the script of an empty string (``1998���2004``, word probe 199).
    (Idempotence is not asked of this soup: about one string in 5 000 of it is
    repaired further by a second call, which reads as a codec's U+FFFD a hole the
    first call wrote and would not read; see docs/repair.md.)"""
    assert isinstance(cleantext.fix_encoding(text), str)


@pytest.mark.parametrize(
    "text",
    ["\ud800", "a\udfffb", "\ud83d\ude00 vs \ud83d", "\x00", "caf\x00é", "Ã\x00©", "鈥\x00檚", ""],
    ids=[
        "lone-high",
        "lone-low",
        "half-pair",
        "nul",
        "nul-in-word",
        "nul-in-mojibake",
        "nul-gbk",
        "empty",
    ],
)
def test_odd_strings_return_a_str(text: str) -> None:
    fixed = cleantext.fix_encoding(text)
    assert isinstance(fixed, str)
    assert "\x00" not in text or "\x00" in fixed  # a NUL is data, not damage


def test_non_str_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="str"):
        cleantext.fix_encoding(b"caf\xc3\xa9")  # type: ignore[arg-type]


# --- pathological sizes: run in a subprocess so a slow engine fails instead of hanging CI ---

#: name -> (unit repeated, count at full size).  The full size is timed after a quarter of it.
HEAVY = {
    "a-tilde-200k": ("Ã", 200_000),
    "gbk-quote-200k": ("鈥", 200_000),
    "one-1MB-line": ("Trump’s “deal” — €5 … caf\u00e9 ", 1_000_000 // 30),
    "mojibake-1MB-line": ("Trumpâs âdealâ Russia鈥檚 cafÃ© ", 1_000_000 // 30),
    "surrogates-and-nuls": ("\ud800\x00a\udfff", 100_000),
    "cp949-contractions-line": ("Putin셲 said ", 20_000),
    # a dash that lost its C1 bytes, over and over on one line, in a French line and
    # not: each lone letter had searched its whole line (quadratic)
    "lone-a-circumflex-line": ("il va â la maison ", 20_000),
    "spaced-dashes-line": ("â ", 100_000),
    # quotations of UTF-8 read as ASCII: each hole that opens one had searched its
    # whole line for a letter of two bytes (quadratic: 2 000 repeats took 5 s)
    "ascii-quotes-line": ("\ufffd\ufffd\ufffdHello\ufffd\ufffd\ufffd said x ", 20_000),
    # Cyrillic that lost bytes under cp1252: each short sequence had been checked
    # against every repair of its text, and each region against its whole line
    # (quadratic: 90 000 characters took 49 s)
    "cp1252-cyrillic-line": (
        CP1252_LOSSY_MODELS[0].apply("Это строка на русском языке, Анна и Нина, ДА ЗА НА НА "),
        1_600,
    ),
}
#: A hang guard, not a speed check (ftfy takes under 2.5 s on each; the benchmark
#: reports the speed and the 4n/n factors).  The 1 MB line of mojibake takes 50 to
#: 65 s for its n and 4n alone on the shared two-core machines; with the tests
#: running on both cores beside other work it passed 60 s, and once 180 s;
#: quadratic time would take hours.
HEAVY_TIMEOUT = 300.0
_RUNNER = """
import json, sys, time
import cleantext
unit, count = json.loads(sys.stdin.read())
timings = []
for n in (count // 4, count):
    text = unit * n
    start = time.perf_counter()
    fixed = cleantext.fix_encoding(text)
    timings.append([len(text), time.perf_counter() - start, isinstance(fixed, str)])
print(json.dumps(timings))
"""


@pytest.mark.parametrize("name", list(HEAVY))
def test_pathological_input_completes(name: str) -> None:
    """Returns a str; the n / 4n timings go to /tmp/cleantext-linearity.txt (not asserted)."""
    unit, count = HEAVY[name]
    try:
        result = subprocess.run(
            [sys.executable, "-c", _RUNNER],
            input=json.dumps([unit, count]),
            capture_output=True,
            text=True,
            timeout=HEAVY_TIMEOUT,
            check=False,
            encoding="utf-8",
        )
    except subprocess.TimeoutExpired:
        _record(name, f"did not finish {count // 4} + {count} repeats in {HEAVY_TIMEOUT:.0f} s")
        pytest.fail(f"fix_encoding({unit!r} * {count}) did not finish in {HEAVY_TIMEOUT:.0f} s")
    assert result.returncode == 0, result.stderr[-2000:]
    (small, small_s, small_ok), (large, large_s, large_ok) = json.loads(result.stdout)
    assert small_ok and large_ok
    ratio = large_s / small_s if small_s > 0 else float("inf")
    _record(
        name, f"{small} chars {small_s:.3f} s, {large} chars {large_s:.3f} s, ratio {ratio:.1f}"
    )


def _record(name: str, line: str) -> None:
    with LINEARITY_REPORT.open("a", encoding="utf-8") as report:
        report.write(f"{name}: {line}\n")
