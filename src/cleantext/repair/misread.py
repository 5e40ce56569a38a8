"""Repair UTF-8 that was read with the wrong codec, losslessly or with lost bytes.

This is the shared machinery behind the multi-byte (GBK, Big5, Shift-JIS, ...) and
the lossy Latin-1 families.  For one damage model it:

1. re-reads the text as UTF-8 through the wrong codec (:mod:`.bytescan`),
2. resolves lost bytes from context (:mod:`.infer`),
3. cuts each region into *clusters*, the smallest spans that map whole damaged
   characters to whole repaired ones,
4. keeps a cluster only when re-applying the damage to the repair gives back the
   damaged text exactly, and the words it touches were not real words already,
5. accepts a region's clusters only when together they make the text clearly
   more plausible (:func:`.score.clearly_better` on the changed spans).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import Enum
from functools import lru_cache

from cleantext.repair import bytescan, cjk_words, confirm, infer, lexicon, score, screen
from cleantext.repair.bytescan import Region, Sequence
from cleantext.repair.models import OLDER_CODEC, DamageModel, Loss

__all__ = ["Repair", "find_repairs", "lone_lead_stays_open", "with_note"]

LOST = "\ufffd"
_DECIDED = 0.75  # confidence of a lost byte the context decided on its own
_UNDECIDED = 0.3  # confidence of a lost byte left open, as :func:`infer.choose` gives it


@dataclass(frozen=True, slots=True)
class Repair:
    """A verified repair of ``text[start:end]``."""

    start: int
    end: int
    repaired: str  # U+FFFD where the evidence did not decide a lost byte
    guessed: str  # the most likely character in every such hole
    model: DamageModel
    confidence: float
    gain: float
    note: str
    bytes_lost: bool


@dataclass(slots=True)
class _Cluster:
    start: int
    end: int
    pieces: list[Sequence]
    repaired: str = ""
    guessed: str = ""  # with the best candidate in every unresolved hole, for verification
    confidence: float = 1.0
    note: str = ""
    lost: bool = False
    unsupported: bool = False
    open_holes: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    #: Per lost-byte character (by index in ``guessed``): the confidence and the note.
    choices: dict[int, tuple[float, str]] = field(default_factory=dict)


#: Runs that can hold damaged characters: ASCII always encodes to itself, so it
#: never belongs to a damaged multi-byte sequence (except ``?`` standing for a lost byte).
_RUN = re.compile(r"[^\x00-\x7f]+")
#: Under the C1 losses the text was read as Latin-1, so only the upper half of
#: Latin-1 (and the mark standing for a lost byte) can be damage; any other
#: character is a wall.  Runs of those alone keep a CJK line next to the evidence
#: from being read character by character.
_LOSS_RUNS = {
    Loss.STRIP_C1: re.compile("[\u00a0-\u00ff]+"),
    Loss.C1_TO_QUESTION: re.compile("[\u00a0-\u00ff?]+"),
    Loss.C1_TO_FFFD: re.compile("[\u00a0-\u00ff\ufffd]+"),
    # a CJK codec's lost bytes written "?": non-ASCII runs and the marks beside them
    Loss.REPLACE_QUESTION: re.compile("[^\x00-\x3e\x40-\x7f]+"),
}


def find_repairs(
    text: str, model: DamageModel, spans: Iterable[tuple[int, int]] | None = None
) -> list[Repair]:
    """Every verified, plausible repair of ``text`` under ``model``.

    ``spans`` (sorted, non-overlapping) limit the search to where the screen saw
    evidence; the default is the whole text.
    """
    quotes = infer.QuoteState()
    repairs: list[Repair] = []
    for region in _regions(text, model, [(0, len(text))] if spans is None else spans):
        repairs.extend(_repair_region(text, region, model, quotes))
    return _copies_alike(text, repairs)


def _copies_alike(text: str, repairs: list[Repair]) -> list[Repair]:
    """The repairs, each copy of a damaged word on a line that lost bytes repaired
    alike: a character the copies chose differently, or one left undecided, stays
    U+FFFD in every copy.

    The rules see each copy's own neighbours, and a word that is one word in every
    copy cannot be two: in ``USTAW — USTAW. Do��u — Do��u — ROZBRAJANIE``, read
    as ASCII, the lexicon made the first ``Dołu`` in the line's Polish and left the
    second undecided among ``ğ đ š``; it was ``Doğu`` twice.  A word is ASCII
    letters around the repair (a mark alone, ``鈥``, is a dash here and a quote
    there; in Latin-1 mojibake the characters around are bytes of others), and
    copies are looked for on the repair's line, which a text cut into chunks keeps
    whole.
    """
    copies: dict[tuple[int, str, int], list[int]] = {}
    for index, repair in enumerate(repairs):
        if repair.bytes_lost:
            start, end = _damaged_word(text, repair.start, repair.end)
            around = text[start : repair.start] + text[repair.end : end]
            if around.isascii() and around.isalpha():
                line = text.rfind("\n", 0, repair.start)
                key = (line, text[start:end], repair.start - start)
                copies.setdefault(key, []).append(index)
    for indices in copies.values():
        readings = {repairs[index].repaired for index in indices}
        if len(readings) < 2 or len({len(reading) for reading in readings}) > 1:
            continue
        alike = "".join(
            chars[0] if len(set(chars)) == 1 else LOST for chars in zip(*readings, strict=True)
        )
        for index in indices:
            if repairs[index].repaired != alike:
                repairs[index] = replace(
                    repairs[index],
                    repaired=alike,
                    note=with_note(repairs[index].note, "a copy of the word was read otherwise"),
                )
    return repairs


def _damaged_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the word around ``text[start:end]``: letters and lost bytes."""
    while start and (text[start - 1].isalpha() or text[start - 1] in _UNKNOWN_BYTES):
        start -= 1
    while end < len(text) and (text[end].isalpha() or text[end] in _UNKNOWN_BYTES):
        end += 1
    return start, end


def _regions(text: str, model: DamageModel, spans: Iterable[tuple[int, int]]) -> list[Region]:
    """Scan only the runs that can be damage; join regions that only ASCII separates.

    A joined region's pieces are gathered in a list and made a region once: adding
    each run's pieces to a tuple copied the whole region again at every join, which
    was quadratic on a long line of damage (``鈥渘o鈥? `` repeated).
    """
    bounds: list[tuple[int, int]] = []
    pieces: list[list[Sequence]] = []
    for start, end in spans:
        joinable_at = -1  # where the last region ended, if it ended at the end of its run
        for run in _runs(text, start, end, model):
            for region in bytescan.scan(text, run.start(), run.end(), model):
                if (
                    bounds
                    and joinable_at >= 0
                    and region.start == run.start()
                    and text[joinable_at : run.start()].isascii()
                ):
                    bounds[-1] = (bounds[-1][0], region.end)
                    pieces[-1].extend(region.pieces)
                else:
                    bounds.append((region.start, region.end))
                    pieces.append(list(region.pieces))
            joinable_at = run.end() if bounds and bounds[-1][1] == run.end() else -1
    return [
        Region(first, last, tuple(found))
        for (first, last), found in zip(bounds, pieces, strict=True)
    ]


def _runs(text: str, start: int, end: int, model: DamageModel) -> Iterator[re.Match[str]]:
    """The runs between ``start`` and ``end`` that can be damage under ``model``.

    A run the scan would find nothing in is left out: the join of two regions
    needs only ASCII between them, so a run left out between them keeps them apart
    as a scan finding nothing there did.
    """
    run_pattern = _LOSS_RUNS.get(model.loss, _RUN)
    if model.loss is not Loss.NONE:
        yield from run_pattern.finditer(text, start, end)
        return
    pair = screen.lead_and_continuation_re(model.wrong_codec)
    if pair is None:
        for run in run_pattern.finditer(text, start, end):
            if _may_hold_sequence(run.group(), model.wrong_codec):
                yield run
        return
    # A single-byte codec writes each character as one byte: a run holds a lead
    # byte followed by a continuation exactly when its characters do.  Searching
    # for those skips, in C, the words of Cyrillic or Greek prose that hold none.
    covered = start
    for hit in pair.finditer(text, start, end):
        if hit.start() < covered:
            continue
        first = hit.start()
        while first > start and not text[first - 1].isascii():
            first -= 1
        whole = run_pattern.match(text, first, end)
        if whole is None:  # pragma: no cover - the hit itself is a non-ASCII run
            continue
        yield whole
        covered = whole.end()


