"""Fast screening: decide, at regex speed, which damage families could be present.

Clean text is the common case, so the engine first asks cheap questions and runs
no repair family whose fingerprint is absent:

* single-byte mojibake (ftfy's domain) always contains the misreading of a UTF-8
  lead byte followed by the misreading of a continuation byte in one of the
  single-byte codecs ftfy knows, or C1 controls / stray surrogates;
* UTF-8 read as a multi-byte codec W always starts with a character whose W bytes
  are a UTF-8 lead byte and a continuation byte (or, for Shift-JIS, a half-width
  katakana that is a lead byte on its own);
* lossy Latin-1 damage leaves a Latin-1 character that is a UTF-8 lead byte.

Each fingerprint is a character class built once from the codecs themselves.
:func:`looks_clean` first searches for any character that some fingerprint needs:
most clean text (English with typographic punctuation) stops after that one pass.
When a text is not clean, :func:`suspect_lines` names the lines that hold
evidence, and the families search only those lines (a Chinese document with one
odd line costs a few passes over the whole and the detailed work on that line).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from cleantext.repair import score
from cleantext.repair.models import CJK_CODECS

__all__ = [
    "LOSSY_LATIN_RE",
    "WINDOW",
    "looks_clean",
    "lossy_latin_windows",
    "multibyte_windows",
    "search_suspect_lines",
    "single_byte_suspect",
    "single_byte_windows",
    "suspect_lines",
]

_LEADS = range(0xC2, 0xF5)
_CONTINUATIONS = range(0x80, 0xC0)

#: A Latin-1 character that is a UTF-8 lead byte, then something that is not a
#: continuation byte (the continuation was deleted or replaced): ``Heâs``, ``Ã?``.
LOSSY_LATIN_RE = re.compile(
    "[\u00c2-\u00f4](?:[^\u0080-\u00bf]|$)|[\u00c2-\u00f4][\u00a0-\u00bf]*\ufffd"
)


#: Characters of context kept around each piece of evidence for a multi-byte repair.
WINDOW = 64

#: Typography that is also a lead byte in MacRoman (``’`` is 0xD5): only suspicious
#: next to a character that could be its continuation.
_TYPOGRAPHY = frozenset("…\u00a0–—“”‘’«»·€")


def _char_class(chars: set[str] | frozenset[str]) -> str:
    return "".join(re.escape(char) for char in sorted(chars))


def _decode_each(codec: str, values: range) -> set[str]:
    decoded = {bytes([value]).decode(codec, "replace") for value in values}
    decoded.discard("\ufffd")
    return decoded


@lru_cache(maxsize=1)
def _single_byte_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Over every codec ftfy undoes: (lead characters, continuation characters, the
    continuations of the codecs where typography is a lead, typography excluded)."""
    import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)
    from ftfy.chardata import CHARMAP_ENCODINGS

    leads: set[str] = set()
    continuations: set[str] = set()
    after_typography: set[str] = set()
    for codec in CHARMAP_ENCODINGS:
        codec_leads = _decode_each(codec, _LEADS)
        codec_continuations = _decode_each(codec, _CONTINUATIONS)
        leads |= codec_leads
        continuations |= codec_continuations
        if not codec_leads.isdisjoint(_TYPOGRAPHY):
            after_typography |= codec_continuations - _TYPOGRAPHY
    return frozenset(leads), frozenset(continuations), frozenset(after_typography)


@lru_cache(maxsize=1)
def _single_byte_re() -> re.Pattern[str]:
    leads, continuations, _ = _single_byte_sets()
    pattern = (
        f"[{_char_class(leads)}][{_char_class(continuations)}]"
        # a lead whose continuation became a space, U+FFFD or vanished at a line end
        "|[\u00c2-\u00f4](?:[ \u00a0\ufffd]|$)"
        # C1 controls, surrogates, and ftfy's other UTF-8 variants
        "|[\u0080-\u009f\ud800-\udfff]|\u00ed\u00a0"
    )
    return re.compile(pattern, re.MULTILINE)


@lru_cache(maxsize=1)
def _single_byte_pair_res() -> dict[str, re.Pattern[str]]:
    """Per codec ftfy undoes, a lead character followed by a continuation character."""
    import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)
    from ftfy.chardata import CHARMAP_ENCODINGS

    return {
        codec: re.compile(
            f"[{_char_class(_decode_each(codec, _LEADS))}]"
            f"[{_char_class(_decode_each(codec, _CONTINUATIONS))}]"
        )
        for codec in CHARMAP_ENCODINGS
    }


