"""The recovery corpus and table: how much of each kind of damage the repair engine undoes.

The corpus is built from the fixture sentences (clean seeds and hand-checked goldens),
the decoded multilingual samples in ``../shared/corpora/multilingual/`` and, where
installed, the standard library's CJK sample texts.  Each sentence is one *unit*:
it is damaged with a model from :mod:`cleantext.repair.models`, repaired with
:func:`cleantext.fix_encoding`, and the result is classified (:class:`Outcome`).

Run ``python -m tests.recovery`` from the repository root to print the table (``-v``
adds failing examples, ``--guess`` repairs with ``guess_lost=True``, ``--fixtures``
uses the fixture sentences only);
``tests/test_recovery.py`` asserts on the same numbers.
"""

from __future__ import annotations

import difflib
import functools
import re
import sys
import sysconfig
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from functools import cache
from pathlib import Path

from cleantext.repair.models import (
    ASCII_QUESTION_MODEL,
    ASCII_REPLACED_MODEL,
    CJK_CODECS,
    CP1252_LOSSY_MODELS,
    LATIN1_LOSSY_MODELS,
    LEGACY_CODECS,
    MULTIBYTE_MODELS,
    DamageModel,
)

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
SEEDS = ROOT / "fixtures" / "seeds"
GOLDENS = ROOT / "fixtures" / "expected" / "fix_encoding"
CLEAN_SEEDS = ("000", "002", "004")
DAMAGED_SEEDS = ("001", "003")
CJK_SAMPLES = Path(sysconfig.get_paths()["stdlib"]) / "test" / "cjkencodings"

#: The encoding of each multilingual sample (charset-normalizer's own test table).
MULTILINGUAL_ENCODINGS: dict[str, str] = {
    "sample-arabic-1.txt": "cp1256",
    "sample-arabic.txt": "utf-8",
    "sample-bulgarian.txt": "utf-8",
    "sample-chinese.txt": "big5",
    "sample-english.bom.txt": "utf-8-sig",
    "sample-french-1.txt": "cp1252",
    "sample-french.txt": "utf-8",
    "sample-greek-2.txt": "cp1253",
    "sample-greek.txt": "cp1253",
    "sample-hebrew-2.txt": "cp1255",
    "sample-hebrew-3.txt": "cp1255",
    "sample-korean.txt": "cp949",
    "sample-polish.txt": "utf-8",
    "sample-russian-2.txt": "utf-8",
    "sample-russian-3.txt": "utf-8",
    "sample-russian.txt": "mac_cyrillic",
    "sample-spanish.txt": "utf-8",
    "sample-turkish.txt": "cp1254",
}

#: Units per damage model: enough to see a failure rate, few enough to keep CI fast.
MAX_UNITS = 24
LOSSLESS_TARGET = 1.0
LOSSY_TARGET = 0.95
#: The last table computed in this process, for pytest's terminal summary.
LAST_TABLE: list[str] = []
#: Where test_repair_properties.py appends the n / 4n timings of pathological inputs.
LINEARITY_REPORT = Path("/tmp/cleantext-linearity.txt")


# --------------------------------------------------------------------------- corpus


def seed_path(prefix: str) -> Path:
    """The seed file whose name starts with ``prefix`` (``"000"`` ... ``"004"``)."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def seed_text(prefix: str) -> str:
    return seed_path(prefix).read_text(encoding="utf-8")


def golden_texts() -> dict[str, str]:
    """Hand-checked repaired seeds (fixtures/expected/fix_encoding/), where they exist yet."""
    if not GOLDENS.is_dir():
        return {}
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(GOLDENS.glob("*.txt"))}


def multilingual_samples() -> dict[str, str]:
    """Each shared multilingual sample decoded with its known encoding; empty if absent."""
    folder = CORPORA / "multilingual"
    return {
        name: (folder / name).read_bytes().decode(encoding)
        for name, encoding in MULTILINGUAL_ENCODINGS.items()
        if (folder / name).is_file()
    }


def cjk_samples() -> dict[str, str]:
    """The standard library's real CJK prose (test/cjkencodings/*-utf8.txt), if installed."""
    if not CJK_SAMPLES.is_dir():
        return {}
    return {
        path.name: path.read_bytes().decode("utf-8")
        for path in sorted(CJK_SAMPLES.glob("*-utf8.txt"))
    }


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")


