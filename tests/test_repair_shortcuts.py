"""The speed shortcuts of the repair engine change nothing but the time taken.

* The families search only the lines :func:`screen.suspect_lines` names: for every
  pattern they search that way, the matches are exactly those in the whole text.
* Where repairs overlap, the choice marks claimed characters in a byte array;
  it is the same choice as keeping the chosen spans in a sorted list (which was
  quadratic in the number of repairs).
* A region whose every cluster is hopeless (its lost bytes could only have been
  characters no rule or lexicon can choose, or its damaged characters are a real
  word and no candidate is a quotation mark) is declined before resolution: the
  repairs and the plan are the same as when every region is resolved.
* A lossless scan skips a run whose bytes hold no UTF-8 lead followed by a
  continuation: the byte-by-byte scan finds no region there.
* Under deleted C1 bytes, a window holding no continuation byte and only leads no
  rule could complete is left as it is without a scan: every region there is a row
  of hopeless clusters.
* A region where no cluster could be a decided change (each keeps a hole, changes
  nothing, or has no reading) is declined before verification: the checks after it
  only ever take clusters away.
* ftfy's repair of a line is compared with the line piece by piece, between the
  spaces inside ASCII text that ftfy keeps: the repairs are those of comparing the
  whole line, and a long line that repeats its words no longer costs cubic time.

Texts: fixture sentences, generated multilingual text, both damaged by every model
(whole, or in one line of a longer text), and arbitrary strings.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterator
from unittest import mock

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from tests.recovery import damage, fixture_sentences
from tests.test_repair_properties import LOSSLESS, LOSSY, generated_text

import cleantext
from cleantext.repair import (
    bytescan,
    holes,
    latin_lossy,
    legacy,
    misread,
    ranking,
    screen,
    screen_cjk,
    single_byte,
    verify,
)
from cleantext.repair.misread import Repair
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.quotes import QUOTE_MARKS, QuoteState

#: A spy patched into a module sees no call made from inside a module compiled by
#: mypyc (the optional compiled build, docs/performance.md); the pure-Python run of
#: the suite, which CI makes first, checks these.
needs_pure_python = pytest.mark.skipif(
    not str(misread.__file__).endswith(".py"),
    reason="a spy sees no call made inside modules compiled by mypyc",
)

MODELS = (*LOSSLESS, *LOSSY)

#: Every pattern a family searches through the suspect lines only.
LINE_PATTERNS: tuple[re.Pattern[str], ...] = (
    screen.CP1252_PAIR_RE,
    latin_lossy._REPLACEMENT_RE,
    screen.QUESTION_MARKS_RE,
    screen_cjk.any_rare_start_re(),
    *screen._single_byte_pair_res().values(),
)


@st.composite
def damaged_documents(draw: st.DrawFn) -> str:
    """Clean lines with one line damaged by some model, or a whole damaged text."""
    lines = draw(
        st.lists(
            st.one_of(st.sampled_from(fixture_sentences()), generated_text()),
            min_size=1,
            max_size=5,
        )
    )
    model = draw(st.sampled_from(MODELS))
    index = draw(st.integers(0, len(lines) - 1))
    damaged = damage(model, lines[index])
    if damaged is not None:
        lines[index] = damaged
    return "\n".join(lines)


DOCUMENTS = st.one_of(damaged_documents(), st.text(max_size=200))


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
@example("a lead and a mark at a line's end: Ã?\nnext line")  # (?!\s) sees the newline
@example("a lead at a line's end: ê\nnext line")  # $ before the newline
def test_searching_suspect_lines_finds_every_match_of_the_whole_text(text: str) -> None:
    for pattern in LINE_PATTERNS:
        in_lines = [match.span() for match in screen._in_suspect_lines(pattern, text)]
        assert in_lines == [match.span() for match in pattern.finditer(text)], pattern.pattern


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
@example("“A” A intéri")  # a lead that lost nothing: not evidence, and its line not suspect
@example("Heâs\nun été à Paris")
@example("VOCÊ\nÊ?\nÜ\ufffd")  # a lead left open is evidence only before ? or U+FFFD
def test_every_lead_that_lost_bytes_is_in_a_suspect_line(text: str) -> None:
    """The Latin-1 leads the lossy family takes as evidence are all found through the
    suspect lines (a lead glued to a word, as in ``intérieur``, need not be), except
    a lead no rule could complete (``Ê``), followed by neither ``?`` nor U+FFFD: that
    is no evidence on its own, and its line is suspect only for other evidence."""

    def evidence(matches: Iterator[re.Match[str]]) -> list[int]:
        return [m.start() for m in matches if screen._is_loss_evidence(text, m.start())]

    everywhere = evidence(screen.LOSSY_LATIN_RE.finditer(text))
    in_lines = evidence(screen._in_suspect_lines(screen.LOSSY_LATIN_RE, text))
    left_open = screen._leads_left_open()
    needed = [
        position
        for position in everywhere
        if text[position] not in left_open or text[position + 1 : position + 2] in ("?", "\ufffd")
    ]
    assert set(needed) <= set(in_lines) <= set(everywhere)
    assert screen.looks_clean("VOCÊ") and not screen.looks_clean("Ê?")


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_single_byte_windows_are_the_lines_holding_a_codec_pair(text: str) -> None:
    windows = screen.single_byte_windows(text)
    for codec, pattern in screen._single_byte_pair_res().items():
        expected = sorted({_line_of(text, match.start()) for match in pattern.finditer(text)})
        assert windows.get(codec, []) == expected, codec


def _line_of(text: str, position: int) -> tuple[int, int]:
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end


@settings(max_examples=200, deadline=None)
@given(DOCUMENTS)
@example("JEAN-BAPTISTE POQUELIN MOLIÈRE")
@example("“NÉ LE 15 JANVIER” â€")
def test_declining_hopeless_regions_early_changes_no_repair(text: str) -> None:
    _same_without_the_shortcut(text, holes, "hopeless", lambda text, cluster, model: False)


def _same_without_the_shortcut(
    text: str, owner: object, name: str, stand_in: Callable[..., bool]
) -> None:
    """``text`` is repaired the same, plan included, with ``owner.name`` replaced by a
    ``stand_in`` that never takes the shortcut."""
    with_shortcut = cleantext.fix_encoding_and_explain(text)
    with mock.patch.object(owner, name, stand_in):
        without = cleantext.fix_encoding_and_explain(text)
    assert with_shortcut == without


def _regions_joined_by_tuples(
    text: str, model: DamageModel, spans: list[tuple[int, int]]
) -> list[bytescan.Region]:
    """The join as it was before 3 December: a new tuple of pieces at every join."""
    regions: list[bytescan.Region] = []
    for start, end in spans:
        joinable_at = -1
        for run in misread._runs(text, start, end, model):
            for region in bytescan.scan(text, run.start(), run.end(), model):
                if (
                    regions
                    and joinable_at >= 0
                    and region.start == run.start()
                    and text[joinable_at : run.start()].isascii()
                ):
                    last = regions.pop()
                    region = bytescan.Region(last.start, region.end, last.pieces + region.pieces)
                regions.append(region)
            joinable_at = run.end() if regions and regions[-1].end == run.end() else -1
    return regions


@settings(max_examples=200, deadline=None)
@given(DOCUMENTS, st.sampled_from(MODELS))
@example("鈥渘o鈥? 鈥渘o鈥? 鈥渘o", DamageModel("utf-8", "gbk", Loss.REPLACE_QUESTION))
def test_regions_joined_in_lists_are_those_joined_in_tuples(text: str, model: DamageModel) -> None:
    """Gathering a joined region's pieces in a list (linear) gives the same regions as
    adding tuples at every join (quadratic on a long line of damage)."""
    for spans in ([(0, len(text))], [(0, len(text) // 2), (len(text) // 2 + 1, len(text))]):
        spans = [(start, end) for start, end in spans if start <= end]
        expected = _regions_joined_by_tuples(text, model, spans)
        assert misread._regions(text, model, spans) == expected


C1_DELETED = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)


def test_the_undecidable_shortcut_is_taken_on_a_hopeless_lead() -> None:
    """``ê`` that lost two C1 bytes could only have been U+A000-U+A7DF: undecidable,
    while ``â`` (’, “, —, ... among its candidates) is not."""
    model = C1_DELETED
    hopeless = misread._regions("ê", model, [(0, 1)])
    hopeful = misread._regions("â", model, [(0, 1)])
    assert [holes._undecidable(c, model) for c in misread._clusters(hopeless[0])] == [True]
    assert [holes._undecidable(c, model) for c in misread._clusters(hopeful[0])] == [False]


def test_a_real_word_is_hopeless_unless_a_candidate_is_a_quotation_mark() -> None:
    """``MOLIÈRE`` (È that lost a C1 byte) is vetoed as a word whatever È resolves to;
    ``DÈS`` is vetoed too; ``Ãâ`` is no word, and ``â`` could be “."""
    model = C1_DELETED

    def hopeless(text: str) -> list[bool]:
        return [
            holes.hopeless(text, cluster, model)
            for region in misread._regions(text, model, [(0, len(text))])
            for cluster in misread._clusters(region)
        ]

    assert hopeless("JEAN-BAPTISTE POQUELIN MOLIÈRE") == [True]
    assert hopeless("DÈS LE MATIN") == [True]
    assert hopeless("xx Ã yy") == [False]


def test_quote_marks_are_what_the_quote_state_reacts_to() -> None:
    """The hopeless shortcut skips resolving only where no candidate is in QUOTE_MARKS."""
    reacting = set()
    for code in range(0x110000):
        char = chr(code)
        for opened in itertools.product((False, True), repeat=3):
            double_open, single_open, guillemet_open = opened
            state = QuoteState(double_open, single_open, guillemet_open=guillemet_open)
            state.observe(char)
            if (state.double_open, state.single_open, state.guillemet_open) != opened:
                reacting.add(char)
    assert reacting == QUOTE_MARKS


def test_the_first_pass_of_looks_clean_sees_every_character_a_later_pass_needs() -> None:
    """``looks_clean`` stops after one pass when no character of ``any_start`` is
    present: every character that can begin (or, for a typography pair, complete)
    a match of the later passes must be in that class.  Checked over every code
    point up to the supplementary ideographs."""
    patterns = screen._clean_patterns()
    continuation = "\u00a9"  # a continuation byte's character in Latin-1
    assert patterns.any_start.match(continuation)
    for code in range(0x80, 0x30000):
        char = chr(code)
        if patterns.any_start.match(char):
            continue
        assert not patterns.common_start.match(char), hex(code)
        # what follows is made of characters outside any_start too; a run of three is
        # legacy text only with a character that is not typography
        for after in ("", " ", "a", "?", "??", "\n", "  ", char, char + char, "…", "…”"):
            for pattern in (*patterns.evidence, patterns.evidence_in_cjk):
                match = pattern.match(char + after)
                assert match is None or _typography_run(match), hex(code)


def _typography_run(match: re.Match[str]) -> bool:
    return match.lastgroup == "legacy" and set(match.group()) <= screen._TYPOGRAPHY


#: Real prose in Latin script: accented letters inside words, ``à`` and ``é`` alone.
LATIN_PROSE = (
    "Un été à Paris, un café au lait, une idée née là-bas.",
    "ESPAÑOL: el niño comió; ¿Qué pasó? Dijo que sí.",
    "Die Straße führt über Köln nach Österreich. ÜBER UNS",
    "Örneğin denizlerle çevrili. ÖRNEK",
    "PANEL GŁÓWNY, 16 ZNAKÓW, PRZEKIEROWANIE",
)


def test_accented_letters_in_words_are_no_evidence() -> None:
    """A lead glued to a Latin word whose lost bytes would have spelled another script
    (``ß``, ``Ñ``, ``Ö``: NKo, Cyrillic, Armenian) is a letter; ``à`` (0xE0) takes no C1
    byte; ``é `` at a word's end is no sequence ftfy could restore.  Such lines pass
    the screen, and no family looks at them.  (``Ç`` and ``É`` stay evidence: with a
    lost byte they are Latin letters, pinyin ``ǎ`` or ``ə``.)"""
    for line in LATIN_PROSE:
        assert screen.looks_clean(line), line
        assert not screen.single_byte_suspect(line), line


def test_latin_prose_with_lost_bytes_is_still_screened() -> None:
    damaged = (
        "Heâs here.",  # ’ with its two C1 bytes deleted
        "un Ã  la carte",  # à whose no-break space became a space
        "mÄka i Åwiat",  # ą and ś with their C1 byte deleted
        "caf\u00c3\u00a9 au lait",  # é read as Latin-1, nothing lost
        "Ð¿Ñ\u0080Ð¸Ð²ÐµÑ\u0082",  # привет read as Latin-1
    )
    for line in damaged:
        assert not screen.looks_clean(line), line
    assert screen.single_byte_suspect("un Ã  la carte")


def _chosen_by_sorted_list(repairs: list[misread.Repair], text: str) -> list[misread.Repair]:
    """The greedy choice as first written: chosen spans kept in a sorted list (and
    codecs ranked by their totals on the line, then in the text, each repair counted
    once, then by which was tried first)."""
    import bisect

    best: dict[tuple[str, int, int, str], float] = {}
    for r in repairs:
        key = (r.model.wrong_codec, r.start, r.end, r.repaired)
        best[key] = max(best.get(key, 0.0), r.gain)
    totals: dict[str, float] = {}
    on_lines: dict[tuple[int, str], float] = {}
    for key, gain in best.items():
        totals[key[0]] = totals.get(key[0], 0.0) + gain
        line = (text.count("\n", 0, key[1]), key[0])
        on_lines[line] = on_lines.get(line, 0.0) + gain
    first: dict[str, int] = {}
    for index, repair in enumerate(repairs):
        first.setdefault(repair.model.wrong_codec, index)
    ranked = sorted(
        enumerate(repairs),
        key=lambda i: (
            -on_lines[(text.count("\n", 0, i[1].start), i[1].model.wrong_codec)],
            -totals[i[1].model.wrong_codec],
            first[i[1].model.wrong_codec],
            -i[1].gain,
            i[0],
        ),
    )
    starts: list[int] = []
    chosen: list[misread.Repair] = []
    for _, repair in ranked:
        index = bisect.bisect_right(starts, repair.start)
        if index and chosen[index - 1].end > repair.start:
            continue
        if index < len(chosen) and chosen[index].start < repair.end:
            continue
        starts.insert(index, repair.start)
        chosen.insert(index, repair)
    return chosen


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60), st.integers(1, 6), st.integers(0, 3), st.integers(0, 9)),
        max_size=40,
    ),
    st.sets(st.integers(0, 66), max_size=6),
)
def test_choosing_among_overlapping_repairs_marks_claimed_characters(
    spans: list[tuple[int, int, int, int]], breaks: set[int]
) -> None:
    models = [DamageModel("utf-8", codec) for codec in ("gbk", "big5", "cp932", "euc_kr")]
    repairs = [
        misread.Repair(start, start + length, "x", "x", models[model], 0.9, gain / 3, "", False)
        for start, length, model, gain in spans
    ]
    text = "".join("\n" if position in breaks else "x" for position in range(67))
    assert ranking.best_non_overlapping(repairs, text) == _chosen_by_sorted_list(repairs, text)


@settings(max_examples=200, deadline=None)
@given(DOCUMENTS)
def test_declining_regions_without_a_decided_change_early_changes_no_repair(text: str) -> None:
    _same_without_the_shortcut(text, misread, "_decided_change", lambda text, cluster: True)


@settings(max_examples=200, deadline=None)
@given(st.one_of(DOCUMENTS, st.text(alphabet="åæç¹«©Â» a1?é\n", max_size=60)))
@example("Howardâs Â«ìë¥ê¶ë¥Â» concern Â«GeorgiaÂ» extended â cÃ³mo")
def test_comparing_ftfys_repair_piece_by_piece_changes_no_repair(text: str) -> None:
    _same_without_the_shortcut(text, single_byte, "_WORD_BREAK", re.compile("(?!)"))


def test_ftfys_repair_of_a_long_line_is_compared_a_piece_at_a_time() -> None:
    """Compared whole, 100 copies of this line (5 800 characters) took 11 s."""
    unit = "Howard’s «없능궈능» concern «Georgia» extended – cómo "
    line = DamageModel("utf-8", "latin-1", Loss.STRIP_C1).apply(unit * 100)
    compared: list[int] = []
    real = difflib.SequenceMatcher

    def counting(junk: None, a: str, b: str, autojunk: bool) -> difflib.SequenceMatcher[str]:
        compared.append(len(a))
        return real(junk, a, b, autojunk=autojunk)

    with mock.patch.object(single_byte.difflib, "SequenceMatcher", counting):
        cleantext.fix_encoding(line)
    assert compared
    assert max(compared) < 2 * len(unit)  # not the 5 800 characters of the line


@needs_pure_python
def test_the_decided_change_shortcut_is_taken_on_an_open_hole() -> None:
    """``ê`` after a word, C1 bytes lost: its hole stays open, so the region is declined
    before verification; ``Heâs`` (the contraction decides) goes on to it."""
    model = C1_DELETED
    calls: list[str] = []
    real = verify.verified

    def spy(text: str, cluster: object, model: DamageModel) -> bool:
        calls.append(text)
        return real(text, cluster, model)  # type: ignore[arg-type]

    with mock.patch.object(verify, "verified", spy):
        assert misread.find_repairs("a word ê yy", model) == []
        assert calls == []
        assert misread.find_repairs("Heâs here", model) != []
        assert calls


@settings(max_examples=300, deadline=None)
@given(st.one_of(DOCUMENTS, st.text(alphabet="ÊêÂéÖ×Ãâ©’ \u0304\naZ", max_size=60)))
@example("ÊÊ̄ê êê̄")
@example("Heâs here, Ê and ê")
@example("ÊÊ Ã© ê")
@example("è¿æ¯ä¸\xadæçé¡µé¢")  # 这是中文的页面, C1 deleted: leads no rule completes alone
def test_windows_left_open_without_a_scan_hold_no_repair(text: str) -> None:
    _same_without_the_shortcut(text, latin_lossy, "_left_open", lambda text, span, model: False)


def test_the_left_open_shortcut_is_taken_on_the_pinyin_line_only() -> None:
    """CPython's pinyin sample (``Ê`` and ``ê`` with no continuation after them) is
    declined unscanned; ``â`` (’, “, —) or a surviving continuation is scanned."""
    model = C1_DELETED
    assert latin_lossy._left_open("上\nÊÊ̄ê êê̄\n下", (0, 11), model)
    assert not latin_lossy._left_open("ÊÊ̄ê â", (0, 6), model)
    # 这是中文 with its C1 bytes deleted: no lead there could be completed alone,
    # but continuations survive, and 中 (``ä¸\xad``) lost nothing
    assert not latin_lossy._left_open("è¿æ¯ä¸\xadæ", (0, 8), model)
    replaced = latin_lossy.candidate_model("xx ê\ufffd yy")
    assert not latin_lossy._left_open("ÊÊ̄ê", (0, 4), replaced)  # only deleted C1 bytes


LOSSLESS_CODECS = ("gbk", "big5", "shift_jis", "euc_kr", "macroman", "cp437", "sloppy-windows-1251")


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS, st.sampled_from(LOSSLESS_CODECS))
@example("Москва́ — столица", "sloppy-windows-1251")
@example("–û–¥–Ω–∞–∫–æ", "macroman")
def test_runs_skipped_by_a_lossless_scan_hold_no_region(text: str, codec: str) -> None:
    """A run whose bytes hold no lead-then-continuation pair is where the byte-by-byte
    scan finds nothing; where a pair is present the scan runs as before."""
    model = DamageModel("utf-8", codec)
    for run in misread._RUN.finditer(text):
        if not misread._may_hold_sequence(run.group(), codec):
            assert bytescan.scan(text, run.start(), run.end(), model) == [], run.group()


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(DOCUMENTS, st.text(alphabet="aé Ã©–û–¥ёеМос\u2019", max_size=60)),
    st.sampled_from(LOSSLESS_CODECS),
)
@example("Москва́ — её столица", "sloppy-windows-1251")
@example("–û–¥–Ω–∞–∫–æ", "macroman")
@example("x éÃ© y", "macroman")  # the pair starts inside its run
def test_a_single_byte_codec_finds_its_runs_by_their_characters(text: str, codec: str) -> None:
    """For a single-byte codec the runs with a lead and a continuation are found by
    searching the characters; they are the runs whose bytes hold such a pair."""
    model = DamageModel("utf-8", codec)
    for start, end in ((0, len(text)), (len(text) // 3, len(text) - len(text) // 4)):
        kept = [
            run.span()
            for run in misread._RUN.finditer(text, start, end)
            if misread._may_hold_sequence(run.group(), codec)
        ]
        assert [run.span() for run in misread._runs(text, start, end, model)] == kept


@settings(max_examples=300, deadline=None)
@given(st.one_of(DOCUMENTS, st.text(alphabet="ab茅鈥€ü 。Z", max_size=40)))
@example("caf茅 and 鈥渁")
@example("a茅b")
@example("茅茅茅茅茅茅a茅b茅")  # mostly CJK: the letter-first search
@example("\ud800a茅")  # a lone surrogate is counted, not an error
def test_glued_common_starts_are_found_by_their_letters(text: str) -> None:
    """Either search (letter-first for CJK prose, start-first elsewhere) finds exactly
    the common start characters that have an ASCII letter beside them."""
    common = screen_cjk.common_starts()
    letters = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    expected = [
        index
        for index, char in enumerate(text)
        if char in common
        and (text[index - 1 : index] in letters or text[index + 1 : index + 2] in letters)
    ]
    assert screen_cjk.glued_common(text) == expected
    assert screen_cjk.has_glued_common(text) == bool(expected)


def _every_line(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return tuple(spans)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
@example("Heâs here.\nun été à Paris, café au lait, Straße, Über")
@example("theВ Washington")  # a no-break space read as cp1251, then made a space
@example("中文中文中文中文中文 theВ Washington")  # the same in CJK prose (one pattern)
@example("В гимназии он учился")
@example("Η ελληνική αποτελεί\nÊÊ̄ê êê̄ VOCÊ\nÙØ§ ÙØ´Ø§Ø± Ê")  # see the test below
def test_the_screen_drops_no_line_a_family_would_repair(text: str) -> None:
    """Every family looking at every line finds what it finds in the screened lines."""
    screened = cleantext.fix_encoding_and_explain(text)
    with (
        mock.patch.object(screen, "looks_clean", lambda text: False),
        mock.patch.object(screen, "suspect_lines", _every_line),
        mock.patch.object(legacy, "suspect_lines", _every_line),
        mock.patch.object(single_byte, "suspect_lines", _every_line),
    ):
        unscreened = cleantext.fix_encoding_and_explain(text)
    assert screened == unscreened


def test_a_pair_of_two_codecs_or_a_lone_lead_left_open_is_no_evidence() -> None:
    """Greek ``απ`` is a cp1253 lead and a MacRoman continuation, pinyin ``êê`` a cp1252
    lead and a MacRoman one: ftfy reads a line in one codec, so such lines pass the
    screen.  So does a Latin-1 lead whose deleted continuations no rule could restore
    (``Ê``), unless U+FFFD or ``?`` follows it (the bytes were replaced, not deleted).
    Before, these lines sent whole documents to every family: in the bench's clean
    CJK megabyte, 58 documents of 102 for CPython's pinyin line alone."""
    for line in (
        "Η ελληνική αποτελεί τη μητρική γλώσσα",
        "ÊÊ̄ê êê̄",
        "VOCÊ, ÊTRE",
        "Москва́ (произношение) — столица России",
    ):
        assert screen.looks_clean(line), line
    for line in ("Ð¿Ñ\u0080Ð¸Ð²ÐµÑ\u0082", "Ê?", "Ê\ufffd", "Heâs here", "Ï\u0080"):
        assert not screen.looks_clean(line), line


