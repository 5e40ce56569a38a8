"""The checks that take clusters away for the script their repair writes.

Lost bytes can be explained more than one way, and an explanation that writes a
letter of one script among the words of another is the wrong one: a letter of a
script its line has no word in, standing alone (:func:`lone_foreign_letters`); a
letter glued to a letter of another script (:func:`alien_scripts`); damaged CJK
letters that fit the words around them, which a repair would put in another
script (:func:`foreign_to_line`); traditional or Japanese ideographs among
simplified Chinese ones (:func:`outside_simplified`).  The checks of one cluster
at a time, and the gain by which rival repairs are ranked, are
:mod:`.cluster_checks`'.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from cleantext.repair import lexicon, score
from cleantext.repair.cluster import CONTEXT, LOST, UNKNOWN_BYTES, Cluster, line_of
from cleantext.repair.models import DamageModel, Loss, encodes
from cleantext.repair.words import zipf

__all__ = ["alien_scripts", "foreign_to_line", "lone_foreign_letters", "outside_simplified"]


def lone_foreign_letters(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """Clusters that write one letter standing alone or glued to an ASCII one, of a
    script (not Latin or CJK) that no word of its line is in, damaged or repaired.

    Text in such a script writes words of several letters; single letters with no
    word of their script in sight are what coincidences make.  GBK read ``丕`` and
    ``丿``, all that EUC-JP dropping bytes left of Ukrainian ``Є І У ПРО ПЕРШЕ!``,
    as the Arabic ``ا`` and ``د``, and ``怨``, what it left of ``英国``, as the
    Armenian ``Թ``.  Letters few texts write (:func:`_rare_letter`) side by side,
    one a cluster, beside a hole, stand alone as one, the hole a space: EUC-KR
    read ``覩碁``, what EUC-JP with U+FFFD kept of Korean ``미디어``, as ``ԭѳ``
    before three holes (word probe, seed 193).  Not between spaces: Syriac read
    as GBK is a word of such letters.  Nor common ones: Cyrillic and Greek read
    as a CJK codec show their codec by two letters (``ло``, ``μο``).  A letter
    whose short word no lexicon knows (:func:`_stray_word`) stands alone as well,
    its word's letters then counting for nothing on the line, and so does one
    letter repeated: Big5 dropping bytes kept ``賱賱`` of Korean ``다이아몬드``, and
    GBK read it as ``لل`` (word probe, seed 203).
    """
    lone: list[Cluster] = []
    in_words: set[str] = set()
    runs = _rare_letter_runs(clusters)
    repeated = _repeated_letter_runs(clusters)
    strays: list[tuple[int, int]] = []
    for cluster in clusters:
        letter = cluster.repaired
        beside = text[cluster.start - 1 : cluster.start] + text[cluster.end : cluster.end + 1]
        if id(cluster) in runs:
            first, last = runs[id(cluster)]
            around = text[first - 1 : first] + text[last : last + 1]
            if LOST in around:  # what a hole stood for made no word with them
                beside = around.replace(LOST, " ")
        if id(cluster) in repeated:  # a letter repeated is no word: ``لل``
            first, last = repeated[id(cluster)]
            beside = text[first - 1 : first] + text[last : last + 1]
        stray = _stray_word(text, cluster)
        if stray is not None:  # the word stands alone as the letter would
            strays.append(stray)
            around = text[stray[0] - 1 : stray[0]] + text[stray[1] : stray[1] + 1]
            beside = "".join(" " if char in UNKNOWN_BYTES else char for char in around)
        script = score.script_of(letter) if len(letter) == 1 and letter.isalpha() else ""
        if script in ("", "LATIN", "CJK") or not (
            all(map(_word_boundary, beside)) or _glued_to_latin(beside, script)
        ):
            in_words.update(map(score.script_of, letter))
        else:
            lone.append(cluster)
    if not lone:
        return []
    # the damaged line, which holds none of the repairs' letters, but for the
    # letters of a stray word
    start, end = line_of(text, lone[0].start)[0], line_of(text, lone[-1].end)[1]
    for first, last in strays:
        in_words.update(_scripts_in(text, start, max(start, first)))
        start = max(start, last)
    in_words.update(_scripts_in(text, start, end))
    return [cluster for cluster in lone if score.script_of(cluster.repaired) not in in_words]


def _stray_word(text: str, cluster: Cluster) -> tuple[int, int] | None:
    """The span of the word the letter a cluster writes makes with the letters of
    its script glued to it in the text, where the letter is rare
    (:func:`_rare_letter`) or outside the alphabets of its script's lexicons
    (:data:`.lexicon.LANGUAGES_BY_SCRIPT`: Abkhaz ``ҭ`` is in none), the word is
    short (at most :data:`_STRAY_WORD` letters) and no lexicon knows it; else
    ``None``.  Such a word is no more a word than the letter alone: EUC-KR dropping
    bytes kept ``珥ъ`` of Korean ``촬영``, whose ``ъ`` is a letter of its own Cyrillic
    row, and Big5 read ``珥`` as ``ҭ`` (word probe, seed 200: ``ҭъ``)."""
    letter = cluster.repaired
    script = score.script_of(letter) if len(letter) == 1 and letter.isalpha() else ""
    if script in ("", "LATIN", "CJK"):
        return None
    first, last = cluster.start, cluster.end
    while first > 0 and _of_script(text[first - 1], script):
        first -= 1
    while last < len(text) and _of_script(text[last], script):
        last += 1
    word = text[first : cluster.start] + letter + text[cluster.end : last]
    if len(word) == 1 or len(word) > _STRAY_WORD:
        return None  # asked first: the alphabets below load the lexicons
    languages = lexicon.LANGUAGES_BY_SCRIPT.get(lexicon.script_of(letter), ())
    if not (
        _rare_letter(letter)
        or (languages and all(letter.lower() not in lexicon.alphabet(lang) for lang in languages))
    ):
        return None
    if any(zipf(word.lower(), language) > 0 for language in languages):
        return None
    return first, last


_STRAY_WORD = 3  # letters at most of a word a rare letter makes by coincidence


def _of_script(char: str, script: str) -> bool:
    return char.isalpha() and score.script_of(char) == script


def _rare_letter_runs(clusters: list[Cluster]) -> dict[int, tuple[int, int]]:
    """For each cluster in a run of two or more side by side that each write one
    :func:`_rare_letter`, keyed by ``id``, the span of its run."""
    return _runs(clusters, lambda run, cluster: _rare_letter(cluster.repaired))


def _repeated_letter_runs(clusters: list[Cluster]) -> dict[int, tuple[int, int]]:
    """For each cluster in a run of two or more side by side that write one letter,
    the same, keyed by ``id``, the span of its run."""
    return _runs(
        clusters,
        lambda run, cluster: (
            len(cluster.repaired) == 1
            and cluster.repaired.isalpha()
            and (not run or cluster.repaired == run[0].repaired)
        ),
    )


def _runs(
    clusters: list[Cluster], joins: Callable[[list[Cluster], Cluster], bool]
) -> dict[int, tuple[int, int]]:
    """For each cluster in a run of two or more side by side, each of which ``joins``
    the run before it (an empty one for the first), keyed by ``id``, the span of its run."""
    runs: dict[int, tuple[int, int]] = {}
    run: list[Cluster] = []
    for cluster in [*clusters, None]:
        if cluster is not None and run and run[-1].end == cluster.start and joins(run, cluster):
            run.append(cluster)
            continue
        if len(run) > 1:
            runs.update((id(member), (run[0].start, run[-1].end)) for member in run)
        run = [cluster] if cluster is not None and joins([], cluster) else []
    return runs


def _rare_letter(repaired: str) -> bool:
    """Is ``repaired`` one letter of an alphabet (below U+2000) that costs as a rare
    character (:func:`.score.char_cost`): of a small orthography (``ԭ``), a historic
    alphabet (``ѳ``) or a small script?"""
    return (
        len(repaired) == 1
        and repaired.isalpha()
        and ord(repaired) < _ALPHABETS_END
        and score.char_cost(repaired) >= 2.0
    )


_ALPHABETS_END = 0x2000  # past the alphabets: symbols, CJK, half-width forms


@lru_cache(maxsize=16)  # asked once a region: a long line holds thousands
def _scripts_in(text: str, start: int, end: int) -> frozenset[str]:
    """The scripts of the characters of ``text[start:end]``."""
    return frozenset(map(score.script_of, text[start:end]))


def _glued_to_latin(beside: str, script: str) -> bool:
    """Is the letter glued to an ASCII one, as no word of its script is?  EUC-JP read
    the ``丱`` GBK made of ``、O`` that lost bytes as ``Х``: ``Хr``.  (ASCII: the
    other Latin letters beside a cluster are mojibake, ``Ð£`` beside ``Ð\xa0``.)  Not
    Greek, whose letters stand for units and constants beside Latin ones (``μm``)."""
    return script != "GREEK" and any(char.isascii() and char.isalpha() for char in beside)


def _word_boundary(char: str) -> bool:
    """Is ``char`` a space or ASCII punctuation, but for the ``?`` of lost bytes?"""
    return char.isspace() or (char.isascii() and not char.isalnum() and char != "?")


def alien_scripts(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """Clusters whose repair puts a letter beside a letter of another script.

    Lost bytes can be explained more than one way; an explanation that drops an
    N'Ko or Cyrillic letter into Korean or Polish words is the wrong one.
    """
    alien: list[Cluster] = []
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


def _readings_of_holes(cluster: Cluster) -> Iterator[str]:
    """The cluster's guess, then the guess with one undecided hole holding a letter
    of each other script its candidates offer, or a mark among them.

    An undecided hole is written U+FFFD, so its guess (the likeliest by frequency)
    is no claim about the script: ``ê¹`` that lost a C1 byte after ``中`` guesses
    the Yi ``ꀹ`` (``EA 80 B9``), but its candidates hold Hangul (``EA B9 8C`` is
    ``까``), which agrees.
    """
    yield cluster.guessed
    for index, candidates in cluster.open_holes:
        for candidate in _candidate_per_script(candidates):
            yield cluster.guessed[:index] + candidate + cluster.guessed[index + 1 :]


@lru_cache(maxsize=1024)  # the candidate tuples of holes come back
def _candidate_per_script(candidates: tuple[str, ...]) -> tuple[str, ...]:
    """The first candidate letter of each script among ``candidates``, and the first
    mark or space (of no script: ``、`` beside ``Python`` is glued to no word)."""
    first: dict[str, str] = {}
    for candidate in candidates:
        script = score.script_of(candidate)
        if script or unicodedata.category(candidate)[0] in "PSZ":
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


def foreign_to_line(text: str, clusters: list[Cluster]) -> list[Cluster]:
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
    foreign: list[Cluster] = []
    first = 0
    while first < len(clusters):
        last = first  # clusters[first..last]: a run of clusters that touch
        while last + 1 < len(clusters) and clusters[last + 1].start == clusters[last].end:
            last += 1
        run = clusters[first : last + 1]
        if _changes_script(text, run):
            letters = _letters_of(run)
            own = letters if len(letters) == 1 else set()
            around = {
                score.script_of(char)
                for char in (
                    _nearest_letter(text, clusters, first, -1, own),
                    _nearest_letter(text, clusters, last, 1, own),
                )
                if char
            }
            if around <= {"CJK"} or _lone_letter_of_another_script(run, around):
                # no letter around, or only CJK ones like the run's; or one letter
                # alone, of a script no letter around it is written in
                foreign.extend(run)
        first = last + 1
    return foreign


def _lone_letter_of_another_script(run: list[Cluster], around: set[str]) -> bool:
    """Is the repair of ``run`` one letter, perhaps repeated, of a script none of the
    letters around it is in?  ``歃`` between English words read as EUC-JP is ``ݽ``, an
    Arabic letter alone: a word in another script takes more than one letter.  Nor
    is one letter repeated a word: Big5 keeps the same ``賱`` of each syllable of
    ``대부분의`` that dropped its other bytes, and GBK reads ``賱賱`` as ``لل``."""
    letters = _letters_of(run)
    return len(letters) == 1 and score.script_of(next(iter(letters))) not in around


def _letters_of(run: list[Cluster]) -> set[str]:
    """The letters the run's repair writes."""
    return {char for cluster in run for char in cluster.guessed if char.isalpha()}


