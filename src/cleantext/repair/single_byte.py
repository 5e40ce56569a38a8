"""Single-byte mojibake (UTF-8 read as cp1252, Latin-1, cp1250/1251, MacRoman, ...).

ftfy (Robyn Speer, https://github.com/rspeer/python-ftfy) repairs these very well,
so cleantext calls it rather than re-implementing it.  ftfy works on whole texts;
cleantext hands it one line at a time, only the lines the screen flags, so each
change in the plan is local and clean lines cost nothing.  What a line alone is
too little evidence for, the codec ftfy found in the text's other lines decides.

Lines of legacy text read as Western (:func:`cleantext.repair.legacy.is_legacy_line`)
are not handed to it: a few of their bytes can form UTF-8 by chance, and ftfy
would re-read just those (``ä¬¿`` in EUC-KR text read as Latin-1 is not ``䬿``).
Lines are split at ``\n`` only: other line breaks (``\x85``, U+2028) may be what
ftfy repairs.

ftfy reads a space after a lead and a continuation as a no-break space that lost
its byte (``Ã `` is ``à``).  On a line whose C1 bytes were deleted (a lead with no
continuation after it, and no cp1252 character after one), a three-byte character
with one continuation left lost its middle byte instead, and the space is a space:
``… `` is ``â¦ ``, which ftfy would make ``⦠``.  ftfy is handed the pieces
between such spaces, and the lossy-Latin family restores what they lost.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

import regex

from cleantext.plan import Edit
from cleantext.repair import latin_lossy, score, words
from cleantext.repair.bytescan import utf8_length
from cleantext.repair.codec_choice import likelier_reading
from cleantext.repair.ftfy_reading import explained, reads_whole
from cleantext.repair.latin_lossy import looks_c1_deleted
from cleantext.repair.legacy import is_legacy_line
from cleantext.repair.screen import (
    CP1252_PAIR_RE,
    QUESTION_MARKS_RE,
    single_byte_suspect,
    suspect_lines,
)
from cleantext.repair.single_byte_misread import also_western

__all__ = ["single_byte_edits", "western_reading"]


def single_byte_edits(text: str) -> list[Edit]:
    """Edits that ftfy's ``fix_encoding`` makes, one per changed line, trimmed to the change.

    A line ftfy leaves alone is read again in the codec ftfy found in the text's
    other lines, when that codec was one and its bytes there are UTF-8
    (:func:`_read_as_the_others`).
    """
    edits: list[Edit] = []
    declined: list[tuple[int, str]] = []
    codecs: set[str] = set()
    for start, end in suspect_lines(text):
        line = text[start:end]
        if not single_byte_suspect(line) or is_legacy_line(line):
            continue
        fixed, note = _ftfy_fixed(line)
        if fixed == line:
            declined.append((start, line))
            continue
        edit = _trimmed_edit(line, fixed, 0, note)
        if (
            _baltic_reading_of_a_hole(line, note)
            or _another_codec_among_lost_bytes(line, fixed)
            or _scripts_glued(line, edit)
            or words.lone_non_word(line, edit.start, edit.end, edit.after)
            or _unmakes_a_known_word(line, edit)
            or _writes_unassigned(edit)
            or _reads_a_mark_among_lost_bytes(line, edit)
            or _small_letter_after_capitals(line, edit)
        ):
            continue
        edits.append(replace(edit, start=edit.start + start, end=edit.end + start))
        codecs.add(_single_codec(note))
    if len(codecs) == 1 and "" not in codecs and declined:
        edits.extend(_read_as_the_others(declined, codecs.pop()))
        edits.sort(key=lambda edit: edit.start)
    return edits


def _baltic_reading_of_a_hole(line: str, note: str) -> bool:
    """Did ftfy read the line as cp1257, which writes the Polish letters ``Ź Ć Ś Ż
    Ł Ń`` with UTF-8 lead bytes, and the line holds a U+FFFD?  Then a letter before a
    character lost elsewhere (``POTWIERDŹ�``, ``POTWIERDZAĆ ���``) is read as a
    two-byte character that lost its second byte, and the letter is gone.  None
    of ftfy's own cases reads a U+FFFD so."""
    return "\ufffd" in line and "windows-1257" in note