def single_byte_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each single-byte codec whose lead-then-continuation pair occurs in ``text``,
    the lines holding one (all among :func:`suspect_lines`)."""
    lines = suspect_lines(text)
    windows: dict[str, list[tuple[int, int]]] = {}
    for codec, pattern in _single_byte_pair_res().items():
        spans = [(start, end) for start, end in lines if pattern.search(text, start, end)]
        if spans:
            windows[codec] = spans
    return windows


def single_byte_suspect(text: str) -> bool:
    """Could ``text`` hold mojibake from a single-byte codec (what ftfy repairs)?"""
    return _single_byte_re().search(text) is not None


@lru_cache(maxsize=len(CJK_CODECS))
def _multibyte_starts(codec: str) -> tuple[frozenset[str], frozenset[str]]:
    """(rare, common) characters that begin a misreading of UTF-8 as ``codec``.

    Such a character's bytes in ``codec`` are a UTF-8 lead byte and a continuation
    byte.  Rare ones (second-level ideographs, half-width katakana, PUA) are
    evidence on their own; common ones only when glued to a Latin letter
    (``caf茅`` is ``café`` read as GBK).
    """
    starts: set[str] = set()
    for lead in _LEADS:
        for continuation in _CONTINUATIONS:
            decoded = bytes([lead, continuation]).decode(codec, "ignore")[:1]
            if decoded and not decoded.isascii():
                starts.add(decoded)
    rare = frozenset(char for char in starts if score.char_cost(char) > 1.0)
    return rare, frozenset(starts) - rare


@lru_cache(maxsize=1)
def _any_rare_start_re() -> re.Pattern[str]:
    """A rare start character of any CJK codec: one pass over the text serves them all."""
    rare: set[str] = set()
    for codec in CJK_CODECS:
        rare |= _multibyte_starts(codec)[0]
    return re.compile(f"[{_char_class(rare)}]")


@lru_cache(maxsize=1)
def _glued_common_re() -> re.Pattern[str]:
    """An ASCII letter with a common start character on either side, for texts where
    letters are few (CJK prose): the engine skips ahead to letters.

    There, a pattern starting with the CJK side, or a Python loop over the runs of
    non-ASCII characters, ran two to four times slower; so did letters beside any
    non-ASCII character, checked in Python (9.5 against 11 ns a character).
    """
    common = _char_class(_common_starts())
    return re.compile(f"[A-Za-z](?:(?<=[{common}].)|(?=[{common}]))")


@lru_cache(maxsize=1)
def _glued_start_first_re() -> re.Pattern[str]:
    """A common start character with an ASCII letter on either side, for texts where
    common starts are few (Latin prose, where the letter-first pattern tests a class
    of thousands of characters at every letter: 25 against 5 ns a character)."""
    common = _char_class(_common_starts())
    return re.compile(f"[{common}](?:(?<=[A-Za-z].)|(?=[A-Za-z]))")


def _mostly_cjk(text: str) -> bool:
    """Two or more UTF-8 bytes a character in the first :data:`_SAMPLE` characters:
    CJK prose (2.3 and up in the bench's documents), not Latin, Cyrillic or mixed
    text (1.6 at most).  Either search is exact; this only picks the faster one."""
    sample = text[:_SAMPLE]
    return len(sample.encode("utf-8", "surrogatepass")) >= 2 * len(sample)


_SAMPLE = 1024


def _glued_common(text: str) -> list[int]:
    """Positions of common start characters with an ASCII letter beside them, sorted."""
    if not _mostly_cjk(text):
        return [match.start() for match in _glued_start_first_re().finditer(text)]
    common = _common_starts()
    positions: set[int] = set()
    last = len(text) - 1
    for match in _glued_common_re().finditer(text):
        letter = match.start()
        if letter and text[letter - 1] in common:
            positions.add(letter - 1)
        if letter < last and text[letter + 1] in common:
            positions.add(letter + 1)
    return sorted(positions)


def _has_glued_common(text: str) -> bool:
    """Is there a common start character with an ASCII letter beside it?"""
    pattern = _glued_common_re() if _mostly_cjk(text) else _glued_start_first_re()
    return pattern.search(text) is not None


def _is_western(char: str) -> bool:
    """Can a Western reader (Latin-1 or cp1252) produce ``char``?"""
    for codec in ("latin-1", "cp1252"):
        try:
            char.encode(codec)
        except UnicodeEncodeError:
            continue
        return True
    return False


@lru_cache(maxsize=1)
def _strong_suspects() -> frozenset[str]:
    """Characters whose presence alone sends a line to the detailed screens.

    Western lead characters are suspects alone (``Heâs`` lost its continuation
    bytes; legacy text read as Western is made of them).  A lead of another script
    (Cyrillic ``о`` is a cp1251 lead) is only a suspect when a continuation follows
    it (the ``pair`` pattern of :func:`_clean_patterns`): Russian or Greek prose is
    full of such leads.
    """
    leads, _, _ = _single_byte_sets()
    strong = {lead for lead in leads - _TYPOGRAPHY if _is_western(lead)}
    strong.update(chr(code) for code in range(0x80, 0xA0))
    strong.add("\ufffd")
    for codec in CJK_CODECS:
        strong |= _multibyte_starts(codec)[0]
    return frozenset(strong)


@lru_cache(maxsize=1)
def suspect_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the lines (newline excluded) that hold a strong suspect, a lead
    followed by a continuation, or typography beside a possible continuation: where
    every family but the glued multi-byte case finds its evidence.

    Cached for the last text only: the families of a pass ask about the same text in
    turn, and a larger cache would keep large texts alive after the call.
    """
    patterns = _clean_patterns()
    spans = set(_matching_lines(patterns.strong, text))
    spans.update(_matching_lines(patterns.pair, text))
    if patterns.after_typography.search(text):
        spans.update(_matching_lines(patterns.typography_pair, text))
    return tuple(sorted(spans))


def _in_suspect_lines(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in :func:`suspect_lines`, for a pattern whose every
    match holds a strong suspect or a lead and continuation and ends by the newline:
    exactly its matches in the whole text, at the cost of searching a few lines."""
    length = len(text)
    for start, end in suspect_lines(text):
        yield from pattern.finditer(text, start, min(end + 1, length))


def search_suspect_lines(pattern: re.Pattern[str], text: str) -> bool:
    """Does ``pattern`` (as for :func:`_in_suspect_lines`) match anywhere in ``text``?"""
    return next(_in_suspect_lines(pattern, text), None) is not None


def _matching_lines(pattern: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """The span of each line holding a match: one search per such line, however many
    matches it holds (Cyrillic or Greek prose matches at every letter)."""
    match = pattern.search(text)
    while match:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end() - 1)
        if end < 0:
            end = len(text)
        yield start, end
        match = pattern.search(text, end)


def looks_clean(text: str) -> bool:
    """True when no repair family could find anything in ``text``: a fast, exact pre-check.

    Each test is a search for one character class, which the regex engine runs
    at hundreds of millions of characters per second.  The first looks for any
    character that begins some piece of evidence: clean English with typographic
    punctuation has none, and is done after one pass instead of five.
    """
    patterns = _clean_patterns()
    if not patterns.any_start.search(text):
        return True
    if patterns.strong.search(text) or patterns.pair.search(text):
        return False
    if patterns.after_typography.search(text) and patterns.typography_pair.search(text):
        return False
    return not (patterns.common_start.search(text) and _has_glued_common(text))


@dataclass(frozen=True)
class _CleanPatterns:
    any_start: re.Pattern[str]  # a character every way to fail the check needs
    strong: re.Pattern[str]
    pair: re.Pattern[str]
    after_typography: re.Pattern[str]
    typography_pair: re.Pattern[str]
    common_start: re.Pattern[str]


@lru_cache(maxsize=1)
def _clean_patterns() -> _CleanPatterns:
    strong = set(_strong_suspects()) | {chr(code) for code in range(0xD800, 0xE000)}
    leads, continuations, after_typography = _single_byte_sets()
    continuation_class = _char_class(continuations)
    after_class = _char_class(after_typography)
    pair_leads = leads - strong - _TYPOGRAPHY
    # a typography pair needs a character of after_typography too
    starts = strong | pair_leads | after_typography | _common_starts()
    return _CleanPatterns(
        any_start=re.compile(f"[{_char_class(starts)}]"),
        strong=re.compile(f"[{_char_class(strong)}]"),
        pair=re.compile(f"[{_char_class(pair_leads)}][{continuation_class}]"),
        after_typography=re.compile(f"[{after_class}]"),
        typography_pair=re.compile(f"[{_char_class(_TYPOGRAPHY)}][{after_class}]"),
        common_start=re.compile(f"[{_char_class(_common_starts())}]"),
    )


@lru_cache(maxsize=1)
def _common_starts() -> frozenset[str]:
    """Common CJK characters that begin a misreading of UTF-8 in some codec."""
    common: set[str] = set()
    for codec in CJK_CODECS:
        common |= _multibyte_starts(codec)[1]
    return frozenset(common)


#: Latin-1 lead characters whose continuation bytes, had they all been C1 and lost,
#: would have spelled a character of a non-Latin script (``é`` is 0xE9: U+9000 to
#: U+97DF, CJK; ``à`` is 0xE0, which cannot take a C1 continuation at all).  Glued
#: to an ASCII letter, such a lead is a real accented letter (``été``, ``laissé``), not
#: evidence of loss: a CJK character inside a Latin word is no repair.
_FOREIGN_IF_LOST = frozenset(chr(code) for code in (0xE0, 0xE1, *range(0xE3, 0xF5)))


def _is_loss_evidence(text: str, position: int) -> bool:
    lead = text[position]
    if lead not in _FOREIGN_IF_LOST:
        return True
    after = text[position + 1 : position + 2]
    if after in ("", "\ufffd") or "\u00a0" <= after <= "\u00bf":
        return True
    before = text[position - 1 : position] if position else ""
    return not any(char.isascii() and char.isalpha() for char in (before, after))


def lossy_latin_windows(text: str) -> list[tuple[int, int]]:
    """Spans around each Latin-1 lead character that lost its continuation bytes."""
    positions = (match.start() for match in _in_suspect_lines(LOSSY_LATIN_RE, text))
    return _merge_windows(
        (position for position in positions if _is_loss_evidence(text, position)), len(text)
    )


def multibyte_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each CJK codec with evidence in ``text``, the spans worth scanning.

    Evidence for a codec is one of its rare start characters, one of its common
    ones glued to an ASCII letter (``caf茅`` is ``café`` read as GBK), or, after a
    U+FFFD and before an ASCII character, a character it writes with a continuation
    byte first (``“If`` read as cp949 is ``��쏧f``: the lead was replaced, the rest
    paired with the ``I``).
    Each kind is found once for all codecs, then shared out.
    """
    rare_positions = [match.start() for match in _in_suspect_lines(_any_rare_start_re(), text)]
    glued = _glued_common(text)
    after_lost = _after_replacement(text)
    if not rare_positions and not glued and not after_lost:
        return {}
    windows: dict[str, list[tuple[int, int]]] = {}
    for codec in CJK_CODECS:
        rare, common = _multibyte_starts(codec)
        positions = [position for position in rare_positions if text[position] in rare]
        # common characters that evidence beside them makes suspect
        beside = [position for position in glued if text[position] in common]
        if after_lost:
            led = _continuation_led(codec)
            beside += [position for position in after_lost if text[position] in led]
        if beside:
            positions = sorted(positions + beside)
        spans = _merge_windows(positions, len(text))
        if spans:
            windows[codec] = spans
    return windows


def _after_replacement(text: str) -> list[int]:
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


@lru_cache(maxsize=len(CJK_CODECS))
def _continuation_led(codec: str) -> frozenset[str]:
    """Characters ``codec`` writes as a UTF-8 continuation byte and an ASCII byte: the
    rest of a sequence whose lead became U+FFFD, paired with the next character's
    first byte.  (A pair with a high second byte is no such sign: Cyrillic read as
    EUC-KR is full of them, and repairs there went wrong.)"""
    chars: set[str] = set()
    for first in _CONTINUATIONS:
        for second in range(0x40, 0x80):
            decoded = bytes([first, second]).decode(codec, "ignore")
            if len(decoded) == 1 and not decoded.isascii():
                chars.add(decoded)
    return frozenset(chars)


def _merge_windows(positions: Iterable[int], length: int) -> list[tuple[int, int]]:
    """Windows of :data:`WINDOW` characters around each position, merged where they touch."""
    spans: list[tuple[int, int]] = []
    for position in positions:
        start = max(0, position - WINDOW)
        end = min(length, position + 1 + WINDOW)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans
