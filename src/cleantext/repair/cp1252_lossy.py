"""UTF-8 read as cp1252 with the five bytes cp1252 has no character for lost.

cp1252 defines every byte but ``81 8D 8F 90 9D``.  A reader that drops those
(``errors="ignore"``) or writes U+FFFD or ``?`` for them leaves the rest of the
text ordinary cp1252 mojibake, but not the characters whose UTF-8 holds one:
``”`` (``E2 80 9D``) becomes ``â€``, ``â€�`` or ``â€?``; ``Á Í Ï Ð Ý`` become
``Ã``; the Cyrillic ``с`` and ``я`` become ``Ñ``; a thumbs-up (``F0 9F 91 8D``)
becomes ``ðŸ‘``.  ftfy repairs the rest but cannot restore the lost byte: it
leaves U+FFFD, or takes the space after ``â€`` for a lost no-break space and
writes ``†``.

Each hole has at most five candidates, which the context narrows
(:mod:`.infer`: a closing quote pairs with the ``“`` before it).  The lines are
read before ftfy, which would otherwise turn the evidence into U+FFFD or ``†``.

The family's parts: what a short sequence is and could be
(:mod:`.cp1252_sequences`), whether the space after one was a no-break space
(:mod:`.cp1252_spaces`), and the holes left where no rule decides
(:mod:`.cp1252_holes`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable

from cleantext.repair.cp1252_holes import Found, left_open, marked_lone_leads
from cleantext.repair.cp1252_sequences import (
    SHORT_SEQUENCE_RE,
    glued_to_its_letters,
    model_of_loss,
    with_no_break_space,
)
from cleantext.repair.cp1252_spaces import lost_space, space_kept
from cleantext.repair.ftfy_reading import explained, reads_whole
from cleantext.repair.misread import Repair, find_repairs
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.score import text_cost
from cleantext.repair.screen import CP1252_PAIR_RE, suspect_lines

__all__ = ["candidate_model", "find"]


#: What stands for a lost byte under the losses that write one.
_MARKS = {"\ufffd": Loss.REPLACE, "?": Loss.REPLACE_QUESTION}


def candidate_model(text: str) -> DamageModel | None:
    """The cp1252 loss model the evidence in ``text`` (a line) points to, if any.

    :func:`find` asks it of each line: a document may hold lines damaged in
    different ways, pasted from different sources.
    """
    return _model_of([hit for _, hit in _evidence(text)])


def _model_of(hits: list[re.Match[str]]) -> DamageModel | None:
    """The loss model of a line's short sequences: bytes replaced by U+FFFD where one
    ends a short sequence; by ``?`` where one ends every short sequence; else dropped.

    A line is damaged one way.  Read as dropped, ``â€?`` is ``”`` and a question
    mark, and it is read so where another sequence lost a byte with no ``?`` after
    it: in ``¿Cuál es MÃS â€œimportanteâ€?`` the ``Ã`` lost its ``81``, and the
    ``?`` is the sentence's (read as written ``?``, the ``?`` had become the lost
    byte and gone).
    """
    ends = {hit.group(1) for hit in hits if not lost_space(hit)}
    if not ends:
        return None
    if "\ufffd" in ends:
        return model_of_loss(Loss.REPLACE)
    if ends == {"?"}:
        return model_of_loss(Loss.REPLACE_QUESTION)
    return model_of_loss(Loss.IGNORE)


def _evidence(text: str) -> list[tuple[tuple[int, int], re.Match[str]]]:
    """Each short sequence in a suspect line that also holds a cp1252 pair, with the
    line's span."""
    found: list[tuple[tuple[int, int], re.Match[str]]] = []
    for start, end in suspect_lines(text):
        # a line read as cp1252, not as Latin-1 (whose lost C1 bytes are :mod:`.latin_lossy`'s)
        if CP1252_PAIR_RE.search(text, start, end) is None:
            continue
        hits = list(SHORT_SEQUENCE_RE.finditer(text, start, end))
        # ftfy is asked only about a line with a short sequence: most cp1252 lines are whole
        if hits and not _read_twice(text[start:end]) and not reads_whole(text[start:end]):
            found.extend(((start, end), hit) for hit in hits)
    return found


def _read_twice(line: str) -> bool:
    """Was ``line`` read as cp1252 twice, by ftfy's reading of it?  The family reads
    one layer: in two, the byte lost is a byte of the outer one, and restoring it
    alone leaves ftfy an inner layer it no longer sees whole (``Ã¢â€�â€™`` is ``┒``
    with its ``”`` lost; ftfy reads both layers and leaves U+FFFD for it)."""
    _, steps = explained(line)
    return sum(action == "decode" for action, _ in steps) > 1


