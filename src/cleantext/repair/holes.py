"""Choosing characters for lost bytes, one cluster at a time (step 2 of :mod:`.misread`).

The context rules of :mod:`.infer` choose among a hole's candidates; this module
gives them the text around each cluster (its neighbours as repaired so far), the
candidates they may pick (a CJK mark against dozens of kana), and says which
clusters no rule could ever decide (:func:`hopeless`), so that a region of those
alone is declined before any choice.
"""

from __future__ import annotations

import re
from dataclasses import replace
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from cleantext.repair import bytescan, cjk_words, confirm, infer, lexicon, mark_rules, words
from cleantext.repair.bytescan import Region, Sequence
from cleantext.repair.cluster import (
    CONTEXT,
    LONGEST_WORD,
    LOST,
    UNDECIDED,
    UNKNOWN_BYTES,
    Cluster,
    line_of,
)
from cleantext.repair.cluster_checks import is_known_word
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.quotes import QUOTE_MARKS, QuoteState

__all__ = [
    "Kana",
    "hopeless",
    "kana_in",
    "lone_lead_stays_open",
    "lost_run",
    "resolve",
    "resolve_pair",
    "single_hole",
]


def hopeless(text: str, cluster: Cluster, model: DamageModel) -> bool:
    """True when the cluster can only stay undecided or be rejected, and resolving it
    could not change the quote state: it is :func:`_undecidable`, or its damaged
    characters are a real word (``MOLIÈRE``, vetoed whatever it resolves to) and
    no candidate is a quotation mark.

    A region of such clusters alone is declined without the costly resolution.
    """
    if _undecidable(cluster, model):
        return True
    return is_known_word(text, cluster) and not any(
        QUOTE_MARKS.intersection(bytescan.candidates_for(piece.slots, piece.missing, model))
        for piece in cluster.pieces
    )


def _undecidable(cluster: Cluster, model: DamageModel) -> bool:
    """True when resolving the cluster could only leave it open: one sequence whose
    lost bytes no context rule and no lexicon could choose (``ê`` that lost two C1
    bytes was a character from U+A000 to U+A7DF, Yi syllables and the like).
    """
    if len(cluster.pieces) != 1:
        return False
    piece = cluster.pieces[0]
    return _undecidable_sequence(piece.slots, piece.missing, model)


def lone_lead_stays_open(lead: str, model: DamageModel) -> bool:
    """Would ``lead`` (a Latin-1 character that is a UTF-8 lead byte) followed by no
    continuation byte at all only ever stay undecided under ``model``?"""
    length = bytescan.utf8_length(ord(lead))
    return length > 1 and _undecidable_sequence((ord(lead),), length - 1, model)


@lru_cache(maxsize=4096)
def _undecidable_sequence(slots: tuple[int, ...], missing: int, model: DamageModel) -> bool:
    candidates = bytescan.candidates_for(slots, missing, model)
    if len(candidates) == 1:
        return False
    return not (
        candidates
        and (
            infer.could_choose(candidates)
            or lexicon.hole_scripts(candidates)
            or cjk_words.could_fill(candidates)
        )
    )


def _context(text: str, clusters: list[Cluster], index: int, model: DamageModel) -> tuple[str, str]:
    """The text around cluster ``index``, with neighbouring clusters as repaired so far
    (a neighbour not yet resolved counts as its surviving bytes decode, U+FFFD for
    its own holes, so ``GŁÓWNE`` sees the capitals after the hole).

    A hole the neighbour left open stays U+FFFD here, not its best guess: a guess is
    no context (``��Et��`` guessed ``\xa0Et``, a word boundary, and the lexicon
    then read the next hole as ``Età``)."""
    cluster = clusters[index]
    previous = clusters[index - 1] if index else None
    following = clusters[index + 1] if index + 1 < len(clusters) else None
    left_start = max(0, cluster.start - CONTEXT)
    left = text[left_start : cluster.start]
    if previous is not None and previous.end > left_start:
        # what comes before the neighbour too: ``Gr`` of ``GrÃ¼Ãe``, whose ``Ã`` is
        # ``ß`` of ``Grüße``; ``üçe`` alone is a Turkish word
        left = (
            text[left_start : previous.start]
            + (previous.repaired or text[previous.start : previous.end])
            + text[previous.end : cluster.start]
        )
    right_end = min(len(text), cluster.end + CONTEXT)
    if following is None or following.start >= right_end:
        return left, text[cluster.end : right_end]
    right = text[cluster.end : following.start]
    if following.guessed:
        decoded = following.guessed
    elif _undecidable(following, model):  # it will stay as it is (``jusquâà``: ``à``)
        decoded = text[following.start : following.end]
    else:
        decoded = _decoded_tail(following.pieces, model)
    after_following = clusters[index + 2].start if index + 2 < len(clusters) else right_end
    right += decoded + text[following.end : min(after_following, right_end)]
    return left, right


