"""The checks that take clusters away from a region's repair.

Each cluster on its own: a real word already, half-width katakana that is
Japanese, a code point no text holds, a rare character the drops of bytes made by
chance.  Then the region's clusters together: a letter put beside a letter of
another script, a lone letter of a script its line does not write, repairs carried
past the margin by the holes around them.  And the gain of a repair, by which
rival repairs are ranked.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

from cleantext.repair import confirm, language, lexicon, score
from cleantext.repair.bytescan import Region
from cleantext.repair.cluster import (
    CONTEXT,
    LONGEST_WORD,
    LOST,
    UNKNOWN_BYTES,
    Cluster,
    bare,
    line_of,
)
from cleantext.repair.models import CJK_CODECS, DamageModel, Loss, encodes
from cleantext.repair.words import LANGUAGES_BY_LETTER, known_word, lone_non_word, zipf

__all__ = [
    "RARE_EXTENSIONS",
    "alien_scripts",
    "bare_katakana",
    "beside_unread",
    "carried",
    "completing_words",
    "drops_between_pairs",
    "foreign_to_line",
    "gain",
    "holds_a_whole_three_byte",
    "holes_of_extension_a",
    "is_known_word",
    "letters_of_the_line",
    "lone_foreign_letters",
    "lone_katakana",
    "lone_unknown_letter",
    "outside_simplified",
    "rare_ascii_from_a_trail_byte",
    "rare_cjk_from_drops",
    "sign_glued_before_a_word",
    "unassigned",
    "whole_beside_a_drop",
]


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


def carried(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters that read bytes, when every one of them is read whole (no byte
    lost) and makes its spot less plausible, and the region's other repairs read no
    byte at all (runs of U+FFFD or ``?``).

    Those runs carry them past the margin, but speak for no codec: any codec that
    lost the bytes reads them alike.  Big5 read ``辿``, EUC-JP's ``é``, as the tone
    letter ``˦`` in ``recommand˦`` and ``cr˦˦s``, carried by the ``’`` it restored
    in ``toda���s``.
    """
    read = [c for c in clusters if not bare(c)]
    if len(read) == len(clusters) or any(c.lost or gain(text, c) >= 0 for c in read):
        return []
    return read


def unassigned(repaired: str) -> bool:
    """Does ``repaired`` hold a code point Unicode assigns no character to (outside
    the emoji blocks, where characters newer than this Python's tables arrive), a
    noncharacter or a surrogate?  No text holds one: EUC-JP read ``霈賢``, what Big5
    left of ``讽刺``, as U+3EE2D, carried in a region by the holes around it."""
    return any(
        unicodedata.category(char) in ("Cn", "Cs") and ord(char) not in score.EMOJI_BLOCKS
        for char in repaired
        if not char.isascii()
    )