def test_a_legacy_run_glued_to_other_text_is_no_evidence() -> None:
    """A Western reader writes only Western characters: ``¿¿¿`` glued to Hangul (in
    CPython's Korean sample) is no legacy text, and its line passes the screen, while
    a word of them standing alone (cp1251 read as cp1252) does not."""
    assert screen.looks_clean("九月패믤릔궈 ⓡⓖ훀¿¿¿ 긍뒙 ⓔ뎨 ㉯.")
    assert not screen.looks_clean("Ïðèâåò, ìèð")
    assert not screen.looks_clean("훀¿¿¿ and then ¿¿¿")


class _Counting:
    """A pattern that counts its searches."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.searches = 0

    def search(self, text: str, *span: int) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(text, *span)


@needs_pure_python
def test_a_line_of_glued_legacy_runs_is_judged_once_per_word() -> None:
    """A word holding many runs is judged once, and a line whose runs all touch other
    text once: judging each run by walking its word (or finding its line) again was
    quadratic on one long line (``©`` × 20 000 before a Hangul syllable: 70 s)."""
    counting = _Counting(screen.LEGACY_RUN_RE)
    with mock.patch.object(screen, "LEGACY_RUN_RE", counting):
        assert not screen._has_legacy_run("©" * 3000 + "한", 0, 3001)
    assert counting.searches <= 2  # the word's first run, then nothing after it
    calls: list[tuple[int, int]] = []
    judge = screen._has_legacy_run

    def counted(text: str, start: int, end: int) -> bool:
        calls.append((start, end))
        return judge(text, start, end)

    with mock.patch.object(screen, "_has_legacy_run", counted):
        assert screen.looks_clean("a©©©한" * 1000)
    assert len(calls) == 1


@settings(max_examples=300, deadline=None)
@given(st.one_of(DOCUMENTS, st.text(alphabet="aé Ã©В中文©한\n?", max_size=60)))
@example("中文 theВ Washington\nВ гимназии\n훀¿¿¿ and ¿¿¿")
@example("Üàä")  # a pair of two codecs, where a legacy run begins too
def test_cjk_prose_and_other_text_find_the_same_lines(text: str) -> None:
    """The one pattern used in CJK prose and the three searches used elsewhere find
    the same lines: only the speed differs."""
    with mock.patch.object(screen, "mostly_cjk", lambda text: False):
        apart = set(screen._evidence_lines(text))
    with mock.patch.object(screen, "mostly_cjk", lambda text: True):
        together = set(screen._evidence_lines(text))
    assert together == apart


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Ãâ€©ÅÄ\u00a0 ab\n¡¿", max_size=40))
def test_lossy_latin_evidence_of_one_line_is_what_its_windows_show(line: str) -> None:
    """The check made on ftfy's output for one line finds what the windows find."""
    assert screen.has_lossy_latin_evidence(line) == bool(screen.lossy_latin_windows(line))