def single_hole(cluster: Cluster, model: DamageModel) -> bool:
    """Is the cluster one sequence whose lost bytes leave more than one candidate?"""
    if len(cluster.pieces) != 1 or cluster.unsupported:
        return False
    piece = cluster.pieces[0]
    return len(bytescan.candidates_for(piece.slots, piece.missing, model)) > 1


def resolve_pair(
    text: str,
    clusters: list[Cluster],
    index: int,
    model: DamageModel,
    quotes: QuoteState,
    kana: Kana,
) -> None:
    """Choose the single holes of clusters ``index`` and ``index + 1`` together
    (``sureââThis`` is ``sure—“This``): chosen one at a time, each would see
    mojibake where the other belongs."""
    first, second = clusters[index], clusters[index + 1]
    left, _ = _context(text, clusters, index, model)
    _, right = _context(text, clusters, index + 1, model)
    options = [
        bytescan.candidates_for(c.pieces[0].slots, c.pieces[0].missing, model)
        for c in (first, second)
    ]
    pair = infer.choose_pair(
        _choosable(options[0], kana), _choosable(options[1], kana), left, right, quotes
    )
    choices = [_kana_as_readily(c, o, kana) for c, o in zip(pair, options, strict=True)]
    if choices != list(pair):  # the two were chosen together: both fall, or neither
        choices = [_undecided(choice, _KANA_NOTE) for choice in pair]
    for cluster, choice, candidates in zip((first, second), choices, options, strict=True):
        cluster.lost = True
        cluster.repaired = choice.char if choice.char is not None else LOST
        cluster.guessed = choice.best
        cluster.confidence = choice.confidence
        cluster.note = choice.note
        cluster.open_holes = [] if choice.char is not None else [(0, candidates)]
        cluster.choices = {0: (choice.confidence, choice.note)}


