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
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleantext.repair import bytescan, lexicon
from cleantext.repair.cluster import LOST, UNDECIDED
from cleantext.repair.infer import LANGUAGES_BY_LETTER
from cleantext.repair.language import frequencies
from cleantext.repair.misread import Repair, find_repairs
from cleantext.repair.models import CP1252_LOSSY_MODELS, DamageModel, Loss
from cleantext.repair.score import char_cost, shown_as_emoji, text_cost
from cleantext.repair.screen import CP1252_EXTRAS, CP1252_PAIR_RE, suspect_lines

__all__ = ["candidate_model", "find"]

#: What cp1252 (or its sloppy variant, which keeps the five as C1 controls) reads a
#: UTF-8 continuation byte as.
_CONTINUATION = "\u0080-\u00bf" + CP1252_EXTRAS
#: A lead and fewer continuations than it needs, and (looked at, not taken, so
#: that ``ðŸ‘ðŸ‘`` is two) what stands after them or the line's end: where a byte
#: was lost.
_SHORT_SEQUENCE_RE = re.compile(
    f"(?:[\u00c2-\u00df]|[\u00e0-\u00ef][{_CONTINUATION}]?|[\u00f0-\u00f4][{_CONTINUATION}]{{0,2}})"
    f"(?=([^{_CONTINUATION}]|$))",
    re.MULTILINE,
)

#: What stands for a lost byte under the losses that write one.
_MARKS = {"\ufffd": Loss.REPLACE, "?": Loss.REPLACE_QUESTION}


def _model(loss: Loss) -> DamageModel:
    return next(model for model in CP1252_LOSSY_MODELS if model.loss is loss)


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
    ends = {hit.group(1) for hit in hits if not _lost_space(hit)}
    if not ends:
        return None
    if "\ufffd" in ends:
        return _model(Loss.REPLACE)
    if ends == {"?"}:
        return _model(Loss.REPLACE_QUESTION)
    return _model(Loss.IGNORE)


def _evidence(text: str) -> list[tuple[tuple[int, int], re.Match[str]]]:
    """Each short sequence in a suspect line that also holds a cp1252 pair, with the
    line's span."""
    found: list[tuple[tuple[int, int], re.Match[str]]] = []
    for start, end in suspect_lines(text):
        # a line read as cp1252, not as Latin-1 (whose lost C1 bytes are :mod:`.latin_lossy`'s)
        if CP1252_PAIR_RE.search(text, start, end) is None:
            continue
        hits = list(_SHORT_SEQUENCE_RE.finditer(text, start, end))
        # ftfy is asked only about a line with a short sequence: most cp1252 lines are whole
        if hits and not _read_twice(text[start:end]):
            found.extend(((start, end), hit) for hit in hits)
    return found


@lru_cache(maxsize=16)  # a few lines: a long one is kept alive while cached
def _read_twice(line: str) -> bool:
    """Was ``line`` read as cp1252 twice, by ftfy's reading of it?  The family reads
    one layer: in two, the byte lost is a byte of the outer one, and restoring it
    alone leaves ftfy an inner layer it no longer sees whole (``Ã¢â€�â€™`` is ``┒``
    with its ``”`` lost; ftfy reads both layers and leaves U+FFFD for it)."""
    import ftfy

    steps = ftfy.fix_encoding_and_explain(line).explanation or []
    return sum(action == "decode" for action, _ in steps) > 1


def _lost_space(hit: re.Match[str]) -> bool:
    """Is the space after the short sequence more likely a no-break space made a
    space, which ftfy restores?  Yes when the sequence and ``A0`` make a letter of
    a living alphabet (``Ã `` is ``à``); ``â€ `` would be ``†``, and is ``”`` and
    a space, and ``Ñ `` the archaic ``Ѡ``, and is ``с`` or ``я``.  No where the
    text keeps its no-break spaces elsewhere (:func:`_no_break_spaces_kept`)."""
    if hit.group(1) != " " or _no_break_spaces_kept(hit.string):
        return False
    completed = _with_no_break_space(hit)
    return (
        completed is not None
        and completed.isalpha()
        and _written_today(completed)
        and not (completed.islower() and _after_capitals(hit))
        and not (completed.isupper() and _after_a_small_letter(hit))
        and not _words_say_a_byte_was_lost(hit, completed)
    )


