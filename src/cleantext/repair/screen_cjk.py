"""What UTF-8 read as a CJK codec looks like: the characters the screen looks for.

Each CJK codec (:data:`~cleantext.repair.models.CJK_CODECS`) writes the bytes of
a UTF-8 lead and a continuation as characters of its own.  The rare ones are
evidence alone, the common ones only glued to an ASCII letter or standing where a
symbol would; what is left of a sequence whose first bytes were dropped, or whose
lead became U+FFFD, has a shape of its own too.  The tables are built once from
the codecs; :func:`.screen.multibyte_windows` searches for them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleantext.repair import score, symbols
from cleantext.repair.models import CJK_CODECS, DROPPED_LEAD_CODECS
from cleantext.repair.screen_patterns import (
    UTF8_CONTINUATIONS,
    UTF8_LEADS,
    Alternative,
    char_class,
)

__all__ = [
    "after_replacement",
    "any_rare_start_re",
    "common_starts",
    "continuation_led",
    "dropped_lead_alternative",
    "dropped_lead_chars",
    "dropped_lead_re",
    "glued_common",
    "has_glued_common",
    "inside_western_sequence",
    "mostly_cjk",
    "multibyte_starts",
    "placed_symbol_alternative",
    "placed_symbol_re",
    "placed_symbols",
    "rare_evidence",
]


@lru_cache(maxsize=len(CJK_CODECS))
def multibyte_starts(codec: str) -> tuple[frozenset[str], frozenset[str]]:
    """(rare, common) characters that begin a misreading of UTF-8 as ``codec``.

    Such a character's bytes in ``codec`` are a UTF-8 lead byte and a continuation
    byte.  Rare ones (second-level ideographs, half-width katakana, PUA) are
    evidence on their own; common ones only when glued to a Latin letter
    (``caf茅`` is ``café`` read as GBK).  Rare is :func:`.score.is_rare`.
    """
    starts: set[str] = set()
    for lead in UTF8_LEADS:
        for continuation in UTF8_CONTINUATIONS:
            decoded = bytes([lead, continuation]).decode(codec, "ignore")[:1]
            if decoded and not decoded.isascii():
                starts.add(decoded)
    rare = frozenset(char for char in starts if score.is_rare(char))
    return rare, frozenset(starts) - rare


#: The last two bytes of U+FE0F, the selector that follows most emoji of the BMP
#: (``☺️`` is ``E2 98 BA EF B8 8F``).  After a base of three bytes, a codec that
#: pairs bytes reads them as one character of their own: ``笍`` in GBK.
_SELECTOR_TAIL = "\ufe0f".encode("utf-8")[1:]


@lru_cache(maxsize=len(CJK_CODECS))
def rare_evidence(codec: str) -> frozenset[str]:
    """Characters that are evidence of UTF-8 read as ``codec`` on their own: its rare
    start characters, and a rare character it writes for the tail of U+FE0F.

    The tail is no start, but after a three-byte emoji base it is all that tells the
    misreading from Chinese: GBK's ``鈽猴笍`` (``☺️``) begins with common ideographs.
    """
    rare = multibyte_starts(codec)[0]
    tail = _SELECTOR_TAIL.decode(codec, "ignore")
    if len(tail) == 1 and not tail.isascii() and score.char_cost(tail) > 1.0:
        rare |= {tail}
    return rare


@lru_cache(maxsize=1)
def any_rare_start_re() -> re.Pattern[str]:
    """A rare start character of any CJK codec: one pass over the text serves them all."""
    rare: set[str] = set()
    for codec in CJK_CODECS:
        rare |= rare_evidence(codec)
    return re.compile(f"[{char_class(rare)}]")


@lru_cache(maxsize=1)
def common_starts() -> frozenset[str]:
    """Common CJK characters that begin a misreading of UTF-8 in some codec."""
    common: set[str] = set()
    for codec in CJK_CODECS:
        common |= multibyte_starts(codec)[1]
    return frozenset(common)


@lru_cache(maxsize=1)
def _glued_common_re() -> re.Pattern[str]:
    """An ASCII letter with a common start character on either side, for texts where
    letters are few (CJK prose): the engine skips ahead to letters.

    There, a pattern starting with the CJK side, or a Python loop over the runs of
    non-ASCII characters, ran two to four times slower; so did letters beside any
    non-ASCII character, checked in Python (9.5 against 11 ns a character).
    """
    common = char_class(common_starts())
    return re.compile(f"[A-Za-z](?:(?<=[{common}].)|(?=[{common}]))")


@lru_cache(maxsize=1)
def _glued_start_first_re() -> re.Pattern[str]:
    """A common start character with an ASCII letter on either side, for texts where
    common starts are few (Latin prose, where the letter-first pattern tests a class
    of thousands of characters at every letter: 25 against 5 ns a character)."""
    common = char_class(common_starts())
    return re.compile(f"[{common}](?:(?<=[A-Za-z].)|(?=[A-Za-z]))")


def mostly_cjk(text: str) -> bool:
    """Two or more UTF-8 bytes a character in the first :data:`_SAMPLE` characters:
    CJK prose (2.3 and up in the bench's documents), not Latin, Cyrillic or mixed
    text (1.6 at most).  Either search is exact; this only picks the faster one."""
    sample = text[:_SAMPLE]
    return len(sample.encode("utf-8", "surrogatepass")) >= 2 * len(sample)


_SAMPLE = 1024


def glued_common(text: str) -> list[int]:
    """Positions of common start characters with an ASCII letter beside them, sorted."""
    if not mostly_cjk(text):
        return [match.start() for match in _glued_start_first_re().finditer(text)]
    common = common_starts()
    positions: set[int] = set()
    last = len(text) - 1
    for match in _glued_common_re().finditer(text):
        letter = match.start()
        if letter and text[letter - 1] in common:
            positions.add(letter - 1)
        if letter < last and text[letter + 1] in common:
            positions.add(letter + 1)
    return sorted(positions)


def has_glued_common(text: str) -> bool:
    """Is there a common start character with an ASCII letter beside it?"""
    pattern = _glued_common_re() if mostly_cjk(text) else _glued_start_first_re()
    return pattern.search(text) is not None


#: ASCII letters and digits: each of :mod:`.symbols`' shapes puts one beside the
#: symbol or one space away.
_ALNUM = "A-Za-z0-9"


@lru_cache(maxsize=1)
def placed_symbols() -> frozenset[str]:
    """Characters that are a symbol misread by some CJK codec (``漏`` is ``©`` read as GBK)."""
    return frozenset(symbols.misread_symbols())


def placed_symbol_alternative() -> Alternative:
    """A misread symbol with an ASCII letter or digit beside it, or one space away: where
    :mod:`.symbols` may find it in its place (``Copyright 漏 2019``).

    Searched as one more alternative of the evidence patterns, it costs about 2 ns a
    character on CJK prose, where its characters (``路``, ``他``) are common; a
    search of its own cost 5, and joined to the search for glued common starts, 12.
    """
    return (
        char_class(placed_symbols()),
        f"(?:(?<=[{_ALNUM}].)|(?<=[{_ALNUM}] .)|(?=[{_ALNUM}])|(?= [{_ALNUM}]))",
    )


@lru_cache(maxsize=1)
def placed_symbol_re() -> re.Pattern[str]:
    first, rest = placed_symbol_alternative()
    return re.compile(f"[{first}]{rest}")


@lru_cache(maxsize=len(CJK_CODECS))
def continuation_led(codec: str) -> frozenset[str]:
    """Characters ``codec`` writes as a UTF-8 continuation byte and an ASCII byte: the
    rest of a sequence whose lead became U+FFFD, paired with the next character's
    first byte.  (A pair with a high second byte is no such sign: Cyrillic read as
    EUC-KR is full of them, and repairs there went wrong.)"""
    chars: set[str] = set()
    for first in UTF8_CONTINUATIONS:
        for second in range(0x40, 0x80):
            decoded = bytes([first, second]).decode(codec, "ignore")
            if len(decoded) == 1 and not decoded.isascii():
                chars.add(decoded)
    return frozenset(chars)


@lru_cache(maxsize=1)
def dropped_lead_chars() -> frozenset[str]:
    """What a sequence whose first bytes were dropped leaves under the codecs that pair
    its last byte with the next one (:data:`~cleantext.repair.models.DROPPED_LEAD_CODECS`)."""
    return frozenset().union(*map(continuation_led, DROPPED_LEAD_CODECS))


def dropped_lead_alternative() -> Alternative:
    """A character of :data:`DROPPED_LEAD_CODECS` made of a continuation byte and an
    ASCII one, not glued to Korean (``설릌``), and glued to the English word it began
    (``쏧f`` is ``“If``) or ending the word it closes, after a letter or the ``?``
    written for the lost bytes (``Putin셲 said``, ``don??셳 know``: ``’s`` and ``’t``
    whose ``s`` and ``t`` it holds): what is left of a sequence whose first bytes
    were dropped."""
    return (
        char_class(dropped_lead_chars()),
        "(?<![\uac00-\ud7a3].)(?:(?=[A-Za-z])|(?<=[A-Za-z?].)(?![A-Za-z\uac00-\ud7a3]))",
    )


@lru_cache(maxsize=1)
def dropped_lead_re() -> re.Pattern[str]:
    first, rest = dropped_lead_alternative()
    return re.compile(f"[{first}]{rest}")


def after_replacement(text: str) -> list[int]:
    """Positions of the characters right after a U+FFFD that are neither ASCII nor U+FFFD
    and have an ASCII character after them.

    The pair of bytes such a character stands for ends in the first byte of the next
    character, which was ASCII: ``��쏧f you`` is ``“If you``.  Between U+FFFD and CJK
    text (``��年��``, where a repair left lost ideographs open) a CJK character is
    only itself: read as Big5 with its lead replaced, ``年`` would be ``…~``.
    """
    positions: list[int] = []
    found = text.find("\ufffd")
    while found >= 0:
        after = found + 1
        if (
            after + 1 < len(text)
            and not text[after].isascii()
            and text[after] != "\ufffd"
            and text[after + 1].isascii()
        ):
            positions.append(after)
        found = text.find("\ufffd", after)
    return positions


def inside_western_sequence(text: str, position: int) -> bool:
    """Is the rare start at ``position`` a C1 character inside a complete UTF-8 sequence
    read as Latin-1 (``â\x80\x9c`` is ``“``, ``è¨\x80`` is ``言``) whose lead no
    codec it is a rare start of writes?

    cp932 writes a lone 0x80 byte as U+0080, so that is one of its rare starts; but
    cp932 never writes ``â`` or ``è``, so a U+0080 in such a sequence was read as
    Latin-1 (the single-byte families' case), not by cp932.  Without this, whole
    documents of Latin-1 mojibake were scanned as cp932, for nothing.
    """
    char = text[position]
    if char > "\x9f":
        return False
    for back in range(1, 4):
        lead = text[position - back : position - back + 1]
        if not "\u0080" <= lead <= "\u00bf":
            break
    else:
        return False
    if not "\u00c2" <= lead <= "\u00f4":
        return False
    start = position - back
    length = 2 if lead < "\u00e0" else 3 if lead < "\u00f0" else 4
    sequence = text[start + 1 : start + length]
    if back >= length or len(sequence) != length - 1:
        return False
    if not all("\u0080" <= continuation <= "\u00bf" for continuation in sequence):
        return False
    return not any(
        lead in _latin1_written_by(codec)
        for codec in CJK_CODECS
        if char in multibyte_starts(codec)[0]
    )


@lru_cache(maxsize=len(CJK_CODECS))
def _latin1_written_by(codec: str) -> frozenset[str]:
    """The upper half of Latin-1 as far as ``codec`` writes it (cp932: ``×``, ``÷``, ...)."""
    written: set[str] = set()
    for first in range(0x80, 0x100):
        written.update(bytes([first]).decode(codec, "ignore"))
        for second in range(0x40, 0x100):
            written.update(bytes([first, second]).decode(codec, "ignore"))
    return frozenset(char for char in written if "\u00a0" <= char <= "\u00ff")