def _changes_script(text: str, run: list[Cluster]) -> bool:
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


def _nearest_letter(
    text: str, clusters: list[Cluster], index: int, step: int, own: set[str]
) -> str:
    """The first letter before (``step`` -1) or after (1) cluster ``index`` on its line,
    within :data:`.cluster.CONTEXT` characters, neighbouring clusters read as repaired.

    A neighbour repaired into nothing but the letters ``own`` (the run's one letter,
    or none) is passed over: a letter repeated vouches for no copy of itself.  GBK
    read each ``賱`` of ``???賱?賱????``, what Big5 with ``?`` for lost bytes kept of
    ``대부분의``, as ``ل``, and each had had the other for an Arabic neighbour.
    (Different letters still vouch for each other: EUC-JP with ``?`` keeps ``廨``
    and ``廣`` alone of Hebrew words, which are ``ר`` and ``ע``.)"""
    position = clusters[index].start - 1 if step < 0 else clusters[index].end
    other = index + step
    for _ in range(CONTEXT):
        if not 0 <= position < len(text) or text[position] == "\n":
            return ""
        if 0 <= other < len(clusters) and clusters[other].start <= position < clusters[other].end:
            neighbour = clusters[other]
            letters = [char for char in neighbour.guessed if score.script_of(char)]
            if letters and not set(letters) <= own:
                return letters[-1] if step < 0 else letters[0]
            position = neighbour.start - 1 if step < 0 else neighbour.end
            other += step
            continue
        if score.script_of(text[position]):
            return text[position]
        position += step
    return ""