def _another_codec_among_lost_bytes(line: str, fixed: str) -> bool:
    """Did ftfy read part of the line in a codec other than Latin-1 and cp1252, and
    leave beside it three-byte leads with a continuation, the mark of C1 bytes
    deleted from Latin-1?  Text misread in that codec would have been read whole;
    the pieces it did read are coincidences among Latin-1's own: Chinese that lost
    its C1 bytes, ``ä¸ å®æ åæ¬ å¯ ä¹,``, read as cp1257 gave ``ä¸ 宿 忬 å¯ ä¹,``
    (``完成 原本`` were there), and ftfy's reading of inconsistent UTF-8 made ``宿``
    of ``å®æ`` (``实时``) too."""
    if _LEAD_AND_CONTINUATION.search(fixed) is None:
        return False
    pieces, fixed_pieces = _WORD_BREAK.split(line), _WORD_BREAK.split(fixed)
    if len(pieces) != len(fixed_pieces):  # never seen: ftfy keeps ASCII words whole
        pieces, fixed_pieces = [line], [fixed]
    return any(
        _changed_otherwise(piece, fixed_piece)
        for piece, fixed_piece in zip(pieces, fixed_pieces, strict=True)
        if piece != fixed_piece
    )


def _changed_otherwise(piece: str, fixed: str) -> bool:
    """Does some change from ``piece`` to ``fixed`` read other than Latin-1 or cp1252?

    ftfy keeps ASCII, so the runs of other characters between it are compared run
    by run, and a run is aligned character by character only where it does not read
    whole: an aligner matches the ``\xa0`` and ``»`` that end ``Ã\xa0Â\xa0Â»``
    (``à\xa0»``, French spacing) with those written, and ``Â\xa0Â`` alone reads as
    nothing."""
    runs, fixed_runs = _NON_ASCII_RUN.split(piece), _NON_ASCII_RUN.split(fixed)
    if len(runs) != len(fixed_runs) or runs[::2] != fixed_runs[::2]:
        runs, fixed_runs = [piece], [fixed]  # never seen: ftfy keeps ASCII as it is
    return any(
        run != fixed_run and not also_western(run, fixed_run) and _aligned_otherwise(run, fixed_run)
        for run, fixed_run in zip(runs, fixed_runs, strict=True)
    )


