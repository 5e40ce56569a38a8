"""Turn damaged text back into the bytes it was decoded from, and re-read them as UTF-8.

Under a damage model "UTF-8 read as W", every damaged character is the W-decoding
of some bytes.  Encoding the characters back with W gives those bytes (with holes
where bytes were lost), and reading the bytes as UTF-8 gives the original text.
:func:`scan` does that for one segment of text and cuts it into *regions*: runs of
characters whose bytes parse as UTF-8 and begin and end on a character boundary on
both sides.  Inside a region, a UTF-8 sequence may have unknown bytes; those are
resolved later by :mod:`cleantext.repair.infer`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from cleantext.repair.models import CJK_CODECS, DROPPED_LEAD_CODECS, OLDER_CODEC, DamageModel, Loss

__all__ = [
    "Region",
    "Sequence",
    "candidates_for",
    "encode_char",
    "readable",
    "scan",
    "utf8_length",
]

UNKNOWN = -1  # a byte we know was there but not its value

#: Byte values a loss can take: a range, or the few a single-byte codec lacks.
LostValues = range | tuple[int, ...]

_EXPLICIT_HOLE = {
    Loss.REPLACE: "\ufffd",
    Loss.C1_TO_FFFD: "\ufffd",
    Loss.C1_TO_QUESTION: "?",
    Loss.REPLACE_QUESTION: "?",
}
#: Losses that write ``?`` for a lost byte: inside a sequence it is a hole, elsewhere a
#: question mark (a lost lead byte cannot be told from one, so none is looked for).
_QUESTION_HOLES = frozenset({Loss.C1_TO_QUESTION, Loss.REPLACE_QUESTION})
_IMPLICIT_HOLES = frozenset({Loss.IGNORE, Loss.STRIP_C1})
_C1_LOSSES = frozenset({Loss.STRIP_C1, Loss.C1_TO_QUESTION, Loss.C1_TO_FFFD})


@dataclass(frozen=True, slots=True)
class Sequence:
    """One UTF-8 sequence found in the byte stream.

    ``slots`` holds known byte values, or ``UNKNOWN`` for explicitly marked holes;
    ``missing`` counts bytes silently lost (they belong somewhere after the lead).
    ``first_char``/``last_char`` index the damaged characters it was read from.
    """

    slots: tuple[int, ...]
    missing: int
    first_char: int
    last_char: int

    @property
    def complete(self) -> bool:
        return self.missing == 0 and UNKNOWN not in self.slots

    @property
    def is_ascii(self) -> bool:
        return self.missing == 0 and len(self.slots) == 1 and 0 <= self.slots[0] < 0x80


@dataclass(frozen=True, slots=True)
class Region:
    """Characters ``start:end`` of the text re-read as UTF-8, as sequences in order.

    ASCII bytes are one-byte sequences, so every piece knows which characters it
    came from."""

    start: int
    end: int
    pieces: tuple[Sequence, ...]

    @property
    def has_multibyte(self) -> bool:
        return any(not piece.is_ascii for piece in self.pieces)


def utf8_length(lead: int) -> int:
    """The length of the UTF-8 sequence ``lead`` begins; 0 if it begins none."""
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


@lru_cache(maxsize=8192)
def encode_char(codec: str, char: str) -> bytes | None:
    """``char`` encoded with ``codec``; None if the codec has no bytes for it."""
    try:
        return char.encode(codec)
    except UnicodeEncodeError:
        return None


def _wrong_codec(model: DamageModel) -> str:
    return "latin-1" if model.loss in _C1_LOSSES else model.wrong_codec


def readable(char: str, model: DamageModel) -> bool:
    """Could ``char`` be what the wrong codec made of some byte (so possibly damage)?"""
    return encode_char(_wrong_codec(model), char) is not None


def _byte_stream(
    text: str, start: int, end: int, model: DamageModel
) -> tuple[list[int], list[int]]:
    """The bytes of ``text[start:end]`` under ``model`` and, per byte, its character index.

    Characters the wrong codec cannot produce are given the value ``-2`` (a wall).
    """
    codec = _wrong_codec(model)
    hole = _EXPLICIT_HOLE.get(model.loss)
    values: list[int] = []
    owners: list[int] = []
    for index in range(start, end):
        char = text[index]
        if char == hole and hole != "?":
            values.append(UNKNOWN)
            owners.append(index)
            continue
        encoded = encode_char(codec, char)
        if encoded is None or (model.loss in _C1_LOSSES and 0x80 <= ord(char) < 0xA0):
            values.append(-2)
            owners.append(index)
            continue
        values.extend(encoded)
        owners.extend([index] * len(encoded))
    return values, owners


def scan(text: str, start: int, end: int, model: DamageModel) -> list[Region]:
    """Regions of ``text[start:end]`` that re-read as UTF-8 under ``model``."""
    values, owners = _byte_stream(text, start, end, model)
    reading = _Reading.of(text, end, model)
    regions = _Regions(owners)
    position = 0
    while position < len(values):
        if regions.start < 0:
            if not regions.char_start(position):
                position += 1
                continue
            regions.open(position)
        piece, position = _next_piece(text, values, owners, position, reading)
        if piece is None:
            regions.close()
        else:
            regions.add(piece, position)
    regions.close()
    return regions.found


@dataclass(frozen=True, slots=True)
class _Reading:
    """How :func:`scan` reads the byte stream of one span under one model."""

    implicit: bool  # silent holes: a lead followed by too few continuations
    question_holes: bool  # a ``?`` inside a sequence is a lost byte
    lost_leads: bool  # U+FFFD may stand for a lead byte and some continuations
    dropped_leads: bool  # continuations may stand alone, their lead dropped
    marked_leads: bool  # ``?`` may stand for a lead and the continuations before a byte
    # A span that ends where the text goes on with characters that may be bytes of
    # the same sequence (a window edge: ``kÃ|¼ltür``) shows no lost byte at its end.
    cut: bool

    @staticmethod
    def of(text: str, end: int, model: DamageModel) -> _Reading:
        question_holes = model.loss in _QUESTION_HOLES
        dropping = model.wrong_codec in DROPPED_LEAD_CODECS
        return _Reading(
            implicit=model.loss in _IMPLICIT_HOLES,
            question_holes=question_holes,
            lost_leads=model.loss is Loss.REPLACE,
            dropped_leads=model.loss is Loss.IGNORE and dropping,
            marked_leads=model.loss is Loss.REPLACE_QUESTION and dropping,
            cut=end < len(text)
            and (not text[end].isascii() or (question_holes and text[end] == "?")),
        )


class _Regions:
    """The regions a scan has closed, and the pieces of the one it is reading: a
    region is kept up to its last piece that ends on a character's boundary."""

    def __init__(self, owners: list[int]) -> None:
        self.owners = owners
        self.found: list[Region] = []
        self.pieces: list[Sequence] = []
        self.start = -1  # byte index where the open region starts; -1: none is open
        self.aligned_pieces = 0  # pieces up to the last boundary
        self.aligned_byte = -1  # byte index of that boundary

    def char_start(self, position: int) -> bool:
        """Does byte ``position`` begin a character (or lie past the last one)?"""
        owners = self.owners
        return position == 0 or position >= len(owners) or owners[position] != owners[position - 1]

    def open(self, position: int) -> None:
        self.start = position
        self.aligned_byte = position

    def add(self, piece: Sequence, next_position: int) -> None:
        """Append ``piece``, which the bytes up to ``next_position`` made."""
        self.pieces.append(piece)
        if self.char_start(next_position):
            self.aligned_pieces = len(self.pieces)
            self.aligned_byte = next_position

    def close(self) -> None:
        """Keep the open region, if it holds a multi-byte sequence, and open none."""
        if self.start >= 0 and self.aligned_byte > self.start:
            first = self.owners[self.start]
            last = self.owners[self.aligned_byte - 1] + 1
            region = Region(first, last, tuple(self.pieces[: self.aligned_pieces]))
            if region.has_multibyte:
                self.found.append(region)
        self.pieces = []
        self.start = -1
        self.aligned_pieces = 0
        self.aligned_byte = -1