def _words_say_a_byte_was_lost(hit: re.Match[str], completed: str) -> bool:
    """Do the words around say the sequence lost a byte before a space, rather than
    its no-break space?  Asked of the letters of Cyrillic and Greek, whose capitals
    make the readings hard to tell apart: yes where the letter glued to the next
    word makes no listed word and a letter the lost byte could make ends a listed
    one (Bulgarian ``СВОБОДЕ`` and ``Ð ``: ``СВОБОДЕН ПО``, ``Н`` that lost its
    ``9D``, not ftfy's ``СВОБОДЕРПО``; ``Ð оссия`` stays ``Россия``).  Holes in
    the words around stand for the letters their lost bytes could make."""
    languages = lexicon.LANGUAGES_BY_SCRIPT.get(lexicon.script_of(completed.lower()), ())
    text = hit.string
    head = _word_cells(_run_before(text, hit.start()), at_end=True)
    tail = _word_cells(_run_after(text, hit.end() + 1), at_end=False)
    if not languages or not tail or head is None:
        return False
    letter = completed.lower()
    if _listed((*head, letter, *tail), languages):
        return False
    lost = frozenset(char.lower() for char in _candidates(hit.group()) if char.isalpha())
    return bool(lost) and bool(head) and _listed((*head, lost), languages)


def _listed(pattern: lexicon.Pattern, languages: tuple[str, ...]) -> bool:
    """Does a listed word of ``languages`` fit ``pattern`` (too loose a pattern: no)?"""
    return len(pattern) >= _WORD_LETTERS and bool(lexicon.words_fitting(pattern, languages))


#: Letters a word must have to be looked up: shorter ones fit by chance.
_WORD_LETTERS = 4


def _word_cells(mojibake: str, *, at_end: bool) -> tuple[str | frozenset[str], ...] | None:
    """The letters of the word that ``mojibake`` (a run without spaces) ends with
    (``at_end``) or begins with, read back as UTF-8, lowercase, a sequence that lost
    a byte as the set of letters it could have been; None where a character that
    is no letter of a word stands in the word's way."""
    cells = [_cell(piece) for piece in _SEQUENCE_RE.findall(mojibake)]
    word: list[str | frozenset[str]] = []
    for cell in reversed(cells) if at_end else cells:
        if isinstance(cell, frozenset) or cell.isalpha():
            word.append(cell)
        else:
            break
    return tuple(reversed(word)) if at_end else tuple(word)


def _cell(piece: str) -> str | frozenset[str]:
    """One character's sequence read back, lowercase, or the letters it could have
    been if it lost a byte (U+FFFD if none)."""
    try:
        return piece.encode("cp1252").decode("utf-8").lower()
    except UnicodeError:
        letters = frozenset(char.lower() for char in _candidates(piece) if char.isalpha())
        return letters if letters else "\ufffd"


#: One character's sequence as cp1252 read it, whole or short: a lead and the
#: continuations after it, or any other character.
_SEQUENCE_RE = re.compile(
    f"[\u00c2-\u00df][{_CONTINUATION}]?|[\u00e0-\u00ef][{_CONTINUATION}]{{0,2}}"
    f"|[\u00f0-\u00f4][{_CONTINUATION}]{{0,3}}|.",
    re.DOTALL,
)


def _run_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace() and end - start < _REACH:
        start -= 1
    return text[start:end]


def _run_after(text: str, start: int) -> str:
    end = start
    while end < len(text) and not text[end].isspace() and end - start < _REACH:
        end += 1
    return text[start:end]


#: How far a word is looked for on each side, in characters of mojibake.
_REACH = 40


def _after_capitals(hit: re.Match[str]) -> bool:
    """Do two capitals stand right before the short sequence?  Then a small letter
    does not end their word: ``NENÃ `` is ``NENÍ`` and a space (``Í`` lost its 8D),
    not ``NENà`` glued to the next word."""
    before = hit.string[max(0, hit.start() - 2) : hit.start()]
    return len(before) == 2 and before.isalpha() and before.isupper()


def _after_a_small_letter(hit: re.Match[str]) -> bool:
    """Does a small letter end the word before the short sequence?  Then a capital
    does not go on with it: Vietnamese ``nghá» `` is ``nghề`` and a space (``ề``
    lost its 81), not ``nghỠ`` glued to the next word."""
    before = _run_before(hit.string, hit.start())
    try:
        return before.encode("cp1252").decode("utf-8", errors="replace")[-1:].islower()
    except UnicodeEncodeError:
        return False


def _with_no_break_space(hit: re.Match[str]) -> str | None:
    """The character the short sequence and an ``A0`` byte make, if they make one."""
    try:
        return (hit.group().encode("cp1252") + b"\xa0").decode("utf-8")
    except UnicodeError:
        return None