def resolve(
    text: str,
    clusters: list[Cluster],
    index: int,
    model: DamageModel,
    quotes: QuoteState,
    kana: Kana,
) -> None:
    """Decode the sequences of cluster ``index``, choosing characters for lost bytes.

    The context around the cluster is worked out only when a byte was lost: most
    clusters decode one way.
    """
    cluster = clusters[index]
    context: tuple[str, str] | None = None
    # the marks the cluster decodes before a hole open or close quotations for it
    # (``«общодостъпни»`` in one cluster: ``»`` closes the ``«`` decoded with it)
    quotes = replace(quotes)
    repaired: list[str] = []
    guessed: list[str] = []
    notes: list[str] = []
    confidence = 1.0
    for position, piece in enumerate(cluster.pieces):
        bare = all(value == bytescan.UNKNOWN for value in piece.slots)
        if bare and not _bare_between_ascii(text, cluster):
            cluster.unsupported = True
            return
        candidates = bytescan.candidates_for(piece.slots, piece.missing, model)
        # A lost lead byte leaves only the pool of likely characters to try: one
        # that no rule speaks for is a guess (``��筠`` under Big5 is not ``‸a``).
        lead_lost = piece.slots[0] == bytescan.UNKNOWN
        if not candidates or (lead_lost and not infer.could_choose(candidates)):
            cluster.unsupported = True
            return
        # A lead dropped, or written ``?`` (a real question mark as often), is a guess
        # until a rule names the mark and the word it opens confirms it.
        guessed_lead = lead_lost and model.loss in (Loss.IGNORE, Loss.REPLACE_QUESTION)
        # The one likely character left is not proof either: ``…`` alone of them ends
        # in ``A6``, but so do ``て`` and hundreds more; a rule must name it.
        if len(candidates) == 1 and not lead_lost:
            repaired.append(candidates[0])
            guessed.append(candidates[0])
            quotes.observe(candidates[0])
            continue
        cluster.lost = True
        if context is None:
            context = _context(text, clusters, index, model)
        left_text, right_text = context
        hole = _Hole(
            candidates,
            left_text,
            "".join(guessed),
            _decoded_tail(cluster.pieces[position + 1 :], model) + right_text,
            lead_lost,
        )
        choice = infer.choose(
            _choosable(candidates, kana),
            hole.left + hole.guessed,
            hole.right,
            quotes,
            rule_needed=lead_lost,
        )
        choice = _kana_as_readily(choice, candidates, kana)
        choice = _weighed_against_rivals(choice, hole, text, cluster, model, quotes, kana)
        if guessed_lead and (
            choice.char is None or not _dropped_lead_in_english(text, cluster, choice.char)
        ):
            # No U+FFFD is written for it: the lead may not have been dropped at all
            # but paired into the character before (``、«e`` read as cp949 is ``겶첿``).
            cluster.unsupported = True
            return
        if choice.char is None:
            cluster.open_holes.append((len(guessed), candidates))
        cluster.choices[len(guessed)] = (choice.confidence, choice.note)
        repaired.append(choice.char if choice.char is not None else LOST)
        guessed.append(choice.best)
        if choice.char is None:
            quotes.observe_undecided(candidates)
        else:
            quotes.observe(choice.char)
        confidence = min(confidence, choice.confidence)
        notes.append(choice.note)
    cluster.repaired = "".join(repaired)
    cluster.guessed = "".join(guessed)
    cluster.confidence = confidence if cluster.lost else 0.99
    cluster.note = "; ".join(notes)


class _Hole(NamedTuple):
    """One lost character of a cluster: its candidates, the text before the cluster
    and what the cluster decoded before it, the text after it, and whether its lead
    byte was lost."""

    candidates: tuple[str, ...]
    left: str
    guessed: str
    right: str
    lead_lost: bool


def _weighed_against_rivals(
    choice: infer.Choice,
    hole: _Hole,
    text: str,
    cluster: Cluster,
    model: DamageModel,
    quotes: QuoteState,
    kana: Kana,
) -> infer.Choice:
    """``choice``, undecided where a rival reading fits as well: a letter lost at the
    start of the word a quote would open, a word that lost its first letter, or a
    hole right before it that may be the character chosen, or any character that
    would change the choice."""
    if (
        hole.lead_lost
        and infer.opens_a_quotation(choice)
        and not _words_whole(text, cluster, model.wrong_codec == "ascii")
    ):
        choice = _undecided(choice, "lost bytes: a letter lost at the word's start fits too")
    if infer.rivalled_by_a_lost_first_letter(
        choice, hole.candidates, hole.left + hole.guessed, hole.right, _vanishing_letters(model)
    ):
        choice = _undecided(choice, "lost byte: a word that lost its first letter fits too")
    before = cluster.open_holes[-1][1] if cluster.open_holes else ()
    if choice.char is not None and cluster.open_holes[-1:] == [(len(hole.guessed) - 1, before)]:
        # The character before it is a hole.  The choice stands only if that hole
        # could not be the character chosen (``”…`` read as cp949 is ``��앪��``:
        # the first hole may be the ``”`` chosen for the second), and if every
        # kind of character the hole may be gives it, since the rules read the
        # character before a lost one (``步�。``: any ideograph there).
        left = hole.left + hole.guessed[:-1]
        choosable = _choosable(hole.candidates, kana)
        if choice.char in before or any(
            infer.choose(
                choosable, left + other, hole.right, quotes, rule_needed=hole.lead_lost
            ).char
            != choice.char
            for other in _each_kind(before)
        ):
            choice = _undecided(choice, "lost byte: the character before it was not decided")
    return choice