def _next_piece(
    text: str, values: list[int], owners: list[int], position: int, reading: _Reading
) -> tuple[Sequence | None, int]:
    """The sequence the bytes at ``position`` begin, and the position after it; or
    ``None`` and the next position where they begin none (a wall, or no UTF-8)."""
    value = values[position]
    if value == -2:
        return None, position + 1
    marks = (
        _marks_for_lost_lead(values, owners, position)
        if value == 0x3F and reading.marked_leads
        else 0
    )
    if marks:  # ``??쏧f``: ``“If`` whose first bytes were written ``?``
        slots = (UNKNOWN,) * marks + (values[position + marks],)
        return Sequence(slots, 0, owners[position], owners[position + marks]), position + marks + 1
    if 0 <= value < 0x80:
        return Sequence((value,), 0, owners[position], owners[position]), position + 1
    parsed = _parse_sequence(
        values,
        position,
        reading.implicit and not (reading.cut and _runs_to_the_end(values, position)),
        reading.question_holes,
        reading.lost_leads,
    )
    if parsed is None and reading.dropped_leads and _rest_of_dropped_lead(values, owners, position):
        parsed = (UNKNOWN, value), 0, position + 1
    if parsed is None:
        # restart at the next character that begins after this byte
        return None, position + 1
    slots, missing, next_position = parsed
    if len(slots) == 4 and slots[0] == UNKNOWN and _inside_a_word(text, owners, position):
        slots, next_position = slots[:2], position + 2  # ``W����CZONY``: two letters
    return Sequence(slots, missing, owners[position], owners[next_position - 1]), next_position