def _aligned_otherwise(run: str, fixed: str) -> bool:
    """Does some change the aligner finds from ``run`` to ``fixed`` read other than
    Latin-1 or cp1252?"""
    matcher = difflib.SequenceMatcher(None, run, fixed, autojunk=False)
    return any(
        tag != "equal" and not also_western(run[i1:i2], fixed[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    )


#: A run of characters beyond ASCII, kept by the split.
_NON_ASCII_RUN = re.compile("([^\x00-\x7f]+)")


#: A three-byte lead and a continuation byte, as Latin-1 characters.
_LEAD_AND_CONTINUATION = re.compile("[\u00e0-\u00ef][\u00a0-\u00bf]")
#: A space between an ASCII letter or digit and an ASCII character: no misread byte
#: is there (ftfy's lost no-break space follows a lead, which is not ASCII), so ftfy
#: keeps each one, and the pieces between them are compared one by one.  Compared
#: whole, a long line that repeats its words cost the aligner cubic time (5 800
#: characters: 11 s).
_WORD_BREAK = re.compile("(?<=[A-Za-z0-9]) (?=[\x21-\x7e])")


def _reads_a_mark_among_lost_bytes(line: str, edit: Edit) -> bool:
    """Does ftfy's ``edit`` take a mark only cp1252 writes (``… — “ €``) as a byte,
    on a line whose Latin-1 reading lost its C1 bytes?

    Latin-1 writes those bytes as C1 controls, which were deleted: the mark is
    another family's repair, and the bytes beside it lost one of their own.  The
    lossy-Latin family had made ``…`` of ``â¦`` and left ``ë¥`` of Korean ``능``
    beside it, which ftfy read with the ``…`` as ``륅``.
    """
    before = line[edit.start : edit.end]
    consumed = sum(map(edit.after.count, _CP1252_MARKS)) < sum(map(before.count, _CP1252_MARKS))
    return consumed and _cp1252_reading(before) == edit.after and looks_c1_deleted(line)


def _cp1252_reading(text: str) -> str | None:
    """``text``'s bytes in cp1252 read as UTF-8, if they are UTF-8 (MacRoman's
    mojibake, which writes the same marks, is not cp1252's: ``t‚Äö√†√∂¬¨¬©l``)."""
    try:
        return text.encode("windows-1252").decode("utf-8")
    except UnicodeError:
        return None


#: The punctuation cp1252 writes for bytes 0x80 to 0x9F, where Latin-1 has C1
#: controls: what the lossy-Latin family restores (its letters, ``Š ž``, are
#: cp437's and MacRoman's mojibake too).
_CP1252_MARKS = "€‚„…†‡‰‹‘’“”•–—™›"


#: U+FFFD, and the typographic punctuation that ends a word in Western text, read
#: as spaces where ftfy's letters are judged.
_AS_SPACES = str.maketrans(dict.fromkeys("\ufffd‘’‚“”„«»‹›–—…", " "))


def _scripts_glued(line: str, edit: Edit) -> bool:
    """Does ftfy's ``edit`` of ``line`` glue a letter or sign of a script other than
    Latin to a letter of another script?

    ftfy weighs what it changes by its own heuristics; on text another family has
    just repaired, the repair and the damage left beside it can look like UTF-8 in a
    single-byte codec: ``некоторое™€`` (``™`` restored, ``€`` what GB18030 paired of
    the next bytes) read as cp1251 is ``некоторо噈``, an ideograph glued to a
    Russian word; Greek ``νέα€«`` became ``νέါ``, with a Myanmar sign.  The
    characters around the change are context, not judged.

    A U+FFFD is a character another family found lost, most often a letter of the
    word it stands in: beside one, a letter is part of a word, not a lone letter
    among symbols (Hebrew ``ישר�ל`` that lost its ``א``), so it counts as a space
    would.  So does the typographic punctuation of Western text (``… — ” »``), which
    ends a word as ASCII punctuation does: Ukrainian ``я…`` is the word ``я``."""
    before = line[max(0, edit.start - 1) : edit.start]
    after = (before + edit.after + line[edit.end : edit.end + 1]).translate(_AS_SPACES)
    judged = [
        len(before) + index
        for index, char in enumerate(edit.after)
        if score.script_of(char) not in ("", "LATIN", "COMBINING")
    ]
    return bool(judged) and not score.scripts_agree(after, judged)


def _small_letter_after_capitals(line: str, edit: Edit) -> bool:
    """Does ftfy's ``edit`` write an accented small letter inside words in capitals?

    No word is written so.  In a codec other than cp1252 or Latin-1, right after two
    capitals: ftfy read Romanian ``LIMITĂ `` with its space as cp1250 for ``LIMITà``
    (with a U+FFFD on the line, it takes the space for a lost no-break space).  In a
    Western one (or its UTF-8 read in pieces), only between a capital and a word in
    capitals after it: ``VÀ TÔI`` that lost its C1 bytes is ``VÃ TÃI``, and ftfy
    read ``Ã `` as ``à`` with a lost no-break space (word probe, seed 218); ``Và
    tôi`` is a word before a small one.
    """
    western = not edit.model.startswith("utf-8 read as ") or western_reading(edit.model)
    for index, char in enumerate(edit.after):
        if not char.islower() or char.isascii():
            continue
        before = _written_before(line, edit, index, 2)
        if not western and _two_capitals(before):
            return True
        if western and before[-1:].isupper() and _capitals_word_ahead(line, edit, index):
            return True
    return False


def _written_before(line: str, edit: Edit, index: int, count: int) -> str:
    """The ``count`` characters before ``edit.after[index]`` in the line as the edit
    writes it (sliced to those alone: an edit may span a long line)."""
    inside = edit.after[max(0, index - count) : index]
    missing = count - len(inside)
    return (line[max(0, edit.start - missing) : edit.start] if missing else "") + inside


def _capitals_word_ahead(line: str, edit: Edit, index: int) -> bool:
    """Does a word in capitals follow ``edit.after[index]`` after a space, within
    :data:`_AHEAD` characters (two capitals: ``VÃ TÃI``'s ``T`` and ``Ã``)?"""
    ahead = edit.after[index + 1 : index + 1 + _AHEAD]
    if len(ahead) < _AHEAD:
        ahead += line[edit.end : edit.end + _AHEAD - len(ahead)]
    return _CAPITALS_WORD_AHEAD.match(ahead) is not None


_AHEAD = 8
_CAPITALS_WORD_AHEAD = regex.compile(r"\s+\p{Lu}{2}")


def western_reading(model: str) -> bool:
    """Does the damage model of a single-byte edit (``utf-8 read as windows-1252
    then latin-1``) name only cp1252 and Latin-1 layers?"""
    layers = model.removeprefix("utf-8 read as ").split(" then ")
    return _WESTERN_LAYERS.issuperset(layers)


_WESTERN_LAYERS = frozenset({"windows-1252", "latin-1", "iso-8859-1"})


def _two_capitals(text: str) -> bool:
    return len(text) >= 2 and text[-2:].isalpha() and text[-2:].isupper()


def _unmakes_a_known_word(line: str, edit: Edit) -> bool:
    """Does ftfy's ``edit`` of ``line`` take the end of a known word, written as words
    are, and the mark after it?

    A word in capitals that ends in a Latin-1 lead letter, before a quotation mark
    or a dash, is a lead and a continuation byte to ftfy: Icelandic ``“VIÐ”`` became
    ``“VIД``, Vietnamese ``«ĐÃ»`` (``đã``, "already") became ``«Đû``.  The letters
    are a real word (:func:`cleantext.repair.words.known_word`), so they stay."""
    if line[edit.end : edit.end + 1].isalpha():
        return False  # letters go on after the change: a word's middle (``HÃ”TEL``)
    start = end = edit.start
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    while end < edit.end and line[end].isalpha():
        end += 1
    word = line[start:end]
    cased = word.isupper() or word.islower() or word.istitle()
    changed_letters = edit.start < end < edit.end  # the word ends inside the change
    # a C1 control after it is a continuation byte read as Latin-1, which no text
    # writes: ``JÄ\x98ZYK`` is ``JĘZYK``, though Swedish lists ``jä``
    written = not "\x80" <= line[end : end + 1] <= "\x9f"
    return (
        changed_letters
        and written
        and len(word) >= 2
        and cased
        and not _sequence_inside_a_word(line, end - 1)
        and words.known_word(word)
    )


def _sequence_inside_a_word(line: str, lead: int) -> bool:
    """Does the UTF-8 sequence that ``line[lead]`` begins read whole in a single-byte
    codec ftfy reads, and either run to three bytes or more or have a letter right
    after it?  Then the marks after the lead are bytes of a letter inside a word,
    not marks after one: Vietnamese ``Khá»•ng`` is ``Khổng``, ``LÃ¢u`` is ``Lâu``,
    though ``Khá`` and ``Lã`` are words, and French ``DĂ‰COLLAGE`` read as cp1250 is
    ``DÉCOLLAGE``, though Romanian writes ``dă``; ``ĐÃ»`` stays, ``đã`` and a
    closing guillemet.  So too where a ``?`` or U+FFFD stands for a byte of it,
    before a letter: ``Má»?t`` is ``Một`` whose ``99`` was lost (``voilà»?``, a
    word, a guillemet and a question, stays)."""
    import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)
    from ftfy.chardata import CHARMAP_ENCODINGS

    for codec in CHARMAP_ENCODINGS:
        length = utf8_length(_byte_in(line[lead], codec))
        sequence = line[lead : lead + length]
        if length and len(sequence) == length and _utf8_through(sequence, codec) is not None:
            return length >= 3 or line[lead + length : lead + length + 1].isalpha()
    length = utf8_length(_byte_in(line[lead], "latin-1"))
    sequence = line[lead : lead + length]
    return (
        len(sequence) == length > 1
        and line[lead + length : lead + length + 1].isalpha()
        and _with_lost_bytes(sequence)
    )


def _byte_in(char: str, codec: str) -> int:
    """The byte ``codec`` writes ``char`` with; 0 if it has none."""
    try:
        return char.encode(codec)[0]
    except UnicodeEncodeError:
        return 0


def _with_lost_bytes(sequence: str) -> bool:
    """Is ``sequence`` a lead, then continuations as Latin-1 or cp1252 write them and
    at least one ``?`` or U+FFFD standing for a lost one?"""
    marks = [char in "?\ufffd" for char in sequence[1:]]
    return any(marks) and all(
        lost or 0x80 <= max(_byte_in(char, "latin-1"), _byte_in(char, "sloppy-windows-1252")) < 0xC0
        for char, lost in zip(sequence[1:], marks, strict=True)
    )


def _utf8_through(sequence: str, codec: str) -> str | None:
    try:
        return sequence.encode(codec).decode("utf-8")
    except UnicodeError:
        return None


def _writes_unassigned(edit: Edit) -> bool:
    """Does ftfy's ``edit`` write a private-use or unassigned character?  No repair of
    real text does: Bulgarian ``около№‘`` read as cp1251 is UTF-8 for ``окол`` and
    U+EE51, private use."""
    return any(unicodedata.category(char) in ("Co", "Cn") for char in edit.after)


def _single_codec(note: str) -> str:
    """The codec of a one-layer ftfy repair (``sloppy-windows-1251``); "" otherwise."""
    steps = note.removeprefix("ftfy: ").split(", ")
    if len(steps) == 2 and steps[0].startswith("encode ") and steps[1] == "decode utf-8":
        return steps[0].removeprefix("encode ")
    return ""


def _read_as_the_others(lines: list[tuple[int, str]], codec: str) -> list[Edit]:
    """Edits for the ``lines`` ftfy declined whose bytes in ``codec`` are UTF-8.

    ftfy judges a whole text at once; cleantext hands it one line at a time, so each
    change stays local.  A line alone can be too little evidence: ``theВ\xa0Washington``
    is a no-break space read as cp1251, or Russian ``В`` before one.  When ftfy
    repaired the text's other lines by reading them in one codec, and this line's
    bytes in that codec are valid UTF-8, it is read the same way.
    """
    edits: list[Edit] = []
    note = f"ftfy: encode {codec}, decode utf-8 (as the text's other lines)"
    for start, line in lines:
        try:
            fixed = line.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if fixed != line:
            edits.append(_trimmed_edit(line, fixed, start, note))
    return edits


#: A space after a three-byte UTF-8 lead and one continuation, as Latin-1 characters.
_AFTER_LOST_MIDDLE = re.compile("(?<=[\u00e0-\u00ef][\u00a0-\u00bf]) ")
#: A space after a two-byte lead, or after a three-byte lead and one continuation.
_AFTER_A_LEAD = re.compile(f"(?<=[\u00c2-\u00df]) |{_AFTER_LOST_MIDDLE.pattern}")
#: ``â`` (``E2``, the lead of ``’ “ ” – — • …``) before neither a continuation
#: byte nor a small letter (``âFABRYCZNE``, ``â ``): both continuations deleted.
#: Real text writes ``â`` inside words only (``pâte``, ``château``).
_LOST_PUNCTUATION = re.compile("\u00e2(?![a-z\u00e0-\u00ff\u0080-\u00bf])")


def _lost_bytes_before_spaces(line: str) -> bool:
    """Is a space after a two-byte lead (``NÃ ``) a byte deleted before a real space,
    not a no-break space turned into one (``voilÃ le``: ftfy's ``à``)?  So it is on
    a line that lost C1 bytes where no no-break space explains another lead: the
    punctuation that lost both its continuations (``ãNÃ â ENABLED``, what
    ``。NÉ – ENABLED`` left), a word in capitals (:data:`_CAPITAL_BEFORE_A_SPACE`), or
    a two-byte lead before sentence punctuation (``NÃ.``: no space was there to be a
    no-break one; found once an earlier pass had repaired the line's ``â``)."""
    return (
        _AFTER_A_LEAD.search(line) is not None
        and (
            _LOST_PUNCTUATION.search(line) is not None
            or _CAPITAL_BEFORE_A_SPACE.search(line) is not None
            or _LEAD_BEFORE_PUNCTUATION.search(line) is not None
        )
        and looks_c1_deleted(line)
    )


#: ``Ã`` and a space at the end of a word in capitals (``SPOJENÃ ``, what ``SPOJENÍ ``
#: left), or of a word of two letters before one in capitals (Vietnamese ``CÃ Cá»¦NG``,
#: what ``CÓ CỦNG`` left; its second capital may be a lead read as Latin-1): ftfy's
#: ``à`` would be a small letter there, where the capitals ``À`` to ``Þ`` (``C3 80``
#: to ``C3 9E``) all lose their C1 byte.
_CAPITAL = "[A-Z\u00c0-\u00de]"
_CAPITAL_BEFORE_A_SPACE = re.compile(
    f"(?<={_CAPITAL}{{2}})\u00c3 |(?<={_CAPITAL})\u00c3 (?={_CAPITAL}[A-Z\u00c0-\u00f4])"
)
#: A two-byte lead right before sentence punctuation: its continuation was deleted.
_LEAD_BEFORE_PUNCTUATION = re.compile("[\u00c2-\u00df](?=[.,;:!?])")


#: A C1 control glued to a CJK character (ideograph, kana, Hangul, full- or half-width
#: form, or a symbol CJK codecs write with two bytes: arrows, maths, shapes, ``≫``; or
#: a private-use character, which cp932 reads of the user-defined rows, among them
#: the leads F0 to F9 of UTF-8's four-byte sequences; or, before it, a U+FFFD that
#: such a codec wrote for the byte between, or a ``?`` it wrote so, which no UTF-8
#: read as Latin-1 puts before a continuation byte) and not inside a Latin-1
#: reading of UTF-8 (after a lead or another continuation): a byte a CJK codec passed
#: through (cp932 reads 0x80 as U+0080), not cp1252 read as Latin-1.  ftfy would
#: transcode it (``冷\x80`` to ``冷€``, ``≫\x80`` to ``≫€``, the ``\ue05e\x80`` that
#: cp932 left of ``😀`` to ``\ue05e€``); no case of ftfy's own has one.
_CJK = "\u2190-\u2bff\u2e80-\u9fff\uac00-\ud7a3\ue000-\ufaff\uff01-\uff9f"
_C1_BESIDE_CJK = re.compile(
    f"((?<=[{_CJK}\ufffd?])[\x80-\x9f]|(?<![\u00c2-\u00f4\x80-\xbf])[\x80-\x9f](?=[{_CJK}]))"
)

#: Any CJK character (:data:`_CJK`), which no Latin-1 reading writes.
_CJK_CHAR = re.compile(f"[{_CJK}]")


def _passed_through_by_cp932(line: str) -> bool:
    """Does the line hold a C1 control a CJK codec passed through: one glued to CJK
    (:data:`_C1_BESIDE_CJK`), or a ``\\x80`` anywhere on a line holding CJK?  cp932
    reads the byte 0x80 as U+0080 (its other C1 bytes are leads), and a line with
    CJK on it was read by no Latin-1 decoder, whose ``\\x80`` would be cp1252's
    ``€``: cp932 dropping bytes left ``攪 尞ｬ \\x80 ｶ`` of Korean ``의 포 였 분``, and
    ftfy made the ``\\x80`` of ``였`` a ``€`` (word probe, seed 201)."""
    if _C1_BESIDE_CJK.search(line) is not None:
        return True
    return "\x80" in line and _CJK_CHAR.search(line) is not None


#: A C1 control outside a Latin-1 reading of UTF-8 (no lead or continuation before
#: it: a continuation byte begins no sequence, whatever follows it).  On a line
#: where one is glued to CJK, the codec that passed it through passed them all:
#: cp932 left ``﨑 ｬｴｴ\x80 \uf8f0 \x80 └!`` of ``하 무관 제 였 네!`` with bytes
#: dropped, and ftfy made the lone ``\x80`` a ``€``.
_LONE_C1 = re.compile("((?<![\u00c2-\u00f4\x80-\xbf])[\x80-\x9f])")


def _symbol_of_a_space(line: str) -> bool:
    """Would a space after a three-byte lead and one continuation, read as a no-break
    space that lost its byte, end a symbol (``â¢ `` as the Braille ``⢠``)?

    ftfy reads it so; but a symbol standing alone between words is no text's, while
    the bullet ``•`` that lost its middle byte (``â¢``) before a plain space is
    common.  Where the line's C1 bytes were deleted in part and another repair
    already wrote U+FFFD for them, :func:`looks_c1_deleted` no longer sees the line
    so; this sees the sequence itself."""
    for found in _AFTER_LOST_MIDDLE.finditer(line):
        start = found.start()
        read = (line[start - 2 : start] + "\u00a0").encode("latin-1").decode("utf-8", "replace")
        if len(read) == 1 and unicodedata.category(read).startswith("S"):
            return True
    return False


#: A space right after a three-byte lead.
_AFTER_A_THREE_BYTE_LEAD = re.compile("(?<=[\u00e0-\u00ef]) ")


def _middle_spaces_undone(line: str, fixed: str) -> str:
    """ftfy's ``fixed`` line, but where it read a space after a three-byte lead as a
    no-break space, the middle byte of a character only such a reading makes (an
    ideograph of CJK extension A, a letter of a rare script or a private-use
    character, each with ``A0`` for its middle byte): there the lead, the space and
    the character after them stay as they were.

    ftfy's reading is right for the blank Braille cell that posts set between
    paragraphs (``â €`` is ``⠀``, one of ftfy's own cases); but ``く –`` that lost
    the two bytes cp1252 lacks is ``ã â€“``, and ftfy, once it had read the ``–``,
    made ``ã –`` a ``㠖`` (word probe, seed 217): the lead lost its continuation
    bytes before a real space.
    """
    rare = {
        char
        for char in set(fixed) - set(line)
        if ord(char) >> 12 in _RARE_BLOCKS and 0x800 <= ord(char) & 0xFFF < 0x840
    }
    if rare:
        import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)
    for char in rare:
        lead, _, last = char.encode("utf-8")
        # cp1252's characters, Latin-1's for the five bytes it lacks
        fixed = fixed.replace(char, bytes((lead, 0x20, last)).decode("sloppy-windows-1252"))
    return fixed