#: A UTF-8 lead byte followed by a continuation byte: where lossless damage can start.
_SEQUENCE_START = re.compile(b"[\xc2-\xf4][\x80-\xbf]")


def _may_hold_sequence(run: str, codec: str) -> bool:
    """Could the bytes of ``run`` under ``codec`` hold a complete multi-byte UTF-8 sequence?

    Without one, a lossless scan finds no region, so the byte-by-byte scan is
    skipped (Cyrillic or Spanish words are runs that re-encode to no UTF-8 at all).
    A character the codec cannot encode becomes ``?``: it breaks a sequence, as it
    does in the scan.
    """
    return _SEQUENCE_START.search(run.encode(codec, "replace")) is not None


def _clusters(region: Region) -> list[_Cluster]:
    """Group sequences that share a damaged character; drop plain ASCII."""
    clusters: list[_Cluster] = []
    for piece in region.pieces:
        if clusters and piece.first_char < clusters[-1].end:
            clusters[-1].pieces.append(piece)
            clusters[-1].end = max(clusters[-1].end, piece.last_char + 1)
        else:
            clusters.append(_Cluster(piece.first_char, piece.last_char + 1, [piece]))
    return [c for c in clusters if not all(piece.is_ascii for piece in c.pieces)]


def _repair_region(
    text: str, region: Region, model: DamageModel, quotes: infer.QuoteState
) -> list[Repair]:
    clusters = _clusters(region)
    if not clusters:
        return []
    if all(_hopeless(text, cluster, model) for cluster in clusters):
        for cluster in clusters:  # what the loop below would do with the quotes
            quotes.advance(text, cluster.start)
            quotes.position = cluster.end
        return []
    paired = -1  # index of a cluster already chosen together with the one before it
    kana = _kana_in(region)
    for index, cluster in enumerate(clusters):
        quotes.advance(text, cluster.start)
        if index != paired:
            _resolve(text, clusters, index, model, quotes, kana)
            # Two adjacent single holes, each chosen without seeing the other, are
            # chosen together instead (``sureââThis`` → ``sure—“This``).
            following = clusters[index + 1] if index + 1 < len(clusters) else None
            after = clusters[index + 2] if index + 2 < len(clusters) else None
            previous = clusters[index - 1] if index else None
            if (
                following is not None
                and following.start == cluster.end
                # exactly two holes in a row; longer runs are not text worth pairing
                and (previous is None or previous.end != cluster.start)
                and (after is None or after.start != following.end)
                and _single_hole(cluster, model)
                and _single_hole(following, model)
            ):
                _resolve_pair(text, clusters, index, model, replace(quotes), kana)
                paired = index + 1
        if cluster.unsupported and _lost_bytes_in(cluster):
            # left as it was: what its lost bytes were is as unknown as an open hole
            quotes.observe_undecided(_ANY_CLOSING_MARK)
        undecided = dict(cluster.open_holes)
        for position, char in enumerate(cluster.repaired):
            if position in undecided:
                quotes.observe_undecided(undecided[position])
            else:
                quotes.observe(char)
        quotes.position = cluster.end
    _fill_from_lexicon(text, region, clusters, model)
    _fill_from_cjk_words(text, clusters, model)
    if not any(_decided_change(text, cluster) for cluster in clusters):
        return []  # what the checks below would conclude: they only take clusters away
    accepted: list[_Cluster] = []
    rejected = 0
    for cluster in clusters:
        if (
            cluster.unsupported
            or _unassigned(cluster.repaired)
            or not _verified(text, cluster, model)
        ):
            rejected += 1
            continue
        if (
            _is_known_word(text, cluster)
            or _lone_katakana(text, cluster)
            or _lone_unknown_letter(text, cluster)
            or _sign_glued_before_a_word(text, cluster)
        ):
            rejected += 1
            continue
        if (
            _EXTENSION_A.search(cluster.repaired)
            or _holes_of_extension_a(cluster)
            or (
                (model.loss is Loss.IGNORE or _beside_unread(text, region, cluster, model))
                and (
                    _rare_cjk_from_drops(cluster)
                    or (
                        _drops_between_pairs(text, cluster, model) and _whole_beside_a_drop(cluster)
                    )
                )
            )
        ):
            continue  # left as it was; not counted against the rest of the region
        accepted.append(cluster)
    alien = _alien_scripts(text, accepted)
    alien += [c for c in _foreign_to_line(text, accepted) if c not in alien]
    while alien:
        # Left as they were, the alien clusters are the context of their neighbours:
        # Cyrillic read between the ``亞`` and ``舒`` kept of ``Oрганизацията``
        # would be glued to them.
        rejected += len(alien)
        accepted = [c for c in accepted if c not in alien]
        alien = _alien_scripts(text, accepted)
    lone = _lone_foreign_letters(text, accepted)
    rejected += len(lone)
    changed = [c for c in accepted if c.repaired != text[c.start : c.end] and c not in lone]
    if len(changed) > 1:
        carried = _carried(text, changed)
        rejected += len(carried)
        changed = [c for c in changed if c not in carried]
    decided = [c for c in changed if LOST not in c.repaired]
    if not decided or rejected > len(changed):
        return []
    if model.loss is Loss.IGNORE and len(changed) - len(decided) > len(decided):
        # Bytes dropped without a trace all over the region: what looks complete
        # there can be bytes of several characters the drops brought together
        # (Chinese read as Big5 loses most continuation bytes, and ``蝘賢撩``
        # re-reads as a valid but wrong ``秽强``), unless it completes a common
        # word of its own (``compl猫tent`` is ``complètent``), or is one damaged
        # character with ASCII on both sides, where no drop could join its bytes to
        # another character's (``Lucr猫ce``).
        changed = decided = _completing_words(text, decided)
        if not decided:
            return []
    original, repaired = _with_context(text, changed)
    effective = _effective_model(model, changed)
    notes: tuple[str, ...] | None = None
    # ``ｶﾀｶﾅ ﾃｽﾄ`` is Japanese: bare half-width katakana needs a confirmation whatever
    # its score (Shift-JIS mojibake shows itself by a word, or by the place of a
    # symbol: ``COPYRIGHT ﾂｩ 2019``), the rest only when it falls short of the margin.
    if all(_bare_katakana(text, c) for c in changed) or (
        not _context_decided(changed)
        and not score.clearly_better(original, repaired, margin=_margin(effective))
    ):
        notes = confirm.confirming_notes(text, [(c.start, c.end, c.repaired) for c in changed])
        if notes is None:
            return []
    return [
        Repair(
            c.start,
            c.end,
            c.repaired,
            c.guessed,
            effective,
            c.confidence,
            _gain(text, c),
            c.note if notes is None else with_note(c.note, note),
            c.lost,
        )
        for c, note in zip(changed, notes or [""] * len(changed), strict=True)
    ]


_ANY_CLOSING_MARK = ("”", "’", "“")