@lru_cache(maxsize=1)
def _no_break_spaces_kept(text: str) -> bool:
    """Does a UTF-8 sequence in ``text`` keep an ``A0`` byte as a no-break space
    (``Ð\xa0`` is ``Р``)?  Then the text's no-break spaces were not made spaces, and
    a space after a short sequence is a space: in ``Ð˜ÐœÐ•Ð Ð\x9dÐ\xa0`` (``ИМЕН
    НР``), ``Ð `` is ``Н`` and a space, not ftfy's ``Р``."""
    return _KEPT_NO_BREAK_SPACE_RE.search(text) is not None


_KEPT_NO_BREAK_SPACE_RE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]*\u00a0")


def _written_today(letter: str) -> bool:
    """Is ``letter`` one the words of a language with a lexicon are written with
    (``à``, ``Π``, ``Р``; not the archaic ``Ϡ`` or ``Ѡ``)?"""
    lowercase = letter.lower()
    script = lexicon.script_of(lowercase)
    if script == "latin":
        return lowercase.isascii() or lowercase in LANGUAGES_BY_LETTER
    languages = lexicon.LANGUAGES_BY_SCRIPT.get(script, ())
    return any(lowercase in lexicon.alphabet(language) for language in languages)


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
        spaces[line] = [hit for hit in hits if _lost_space(hit)]
        start, end = line
        for hit in spaces[line]:
            if start < hit.start():
                spans_of.setdefault(model, []).append((start, hit.start()))
            start = hit.end() + 1  # past the space
        if start < end:
            spans_of.setdefault(model, []).append((start, end))
    repairs: list[Repair] = []
    for model, spans in spans_of.items():
        found = find_repairs(text, model, sorted(spans), carried_by_lost_bytes=True)
        repaired = {line for line in spaces if any(_within(repair, line) for repair in found)}
        repairs += found
        repairs += [
            _no_break_space(text, hit, model) for line in sorted(repaired) for hit in spaces[line]
        ]
        if model.loss is Loss.IGNORE:
            for line in hits_of:
                if _within_any(line, spans):
                    repairs += _left_open(text, line, hits_of[line], found)
    return sorted(repairs, key=lambda repair: repair.start)