#: The leads (``E3``, ``E4``, ...) of the three-byte characters that a no-break space as
#: their middle byte makes rare: CJK extension A, Syloti Nagri, private use.
_RARE_BLOCKS = frozenset((0x3, 0x4, 0xA, 0xE, 0xF))


def _last_spaces_undone(line: str, fixed: str) -> str:
    """ftfy's ``fixed`` line, but where it read a space as a no-break space, the last
    byte of a capital only Vietnamese writes, glued so to a word holding a vowel:
    there the characters and the space stay as they were.

    Vietnamese writes each syllable apart, one run of vowels to a syllable:
    ``vá» mục`` is ``về mục`` (``ề`` lost its ``81`` under cp1252), not ftfy's
    ``vỠmục`` (word probe, seed 188), and ``Sá» PHẢI`` is ``SỐ PHẢI``, not
    ``SỠPHẢI``; ``Báº N`` is still ``BẠN``.
    """
    import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)

    def undone(match: regex.Match[str]) -> str:
        capital, word = match.groups()
        written = capital.encode("utf-8")[:-1].decode("sloppy-windows-1252") + " "
        if written not in line or not any(_base(char) in _VOWELS for char in word):
            return match.group()
        return written + word

    return _GLUED_BY_A_LAST_SPACE.sub(undone, fixed)


