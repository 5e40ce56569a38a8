"""The checks that take clusters away from a region's repair.

Each cluster on its own: a real word already, half-width katakana that is
Japanese, a code point no text holds, a rare character the drops of bytes made by
chance.  Then the region's clusters together: repairs carried past the margin by
the holes around them, a lone Latin-1 letter its line's language writes as a
word.  And the gain of a repair, by which rival repairs are ranked.  The checks
on the script a repair writes are :mod:`.cluster_scripts`'.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache

from cleantext.repair import confirm, language, score
from cleantext.repair.bytescan import Region
from cleantext.repair.cluster import (
    LONGEST_WORD,
    LOST,
    Cluster,
    bare,
    line_of,
)
from cleantext.repair.models import CJK_CODECS, DamageModel, Loss
from cleantext.repair.words import LANGUAGES_BY_LETTER, known_word, lone_non_word

__all__ = [
    "RARE_EXTENSIONS",
    "bare_katakana",
    "beside_unread",
    "carried",
    "completing_words",
    "drops_between_pairs",
    "gain",
    "holds_a_whole_three_byte",
    "holes_of_extension_a",
    "is_known_word",
    "letters_of_the_line",
    "lone_katakana",
    "lone_unknown_letter",
    "rare_ascii_from_a_trail_byte",
    "rare_cjk_from_drops",
    "sign_glued_before_a_word",
    "unassigned",
    "whole_beside_a_drop",
]


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
