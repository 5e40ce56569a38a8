"""UTF-8 read as a single-byte codec, where ftfy declines to act.

ftfy decides whether to re-read a text from a "badness" heuristic tuned for
mojibake of Latin text, so it leaves misreadings whose result looks like letters of
another script: Russian read as MacRoman (``–û–¥–Ω–∞–∫–æ``), Arabic read as
cp1251 (``ШЄЩ…ШЄ``), French read as cp1251 (``identitГ©``).  Such spans go through the
same byte-level verification and plausibility margin as the multi-byte misreadings
(:mod:`.misread`), on the lines where the codec's fingerprint appears and after
ftfy has made its own repairs.

Limits keep ftfy's judgement where it is strongest.  Latin-1 and cp1252, the
codecs ftfy knows best, are left to it (a garble it declines stays declined).  A
repair is taken only when what it writes is letters and combining marks, the case
ftfy's heuristic misses, or, for cp437 and MacRoman (whose punctuation bytes are
not cp1252's), is typographic punctuation (``ΓÇÖ`` is ``’`` read as cp437); for
cp437, whose box drawing makes letters out of line art, only the punctuation.
Letters need more evidence than one: the codec's repairs in a text must restore
at least :data:`MIN_BYTES` bytes of UTF-8 between them (``—∞`` read back as
MacRoman is one Cyrillic ``Ѱ``, two bytes: too little).  A punctuation mark
restored from three characters (``ΓÇÖ``) is evidence enough on its own.

Words are evidence too: when every repair of a codec completes a common word
(:mod:`.confirm`), the repairs are taken however few bytes they restore, and for
cp437 even letters (``Se├▒or Dios form├│`` is ``Señor Dios formó``), unless the
same bytes read as Latin-1 or cp1252 give the same repair, which ftfy declined.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import replace

from cleantext.repair import confirm
from cleantext.repair.bytescan import utf8_length
from cleantext.repair.cluster import line_of
from cleantext.repair.codec_choice import with_most_known_words
from cleantext.repair.misread import Repair, find_repairs, with_note
from cleantext.repair.models import DamageModel, encodes
from cleantext.repair.screen import single_byte_windows

__all__ = ["also_western", "find"]


def find(text: str) -> list[Repair]:
    """Verified, clearly more plausible repairs under each single-byte codec whose
    fingerprint (a UTF-8 lead byte's character followed by a continuation's) is present."""
    repairs: list[Repair] = []
    read_whole = _RunsReadWhole(text)
    for codec, spans in single_byte_windows(text).items():
        if codec in LEFT_TO_FTFY:
            continue
        latin1_lines = _Latin1Lines(text, codec)
        candidates = [
            repair
            for repair in find_repairs(text, DamageModel("utf-8", codec), spans)
            if not _takes_the_lead_of_lost_bytes(text, repair)
            and not _splits_a_cp1252_sequence(text, repair, read_whole)
            and not latin1_lines.beside(repair)
        ]
        confirmed = _confirmed_by_words(text, candidates)
        if confirmed:
            repairs.extend(confirmed)
            continue
        found = [
            repair
            for repair in candidates
            if _writes_letters(repair.repaired, codec) or _writes_typography(repair.repaired, codec)
        ]
        punctuation_only = all(_writes_typography(repair.repaired, codec) for repair in found)
        if found and (_restored_bytes(text, found) >= MIN_BYTES or punctuation_only):
            repairs.extend(found)
    return with_most_known_words(text, repairs)


def _takes_the_lead_of_lost_bytes(text: str, repair: Repair) -> bool:
    """Does ``repair`` end in a Latin-1 character of a UTF-8 lead byte that a ``?`` or
    U+FFFD follows?  That is the mark of a Latin-1 reading whose C1 bytes were lost
    after that lead (``â??`` of ``’``), which a reading taking the lead as a byte of
    its own contradicts: MacRoman read ``Î±â`` of ``Î±â??t`` (Greek ``α’t``) as ``뱉``.
    """
    last = text[repair.end - 1]
    return "\u00c2" <= last <= "\u00f4" and text[repair.end : repair.end + 1] in ("?", "\ufffd")


class _Latin1Lines:
    """Where a text holds Latin-1 mojibake its codec cannot have written: a UTF-8
    lead byte's character followed by a continuation's (read as Latin-1), one of
    which the codec has no byte for.

    A line is read through one codec.  Where another codec's mojibake stands on it,
    a reading of this codec is a coincidence of the bytes that codec left:
    ``研制 他 力求`` read as Latin-1, which lost its C1 bytes, is ``ç\xa0å¶ ä» åæ±``,
    and cp1257, whose ``æ`` is the continuation byte ``BF``, read ``åæ±`` as the
    rare ``忱``; cp1257 has no ``ç``.

    A three-byte lead with one continuation and no more, both written by the codec
    with Latin-1's bytes, is what Latin-1 that lost its C1 bytes leaves, and the
    codec's own reading of them is broken: beside it, a reading Latin-1 would not
    make is a coincidence too (``é¦ ä¼`` of ``韦 会``, beside which cp1257 read
    ``ä½æ``, what was left of ``使``, as ``使``, and ``å²¸``, ``岸``, as ``岏``).  A
    reading Latin-1 makes alike (``å¥³``, ``女``) is Latin-1's own.
    """

    def __init__(self, text: str, codec: str) -> None:
        self._text = text
        self._codec = codec
        self._found: dict[tuple[int, int], tuple[list[int], list[int]]] = {}

    def beside(self, repair: Repair) -> bool:
        """Does such mojibake stand on the line of ``repair``, outside it?"""
        unwritten, cut_short = self._on_line(line_of(self._text, repair.start))
        found = unwritten
        if cut_short and not also_western(self._text[repair.start : repair.end], repair.repaired):
            found = sorted(unwritten + cut_short)
        return bool(found) and (found[0] + 2 <= repair.start or found[-1] >= repair.end)

    def _on_line(self, line: tuple[int, int]) -> tuple[list[int], list[int]]:
        """Where on ``line`` such pairs begin: those with a character the codec cannot
        write, and those cut short."""
        if line not in self._found:
            unwritten: list[int] = []
            cut_short: list[int] = []
            for match in _LATIN1_SEQUENCE.finditer(self._text, *line):
                if not all(encodes(char, self._codec) for char in match.group()):
                    unwritten.append(match.start())
                elif self._cut_short(match.start()):
                    cut_short.append(match.start())
            self._found[line] = unwritten, cut_short
        return self._found[line]

    def _cut_short(self, start: int) -> bool:
        """Is the pair at ``start`` a three-byte lead and one continuation, both
        written by the codec with Latin-1's bytes, that no continuation follows?"""
        pair, after = self._text[start : start + 2], self._text[start + 2 : start + 3]
        return (
            "\u00e0" <= pair[0] <= "\u00ef"
            and all(_byte(char, self._codec) == ord(char) for char in pair)
            and not (after and 0x80 <= _byte(after, self._codec) <= 0xBF)
        )