def _base(char: str) -> str:
    return unicodedata.normalize("NFD", char)[0]


#: ``Ạ Ỡ Ơ`` (UTF-8 ending in ``A0``, a no-break space's byte) and the letters after it.
_GLUED_BY_A_LAST_SPACE = regex.compile("([\u1ea0\u1ee0\u01a0])(\\p{L}+)")
_VOWELS = frozenset("aeiouyAEIOUY")


def _ftfy_fixed(line: str) -> tuple[str, str]:
    """ftfy's repair of ``line`` and the note for it.

    On a line whose C1 bytes were deleted, ftfy repairs each piece between spaces
    that follow a character missing its middle byte; on a line where a CJK codec
    passed a C1 control through (:func:`_passed_through_by_cp932`), every C1
    control outside a Latin-1 reading of UTF-8 is kept as it is (:data:`_LONE_C1`),
    and ftfy repairs the pieces around them, in either case.  A line ftfy reads whole in one codec
    (:func:`.ftfy_reading.reads_whole`) lost no byte, and is ftfy's as it reads it.
    """
    if reads_whole(line):
        fixed, steps = likelier_reading(line, *explained(line))
        return fixed, _describe(steps)
    controls = _passed_through_by_cp932(line)
    if _AFTER_LOST_MIDDLE.search(line) and (looks_c1_deleted(line) or _symbol_of_a_space(line)):
        return _each_fixed(_AFTER_LOST_MIDDLE.split(line), " ", keep_controls=controls)
    if _lost_bytes_before_spaces(line):
        return _each_fixed(_AFTER_A_LEAD.split(line), " ", keep_controls=controls)
    if controls:
        return _each_fixed([line], "", keep_controls=True)
    if _LOST_TO_A_QUESTION_MARK.search(line) and CP1252_PAIR_RE.search(line) is None:
        return _around_question_marks(line)
    fixed, steps = likelier_reading(line, *explained(line))
    if _pieces_left_to_the_lossy_family(line, fixed, steps):
        return line, "ftfy"
    if _AFTER_A_THREE_BYTE_LEAD.search(line):
        fixed = _middle_spaces_undone(line, fixed)
    if _GLUED_BY_A_LAST_SPACE.search(fixed):
        fixed = _last_spaces_undone(line, fixed)
    return fixed, _describe(steps)


