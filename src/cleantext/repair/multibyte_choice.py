"""Which of the multi-byte family's verified repairs the engine applies.

:func:`.multibyte.find` returns every repair each CJK codec verifies on a text,
several codecs often reading the same span.  Here the best of overlapping repairs
is kept (:func:`.ranking.best_non_overlapping`), and then whole codecs and single
repairs are set aside where they have shown nothing of themselves: the residue
one codec left of a text is something another codec can read too.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from cleantext.repair import multibyte, score
from cleantext.repair.cluster import line_of
from cleantext.repair.misread import LOST, Repair
from cleantext.repair.models import OLDER_CODEC, DamageModel, Loss
from cleantext.repair.ranking import best_non_overlapping

__all__ = ["chosen"]


def chosen(text: str) -> list[Repair]:
    """The multi-byte family's repairs of ``text`` that the engine applies: the best
    of those that overlap, from the codecs that showed themselves, less the strays.

    A codec is shown by a repair that reads surviving bytes and decides them (its
    lost bytes, if any, by a rule).  One that only reads runs of U+FFFD or ``?``
    (perhaps another repair's holes: ``crucial��`` read as Big5 is ``crucială``),
    or only guesses by frequency (``ﾂ�`` is a Shift-JIS ``C2 ??``: a no-break
    space?) or leaves holes, has shown nothing of itself
    (:func:`_shown_nothing_among_residue`); a repair of a codec other than its
    line's own glued to damage no repair read is a stray (:func:`_without_strays`).
    """
    bare = _bare_in(text)
    repairs = best_non_overlapping(multibyte.find(text), text, bare)
    read = {repair.model for repair in repairs if not bare(repair) and repair.confidence > _WEAK}
    read -= _shown_nothing_among_residue(text, repairs)
    repairs = [repair for repair in repairs if repair.model in read]
    return _without_strays(text, repairs)


def _bare_in(text: str) -> Callable[[Repair], bool]:
    """Does a repair read only U+FFFD or ``?`` (``���`` as ``“``)?"""
    return lambda repair: not text[repair.start : repair.end].strip("\ufffd?")


_WEAK = 0.5  # the confidence of a lost byte chosen by frequency alone, or less


def _shown_nothing_among_residue(text: str, repairs: list[Repair]) -> set[DamageModel]:
    """The models whose every repair is one character a context rule chose for lost
    bytes (or marks only, lost bytes among them), one letter beyond ASCII (not CJK)
    standing alone, or (its only repair) one symbol read of one whole character, on
    a line holding a CJK character that no repair gaining plausibility reads.

    Such a model has shown nothing of itself: Big5 leaves ``窶`` of the Korean ``것``
    (``EA B2``, its last byte dropped) among the residue of the words around
    (``窶 諈刺``; or common ideographs: ``匪筋 渥 窶  賄``), and cp932, which reads
    ``窶`` as the first bytes of a dash, made a dash of it; EUC-JP read the ``攤`` and
    ``攵`` of ``?ｰ? ?攤 ?攵 ?遵?梵``, what cp932 with ``?`` kept of Korean, as the
    Urdu ``ں`` and ``ھ``.  Where damage of that codec is the line's, no residue is
    left unread (``Hello 窶 world`` is a spaced dash; EUC-JP with ``?`` keeps only
    ``廨`` and ``廣`` of the letters of Hebrew words, ``ר`` and ``ע``).
    """
    if not repairs:
        return set()
    claimed = bytearray(len(text) + 1)
    for repair in repairs:
        claimed[repair.start : repair.end] = b"\x01" * (repair.end - repair.start)
    repairs_of = Counter(repair.model for repair in repairs)
    guessing = {repair.model for repair in repairs} - {
        repair.model
        for repair in repairs
        if not (
            _marks_for_lost_bytes(repair)
            or _lone_foreign_letter(text, repair, claimed)
            or (_symbol_of_one_character(text, repair) and repairs_of[repair.model] == 1)
        )
    }
    if not guessing:
        return set()
    line_starts = [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    residue: dict[tuple[int, DamageModel], bool] = {}  # each line looked at once a model

    def on_residue_line(position: int, model: DamageModel, readings: _Readings) -> bool:
        line = bisect.bisect_right(line_starts, position) - 1
        if (line, model) not in residue:
            start = line_starts[line]
            end = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
            claimed, read = readings
            residue[line, model] = any(
                not claimed[index] and score.script_of(char) == "CJK" and char not in read
                for index, char in enumerate(text[start:end], start)
                if not char.isascii()
            ) or _runs_of_lost_marks(text, start, end, model, claimed)
        return residue[line, model]

    shown_nothing: set[DamageModel] = set()
    for model in guessing:
        readings = _readings(text, repairs, model)
        own = [repair for repair in repairs if repair.model == model]
        if all(on_residue_line(repair.start, model, readings) for repair in own):
            shown_nothing.add(model)
    return shown_nothing


def _runs_of_lost_marks(
    text: str, start: int, end: int, model: DamageModel, claimed: bytearray
) -> bool:
    """Does ``text[start:end]`` hold two words that no repair read, each a run of
    three or more of the marks ``model`` writes for lost bytes (``���``, ``???``)?

    That is what Big5, EUC-KR or EUC-JP leave of each Korean syllable; a codec
    whose repairs there only choose a mark for lost bytes shows nothing of itself:
    cp932 read the ``窶`` Big5 kept of ``것``, in ``��� ������ ��� 窶� ������``,
    as a dash (word probe, seed 196)."""
    words = _LOST_MARK_WORDS.get(model.loss)
    if words is None:
        return False
    unread = (
        word for word in words.finditer(text, start, end) if not any(claimed[slice(*word.span())])
    )
    return len(list(itertools.islice(unread, 2))) == 2


#: Words of three marks or more, each loss's own: U+FFFD, or ``?``.
_LOST_MARK_WORDS = {
    Loss.REPLACE: re.compile("(?<!\\S)\ufffd{3,}(?!\\w)"),
    Loss.REPLACE_QUESTION: re.compile("(?<!\\S)\\?{3,}(?!\\w)"),
}


#: Where repairs read (a mark for each character) and the characters they read.
_Readings = tuple[bytearray, set[str]]


def _readings(text: str, repairs: list[Repair], model: DamageModel) -> _Readings:
    """What ``model``'s own repairs read, and the other models' repairs that gain
    plausibility: what none of them reads is residue.  EUC-KR read each of
    ``逵逵剋戟棘棘``, what it left of Cyrillic, as a Cyrillic letter that loses
    plausibility alone, and GBK read the ``漏`` beside them as ``©``; GBK's own
    ``±`` of ``15 卤 1 mm`` loses a little, and its ``卤`` is no residue.  A character
    read elsewhere and left here for its context is no residue either (``????廣??``
    beside the ``廣`` EUC-JP read as ``ע``).  Nor does a repair read anything that
    only leaves holes for CJK characters (:func:`_cjk_holes_only`)."""
    claimed = bytearray(len(text) + 1)
    read: set[str] = set()
    for repair in repairs:
        if (repair.model == model or repair.gain > 0) and not _cjk_holes_only(repair):
            claimed[repair.start : repair.end] = b"\x01" * (repair.end - repair.start)
            read.add(text[repair.start : repair.end])
    return claimed, read


def _cjk_holes_only(repair: Repair) -> bool:
    """Does ``repair`` only leave holes, each likeliest a CJK character?  It reads a
    CJK character as another that lost bytes, and decides nothing: cp932 made a
    dash of ``窶`` and such a hole of ``諡`` in ``窶   諡``, what Big5 dropping
    bytes kept of Korean ``검색 에 이 유무 하 –`` (word probe, seed 220).  (A hole
    for a Latin letter, cp932's ``ﾈ`` of Romanian ``Ș``, reads the half-width
    katakana as damage of another script.)"""
    return not repair.repaired.strip(LOST) and all(
        score.script_of(char) == "CJK" for char in repair.guessed
    )


def _marks_for_lost_bytes(repair: Repair) -> bool:
    """Did ``repair`` choose lost bytes and write one character, or only marks and
    symbols (Shift-JIS read ``篋坂``, what EUC-JP left of ``人体``, as ``⸍”``)?"""
    repaired = repair.repaired
    return repair.bytes_lost and (
        len(repaired) == 1 or not any(char.isalnum() for char in repaired)
    )


def _symbol_of_one_character(text: str, repair: Repair) -> bool:
    """Did ``repair`` read one character as one symbol, and any other as an ASCII one
    that joins no word?  Alone, that shows nothing of its codec: GBK had read ``漏``,
    what EUC-KR left of ``שוני。``, as ``©``, and ``鈭箇``, what Big5 kept of Japanese
    ``目 ch``, as ``∹w`` (word probe, seed 218).  (The ``«`` and ``»`` GBK reads of
    ``芦`` and ``禄`` around words, or Big5's ``¿¿¿`` of ``聶聶聶``, vouch for each
    other; cp932's ``„l`` of ``窶柩`` opens ``linking``; and two characters read as
    one symbol, cp932's ``…`` of ``窶ｦ``, are its own.)"""
    repaired = repair.repaired
    beyond_ascii = [char for char in repaired if not char.isascii()]
    return (
        not repair.bytes_lost
        and len(repaired) == repair.end - repair.start <= _SPAN_OF_ONE_SYMBOL
        and len(beyond_ascii) == 1
        and not beyond_ascii[0].isalnum()
        and not _ascii_word_at(text, repair.start - 1, repaired[0])
        and not _ascii_word_at(text, repair.end, repaired[-1])
    )


#: The most characters read so: a symbol's three UTF-8 bytes and an ASCII byte
#: pair up as two.
_SPAN_OF_ONE_SYMBOL = 2


def _ascii_word_at(text: str, position: int, written: str) -> bool:
    """Are ``written`` and ``text[position]`` both ASCII letters or digits?"""
    return (
        0 <= position < len(text) and _is_ascii_alnum(written) and _is_ascii_alnum(text[position])
    )


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _lone_foreign_letter(text: str, repair: Repair, claimed: bytearray) -> bool:
    """Is the repair one letter, neither ASCII nor CJK, with no letter or digit beside
    it but damage no repair read?  (GBK read ``膸`` among what EUC-JP left of
    Chinese as ``Ď``; Big5 read ``珥``, what EUC-KR left of ``촬``, as ``ҭ``, glued
    to the ``ъ`` EUC-KR had made of the next bytes.)"""
    letter = repair.repaired
    if len(letter) != 1 or not letter.isalpha() or letter.isascii():
        return False
    if score.script_of(letter) == "CJK":
        return False
    return not (
        _letter_of_a_word(text, repair.start - 1, claimed)
        or _letter_of_a_word(text, repair.end, claimed)
    )


def _letter_of_a_word(text: str, position: int, claimed: bytearray) -> bool:
    """Is ``text[position]`` a letter or digit that is ASCII or that a repair read?"""
    if not 0 <= position < len(text):
        return False
    char = text[position]
    return char.isalnum() and (char.isascii() or bool(claimed[position]))


_LINE_BREAK = re.compile("\n")


def _without_strays(text: str, repairs: list[Repair]) -> list[Repair]:
    """The repairs, less those glued to damage no repair claimed that are lossless or
    of another codec than their line's own (the one with most gain there, or else
    over the text).

    Such a repair is the misreading of what another codec left: ``’、‘R`` read as
    cp932 with bytes dropped is ``窶吶≫漏``, and once cp932 has repaired what it
    could, GBK reads the ``漏`` beside ``≫`` as ``©`` (``C2 A9``); EUC-JP reads
    ``彜`` beside a U+FFFD as ``״``; Big5 read ``竄`` beside the ``ｬ`` of cp932's
    ``竄ｬ`` (``€``) as ``«``.  Real damage in a clean text is glued to letters,
    spaces or ASCII, or to more of itself, which repairs claim.  Beside a repair of
    another codec, a rare ideograph or syllable no repair claimed is such damage
    too: GBK left ``溿`` of ``“。`` beside the ``炩`` that Big5 read as ``϶``.
    """
    claimed = bytearray(len(text) + 1)
    totals: dict[str, float] = {}
    on_lines: dict[tuple[int, int], dict[str, float]] = {}
    for repair in repairs:
        claimed[repair.start : repair.end] = b"\x01" * (repair.end - repair.start)
        family = _codec_family(repair)
        gain = max(repair.gain, 0.0)
        totals[family] = totals.get(family, 0.0) + gain
        on_line = on_lines.setdefault(line_of(text, repair.start), {})
        on_line[family] = on_line.get(family, 0.0) + gain
    # each line's own codec: the one gaining most there, or, where the line's
    # repairs do not tell, over the text (a line pasted from elsewhere, read by
    # another codec, had made this codec's weak repairs on every other line strays)
    main = {
        line: max(gains, key=lambda family: (gains[family], totals[family]))
        for line, gains in on_lines.items()
    }
    kept: list[Repair] = []
    for repair in repairs:
        own = _codec_family(repair) == main[line_of(text, repair.start)]
        if not own and repair.gain <= _CLEAR_GAIN:
            # one line, one misreading: a second codec there shows itself clearly or
            # not at all (GBK read ``危``, what EUC-JP kept of ``이핑``, as ``Σ``, a
            # gain of 0.4, beside EUC-JP's ``ı`` of ``Osmanl脹``)
            continue
        if not own and repair.bytes_lost and _marks_only(repair.repaired):
            # marks a rule chose for lost bytes on a line another codec reads show
            # nothing of their codec, whatever they gain: cp932 read ``窶�``, what
            # Big5 with U+FFFD left of the Korean ``게`` beside Big5's ``과거``, as
            # a spaced dash
            continue
        # a lone symbol glued to CJK text no repair read is made of that text, the
        # residue of another codec, even where no repair of that codec says so (a
        # later pass: ``縲や漏ossum``, where Shift-JIS read ``。‘R``, and GBK the
        # ``漏`` as ``©``)
        symbol = _lone_symbol(repair)
        if (repair.model.lossy and own) or not (
            _leftover_damage(text, repair.start - 1, -1, claimed, rare=not own, any_cjk=symbol)
            or _leftover_damage(text, repair.end, 1, claimed, rare=not own, any_cjk=symbol)
        ):
            kept.append(repair)
    return kept


#: The gain a repair of a second codec on a line must exceed (:func:`.score.clearly_better`'s
#: margin, which grows with the span, so a gain of exactly this is not clear).
_CLEAR_GAIN = 1.5


def _marks_only(repaired: str) -> bool:
    """Is ``repaired`` marks alone: no letter, digit or hole?"""
    return bool(repaired) and not any(char.isalnum() or char == LOST for char in repaired)


def _lone_symbol(repair: Repair) -> bool:
    """Does ``repair`` restore one character that is no letter, digit or space?"""
    repaired = repair.repaired
    return len(repaired) == 1 and not (repaired.isalnum() or repaired.isspace() or repaired == LOST)


def _codec_family(repair: Repair) -> str:
    codec = repair.model.wrong_codec
    return OLDER_CODEC.get(codec, codec)


def _leftover_damage(
    text: str, position: int, step: int, claimed: bytearray, *, rare: bool, any_cjk: bool = False
) -> bool:
    """Is ``text[position]`` a U+FFFD or a symbol (or, with ``rare``, a rare ideograph
    or syllable; with ``any_cjk``, any CJK character) that no repair claimed, or a
    ``?`` (or a run of them) with such damage beyond it (``膵?箙``: a question mark
    is not glued between two CJK characters, the ``?`` a tool wrote for a lost byte
    is)?"""
    if not 0 <= position < len(text) or claimed[position]:
        return False
    char = text[position]
    if char == "?":
        beyond = position + step
        while 0 <= beyond < len(text) and text[beyond] == "?" and not claimed[beyond]:
            beyond += step  # a run of them: ``や?????ń`` is cp949's residue of ``の機``
        return 0 <= beyond < len(text) and not claimed[beyond] and _leftover(text[beyond])
    if char == "\ufffd" or "\uff61" <= char <= "\uff9f":  # a hole, half-width katakana
        return True
    return not char.isascii() and (
        unicodedata.category(char)[0] == "S"
        or (rare and score.char_cost(char) >= _RARE)
        or (any_cjk and score.script_of(char) == "CJK")
    )


#: The cost of a rare ideograph or Hangul syllable (:func:`.score.char_cost`).
_RARE = 3.5


def _leftover(char: str) -> bool:
    """Could ``char`` be damage left as it was: not ASCII, not a space?"""
    return not char.isascii() and not char.isspace()