def split_sentences(text: str) -> list[str]:
    """Sentences of a text: one per line, split further at sentence punctuation."""
    sentences: list[str] = []
    for line in text.splitlines():
        for piece in _SENTENCE_END.split(line):
            piece = piece.strip()
            if 12 <= len(piece) <= 400:
                sentences.append(piece)
    return sentences


def labelled_boilerplate_lines() -> list[str]:
    """The lines of ``fixtures/boilerplate/labelled.tsv`` (its last column), header skipped."""
    rows = (ROOT / "fixtures" / "boilerplate" / "labelled.tsv").read_text("utf-8").split("\n")
    return [row.split("\t", 3)[3] for row in rows[1:] if row]


@cache
def fixture_sentences() -> tuple[str, ...]:
    """Sentences of the clean seeds and of the repaired goldens (when they exist), deduplicated."""
    texts = [seed_text(prefix) for prefix in CLEAN_SEEDS] + list(golden_texts().values())
    return tuple(dict.fromkeys(s for text in texts for s in split_sentences(text)))


@cache
def corpus_sentences() -> tuple[str, ...]:
    """Fixture sentences, then multilingual and CJK sample sentences, deduplicated."""
    texts = list(multilingual_samples().values()) + list(cjk_samples().values())
    extra = (s for text in texts for s in split_sentences(text))
    return tuple(dict.fromkeys([*fixture_sentences(), *extra]))


_WORD = re.compile(r"[^\W\d_]+")

#: Typographic punctuation and symbols that real text carries and mojibake is made of.
TYPOGRAPHY = ("“", "”", "‘", "’", "—", "–", "…", "€", "«", "»", "„", "•", "°", "½", "™")


@cache
def corpus_words() -> tuple[str, ...]:
    """Every distinct word of the corpus, in any script, for generating clean text."""
    words = {word for sentence in corpus_sentences() for word in _WORD.findall(sentence)}
    # Scripts written without spaces give sentence-long "words": cut them into short
    # ones.  Words of other scripts stay whole: one cut short (``ESPAÑO``) is no word,
    # and a letter it lost is filled, as it should be, to make the word that exists
    # (Portuguese ``ESPAÇO``).
    short = {
        piece
        for word in words
        for piece in (
            [word[i : i + 6] for i in range(0, len(word), 6)] if _unspaced(word) else [word]
        )
    }
    return tuple(sorted(short))


#: Scripts written without spaces between words (prefixes of Unicode character names).
_UNSPACED = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


def _unspaced(word: str) -> bool:
    return unicodedata.name(word[0], "").startswith(_UNSPACED)


# --------------------------------------------------------------------------- damage


@dataclass(frozen=True)
class Layered:
    """The same damage applied twice (mojibake of mojibake), as ftfy repairs."""

    model: DamageModel

    @property
    def name(self) -> str:
        return f"{self.model.name}, twice"

    @property
    def lossy(self) -> bool:
        return self.model.lossy

    @property
    def true_codec(self) -> str:
        return self.model.true_codec

    def apply(self, text: str) -> str:
        return self.model.apply(self.model.apply(text))


Damage = DamageModel | Layered


#: The scripts each legacy encoding is used for (prefixes of Unicode character names).
NATIVE_SCRIPTS: dict[str, tuple[str, ...]] = {
    "gbk": ("CJK UNIFIED",),
    "big5": ("CJK UNIFIED",),
    "shift_jis": ("CJK UNIFIED", "HIRAGANA", "KATAKANA"),
    "euc_kr": ("HANGUL",),
    "cp1251": ("CYRILLIC",),
    "koi8_r": ("CYRILLIC",),
    "cp1253": ("GREEK",),
    "cp1255": ("HEBREW",),
    "cp1256": ("ARABIC",),
}


