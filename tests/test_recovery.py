"""The recovery table: per damage model, how the damaged corpus sentences come back.

Built by :mod:`tests.recovery` (``python -m tests.recovery -v`` prints it with
examples).  The table is printed at the end of the pytest run and written to
``/tmp/cleantext-recovery.txt``.  Targets, from the issue: every lossless model
recovered exactly; lossy models >= 95% exactly; no model ever writes a wrong
letter, silently drops one, or raises.  Not all are met yet, so the tests are a
ratchet on the measured table (``MEASURED``), plus exact checks where the target is
met.  The single-byte family is ftfy's domain: there the floor is "everything ftfy
repairs", measured on the same units.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests import recovery
from tests.recovery import Outcome, Row

from cleantext.repair.models import DamageModel, Loss

REPORT = Path("/tmp/cleantext-recovery.txt")
SINGLE_BYTE = {"single-byte (ftfy)", "single-byte, two layers"}


@pytest.fixture(scope="module")
def table() -> dict[str, Row]:
    rows = recovery.recovery_table()
    text = recovery.format_table(rows)
    REPORT.write_text(text + "\n\n" + recovery.format_failures(rows) + "\n", encoding="utf-8")
    recovery.LAST_TABLE[:] = [text]
    return {row.model: row for row in rows}


def _names(*, lossy: bool, single_byte: bool) -> list[str]:
    return [
        model.name
        for family in recovery.families()
        for model in family.models
        if model.lossy == lossy and (family.name in SINGLE_BYTE) == single_byte
    ]


def _row(table: dict[str, Row], name: str) -> Row:
    row = table[name]
    if not row.units:
        pytest.skip(f"no corpus sentence can carry {name!r} (shared corpora absent?)")
    return row


def _examples(row: Row, *outcomes: Outcome) -> str:
    lines = []
    for outcome in outcomes:
        for original, damaged, repaired in row.examples.get(outcome, []):
            lines.append(f"{outcome.value}: fix_encoding({damaged!r}) gave {repaired!r}, ")
            lines.append(f"    expected {original!r}")
    return "\n".join(lines)


#: The ratchet: per damage model, (units recovered exactly, units with a wrong letter,
#: a silent gap or a crash, units) as measured on 2026-12-02 with this corpus.  The
#: issue's targets (100% lossless, >= 95% lossy, never a wrong letter) are not all met
#: yet; until they are, no change may recover fewer units or get more wrong than this.
#: Raise a floor when the engine improves; never lower one without saying why.
#: Lowered once, by one unit on the four rows whose punctuation is lost to bare
#: U+FFFD (big5, euc_kr, euc_jp replaced; ascii): a plural possessive no longer
#: decides a run with no byte left.  In one scan of 1 500 generated examples, rules
#: that prefer one mark of a kind (a closing quote after a word, a spaced dash) had
#: written a wrong mark in 133 of the bare-run rows' examples (``…`` as ``”``, ``€``
#: as ``—``); with only the rules that name one character, 32, lexicon letters.
#: Since the evening of 2 December a block the aligner reports whole is judged character
#: by character (``。“`` repaired as ``ã�``: one left damaged, one a hole): two units
#: that held no wrong letter moved from "wrong" to "partial".
#: On 2 December (night) rare Hangul syllables stopped counting as common: cp949's
#: lossless row reached 24 of 24.
#: On 3 December a symbol in its place (``COPYRIGHT 漏 FOOBAR`` read as GBK) raised
#: twelve lossy CJK floors by one unit each, and the rows for bytes replaced by
#: ``?`` came in as measured.  Two of those keep a defect of the dropped-bytes
#: reading, used where not every lost byte is followed by ``?``: a cp932 line of
#: Bulgarian (``р`` as ``�€``) and a cp949 line of Russian (a ``?`` kept beside a hole).
#: Then runs of ``?`` inside words (``it???s``) were read as the bytes of one character:
#: the Big5, EUC-KR and EUC-JP rows of ``?`` rose from 7 to 9, and ASCII's came in.
#: On 4 December a missing letter the damage itself erased stopped counting as a gap
#: where the repair left other damage as it was: each span the repair changed is
#: damaged again alone (damaging the whole repair again damaged that residue twice).
#: Two units moved from "gap" to "lost": Russian read as cp949 and Bulgarian read as
#: EUC-JP with bytes dropped, whose ``р``..``я`` leave no byte behind (``гоодов``).
#: On 5 December the lexicons took in Catalan, Slovak, Slovenian, Serbo-Croatian,
#: Lithuanian and Latvian, whose words had been repaired with other languages'
#: letters (``GÒTICA`` as Spanish ``GÓTICA``, Latvian ``vēl`` as Romanian ``văl``).
#: ASCII's U+FFFD row lost one unit to it: ``ella[w] ser�� llamada``, which holds one
#: whole word of Spanish, is ``será`` or Catalan ``serà``, and keeps its hole.
#: Also on 5 December (session 21) first-level ideographs that real text seldom
#: writes began to cost more than common ones: Big5's lossless row reached 24 of 24
#: (``POTWIERD饕`` is ``POTWIERDŹ``; ``饕`` is such an ideograph).
#: On 6 December (session 27) UTF-8 read as cp1252 with the five bytes cp1252 lacks
#: lost came in: 19 of 24 in each row (ftfy alone: 16), the rest U+FFFD where no rule
#: decides (``�арау``) or left as ftfy leaves it.
MEASURED: dict[str, tuple[int, int, int]] = {
    "utf-8 read as windows-1252": (24, 0, 24),
    "utf-8 read as sloppy-windows-1252": (24, 0, 24),
    "utf-8 read as latin-1": (24, 0, 24),
    "utf-8 read as cp1250": (24, 0, 24),
    "utf-8 read as cp1251": (23, 0, 24),
    "utf-8 read as mac_roman": (24, 0, 24),
    "utf-8 read as cp437": (24, 0, 24),
    "utf-8 read as sloppy-windows-1252, twice": (24, 0, 24),
    "utf-8 read as gbk": (24, 0, 24),
    "utf-8 read as gbk, bytes dropped": (23, 0, 24),
    "utf-8 read as gbk, bytes replaced by U+FFFD": (23, 0, 24),
    "utf-8 read as gbk, bytes replaced by '?'": (23, 0, 24),
    "utf-8 read as gb18030": (24, 0, 24),
    "utf-8 read as gb18030, bytes dropped": (23, 0, 24),
    "utf-8 read as gb18030, bytes replaced by U+FFFD": (23, 0, 24),
    "utf-8 read as gb18030, bytes replaced by '?'": (23, 0, 24),
    "utf-8 read as big5": (24, 0, 24),
    "utf-8 read as big5, bytes dropped": (9, 0, 24),
    "utf-8 read as big5, bytes replaced by U+FFFD": (13, 0, 24),
    "utf-8 read as big5, bytes replaced by '?'": (13, 0, 24),
    "utf-8 read as cp932": (24, 0, 24),
    "utf-8 read as cp932, bytes dropped": (20, 0, 24),
    "utf-8 read as cp932, bytes replaced by U+FFFD": (20, 0, 24),
    "utf-8 read as cp932, bytes replaced by '?'": (20, 0, 24),
    "utf-8 read as shift_jis": (24, 0, 24),
    "utf-8 read as shift_jis, bytes dropped": (19, 0, 24),
    "utf-8 read as shift_jis, bytes replaced by U+FFFD": (19, 0, 24),
    "utf-8 read as shift_jis, bytes replaced by '?'": (19, 0, 24),
    "utf-8 read as euc_kr": (23, 0, 24),
    "utf-8 read as euc_kr, bytes dropped": (9, 0, 24),
    "utf-8 read as euc_kr, bytes replaced by U+FFFD": (13, 0, 24),
    "utf-8 read as euc_kr, bytes replaced by '?'": (13, 0, 24),
    "utf-8 read as cp949": (24, 0, 24),
    "utf-8 read as cp949, bytes dropped": (14, 0, 24),
    "utf-8 read as cp949, bytes replaced by U+FFFD": (17, 0, 24),
    "utf-8 read as cp949, bytes replaced by '?'": (16, 0, 24),
    "utf-8 read as euc_jp": (23, 0, 24),
    "utf-8 read as euc_jp, bytes dropped": (9, 0, 24),
    "utf-8 read as euc_jp, bytes replaced by U+FFFD": (13, 0, 24),
    "utf-8 read as euc_jp, bytes replaced by '?'": (13, 0, 24),
    "utf-8 read as latin-1, C1 characters deleted": (17, 0, 24),
    "utf-8 read as latin-1, C1 characters replaced by '?'": (17, 0, 24),
    "utf-8 read as latin-1, C1 characters replaced by U+FFFD": (17, 0, 24),
    "utf-8 read as cp1252, bytes dropped": (19, 0, 24),
    "utf-8 read as cp1252, bytes replaced by U+FFFD": (19, 0, 24),
    "utf-8 read as cp1252, bytes replaced by '?'": (19, 0, 24),
    "utf-8 read as ascii, bytes replaced by U+FFFD": (8, 0, 24),
    "utf-8 read as ascii, bytes replaced by '?'": (8, 0, 24),
    "gbk read as sloppy-windows-1252": (21, 0, 21),
    "gbk read as latin-1": (21, 0, 21),
    "big5 read as sloppy-windows-1252": (15, 0, 15),
    "big5 read as latin-1": (15, 0, 15),
    "shift_jis read as sloppy-windows-1252": (13, 0, 13),
    "shift_jis read as latin-1": (13, 0, 13),
    "euc_kr read as sloppy-windows-1252": (11, 0, 17),
    "euc_kr read as latin-1": (11, 0, 17),
    "cp1251 read as sloppy-windows-1252": (24, 0, 24),
    "cp1251 read as latin-1": (24, 0, 24),
    "koi8_r read as sloppy-windows-1252": (24, 0, 24),
    "koi8_r read as latin-1": (24, 0, 24),
    "cp1253 read as sloppy-windows-1252": (4, 0, 4),
    "cp1253 read as latin-1": (4, 0, 4),
    "cp1255 read as sloppy-windows-1252": (5, 0, 5),
    "cp1255 read as latin-1": (5, 0, 5),
    "cp1256 read as sloppy-windows-1252": (4, 0, 4),
    "cp1256 read as latin-1": (4, 0, 4),
}


def _measured(name: str, row: Row) -> tuple[int, int]:
    exact, bad, units = MEASURED[name]
    assert row.units == units, f"the corpus changed ({row.units} units, measured on {units})"
    return exact, bad


@pytest.mark.parametrize("name", _names(lossy=False, single_byte=False))
def test_lossless_models_hold_their_floor(name: str, table: dict[str, Row]) -> None:
    row = _row(table, name)
    exact, _ = _measured(name, row)
    assert row.counts[Outcome.EXACT] >= exact, _examples(row, *Outcome)


@pytest.mark.parametrize("name", _names(lossy=True, single_byte=False))
def test_lossy_models_hold_their_floor(name: str, table: dict[str, Row]) -> None:
    row = _row(table, name)
    exact, _ = _measured(name, row)
    assert row.counts[Outcome.EXACT] >= exact, _examples(row, *Outcome)


def test_targets_met_where_claimed() -> None:
    """The models the closing note reports as at target really are."""
    at_target = [
        "utf-8 read as gbk",
        "utf-8 read as gb18030",
        "utf-8 read as cp932",
        "utf-8 read as cp1250",
        "utf-8 read as mac_roman",
        "utf-8 read as cp437",
        "utf-8 read as shift_jis",
        "utf-8 read as cp949",
        "gbk read as latin-1",
        "shift_jis read as sloppy-windows-1252",
        "cp1253 read as latin-1",
        "cp1255 read as latin-1",
        "big5 read as latin-1",
        "cp1251 read as latin-1",
        "koi8_r read as latin-1",
        "cp1256 read as latin-1",
        "shift_jis read as latin-1",
    ]
    for name in at_target:
        exact, bad, units = MEASURED[name]
        assert exact == units and bad == 0, name


@pytest.mark.parametrize("name", [model.name for model in recovery.all_models()])
def test_no_more_wrong_letters_than_measured(name: str, table: dict[str, Row]) -> None:
    """Undecided lost characters become U+FFFD (and the plan says so); a wrong letter, a
    silent gap or a crash is a defect, and no model may have more than measured."""
    row = _row(table, name)
    _, bad = _measured(name, row)
    defects = (Outcome.WRONG, Outcome.GAP, Outcome.CRASH)
    assert sum(row.counts[outcome] for outcome in defects) <= bad, _examples(row, *defects)


@pytest.mark.parametrize("name", _names(lossy=False, single_byte=True))
def test_single_byte_floor_is_ftfy(name: str, table: dict[str, Row]) -> None:
    row = _row(table, name)
    assert row.ftfy_exact_kept == row.ftfy_exact, _examples(row, *Outcome)


def test_corpus_has_units_for_every_model(table: dict[str, Row]) -> None:
    if not recovery.CORPORA.is_dir():
        pytest.skip(f"shared corpora absent at {recovery.CORPORA}: the corpus is fixtures only")
    thin = {name: row.units for name, row in table.items() if row.units < 4}
    assert not thin, f"too few units to measure: {thin}"


@pytest.mark.parametrize(
    ("original", "repaired", "outcome"),
    [
        # one block to the aligner: ``。`` left as damaged, ``“`` a hole
        ("’t。“implic", "’tã\ufffdimplic", Outcome.PARTIAL),
        ("Ś”、fam", "\ufffd’\ufffdfam", Outcome.MARK),  # hole, a mark for a mark, hole
        ("’t。“implic", "’tã\u00e9implic", Outcome.WRONG),  # é stands for nothing there
        ("’t。“implic", "’tÃ\ufffdimplic", Outcome.WRONG),  # Ã is no damage of 。
    ],
)
def test_a_block_is_judged_character_by_character(
    original: str, repaired: str, outcome: Outcome
) -> None:
    model = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)
    damaged = model.apply(original)
    assert recovery.classify(original, damaged, repaired, model) is outcome


def test_deletions_the_aligner_pairs_with_kept_letters_are_lost_not_wrong() -> None:
    # Big5 drops ``ل م ن و`` (``D9 84``...) whole: nothing is left to repair, and the
    # repair, a subsequence of the original, re-damages to the input.  The aligner
    # pairs ``ن`` of ``المؤرخون`` with nothing and ``ل`` with ``ا``: no wrong letter.
    model = DamageModel("utf-8", "big5", Loss.IGNORE)
    original = "عام، كان المؤرخون"
    damaged = model.apply(original)
    assert recovery.classify(original, damaged, "عا ا اؤرخ", model) is Outcome.LOST
    # the same deletions, had the input kept a trace of them, were a gap
    assert recovery.classify(original, damaged + "x", "عا ا اؤرخ", model) is Outcome.GAP


def test_a_deletion_beside_damage_left_as_it_was_is_lost_not_a_gap() -> None:
    # Big5 keeps one ideograph of ``언어`` and drops ``、`` without a trace; the repair
    # restores ``«`` and ``»`` and leaves ``賄`` as it was.  Damaging the whole repair
    # again would damage ``賄`` twice, so each repaired span is damaged again alone.
    model = DamageModel("utf-8", "big5", Loss.IGNORE)
    original = "«B» Operat、conten 언어"
    damaged = model.apply(original)
    repaired = damaged.replace("竄", "«").replace("罈", "»")
    assert "賄" in repaired and not recovery._redamages_to(model, repaired, damaged)
    assert recovery.classify(original, damaged, repaired, model) is Outcome.LOST
    # dropping that residue would drop the trace of ``언어``: a gap
    without_trace = repaired.replace(" 賄", " ")
    assert recovery.classify(original, damaged, without_trace, model) is Outcome.GAP


_FFFD = "\ufffd"
_BIG5_FFFD = DamageModel("utf-8", "big5", Loss.REPLACE)
_EUC_JP_DROPPED = DamageModel("utf-8", "euc_jp", Loss.IGNORE)
_EUC_JP_MARKED = DamageModel("utf-8", "euc_jp", Loss.REPLACE_QUESTION)
_GB18030_FFFD = DamageModel("utf-8", "gb18030", Loss.REPLACE)
_BIG5_DROPPED = DamageModel("utf-8", "big5", Loss.IGNORE)
_GB18030_MARKED = DamageModel("utf-8", "gb18030", Loss.REPLACE_QUESTION)
_DEFECTS = {Outcome.GAP, Outcome.WRONG}

#: (model, original, the repair: the damaged text with these replacements, or the
#: text itself, outcomes the judge may give).  Each row is a repair the aligner
#: alone misjudged, then the same repair made wrong, which must stay a defect.

_SJIS_DROPPED = DamageModel("utf-8", "shift_jis", Loss.IGNORE)
_SJIS_LINE = (
    "He προορισμούς — προορισμούς: se Win’t € distinguished, سلطان…; hub € ‘входит’、Avrupa —"
)
_SJIS_REPAIR = (
    ("ﾏﾏ∃ｿﾎｿﾏ∃ｹﾏπｼﾎｿﾏ済", f"{_FFFD}ροορισμού{_FFFD}"),
    ("窶 ", "— "),
    ("窶冲", "’t"),
    ("竄ｬ", "€"),
    ("ﾘｳﾙﾘｷﾘｧﾙ窶ｦ", f"س{_FFFD}طا{_FFFD}…"),
    ("窶侑ｲﾑﾐｾﾐｴ", f"‘в{_FFFD}од"),
    ("vrupa 窶", f"vrupa {_FFFD}"),
)

_JUDGED: list[tuple[DamageModel, str, tuple[tuple[str, str], ...] | str, set[Outcome]]] = [
    # ``“…`` left damaged, ``‘`` restored as ``“``: the aligner paired the original's
    # ``“`` with the one before ``Volody``; words paired, marks stand for marks
    (
        _BIG5_FFFD,
        "„REBOOT“… ‘Volody’ KONTAK",
        f"“REBOOT{_FFFD * 6} “Volody” KONTAK",
        {Outcome.MARK},
    ),
    (
        _BIG5_FFFD,
        "„REBOOT“… ‘Volody’ KONTAK",
        f"“REBOOT{_FFFD * 6} “Volodx” KONTAK",
        {Outcome.WRONG},
    ),
    # EUC-JP keeps ``箙`` of ``乎`` and ``綺`` of ``庚``: a hole each, ``‘–’`` gone
    # without a trace; one hole for both is a character silently gone
    (
        _EUC_JP_DROPPED,
        "di! – 典肇乎庚辰年! yes",
        (("莨医拘", "辰年"), ("箙綺", _FFFD * 2)),
        {Outcome.LOST},
    ),
    (_EUC_JP_DROPPED, "di! – 典肇乎庚辰年! yes", (("莨医拘", "辰年"), ("箙綺", _FFFD)), _DEFECTS),
    # EUC-JP pairs the last byte of ``배`` with the first of ``우``: some character in
    # the hole's place gives ``覦一郁鍵`` back; a hole cannot stand for two
    (
        _EUC_JP_DROPPED,
        "Operation, ‘배우기’ historical",
        (("覦一郁鍵", f"배{_FFFD}기"),),
        {Outcome.LOST},
    ),
    (_EUC_JP_DROPPED, "Operation, ‘배우기’ historical", (("覦一郁鍵", f"배{_FFFD}"),), _DEFECTS),
    # EUC-JP pairs the bytes of neighbouring ideographs: holes, residue and
    # ``不容忽視``, which one-character damaged forms cannot cut, hold no wrong letter
    (
        _EUC_JP_MARKED,
        "開發及測試軟體的速度是不容忽視的",
        (("羝?荅?荵?蕭?", _FFFD * 4), ("綺?", _FFFD), ("筝?絎劫申荀?", "不容忽視")),
        {Outcome.PARTIAL},
    ),
    (
        _EUC_JP_MARKED,
        "開發及測試軟體的速度是不容忽視的",
        (("羝?荅?荵?蕭?", _FFFD * 4), ("綺?", _FFFD), ("筝?絎劫申荀?", "不容忽略")),
        {Outcome.WRONG},
    ),
    # GB18030 swallows ``5.`` into the U+FFFD after ``€`` and pairs the bytes of
    # ``‘морями’`` across letters: with a character in the hole for ``р`` the repair
    # damages back to the input; a letter dropped beside the hole is a trace dropped
    (
        _GB18030_FFFD,
        "Read™ après • ‘морями’ – Interfax; considering €5.",
        f"Read™ après — ‘мо{_FFFD}ями’ — Interfax; considering €",
        {Outcome.LOST},
    ),
    (
        _GB18030_FFFD,
        "Read™ après • ‘морями’ – Interfax; considering €5.",
        f"Read™ après — ‘мо{_FFFD}ми’ — Interfax; considering €",
        _DEFECTS,
    ),
    # EUC-KR drops ``’ – • ‘’ —`` whole: paired word by word, the deletions left no
    # trace (the aligner, pairing the two ``furent``, had found a wrong letter)
    (
        DamageModel("utf-8", "euc_kr", Loss.IGNORE),
        "increasingly’s – ferme…、Oрганизацията’s: LE…. carne «Donald» • ‘furent’ furent",
        "increasinglys  ferme╉Oганизаиаs: LE. carne «Donald»  furent furent",
        {Outcome.LOST},
    ),
    # ``“`` closing a ``„`` quotation restored as ``”``, beside the ``?`` GB18030 left
    # of its last byte; a letter there is wrong
    (
        _GB18030_MARKED,
        "A. „ABOARD“; Meeting!",
        (("鈥濧", "„A"), ("鈥?;", "”?;")),
        {Outcome.PARTIAL},
    ),
    (_GB18030_MARKED, "A. „ABOARD“; Meeting!", (("鈥濧", "„A"), ("鈥?;", "x?;")), {Outcome.WRONG}),
    # ``„에서“`` that lost its C1 bytes, its marks restored and a hole a syllable:
    # within the word the aligner paired the two ``“``; the word is cut piece by piece
    (
        DamageModel("utf-8", "latin-1", Loss.STRIP_C1),
        "esto™ • relished™ „에서“ esto’s Republican…",
        f"esto{_FFFD} {_FFFD} relished{_FFFD} “{_FFFD * 2}” esto’s Republican…",
        {Outcome.MARK},
    ),
    # ``’`` restored as ``”`` after damage left as it was: from the left, the aligner
    # paired the original's first ``”`` with it and found ``、‘If’`` deleted; from the
    # right it pairs ``f”,``.  A letter for the ``f`` is still wrong
    (
        _GB18030_FFFD,
        "“United”、‘If’, blow —",
        f"“United鈥濄{_FFFD}佲{_FFFD}業f”, blow {_FFFD}",
        {Outcome.MARK},
    ),
    (
        _GB18030_FFFD,
        "“United”、‘If’, blow —",
        f"“United鈥濄{_FFFD}佲{_FFFD}業g”, blow {_FFFD}",
        _DEFECTS,
    ),
    # Big5 drops ``Ą``, ``р``, ``ых`` and ``—`` whole and pairs ``퓨터``'s bytes across
    # the two syllables: with them in its two holes the repair damages back to the
    # input; a letter dropped although Big5 kept its bytes (``в``) is a gap
    (
        _BIG5_DROPPED,
        "컴퓨터’t… KARTĄ’t «already» первых — первых:",
        f"컴{_FFFD * 2}’t KARTt «already» пев  пев:",
        {Outcome.LOST},
    ),
    (
        _BIG5_DROPPED,
        "컴퓨터’t… KARTĄ’t «already» первых — первых:",
        f"컴{_FFFD * 2}’t KARTt «already» пе  пев:",
        _DEFECTS,
    ),
    # Shift-JIS pairs ``’、A`` into ``吶、``, left as it was, while Greek and Arabic
    # letters became holes: over the whole line the aligner pairs holes and residue
    # with the wrong spans; piece by piece between spaces each explains its own.  A
    # letter dropped from a piece is still a gap
    (_SJIS_DROPPED, _SJIS_LINE, _SJIS_REPAIR, {Outcome.LOST}),
    (
        _SJIS_DROPPED,
        _SJIS_LINE,
        tuple(
            (old, f"‘в{_FFFD}д") if old == "窶侑ｲﾑﾐｾﾐｴ" else (old, new) for old, new in _SJIS_REPAIR
        ),
        _DEFECTS,
    ),
]


@pytest.mark.parametrize(("model", "original", "repair", "outcomes"), _JUDGED)
def test_the_judge_sees_through_the_aligner(
    model: DamageModel,
    original: str,
    repair: tuple[tuple[str, str], ...] | str,
    outcomes: set[Outcome],
) -> None:
    damaged = model.apply(original)
    repaired = repair if isinstance(repair, str) else damaged
    for old, new in () if isinstance(repair, str) else repair:
        assert old in repaired, old
        repaired = repaired.replace(old, new)
    assert recovery.classify(original, damaged, repaired, model) in outcomes