def outside_simplified(text: str, clusters: list[Cluster], model: DamageModel) -> list[Cluster]:
    """Where bytes were lost, the clusters writing only ideographs that simplified
    Chinese does not write (outside GB2312), in a region whose repairs (or else
    whose line) hold two or more that only simplified Chinese writes.

    A Chinese text is written in one of its two scripts: cp932 dropped the ``80`` of
    ``言`` and the ``EF`` and ``8C`` of ``，`` after it, and read ``險ｼ`` as the
    Japanese ``証`` beside ``计`` and ``语``."""
    if model.loss is Loss.NONE or not clusters:
        return []
    simplified = sum(_simplified_only(char) for cluster in clusters for char in cluster.repaired)
    if simplified < _SIMPLIFIED_EVIDENCE and model.wrong_codec not in _WRITES_SIMPLIFIED:
        # or on the line, repaired by an earlier pass (what GBK misread writes
        # simplified ideographs too)
        simplified += _simplified_on(text, *line_of(text, clusters[0].start))
    if simplified < _SIMPLIFIED_EVIDENCE:
        return []
    return [
        cluster
        for cluster in clusters
        if (ideographs := [char for char in cluster.repaired if _IDEOGRAPH.match(char)])
        and not any(map(_simplified_only, cluster.repaired))
        and not any(encodes(char, "gb2312") for char in ideographs)
    ]


_SIMPLIFIED_EVIDENCE = 2

_WRITES_SIMPLIFIED = frozenset({"gbk", "gb18030"})

_IDEOGRAPH = re.compile("[\u4e00-\u9fff]")


@lru_cache(maxsize=16)  # lines of the last texts; each entry keeps its text alive
def _simplified_on(text: str, start: int, end: int) -> int:
    """How many ideographs only simplified Chinese writes ``text[start:end]`` holds,
    counted once a line: a long line of regions would otherwise be read once each."""
    return sum(map(_simplified_only, _IDEOGRAPH.findall(text, start, end)))


@lru_cache(maxsize=8192)
def _simplified_only(char: str) -> bool:
    """Is ``char`` an ideograph only simplified Chinese writes: in GB2312, and in
    neither Big5 nor cp932 (``国`` is Japanese too)?"""
    if not _IDEOGRAPH.match(char) or not encodes(char, "gb2312"):
        return False
    return not (encodes(char, "big5") or encodes(char, "cp932"))