def native_share(text: str, codec: str) -> float:
    """Share of the letters of ``text`` written in the script ``codec`` is used for."""
    letters = [char for char in text if char.isalpha()]
    scripts = NATIVE_SCRIPTS.get(codec, ())
    native = sum(unicodedata.name(char, "").startswith(scripts) for char in letters)
    return native / max(len(letters), 1)


@dataclass(frozen=True)
class Family:
    """Damage models that share a corpus filter."""

    name: str
    models: tuple[Damage, ...]
    #: Legacy encodings only carry text written in their own script (Cyrillic in Big5 is not
    #: a thing), so their units are sentences in that script.
    needs_native_script: bool = False


def families() -> tuple[Family, ...]:
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    western = ("windows-1252", "sloppy-windows-1252", "latin-1", "cp1250", "cp1251", "mac_roman")
    single = tuple(DamageModel("utf-8", codec) for codec in (*western, "cp437"))
    legacy = tuple(
        DamageModel(codec, western)
        for codec in LEGACY_CODECS
        for western in ("sloppy-windows-1252", "latin-1")
    )
    return (
        Family("single-byte (ftfy)", single),
        Family("single-byte, two layers", (Layered(DamageModel("utf-8", "sloppy-windows-1252")),)),
        Family("utf-8 read as CJK", MULTIBYTE_MODELS),
        Family("utf-8 read as latin-1, C1 lost", LATIN1_LOSSY_MODELS),
        Family("utf-8 read as cp1252, undefined bytes lost", CP1252_LOSSY_MODELS),
        Family("utf-8 read as ascii, bytes lost", (ASCII_REPLACED_MODEL, ASCII_QUESTION_MODEL)),
        Family("legacy read as western", legacy, needs_native_script=True),
    )


def all_models() -> tuple[Damage, ...]:
    return tuple(model for family in families() for model in family.models)


def damage(model: Damage, text: str) -> str | None:
    """``text`` damaged by ``model``, or None when this damage cannot happen to it."""
    try:
        damaged = model.apply(text)
    except UnicodeError:
        return None
    return None if damaged == text else damaged


def _damaged_pairs(
    family: Family, model: Damage, sentences: Iterable[str]
) -> Iterator[tuple[str, str]]:
    for sentence in sentences:
        if "\ufffd" in sentence:
            continue
        if family.needs_native_script and native_share(sentence, model.true_codec) < 0.5:
            continue
        damaged = damage(model, sentence)
        if damaged is not None:
            yield sentence, damaged


def is_traceless(original: str, damaged: str) -> bool:
    """The damage only deleted characters (``“Hi”`` -> ``Hi``): nothing is left to detect."""
    remaining = iter(original)
    return all(char in remaining for char in damaged)


def traceless(family: Family, model: Damage, sentences: Iterable[str]) -> int:
    """How many corpus sentences this damage erases without a trace (left out of the units)."""
    return sum(is_traceless(*pair) for pair in _damaged_pairs(family, model, sentences))


def units(family: Family, model: Damage, sentences: Iterable[str]) -> list[tuple[str, str]]:
    """Up to :data:`MAX_UNITS` (original, damaged) pairs, spread evenly over the corpus.

    Damage that only deleted characters left no evidence; such sentences are not units.
    """
    eligible = [
        pair for pair in _damaged_pairs(family, model, sentences) if not is_traceless(*pair)
    ]
    if len(eligible) <= MAX_UNITS:
        return eligible
    step = len(eligible) / MAX_UNITS
    return [eligible[int(i * step)] for i in range(MAX_UNITS)]


# --------------------------------------------------------------------------- outcome


