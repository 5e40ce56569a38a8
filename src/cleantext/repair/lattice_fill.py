"""Filling CJK holes that the single-hole rules leave open, from the words around
them read side by side (:mod:`.word_lattice`).

Two kinds of hole, both read over wordfreq's Chinese and Japanese words and its
katakana words (:func:`.word_lattice.japanese`), the open holes around them read
with their candidates:

* **A katakana letter.**  :mod:`.cjk_words` leaves kana open: a lost hiragana is
  as often a particle between words as a letter inside one.  Katakana writes
  loanwords, long and listed: ``スク?プト`` is ``スクリプト``, ``拡張?ジュール`` is
  ``拡張モジュール``, and ``?ャンペー?`` is ``キャンペーン`` (read alone, the second
  hole had made ``ャンペーー``).  The particles are in the same lists, so a hole
  the words read as ``に`` stays open: only katakana letters are written.
* **An ideograph beside another hole.**  Chosen from one side, ``測試??`` would be
  ``測試車`` (a word), and the next hole would follow that mistake; read together,
  both holes are weighed at once.

A character is written only where a listed word of two characters or more holds
it and its cutting is :data:`.word_lattice.RATIO` times as likely as any rival's,
and where it damages back to the text.  Where the word runs into a hole whose
candidates are not known (a ``?`` outside the clusters, or thousands of
candidates), the hole stays open: read without it, a piece of the word is taken
for the whole; so does a katakana hole at the end of its run where another
candidate begins a longer listed word (``プログラ?;`` was ``プログラミ``, a word
cut short, not ``プログラム``), and one at the start of its run where the letters
after it go on past every listed word it begins (``?グラミン?`` is no ``モグラ``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from cleantext.repair import cjk_words, word_lattice
from cleantext.repair.cluster import Cluster
from cleantext.repair.models import DamageModel
from cleantext.repair.verify import reproduces_with
from cleantext.repair.word_fill import Place, fill_hole, hole_marks, places_around

__all__ = ["fill"]

#: A cell of the text around a hole: a character, the candidates of an open hole,
#: or an empty tuple for a hole whose candidates are not known.
Cell = tuple[str, ...]

#: Cells read on each side of a katakana hole (loanwords run long: ``コンピューター``) ...
_KATAKANA_CONTEXT = 9
#: ... and of an ideograph hole (the words listed are four characters at most).
_IDEOGRAPH_CONTEXT = cjk_words.LONGEST_WORD


def fill(text: str, clusters: list[Cluster], model: DamageModel) -> None:
    """Fill each cluster's one open hole that is a katakana letter beside katakana,
    or an ideograph beside another open hole, where the words decide it."""
    holes = hole_marks(model)
    for index, cluster in enumerate(clusters):
        if len(cluster.open_holes) != 1:
            continue
        hole, candidates = cluster.open_holes[0]
        if len(candidates) > cjk_words.MAX_CANDIDATES or hole >= len(cluster.repaired):
            continue  # (a cluster read as nothing keeps a hole past its end)
        katakana = _may_be_katakana(candidates)
        if not katakana and not cjk_words.could_fill(candidates):
            continue
        before, after = _cells_around(text, clusters, index, hole, holes)
        if katakana and (
            _first_holds(before[::-1], word_lattice.is_katakana)
            or _first_holds(after, word_lattice.is_katakana)
        ):
            kind, context, note = word_lattice.is_katakana, _KATAKANA_CONTEXT, "a Japanese word"
        elif cjk_words.could_fill(candidates) and _beside_an_open_hole(before, after):
            kind, context, note = cjk_words.is_ideograph, _IDEOGRAPH_CONTEXT, "the words"
        else:
            continue
        outwards = (before[::-1][:context], after[:context])
        if any(_into_the_unknown(cells, kind) for cells in outwards):
            continue
        head, tail = (_word_cells(cells, kind) for cells in outwards)
        if not any(len(cell) == 1 for cell in (*head, *tail)):
            continue  # no known character for a word to span (as decide_at requires)
        run = [*head[::-1], candidates, *tail]
        lexicon = word_lattice.japanese()
        char = word_lattice.decide_at(run, len(head), lexicon)
        if char is None or not kind(char):
            continue
        if kind is word_lattice.is_katakana and (
            _word_may_go_on(head[::-1], tail, char, candidates)
            or _run_goes_past_the_word(head, tail, char)
        ):
            continue
        if reproduces_with(text, cluster, model, hole, char):
            fill_hole(cluster, hole, char, f"lost byte: {char!r} completes {note} around it")


@lru_cache(maxsize=4096)
def _may_be_katakana(candidates: tuple[str, ...]) -> bool:
    return any(map(word_lattice.is_katakana, candidates))


def _word_may_go_on(
    head: list[Cell], tail: list[Cell], char: str, candidates: tuple[str, ...]
) -> bool:
    """At the end of a run of katakana, could another candidate begin a longer listed
    word with the letters before it?  Then the word may be one no list holds, or cut
    short, rather than the shorter listed one: ``プログラ?;`` was ``プログラミ``, not
    ``プログラム``."""
    if any(map(word_lattice.is_katakana, tail[0] if tail else ())):
        return False
    before = _katakana_letters(reversed(head))[::-1]
    continuations = word_lattice.japanese().continuations
    return any(
        other != char and before + other in continuations
        for other in candidates
        if word_lattice.is_katakana(other)
    )


def _run_goes_past_the_word(head: list[Cell], tail: list[Cell], char: str) -> bool:
    """At the start of a run of katakana, do ``char`` and the katakana letters after
    it go on past every listed word (begin none)?  Then the run is a word no list
    holds, or one cut short at its start, and a listed word the letter begins is a
    coincidence: ``?グラミン?`` (``ログラミング``, cut from ``プログラミング``) had
    become ``モグラミン?``, for the listed ``モグラ`` (``lossy_scan.py``, seed 855).
    ``head`` runs from the hole outwards."""
    if head and any(map(word_lattice.is_katakana, head[0])):
        return False
    run = char + _katakana_letters(tail)
    lexicon = word_lattice.japanese()
    return run not in lexicon.words and run not in lexicon.continuations


def _katakana_letters(cells: Iterable[Cell]) -> str:
    """The known katakana letters the cells begin with, up to the first cell that is
    a hole or no katakana."""
    letters = []
    for cell in cells:
        if len(cell) != 1 or not word_lattice.is_katakana(cell[0]):
            break
        letters.append(cell[0])
    return "".join(letters)


def _cells_around(
    text: str, clusters: list[Cluster], index: int, hole: int, holes: tuple[str, ...]
) -> tuple[list[Cell], list[Cell]]:
    """Up to :data:`_KATAKANA_CONTEXT` cells on each side of the hole: before it
    (nearest last), the cluster's own characters and its neighbours'; after it
    (nearest first), likewise."""
    cluster = clusters[index]
    own_before = hole
    own_after = len(cluster.repaired) - hole - 1
    outside_before, outside_after = places_around(
        text, clusters, index, _KATAKANA_CONTEXT - own_before, _KATAKANA_CONTEXT - own_after
    )

    def cell(place: Place) -> Cell:
        neighbour, position = place
        if neighbour is None:
            return _text_cell(text[position], holes)
        return _cell_of(neighbour, position, holes)

    before = [cell(place) for place in outside_before]
    before += [_cell_of(cluster, position, holes) for position in range(hole)]
    after = [_cell_of(cluster, k, holes) for k in range(hole + 1, len(cluster.repaired))]
    after += [cell(place) for place in outside_after]
    return before[-_KATAKANA_CONTEXT:], after[:_KATAKANA_CONTEXT]


def _cell_of(cluster: Cluster, position: int, holes: tuple[str, ...]) -> Cell:
    """The cell of a cluster's repaired character: its candidates if it is an open
    hole (none if they are too many to read), else the character."""
    for place, candidates in cluster.open_holes:
        if place == position:
            return candidates if len(candidates) <= cjk_words.MAX_CANDIDATES else ()
    return _text_cell(cluster.repaired[position], holes)


def _text_cell(char: str, holes: tuple[str, ...]) -> Cell:
    """A character of the text, or an unknown hole where it is one (``?`` only where
    lost bytes were written so)."""
    return () if char in holes else (char,)


def _first_holds(cells: list[Cell], kind: Callable[[str], bool]) -> bool:
    """Does the first cell (from the hole outwards) hold a character of ``kind``?"""
    return bool(cells) and any(map(kind, cells[0]))


def _beside_an_open_hole(before: list[Cell], after: list[Cell]) -> bool:
    """Is the cell right before or right after the hole an open hole with candidates?"""
    return (bool(before) and len(before[-1]) > 1) or (bool(after) and len(after[0]) > 1)


def _into_the_unknown(cells: list[Cell], kind: Callable[[str], bool]) -> bool:
    """Do the cells (from the hole outwards) run through characters of ``kind``, or
    holes that may be one, into a hole whose candidates are not known?"""
    for cell in cells:
        if not cell:
            return True
        if not any(map(kind, cell)):
            return False
    return False


def _word_cells(cells: list[Cell], kind: Callable[[str], bool]) -> list[Cell]:
    """The cells (from the hole outwards) the word may go on through: characters of
    ``kind`` and open holes that may be one; then one kana or ideograph, the context
    the word ends against.  (Every open hole of the window read with its candidates
    had cost the cuttings a hundredfold.)"""
    taken: list[Cell] = []
    for cell in cells:
        if any(map(kind, cell)):
            taken.append(cell)
            continue
        if len(cell) == 1 and cjk_words.is_cjk(cell[0]):
            taken.append(cell)
        break
    return taken
