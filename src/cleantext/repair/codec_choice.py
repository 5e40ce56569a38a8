"""Which single-byte codec a line of mojibake was read in, where several fit.

ftfy tries its single-byte codecs in a fixed order (Latin-1, cp1252, cp1251,
cp1250, cp1253, cp1254, cp1257, ISO 8859-2, MacRoman, cp437) and takes the first
whose bytes read as UTF-8.  Several often do: cp1250, cp1257 and ISO 8859-2 share
most of their letters at different bytes.  German ``hören`` read as ISO 8859-2 is
``hĂśren``; cp1250, tried first, writes ``Ă ś`` with the bytes ``C3 9C``, so ftfy
gives ``hÜren``.  German ``lächeln`` read as cp1257 is ``lĆ¤cheln``, and cp1250
makes ``lƤcheln`` of it.  Here every codec that reads the whole line is tried, and
a reading with far more of known words beyond ASCII (:data:`WORD_MARGIN`), or about
as many and clearly more plausible letters (:func:`.score.text_cost`), replaces
ftfy's.  Where ftfy reads no line whole and the single-byte misreadings read its
pieces in several codecs, the words decide between them too
(:func:`with_most_known_words`).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import regex

from cleantext.repair import score
from cleantext.repair.cluster import line_of
from cleantext.repair.misread import Repair
from cleantext.repair.words import KNOWN_WORD_ZIPF, commonest_zipf

__all__ = ["likelier_reading", "with_most_known_words"]

#: How much cheaper another codec's reading must be than ftfy's to replace it.
CLEAR_MARGIN = 1.0
#: How much more of known words (summed Zipf frequencies) a codec's reading must
#: hold to outweigh another's: a word a hundred times commoner (Swedish ``så``, 7.0,
#: against ``sü``, 3.9).
WORD_MARGIN = 2.0


def likelier_reading(
    line: str, fixed: str, steps: Sequence[tuple[str, str]]
) -> tuple[str, tuple[tuple[str, str], ...]]:
    """ftfy's ``fixed`` reading of ``line`` and its ``steps``, or, where ftfy read the
    line in one single-byte codec and another reads it too, the reading clearly more
    plausible than ftfy's, with its steps."""
    steps = tuple(steps)
    if len(steps) != 2 or steps[0][0] != "encode" or steps[1][0] != "decode":
        return fixed, steps
    import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)
    from ftfy.chardata import CHARMAP_ENCODINGS

    others = {
        reading: codec
        for codec in reversed(CHARMAP_ENCODINGS)  # the first codec to read it names it
        if (reading := _read_as_utf8(line, codec)) is not None and reading != fixed
    }
    if not others:  # most lines: no other codec reads them, or reads them alike
        return fixed, steps
    best, best_words, best_cost = fixed, _known_words(fixed), score.text_cost(fixed)
    for reading in others:
        known, cost = _known_words(reading), score.text_cost(reading)
        if known >= best_words + WORD_MARGIN or (
            known > best_words - WORD_MARGIN and cost <= best_cost - CLEAR_MARGIN
        ):
            best, best_words, best_cost = reading, known, cost
    if best is fixed:
        return fixed, steps
    return best, (("encode", others[best]), ("decode", "utf-8"))


def with_most_known_words(text: str, repairs: list[Repair]) -> list[Repair]:
    """The ``repairs``, but where two codecs read the same bytes differently, not the
    one whose word there is far rarer (:data:`WORD_MARGIN`).

    ftfy's codecs share letters at different bytes, and two may read the same bytes
    as different letters, equally plausible one by one: Czech ``jednání`` read as
    ISO 8859-2 is ``jednĂĄnĂ\xad``, which cp1250, tried first, reads as
    ``jednåní``.  Each repair is judged by the word it stands in, with the other
    repairs of its codec on the line written too."""
    by_line: dict[tuple[int, int], dict[str, list[Repair]]] = {}
    for repair in repairs:
        codecs = by_line.setdefault(line_of(text, repair.start), {})
        codecs.setdefault(repair.model.wrong_codec, []).append(repair)
    beaten: set[int] = set()
    for (start, end), codecs in by_line.items():
        if len(codecs) < 2:
            continue
        words: dict[int, float] = {}
        for own in codecs.values():
            words.update(_words_of(text, start, end, own))
        for first, second in itertools.combinations(codecs.values(), 2):
            for one, other in _overlapping(first, second):
                if one.repaired == other.repaired or id(one) not in words or id(other) not in words:
                    continue
                if words[id(one)] >= words[id(other)] + WORD_MARGIN:
                    beaten.add(id(other))
                elif words[id(other)] >= words[id(one)] + WORD_MARGIN:
                    beaten.add(id(one))
    return [repair for repair in repairs if id(repair) not in beaten]


def _overlapping(first: list[Repair], second: list[Repair]) -> Iterator[tuple[Repair, Repair]]:
    """The pairs of a repair of ``first`` and one of ``second`` that overlap, found in
    one sweep over both sorted by start."""
    events = sorted(
        [(repair.start, 0, index, repair) for index, repair in enumerate(first)]
        + [(repair.start, 1, index, repair) for index, repair in enumerate(second)],
        key=lambda event: event[:3],
    )
    open_repairs: tuple[list[Repair], list[Repair]] = ([], [])
    for start, side, _, repair in events:
        others = open_repairs[1 - side]
        others[:] = [other for other in others if other.end > start]
        for other in others:
            yield (repair, other) if side == 0 else (other, repair)
        open_repairs[side].append(repair)


def _words_of(text: str, start: int, end: int, repairs: list[Repair]) -> dict[int, float]:
    """For each of ``repairs`` (of one codec, on the line ``text[start:end]``), the
    Zipf frequency of the word it stands in once they are all written (0 for a word
    not known), keyed by the repair's ``id``; none for a repair of bytes another
    loss model's repair already wrote."""
    pieces: list[str] = []
    length = 0
    at = start
    spans: dict[int, tuple[int, int]] = {}
    for repair in sorted(repairs, key=lambda repair: repair.start):
        if repair.start < at:
            continue
        before = text[at : repair.start]
        spans[id(repair)] = (length + len(before), length + len(before) + len(repair.repaired))
        pieces += [before, repair.repaired]
        length += len(before) + len(repair.repaired)
        at = repair.end
    written = "".join(pieces) + text[at:end]
    frequencies: dict[int, float] = {}
    for key, (begin, finish) in spans.items():
        while begin > 0 and written[begin - 1].isalpha():
            begin -= 1
        while finish < len(written) and written[finish].isalpha():
            finish += 1
        frequency = commonest_zipf(written[begin:finish])
        frequencies[key] = frequency if frequency >= KNOWN_WORD_ZIPF else 0.0
    return frequencies


def _known_words(reading: str) -> float:
    """The summed Zipf frequencies of the known words of ``reading`` beyond ASCII:
    Swedish ``så`` (7.0) outweighs ``sü`` (3.9)."""
    frequencies = (commonest_zipf(word) for word in _WORD.findall(reading) if not word.isascii())
    return sum(frequency for frequency in frequencies if frequency >= KNOWN_WORD_ZIPF)


_WORD = regex.compile(r"\p{L}+")


def _read_as_utf8(line: str, codec: str) -> str | None:
    """``line``'s bytes in ``codec``, read as UTF-8; None if they are not UTF-8."""
    try:
        return line.encode(codec).decode("utf-8")
    except UnicodeError:
        return None