def _runs_to_the_end(values: list[int], position: int) -> bool:
    """Does the sequence led at ``position`` reach the end of the span, all its bytes
    after the lead continuations (or holes)?  Then its missing bytes may lie past it."""
    length = utf8_length(values[position]) if values[position] >= 0 else 0
    rest = values[position + 1 : position + length]
    return len(rest) < length - 1 and all(
        value == UNKNOWN or 0x80 <= value <= 0xBF for value in rest
    )


def _inside_a_word(text: str, owners: list[int], position: int) -> bool:
    """Is the run of four lost bytes at ``position`` between two ASCII letters?

    Four bytes with none left are one four-byte character (an emoji) or two
    two-byte ones; inside a word they are letters, and read as two holes the
    lexicon can fill them (``W����CZONY`` is ``WŁĄCZONY``).
    """
    first = owners[position]
    before = text[first - 1 : first]
    after = text[first + 4 : first + 5]
    return (
        text[first : first + 4] == "\ufffd" * 4
        and all(char.isascii() and char.isalpha() for char in (before, after))
        and bool(before and after)
    )


def _rest_of_dropped_lead(values: list[int], owners: list[int], position: int) -> bool:
    """Is the byte at ``position`` a continuation byte paired with an ASCII byte into one
    character?  Then the bytes before it in its sequence were dropped, and the reader
    paired what was left with the next character's first byte (cp949 drops ``E2 80``
    of ``“`` and reads ``9C`` and the ``I`` after it as ``쏧``: ``“If`` is ``쏧f``).
    """
    following = position + 1
    return (
        0x80 <= values[position] <= 0xBF
        and following < len(values)
        and 0 <= values[following] < 0x80
        and owners[following] == owners[position]
    )


def _marks_for_lost_lead(values: list[int], owners: list[int], position: int) -> int:
    """How many ``?`` (one to three) from ``position`` stand for the first bytes of a
    sequence whose last byte :func:`_rest_of_dropped_lead` pairs with an ASCII one, if
    they make a sequence of two to four bytes with it; else 0."""
    marks = 0
    while position + marks < len(values) and values[position + marks] == 0x3F and marks < 3:
        marks += 1
    if (
        marks
        and position + marks < len(values)
        and _rest_of_dropped_lead(values, owners, position + marks)
    ):
        return marks
    return 0