class Outcome(str, Enum):
    EXACT = "exact"  # the original, character for character
    HOLES = "U+FFFD"  # the original, except U+FFFD where a lost character was not decided
    UNTOUCHED = "untouched"  # the damaged text came back unchanged
    PARTIAL = "partial"  # some spans repaired, the others left as they were: no wrong letter
    LOST = "lost"  # characters missing whose damage left nothing: damaging the repair again
    # gives the damaged text exactly, so no evidence was dropped
    GAP = "gap"  # characters silently missing although the damaged text held their trace
    MARK = "other mark"  # a lost punctuation mark restored as another one (‘ for “)
    WRONG = "wrong"  # a character that is neither the original nor the damage
    CRASH = "crash"  # fix_encoding raised


def classify(original: str, damaged: str, repaired: str, model: Damage) -> Outcome:
    if repaired == original:
        return Outcome.EXACT
    if repaired == damaged:
        return Outcome.UNTOUCHED
    if _matches_with_holes(original, repaired):
        return Outcome.HOLES
    outcome = _compare(original, repaired, model)
    if outcome in (Outcome.WRONG, Outcome.GAP):
        outcome = _word_by_word(original, repaired, model) or outcome
    if outcome is Outcome.GAP and (
        _explains_the_damage(model, repaired, damaged)
        or _originals_in_the_holes(original, repaired, damaged, model)
    ):
        return Outcome.LOST
    if outcome is Outcome.WRONG and _is_subsequence(repaired, original):
        # The aligner can pair a deleted letter with a kept one in repetitive text
        # (Arabic ``بالموازاة`` that lost ``لمو``): every character of the repair is
        # the original's, in order, so only deletions differ.
        return Outcome.LOST if _explains_the_damage(model, repaired, damaged) else Outcome.GAP
    return outcome


def _explains_the_damage(model: Damage, repaired: str, damaged: str) -> bool:
    """Does damaging the repair again give the damaged text, so no trace was dropped?

    Where the repair left damage as it was (``weＴ``, what Big5 kept of ``we™…``),
    damaging the whole repair again damages that residue a second time; then each
    span the repair changed is damaged again alone and must give back the span it
    replaced.

    A CJK codec never pairs a space with a byte, nor does deleting or replacing C1
    bytes touch one, so when the two texts hold as many spaces, each piece between
    them may explain its own span: over a long line the aligner can pair holes and
    residue with the wrong spans (``‘в�одﾐｸﾑや吶、vrupa`` beside Greek holes).
    """
    if _explains_whole(model, repaired, damaged):
        return True
    pieces, damaged_pieces = repaired.split(" "), damaged.split(" ")
    return len(pieces) == len(damaged_pieces) > 1 and all(
        piece == damaged_piece or _explains_whole(model, piece, damaged_piece)
        for piece, damaged_piece in zip(pieces, damaged_pieces, strict=True)
    )


def _explains_whole(model: Damage, repaired: str, damaged: str) -> bool:
    """:func:`_explains_the_damage` for the two texts taken whole."""
    if _redamages_to(model, repaired, damaged) or _holes_for(damaged, repaired, model):
        return True
    matcher = difflib.SequenceMatcher(None, damaged, repaired, autojunk=False)
    changed = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    return bool(changed) and all(
        damage(model, repaired[b0:b1]) == damaged[a0:a1]
        or _holes_for(damaged[a0:a1], repaired[b0:b1], model)
        for _, a0, a1, b0, b1 in changed
    )


def _originals_in_the_holes(original: str, repaired: str, damaged: str, model: Damage) -> bool:
    """With the original's characters put back where the repair wrote holes, does the
    repair damage back to the input, so that what else it lacks left no trace?

    :func:`_holes_for` fills a hole with any character that fits, one hole at a time;
    two holes side by side whose bytes a codec paired across characters (``컴��``
    for ``컴퓨터`` under Big5) are filled here with what the original held there, a
    character for each hole.
    """
    for opcodes in (_opcodes(original, repaired), _backward_opcodes(original, repaired)):
        filled = "".join(
            original[a0:a1] if _holes_alone(repaired[b0:b1], a1 - a0) else repaired[b0:b1]
            for _, a0, a1, b0, b1 in opcodes
        )
        if filled != repaired and _explains_the_damage(model, filled, damaged):
            return True
    return False


