"""UTF-8 read as Latin-1 with the C1 characters then lost (deleted, or replaced by ``?`` or U+FFFD).

``He’s`` is ``E2 80 99`` in UTF-8; read as Latin-1 that is ``â`` plus two C1
controls, and many pipelines strip C1 controls, leaving ``Heâs``.  The lost bytes
were C1 bytes (0x80–0x9F), which narrows each hole to a few candidates; the
context (:mod:`cleantext.repair.infer`) picks one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cleantext.repair.legacy import is_legacy_line
from cleantext.repair.line_spans import split_at_lines
from cleantext.repair.misread import Repair, find_repairs, lone_lead_stays_open
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.screen import (
    CP1252_EXTRAS,
    CP1252_PAIR_RE,
    LOSSY_LATIN_RE,
    QUESTION_MARKS_RE,
    has_lossy_latin_evidence,
    lossy_latin_lines,
    lossy_latin_windows,
    single_byte_suspect,
)

__all__ = ["candidate_model", "find", "looks_c1_deleted"]


_REPLACEMENT_RE = re.compile("[\u00c2-\u00f4]\ufffd")


def candidate_model(line: str) -> DamageModel | None:
    """The one loss model the fingerprint of ``line`` (which holds a lead that lost its
    continuation) points to, if any.

    A line is damaged one way; trying the others too would let "deleted" explain
    ``â??`` as ``â`` plus two real question marks.  A line holding a lead and a
    character only cp1252 writes was read as cp1252: ftfy's, or :mod:`.cp1252_lossy`'s
    where it lost bytes.  :func:`find` asks it of each line, as the other families
    take their model: one line of cp1252 mojibake had kept every other line of a
    text from being read, and one ``â\ufffd`` had made every line be read as if its
    lost bytes were marked.
    """
    if CP1252_PAIR_RE.search(line):
        return None
    if _REPLACEMENT_RE.search(line):
        return DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD)
    if QUESTION_MARKS_RE.search(line):
        return DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION)
    return DamageModel("utf-8", "latin-1", Loss.STRIP_C1)


def _lines_by_model(text: str) -> dict[DamageModel, list[tuple[int, int]]]:
    """The lines of ``text`` that hold a lead that lost its continuation, by the loss
    model each points to (:func:`candidate_model`)."""
    by_model: dict[DamageModel, list[tuple[int, int]]] = {}
    for start, end in lossy_latin_lines(text):
        model = candidate_model(text[start:end])
        if model is not None:
            by_model.setdefault(model, []).append((start, end))
    return by_model


#: A three-byte lead and one continuation followed by neither a continuation (as
#: Latin-1 or cp1252 writes it) nor a space: the sequence lost a byte, and no
#: no-break space turned into a space explains it (``insideâ¢â¦``: ``™…`` with
#: their middle bytes deleted).  cp1252 writes the continuation ``80`` as ``€``:
#: Vietnamese ``NHIá»€U`` is ``NHIỀU`` read as cp1252 whole, and taken for a
#: sequence that lost a byte it had kept ftfy from its repair (word probe, seed 233).
_LOST_ONE_OF_THREE_RE = re.compile(
    f"[\u00e0-\u00ef][\u00a0-\u00bf](?![\u0080-\u00bf {CP1252_EXTRAS}])"
)


def looks_c1_deleted(line: str) -> bool:
    """Does ``line`` bear the mark of deleted C1 bytes: a lead that lost its
    continuation, or a three-byte lead that lost one of its two (:data:`_LOST_ONE_OF_THREE_RE`),
    with no cp1252 character after a lead, no ``?`` and no U+FFFD standing for the
    lost bytes?"""
    return CP1252_PAIR_RE.search(line) is None and _bears_deleted_c1(line)


def _bears_deleted_c1(line: str) -> bool:
    """:func:`looks_c1_deleted`, cp1252's characters aside."""
    return (
        (LOSSY_LATIN_RE.search(line) is not None or _LOST_ONE_OF_THREE_RE.search(line) is not None)
        and _REPLACEMENT_RE.search(line) is None
        and QUESTION_MARKS_RE.search(line) is None
    )


def _in_legacy_line(text: str, span: tuple[int, int]) -> bool:
    """Is the evidence in a line of legacy text read as Western (``â`` is Russian ``в``)?"""
    middle = (span[0] + span[1]) // 2
    start = text.rfind("\n", 0, middle) + 1
    end = text.find("\n", middle)
    return is_legacy_line(text[start : end if end >= 0 else len(text)])


def _read_before_ftfy(text: str, span: tuple[int, int]) -> bool:
    """Should the lines around ``span`` be read for deleted C1 bytes before ftfy?
    (:func:`_line_read_before_ftfy`)"""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    return _line_read_before_ftfy(text[start : end if end >= 0 else len(text)])