def _pieces_left_to_the_lossy_family(
    line: str, fixed: str, steps: Sequence[tuple[str, str]]
) -> bool:
    """Did ftfy read only pieces of the line as UTF-8, re-reading it in no codec, and
    leave sequences whose C1 bytes were written ``?``, which the lossy-Latin family
    reads?  Then the line is the family's: it reads complete sequences too, and
    nothing ftfy decoded.  ftfy made ``¿¿¿`` of ``Â¿Â¿Â¿`` among Korean that lost
    its C1 bytes (``ê¸?ë??``), and the family then left the rest of the line as it
    was.  Where the family reads nothing (``fpÃ¶ â??``: ``â??`` may be ``–`` or
    ``—``), ftfy's pieces stand."""
    return (
        not any(action == "encode" for action, _ in steps)
        and QUESTION_MARKS_RE.search(fixed) is not None
        and bool(latin_lossy.find(line, replaced=False))
    )


def _around_question_marks(line: str) -> tuple[str, str]:
    """ftfy's repair of the pieces of ``line`` around the marks whose C1 byte was
    written ``?`` (:data:`_LOST_TO_A_QUESTION_MARK`); the marks the lossy-Latin
    family reads in what ftfy left stay as they are, for it.

    ftfy makes each such mark a U+FFFD once it reads the line; the family, which
    reads them after ftfy, tells from the context what many were: ``Hàbits no fins
    a vegades…`` read as Latin-1, C1 bytes written ``?``, is ``HÃ\xa0bits no fins a
    vegadesâ?¦``, where ftfy wrote ``vegades�``.  Where it would leave one (a lone
    ``â?¢``, ``•`` or ``™``), the line is ftfy's as ftfy reads it whole.
    """
    import ftfy

    notes: list[str] = []
    parts = _LOST_TO_A_QUESTION_MARK.split(line)
    for index in range(0, len(parts), 2):
        repaired, steps = ftfy.fix_encoding_and_explain(parts[index])
        if repaired != parts[index]:
            notes.append(_describe(steps))
            parts[index] = repaired
    kept = "".join(parts)
    read = [(repair.start, repair.end) for repair in latin_lossy.find(kept, replaced=False)]
    starts = list(itertools.accumulate(map(len, parts), initial=0))
    for start in starts[1:-1:2]:  # where each mark kept begins
        if not any(begin <= start < end for begin, end in read):
            fixed, whole = explained(line)  # the family leaves one: the line is ftfy's
            return fixed, _describe(whole)
    return kept, notes[0] if len(set(notes)) == 1 else "ftfy"


