"""U+FFFD for the characters of cp1252 that plainly lost a byte no rule decides.

ftfy would leave such a sequence as it is, or read it with what follows into
another character; the family writes a hole there instead, with the candidates
in the plan.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from functools import lru_cache

from cleantext.repair import cp1252_hole_letters as hole_letters
from cleantext.repair.cluster import LOST, UNDECIDED
from cleantext.repair.cp1252_sequences import (
    CONTINUATION,
    candidates,
    glued_to_its_letters,
    likeliest,
    model_of_loss,
    with_no_break_space,
)
from cleantext.repair.cp1252_spaces import before_two_spaces, completed_by_a_space, lost_space
from cleantext.repair.misread import Repair
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.score import script_of, text_cost

__all__ = ["Found", "left_open", "marked_lone_leads"]


def left_open(
    text: str, line: tuple[int, int], hits: list[re.Match[str]], found: Found
) -> list[Repair]:
    """U+FFFD for each character of a line that plainly lost a byte, where no repair
    was made and ftfy would leave it or misread it.

    ftfy would read ``ðŸ‘ `` (a thumbs-up, ``F0 9F 91 8D``, that lost its ``8D``)
    with the space as a lost no-break space, ``👠``, and leave ``ðŸ‘`` before
    anything else as it is; nothing decides among the emoji the byte could have
    made.  A hole is made for a sequence no clean text writes, a lead and a
    continuation that only mojibake puts after it (``ðŸ``, ``â€``, ``ã€``; not
    ``é”``, a French word in quotes), and, where the line holds mojibake read
    whole too, for one ftfy would read with what follows (:func:`_misread_by_ftfy`).
    A sequence before two spaces stays ftfy's: a symbol with its no-break space
    and a space (``â€  `` is ``†`` and a space) is likelier than a lost byte and
    two spaces.

    Only in a line read as cp1252 once (:func:`_read_once_but_for`), and where no
    other sequence of two characters or more is left short (a lone lead is a
    letter, ``é``, or ftfy's to read): a line left mojibake around the holes would
    only have lost evidence (Japanese that lost bytes, ``ã®`` beside ``ã€``, stays
    as it was).
    """
    read = _read_once_but_for(text, line, hits)
    if read is None:
        return []
    whole_mojibake = not read.isascii()
    script = _most_letters_in(read)
    open_hits: list[re.Match[str]] = []
    ftfys = _read_by_ftfy_with_a_space(hits, found)
    for hit in hits:
        if _covered(hit, found) or lost_space(hit) or before_two_spaces(hit):
            continue  # repaired, or ftfy's to read
        sequence = hit.group()
        if (
            (len(sequence) >= 2 and sequence[1] in _ONLY_AFTER_A_LEAD)
            or (whole_mojibake and _misread_by_ftfy(hit))
            or (len(sequence) >= 2 and _among_letters_of_its_script(hit, script))
            or (_lone_lead_among_its_letters(hit) and ftfys.isdisjoint(_lone_lead_scripts(hit)))
        ):
            open_hits.append(hit)
        elif len(sequence) >= 2:
            return []
    open_hits = _after_lost_letters(hits, open_hits, found, marks=0, ftfys=ftfys)
    if ftfys and _glued_leads_left(hits, open_hits, found, ftfys):
        return []
    return _holes(text, line, open_hits, found, "")


def _glued_leads_left(
    hits: list[re.Match[str]],
    open_hits: list[re.Match[str]],
    found: Found,
    ftfys: frozenset[str],
) -> bool:
    """Do two lone leads of the ``ftfys`` scripts (:func:`_read_by_ftfy_with_a_space`)
    stand glued, both left as they are?  ftfy reads no piece of the line holding
    them (``ÐÐ`` is ``НА`` that lost both bytes), so a hole written elsewhere in it,
    where ftfy would read the sequence with a space, is all the line would get:
    ``ВЕБ ДА ЗА НА НА``, once the ``А`` of ``ДА`` was known lost before its space,
    had kept one hole there and the rest mojibake."""
    opened = {hit.start() for hit in open_hits}
    left = {
        hit.start()
        for hit in hits
        if hit.start() not in opened
        and not _covered(hit, found)
        and not ftfys.isdisjoint(_lone_lead_scripts(hit))
    }
    return any(hit.end() in left for hit in hits if hit.start() in left)


def _read_by_ftfy_with_a_space(hits: list[re.Match[str]], found: Found) -> frozenset[str]:
    """The scripts of the letters ftfy is left to read from a short sequence of the
    line and the space after it, as a lost no-break space.  No lone lead of those
    scripts is made a hole there: ftfy leaves a line with ``ÐÐ`` in it (``НА``, both
    lost) as it is, and with those made holes it read the rest, ``Ð”Ð Ð—Ð `` (``ДА
    ЗА``, each ``А`` lost before a space), as ``ДРЗР``."""
    return frozenset(
        script_of(letter)
        for hit in hits
        if not _covered(hit, found)
        and lost_space(hit)
        and (letter := with_no_break_space(hit)) is not None
    )


def _among_letters_of_its_script(hit: re.Match[str], script: str) -> bool:
    """Could the short sequence, two characters or more, only be a letter of the
    script of a letter glued to it, or of ``script``, that of most of the line's
    other letters (:func:`_most_letters_in`)?

    Korean read as cp1252 loses a byte in about one syllable of seven, and its
    leads and continuations are Latin-1 letters and punctuation a word ends with:
    ``ì„`` is ``석`` that lost its ``9D`` as readily as ``è…`` is French.  In a
    line whose other letters read back as Hangul, or glued to a syllable, no French
    stands; and ftfy would read ``ì„`` with the ``…`` after it into ``섅``.  (Glued:
    a Korean word in a line of more Cyrillic letters, whose ``íŒ`` of ``판`` had
    been left to a MacRoman reading of ``œí`` as ``ϒ``.)
    """
    scripts = {_script(char) for char in likeliest(candidates(hit.group())) if char.isalpha()}
    return script in scripts or glued_to_its_letters(hit.string, hit.start(), hit.end())


def _most_letters_in(read: str) -> str:
    """The script of more than half the letters of ``read`` beyond ASCII, or ""."""
    counts = Counter(_script(char) for char in read if char.isalpha() and not char.isascii())
    script, count = counts.most_common(1)[0] if counts else ("", 0)
    return script if 2 * count > sum(counts.values()) else ""


def _script(letter: str) -> str:
    """:func:`.score.script_of`, with Hangul apart from kana and ideographs (Korean
    writes few of those): ``è…`` would be an ideograph, which no line of Korean
    mojibake makes it."""
    return "HANGUL" if unicodedata.name(letter, "").startswith("HANGUL") else script_of(letter)


def _lone_lead_among_its_letters(hit: re.Match[str], marks: int = 0) -> bool:
    """Is the short sequence a lone lead whose lost byte makes a letter of a script
    other than Latin, glued (past the ``marks`` written for the byte, if any) to a
    letter of that script?  No text writes a Latin-1 letter inside a
    Hebrew or an Arabic word: ``×ין`` is ``אין`` (``D7 90``, its ``90`` lost),
    ``ÙÙŠ`` is ``في`` (``D9 81``), which ftfy leaves as they are.  A lead that
    could be a Latin letter (``Ã``: ``Á Í Ï Ð Ý``) is a letter of clean words too
    (``SÃO``), and stays ftfy's; so does a three-byte lead, whose letters glue to
    those clean Latin-1 makes with quotes: ``é’”`` reads back as ``钔``, and
    ``créé’”`` had become ``cr�钔``."""
    scripts = _lone_lead_scripts(hit)
    return bool(scripts) and (
        glued_to_its_letters(hit.string, hit.start(), hit.end(), marks)
        or _before_a_lone_lead_of(scripts, hit.string, hit.end() + marks)
    )


def _before_a_lone_lead_of(scripts: frozenset[str], text: str, position: int) -> bool:
    """Does a lone two-byte lead of letters of ``scripts`` stand at ``position``?  It
    is a letter of the word that lost its byte too: ``××`` is ``אם``, both lost."""
    lead = text[position : position + 1]
    lone = _CONTINUATION_RE.match(text, position + 1) is None
    return bool(lead) and lone and _lead_scripts(lead) == scripts


#: A UTF-8 continuation byte as cp1252 reads it.
_CONTINUATION_RE = re.compile(f"[{CONTINUATION}]")


def _lone_lead_scripts(hit: re.Match[str]) -> frozenset[str]:
    """The scripts of the letters a lone two-byte lead could be, having lost its byte;
    none if it is no such lead, or one of them is Latin."""
    return _lead_scripts(hit.group()) if len(hit.group()) == 1 else frozenset()


@lru_cache(maxsize=64)
def _lead_scripts(lead: str) -> frozenset[str]:
    if not "\u00c2" <= lead <= _LAST_TWO_BYTE_LEAD:
        return frozenset()
    scripts = frozenset(script_of(char) for char in likeliest(candidates(lead)) if char.isalpha())
    return frozenset() if "LATIN" in scripts else scripts


def marked_lone_leads(
    text: str, line: tuple[int, int], hits: list[re.Match[str]], found: Found, mark: str
) -> list[Repair]:
    """U+FFFD for each lone two-byte lead and the ``mark`` (``?`` or U+FFFD) written
    for its lost byte, on a line whose lost bytes were written so, where no repair
    was made and the lead is glued to letters of the script it would make
    (``×?ין`` is ``אין``, ``Ù?ÙŠ`` is ``في``).

    ftfy reads a three-byte sequence with a ``?`` for its middle byte (``ì?€``) as
    U+FFFD itself, but leaves a two-byte lead and its ``?`` as they are, mojibake
    inside words it repairs.  Only in a line read as cp1252 once, as
    :func:`left_open` does.
    """
    if _read_once_but_for(text, line, hits, mark) is None:
        return []
    ftfys = _read_by_ftfy_with_a_space(hits, found)
    open_hits = [
        hit
        for hit in hits
        if hit.group(1) == mark
        and not _covered(hit, found, marks=1)
        and _lone_lead_among_its_letters(hit, marks=1)
        and ftfys.isdisjoint(_lone_lead_scripts(hit))
    ]
    marked = [hit for hit in hits if hit.group(1) == mark]
    open_hits = _after_lost_letters(marked, open_hits, found, marks=1, ftfys=ftfys)
    return _holes(text, line, open_hits, found, mark)


def _after_lost_letters(
    hits: list[re.Match[str]],
    open_hits: list[re.Match[str]],
    found: Found,
    marks: int,
    ftfys: frozenset[str],
) -> list[re.Match[str]]:
    """``open_hits``, and each lone lead of a script other than Latin right after one
    of its script (past its ``marks``): a letter that lost its byte glued to another.
    In ``××.`` (``אם.``) the first ``×`` is glued to the second, a letter that lost
    its byte, but the second has only the first beside it; ftfy read the second
    with the hole written for the first as one character.  Not of the ``ftfys``
    scripts (:func:`_read_by_ftfy_with_a_space`)."""
    opened = set(open_hits)
    for previous, hit in itertools.pairwise(hits):
        scripts = _lone_lead_scripts(hit)
        if (
            previous in opened
            and previous.end() + marks == hit.start()
            and scripts
            and scripts == _lone_lead_scripts(previous)
            and ftfys.isdisjoint(scripts)
            and not _covered(hit, found, marks)
        ):
            opened.add(hit)
    return [hit for hit in hits if hit in opened]


def _holes(
    text: str, line: tuple[int, int], open_hits: list[re.Match[str]], found: Found, mark: str
) -> list[Repair]:
    """The holes of ``open_hits``, and where the spelling decided one of them, the
    rest of the line read back with it.

    ftfy reads a line whole only while each of its characters is cp1252's: a
    letter written among the mojibake stops that, and alone it takes ``×–×”×”``
    (``זהה``) for letters and punctuation.  Where the rest does not read (a short
    sequence is left to ftfy), the letters the spelling decided stay holes.
    """
    fits = [hole_letters.fitting(text, hit, len(mark)) for hit in open_hits]
    spelled: hole_letters.Known = {  # the holes the spelling decides, by where they start
        hit.start(): (hit.end() + len(mark), fit[0])
        for hit, fit in zip(open_hits, fits, strict=True)
        if len(fit) == 1
    }
    holes = [
        _hole(text, hit, mark, hole_letters.decided(text, hit, len(mark), spelled, fit))
        for hit, fit in zip(open_hits, fits, strict=True)
    ]
    if all(hole.repaired == LOST for hole in holes):
        return holes
    reads = _read_back_around(text, line, holes + found.within(line), holes[0].model)
    if reads is None:
        return [_hole(text, hit, mark) for hit in open_hits]
    return sorted(holes + reads, key=lambda repair: repair.start)


def _read_back_around(
    text: str, line: tuple[int, int], repairs: list[Repair], model: DamageModel
) -> list[Repair] | None:
    """Repairs reading back as UTF-8 each stretch of the line that holds mojibake and
    no repair, or None if one does not read (none has a sequence cut in two: the
    repairs end where sequences end)."""
    spans = sorted((r.start, r.end) for r in repairs if line[0] <= r.start < line[1])
    reads: list[Repair] = []
    position = line[0]
    for start, end in [*spans, (line[1], line[1])]:
        stretch = text[position:start]
        if not stretch.isascii():
            try:
                read = stretch.encode("cp1252").decode("utf-8")
            except UnicodeError:
                return None
            gain = text_cost(stretch) - text_cost(read)
            note = "read back with the letters decided in the line"
            reads.append(Repair(position, start, read, read, model, _READ, gain, note, False))
        position = max(position, end)
    return reads


#: How sure the reading of a line's whole sequences is: as ftfy's.
_READ = 0.95


class Found:
    """The repairs the family made in a text, looked up by where they stand: asked
    once for each short sequence, a walk through all of them had made a long line
    of Cyrillic that lost bytes quadratic (90 000 characters: 49 s)."""

    def __init__(self, repairs: list[Repair]) -> None:
        self.repairs = sorted(repairs, key=lambda repair: (repair.start, repair.end))
        self._starts = [repair.start for repair in self.repairs]
        # the furthest end among the repairs up to each one: they may overlap
        self._reach = list(itertools.accumulate((r.end for r in self.repairs), max))

    def covers(self, start: int, end: int) -> bool:
        """Does a repair overlap ``text[start:end]``?"""
        last = bisect.bisect_left(self._starts, end) - 1
        return last >= 0 and self._reach[last] > start

    def within(self, line: tuple[int, int]) -> list[Repair]:
        """The repairs that start in ``line``."""
        first = bisect.bisect_left(self._starts, line[0])
        return self.repairs[first : bisect.bisect_left(self._starts, line[1])]


def _covered(hit: re.Match[str], found: Found, marks: int = 0) -> bool:
    """Does a repair the family made overlap the short sequence (and its ``marks``)?"""
    return found.covers(hit.start(), hit.end() + marks)


#: The last lead of a two-byte sequence, as cp1252 reads it (``DF``).
_LAST_TWO_BYTE_LEAD = "\u00df"


def _read_once_but_for(
    text: str, line: tuple[int, int], hits: list[re.Match[str]], mark: str = ""
) -> str | None:
    """The line but for its short sequences, read back as UTF-8 from cp1252, if
    every byte is there and each short sequence that lost a byte makes a character
    text writes (or a no-break space a space).  Not MacRoman mojibake that holds a
    ``‰`` (``‰∏≠`` is ``中``), nor a line partly repaired already, nor a garble of
    several layers, whose short sequences make symbols no text writes (ftfy's
    "absolutely hopeless garble", ``ã†â€™ãƒâ€ ã¢â‚¬â„¢``, whose ``â¬`` would be
    ``⏬``).  The ``mark`` written for a lost byte after a sequence is left out too."""
    kept: list[str] = []
    position = line[0]
    for hit in hits:
        kept.append(text[position : hit.start()])
        position = hit.end() + (len(mark) if mark and hit.group(1) == mark else 0)
    kept.append(text[position : line[1]])
    try:
        read = "".join(kept).encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None
    if all(completed_by_a_space(hit) or likeliest(candidates(hit.group())) for hit in hits):
        return read
    return None


def _misread_by_ftfy(hit: re.Match[str]) -> bool:
    """Would ftfy read the short sequence, which lost a byte, with what follows it?

    Yes before a space that a no-break space would make into no letter of a living
    alphabet (the callers left :func:`.cp1252_spaces.lost_space` to ftfy): ``Ù `` is Arabic
    ``ف`` that lost its ``81`` and a space, which ftfy read as the digit ``٠``, and
    ``ã® `` is ``の`` and a space, not ``㮠``; but not after punctuation a word
    ends with (``é… `` is French).  And a lone lead before a sequence that reads as
    a character cp1252 writes with one continuation byte: ftfy reads that
    sequence, then the lead with it (``×â€œ``, Hebrew ``ם`` that lost its ``9D``
    and ``“``, became ``×“`` and then ``ד``).  Only where the byte lost makes a
    character text writes (``Â `` stays a no-break space: ``C2 81`` is a control).
    """
    sequence = hit.group()
    if not likeliest(candidates(sequence)) or _AFTER_A_WORD.intersection(sequence):
        return False
    return completed_by_a_space(hit) or (len(sequence) == 1 and _glued_by_ftfy(hit))


#: Punctuation that follows a word, which a lead that is a letter may stand before.
_AFTER_A_WORD = frozenset("‘’“”…–—•‹›«»‚„")


def _glued_by_ftfy(hit: re.Match[str]) -> bool:
    """Does a sequence that reads as one continuation byte's character follow the
    lone lead (``“`` of ``â€œ`` after ``×``)?"""
    following = _WHOLE_SEQUENCE_RE.match(hit.string, hit.end())
    if following is None:
        return False
    try:
        read = following.group().encode("cp1252").decode("utf-8")
        return 0x80 <= read.encode("cp1252")[0] < 0xC0
    except UnicodeError:
        return False


#: A three-byte sequence read whole, as ``â€œ``.
_WHOLE_SEQUENCE_RE = re.compile(f"[\u00e0-\u00ef][{CONTINUATION}]{{2}}")


#: Continuations no word writes right after a Latin-1 letter that is a UTF-8 lead:
#: symbols and marks only mojibake puts there (``€`` of ``â€``, ``Ÿ`` of ``ðŸ``),
#: not the punctuation that ends a word (``é”``, ``è…``), a letter (``déšť``) or a
#: sign a brand adds (``Nescafé®``).
_ONLY_AFTER_A_LEAD = frozenset("€ƒˆ†‡‰˜Ÿ¢£¤¥¦§¬±¶¼½¾")


#: Candidates a hole's note names: all of a three-byte sequence's that lost one byte
#: of the five (before or after the continuation it kept).
_SHOWN = 10


def _hole(
    text: str, hit: re.Match[str], mark: str = "", decided: tuple[str, str] | None = None
) -> Repair:
    """The repair writing U+FFFD for the short sequence (and the ``mark`` written for
    its lost byte after it), with the likeliest characters it could have been, or
    no guess where none is a character text writes often; or the character ``decided``
    for it, and why (:mod:`.cp1252_hole_letters`: ``×ין`` begins a word, so it is
    ``א``, not the final ``ם``; ``ניבי×`` is ``ניבים``)."""
    start, end = hit.start(), hit.end() + len(mark)
    model = model_of_loss(_LOSS_MARKED_BY.get(mark, Loss.IGNORE))
    gain = text_cost(text[start:end]) - text_cost(LOST)
    if decided is not None:
        char, note = decided
        return Repair(start, end, char, char, model, _SPELLED, gain, note, True)
    chars = likeliest(candidates(hit.group()))
    if not chars:  # only characters text hardly writes (``â§ ``: ``❧``, ``⍧``): no guess
        note = "a character that lost a byte, none of whose candidates text writes often"
        return Repair(start, end, LOST, LOST, model, UNDECIDED, gain, note, True)
    shown = ", ".join(repr(char) for char in chars[:_SHOWN])
    note = f"a character that lost a byte, which no rule decides among {shown}"
    return Repair(start, end, LOST, chars[0], model, UNDECIDED, gain, note, True)


_LOSS_MARKED_BY = {"?": Loss.REPLACE_QUESTION, "\ufffd": Loss.REPLACE}

#: How sure a character the spelling rules leave alone is: as a rule's choice.
_SPELLED = 0.9