def _lone_foreign_letters(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """Clusters that write one letter standing alone, of a script (not Latin or CJK)
    that no word of its line is in, damaged or repaired.

    Text in such a script writes words of several letters; single letters with no
    word of their script in sight are what coincidences make.  GBK read ``丕`` and
    ``丿``, all that EUC-JP dropping bytes left of Ukrainian ``Є І У ПРО ПЕРШЕ!``,
    as the Arabic ``ا`` and ``د``, and ``怨``, what it left of ``英国``, as the
    Armenian ``Թ``.
    """
    lone: list[_Cluster] = []
    in_words: set[str] = set()
    for cluster in clusters:
        letter = cluster.repaired
        beside = text[cluster.start - 1 : cluster.start] + text[cluster.end : cluster.end + 1]
        script = score.script_of(letter) if len(letter) == 1 and letter.isalpha() else ""
        if script in ("", "LATIN", "CJK") or not all(map(_word_boundary, beside)):
            in_words.update(map(score.script_of, letter))
        else:
            lone.append(cluster)
    if not lone:
        return []
    # the damaged line, which holds none of the repairs' letters
    start = text.rfind("\n", 0, lone[0].start) + 1
    end = text.find("\n", lone[-1].end)
    in_words.update(map(score.script_of, text[start : end if end >= 0 else len(text)]))
    return [cluster for cluster in lone if score.script_of(cluster.repaired) not in in_words]


def _word_boundary(char: str) -> bool:
    """Is ``char`` a space or ASCII punctuation, but for the ``?`` of lost bytes?"""
    return char.isspace() or (char.isascii() and not char.isalnum() and char != "?")


def _carried(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """The clusters that read bytes, when every one of them is read whole (no byte
    lost) and makes its spot less plausible, and the region's other repairs read no
    byte at all (runs of U+FFFD or ``?``).

    Those runs carry them past the margin, but speak for no codec: any codec that
    lost the bytes reads them alike.  Big5 read ``辿``, EUC-JP's ``é``, as the tone
    letter ``˦`` in ``recommand˦`` and ``cr˦˦s``, carried by the ``’`` it restored
    in ``toda���s``.
    """
    read = [c for c in clusters if not _bare(c)]
    if len(read) == len(clusters) or any(c.lost or _gain(text, c) >= 0 for c in read):
        return []
    return read


def _bare(cluster: _Cluster) -> bool:
    """Did the cluster read no byte (only U+FFFD or ``?`` where bytes were)?"""
    return all(value == bytescan.UNKNOWN for piece in cluster.pieces for value in piece.slots)


def _unassigned(repaired: str) -> bool:
    """Does ``repaired`` hold a code point Unicode assigns no character to (outside
    the emoji blocks, where characters newer than this Python's tables arrive), a
    noncharacter or a surrogate?  No text holds one: EUC-JP read ``霈賢``, what Big5
    left of ``讽刺``, as U+3EE2D, carried in a region by the holes around it."""
    return any(
        unicodedata.category(char) in ("Cn", "Cs") and ord(char) not in score.EMOJI_BLOCKS
        for char in repaired
        if not char.isascii()
    )


def _completing_words(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """The clusters that lost no byte and complete a common word on their own
    (:func:`.confirm.confirming_notes`) or are one damaged character between ASCII
    characters (:func:`_one_between_ascii`)."""
    return [
        cluster
        for cluster in clusters
        if not cluster.lost
        and (
            _one_between_ascii(text, cluster)
            or confirm.confirming_notes(text, [(cluster.start, cluster.end, cluster.repaired)])
            is not None
        )
    ]


def _one_between_ascii(text: str, cluster: _Cluster) -> bool:
    """Is the cluster one damaged character read whole as one character, with an ASCII
    character (or the text's edge) on each side?  Its bytes are all the codec read
    there: a drop beside it took whole characters, and joined none of their bytes
    to its own."""
    before = text[cluster.start - 1 : cluster.start]
    after = text[cluster.end : cluster.end + 1]
    return (
        cluster.end - cluster.start == 1
        and len(cluster.repaired) == 1
        and len(cluster.pieces) == 1
        and (before + after).isascii()
    )


def _lost_bytes_in(cluster: _Cluster) -> bool:
    """Did the damage lose bytes of this cluster's characters?"""
    return any(not piece.complete for piece in cluster.pieces)


def _rare_cjk_from_drops(cluster: _Cluster) -> bool:
    """Does a cluster, in text whose bytes were dropped, make a rare ideograph or
    Hangul syllable?  The drops can bring together the bytes of several characters
    into a valid one: cp949 dropped ``AF E3 80`` from ``路、`` and left ``E8 B7 81``,
    the rare ``跁``, where the common ``路`` was; EUC-JP made ``줰`` of ``준우``."""
    return any(_RARE_CJK.match(char) and score.char_cost(char) > 1.0 for char in cluster.repaired)


_RARE_CJK = re.compile("[\u3000-\u303f\u3400-\u9fff\uac00-\ud7a3]")
#: Ideographs of CJK extension A, which no text of the corpora holds, while byte
#: coincidences make them readily: cp932 read ``窶吶ｳｵ``, what Shift-JIS left of
#: ``’、복``, as ``’㳵``.  A repair writing one is left as it was, whatever its model.
_EXTENSION_A = re.compile("[\u3400-\u4dbf]")


#: Codecs whose trail bytes exclude 80-A0: they drop most continuation bytes, and
#: pair the ones left with the bytes of the next character (GBK, cp932 and cp949
#: take nearly any byte as a trail, and drop little).
_DROPS_BETWEEN_PAIRS = frozenset({"big5", "euc_kr", "euc_jp"})


def _holes_of_extension_a(cluster: _Cluster) -> bool:
    """Is every character an open hole of the cluster could be an ideograph of CJK
    extension A?  Then the hole is no more likely than the ideograph: GBK read the
    ``惘`` EUC-JP left beside a U+FFFD as a lost byte of ``㯀`` or ``㯁``, and the hole
    had carried a wrong letter beside it past the margin (``Formaci̹n``)."""
    return bool(cluster.open_holes) and all(
        all(_EXTENSION_A.match(char) for char in candidates) for _, candidates in cluster.open_holes
    )


def _beside_unread(text: str, region: Region, cluster: _Cluster, model: DamageModel) -> bool:
    """Is the cluster glued to a character the region could not read, though the
    wrong codec writes it?  Where bytes were replaced, every byte is read or marked,
    so such residue shows that bytes vanished there, and the rules for dropped bytes
    apply.  A line whose bytes cp932 dropped is read as replaced once a repair has
    left a hole in it (``Возне�ения``); ``嵓｡``, what the drops left of ``프로``, had
    then become ``픡``, beside the unread ``懋``."""
    for position in (cluster.start - 1, cluster.end):
        if region.start <= position < region.end or not 0 <= position < len(text):
            continue
        char = text[position]
        if char.isascii() or char.isspace() or char == LOST:
            continue
        try:
            char.encode(model.wrong_codec)
        except UnicodeEncodeError:
            continue
        return True
    return False


def _drops_between_pairs(text: str, cluster: _Cluster, model: DamageModel) -> bool:
    """Was the cluster read by a codec of :data:`_DROPS_BETWEEN_PAIRS`?  A cp949
    reading may be of what EUC-KR, which cp949 extends, left: so it is when every
    damaged character of the cluster is EUC-KR's too."""
    if model.wrong_codec in _DROPS_BETWEEN_PAIRS:
        return True
    if model.wrong_codec != "cp949":
        return False
    damaged = text[cluster.start : cluster.end].encode("cp949", "replace")
    # EUC-KR's pairs are made of bytes A1-FE; cp949's extension also uses 41-A0
    return all(byte >= 0xA1 for byte in damaged if byte >= 0x80)


def _whole_beside_a_drop(cluster: _Cluster) -> bool:
    """Does a whole three-byte character of the cluster share a damaged character
    with a sequence that lost bytes?

    Drops fall between the characters the wrong codec read, so a three-byte
    character read across one may hide a drop: EUC-KR kept ``E5 A7`` of ``始`` and
    paired the ``A6`` of ``て`` (its ``E3 81`` dropped) with the next lead, and the
    repair read ``E5 A7 A6``, ``姦``, beside the holes of the rest.  Whole next to
    a drop, such a character is as likely made of two characters' bytes."""
    for first, second in itertools.pairwise(cluster.pieces):
        if first.last_char != second.first_char or first.complete == second.complete:
            continue
        whole = first if first.complete else second
        if len(whole.slots) == 3:
            return True
    return False


def _decided_change(text: str, cluster: _Cluster) -> bool:
    """Could the cluster be a decided change: supported, changing the text, no hole left?"""
    return (
        not cluster.unsupported
        and LOST not in cluster.repaired
        and cluster.repaired != text[cluster.start : cluster.end]
    )


def with_note(note: str, extra: str) -> str:
    """``note`` with ``extra`` appended."""
    return f"{note}; {extra}" if note else extra


def _hopeless(text: str, cluster: _Cluster, model: DamageModel) -> bool:
    """True when the cluster can only stay undecided or be rejected, and resolving it
    could not change the quote state: it is :func:`_undecidable`, or its damaged
    characters are a real word (``MOLIÈRE``, vetoed whatever it resolves to) and
    no candidate is a quotation mark.

    A region of such clusters alone is declined without the costly resolution.
    """
    if _undecidable(cluster, model):
        return True
    return _is_known_word(text, cluster) and not any(
        infer.QUOTE_MARKS.intersection(bytescan.candidates_for(piece.slots, piece.missing, model))
        for piece in cluster.pieces
    )


def _undecidable(cluster: _Cluster, model: DamageModel) -> bool:
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


def _with_context(text: str, clusters: list[_Cluster]) -> tuple[str, str]:
    """The changed spans before and after repair, each run of adjacent changes with one
    character of context on each side (so ``the聽Washington`` pays for gluing an
    ideograph to Latin words), runs separated by a space."""
    originals: list[str] = []
    repairs: list[str] = []
    index = 0
    while index < len(clusters):
        first = last = index
        while last + 1 < len(clusters) and clusters[last + 1].start == clusters[last].end:
            last += 1
        start, end = clusters[first].start, clusters[last].end
        before, after = text[max(0, start - 1) : start], text[end : end + 1]
        originals.append(text[max(0, start - 1) : end + 1])
        guessed = "".join(c.guessed for c in clusters[first : last + 1])
        repairs.append(before + guessed + after)
        index = last + 1
    return " ".join(originals), " ".join(repairs)


def _gain(text: str, cluster: _Cluster) -> float:
    """How much more plausible one repair makes its spot, context included, and
    :data:`_WORD_GAIN` more where its letters complete a common word: where two
    codecs read a span, the one that makes a word of it (Big5's ``ť`` of
    ``pochopi聽``, ``pochopiť``) is likelier than one that leaves none (GBK's
    no-break space)."""
    before = text[max(0, cluster.start - 1) : cluster.start]
    after = text[cluster.end : cluster.end + 1]
    gain = score.text_cost(before + text[cluster.start : cluster.end] + after) - score.text_cost(
        before + cluster.guessed + after
    )
    if cluster.guessed.isalpha() and confirm.completes_a_common_word(
        text, cluster.start, cluster.end, cluster.guessed
    ):
        gain += _WORD_GAIN
    return gain


_WORD_GAIN = 1.0


def _context_decided(clusters: list[_Cluster]) -> bool:
    """True when every decided change restored lost bytes that the context clearly
    decided (undecided holes then become U+FFFD).

    ``Heâs`` → ``He’s`` hardly changes the character-level score, but an English
    contraction is strong evidence on its own (and real words were vetoed before).
    """
    decided = [c for c in clusters if LOST not in c.repaired]
    return bool(decided) and all(c.lost and c.confidence >= _DECIDED for c in decided)


def _margin(model: DamageModel) -> float:
    # A lossless multi-byte misreading is hard to produce by chance; lost bytes less so.
    return 1.5 if model.loss is Loss.NONE else 2.0


def _effective_model(model: DamageModel, clusters: list[_Cluster]) -> DamageModel:
    """Name the lossless model when no bytes were actually lost (a byte replaced by
    U+FFFD was lost, even where the bytes around it leave one candidate)."""
    if model.loss in (Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION) and not any(
        c.lost or any(not piece.complete for piece in c.pieces) for c in clusters
    ):
        return DamageModel(model.true_codec, model.wrong_codec, Loss.NONE)
    return model


_LONGEST_WORD = 32  # letters; a longer run is not a word
_CONTEXT = 40  # characters of context a lost-byte choice sees on each side


def _context(
    text: str, clusters: list[_Cluster], index: int, model: DamageModel
) -> tuple[str, str]:
    """The text around cluster ``index``, with neighbouring clusters as repaired so far
    (a neighbour not yet resolved counts as its surviving bytes decode, U+FFFD for
    its own holes, so ``GŁÓWNE`` sees the capitals after the hole).

    A hole the neighbour left open stays U+FFFD here, not its best guess: a guess is
    no context (``��Et��`` guessed ``\xa0Et``, a word boundary, and the lexicon
    then read the next hole as ``Età``)."""
    cluster = clusters[index]
    previous = clusters[index - 1] if index else None
    following = clusters[index + 1] if index + 1 < len(clusters) else None
    left_start = max(0, cluster.start - _CONTEXT)
    left = text[left_start : cluster.start]
    if previous is not None and previous.end > left_start:
        # what comes before the neighbour too: ``Gr`` of ``GrÃ¼Ãe``, whose ``Ã`` is
        # ``ß`` of ``Grüße``; ``üçe`` alone is a Turkish word
        left = (
            text[left_start : previous.start]
            + (previous.repaired or text[previous.start : previous.end])
            + text[previous.end : cluster.start]
        )
    right_end = min(len(text), cluster.end + _CONTEXT)
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


def _single_hole(cluster: _Cluster, model: DamageModel) -> bool:
    if len(cluster.pieces) != 1 or cluster.unsupported:
        return False
    piece = cluster.pieces[0]
    return len(bytescan.candidates_for(piece.slots, piece.missing, model)) > 1


def _resolve_pair(
    text: str,
    clusters: list[_Cluster],
    index: int,
    model: DamageModel,
    quotes: infer.QuoteState,
    kana: _Kana,
) -> None:
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


def _resolve(
    text: str,
    clusters: list[_Cluster],
    index: int,
    model: DamageModel,
    quotes: infer.QuoteState,
    kana: _Kana,
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
        right = _decoded_tail(cluster.pieces[position + 1 :], model) + right_text
        choice = infer.choose(
            _choosable(candidates, kana),
            left_text + "".join(guessed),
            right,
            quotes,
            rule_needed=lead_lost,
        )
        choice = _kana_as_readily(choice, candidates, kana)
        if infer.rivalled_by_a_lost_first_letter(
            choice, candidates, left_text + "".join(guessed), right, _vanishing_letters(model)
        ):
            choice = _undecided(choice, "lost byte: a word that lost its first letter fits too")
        before = cluster.open_holes[-1][1] if cluster.open_holes else ()
        if choice.char is not None and cluster.open_holes[-1:] == [(len(guessed) - 1, before)]:
            # The character before it is a hole.  The choice stands only if that hole
            # could not be the character chosen (``”…`` read as cp949 is ``��앪��``:
            # the first hole may be the ``”`` chosen for the second), and if every
            # kind of character the hole may be gives it, since the rules read the
            # character before a lost one (``步�。``: any ideograph there).
            left = left_text + "".join(guessed[:-1])
            if choice.char in before or any(
                infer.choose(
                    _choosable(candidates, kana), left + other, right, quotes, rule_needed=lead_lost
                ).char
                != choice.char
                for other in _each_kind(before)
            ):
                choice = _undecided(choice, "lost byte: the character before it was not decided")
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


@lru_cache(maxsize=1024)  # the candidate tuples of holes come back, thousands long
def _each_kind(candidates: tuple[str, ...]) -> tuple[str, ...]:
    """One candidate of each kind the choice rules tell apart: an ideograph, kana or
    Hangul syllable stands for all of them (the rules ask only whether a character
    is CJK), any other character for itself."""
    kinds: dict[str, str] = {}
    for char in candidates:
        kinds.setdefault("cjk" if infer.is_cjk(char) else char, char)
    return tuple(kinds.values())


_HANGUL_WORD = re.compile("[\uac00-\ud7a3]{2}")
_LETTERS_AFTER = re.compile("[A-Za-z]*")
_LETTERS_BEFORE = re.compile("[A-Za-z]*\\Z")


def _dropped_lead_in_english(text: str, cluster: _Cluster, mark: str) -> bool:
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
    start, end = _line_of(text, cluster.start)
    if _holds_a_korean_word(text, start, end):
        return False
    trail = "".join(chr(piece.slots[0]) for piece in cluster.pieces if piece.is_ascii)
    after = _LETTERS_AFTER.match(text, cluster.end)
    word = trail + (after.group() if after else "")
    if mark == "’":
        before = _LETTERS_BEFORE.search(
            text[max(start, cluster.start - _LONGEST_WORD) : cluster.start]
        )
        word = (before.group() if before else "") + "'" + word
    return len(word) >= 2 and infer.zipf(word.lower(), "en") >= confirm.CONFIRM_ZIPF


def _line_of(text: str, position: int) -> tuple[int, int]:
    """The span of the line holding ``position`` (newline excluded), found by bisecting
    the text's newlines: searching for them from each mark scanned a long line once a
    mark (``Putin셲 said`` repeated on one line)."""
    breaks = _newlines(text)
    index = bisect.bisect_left(breaks, position)
    start = breaks[index - 1] + 1 if index else 0
    end = breaks[index] if index < len(breaks) else len(text)
    return start, end


@lru_cache(maxsize=4)
def _newlines(text: str) -> tuple[int, ...]:
    return tuple(match.start() for match in _NEWLINE.finditer(text))


_NEWLINE = re.compile("\n")


@lru_cache(maxsize=16)  # lines of the last texts; each entry keeps its text alive
def _holds_a_korean_word(text: str, start: int, end: int) -> bool:
    """Does the line from ``start`` to ``end`` hold two Hangul syllables in a row?

    Cached, so a line of many such marks is searched once, not once a mark (a
    5 000-character line of ``Putin셲 said`` took 1.4 s, the line searched 4 000
    times); ``text`` keeps its hash, so the key costs no more than its offsets.
    """
    return _HANGUL_WORD.search(text, start, end) is not None


def _bare_between_ascii(text: str, cluster: _Cluster) -> bool:
    """Is the cluster one run of bare U+FFFD (no byte of the character survived) with
    ASCII or the text's edge on both sides?

    Only there do the context rules (contractions, quotation marks, dashes between
    words, a word's lexicon) know what the run was.  Beside CJK text a run is as
    often a lost ideograph or kana as punctuation, and the candidates tried for it
    hold no ideograph: it stays as it is.
    """
    if len(cluster.pieces) != 1:
        return False
    start, end = _lost_run(text, cluster)
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return (before + after).isascii()


#: The longest run of U+FFFD read as one unit: four, two two-byte letters (:mod:`.bytescan`).
_LONGEST_LOST_RUN = 4


def _lost_run(text: str, cluster: _Cluster) -> tuple[int, int]:
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


def _letters_inside_a_word(
    text: str, cluster: _Cluster, candidates: tuple[str, ...]
) -> tuple[str, ...]:
    """The candidates of a bare run between two letters that are letters themselves.

    No byte survived there, so the pool offers marks too (a no-break space, ``«``),
    which keep the lexicon from the word; inside a word a two-byte mark is as good as
    never written (``’`` leaves a run of three, which a context rule reads).
    """
    piece = cluster.pieces[0]
    if len(cluster.pieces) != 1 or any(value != bytescan.UNKNOWN for value in piece.slots):
        return candidates
    start, end = _lost_run(text, cluster)
    if not (text[start - 1 : start].isalpha() and text[end : end + 1].isalpha()):
        return candidates
    return _letters_of(candidates)


@lru_cache(maxsize=256)
def _letters_of(candidates: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(char for char in candidates if char.isalpha())


#: Characters of the line looked at on each side of a region for its language.
_LINE_REACH = 300


def _line_around(text: str, region: Region) -> str:
    """The line (or lines) holding ``region``, at most :data:`_LINE_REACH` characters
    past it on each side: the words whose language decides a word of several."""
    first = max(0, region.start - _LINE_REACH)
    last = min(len(text), region.end + _LINE_REACH)
    start = text.rfind("\n", first, region.start) + 1 or first
    end = text.find("\n", region.end, last)
    return text[start : last if end < 0 else end]


#: Confidence of a letter the whole word's lexicon match decided (above :data:`_DECIDED`:
#: a unique or overwhelming match stands on its own, like a contraction).
_LEXICON_CONFIDENCE = 0.8


def _fill_from_lexicon(
    text: str, region: Region, clusters: list[_Cluster], model: DamageModel
) -> None:
    """Fill holes that no rule decided alone but the whole word does (``ди?ек?о?`` is
    ``директор``, :mod:`.lexicon`), for words that lost bytes in several places.

    The word may reach past the region into text the region did not read; there a
    character that could itself be damage under ``model`` is opaque, not a letter.
    """
    if not any(lexicon.hole_scripts(holes) for c in clusters for _, holes in c.open_holes):
        return
    cells: list[lexicon.Cell] = []
    owners: list[tuple[_Cluster, int] | None] = []
    hole = "?" if model.loss in (Loss.C1_TO_QUESTION, Loss.REPLACE_QUESTION) else LOST

    def literal(start: int, end: int, *, inside: bool = True) -> None:
        for char in text[start:end]:
            opaque = char in (hole, LOST) or (
                not inside and not char.isascii() and bytescan.readable(char, model)
            )
            cells.append(None if opaque else char)
            owners.append(None)

    # Context: the rest of the words the region begins and ends inside, and a few
    # characters before (the sentence around a capital) and one after.
    edge = _word_edge(text, region.start, -1)
    left = max(0, edge - _SENTENCE_CONTEXT) if edge >= 0 else region.start
    right_edge = _word_edge(text, region.end, 1)
    right = min(len(text), right_edge + 1) if right_edge >= 0 else region.end
    if _LEXICON_SCRIPT.search(text, left, right) is None and not any(
        _LEXICON_SCRIPT.search(cluster.repaired) for cluster in clusters
    ):
        return  # no letter of a script with a lexicon: no word to match (CJK prose)
    cells.append("\n" if edge >= 0 and left == 0 else None)  # the text's edge, or not
    owners.append(None)
    literal(left, region.start, inside=False)
    position = region.start
    for cluster in clusters:
        literal(position, cluster.start)
        position = cluster.end
        if cluster.unsupported or len(cluster.guessed) != len(cluster.repaired):
            cells.append(None)
            owners.append(None)
            continue
        holes = dict(cluster.open_holes)
        for index, char in enumerate(cluster.repaired):
            if index not in holes:
                cells.append(char)
                owners.append(None)
            elif lexicon.hole_scripts(holes[index]):
                cells.append(_letters_inside_a_word(text, cluster, holes[index]))
                owners.append((cluster, index))
            else:  # a lost mark, or a letter no lexicon here knows: the word's edge is unknown
                cells.append(None)
                owners.append(None)
    literal(position, region.end)
    literal(region.end, right, inside=False)
    cells.append("\n" if right_edge >= 0 and right == len(text) else None)
    owners.append(None)
    line = _line_around(text, region)
    for cell_index, (char, note) in lexicon.fill_words(
        cells, infer.LANGUAGES_BY_LETTER, line
    ).items():
        owner = owners[cell_index]
        if owner is not None:
            _fill_hole(*owner, char, note)


_SENTENCE_CONTEXT = 4

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


#: A character of the ranges :func:`.lexicon.script_of` gives a script with a lexicon:
#: a word the lexicon fills has at least two known letters there.
_LEXICON_SCRIPT = re.compile("[A-Za-z\u00aa-\u024f\u0370-\u052f\u1e00-\u1fff]")


def _fill_from_cjk_words(text: str, clusters: list[_Cluster], model: DamageModel) -> None:
    """Fill a cluster's one open ideograph hole with the candidate the words around
    it clearly favour (``資訊?技`` is ``資訊科技``, :mod:`.cjk_words`), among the
    candidates that reproduce the damaged text.

    A hole next to another open hole is left open: chosen from one side only, it
    would be chosen for the wrong word (``測試??`` is ``測試軟體``, not ``測試車``), and
    the next hole would then be chosen to fit that mistake.
    """
    repaired: tuple[str, list[int]] | None = None  # the region as repaired, built if needed
    # Where lost bytes were written ``?``, a ``?`` beside the hole is another hole
    # (``便常撣???``: ``常`` reads as ``常常`` from the left, where ``希望`` was).
    holes = (LOST, "?") if model.loss in (Loss.REPLACE_QUESTION, Loss.C1_TO_QUESTION) else (LOST,)
    for index, cluster in enumerate(clusters):
        if len(cluster.open_holes) != 1 or not cjk_words.could_fill(cluster.open_holes[0][1]):
            continue
        hole, candidates = cluster.open_holes[0]
        left, right = _repaired_neighbours(text, clusters, index)
        left += cluster.repaired[:hole]
        right = cluster.repaired[hole + 1 :] + right
        if left[-1:] in holes or right[:1] in holes:
            continue
        # At a CJK run's edge the words are read from one side only (``景から`` after
        # ``€5 `` read as ``時から``): only a word the text spells nearby decides.
        one_sided = not (
            left and right and cjk_words.is_cjk(left[-1]) and cjk_words.is_cjk(right[0])
        )
        ranked = cjk_words.ranked(candidates, left, right)
        likeliest = (  # likeliest first, those that damage back to the text
            item for item in ranked if _reproduces_with(text, cluster, model, hole, item[1])
        )
        reproducing = list(itertools.islice(likeliest, 2))
        if not reproducing:
            continue
        probability, char, word = reproducing[0]
        # no word explains the likeliest, or a common word standing alone does: the
        # weakest readings, which a pair the text spells nearby overrules
        if len(word) <= 1 or one_sided:
            if repaired is None:
                repaired = _repaired_text(text, clusters)
            spelled = _spelled_elsewhere(
                _around(repaired, index),
                left[-1:],
                right[:1],
                [item[1] for item in ranked],
                functools.partial(_reproduces_with, text, cluster, model, hole),
            )
            if spelled is not None and (one_sided or not word or spelled[0] != char):
                char, pair = spelled
                _fill_hole(cluster, hole, char, f"lost byte: the text writes {pair!r} nearby")
                continue
        if one_sided or not word:
            continue
        runner_up = reproducing[1][0] if len(reproducing) > 1 else 0.0
        if probability >= cjk_words.RATIO * runner_up:
            _fill_hole(cluster, hole, char, f"lost byte: {char!r} reads as the word {word!r}")


def _repaired_text(text: str, clusters: list[_Cluster]) -> tuple[str, list[int]]:
    """The text from the first cluster to the last, each cluster as repaired so far,
    and where each cluster begins in it."""
    pieces: list[str] = []
    offsets: list[int] = []
    length = 0
    position = clusters[0].start if clusters else 0
    for cluster in clusters:
        between = text[position : cluster.start]
        pieces.append(between)
        offsets.append(length + len(between))
        pieces.append(cluster.repaired)
        length += len(between) + len(cluster.repaired)
        position = cluster.end
    return "".join(pieces), offsets


#: How far (in characters, each way) a pair written elsewhere is looked for: a term
#: repeats within a few paragraphs, and a bounded search keeps a hole's cost bounded.
_NEARBY = 2000


def _around(repaired: tuple[str, list[int]], index: int) -> str:
    text, offsets = repaired
    middle = offsets[index]
    return text[max(0, middle - _NEARBY) : middle + _NEARBY]


def _spelled_elsewhere(
    repaired_text: str,
    before: str,
    after: str,
    candidates: list[str],
    reproduces: Callable[[str], bool],
) -> tuple[str, str] | None:
    """The one candidate the text itself writes beside the same CJK neighbour (``之策``
    when ``凡維基之策`` stands further on), among those that ``reproduces`` accepts
    (they damage back to the text), and that pair; None if none or several.

    A repeated name or term is the text's own evidence, stronger than a common word
    standing alone (``等`` is far commoner than ``策``).
    """
    written: dict[str, str] = {}  # candidate -> the pair the text writes it in
    if before and cjk_words.is_cjk(before):
        for char in _beside(repaired_text, before, 1):
            written.setdefault(char, before + char)
    if after and cjk_words.is_cjk(after):
        for char in _beside(repaired_text, after, -1):
            written.setdefault(char, char + after)
    found = [(char, written[char]) for char in candidates if char in written and reproduces(char)]
    return found[0] if len(found) == 1 else None


def _beside(text: str, char: str, step: int) -> set[str]:
    """The characters that follow (``step`` 1) or precede (-1) ``char`` in ``text``."""
    found: set[str] = set()
    position = text.find(char)
    while position >= 0:
        neighbour = position + step
        if 0 <= neighbour < len(text):
            found.add(text[neighbour])
        position = text.find(char, position + 1)
    return found


def _repaired_neighbours(text: str, clusters: list[_Cluster], index: int) -> tuple[str, str]:
    """A few characters on each side of cluster ``index``, adjacent clusters as repaired
    (U+FFFD in their open holes)."""
    wanted = _CJK_CONTEXT
    left, position, before = "", clusters[index].start, index - 1
    while len(left) < wanted and position > 0:
        if before >= 0 and clusters[before].end == position:
            left = clusters[before].repaired + left
            position, before = clusters[before].start, before - 1
        else:
            left, position = text[position - 1] + left, position - 1
    right, position, after = "", clusters[index].end, index + 1
    while len(right) < wanted and position < len(text):
        if after < len(clusters) and clusters[after].start == position:
            right += clusters[after].repaired
            position, after = clusters[after].end, after + 1
        else:
            right, position = right + text[position], position + 1
    return left[-wanted:], right[:wanted]


_CJK_CONTEXT = 3  # characters on each side a word around an ideograph hole may use


def _reproduces_with(
    text: str, cluster: _Cluster, model: DamageModel, hole: int, char: str
) -> bool:
    """Does the cluster, with ``char`` in its hole, damage back to the text? (As
    :func:`_verified` checks it.)"""
    context, expected = _verification_target(text, cluster)
    guessed = cluster.guessed[:hole] + char + cluster.guessed[hole + 1 :]
    return _reproduces(model, guessed + context, expected)


def _word_edge(text: str, position: int, step: int) -> int:
    """Where the letters running from ``position`` (leftwards for ``step`` -1) stop,
    or -1 if they run on past :data:`_LONGEST_WORD` (then not a word)."""
    for count in range(_LONGEST_WORD + 1):
        index = position + count * step
        inside = index - 1 if step < 0 else index
        if not 0 <= inside < len(text) or not text[inside].isalpha():
            return index
    return -1


def _fill_hole(cluster: _Cluster, index: int, char: str, note: str) -> None:
    cluster.repaired = cluster.repaired[:index] + char + cluster.repaired[index + 1 :]
    cluster.guessed = cluster.guessed[:index] + char + cluster.guessed[index + 1 :]
    cluster.open_holes = [hole for hole in cluster.open_holes if hole[0] != index]
    cluster.choices[index] = (_LEXICON_CONFIDENCE, note)
    cluster.confidence = min(confidence for confidence, _ in cluster.choices.values())
    cluster.note = "; ".join(note for _, note in cluster.choices.values())


#: CJK punctuation a lost byte is often taken for: in Chinese text, rightly.
_CJK_MARKS = frozenset("。、「」")


class _Kana(Enum):
    """How much kana a region writes, which says whether it is Japanese."""

    NONE = "none"  # three-byte sequences enough, few starting with E3, none a kana: Chinese
    UNKNOWN = "unknown"  # too few three-byte sequences to tell
    SOME = "some"  # a kana decodes from it: Japanese
    RICH = "rich"  # most three-byte sequences start with E3, as kana do


def _kana_in(region: Region) -> _Kana:
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
        return _Kana.RICH
    if any(_decodes_to_kana(piece) for piece in region.pieces):
        return _Kana.SOME
    chinese = len(leads) >= _KANA_EVIDENCE and leads.count(0xE3) < _CHINESE_SHARE * len(leads)
    return _Kana.NONE if chinese else _Kana.UNKNOWN


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
def _choosable(candidates: tuple[str, ...], kana: _Kana) -> tuple[str, ...]:
    """The candidates a context rule may pick: in kana-rich text, no CJK mark when
    dozens of kana are candidates too (two lost bytes after ``E3``); one lost byte
    of ``。`` leaves only a few kana beside it, and the mark stays choosable.  In
    Chinese the iteration mark ``々`` is no candidate: Chinese does not write it."""
    if kana is _Kana.NONE and "々" in candidates:
        return tuple(char for char in candidates if char != "々")
    if kana is not _Kana.RICH or not _among_kana(candidates):
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


def _kana_as_readily(
    choice: infer.Choice, candidates: tuple[str, ...], kana: _Kana
) -> infer.Choice:
    """``choice``, or no choice where it is a CJK mark that dozens of kana rival in a
    region not shown to be Chinese (``水を`` read as EUC-JP with U+FFFD keeps only
    the ``E3`` of ``を``: it had become ``水、``)."""
    if choice.char not in _CJK_MARKS or kana is _Kana.NONE or not _among_kana(candidates):
        return choice
    return _undecided(choice, _KANA_NOTE)


_KANA_NOTE = "lost bytes: a kana as readily as a CJK mark"


def _undecided(choice: infer.Choice, note: str) -> infer.Choice:
    """``choice`` left open, for the reason ``note`` gives."""
    if choice.char is None:
        return choice
    return infer.Choice(None, choice.best, choice.best_score, _UNDECIDED, note)


def _decoded_tail(pieces: list[Sequence], model: DamageModel) -> str:
    out: list[str] = []
    for piece in pieces:
        candidates = bytescan.candidates_for(piece.slots, piece.missing, model)
        out.append(candidates[0] if len(candidates) == 1 else LOST)
    return "".join(out)


def _verified(text: str, cluster: _Cluster, model: DamageModel) -> bool:
    """Re-applying the damage to the repair must give back the damaged text exactly.

    The next character is included when it is ASCII, because whether a byte was
    dropped depends on the byte after it.  When one hole stayed undecided, some
    candidate for it must reproduce the input (and becomes the guess).
    """
    context, expected = _verification_target(text, cluster)
    if _reproduces(model, cluster.guessed + context, expected):
        return (
            not cluster.lost
            or LOST in cluster.repaired
            or _fits_the_bytes_after(text, cluster, model)
        )
    if len(cluster.open_holes) != 1:
        return False
    index, candidates = cluster.open_holes[0]
    guessed = _reproducing_guess(model, cluster.guessed, index, candidates, context, expected)
    if guessed is None:
        return False
    cluster.guessed = guessed
    return True


def _fits_the_bytes_after(text: str, cluster: _Cluster, model: DamageModel) -> bool:
    """Would the wrong codec, reading the cluster's repair on into the bytes of the
    character after it, have lost what the text shows lost?  GBK dropped the ``80``
    of ``所`` before the ``E8`` of ``杓``.  The words around the hole chose ``承`` of
    ``承載``, but its ``BF`` cannot be what was there: GBK pairs ``BF E8`` into a
    character.  (The next character is in the verification when it is ASCII.)

    Yes where the character after is unknown: the end of the text, a hole, a ``?``
    that may be one, or a character the wrong codec does not write.  The rules
    are not asked to choose again among the rest: without its rivals the likeliest
    of those would look decided, and be no likelier for that.
    """
    end = cluster.end
    if end >= len(text) or text[end] in _UNKNOWN_BYTES:
        return True
    return _fits(model, cluster.guessed, text[cluster.start : end + 1])


@lru_cache(maxsize=4096)
def _fits(model: DamageModel, repaired: str, expected: str) -> bool:
    """:func:`_fits_the_bytes_after`, cached: damaged text repeats its clusters."""
    try:
        raw = repaired.encode(model.true_codec) + expected[-1].encode(model.wrong_codec)
    except UnicodeError:
        return True
    return any(_reads_as(sibling, raw, expected) for sibling in _siblings(model))


@lru_cache(maxsize=64)
def _siblings(model: DamageModel) -> tuple[DamageModel, ...]:
    """``model`` and the models of the codecs its codec extends or is extended by.

    They read most bytes alike, but not the ones that decide what a reader loses:
    GB18030 maps GBK's user-defined rows (``AC AC``), which GBK drops.  Text one of
    them damaged is often repaired under the other (the one with more gain), so a
    lost byte either would have lost stays possible.
    """
    family = {model.wrong_codec, OLDER_CODEC.get(model.wrong_codec, model.wrong_codec)}
    family |= {newer for newer, older in OLDER_CODEC.items() if older in family}
    return tuple(
        model if codec == model.wrong_codec else DamageModel(model.true_codec, codec, model.loss)
        for codec in sorted(family)
    )


_UNKNOWN_BYTES = frozenset((LOST, "?"))


def _reads_as(model: DamageModel, raw: bytes, expected: str) -> bool:
    try:
        return model.read(raw) == expected
    except UnicodeError:
        return False


def _verification_target(text: str, cluster: _Cluster) -> tuple[str, str]:
    """(the character after the cluster if it is ASCII, else ""; the damaged text the
    repair plus that character must damage back to)."""
    end = cluster.end
    context = text[end] if end < len(text) and text[end].isascii() else ""
    return context, text[cluster.start : end] + context


@lru_cache(maxsize=4096)
def _reproducing_guess(
    model: DamageModel,
    guessed: str,
    index: int,
    candidates: tuple[str, ...],
    context: str,
    expected: str,
) -> str | None:
    """``guessed`` with a candidate in hole ``index`` that reproduces ``expected``, if any.

    Cached: damaged text repeats its clusters (the same letters, damaged the same
    way), and a hole no candidate fills costs hundreds of trials.
    """
    step = max(1, -(-len(candidates) // MAX_OPEN_HOLE_TRIALS))
    for candidate in candidates[::step]:
        trial = guessed[:index] + candidate + guessed[index + 1 :]
        if _reproduces(model, trial + context, expected):
            return trial
    return None


#: Candidates tried for an undecided hole before the repair is given up.  Taken at
#: an even stride through the list, so every range of lost byte values is tried:
#: a hole left by two lost bytes has 4,096 candidates, and whether one reproduces
#: the input depends on how the wrong codec treats its bytes, alike for neighbours.
MAX_OPEN_HOLE_TRIALS = 256


def _reproduces(model: DamageModel, repaired: str, damaged: str) -> bool:
    try:
        return model.apply(repaired) == damaged
    except UnicodeError:
        return False


def _alien_scripts(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """Clusters whose repair puts a letter beside a letter of another script.

    Lost bytes can be explained more than one way; an explanation that drops an
    N'Ko or Cyrillic letter into Korean or Polish words is the wrong one.
    """
    alien: list[_Cluster] = []
    for index, cluster in enumerate(clusters):
        before = text[_word_start(text, cluster.start) : cluster.start]
        if index and clusters[index - 1].end == cluster.start:
            before = clusters[index - 1].guessed[-1:]
        after = text[cluster.end : _word_end(text, cluster.end)]
        if index + 1 < len(clusters) and clusters[index + 1].start == cluster.end:
            after = clusters[index + 1].guessed[:1]
        judged = range(len(before), len(before) + len(cluster.guessed))
        if not any(
            score.scripts_agree(before + guessed + after, judged)
            for guessed in _readings_of_holes(cluster)
        ):
            alien.append(cluster)
    return alien


def _readings_of_holes(cluster: _Cluster) -> Iterator[str]:
    """The cluster's guess, then the guess with one undecided hole holding a letter
    of each other script its candidates offer.

    An undecided hole is written U+FFFD, so its guess (the likeliest by frequency)
    is no claim about the script: ``ê¹`` that lost a C1 byte after ``中`` guesses
    the Yi ``ꀹ`` (``EA 80 B9``), but its candidates hold Hangul (``EA B9 8C`` is
    ``까``), which agrees.
    """
    yield cluster.guessed
    for index, candidates in cluster.open_holes:
        for letter in _letter_per_script(candidates):
            yield cluster.guessed[:index] + letter + cluster.guessed[index + 1 :]


@lru_cache(maxsize=1024)  # the candidate tuples of holes come back
def _letter_per_script(candidates: tuple[str, ...]) -> tuple[str, ...]:
    """The first candidate letter of each script among ``candidates``."""
    first: dict[str, str] = {}
    for candidate in candidates:
        script = score.script_of(candidate)
        if script:
            first.setdefault(script, candidate)
    return tuple(first.values())


def _word_start(text: str, position: int) -> int:
    """Where the letters before ``position`` begin (one character back at least):
    the word beside a repair is its context (``Щ`` and ``ers``)."""
    start = max(0, position - 1)
    while start and text[start].isalpha() and text[start - 1].isalpha():
        start -= 1
    return start


def _word_end(text: str, position: int) -> int:
    """Where the letters from ``position`` end (one character on at least)."""
    end = min(len(text), position + 1)
    while end < len(text) and text[end - 1].isalpha() and text[end].isalpha():
        end += 1
    return end


def _foreign_to_line(text: str, clusters: list[_Cluster]) -> list[_Cluster]:
    """Runs of damaged CJK letters that fit among the nearest letters on their line
    (as repaired), or have none around them, and that a repair would put in another
    script.

    Real CJK text has rare characters too, so such a run is judged by the words
    around it: between French words ``횪`` is ``à`` read as cp949, but between
    Korean words it is a rare syllable, and with no letter around it there is
    nothing to judge by.  Only whole words are judged (a run glued to other letters
    is the alien-script check's), except Hangul repaired into no letter at all:
    ``혻`` beside Korean is a syllable, not a no-break space.  Runs repaired into
    other marks are not judged: ``縲`` for ``。`` is no word of its own.
    """
    foreign: list[_Cluster] = []
    first = 0
    while first < len(clusters):
        last = first  # clusters[first..last]: a run of clusters that touch
        while last + 1 < len(clusters) and clusters[last + 1].start == clusters[last].end:
            last += 1
        run = clusters[first : last + 1]
        if _changes_script(text, run):
            around = {
                score.script_of(char)
                for char in (
                    _nearest_letter(text, clusters, first, -1),
                    _nearest_letter(text, clusters, last, 1),
                )
                if char
            }
            if around <= {"CJK"} or _lone_letter_of_another_script(run, around):
                # no letter around, or only CJK ones like the run's; or one letter
                # alone, of a script no letter around it is written in
                foreign.extend(run)
        first = last + 1
    return foreign


def _lone_letter_of_another_script(run: list[_Cluster], around: set[str]) -> bool:
    """Is the repair of ``run`` one letter, perhaps repeated, of a script none of the
    letters around it is in?  ``歃`` between English words read as EUC-JP is ``ݽ``, an
    Arabic letter alone: a word in another script takes more than one letter.  Nor
    is one letter repeated a word: Big5 keeps the same ``賱`` of each syllable of
    ``대부분의`` that dropped its other bytes, and GBK reads ``賱賱`` as ``لل``."""
    letters = {char for cluster in run for char in cluster.guessed if char.isalpha()}
    return len(letters) == 1 and score.script_of(next(iter(letters))) not in around


def _changes_script(text: str, run: list[_Cluster]) -> bool:
    """Does the repair of ``run`` (all of it changed) turn CJK letters into letters of
    other scripts, as a whole word, or Hangul into no letter at all?"""
    if any(cluster.repaired == text[cluster.start : cluster.end] for cluster in run):
        return False
    start, end = run[0].start, run[-1].end
    damaged = text[start:end]
    own = {score.script_of(char) for char in damaged} - {""}
    if own != {"CJK"}:
        return False  # Latin-1 mojibake looks Latin beside any Latin word
    repaired = {score.script_of(char) for c in run for char in c.guessed} - {""}
    if "CJK" in repaired:
        return False
    if not repaired:
        return all("\uac00" <= char <= "\ud7a3" for char in damaged)
    # Glued to a letter only where the repair, too, ends in a letter (``磡于`` before
    # ``舒`` is ``ꩤ_``: a word of its own, whatever the damaged text touched)
    written = "".join(cluster.guessed for cluster in run)
    return not (
        (text[start - 1 : start].isalpha() and written[:1].isalpha())
        or (text[end : end + 1].isalpha() and written[-1:].isalpha())
    )


def _nearest_letter(text: str, clusters: list[_Cluster], index: int, step: int) -> str:
    """The first letter before (``step`` -1) or after (1) cluster ``index`` on its line,
    within :data:`_CONTEXT` characters, neighbouring clusters read as repaired."""
    position = clusters[index].start - 1 if step < 0 else clusters[index].end
    other = index + step
    for _ in range(_CONTEXT):
        if not 0 <= position < len(text) or text[position] == "\n":
            return ""
        if 0 <= other < len(clusters) and clusters[other].start <= position < clusters[other].end:
            neighbour = clusters[other]
            letters = [char for char in neighbour.guessed if score.script_of(char)]
            if letters:
                return letters[-1] if step < 0 else letters[0]
            position = neighbour.start - 1 if step < 0 else neighbour.end
            other += step
            continue
        if score.script_of(text[position]):
            return text[position]
        position += step
    return ""


def _lone_katakana(text: str, cluster: _Cluster) -> bool:
    """Half-width katakana is real Japanese too (``ｱｲｳｴｵ\u3000ﾃｽﾄ``): beside kana,
    CJK punctuation or full-width forms it is not UTF-8 read as Shift-JIS
    (which looks like ``cafﾃｩ`` or ``ﾃｩ a``)."""
    damaged = text[cluster.start : cluster.end]
    if not all("\uff61" <= char <= "\uff9f" for char in damaged):
        return False
    before = text[cluster.start - 1 : cluster.start]
    after = text[cluster.end : cluster.end + 1]
    return any(
        "\u3000" <= char <= "\u30ff" or "\uff01" <= char <= "\uff60" for char in before + after
    )


def _lone_unknown_letter(text: str, cluster: _Cluster) -> bool:
    """Is the repair one letter standing alone as a word, which no language that
    writes it has as a word?  Big5 left ``訄`` of ``са``, which GBK reads back as the
    Khanty ``ӈ``: between spaces, no text's."""
    return infer.lone_non_word(text, cluster.start, cluster.end, cluster.repaired)


def _sign_glued_before_a_word(text: str, cluster: _Cluster) -> bool:
    """Does the repair end in a sign or currency symbol of the Latin-1 and letterlike
    blocks (``© ® ° ™ €``) right before a small ASCII letter?

    Text writes a space, a digit or a capital there (``© 2019``, ``€5``, ``°C``).
    EUC-KR reads Hebrew ``ש`` as ``漏``, what it keeps of ``בשוני’t`` with bytes dropped
    is ``漏t``, and GBK had read that as ``©t``: the glue to a Latin letter that made
    ``漏`` look damaged is no more plausible after ``©``.  Emoji, after U+2600, are
    glued to words freely.
    """
    after = text[cluster.end : cluster.end + 1]
    last = cluster.repaired[-1:]
    return (
        after.isascii()
        and after.islower()
        and "\u00a0" <= last < "\u2600"
        and unicodedata.category(last) in ("So", "Sc")
    )


def _bare_katakana(text: str, cluster: _Cluster) -> bool:
    """Only half-width katakana, with no Latin letter beside it."""
    damaged = text[cluster.start : cluster.end]
    if not all("\uff61" <= char <= "\uff9f" for char in damaged):
        return False
    around = text[cluster.start - 1 : cluster.start] + text[cluster.end : cluster.end + 1]
    return not any(char.isascii() and char.isalpha() for char in around)


def _is_known_word(text: str, cluster: _Cluster) -> bool:
    """True when the damaged characters form a real word (``château``, ``Ãgua``),
    written as words are: in lowercase, in capitals, or capitalised.

    Only asked for Latin-script letters, where lossy Latin-1 damage and real
    accented words look alike.  A capital inside a lowercase word is the mark of
    the damage (every Latin-1 character that is a two-byte UTF-8 lead is a
    capital), not a word: Polish ``się`` that lost its C1 byte is ``siÄ``, which
    lowercased is Finnish ``siä``.
    """
    damaged = text[cluster.start : cluster.end]
    if not any(char.isalpha() and ord(char) < 0x250 for char in damaged):
        return False
    start = cluster.start
    lowest = max(0, cluster.start - _LONGEST_WORD)
    while start > lowest and text[start - 1].isalpha():
        start -= 1
    end = cluster.end
    highest = min(len(text), cluster.end + _LONGEST_WORD)
    while end < highest and text[end].isalpha():
        end += 1
    if start == lowest > 0 or end == highest < len(text):
        return False  # longer than any word
    word_end = start
    while word_end < end and text[word_end].isalpha():
        word_end += 1
    if word_end < end and (
        word_end <= cluster.start or any(char.isalpha() for char in text[word_end:end])
    ):
        return False  # a mark inside a word, not after one: the damage's shape
    # A word that ends inside the damaged characters, before the mark they end
    # with, is a word too (``„ARATĂ“``: Romanian, not ``ARATÓ`` read as cp1250).
    word = text[start:word_end]
    if len(word) < 3 or not word.isalpha() or not all(ord(char) < 0x250 for char in word):
        return False
    return _written_as_a_word(word) and infer.known_word(word)


def _written_as_a_word(word: str) -> bool:
    """Is ``word`` in lowercase, in capitals, or capitalised?"""
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