@lru_cache(maxsize=1024)  # the candidate tuples of holes come back, thousands long
def _each_kind(candidates: tuple[str, ...]) -> tuple[str, ...]:
    """One candidate of each kind the choice rules tell apart: an ideograph, kana or
    Hangul syllable stands for all of them (the rules ask only whether a character
    is CJK), any other character for itself."""
    kinds: dict[str, str] = {}
    for char in candidates:
        kinds.setdefault("cjk" if mark_rules.is_cjk(char) else char, char)
    return tuple(kinds.values())


_HANGUL_WORD = re.compile("[\uac00-\ud7a3]{2}")
_LETTERS_AFTER = re.compile("[A-Za-z]*")
_LETTERS_BEFORE = re.compile("[A-Za-z]*\\Z")


def _dropped_lead_in_english(text: str, cluster: Cluster, mark: str) -> bool:
    """Is a mark whose first bytes were dropped (``쏧f`` is ``“If``) confirmed: the
    English word it opens, or the contraction it makes, is common, and its line
    holds no Korean word (two Hangul syllables in a row)?

    The syllables such damage leaves lie beyond KS X 1001, but Korean may still write
    one; in English text read as cp949 each stands alone, glued to English words.
    """
    if mark.isalnum():
        # a letter, not a mark: the word after it is its own word's end, not one it
        # opens (``??쁎r``, what cp949 with ``?`` leaves of ``‘Or``, is not ``??ȘOr``)
        return False
    start, end = line_of(text, cluster.start)
    if _holds_a_korean_word(text, start, end):
        return False
    trail = "".join(chr(piece.slots[0]) for piece in cluster.pieces if piece.is_ascii)
    after = _LETTERS_AFTER.match(text, cluster.end)
    word = trail + (after.group() if after else "")
    if mark == "’":
        before = _LETTERS_BEFORE.search(
            text[max(start, cluster.start - LONGEST_WORD) : cluster.start]
        )
        word = (before.group() if before else "") + "'" + word
    return len(word) >= 2 and words.zipf(word.lower(), "en") >= confirm.CONFIRM_ZIPF


@lru_cache(maxsize=16)  # lines of the last texts; each entry keeps its text alive
def _holds_a_korean_word(text: str, start: int, end: int) -> bool:
    """Does the line from ``start`` to ``end`` hold two Hangul syllables in a row?

    Cached, so a line of many such marks is searched once, not once a mark (a
    5 000-character line of ``Putin셲 said`` took 1.4 s, the line searched 4 000
    times); ``text`` keeps its hash, so the key costs no more than its offsets.
    """
    return _HANGUL_WORD.search(text, start, end) is not None


def _bare_between_ascii(text: str, cluster: Cluster) -> bool:
    """Is the cluster one run of bare U+FFFD (no byte of the character survived) with
    ASCII or the text's edge on both sides?

    Only there do the context rules (contractions, quotation marks, dashes between
    words, a word's lexicon) know what the run was.  Beside CJK text a run is as
    often a lost ideograph or kana as punctuation, and the candidates tried for it
    hold no ideograph: it stays as it is.
    """
    if len(cluster.pieces) != 1:
        return False
    start, end = lost_run(text, cluster)
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return (before + after).isascii()


#: The longest run of U+FFFD read as one unit: four, two two-byte letters (:mod:`.bytescan`).
_LONGEST_LOST_RUN = 4


def lost_run(text: str, cluster: Cluster) -> tuple[int, int]:
    """The run of U+FFFD that ``cluster`` is part of, if it is at most
    :data:`_LONGEST_LOST_RUN` long (a run of four between two letters is two
    characters, each a cluster); the cluster itself in a longer run.  Looking no
    further keeps a long run linear: each of its clusters would walk all of it."""
    start = cluster.start
    while start > 0 and text[start - 1] == LOST and cluster.end - start < _LONGEST_LOST_RUN:
        start -= 1
    end = cluster.end
    while end < len(text) and text[end] == LOST and end - start < _LONGEST_LOST_RUN:
        end += 1
    if text[start - 1 : start] == LOST or text[end : end + 1] == LOST:
        return cluster.start, cluster.end  # a longer run
    return start, end