#: ``â`` (``E2``, the lead of ``’ “ ” – — • …``), a ``?`` and a continuation: what
#: Latin-1 writing its C1 bytes as ``?`` leaves of such a mark, which ftfy makes a
#: U+FFFD.  Only with no Latin-1 character beside it, which ftfy may decode: the
#: lossy-Latin family reads nothing beside a character ftfy decoded.
_LOST_TO_A_QUESTION_MARK = re.compile(
    "(?<![\u0080-\u00ff])(\u00e2\\?[\u00a0-\u00bf])(?![\u0080-\u00ff])"
)


def _each_fixed(pieces: list[str], joiner: str, *, keep_controls: bool) -> tuple[str, str]:
    """ftfy's repair of each piece, joined, and the note for it; with ``keep_controls``,
    of each part of a piece between the C1 controls kept as they are."""
    import ftfy

    notes: list[str] = []

    def fixed(part: str) -> str:
        repaired, steps = ftfy.fix_encoding_and_explain(part)
        if repaired != part:
            notes.append(_describe(steps))
        return repaired

    def fixed_piece(piece: str) -> str:
        if not keep_controls:
            return fixed(piece)
        parts = _LONE_C1.split(piece)  # the controls at odd places, kept as they are
        return "".join(part if index % 2 else fixed(part) for index, part in enumerate(parts))

    joined = joiner.join(map(fixed_piece, pieces))
    return joined, notes[0] if len(set(notes)) == 1 else "ftfy"