def _parse_sequence(
    values: list[int], position: int, implicit: bool, question_holes: bool, lost_leads: bool
) -> tuple[tuple[int, ...], int, int] | None:
    """Parse one UTF-8 sequence at ``position``: (slots, missing, next position) or None."""
    lead = values[position]
    count = len(values)
    if lead == UNKNOWN:
        if not lost_leads:
            return None
        # Counted no further than a sequence reaches: past four it is None anyway,
        # and counting a whole run at each of its bytes was quadratic in its length.
        holes = 0
        while position + holes < count and values[position + holes] == UNKNOWN and holes <= 4:
            holes += 1
        following = position + holes
        while following < count and 0x80 <= values[following] <= 0xBF and following - position <= 4:
            following += 1
        length = following - position
        if (holes == 1 and length == 1) or length > 4 or length < 2:
            return None
        return tuple(values[position:following]), 0, following
    length = utf8_length(lead)
    if length == 0:
        return None
    slots = [lead]
    cursor = position + 1
    while len(slots) < length and cursor < count:
        value = values[cursor]
        if value == UNKNOWN or 0x80 <= value <= 0xBF:
            slots.append(value)
        elif value == 0x3F and question_holes:
            slots.append(UNKNOWN)
        else:
            break
        cursor += 1
    missing = length - len(slots)
    if missing and not implicit:
        return None
    if missing and len(slots) == 1 and length == 2 and not implicit:
        return None
    return tuple(slots), missing, cursor


def candidates_for(
    sequence_slots: tuple[int, ...], missing: int, model: DamageModel
) -> tuple[str, ...]:
    """Every character the sequence could have been, given what was lost and how."""
    if (
        model.loss is Loss.REPLACE
        and missing == 0
        and all(value == UNKNOWN for value in sequence_slots)
    ):
        return _bare_candidates_any(len(sequence_slots), model.wrong_codec)
    if model.loss is Loss.IGNORE and sequence_slots[0] == UNKNOWN:
        return _dropped_lead_candidates(sequence_slots[1:])
    return _candidates(sequence_slots, missing, lost_values(model))


@lru_cache(maxsize=64)
def lost_values(model: DamageModel) -> LostValues:
    """The continuation bytes (0x80-0xBF) ``model`` can lose.

    The C1 losses take the C1 bytes.  A single-byte codec loses the bytes it has no
    character for, and no other: cp1252 lacks only ``81 8D 8F 90 9D``, so ``â€``
    that lost a byte was one of five characters, ``”`` among them.  A multi-byte
    codec can lose any continuation byte it fails to pair.
    """
    if model.loss in _C1_LOSSES:
        return range(0x80, 0xA0)
    continuations = range(0x80, 0xC0)
    if model.wrong_codec in CJK_CODECS:
        return continuations
    return tuple(value for value in continuations if not _decodes(model.wrong_codec, value))


def _decodes(codec: str, value: int) -> bool:
    try:
        bytes([value]).decode(codec)
    except UnicodeDecodeError:
        return False
    return True


#: A codec and the older one it extends: text that codec read holds nothing the older
#: one would not have read alike, except where the extension's bytes occur.


@lru_cache(maxsize=64)
def _bare_candidates_any(length: int, codec: str) -> tuple[str, ...]:
    """:func:`_bare_candidates` of ``codec`` and of the codec it extends: a run of
    bare U+FFFD does not say which of the two wrote it (EUC-KR writes ``€5`` as
    ``���5``, cp949 pairs the first two bytes of ``€``, and the text is read as
    cp949: the run must still be allowed to be ``€``)."""
    found = _bare_candidates(length, codec)
    older = OLDER_CODEC.get(codec)
    if older is None:
        return found
    return tuple(dict.fromkeys((*found, *_bare_candidates(length, older))))


@lru_cache(maxsize=64)
def _bare_candidates(length: int, codec: str) -> tuple[str, ...]:
    """The characters of :func:`_pool` whose ``length`` UTF-8 bytes ``codec`` replaces
    one U+FFFD each: what a run of bare U+FFFD with no surviving byte could have been.

    (``’`` is ``E2 80 99``; Big5 and EUC-KR pair none of those bytes, so ``you’re``
    became ``you���re``, as it does when UTF-8 is read as ASCII.)  Only the pool is
    tried: no byte is left to narrow the choice, and only a context rule or a
    lexicon could pick the character, which neither does outside the pool.
    """
    lost = "\ufffd" * length
    return tuple(
        char
        for char in _pool()
        if len(encoded := char.encode("utf-8")) == length
        and encoded.decode(codec, "replace") == lost
    )