@lru_cache(maxsize=16)  # a few lines: a long one is kept alive while cached
def _line_read_before_ftfy(line: str) -> bool:
    """Should ``line`` be read for deleted C1 bytes before ftfy?

    Yes when it is made wholly of Latin-1 characters (one misreading: ``Ä±``
    beside ``ź`` is cp1250, ftfy's) and ftfy would leave it still bearing the mark
    of deleted bytes.  ftfy then re-reads only the pieces that are lossless (``Ã½``
    is ``ý``) and leaves the rest among them, where a lost byte's word no longer
    reads as one (``MluvÄÃ\xad`` is ``Mluvčí``; after ftfy, ``MluvÄí``).  A line
    ftfy repairs whole stays ftfy's (``signe Ã s'Ã©loigner``: its ``Ã `` is ``à``
    with its no-break space made a space, which ftfy knows and no C1 loss explains).

    Cached by line: a line with several windows, or seen again in a later pass,
    asks ftfy once.
    """
    if not line or max(line) > "\u00ff":
        return False
    if not single_byte_suspect(line):
        return True  # ftfy is not handed the line: reading it first changes nothing
    import ftfy

    fixed = ftfy.fix_encoding(line)
    if not has_lossy_latin_evidence(fixed):
        return False
    # A character of cp1252's own in ``fixed`` is ftfy's reading: the line is Latin-1
    # (``MÃÅ½U``, Slovak ``MÔŽU`` whose ``94`` was lost, is ``MÃŽU`` after ftfy).  Not
    # where a lead is followed by ``?``, which may have been its lost byte: ftfy's
    # ``ž`` beside a lead had kept ``dážÄ? majú`` from being read as deleted bytes
    # and a question mark (``dážď? majú``), and it still does.
    return looks_c1_deleted(fixed) or (
        _bears_deleted_c1(fixed) and _LEAD_BEFORE_QUESTION_RE.search(fixed) is None
    )


#: A UTF-8 lead read as Latin-1 right before a ``?``.
_LEAD_BEFORE_QUESTION_RE = re.compile("[\u00c2-\u00f4]\\?")


#: A Latin-1 character that is a UTF-8 continuation byte.
_CONTINUATION_RE = re.compile("[\u00a0-\u00bf]")


@lru_cache(maxsize=len(Loss))
def _decidable_lead_re(model: DamageModel) -> re.Pattern[str]:
    """A Latin-1 lead that, having lost every continuation byte, some rule could complete."""
    leads = [chr(code) for code in range(0xC2, 0xF5)]
    decidable = "".join(lead for lead in leads if not lone_lead_stays_open(lead, model))
    return re.compile(f"[{decidable}]" if decidable else "(?!)")  # (?!) matches nowhere


def _left_open(text: str, span: tuple[int, int], model: DamageModel) -> bool:
    """True when, the C1 bytes deleted, the span can only be left as it is: no
    continuation byte survives in it, so every lead lost all of its own, and every
    such lead is one no context rule or lexicon could complete (``Ê`` was a letter
    from U+0280 to U+029F, ``ê`` one from U+A000 to U+A7DF).

    Each region there is then a row of clusters that can only stay open, which the
    repair declines; this says so without scanning.  (CPython's pinyin sample line
    ``ÊÊ̄ê êê̄`` is in two of three of the bench's CJK documents.)
    """
    start, end = span
    return (
        model.loss is Loss.STRIP_C1
        and _CONTINUATION_RE.search(text, start, end) is None
        and _decidable_lead_re(model).search(text, start, end) is None
    )


@dataclass
class _EarlyRead:
    """The last text read before ftfy (compared by identity) and the spans read in it.

    One text is kept alive until the next is read: for a streamed file, one chunk.
    """

    text: str | None = None
    windows: frozenset[tuple[int, int]] = frozenset()


_READ_EARLY = _EarlyRead()


def find(text: str, *, replaced: bool, before_ftfy: bool = False) -> list[Repair]:
    """Verified repairs near the characters that lost bytes, each line read under its
    own loss model (:func:`candidate_model`): of the lines whose C1 characters were
    ``replaced`` by U+FFFD, or, if not, of those whose C1 characters were deleted or
    written ``?``.

    With ``before_ftfy``, only deleted C1 characters, in the lines ftfy would only
    partly repair (see :func:`_read_before_ftfy`): the engine reads those first.
    ``?`` stays after ftfy: ftfy undoes two layers of misreading whose C1 bytes
    became ``?`` (``ItÃ?Â¢â?¬â?¢s``), which read as one layer are nonsense.
    """
    lines = {
        model: spans
        for model, spans in _lines_by_model(text).items()
        if (model.loss is Loss.C1_TO_FFFD) == replaced
        and (model.loss is Loss.STRIP_C1 or not before_ftfy)
    }
    windows = lossy_latin_windows(text) if lines else []
    read_early: set[tuple[int, int]] = set()
    repairs: list[Repair] = []
    for model, model_lines in lines.items():
        spans = split_at_lines(windows, model_lines)[0]
        if before_ftfy:
            spans = [span for span in spans if _read_before_ftfy(text, span)]
            read_early.update(spans)
        elif _READ_EARLY.text is text:
            # Nothing changed the text since these spans were read before ftfy, where
            # they gave nothing; read again they could differ only by a quote mark
            # carried in from a span read only now, not worth reading them twice.
            spans = [span for span in spans if span not in _READ_EARLY.windows]
        spans = [
            span
            for span in spans
            if not _left_open(text, span, model) and not _in_legacy_line(text, span)
        ]
        repairs.extend(find_repairs(text, model, spans))
    if before_ftfy:
        _READ_EARLY.text, _READ_EARLY.windows = text, frozenset(read_early)
    return repairs