def _holes_alone(span: str, characters: int) -> bool:
    """Is ``span`` one hole for each of the original's ``characters`` there?"""
    return characters > 0 and span == "\ufffd" * characters


def _holes_for(damaged: str, repaired: str, model: Damage) -> bool:
    """Does ``repaired``, where it holds U+FFFD, explain ``damaged`` piece by piece?

    A hole names no character, so damaging it again cannot give its span back; it
    explains a span that some character could have left (``箙`` is what EUC-JP
    keeps of ``乎`` once its last byte is dropped).  The characters between holes
    must give their own span back when damaged again (``��辰年`` for ``箙綺莨医拘``).
    """
    if "\ufffd" not in repaired:
        return False
    runs = [run.group() for run in re.finditer("\ufffd+|[^\ufffd]+", repaired)]
    forms = _single_character_forms(model)
    # ends: the positions in ``damaged`` that the runs taken so far can reach
    ends = {0}
    for run in runs:
        if run[0] != "\ufffd":
            piece = damage(model, run) or run
            ends = {end + len(piece) for end in ends if damaged.startswith(piece, end)}
            continue
        for _ in run:  # one character's damage per hole
            ends = {
                stop
                for end in ends
                for stop in range(end + 1, min(len(damaged), end + _WIDEST_DAMAGE) + 1)
                if damaged[end:stop] in forms
            }
    if len(damaged) in ends:
        return True
    # One hole whose character's bytes paired with its neighbours' (``배�기`` for
    # ``覦一郁鍵``: EUC-JP pairs the last byte of ``배`` with the first of ``우``):
    # some character in its place must give the whole span back.
    if repaired.count("\ufffd") != 1:
        return False
    before, _, after = repaired.partition("\ufffd")
    return any(damage(model, before + char + after) == damaged for char in _bmp())


@functools.cache
def _bmp() -> tuple[str, ...]:
    """Every character of the Basic Multilingual Plane past ASCII, surrogates aside."""
    return tuple(chr(code) for code in range(0x80, 0x10000) if not 0xD800 <= code < 0xE000)


@functools.cache
def _single_character_forms(model: Damage) -> frozenset[str]:
    """What ``model`` leaves of each character of the Basic Multilingual Plane."""
    return frozenset(form for char in _bmp() if (form := damage(model, char)))


def _word_by_word(original: str, repaired: str, model: Damage) -> Outcome | None:
    """The outcome with the repair's words paired with the original's, when both have
    as many: the aligner, free to pair any characters, can match a mark with the
    same mark a word later (``„REBOOT“… ‘Volody’`` repaired as ``“REBOOT������
    “Volody”``: ``“…`` left damaged, ``‘`` as ``“``) and then report a gap and a
    wrong letter where none is.  None when the words do not pair up, or when a
    pair still holds a wrong letter."""
    words, repaired_words = original.split(" "), repaired.split(" ")
    if len(words) != len(repaired_words):
        return None
    outcomes = set()
    for word, repaired_word in zip(words, repaired_words, strict=True):
        if word == repaired_word or _matches_with_holes(word, repaired_word):
            continue
        outcome = _compare(word, repaired_word, model)
        if outcome is Outcome.WRONG:
            # within a word the aligner can still pair ``“`` with the wrong ``“``
            # (``„에서“`` as ``“��”``): the word cut piece by piece
            outcome = _piece_by_piece(word, repaired_word, model) or outcome
        outcomes.add(outcome)
    if Outcome.WRONG in outcomes:
        return None
    if Outcome.GAP in outcomes:  # deletions: whether they left a trace, the caller asks
        return Outcome.GAP
    return Outcome.MARK if Outcome.MARK in outcomes else Outcome.PARTIAL


