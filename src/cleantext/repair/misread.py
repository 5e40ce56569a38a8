"""Repair UTF-8 that was read with the wrong codec, losslessly or with lost bytes.

This is the shared machinery behind the multi-byte (GBK, Big5, Shift-JIS, ...) and
the lossy Latin-1 families.  For one damage model it:

1. re-reads the text as UTF-8 through the wrong codec (:mod:`.bytescan`),
2. resolves lost bytes from context (:mod:`.infer`), one cluster at a time
   (:mod:`.holes`), then from the whole words around them (:mod:`.word_fill`,
   :mod:`.lattice_fill`),
3. cuts each region into *clusters* (:mod:`.cluster`),
4. keeps a cluster only when re-applying the damage to the repair gives back the
   damaged text exactly (:mod:`.verify`), and the words it touches were not real
   words already (:mod:`.cluster_checks`),
5. accepts a region's clusters only when together they write no letter foreign
   to the scripts around them (:mod:`.cluster_scripts`) and make the text clearly
   more plausible (:func:`.score.clearly_better` on the changed spans).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from cleantext.repair import (
    bytescan,
    cluster_checks,
    cluster_scripts,
    confirm,
    holes,
    lattice_fill,
    score,
    screen,
    verify,
    word_fill,
)
from cleantext.repair.bytescan import Region, Sequence
from cleantext.repair.cluster import (
    DECIDED,
    LOST,
    UNDECIDED,
    UNKNOWN_BYTES,
    Cluster,
    lost_bytes_in,
    with_note,
)
from cleantext.repair.holes import lone_lead_stays_open
from cleantext.repair.models import CJK_CODECS, DamageModel, Loss
from cleantext.repair.quotes import QuoteState

__all__ = ["LOST", "Repair", "find_repairs", "lone_lead_stays_open", "with_note"]


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
    text: str,
    model: DamageModel,
    spans: Iterable[tuple[int, int]] | None = None,
    *,
    carried_by_lost_bytes: bool = False,
) -> list[Repair]:
    """Every verified, plausible repair of ``text`` under ``model``.

    ``spans`` (sorted, non-overlapping) limit the search to where the screen saw
    evidence; the default is the whole text.  With ``carried_by_lost_bytes``, a region is
    repaired only where rules decided its lost bytes, and then whole
    (:func:`_carried_by_lost_bytes`); the other regions are left to another family
    (ftfy's, which reads whole cp1252 sequences better than a character score does).
    """
    quotes = QuoteState()
    repairs: list[Repair] = []
    for region in _regions(text, model, [(0, len(text))] if spans is None else spans):
        repairs.extend(_repair_region(text, region, model, quotes, carried_by_lost_bytes))
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
    for (line, word, _), indices in copies.items():
        readings = {repairs[index].repaired for index in indices}
        if all(
            not text[repairs[index].start : repairs[index].end].strip("\ufffd?")
            for index in indices
        ) and _words_on(text, line + 1)[word] > len(indices):
            # a copy the search did not reach (the screen's windows left it out)
            # stays as it was: the holes read in the others decide nothing either
            readings.add(LOST * len(min(readings, key=len)))
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


@lru_cache(maxsize=16)  # lines of the last texts; each entry keeps its text alive
def _words_on(text: str, start: int) -> Counter[str]:
    """How often each word (a run of letters and lost bytes) stands on the line that
    begins at ``start``, counted once a line: a long line of damaged words would
    otherwise be searched once for each."""
    end = text.find("\n", start)
    line = text[start : len(text) if end < 0 else end]
    return Counter("".join(run) for is_word, run in itertools.groupby(line, _word_part) if is_word)


def _word_part(char: str) -> bool:
    return bool(char) and (char.isalpha() or char in UNKNOWN_BYTES)


def _damaged_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the word around ``text[start:end]``: letters and lost bytes."""
    while start and _word_part(text[start - 1]):
        start -= 1
    while end < len(text) and _word_part(text[end]):
        end += 1
    return start, end


def _regions(text: str, model: DamageModel, spans: Iterable[tuple[int, int]]) -> list[Region]:
    """Scan only the runs that can be damage; join regions that only ASCII separates
    on one line.  A line is judged on its own, as any other family reads it: joined
    past a newline, a region of CJK lines was judged whole, and how one line read
    hung on the lines beside it (in documents damaged by each of the bench's models,
    half as many lines came out with a made-up character when judged on their own).

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
                    and "\n" not in text[joinable_at : run.start()]
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


def _clusters(region: Region) -> list[Cluster]:
    """Group sequences that share a damaged character; drop plain ASCII."""
    clusters: list[Cluster] = []
    for piece in region.pieces:
        if clusters and piece.first_char < clusters[-1].end:
            clusters[-1].pieces.append(piece)
            clusters[-1].end = max(clusters[-1].end, piece.last_char + 1)
        else:
            clusters.append(Cluster(piece.first_char, piece.last_char + 1, [piece]))
    return [c for c in clusters if not all(piece.is_ascii for piece in c.pieces)]


def _repair_region(
    text: str,
    region: Region,
    model: DamageModel,
    quotes: QuoteState,
    carried_by_lost_bytes: bool,
) -> list[Repair]:
    """The verified, plausible repairs of one region: its clusters resolved, vetoed
    one by one and together, and accepted when they clearly gain (steps 2 to 5),
    or, ``carried_by_lost_bytes``, when rules decided their lost bytes."""
    clusters = _clusters(region)
    if not clusters:
        return []
    if all(holes.hopeless(text, cluster, model) for cluster in clusters):
        for cluster in clusters:  # what the resolution would do with the quotes
            quotes.advance(text, cluster.start)
            quotes.position = cluster.end
        return []
    _resolve_clusters(text, region, clusters, model, quotes)
    if not any(_decided_change(text, cluster) for cluster in clusters):
        return []  # what the checks below would conclude: they only take clusters away
    accepted, rejected = _judged_one_by_one(text, region, clusters, model)
    changed = _judged_together(text, accepted, rejected, model)
    if carried_by_lost_bytes:
        return _carried_by_lost_bytes(text, changed, model)
    return _accepted_repairs(text, changed, model)


def _carried_by_lost_bytes(text: str, changed: list[Cluster], model: DamageModel) -> list[Repair]:
    """The repairs of ``changed`` if rules decided the lost bytes of its clusters
    that lost some (:func:`_context_decided`), and they are accepted on their own
    (:func:`_accepted_repairs`): the whole sequences of the region are then read
    with them.  A character score judges cp1252 mojibake poorly: ``â€œ`` looks
    nearly as plausible as ``“``, and ``ã€�`` far less than a frequency's guess of
    ``」`` (it was ``、``).  A rule that decided a lost byte (a closing quote
    pairing with the one before) shows what the region is."""
    lost_clusters = [cluster for cluster in changed if cluster.lost]
    for cluster in lost_clusters:
        _weak_choices_left_open(cluster)
    if not _context_decided(lost_clusters):
        return []
    lost = _accepted_repairs(text, lost_clusters, model)
    if not lost:
        return []
    whole = [cluster for cluster in changed if not cluster.lost]
    return sorted(lost + _repairs_of(text, whole, model), key=lambda repair: repair.start)


def _resolve_clusters(
    text: str,
    region: Region,
    clusters: list[Cluster],
    model: DamageModel,
    quotes: QuoteState,
) -> None:
    """Choose the characters of every cluster's lost bytes, in order, the quotation
    marks chosen so far open or closing the next (:mod:`.holes`); then fill the
    holes left from the whole words around them (:mod:`.word_fill`, then
    :mod:`.lattice_fill` for holes side by side)."""
    paired = -1  # index of a cluster already chosen together with the one before it
    kana = holes.kana_in(region)
    for index, cluster in enumerate(clusters):
        quotes.advance(text, cluster.start)
        if index != paired:
            holes.resolve(text, clusters, index, model, quotes, kana)
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
                and holes.single_hole(cluster, model)
                and holes.single_hole(following, model)
            ):
                holes.resolve_pair(text, clusters, index, model, replace(quotes), kana)
                paired = index + 1
        if cluster.unsupported and lost_bytes_in(cluster):
            # left as it was: what its lost bytes were is as unknown as an open hole
            quotes.observe_undecided(_ANY_CLOSING_MARK)
        undecided = dict(cluster.open_holes)
        for position, char in enumerate(cluster.repaired):
            if position in undecided:
                quotes.observe_undecided(undecided[position])
            else:
                quotes.observe(char)
        quotes.position = cluster.end
    word_fill.fill_from_lexicon(text, region, clusters, model)
    word_fill.fill_from_cjk_words(text, clusters, model)
    lattice_fill.fill(text, clusters, model)


def _judged_one_by_one(
    text: str, region: Region, clusters: list[Cluster], model: DamageModel
) -> tuple[list[Cluster], list[Cluster]]:
    """The clusters each check lets through, and those it rejects; a cluster left
    as it was (:func:`_left_as_it_was`) is neither."""
    accepted: list[Cluster] = []
    rejected: list[Cluster] = []
    # left as they were, like those of :func:`_left_as_it_was`
    letters = {id(cluster) for cluster in cluster_checks.letters_of_the_line(text, clusters, model)}
    for cluster in clusters:
        if id(cluster) in letters:
            continue
        if (
            cluster.unsupported
            or cluster_checks.unassigned(cluster.repaired)
            or not verify.verified(text, cluster, model)
            or cluster_checks.is_known_word(text, cluster)
            or cluster_checks.lone_katakana(text, cluster)
            or cluster_checks.lone_unknown_letter(text, cluster)
            or cluster_checks.capital_after_a_small_letter(text, cluster, model)
            or cluster_checks.sign_glued_before_a_word(text, cluster)
            or cluster_checks.rare_ascii_from_a_trail_byte(text, cluster)
        ):
            rejected.append(cluster)
        elif not _left_as_it_was(text, region, cluster, model):
            accepted.append(cluster)
    return accepted, rejected


def _left_as_it_was(text: str, region: Region, cluster: Cluster, model: DamageModel) -> bool:
    """Is the cluster left as it was, without counting against the rest of its
    region: an ideograph of CJK extension A or beyond, or, where bytes vanished, a
    character the drops may have made of several (:mod:`.cluster_checks`)?"""
    rare = cluster_checks.RARE_EXTENSIONS.search(cluster.repaired)
    if rare or cluster_checks.holes_of_extension_a(cluster):
        return True
    if model.loss is not Loss.IGNORE and not cluster_checks.beside_unread(
        text, region, cluster, model
    ):
        return False
    return cluster_checks.rare_cjk_from_drops(cluster) or (
        cluster_checks.drops_between_pairs(text, cluster, model)
        and (
            cluster_checks.whole_beside_a_drop(cluster)
            or (
                # not for cp949's readings of what EUC-KR left: 18 more right characters
                # of the real prose lines, for the one ``綺`` cp949 reads there
                model.wrong_codec != "cp949"
                and cluster_checks.holds_a_whole_three_byte(cluster)
                and cluster_checks.beside_unread(text, region, cluster, model)
            )
        )
    )


def _judged_together(
    text: str, accepted: list[Cluster], rejected: list[Cluster], model: DamageModel
) -> list[Cluster]:
    """The accepted clusters that change the text and pass the checks of the region
    as a whole (scripts, lone letters, readings carried by others), while their
    segments are not outnumbered by rejected clusters (``rejected`` grows with
    those the checks take away)."""
    # clusters are told apart by identity: a list's ``in`` compared every field of each
    alien = cluster_scripts.alien_scripts(text, accepted)
    seen = set(map(id, alien))
    for check in (
        cluster_scripts.foreign_to_line(text, accepted),
        cluster_scripts.outside_simplified(text, accepted, model),
    ):
        alien += [c for c in check if id(c) not in seen]
        seen.update(map(id, check))
    while alien:
        # Left as they were, the alien clusters are the context of their neighbours:
        # Cyrillic read between the ``亞`` and ``舒`` kept of ``Oрганизацията``
        # would be glued to them.
        rejected += alien
        removed = set(map(id, alien))
        accepted = [c for c in accepted if id(c) not in removed]
        alien = cluster_scripts.alien_scripts(text, accepted)
    lone = cluster_scripts.lone_foreign_letters(text, accepted)
    rejected += lone
    alone = set(map(id, lone))
    changed = [c for c in accepted if c.repaired != text[c.start : c.end] and id(c) not in alone]
    if len(changed) > 1:
        carried = cluster_checks.carried(text, changed)
        rejected += carried
        gone = set(map(id, carried))
        changed = [c for c in changed if id(c) not in gone]
    if len(rejected) > len(changed):
        # only what the segments decide: a hole there may stand for several lost
        # characters (``始作者`` that EUC-JP dropped bytes of had become ``��``)
        rescued = _not_outnumbered(text, changed, rejected)
        changed = [c for c in rescued if LOST not in c.repaired]
    return changed


def _accepted_repairs(text: str, changed: list[Cluster], model: DamageModel) -> list[Repair]:
    """The repairs of ``changed`` if they clearly make the text more plausible, or a
    common word confirms them (step 5); none otherwise."""
    decided = [c for c in changed if LOST not in c.repaired]
    if not decided:
        return []
    if (
        model.loss is Loss.IGNORE
        and model.wrong_codec in CJK_CODECS
        and len(changed) - len(decided) > len(decided)
    ):
        # Bytes dropped without a trace all over the region: what looks complete
        # there can be bytes of several characters the drops brought together, as a
        # multi-byte codec pairs what is left (a single-byte one reads each alone)
        # (Chinese read as Big5 loses most continuation bytes, and ``蝘賢撩``
        # re-reads as a valid but wrong ``秽强``), unless it completes a common
        # word of its own (``compl猫tent`` is ``complètent``), or is one damaged
        # character with ASCII on both sides, where no drop could join its bytes to
        # another character's (``Lucr猫ce``).
        changed = decided = cluster_checks.completing_words(text, decided)
        if not decided:
            return []
    original, repaired = _with_context(text, changed)
    effective = _effective_model(model, changed)
    notes: tuple[str, ...] | None = None
    # ``ｶﾀｶﾅ ﾃｽﾄ`` is Japanese: bare half-width katakana needs a confirmation whatever
    # its score (Shift-JIS mojibake shows itself by a word, or by the place of a
    # symbol: ``COPYRIGHT ﾂｩ 2019``), the rest only when it falls short of the margin.
    if all(cluster_checks.bare_katakana(text, c) for c in changed) or (
        not _context_decided(changed)
        and not score.clearly_better(original, repaired, margin=_margin(effective))
    ):
        notes = confirm.confirming_notes(text, [(c.start, c.end, c.repaired) for c in changed])
        if notes is None:
            return []
    return _repairs_of(text, changed, effective, notes)


def _repairs_of(
    text: str,
    clusters: list[Cluster],
    model: DamageModel,
    notes: tuple[str, ...] | None = None,
) -> list[Repair]:
    """The clusters as repairs under ``model``, each note joined with what confirmed it."""
    return [
        Repair(
            c.start,
            c.end,
            c.repaired,
            c.guessed,
            model,
            c.confidence,
            cluster_checks.gain(text, c),
            c.note if notes is None else with_note(c.note, note),
            c.lost,
        )
        for c, note in zip(clusters, notes or [""] * len(clusters), strict=True)
    ]


def _weak_choices_left_open(cluster: Cluster) -> None:
    """Leave U+FFFD where no rule but frequency chose a lost byte's character: in
    ``ã€`` before ``“anas”``, ``」`` only outweighed ``、``, which it was."""
    if len(cluster.repaired) != len(cluster.guessed):
        return
    for index, (confidence, note) in cluster.choices.items():
        if confidence < DECIDED and cluster.repaired[index] != LOST:
            cluster.repaired = cluster.repaired[:index] + LOST + cluster.repaired[index + 1 :]
            cluster.confidence = min(cluster.confidence, UNDECIDED)
            cluster.note = with_note(note, "only frequency chose it; lost byte left as U+FFFD")
            cluster.choices[index] = (UNDECIDED, cluster.note)


_ANY_CLOSING_MARK = ("”", "’", "“")


def _decided_change(text: str, cluster: Cluster) -> bool:
    """Could the cluster be a decided change: supported, changing the text, no hole left?"""
    return (
        not cluster.unsupported
        and LOST not in cluster.repaired
        and cluster.repaired != text[cluster.start : cluster.end]
    )


#: What separates the segments of a region: ASCII spaces only, for a no-break space
#: is a byte of damage under Latin-1 (``å\xa0`` is ``因`` that lost its ``9B``).
_ASCII_SPACE = re.compile("[ \t\r\n]")


def _not_outnumbered(text: str, changed: list[Cluster], rejected: list[Cluster]) -> list[Cluster]:
    """The changed clusters of a region the rejected ones outnumber, in the segments
    (the region's parts between ASCII spaces) they do not outnumber.

    A region most of whose clusters the checks rejected is no damage of this
    model, but for the words where its repairs are the most: a region joins
    across ASCII, and residue the model cannot read in one word must not take the
    repairs of the next.  cp932 read ``“underneath” €`` whole after
    ``“метрополитен”``, whose bytes Shift-JIS had dropped.
    """
    segment_of: dict[int, int] = {}
    segment = 0
    previous_end = -1
    for cluster in sorted(changed + rejected, key=lambda c: c.start):
        if previous_end >= 0 and _ASCII_SPACE.search(text, previous_end, cluster.start):
            segment += 1
        segment_of[id(cluster)] = segment
        previous_end = cluster.end
    outnumbered = Counter(segment_of[id(c)] for c in rejected)
    outnumbered.subtract(segment_of[id(c)] for c in changed)
    return [c for c in changed if outnumbered[segment_of[id(c)]] <= 0]


def _with_context(text: str, clusters: list[Cluster]) -> tuple[str, str]:
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


def _context_decided(clusters: list[Cluster]) -> bool:
    """True when every decided change restored lost bytes that the context clearly
    decided (undecided holes then become U+FFFD).

    ``Heâs`` → ``He’s`` hardly changes the character-level score, but an English
    contraction is strong evidence on its own (and real words were vetoed before).
    """
    decided = [c for c in clusters if LOST not in c.repaired]
    return bool(decided) and all(c.lost and c.confidence >= DECIDED for c in decided)


def _margin(model: DamageModel) -> float:
    # A lossless multi-byte misreading is hard to produce by chance; lost bytes less so.
    return 1.5 if model.loss is Loss.NONE else 2.0


def _effective_model(model: DamageModel, clusters: list[Cluster]) -> DamageModel:
    """Name the lossless model when no bytes were actually lost (a byte replaced by
    U+FFFD was lost, even where the bytes around it leave one candidate)."""
    if model.loss in (Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION) and not any(
        c.lost or any(not piece.complete for piece in c.pieces) for c in clusters
    ):
        return DamageModel(model.true_codec, model.wrong_codec, Loss.NONE)
    return model
