"""Filling the holes no rule decided alone from the whole words around them.

Letters from the word-frequency lexicons (:mod:`.lexicon`: ``ди?ек?о?`` is
``директор``), ideographs from the CJK words around them (:mod:`.cjk_words`:
``資訊?技`` is ``資訊科技``); run after :mod:`.holes` has chosen what it could
cluster by cluster, and before :mod:`.lattice_fill` reads holes side by side.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from functools import lru_cache

from cleantext.repair import bytescan, cjk_words, lexicon, words
from cleantext.repair.bytescan import Region
from cleantext.repair.cluster import LONGEST_WORD, LOST, Cluster
from cleantext.repair.holes import lost_run
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.verify import reproduces_with

__all__ = [
    "Place",
    "fill_from_cjk_words",
    "fill_from_lexicon",
    "fill_hole",
    "hole_marks",
    "places_around",
]


def _letters_inside_a_word(
    text: str, cluster: Cluster, candidates: tuple[str, ...]
) -> tuple[str, ...]:
    """The candidates of a bare run between two letters that are letters themselves.

    No byte survived there, so the pool offers marks too (a no-break space, ``«``),
    which keep the lexicon from the word; inside a word a two-byte mark is as good as
    never written (``’`` leaves a run of three, which a context rule reads).
    """
    piece = cluster.pieces[0]
    if len(cluster.pieces) != 1 or any(value != bytescan.UNKNOWN for value in piece.slots):
        return candidates
    start, end = lost_run(text, cluster)
    if not (text[start - 1 : start].isalpha() and text[end : end + 1].isalpha()):
        return candidates
    return _letters_of(candidates)


@lru_cache(maxsize=256)
def _letters_of(candidates: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(char for char in candidates if char.isalpha())


#: Characters of the line looked at on each side of a region for its language.
_LINE_REACH = 300


def _line_around(text: str, region: Region, clusters: list[Cluster]) -> str:
    """The line (or lines) holding ``region``, at most :data:`_LINE_REACH` characters
    past it on each side, the characters of its ``clusters`` written as holes: the
    words whose language decides a word of several.  A word holding the damage is
    none of them: Spanish ``LA CÓNSUL VIRUS SÍ MÁS`` that lost its C1 bytes is ``LA
    CÃNSUL VIRUS SÃ MÃS``, and the Portuguese and Romanian lists' ``sã`` and ``mãs``
    had named the line theirs, making ``CÃNSUL`` the Portuguese ``CÔNSUL``."""
    first = max(0, region.start - _LINE_REACH)
    last = min(len(text), region.end + _LINE_REACH)
    start = text.rfind("\n", first, region.start) + 1 or first
    newline = text.find("\n", region.end, last)
    end = last if newline < 0 else newline
    pieces: list[str] = []
    position = start
    for cluster in clusters:
        pieces.append(text[position : cluster.start])
        pieces.append(LOST * (cluster.end - cluster.start))
        position = cluster.end
    pieces.append(text[position:end])
    return "".join(pieces)


#: Confidence of a letter the whole word's lexicon match decided (above :data:`.cluster.DECIDED`:
#: a unique or overwhelming match stands on its own, like a contraction).
_LEXICON_CONFIDENCE = 0.8


def fill_from_lexicon(
    text: str, region: Region, clusters: list[Cluster], model: DamageModel
) -> None:
    """Fill holes that no rule decided alone but the whole word does (``ди?ек?о?`` is
    ``директор``, :mod:`.lexicon`), for words that lost bytes in several places.

    The word may reach past the region into text the region did not read; there a
    character that could itself be damage under ``model`` is opaque, not a letter.
    """
    if not any(lexicon.hole_scripts(holes) for c in clusters for _, holes in c.open_holes):
        return
    cells: list[lexicon.Cell] = []
    owners: list[tuple[Cluster, int] | None] = []
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
    line = _line_around(text, region, clusters)
    for cell_index, (char, note) in lexicon.fill_words(
        cells, words.LANGUAGES_BY_LETTER, line
    ).items():
        owner = owners[cell_index]
        if owner is not None:
            fill_hole(*owner, char, note)


_SENTENCE_CONTEXT = 4


#: A character of the ranges :func:`.lexicon.script_of` gives a script with a lexicon:
#: a word the lexicon fills has at least two known letters there.
_LEXICON_SCRIPT = re.compile("[A-Za-z\u00aa-\u024f\u0370-\u052f\u1e00-\u1fff]")


def fill_from_cjk_words(text: str, clusters: list[Cluster], model: DamageModel) -> None:
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
    holes = hole_marks(model)
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
            item for item in ranked if reproduces_with(text, cluster, model, hole, item[1])
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
                functools.partial(reproduces_with, text, cluster, model, hole),
            )
            if spelled is not None and (one_sided or not word or spelled[0] != char):
                char, pair = spelled
                fill_hole(cluster, hole, char, f"lost byte: the text writes {pair!r} nearby")
                continue
        if one_sided or not word:
            continue
        runner_up = reproducing[1][0] if len(reproducing) > 1 else 0.0
        if probability >= cjk_words.RATIO * runner_up:
            fill_hole(cluster, hole, char, f"lost byte: {char!r} reads as the word {word!r}")


def _repaired_text(text: str, clusters: list[Cluster]) -> tuple[str, list[int]]:
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


def _repaired_neighbours(text: str, clusters: list[Cluster], index: int) -> tuple[str, str]:
    """A few characters on each side of cluster ``index``, adjacent clusters as repaired
    (U+FFFD in their open holes)."""

    def char(place: Place) -> str:
        cluster, position = place
        return text[position] if cluster is None else cluster.repaired[position]

    wanted = _CJK_CONTEXT
    before, after = places_around(text, clusters, index, wanted, wanted)
    return "".join(map(char, before))[-wanted:], "".join(map(char, after))[:wanted]


#: A character around a cluster: ``(None, i)`` for ``text[i]``, ``(cluster, k)`` for
#: the ``k``-th character a neighbouring cluster repaired.
Place = tuple[Cluster | None, int]


def places_around(
    text: str, clusters: list[Cluster], index: int, before: int, after: int
) -> tuple[list[Place], list[Place]]:
    """The characters before cluster ``index`` (nearest last) and after it (nearest
    first), at least ``before`` and ``after`` of them where the text has them: a
    neighbouring cluster, taken whole, stands for what it repaired, since its bytes
    no longer read as the text's characters."""
    left: list[Place] = []
    position, neighbour = clusters[index].start, index - 1
    while len(left) < before and position > 0:
        if neighbour >= 0 and clusters[neighbour].end == position:
            cluster = clusters[neighbour]
            left[:0] = [(cluster, k) for k in range(len(cluster.repaired))]
            position, neighbour = cluster.start, neighbour - 1
        else:
            position -= 1
            left.insert(0, (None, position))
    right: list[Place] = []
    position, neighbour = clusters[index].end, index + 1
    while len(right) < after and position < len(text):
        if neighbour < len(clusters) and clusters[neighbour].start == position:
            cluster = clusters[neighbour]
            right += [(cluster, k) for k in range(len(cluster.repaired))]
            position, neighbour = cluster.end, neighbour + 1
        else:
            right.append((None, position))
            position += 1
    return left, right