def test_asking_about_one_line_keeps_the_suspect_lines_of_the_text() -> None:
    """Finding a large text's suspect lines again after a question about one line
    cost more than a whole family (4 MB of mixed scripts: 0.18 s against 0.36 s)."""
    text = "Zürich Ã©t\u00e9 " * 50 + "\nplain line\n"
    first = screen.suspect_lines(text)
    screen.has_lossy_latin_evidence("siÄ udaÅa")
    hits = screen.suspect_lines.cache_info().hits
    assert screen.suspect_lines(text) is first
    assert screen.suspect_lines.cache_info().hits == hits + 1


@needs_pure_python
def test_windows_read_before_ftfy_are_not_read_again_in_the_same_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lossy-Latin step after ftfy skips what the step before ftfy read in the very
    same text: it found nothing there, and nothing changed it since."""
    read: list[list[tuple[int, int]]] = []
    original = latin_lossy.find_repairs

    def spy(text: str, model: DamageModel, spans: list[tuple[int, int]]) -> list[Repair]:
        read.append(list(spans))
        return original(text, model, spans)

    monkeypatch.setattr(latin_lossy, "find_repairs", spy)
    text = "Ã" * 40 + " x"  # Latin-1 only, a lead with no continuation, nothing decided
    assert latin_lossy.find(text, replaced=False, before_ftfy=True) == []
    assert read and read[-1]
    latin_lossy.find(text, replaced=False)
    assert read[-1] == []
    latin_lossy.find(text + " ", replaced=False)  # another text: read in full
    assert read[-1]


def _read_as(codec: str, loss: str = "strict") -> Callable[[str], str]:
    return lambda text: text.encode("utf-8").decode(codec, loss)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        DOCUMENTS,
        st.sampled_from(fixture_sentences()).map(_read_as("latin-1")),
        st.sampled_from(fixture_sentences()).map(_read_as("cp932", "ignore")),
    )
)
@example("言葉の意味。".encode().decode("latin-1"))  # è¨\x80: U+0080 inside 言
@example("言葉の意味。".encode().decode("cp932", "ignore"))  # 險\x80: cp932's own U+0080
def test_a_c1_start_inside_a_sequence_read_as_latin_1_changes_no_repair(text: str) -> None:
    _same_without_the_shortcut(
        text, screen, "inside_western_sequence", lambda text, position: False
    )


def test_latin_1_mojibake_is_not_scanned_as_cp932() -> None:
    """U+0080 is a rare start of cp932 (a lone 0x80 byte), but inside ``â\\x80\\x9c``
    or ``è¨\\x80`` it is the middle of a sequence read as Latin-1; after a character
    cp932 writes (``險``) it stays evidence."""
    for sentence in ("It’s a test — “quoted”.", "言葉の意味。"):
        assert screen.multibyte_windows(_read_as("latin-1")(sentence)) == {}
    assert "cp932" in screen.multibyte_windows(_read_as("cp932", "ignore")("言葉の意味。"))
    assert "cp932" in screen.multibyte_windows("×\x80 and 險\x80")


def _ftfy_case_lines() -> list[str]:
    """Every line of ftfy's own test cases, damaged and repaired ('../shared' present)."""
    import json

    from tests.test_repair_ftfy_cases import CASES_DIR

    lines: list[str] = []
    for path in sorted(CASES_DIR.glob("*.json")) if CASES_DIR.is_dir() else []:
        for case in json.loads(path.read_text(encoding="utf-8")):
            for key in ("original", "fixed", "fixed-encoding"):
                if isinstance(case.get(key), str):
                    lines.extend(case[key].split("\n"))
    return lines