#: The alphabets whose letters :func:`_vanishing_letters` looks at: Latin (with
#: Vietnamese's), Greek and Cyrillic, the scripts with lexicons.
_LEXICON_ALPHABETS = (range(0xC0, 0x250), range(0x370, 0x530), range(0x1E00, 0x1F00))


@lru_cache(maxsize=64)
def _vanishing_letters(model: DamageModel) -> frozenset[str]:
    """Letters whose every byte ``model`` drops, leaving no trace, in lowercase as the
    lexicons hold them: EUC-JP with ``errors="ignore"`` pairs neither byte of ``đ``
    (``C4 91``) nor of ``À``."""
    if model.loss is not Loss.IGNORE:
        return frozenset()
    return frozenset(
        char.lower()
        for block in _LEXICON_ALPHABETS
        for char in map(chr, block)
        if char.isalpha() and not char.encode("utf-8").decode(model.wrong_codec, "ignore")
    )


#: CJK punctuation a lost byte is often taken for: in Chinese text, rightly.
_CJK_MARKS = frozenset("。、「」")


class Kana(Enum):
    """How much kana a region writes, which says whether it is Japanese."""

    NONE = "none"  # three-byte sequences enough, few starting with E3, none a kana: Chinese
    UNKNOWN = "unknown"  # too few three-byte sequences to tell
    SOME = "some"  # a kana decodes from it: Japanese
    RICH = "rich"  # most three-byte sequences start with E3, as kana do


def kana_in(region: Region) -> Kana:
    """How much kana the region writes.

    Where most of its three-byte sequences start with ``E3``, as kana do, it is
    Japanese, and a hole that could be ``、`` could as well be any of dozens of
    kana; in Chinese, ``E3`` leads only CJK punctuation.  A region with a kana in
    it, though fewer, is Japanese too; one with too few three-byte sequences to
    tell, or a share of ``E3`` between Chinese and Japanese, may be either.
    """
    # the leads of CJK characters: E2's typography (``™ – …``) tells no language
    leads = [piece.slots[0] for piece in region.pieces if 0xE3 <= piece.slots[0] <= 0xE9]
    if len(leads) >= _KANA_EVIDENCE and leads.count(0xE3) >= _KANA_SHARE * len(leads):
        return Kana.RICH
    if any(_decodes_to_kana(piece) for piece in region.pieces):
        return Kana.SOME
    chinese = len(leads) >= _KANA_EVIDENCE and leads.count(0xE3) < _CHINESE_SHARE * len(leads)
    return Kana.NONE if chinese else Kana.UNKNOWN


def _decodes_to_kana(piece: Sequence) -> bool:
    """Is the sequence a whole hiragana or katakana (``E3 81 80`` to ``E3 83 BF``)?"""
    slots = piece.slots
    return piece.complete and len(slots) == 3 and slots[0] == 0xE3 and 0x81 <= slots[1] <= 0x83


#: Three-byte CJK sequences a region needs to be told Chinese or Japanese.  Four had
#: read Japanese whose kana Big5 had turned into bare U+FFFD (``楽し うち 救い``,
#: the leads ``E4 E5 E6 E3`` left) as Chinese, and the ``し`` as ``、``.
_KANA_EVIDENCE = 5
#: Lines of CPython's CJK samples: Japanese 0.64 and up, Chinese 0.11 at most.
_KANA_SHARE = 0.4
#: Below this share the region is Chinese; between the two it may be either.
_CHINESE_SHARE = 0.3
_KANA_RIVALS = 16


@lru_cache(maxsize=4096)  # the same candidate tuples come back, some thousands long
def _choosable(candidates: tuple[str, ...], kana: Kana) -> tuple[str, ...]:
    """The candidates a context rule may pick: in kana-rich text, no CJK mark when
    dozens of kana are candidates too (two lost bytes after ``E3``); one lost byte
    of ``。`` leaves only a few kana beside it, and the mark stays choosable.  In
    Chinese the iteration mark ``々`` is no candidate: Chinese does not write it."""
    if kana is Kana.NONE and "々" in candidates:
        return tuple(char for char in candidates if char != "々")
    if kana is not Kana.RICH or not _among_kana(candidates):
        return candidates
    return tuple(char for char in candidates if char not in _CJK_MARKS)