def completing_words(text: str, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters that lost no byte and complete a common word on their own
    (:func:`.confirm.confirming_notes`) or are read whole as one character between
    ASCII characters (:func:`_one_between_ascii`)."""
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


def _one_between_ascii(text: str, cluster: Cluster) -> bool:
    """Is the cluster read whole as one character, with an ASCII character (or the
    text's edge) on each side?  Its bytes are all the codec read there: a drop
    beside it took whole characters, and joined none of their bytes to its own.
    Its damaged characters may be two (``竄ｬ`` is ``€`` read as Shift-JIS)."""
    before = text[cluster.start - 1 : cluster.start]
    after = text[cluster.end : cluster.end + 1]
    return len(cluster.repaired) == 1 and len(cluster.pieces) == 1 and (before + after).isascii()


def rare_cjk_from_drops(cluster: Cluster) -> bool:
    """Does a cluster, in text whose bytes were dropped, make a rare ideograph or
    Hangul syllable?  The drops can bring together the bytes of several characters
    into a valid one: cp949 dropped ``AF E3 80`` from ``路、`` and left ``E8 B7 81``,
    the rare ``跁``, where the common ``路`` was; EUC-JP made ``줰`` of ``준우``, and
    Shift-JIS the square sign ``㎐`` of ``、뎐`` (the squares of CJK compatibility,
    U+3300-33FF, count as rare; not the circled letters before them, ``㉯``, which
    Korean chat writes freely)."""
    return any(_RARE_CJK.match(char) and score.char_cost(char) > 1.0 for char in cluster.repaired)


_RARE_CJK = re.compile("[\u3000-\u303f\u3300-\u9fff\uac00-\ud7a3]")
#: Ideographs of CJK extension A and of the supplementary planes (extensions B and
#: on), which no text of the corpora holds, while byte coincidences make them
#: readily: cp932 read ``窶吶ｳｵ``, what Shift-JIS left of ``’、복``, as ``’㳵``, and
#: EUC-JP read the ``隗｣`` cp932 left of ``解`` as ``𩎣``.  A repair writing one is
#: left as it was, whatever its model.
RARE_EXTENSIONS = re.compile("[\u3400-\u4dbf\U00020000-\U0003ffff]")


#: Codecs whose trail bytes exclude 80-A0: they drop most continuation bytes, and
#: pair the ones left with the bytes of the next character (GBK, cp932 and cp949
#: take nearly any byte as a trail, and drop little).
_DROPS_BETWEEN_PAIRS = frozenset({"big5", "euc_kr", "euc_jp"})


def holes_of_extension_a(cluster: Cluster) -> bool:
    """Is every character an open hole of the cluster could be an ideograph of CJK
    extension A?  Then the hole is no more likely than the ideograph: GBK read the
    ``惘`` EUC-JP left beside a U+FFFD as a lost byte of ``㯀`` or ``㯁``, and the hole
    had carried a wrong letter beside it past the margin (``Formaci̹n``)."""
    return bool(cluster.open_holes) and all(
        all(RARE_EXTENSIONS.match(char) for char in candidates)
        for _, candidates in cluster.open_holes
    )


def beside_unread(text: str, region: Region, cluster: Cluster, model: DamageModel) -> bool:
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


def drops_between_pairs(text: str, cluster: Cluster, model: DamageModel) -> bool:
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


def whole_beside_a_drop(cluster: Cluster) -> bool:
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


def holds_a_whole_three_byte(cluster: Cluster) -> bool:
    """Does the cluster read a whole three-byte character?  Glued to residue the
    region could not read (:func:`beside_unread`), where bytes vanished, it is as
    likely made of two characters' bytes: EUC-JP dropped ``AD E5 9F`` of ``維基大``
    and left ``膓阪ぇ``, whose bytes read whole as ``綺大``, beside the unread ``醐``."""
    return any(piece.complete and len(piece.slots) == 3 for piece in cluster.pieces)


def gain(text: str, cluster: Cluster) -> float:
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


def lone_katakana(text: str, cluster: Cluster) -> bool:
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


def lone_unknown_letter(text: str, cluster: Cluster) -> bool:
    """Is the repair one letter standing alone as a word, which no language that
    writes it has as a word?  Big5 left ``訄`` of ``са``, which GBK reads back as the
    Khanty ``ӈ``: between spaces, no text's."""
    return lone_non_word(text, cluster.start, cluster.end, cluster.repaired)


def capital_after_a_small_letter(text: str, cluster: Cluster, model: DamageModel) -> bool:
    """Is the repair of a CJK codec's misreading one capital letter glued after a
    small ASCII one, inside a word?  No prose breaks a word's case so: GBK read
    ``脹``, what EUC-JP left of ``ı。``, as the ``Û`` of ``adÛGassendi``.  (Between
    the layers of single-byte mojibake, ``µÃ``, case means nothing.)"""
    letter = cluster.repaired
    before = text[cluster.start - 1 : cluster.start]
    return (
        model.wrong_codec in CJK_CODECS
        and len(letter) == 1
        and letter.isupper()
        and before.isascii()
        and before.islower()
    )


def letters_of_the_line(text: str, clusters: list[Cluster], model: DamageModel) -> list[Cluster]:
    """The clusters that are one Latin-1 letter standing alone as a word, on a line
    written in a language that writes the letter, where nothing else shows the
    damage.  With C1 bytes deleted, a lone ``â`` is what is left of a dash (``deal
    â announced``), but a French line writes it for ``à`` (``il va â la maison``),
    and clean text is left as it is; another cluster of the line that lost bytes
    (``câest``), or a lead and continuation left (``Ã©``), shows the damage."""
    if model.loss is not Loss.STRIP_C1:
        return []
    lone = [cluster for cluster in clusters if _lone_latin1_letter(text, cluster)]
    if not lone:
        return []
    alone = {id(cluster) for cluster in lone}
    damaged_lines = {
        line_of(text, cluster.start)
        for cluster in clusters
        if cluster.lost and id(cluster) not in alone
    }
    languages: dict[tuple[int, int], frozenset[str]] = {}  # each line read once
    found = []
    for cluster in lone:
        span = line_of(text, cluster.start)
        if span in damaged_lines:
            continue
        if span not in languages:
            clean = _LATIN1_MOJIBAKE.search(text, *span) is None
            words = language.words_of(text[span[0] : span[1]]) if clean else ()
            languages[span] = language.written_in(words)
        letter = text[cluster.start].lower()
        if not languages[span].isdisjoint(LANGUAGES_BY_LETTER.get(letter, ())):
            found.append(cluster)
    return found


def _lone_latin1_letter(text: str, cluster: Cluster) -> bool:
    if cluster.end - cluster.start != 1 or not text[cluster.start].isalpha():
        return False
    before, after = text[cluster.start - 1 : cluster.start], text[cluster.end : cluster.end + 1]
    return not (before.isalnum() or after.isalnum())


#: A lead and a continuation that survived (what no clean Latin text writes, but
#: for an accented letter before a guillemet or a no-break space), or a U+FFFD.
_LATIN1_MOJIBAKE = re.compile("[\u00c2-\u00ef][\u00a0-\u00bf]|\ufffd")


def sign_glued_before_a_word(text: str, cluster: Cluster) -> bool:
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


#: ASCII marks that text seldom glues to a character outside ASCII, and brackets,
#: which text writes in pairs (:func:`rare_ascii_from_a_trail_byte`).
_RARE_ASCII_MARKS = frozenset("~^`|\\_@$<>")
_BRACKET_PARTNERS = {"[": "]", "]": "[", "{": "}", "}": "{"}


def rare_ascii_from_a_trail_byte(text: str, cluster: Cluster) -> bool:
    """Does the repair make a rare ASCII mark, or a bracket without its partner on
    the line, of a byte the wrong codec read as the second of a pair?

    GBK, Big5, cp932 and cp949 take ASCII bytes as trail bytes, so real mojibake
    eats the ASCII after a mark (``鈥檚`` is ``’s``): a letter, a digit or common
    punctuation.  A bracket alone or a tilde is a coincidence: Big5 read ``霂愴``, what
    GBK with bytes dropped made of Korean, as ``请[``, and ``鈭箏``, what Big5
    dropping bytes left of Chinese, as ``∹~``.  (``“[T]he`` keeps its ``]``.)
    """
    damaged = text[cluster.start : cluster.end]
    for char in cluster.repaired:
        if not char.isascii() or char in damaged:
            continue
        if char in _RARE_ASCII_MARKS:
            return True
        partner = _BRACKET_PARTNERS.get(char)
        if partner is not None and partner not in _brackets_on(text, *line_of(text, cluster.start)):
            return True
    return False


@lru_cache(maxsize=16)  # lines of the last texts; each entry keeps its text alive
def _brackets_on(text: str, start: int, end: int) -> frozenset[str]:
    """The brackets ``text[start:end]`` holds, found once a line: a long line of such
    clusters would otherwise be searched once for each."""
    return frozenset(_BRACKET.findall(text, start, end))


_BRACKET = re.compile(r"[\[\]{}]")


def bare_katakana(text: str, cluster: Cluster) -> bool:
    """Only half-width katakana, with no Latin letter beside it."""
    damaged = text[cluster.start : cluster.end]
    if not all("\uff61" <= char <= "\uff9f" for char in damaged):
        return False
    around = text[cluster.start - 1 : cluster.start] + text[cluster.end : cluster.end + 1]
    return not any(char.isascii() and char.isalpha() for char in around)


def is_known_word(text: str, cluster: Cluster) -> bool:
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
    lowest = max(0, cluster.start - LONGEST_WORD)
    while start > lowest and text[start - 1].isalpha():
        start -= 1
    end = cluster.end
    highest = min(len(text), cluster.end + LONGEST_WORD)
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
    return _written_as_a_word(word) and known_word(word)


def _written_as_a_word(word: str) -> bool:
    """Is ``word`` in lowercase, in capitals, or capitalised?"""
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())