def find(text: str) -> list[Repair]:
    """Verified repairs of the lines that bear the evidence, each under its model.

    A short sequence before a space that, as a no-break space, would complete a
    common letter (``Ã `` is ``à``) is ftfy's: it is read so, and only in a line
    the family repairs (ftfy no longer sees such a line whole); elsewhere ftfy
    reads it.
    """
    hits_of: dict[tuple[int, int], list[re.Match[str]]] = {}
    for line, hit in _evidence(text):
        hits_of.setdefault(line, []).append(hit)
    spans_of: dict[DamageModel, list[tuple[int, int]]] = {}
    spaces: dict[tuple[int, int], list[re.Match[str]]] = {}
    for line, hits in hits_of.items():
        model = _model_of(hits)
        if model is None:
            continue
        spaces[line] = [hit for hit in hits if lost_space(hit)]
        start, end = line
        for hit in spaces[line]:
            if start < hit.start():
                spans_of.setdefault(model, []).append((start, hit.start()))
            start = hit.end() + 1  # past the space
        if start < end:
            spans_of.setdefault(model, []).append((start, end))
    repairs: list[Repair] = []
    for model, spans in spans_of.items():
        found = [
            repair
            for repair in find_repairs(text, model, sorted(spans), carried_by_lost_bytes=True)
            if not _a_sign_among_signs(text, repair)
        ]
        made = Found(found)
        repaired = {line for line in spaces if made.within(line)}
        repairs += found
        repairs += [
            _no_break_space(text, hit, model) for line in sorted(repaired) for hit in spaces[line]
        ]
        if model.loss in _HOLES_LEFT_OPEN:
            starts = sorted(start for start, _ in spans)
            for line in hits_of:
                if _starts_within(line, starts):
                    repairs += _HOLES_LEFT_OPEN[model.loss](text, line, hits_of[line], made)
    return sorted(repairs, key=lambda repair: repair.start)


_HolesOf = Callable[[str, tuple[int, int], list[re.Match[str]], Found], list[Repair]]
#: Where no rule decided, the holes to write, by how the lost bytes were written:
#: when dropped, every plain sequence that lost one; when written ``?`` or U+FFFD,
#: the lone leads with their mark (ftfy reads three-byte sequences itself, and
#: leaves a lone lead and ``?`` as they are).
_HOLES_LEFT_OPEN: dict[Loss, _HolesOf] = {
    Loss.IGNORE: left_open,
    Loss.REPLACE_QUESTION: functools.partial(marked_lone_leads, mark="?"),
    Loss.REPLACE: functools.partial(marked_lone_leads, mark="\ufffd"),
}


def _starts_within(line: tuple[int, int], starts: list[int]) -> bool:
    """Does one of the sorted ``starts`` fall in ``line``?"""
    first = bisect.bisect_left(starts, line[0])
    return first < len(starts) and starts[first] < line[1]


def _a_sign_among_signs(text: str, repair: Repair) -> bool:
    """Does the repair read a lone ``×`` that no letter it could be stands beside?
    It is a multiplication sign: a line with ``â€œ`` in it had made a hole of the
    ``×`` of ``3×4``."""
    return text[repair.start : repair.end] == "×" and not glued_to_its_letters(
        text, repair.start, repair.end
    )


def _no_break_space(text: str, hit: re.Match[str], model: DamageModel) -> Repair:
    """The repair of a short sequence and the space after it, which was a no-break
    space (:func:`.cp1252_spaces.lost_space`)."""
    letter = with_no_break_space(hit)
    assert letter is not None  # a lost space completes a letter
    note = "a no-break space made a space, as ftfy reads it"
    end = hit.end() + 1  # with the space
    if space_kept(hit, letter):
        note += "; the space after the letter kept, two spaces made one"
        end = hit.end()
    return Repair(
        hit.start(),
        end,
        letter,
        letter,
        model,
        _NO_BREAK_SPACE_CONFIDENCE,
        text_cost(hit.string[hit.start() : end]) - text_cost(letter),
        note,
        False,
    )


#: How sure a no-break space read from a space is: ftfy's reading, which the lost
#: bytes of the line only make likelier (a lost byte and a space fit too).
_NO_BREAK_SPACE_CONFIDENCE = 0.8