def _is_subsequence(short: str, long: str) -> bool:
    """Is ``short`` ``long`` with some characters deleted?"""
    rest = iter(long)
    return all(char in rest for char in short)


def _redamages_to(model: Damage, repaired: str, damaged: str) -> bool:
    try:
        return model.apply(repaired) == damaged
    except UnicodeError:
        return False


def _matches_with_holes(original: str, repaired: str) -> bool:
    """``repaired`` is ``original`` with some characters replaced by one U+FFFD each."""
    if "\ufffd" not in repaired:
        return False
    pattern = "".join("." if char == "\ufffd" else re.escape(char) for char in repaired)
    return re.fullmatch(pattern, original, re.DOTALL) is not None


def _compare(original: str, repaired: str, model: Damage) -> Outcome:
    """Align the repair with the original: every difference is a hole, a span still in
    its damaged form (PARTIAL), a silent deletion (GAP), or else a wrong letter.

    The aligner pairs the longest common runs first and breaks ties from the left, so
    a mark can pair with a like mark far off (``”、‘If’`` with the ``”`` of
    ``鈥濄�佲�業f”``, where the ``”`` is the repair of the ``’``): the alignment
    found from the right is asked too, and the better one counts.
    """
    forward = _compare_aligned(original, repaired, model, _opcodes(original, repaired))
    if forward not in (Outcome.WRONG, Outcome.GAP):
        return forward
    backward = _compare_aligned(original, repaired, model, _backward_opcodes(original, repaired))
    return min(forward, backward, key=_SEVERITY.index)


#: Outcomes of an alignment, the least severe first.
_SEVERITY = (Outcome.PARTIAL, Outcome.MARK, Outcome.GAP, Outcome.WRONG)
_Opcode = tuple[str, int, int, int, int]


def _opcodes(original: str, repaired: str) -> list[_Opcode]:
    matcher = difflib.SequenceMatcher(None, original, repaired, autojunk=False)
    return [(tag, a0, a1, b0, b1) for tag, a0, a1, b0, b1 in matcher.get_opcodes()]


def _backward_opcodes(original: str, repaired: str) -> list[_Opcode]:
    """The alignment of the two texts read from their ends, in forward positions."""
    n, m = len(original), len(repaired)
    return [
        (tag, n - a1, n - a0, m - b1, m - b0)
        for tag, a0, a1, b0, b1 in reversed(_opcodes(original[::-1], repaired[::-1]))
    ]


def _compare_aligned(
    original: str, repaired: str, model: Damage, opcodes: list[_Opcode]
) -> Outcome:
    outcome = Outcome.PARTIAL
    for tag, a0, a1, b0, b1 in opcodes:
        if tag == "equal":
            continue
        got = repaired[b0:b1]
        if not got:
            outcome = Outcome.GAP
        elif _marks_for_marks(original[a0:a1], got):
            outcome = Outcome.MARK
        elif set(got) != {"\ufffd"} and not _damaged_form(original, a0, a1, got, model):
            pieces = _piece_by_piece(original[a0:a1], got, model)
            if pieces is None and not _residue_holes_and_letters(original, a0, a1, got, model):
                return Outcome.WRONG
            if pieces == Outcome.MARK:
                outcome = Outcome.MARK
    return outcome