@settings(max_examples=300, deadline=None)
@given(st.one_of(DOCUMENTS, st.text(alphabet="ŁĄαπÊêÓĆ Ã©\xa0â€™\x80", max_size=30)))
@example("Η ελληνική αποτελεί τη μητρική γλώσσα")  # απ: a lead and a continuation...
@example('"KW-P02-46";"POŁĄCZENIE"')  # ...ŁĄ too, each of another codec
@example("ÊÊ̄ê êê̄")
def test_a_line_the_single_byte_screen_passes_by_is_one_ftfy_leaves(text: str) -> None:
    import ftfy

    for line in text.split("\n"):
        if not screen.single_byte_suspect(line):
            assert ftfy.fix_encoding(line) == line, line


def test_ftfys_own_cases_need_no_line_the_single_byte_screen_passes_by() -> None:
    import ftfy

    lines = _ftfy_case_lines()
    if not lines:
        pytest.skip("../shared/corpora/ftfy-cases is not beside the repository")
    passed_by = [line for line in lines if not screen.single_byte_suspect(line)]
    assert len(passed_by) > 100  # the screen does pass lines by
    assert [line for line in passed_by if ftfy.fix_encoding(line) != line] == []


def test_a_lead_and_a_continuation_of_two_codecs_are_no_single_byte_evidence() -> None:
    """``απ`` (cp1253 lead, MacRoman continuation) and ``ŁĄ`` are no pair of one codec:
    ftfy could not re-read either; ``Ã©`` (Latin-1) and ``Ð¿`` (Latin-1) are."""
    for line in ("Η ελληνική αποτελεί τη μητρική γλώσσα", '"KW-P02-46";"POŁĄCZENIE"', "ÊÊ̄ê êê̄"):
        assert not screen.single_byte_suspect(line), line
    for line in ("cafÃ© au lait", "Ð¿Ñ\u0080Ð¸Ð²ÐµÑ\u0082"):
        assert screen.single_byte_suspect(line), line