@lru_cache(maxsize=256)
def _dropped_lead_candidates(rest: tuple[int, ...]) -> tuple[str, ...]:
    """The characters of :func:`_pool` whose UTF-8 ends with the bytes ``rest`` after at
    least one byte more: what a sequence whose first bytes were dropped could have been
    (only a context rule can pick among them; the verification then checks that the
    codec does drop those first bytes there)."""
    tail = bytes(rest)
    return tuple(
        char
        for char in _pool()
        if len(encoded := char.encode("utf-8")) > len(tail) and encoded.endswith(tail)
    )


@lru_cache(maxsize=1 << 15)
def _candidates(slots: tuple[int, ...], missing: int, allowed: LostValues) -> tuple[str, ...]:
    """:func:`candidates_for`, cached on what it depends on: which bytes a loss could
    take (every model sharing that), so the cache holds each sequence once, not once
    a model (damaged lines ask for thousands of sequences under a dozen models)."""
    unknown = slots.count(UNKNOWN) + missing
    if unknown == 0:
        try:
            return (bytes(slots).decode("utf-8"),)
        except UnicodeDecodeError:
            return ()
    if unknown > 2 or slots[0] == UNKNOWN:
        return _pool_candidates(slots, missing, allowed)
    found: set[int] = set()
    for template in _templates(slots, missing):
        found.update(_code_points(template, allowed))
    found.discard(0xFFFD)
    return tuple(map(chr, sorted(found)))


def _templates(slots: tuple[int, ...], missing: int) -> list[tuple[int, ...]]:
    """All ways to put ``missing`` unknown bytes after the lead among the known ones."""
    if missing == 0:
        return [slots]
    results: list[tuple[int, ...]] = []
    for insert_at in range(1, len(slots) + 1):
        extended = (*slots[:insert_at], UNKNOWN, *slots[insert_at:])
        results.extend(_templates(extended, missing - 1))
    return list(dict.fromkeys(results))


def _code_points(template: tuple[int, ...], allowed: LostValues) -> list[int]:
    """The code points whose UTF-8 is ``template`` with each unknown byte one of
    ``allowed``: worked out from the lead and the ranges UTF-8 allows each
    continuation byte, not by decoding every filling (4 096 of them for two lost
    bytes, which had been most of the time a cold start spent on damaged text)."""
    lead = template[0]
    if utf8_length(lead) != len(template):
        return []
    points = [lead & (0x7F >> len(template))]  # the lead's bits of the code point
    for index, value in enumerate(template[1:], start=1):
        low, high = _SECOND_BYTE_RANGE.get(lead, _CONTINUATION) if index == 1 else _CONTINUATION
        if value == UNKNOWN:
            options = [option for option in allowed if low <= option <= high]
        elif low <= value <= high:
            options = [value]
        else:
            return []
        points = [point << 6 | option & 0x3F for point in points for option in options]
    return points


_CONTINUATION = (0x80, 0xBF)
#: Where the byte after these leads is narrower: no overlong form, no surrogate,
#: nothing past U+10FFFF.
_SECOND_BYTE_RANGE = {
    0xE0: (0xA0, 0xBF),
    0xED: (0x80, 0x9F),
    0xF0: (0x90, 0xBF),
    0xF4: (0x80, 0x8F),
}


@lru_cache(maxsize=1)
def _pool() -> tuple[str, ...]:
    """Characters worth trying when too many bytes were lost to enumerate them all:
    Latin letters, typographic punctuation and common signs.  Not Vietnamese's
    letters: nearly every short word and one of them make a syllable (``do`` and
    ``…`` had become ``doạ``)."""
    chars = [chr(code) for code in range(0xA0, 0x250)]
    chars += [chr(code) for code in range(0x2010, 0x2040)]
    chars += ["€", "™", "•", "′", "″"]
    return tuple(chars)


def _pool_candidates(slots: tuple[int, ...], missing: int, allowed: LostValues) -> tuple[str, ...]:
    found: list[str] = []
    for char in _pool():
        encoded = char.encode("utf-8")
        if len(encoded) != len(slots) + missing:
            continue
        for template in _templates(slots, missing):
            if all(
                (want == UNKNOWN and (got in allowed or index == 0)) or want == got
                for index, (want, got) in enumerate(zip(template, encoded, strict=True))
            ):
                found.append(char)
                break
    return tuple(found)