def _piece_by_piece(expected: str, got: str, model: Damage) -> Outcome | None:
    """Cut ``got`` into pieces, each standing for one or a few characters of
    ``expected``: a character itself, U+FFFD for one, the damaged form of a few left as
    it was (multi-byte codecs pair the bytes of neighbours), or one punctuation mark
    for another.  The aligner reports ``。“`` repaired as ``ã�`` as one block: ``。``
    left damaged, ``“`` a hole, and no wrong letter.  None when no such cut exists;
    else MARK when every cut needs a mark standing for another, PARTIAL otherwise."""
    # reachable[(i, j)]: expected[:i] is explained by got[:j]; True if only with a mark
    reachable: dict[tuple[int, int], bool] = {(0, 0): False}
    for i in range(len(expected)):
        char = expected[i]
        fixed_steps = [(1, char, False), (1, "\ufffd", False)]
        fixed_steps += [
            (size, damaged, False) for size, damaged in _damaged_forms(expected, i, model)
        ]
        for j in range(len(got) + 1):
            marked = reachable.get((i, j))
            if marked is None:
                continue
            steps = list(fixed_steps)
            if j < len(got) and _is_mark(char) and _is_mark(got[j]):
                steps.append((1, got[j], got[j] != char))
            for size, piece, mark in steps:
                if got.startswith(piece, j):
                    key = (i + size, j + len(piece))
                    reachable[key] = reachable.get(key, True) and (marked or mark)
    final = reachable.get((len(expected), len(got)))
    if final is None:
        return None
    return Outcome.MARK if final else Outcome.PARTIAL


_WIDEST_DAMAGE = 6  # characters whose damage may be one piece


def _damaged_forms(text: str, start: int, model: Damage) -> list[tuple[int, str]]:
    """(how many characters, their damaged form) for the few characters from ``start``."""
    forms: list[tuple[int, str]] = []
    for size in range(1, min(_WIDEST_DAMAGE, len(text) - start) + 1):
        try:
            damaged = model.apply(text[start : start + size])
        except UnicodeError:
            continue
        if damaged:
            forms.append((size, damaged))
    return forms


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def _marks_for_marks(expected: str, got: str) -> bool:
    """Punctuation restored as other punctuation of the same length: the issue forbids a
    wrong *letter*; which quote a lost byte was is sometimes a convention (“ before ‘)."""
    return len(expected) == len(got) and all(map(_is_mark, expected + got))


def _residue_holes_and_letters(original: str, a0: int, a1: int, got: str, model: Damage) -> bool:
    """Is ``got`` made of runs of U+FFFD, pieces of the damaged word around it,
    pieces of the original span and marks standing for its marks, and nothing else?

    Where a codec pairs bytes across characters (EUC-JP reading Chinese that lost
    bytes to ``?``), what a character leaves depends on its neighbours, so
    :func:`_piece_by_piece`, which damages characters alone, finds no cut; every
    character of ``got`` is still the original's, the damage's or a hole.
    """
    start = original.rfind(" ", 0, a0) + 1
    end = original.find(" ", a1)
    end = len(original) if end < 0 else end
    damaged = damage(model, original[start:end]) or ""
    expected = original[a0:a1]
    reachable = [True] + [False] * len(got)
    for j in range(len(got)):
        if not reachable[j]:
            continue
        for k in range(j + 1, len(got) + 1):
            piece = got[j:k]
            if (
                set(piece) == {"\ufffd"}
                or piece in damaged
                or piece in expected
                or (len(piece) == 1 and _is_mark(piece) and any(map(_is_mark, expected)))
            ):
                reachable[k] = True
            elif piece[:-1] not in damaged and piece[:-1] not in expected:
                break
    return reachable[len(got)]


def _damaged_form(original: str, a0: int, a1: int, got: str, model: Damage) -> bool:
    # The aligner may cut inside a word; widen to the enclosing word and compare damage.
    start = original.rfind(" ", 0, a0) + 1
    end = original.find(" ", a1)
    end = len(original) if end < 0 else end
    span = original[start:end]
    damaged = damage(model, span)
    return damaged is not None and got in damaged


# --------------------------------------------------------------------------- table