def test_a_window_edge_inside_a_sequence_shows_no_lost_byte() -> None:
    """The screen's windows reach :data:`screen.WINDOW` characters past the evidence;
    one that ended between the ``Ã`` and ``¼`` of ``ü`` made ``Ã`` a lead that lost
    its continuation byte (``k�¼ltürel``; found by ``lossy_scan.py``, seed 212).
    Every place of the edge is tried.  (A byte written as a mark shows itself.)"""
    for padding in range(screen.WINDOW - 12, screen.WINDOW + 4):
        original = "He’s ok" + "." * padding + " kültürel"
        assert cleantext.fix_encoding(C1_DELETED.apply(original)) == original, padding


def _decoded_fillings(template: tuple[int, ...], allowed: tuple[int, ...]) -> set[str]:
    """Every filling of ``template``'s unknown bytes from ``allowed``, decoded: the
    characters a sequence could have been, found the slow way."""
    options = [allowed if value == bytescan.UNKNOWN else (value,) for value in template]
    found = set()
    for filled in itertools.product(*options):
        decoded = bytes(filled).decode("utf-8", "replace")
        if len(decoded) == 1 and decoded != "\ufffd":
            found.add(decoded)
    return found


_SEQUENCE_BYTE = st.one_of(
    st.just(bytescan.UNKNOWN),
    st.integers(0x80, 0xBF),
    st.sampled_from([0x00, 0x41, 0x7F, 0xC0, 0xC2, 0xE0, 0xED, 0xF0, 0xF4, 0xFF]),
)