def _byte(char: str, codec: str) -> int:
    """The byte ``codec`` writes ``char`` with, or -1 if it has none."""
    try:
        return char.encode(codec)[0]
    except UnicodeEncodeError:
        return -1


_LATIN1_SEQUENCE = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


def _splits_a_cp1252_sequence(text: str, repair: Repair, read_whole: _RunsReadWhole) -> bool:
    """Does ``repair`` begin or end inside a UTF-8 sequence that cp1252 reads, in a
    run of characters (up to ASCII or a U+FFFD) that cp1252 reads whole?  Its
    codec then reads bytes of characters cp1252 reads one by one: MacRoman made
    ``Ą`` of the ``ƒÑ`` that ends ``Ñƒ`` (``у``) and begins ``Ñ‡`` (``ч``).
    MacRoman's own mojibake of Cyrillic holds such sequences too (``—Ä–µ``: ``Ä–``
    is ``Ė``), but no run of it is all of them."""
    return (
        _inside_a_sequence(text, repair.start) or _inside_a_sequence(text, repair.end)
    ) and read_whole.around(repair.start, repair.end)


class _RunsReadWhole:
    """The runs of characters beyond ASCII (U+FFFD aside) of a text that cp1252
    reads whole as UTF-8, found on the first question and then looked up."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._found = False

    def around(self, start: int, end: int) -> bool:
        """Does one such run hold ``text[start:end]``?"""
        if not self._found:
            self._found = True
            for run in _RUN_RE.finditer(self._text):
                if _reread(run.group(), "cp1252") is not None:
                    self._starts.append(run.start())
                    self._ends.append(run.end())
        index = bisect.bisect_right(self._starts, start) - 1
        return index >= 0 and end <= self._ends[index]


_RUN_RE = re.compile("[^\x00-\x7f\ufffd]+")


def _inside_a_sequence(text: str, position: int) -> bool:
    """Does a UTF-8 sequence that cp1252 reads begin before ``position`` and end after it?"""
    for start in range(max(0, position - 3), position):
        if "\u00c2" <= text[start] <= "\u00f4":  # a lead byte, read as Latin-1
            end = start + utf8_length(ord(text[start]))
            if position < end <= len(text) and _reread(text[start:end], "cp1252") is not None:
                return True
    return False


def _restored_bytes(text: str, repairs: list[Repair]) -> int:
    """The UTF-8 bytes of the non-ASCII characters ``repairs`` restore: the evidence
    of their codec.

    Where some of them are also Western readings and others are not, only the
    others count: Latin-1 reads the Western ones alike (``å¤©`` is ``天`` in Latin-1
    and cp1257 alike; beside it cp1257 read ``ä¸æ``, Latin-1 that lost the C1 bytes
    of ``下有``, as the extension-A ideograph ``䏿``).  Where all of them are, they
    count: the first layer of double mojibake is read so (``Ã\x90Âµ``).
    """
    own = [r for r in repairs if not also_western(text[r.start : r.end], r.repaired)]
    return sum(
        len(char.encode("utf-8"))
        for repair in own or repairs
        for char in repair.repaired
        if not char.isascii()
    )


def _confirmed_by_words(text: str, candidates: list[Repair]) -> list[Repair]:
    """All of a codec's repairs, when each completes a common word (:mod:`.confirm`):
    evidence enough however few bytes they restore, and for cp437 letters too
    (``Se├▒or`` is ``Señor``; line art completes no word)."""
    if any(also_western(text[r.start : r.end], r.repaired) for r in candidates):
        return []  # ftfy read these bytes and declined: its judgement stands
    notes = confirm.confirming_notes(
        text, [(repair.start, repair.end, repair.repaired) for repair in candidates]
    )
    if notes is None:
        return []
    return [_noted(repair, note) for repair, note in zip(candidates, notes, strict=True)]


def also_western(damaged: str, repaired: str) -> bool:
    """Is ``damaged`` also ``repaired`` read as Latin-1 or cp1252 (``Ã¥`` is ``å`` both as
    cp1254 and as cp1252)?"""
    return any(_reread(damaged, codec) == repaired for codec in LEFT_TO_FTFY)


def _reread(damaged: str, codec: str) -> str | None:
    try:
        return damaged.encode(codec).decode("utf-8")
    except UnicodeError:
        return None


def _noted(repair: Repair, note: str) -> Repair:
    return repair if note in repair.note else replace(repair, note=with_note(repair.note, note))


#: UTF-8 bytes a codec's repairs must restore in a text before any is taken.
MIN_BYTES = 6

#: The codecs whose misreadings ftfy's own judgement decides.
LEFT_TO_FTFY = frozenset({"latin-1", "sloppy-windows-1252"})

#: Codecs whose letters are too easily made from symbols: only punctuation is restored.
_PUNCTUATION_ONLY = frozenset({"cp437"})

#: Codecs whose misread punctuation is not also a cp1252 misreading (ftfy's domain).
_OWN_PUNCTUATION = frozenset({"cp437", "macroman"})

_TYPOGRAPHY = frozenset("‘’‚‛“”„‟–—―…•′″")


def _writes_letters(repaired: str, codec: str) -> bool:
    return codec not in _PUNCTUATION_ONLY and all(
        char.isascii() or unicodedata.category(char)[0] in "LM" for char in repaired
    )


def _writes_typography(repaired: str, codec: str) -> bool:
    return codec in _OWN_PUNCTUATION and all(
        char.isascii() or char in _TYPOGRAPHY for char in repaired
    )