def _within_any(line: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(line[0] <= start < line[1] for start, _ in spans)


def _left_open(
    text: str, line: tuple[int, int], hits: list[re.Match[str]], found: list[Repair]
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
    open_hits: list[re.Match[str]] = []
    for hit in hits:
        covered = any(repair.start < hit.end() and hit.start() < repair.end for repair in found)
        if covered or _lost_space(hit) or _before_two_spaces(hit):
            continue  # repaired, or ftfy's to read
        sequence = hit.group()
        if (len(sequence) >= 2 and sequence[1] in _ONLY_AFTER_A_LEAD) or (
            whole_mojibake and _misread_by_ftfy(hit)
        ):
            open_hits.append(hit)
        elif len(sequence) >= 2:
            return []
    return [_hole(text, hit) for hit in open_hits]


def _read_once_but_for(text: str, line: tuple[int, int], hits: list[re.Match[str]]) -> str | None:
    """The line but for its short sequences, read back as UTF-8 from cp1252, if
    every byte is there and each short sequence that lost a byte makes a character
    text writes (or a no-break space a space).  Not MacRoman mojibake that holds a
    ``‰`` (``‰∏≠`` is ``中``), nor a line partly repaired already, nor a garble of
    several layers, whose short sequences make symbols no text writes (ftfy's
    "absolutely hopeless garble", ``ã†â€™ãƒâ€ ã¢â‚¬â„¢``, whose ``â¬`` would be
    ``⏬``)."""
    kept: list[str] = []
    position = line[0]
    for hit in hits:
        kept.append(text[position : hit.start()])
        position = hit.end()
    kept.append(text[position : line[1]])
    try:
        read = "".join(kept).encode("cp1252").decode("utf-8")
    except UnicodeError:
        return None
    if all(_completed_by_a_space(hit) or _likeliest(_candidates(hit.group())) for hit in hits):
        return read
    return None


def _misread_by_ftfy(hit: re.Match[str]) -> bool:
    """Would ftfy read the short sequence, which lost a byte, with what follows it?

    Yes before a space that a no-break space would make into no letter of a living
    alphabet (the callers left :func:`_lost_space` to ftfy): ``Ù `` is Arabic
    ``ف`` that lost its ``81`` and a space, which ftfy read as the digit ``٠``, and
    ``ã® `` is ``の`` and a space, not ``㮠``; but not after punctuation a word
    ends with (``é… `` is French).  And a lone lead before a sequence that reads as
    a character cp1252 writes with one continuation byte: ftfy reads that
    sequence, then the lead with it (``×â€œ``, Hebrew ``ם`` that lost its ``9D``
    and ``“``, became ``×“`` and then ``ד``).  Only where the byte lost makes a
    character text writes (``Â `` stays a no-break space: ``C2 81`` is a control).
    """
    sequence = hit.group()
    if not _likeliest(_candidates(sequence)) or _AFTER_A_WORD.intersection(sequence):
        return False
    return _completed_by_a_space(hit) or (len(sequence) == 1 and _glued_by_ftfy(hit))


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
_WHOLE_SEQUENCE_RE = re.compile(f"[\u00e0-\u00ef][{_CONTINUATION}]{{2}}")


def _completed_by_a_space(hit: re.Match[str]) -> bool:
    """Does a no-break space made a space complete the sequence (ftfy reads it so)?"""
    return hit.group(1) == " " and _with_no_break_space(hit) is not None


#: Continuations no word writes right after a Latin-1 letter that is a UTF-8 lead:
#: symbols and marks only mojibake puts there (``€`` of ``â€``, ``Ÿ`` of ``ðŸ``),
#: not the punctuation that ends a word (``é”``, ``è…``), a letter (``déšť``) or a
#: sign a brand adds (``Nescafé®``).
_ONLY_AFTER_A_LEAD = frozenset("€ƒˆ†‡‰˜Ÿ¢£¤¥¦§¬±¶¼½¾")


def _before_two_spaces(hit: re.Match[str]) -> bool:
    after = hit.end() + 1  # past the space
    return (
        hit.group(1) == " "
        and hit.string[after : after + 1] == " "
        and not _no_break_spaces_kept(hit.string)
    )


@lru_cache(maxsize=256)
def _candidates(sequence: str) -> tuple[str, ...]:
    """The characters a short sequence could have been, having lost bytes cp1252
    lacks (none if it holds a character cp1252 does not write)."""
    try:
        slots = tuple(sequence.encode("cp1252"))
    except UnicodeEncodeError:
        return ()
    missing = bytescan.utf8_length(slots[0]) - len(slots)
    if missing <= 0:
        return ()  # no lead, or more continuations than it takes: no short sequence
    return bytescan.candidates_for(slots, missing, _model(Loss.IGNORE))


def _hole(text: str, hit: re.Match[str]) -> Repair:
    """The repair writing U+FFFD for the short sequence, with the likeliest
    characters it could have been (:func:`_read_once_but_for` saw there are some)."""
    likeliest = _likeliest(_candidates(hit.group()))
    shown = ", ".join(repr(char) for char in likeliest[:5])
    return Repair(
        hit.start(),
        hit.end(),
        LOST,
        likeliest[0],
        _model(Loss.IGNORE),
        UNDECIDED,
        text_cost(hit.group()) - text_cost(LOST),
        f"a character that lost a byte, which no rule decides among {shown}",
        True,
    )


#: The cost of a common ideograph or a kana (:func:`.score.char_cost`); emoji and
#: typography cost less.
_PLAUSIBLE = 1.0


def _likeliest(candidates: tuple[str, ...]) -> list[str]:
    """The cheapest candidates by :func:`.score.char_cost`, if they are characters
    text writes: the most frequent in English text first (wordfreq lists the
    commonest emoji: ``👏`` then ``👍``), then those shown as emoji (``🐙``, not the
    domino ``🁙``)."""
    costs = {char: char_cost(char) for char in candidates}
    if not costs or min(costs.values()) > _PLAUSIBLE:
        return []
    cheapest = min(costs.values())
    english = frequencies("en") or {}
    return sorted(
        (char for char, cost in costs.items() if cost == cheapest),
        key=lambda char: (-english.get(char, 0.0), not shown_as_emoji(char), char),
    )


def _within(repair: Repair, line: tuple[int, int]) -> bool:
    return line[0] <= repair.start < line[1]


def _no_break_space(text: str, hit: re.Match[str], model: DamageModel) -> Repair:
    """The repair of a short sequence and the space after it, which was a no-break
    space (:func:`_lost_space`)."""
    damaged = hit.group() + hit.group(1)
    letter = _with_no_break_space(hit)
    assert letter is not None  # a lost space completes a letter
    return Repair(
        hit.start(),
        hit.end() + 1,  # with the space
        letter,
        letter,
        model,
        _NO_BREAK_SPACE_CONFIDENCE,
        text_cost(damaged) - text_cost(letter),
        "a no-break space made a space, as ftfy reads it",
        False,
    )


#: How sure a no-break space read from a space is: ftfy's reading, which the lost
#: bytes of the line only make likelier (a lost byte and a space fit too).
_NO_BREAK_SPACE_CONFIDENCE = 0.8