@given(
    st.integers(0x00, 0xFF),
    st.lists(_SEQUENCE_BYTE, max_size=3),
    st.integers(0, 2),
    st.sampled_from([range(0x80, 0xC0), range(0x80, 0xA0), (0x81, 0x8D, 0x8F, 0x90, 0x9D)]),
)
@example(0xE0, [bytescan.UNKNOWN, bytescan.UNKNOWN], 0, range(0x80, 0xC0))  # no overlong form
@example(0xED, [bytescan.UNKNOWN], 1, range(0x80, 0xC0))  # no surrogate
@example(0xF4, [bytescan.UNKNOWN, 0x80, 0x80], 0, range(0x80, 0xC0))  # nothing past U+10FFFF
@example(0xEF, [0xBF, bytescan.UNKNOWN], 0, range(0x80, 0xC0))  # U+FFFD is no candidate
def test_a_sequences_candidates_are_every_filling_that_decodes(
    lead: int, rest: list[int], missing: int, allowed: range | tuple[int, ...]
) -> None:
    """The candidates of a sequence with lost bytes are worked out from UTF-8's
    ranges, not by decoding each filling: they are the same characters."""
    slots = (lead, *rest)
    unknown = slots.count(bytescan.UNKNOWN) + missing
    assume(0 < unknown <= 2)  # not a whole sequence, nor the pool's candidates
    expected: set[str] = set()
    for template in bytescan._templates(slots, missing):
        expected |= _decoded_fillings(template, tuple(allowed))
    assert bytescan._candidates.__wrapped__(slots, missing, allowed) == tuple(sorted(expected))