def _describe(steps: Sequence[tuple[str, str]] | None) -> str:
    described: list[str] = []
    for step in steps or []:
        action, argument = step
        if action in ("encode", "decode"):
            described.append(f"{action} {argument}")
    return "ftfy: " + ", ".join(described) if described else "ftfy"


def _model_name(note: str) -> str:
    # "ftfy: encode sloppy-windows-1252, decode utf-8" -> "utf-8 read as windows-1252"
    encoded = [
        part.split(" ", 1)[1]
        for part in note.removeprefix("ftfy: ").split(", ")
        if part.startswith("encode ")
    ]
    if not encoded:
        return "single-byte mojibake"
    layers = " then ".join(name.removeprefix("sloppy-") for name in encoded)
    return f"utf-8 read as {layers}"


def _trimmed_edit(original: str, fixed: str, offset: int, note: str) -> Edit:
    prefix = _common_prefix_length(original, fixed)
    suffix = _common_prefix_length(original[prefix:][::-1], fixed[prefix:][::-1])
    return Edit(
        offset + prefix,
        offset + len(original) - suffix,
        fixed[prefix : len(fixed) - suffix],
        _model_name(note),
        0.95,
        note,
    )


def _common_prefix_length(first: str, second: str) -> int:
    """How many leading characters ``first`` and ``second`` share.

    Found by halving with slice comparisons, which run in C: a loop over the
    characters of a long line cost more than ftfy's repair of it.
    """
    low, high = 0, min(len(first), len(second))
    while low < high:
        middle = (low + high + 1) // 2
        if first[:middle] == second[:middle]:
            low = middle
        else:
            high = middle - 1
    return low