@lru_cache(maxsize=4096)
def _among_kana(candidates: tuple[str, ...]) -> bool:
    """Are dozens of kana candidates beside a CJK mark?"""
    if not _CJK_MARKS.intersection(candidates):
        return False
    return sum("\u3040" <= char <= "\u30ff" and char.isalpha() for char in candidates) >= (
        _KANA_RIVALS
    )


def _kana_as_readily(choice: infer.Choice, candidates: tuple[str, ...], kana: Kana) -> infer.Choice:
    """``choice``, or no choice where it is a CJK mark that dozens of kana rival in a
    region not shown to be Chinese (``水を`` read as EUC-JP with U+FFFD keeps only
    the ``E3`` of ``を``: it had become ``水、``)."""
    if choice.char not in _CJK_MARKS or kana is Kana.NONE or not _among_kana(candidates):
        return choice
    return _undecided(choice, _KANA_NOTE)


_KANA_NOTE = "lost bytes: a kana as readily as a CJK mark"


def _words_whole(text: str, cluster: Cluster, byte_by_byte: bool) -> bool:
    """Does the line of ``cluster`` hold a word of two letters or more that lost no
    byte (the word after the cluster aside), or does that word end in a hole before
    anything but a letter, as a quotation does (``���Hello���``)?

    Where no byte of a hole survives, a hole at a word's start is a lost letter as
    readily as an opening quote: ``���I NH���NG G����NG`` is Vietnamese ``ỦI NHỮNG
    GƯƠNG`` read as ASCII.  Words that lost nothing show a text whose letters are
    whole (``���If you���re coming, say so``).  Where each lost byte left one hole
    (``byte_by_byte``), two holes between letters were a letter (no mark of two
    bytes stands inside a word), and a line that lost letters inside its words has
    no quotation shape to go by: ``H��N ���NG���`` is Vietnamese ``HƠN ỨNG…``."""
    start, end = line_of(text, cluster.start)
    after = _LETTER_RUN.match(text, cluster.end, end)
    if after is not None:
        beyond = after.end()
        while beyond < end and text[beyond] in UNKNOWN_BYTES:
            beyond += 1
        if (
            beyond > after.end()
            and not text[beyond : beyond + 1].isalpha()
            and not (byte_by_byte and _lost_a_letter_of_two_bytes(text, start, end))
        ):
            return True
    return any(
        word != (cluster.end, after.end() if after else cluster.end)
        for word in _whole_words(text, start, end)
    )


@lru_cache(maxsize=16)  # one scan a line, not one a hole
def _lost_a_letter_of_two_bytes(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` hold two holes between letters, each a byte: a
    letter of two bytes (``H��N``)?"""
    return _LETTER_OF_TWO_BYTES.search(text, start, end) is not None


_LETTER_OF_TWO_BYTES = re.compile("(?<=[^\\W\\d_])\ufffd\ufffd(?=[^\\W\\d_])")


@lru_cache(maxsize=16)  # the lines of the last texts: one scan a line, not one a hole
def _whole_words(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The spans of the words of two letters or more in ``text[start:end]`` that no
    lost byte, damaged character or other letter touches."""
    return tuple(
        match.span()
        for match in _LETTER_RUN.finditer(text, start, end)
        if match.end() - match.start() > 1
        and _beside_a_whole_word(text[max(start, match.start() - 1) : match.start()])
        and _beside_a_whole_word(text[match.end() : min(end, match.end() + 1)])
    )


def _beside_a_whole_word(char: str) -> bool:
    """Can ``char`` (empty at the line's edge) stand beside a whole word?"""
    return not char or (char.isascii() and not char.isalnum() and char != "?")


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _undecided(choice: infer.Choice, note: str) -> infer.Choice:
    """``choice`` left open, for the reason ``note`` gives."""
    if choice.char is None:
        return choice
    return infer.Choice(None, choice.best, choice.best_score, UNDECIDED, note)


def _decoded_tail(pieces: list[Sequence], model: DamageModel) -> str:
    out: list[str] = []
    for piece in pieces:
        candidates = bytescan.candidates_for(piece.slots, piece.missing, model)
        out.append(candidates[0] if len(candidates) == 1 else LOST)
    return "".join(out)