_CJK_CONTEXT = 3  # characters on each side a word around an ideograph hole may use


def _word_edge(text: str, position: int, step: int) -> int:
    """Where the letters running from ``position`` (leftwards for ``step`` -1) stop,
    or -1 if they run on past :data:`.cluster.LONGEST_WORD` (then not a word)."""
    for count in range(LONGEST_WORD + 1):
        index = position + count * step
        inside = index - 1 if step < 0 else index
        if not 0 <= inside < len(text) or not text[inside].isalpha():
            return index
    return -1


def hole_marks(model: DamageModel) -> tuple[str, ...]:
    """What a hole looks like in text damaged by ``model``: U+FFFD, and ``?`` where
    lost bytes were written so."""
    return (LOST, "?") if model.loss in (Loss.REPLACE_QUESTION, Loss.C1_TO_QUESTION) else (LOST,)


def fill_hole(cluster: Cluster, index: int, char: str, note: str) -> None:
    """Write ``char`` in the cluster's open hole at ``index``, with the note for the plan."""
    cluster.repaired = cluster.repaired[:index] + char + cluster.repaired[index + 1 :]
    cluster.guessed = cluster.guessed[:index] + char + cluster.guessed[index + 1 :]
    cluster.open_holes = [hole for hole in cluster.open_holes if hole[0] != index]
    cluster.choices[index] = (_LEXICON_CONFIDENCE, note)
    cluster.confidence = min(confidence for confidence, _ in cluster.choices.values())
    cluster.note = "; ".join(note for _, note in cluster.choices.values())