@dataclass
class Row:
    model: str
    family: str
    lossy: bool
    counts: dict[Outcome, int] = field(default_factory=lambda: dict.fromkeys(Outcome, 0))
    #: Units ftfy.fix_encoding repairs exactly, and how many of those cleantext repairs too.
    ftfy_exact: int = 0
    ftfy_exact_kept: int = 0
    #: Sentences this damage erased without a trace, left out of the units.
    traceless: int = 0
    examples: dict[Outcome, list[tuple[str, str, str]]] = field(default_factory=dict)

    @property
    def units(self) -> int:
        return sum(self.counts.values())

    def share(self, outcome: Outcome) -> float:
        return self.counts[outcome] / self.units if self.units else 0.0

    @property
    def target(self) -> float:
        return LOSSY_TARGET if self.lossy else LOSSLESS_TARGET


def recovery_table(
    fix: Callable[[str], str] | None = None, sentences: Iterable[str] | None = None
) -> list[Row]:
    """One row per damage model: how its damaged units came back from ``fix``."""
    from ftfy import fix_encoding as ftfy_fix

    from cleantext import fix_encoding

    repair = fix or fix_encoding
    corpus = tuple(sentences) if sentences is not None else corpus_sentences()
    rows: list[Row] = []
    for family in families():
        for model in family.models:
            row = Row(
                model.name, family.name, model.lossy, traceless=traceless(family, model, corpus)
            )
            for original, damaged in units(family, model, corpus):
                try:
                    repaired = repair(damaged)
                except Exception as error:  # a crash is a finding, not the end of the table
                    repaired = f"{type(error).__name__}: {error}"
                    outcome = Outcome.CRASH
                else:
                    outcome = classify(original, damaged, repaired, model)
                if ftfy_fix(damaged) == original:
                    row.ftfy_exact += 1
                    row.ftfy_exact_kept += outcome is Outcome.EXACT
                row.counts[outcome] += 1
                found = row.examples.setdefault(outcome, [])
                if len(found) < 3:
                    found.append((original, damaged, repaired))
            rows.append(row)
    return rows


def format_table(rows: list[Row]) -> str:
    header = (
        f"{'damage model':<58} {'units':>5} "
        + " ".join(f"{o.value:>9}" for o in Outcome)
        + f" {'ftfy exact':>10} {'no trace':>8}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        shares = " ".join(f"{row.share(outcome):>9.1%}" for outcome in Outcome)
        ftfy = row.ftfy_exact / row.units if row.units else 0.0
        lines.append(f"{row.model:<58} {row.units:>5} {shares} {ftfy:>10.1%} {row.traceless:>8}")
    return "\n".join(lines)


def format_failures(rows: list[Row], limit: int = 2) -> str:
    lines: list[str] = []
    for row in rows:
        for outcome in (
            Outcome.CRASH,
            Outcome.WRONG,
            Outcome.GAP,
            Outcome.PARTIAL,
            Outcome.UNTOUCHED,
            Outcome.HOLES,
        ):
            for original, damaged, repaired in row.examples.get(outcome, [])[:limit]:
                lines.append(f"[{row.model}] {outcome.value}")
                lines.append(f"    fix_encoding({damaged!r})")
                lines.append(f"    gives    {repaired!r}")
                lines.append(f"    expected {original!r}")
    return "\n".join(lines)


def main() -> int:
    if not CORPORA.is_dir():
        print(f"note: {CORPORA} is absent; the corpus has the fixture sentences only")
    from cleantext import fix_encoding

    args = sys.argv[1:]
    # --guess: lost bytes filled with the most likely character instead of U+FFFD;
    # --fixtures: the fixture sentences only (English news, as in the seeds).
    guess = "--guess" in args
    rows = recovery_table(
        lambda text: fix_encoding(text, guess_lost=guess),
        fixture_sentences() if "--fixtures" in args else None,
    )
    print(format_table(rows))
    if "-v" in sys.argv[1:]:
        print()
        print(format_failures(rows))
    return 0


__all__ = [
    "CJK_CODECS",
    "Damage",
    "Family",
    "Layered",
    "Outcome",
    "Row",
    "classify",
    "corpus_sentences",
    "damage",
    "families",
    "fixture_sentences",
    "format_table",
    "recovery_table",
    "split_sentences",
]

if __name__ == "__main__":
    raise SystemExit(main())
