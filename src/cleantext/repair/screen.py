"""Fast screening: decide, at regex speed, which damage families could be present.

Clean text is the common case, so the engine first asks cheap questions and runs
no repair family whose fingerprint is absent:

* single-byte mojibake (ftfy's domain) always contains the misreading of a UTF-8
  lead byte followed by the misreading of a continuation byte in one of the
  single-byte codecs ftfy knows, a lead whose no-break space ftfy would put
  back, or C1 controls / stray surrogates;
* UTF-8 read as a multi-byte codec W always starts with a character whose W bytes
  are a UTF-8 lead byte and a continuation byte (or, for Shift-JIS, a half-width
  katakana that is a lead byte on its own);
* lossy Latin-1 damage leaves a Latin-1 character that is a UTF-8 lead byte, with
  no continuation after it (``é`` glued to a Latin word is a letter, not this);
* legacy text read as Western holds three non-ASCII Western characters in a row,
  in a word no other script touches.

Each fingerprint is a character class built once from the codecs themselves
(those of the CJK codecs in :mod:`.screen_cjk`, with the helpers of
:mod:`.screen_patterns`).
:func:`looks_clean` first searches for any character that some fingerprint needs:
most clean text (English with typographic punctuation) stops after that one pass.
When a text is not clean, :func:`suspect_lines` names the lines that hold
evidence, and the families search only those lines (a Chinese document with one
odd line costs a few passes over the whole and the detailed work on that line).
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from cleantext.repair import cp949_leads
from cleantext.repair.line_spans import lines_at
from cleantext.repair.models import CJK_CODECS, DROPPED_LEAD_CODECS
from cleantext.repair.screen_cjk import (
    after_replacement,
    any_rare_start_re,
    common_starts,
    continuation_led,
    dropped_lead_alternative,
    dropped_lead_chars,
    dropped_lead_re,
    glued_common,
    has_glued_common,
    inside_western_sequence,
    mostly_cjk,
    multibyte_starts,
    placed_symbol_alternative,
    placed_symbol_re,
    rare_evidence,
)
from cleantext.repair.screen_patterns import (
    UTF8_CONTINUATIONS,
    UTF8_LEADS,
    Alternative,
    as_pattern,
    char_class,
    led_by_one_class,
)

__all__ = [
    "CP1252_EXTRAS",
    "CP1252_PAIR_RE",
    "LEGACY_RUN_RE",
    "LOSSY_LATIN_RE",
    "QUESTION_MARKS_RE",
    "QUESTION_QUOTE_OPENING_RE",
    "QUESTION_RUN_IN_WORD_RE",
    "WESTERN_HIGH",
    "WINDOW",
    "has_lossy_latin_evidence",
    "has_question_run",
    "has_question_run_in_word",
    "lead_and_continuation_re",
    "looks_clean",
    "lossy_latin_windows",
    "multibyte_windows",
    "search_suspect_lines",
    "single_byte_suspect",
    "single_byte_windows",
    "suspect_lines",
]


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
        codec_leads = _decode_each(codec, UTF8_LEADS)
        codec_continuations = _decode_each(codec, UTF8_CONTINUATIONS)
        leads |= codec_leads
        continuations |= codec_continuations
        if not codec_leads.isdisjoint(_TYPOGRAPHY):
            after_typography |= codec_continuations - _TYPOGRAPHY
    return frozenset(leads), frozenset(continuations), frozenset(after_typography)


@lru_cache(maxsize=1)
def _single_byte_re() -> re.Pattern[str]:
    """What ftfy needs to change a line besides a lead and a continuation of one of
    its codecs (:func:`single_byte_suspect`): a lead whose no-break space became a
    space (only where ftfy puts one back) or whose continuation became U+FFFD, C1
    controls, surrogates, and ftfy's other UTF-8 variants.  (``é `` at a word's end is
    neither: ftfy reads a space back as a no-break space only after the leads of its
    own pattern, ``Ã `` for ``à``.)"""
    pattern = (
        f"{as_pattern([*_lost_a0(western=True), *_lost_a0_after_latin()])}"
        "|[\u00c2-\u00f4]\ufffd"
        # escapes the re module reads: mypyc compiles no surrogate in a string literal
        r"|[\u0080-\u009f\ud800-\udfff]|\u00ed\u00a0"
    )
    return re.compile(pattern)


@lru_cache(maxsize=1)
def _lost_a0_leads() -> dict[int, frozenset[str]]:
    """A lead and a space where ftfy would put back a no-break space: its pattern for a
    UTF-8 sequence whose 0xA0 became a space, over the leads of each codec it undoes
    (not MacRoman, where ftfy does not look for it and ``–`` is such a lead).  By how
    many continuations must follow the space: a two-byte lead needs none (``Ã `` is
    ``à``); a longer one needs its others (Russian ``в `` is 0xE2 and a space in
    cp1251, which alone is no sequence).
    """
    import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)
    from ftfy.chardata import ALTERED_UTF8_RE, CHARMAP_ENCODINGS

    by_length: dict[int, set[str]] = {0: set(), 1: set(), 2: set()}
    for codec in CHARMAP_ENCODINGS:
        if codec == "macroman":
            continue
        for lead in UTF8_LEADS:
            for more in by_length:
                if ALTERED_UTF8_RE.match(bytes([lead, 0x20, *[0x80] * more])):
                    by_length[more] |= _decode_each(codec, range(lead, lead + 1))
                    break
    return {more: frozenset(leads) for more, leads in by_length.items() if leads}


def _lost_a0(*, western: bool) -> list[Alternative]:
    """The Western leads of :func:`_lost_a0_leads` (evidence wherever they are) or
    the others (:func:`_lost_a0_after_latin`), and what must follow them."""
    continuation = char_class(_single_byte_sets()[1])
    return [
        (char_class(chosen), " " + f"[{continuation}]" * more)
        for more, leads in _lost_a0_leads().items()
        if (chosen := leads & _WESTERN_CHARS if western else leads - _WESTERN_CHARS)
    ]


def _lost_a0_after_latin() -> list[Alternative]:
    """The other leads of :func:`_lost_a0_leads`, right after a Latin letter only
    (``theВ Washington``, a no-break space read as cp1251).  Before a word, Russian
    ``В`` and Greek ``Ο`` are prepositions and articles: ftfy was never handed such a
    line for this alone."""
    return [(leads, _AFTER_LATIN + rest) for leads, rest in _lost_a0(western=False)]


_AFTER_LATIN = "(?<=[A-Za-z].)"


def _led_by_the_leads() -> str:
    """:func:`_lost_a0_after_latin` as one pattern led by the union of its leads, each
    branch checking its own leads and the Latin letter by looking back.

    Led by the Latin letter instead, the search tried a branch at nearly every letter
    of Latin prose: 30-50 ns a character, against 5-7 here, and 9-10 in Cyrillic or
    Greek prose, where the leads begin nearly every other letter.
    """
    alternatives = _lost_a0(western=False)
    union = "".join(leads for leads, _ in alternatives)
    branches = "|".join(f"(?<=[{leads}]){rest}" for leads, rest in alternatives)
    return f"[{union}]{_AFTER_LATIN}(?:{branches})"


@lru_cache(maxsize=1)
def _single_byte_pair_res() -> dict[str, re.Pattern[str]]:
    """Per codec ftfy undoes, a lead character followed by a continuation character."""
    import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)
    from ftfy.chardata import CHARMAP_ENCODINGS

    return {
        codec: re.compile(
            f"[{char_class(_decode_each(codec, UTF8_LEADS))}]"
            f"[{char_class(_decode_each(codec, UTF8_CONTINUATIONS))}]"
        )
        for codec in CHARMAP_ENCODINGS
    }


def lead_and_continuation_re(codec: str) -> re.Pattern[str] | None:
    """For a single-byte codec ftfy undoes, a character whose byte is a UTF-8 lead
    followed by one whose byte is a continuation; None for any other codec."""
    return _single_byte_pair_res().get(codec)


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
    """Could ``text`` (a line) hold mojibake from a single-byte codec (what ftfy repairs)?

    ftfy re-reads text in one codec at a time, so a lead of one codec beside a
    continuation of another is nothing to it.  Tested as one pair of classes, Greek
    ``απ`` (a cp1253 lead, a MacRoman continuation) or Polish ``ŁĄ`` sent their lines
    to ftfy for nothing: in the bench's clean mixed-scripts megabyte, 195 of the 242
    lines it was handed, and CPython's pinyin line in the CJK one.
    """
    return _single_byte_re().search(text) is not None or any(
        pair.search(text) is not None for pair in _single_byte_pair_res().values()
    )


@lru_cache(maxsize=1)
def _strong_suspects() -> frozenset[str]:
    """Characters whose presence alone sends a line to the detailed screens: C1
    controls, U+FFFD, surrogates and the rare start characters of a CJK misreading.

    Western leads are not among them: ``é`` in ``été`` is a letter, and is
    evidence only where some family says so (:func:`_evidence_lines`).
    """
    strong = {chr(code) for code in range(0x80, 0xA0)}
    strong |= {chr(code) for code in range(0xD800, 0xE000)}
    strong.add("\ufffd")
    for codec in CJK_CODECS:
        strong |= rare_evidence(codec)
    return frozenset(strong)


#: cp1252's printable characters in 0x80-0x9F.
CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
#: A UTF-8 lead read as cp1252 followed by a continuation only cp1252 writes (``â€``,
#: ``Ð‘``): text read as cp1252, not as Latin-1.
CP1252_PAIR_RE = re.compile(f"[\u00c2-\u00f4][{CP1252_EXTRAS}]")
#: Every non-ASCII character a Western reader (Latin-1 or cp1252) writes, as a class.
WESTERN_HIGH = "\u0080-\u00ff" + CP1252_EXTRAS
_WESTERN_CHARS = frozenset(map(chr, range(0x80, 0x100))) | frozenset(CP1252_EXTRAS)
#: Three non-ASCII Western characters in a row (cp1252's own included): where the
#: legacy family looks for text in another encoding read as Western.
LEGACY_RUN_RE = re.compile(f"[{WESTERN_HIGH}]" * 3)  # spelt out: {3} searches 3x slower
_WESTERN_TOKEN_CHAR = re.compile(f"[!-~{WESTERN_HIGH}]")
_WESTERN_TOKEN_TAIL = re.compile(f"[!-~{WESTERN_HIGH}]*")


def _has_legacy_run(text: str, start: int, end: int) -> bool:
    """Is there, between ``start`` and ``end``, a run of :data:`LEGACY_RUN_RE` whose
    word (printable ASCII and Western characters) has no other character touching it?

    A Western reader writes only Western characters: a word glued to ``훀`` or ``≥``
    is no legacy text, and the legacy family passes it by (``훀¿¿¿`` in Korean prose).
    Each word is judged once, however many runs it holds: time linear in its length.
    """
    position = start
    while (run := LEGACY_RUN_RE.search(text, position, end)) is not None:
        before = run.start()  # back to the word's start, which is past the last word
        while before > position and _WESTERN_TOKEN_CHAR.match(text, before - 1):
            before -= 1
        tail = _WESTERN_TOKEN_TAIL.match(text, run.end())
        after = tail.end() if tail else run.end()
        touching = text[before - 1 : before] + text[after : after + 1]
        if touching.isascii():
            return True
        position = after + 1
    return False


def _has_single_codec_pair(text: str, start: int, end: int) -> bool:
    """Is there, between ``start`` and ``end``, a lead followed by a continuation of
    one codec ftfy undoes?  The screen's pair pattern joins every codec's leads and
    continuations in two classes, one search for all; a match there is confirmed
    here, since ftfy re-reads a line in one codec at a time (Greek ``απ`` is a
    cp1253 lead and a MacRoman continuation, pinyin ``êê`` a cp1252 lead and a
    MacRoman continuation: no family finds anything there)."""
    return any(pair.search(text, start, end) for pair in _single_byte_pair_res().values())


def _line_holds(group: str, text: str, start: int, end: int) -> bool:
    """What the line of a match of a named group of the evidence patterns must also
    hold: a legacy run not glued to other text, or a pair of one codec."""
    if group == "legacy":
        return _has_legacy_run(text, start, end)
    return _has_single_codec_pair(text, start, end)


def _lossy_alternatives() -> list[Alternative]:
    """A Latin-1 lead that lost its continuation bytes, as :func:`_is_loss_evidence`
    judges it (matched on its own, so a lead right after another is seen too), and
    the ``?`` marks that say C1 bytes were replaced.

    A lead whose deleted continuations no rule could ever restore
    (:func:`_leads_left_open`: ``Ê`` would be an IPA letter, ``ê`` a Yi syllable)
    is evidence only before U+FFFD or ``?``, where the bytes were replaced, not
    deleted: followed by anything else it can only stay as it is, so ``VOCÊ`` and
    ``ÊTRE`` send no line to the families.  In a line sent for other evidence, such a
    lead still takes part in the repair (:func:`_is_loss_evidence`): in Arabic read
    as Latin-1, ``Ù`` that lost its C1 byte becomes U+FFFD between letters restored.
    """
    left_open = _leads_left_open()
    leads = _LATIN1_LEADS - {_TAKES_NO_C1}
    foreign = _FOREIGN_IF_LOST
    unglued = "(?<![A-Za-z].)"
    alternatives: list[tuple[frozenset[str], str]] = [
        (leads - foreign - left_open, "(?![\u0080-\u00bf])"),
        ((leads - foreign) & left_open, "[\ufffd?]"),
        (foreign - left_open, "(?:\ufffd|$)"),
        (foreign - left_open, f"{unglued}(?![A-Za-z\u0080-\u00bf])"),
        (foreign & left_open, "\ufffd"),
        (foreign & left_open, f"{unglued}\\?"),
    ]
    return [
        *((char_class(chosen), rest) for chosen, rest in alternatives if chosen),
        *_QUESTION_MARKS,
    ]


#: Latin-1 characters that are UTF-8 lead bytes (0xC2 to 0xF4).
_LATIN1_LEADS = frozenset(chr(code) for code in range(0xC2, 0xF5))


@lru_cache(maxsize=1)
def _leads_left_open() -> frozenset[str]:
    """The Latin-1 leads that, with every continuation byte deleted, only ever stay
    undecided: the characters they could have begun are too many, and no context
    rule, lexicon or word list could choose among them."""
    # Imported on first use: misread screens its text with this module.
    from cleantext.repair.misread import lone_lead_stays_open
    from cleantext.repair.models import DamageModel, Loss

    deleted = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)
    return frozenset(lead for lead in _LATIN1_LEADS if lone_lead_stays_open(lead, deleted))


#: A three-byte lead followed by two marks, or by a mark and a continuation either way
#: round (``™`` is ``â?¢``), or a two-byte lead by one mark: the C1 bytes were
#: replaced, not deleted (the lossy-Latin family's sign of that model).
_QUESTION_MARKS: list[Alternative] = [
    ("\u00e0-\u00ef", "(?:\\?[\\?\u00a0-\u00bf]|[\u00a0-\u00bf]\\?)"),
    ("\u00c2-\u00df", "\\?(?![\\s?])"),
]
QUESTION_MARKS_RE = re.compile(as_pattern(_QUESTION_MARKS))


@lru_cache(maxsize=1)
def suspect_lines(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the lines (newline excluded) that hold evidence for some family
    (:func:`_evidence_lines`): where every family but the glued multi-byte case finds
    its evidence.

    Cached for the last text only: the families of a pass ask about the same text in
    turn, and a larger cache would keep large texts alive after the call.
    """
    return tuple(sorted(set(_evidence_lines(text))))


def _evidence_lines(text: str) -> Iterator[tuple[int, int]]:
    """The span of each line holding a strong suspect, a lead followed by a
    continuation, typography beside a possible continuation, Western evidence
    (:func:`_western_alternatives`), a Cyrillic or Greek lead whose no-break space
    became a space after a Latin letter, or a legacy run not glued to other text;
    a line holding several kinds may come once for each.

    Three searches of the whole text find them, each led by a character class the
    regex engine skips to in C.  A lead and continuation has a search of its own:
    Cyrillic and Greek letters are such leads, and joined with the other kinds they
    would try every branch at nearly every letter (~400 ns a character).  So does
    a Cyrillic or Greek lead after a Latin letter (:func:`_led_by_the_leads`).  The rest, one
    pattern, is rare in any prose.  In CJK prose, where letters of every alphabet
    are rare, all of them are one pattern: each search costs 10-15 ns a character
    there, whatever it looks for.
    """
    patterns = _clean_patterns()
    if mostly_cjk(text):  # few letters of any alphabet: one pattern is faster
        yield from _matching_lines(patterns.evidence_in_cjk, text, refused=_Refused.JUDGE_APART)
        return
    pair, *others = patterns.evidence
    yield from _matching_lines(pair, text, refused=_Refused.LEAVE_LINE)
    for pattern in others:
        yield from _matching_lines(pattern, text)


class _Refused(enum.Enum):
    """Where :func:`_matching_lines` goes on after its line check refused a match."""

    NEXT_MATCH = "look further on the line, past matches of the refused group"
    LEAVE_LINE = "the pattern is the one group alone: nothing more on the line"
    JUDGE_APART = "the pattern joins every kind: judge the line with them apart"


def _matching_lines(
    pattern: re.Pattern[str],
    text: str,
    start_at: int = 0,
    stop: int | None = None,
    *,
    refused: _Refused = _Refused.NEXT_MATCH,
) -> Iterator[tuple[int, int]]:
    """The span of each line holding a match: one search per line, however many
    matches it holds.  A match of a named group counts only where that group's
    check takes its line (:func:`_line_holds`), judged once per line: a legacy run
    not glued to other text, a lead and a continuation of one codec.

    Where the check refuses a match, another branch could have matched at the same
    place had it come first: the one pattern of CJK prose judges that line again
    with the patterns of the other kinds apart (``refused``).
    """
    stop = len(text) if stop is None else stop
    judged: dict[str, tuple[int, int]] = {}  # per group, the last line it failed on
    match = pattern.search(text, start_at, stop)
    while match:
        at = match.start()
        group = match.lastgroup
        if group is not None and (span := judged.get(group)) and span[0] <= at < span[1]:
            match = pattern.search(text, at + 1, stop)  # the line was judged: look further on
            continue
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        if group is not None and not _line_holds(group, text, start, end):
            if refused is _Refused.NEXT_MATCH:
                judged[group] = (start, end)
                match = pattern.search(text, at + 1, stop)
                continue
            if refused is _Refused.LEAVE_LINE or not _evidence_apart(text, start, end):
                match = pattern.search(text, end, stop)
                continue
        yield start, end
        match = pattern.search(text, end, stop)


def _evidence_apart(text: str, start: int, end: int) -> bool:
    """Does the line from ``start`` to ``end`` hold evidence, each kind searched apart?"""
    stop = min(end + 1, len(text))  # with its newline, as lookarounds saw it
    pair, *others = _clean_patterns().evidence
    lines = itertools.chain(
        _matching_lines(pair, text, start, stop, refused=_Refused.LEAVE_LINE),
        *(_matching_lines(pattern, text, start, stop) for pattern in others),
    )
    return next(lines, None) is not None


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


#: Two to four question marks between two letters: the bytes of one character that a
#: reader writing ``?`` for each byte it could not decode left (``don???t``), which
#: no real text writes inside a word.
QUESTION_RUN_IN_WORD_RE = re.compile(r"(?<=[A-Za-z])\?{2,4}(?=[A-Za-z])")


def has_question_run_in_word(text: str) -> bool:
    """Does ``text`` hold :data:`QUESTION_RUN_IN_WORD_RE`?  (A search only where ``??`` is.)"""
    return "??" in text and QUESTION_RUN_IN_WORD_RE.search(text) is not None


#: Three question marks glued before a word, after a space or the line's start
#: (``???If``): the bytes of an opening quotation mark, written ``?`` each.
QUESTION_QUOTE_OPENING_RE = re.compile(r"(?:^|(?<=[ \t(\[]))\?\?\?(?=[A-Za-z])", re.MULTILINE)


def has_question_run(text: str) -> bool:
    """Could :mod:`.ascii_question` read anything in ``text``: a run inside a word, or
    an opening quotation mark (every quotation it reads has one)?"""
    return "??" in text and (
        QUESTION_RUN_IN_WORD_RE.search(text) is not None
        or QUESTION_QUOTE_OPENING_RE.search(text) is not None
    )


def looks_clean(text: str) -> bool:
    """True when no repair family could find anything in ``text``: a fast, exact pre-check.

    The first test searches for one character class, which the regex engine runs
    at hundreds of millions of characters per second: any character that begins
    some piece of evidence.  Clean English with typographic punctuation has none,
    and is done after that one pass.  Then three searches (one in CJK prose) find
    every line holding evidence (:func:`suspect_lines`: all of them, not only the
    first, since a text that holds one goes to the families, which ask for them
    all next), and last come common CJK characters glued to Latin letters.
    """
    if has_question_run(text):
        return False
    patterns = _clean_patterns()
    if not patterns.any_start.search(text):
        return True
    if suspect_lines(text):  # all of them, kept for the families that ask next
        return False
    return not (patterns.common_start.search(text) and has_glued_common(text))


@dataclass(frozen=True)
class _CleanPatterns:
    any_start: re.Pattern[str]  # a character every way to fail the check needs
    evidence: tuple[re.Pattern[str], ...]  # every kind of evidence a line can hold
    evidence_in_cjk: re.Pattern[str]  # the same, as one pattern
    common_start: re.Pattern[str]


@lru_cache(maxsize=1)
def _clean_patterns() -> _CleanPatterns:
    strong = _strong_suspects()
    leads, continuations, after_typography = _single_byte_sets()
    pair_leads = leads - strong - _TYPOGRAPHY
    rare: list[Alternative] = [
        (char_class(strong), ""),
        (char_class(_TYPOGRAPHY), f"[{char_class(after_typography)}]"),
        *_western_alternatives(),
        (WESTERN_HIGH, f"(?P<legacy>[{WESTERN_HIGH}][{WESTERN_HIGH}])"),
        placed_symbol_alternative(),
        dropped_lead_alternative(),
        # what a Hangul syllable that lost its lead to cp949 leaves (:mod:`.cp949_leads`)
        (char_class(cp949_leads.RESIDUE), cp949_leads.EVIDENCE_AFTER_RESIDUE),
    ]
    # a lead and a continuation of two codecs are no pair: the line is checked per
    # codec (_has_single_codec_pair) wherever this group matched
    pair: Alternative = (char_class(pair_leads), f"(?P<pair>[{char_class(continuations)}])")
    after_latin = _lost_a0_after_latin()
    evidence = (as_pattern([pair]), led_by_one_class(rare), _led_by_the_leads())
    # a typography pair needs a character of after_typography too; a run of three
    # typographic characters alone is no legacy text (as before Western letters
    # stopped being strong suspects)
    western_starts = _WESTERN_CHARS - _TYPOGRAPHY
    starts = strong | pair_leads | western_starts | after_typography | common_starts()
    starts |= dropped_lead_chars() | cp949_leads.RESIDUE
    return _CleanPatterns(
        any_start=re.compile(f"[{char_class(starts)}]"),
        evidence=tuple(re.compile(pattern, re.MULTILINE) for pattern in evidence),
        evidence_in_cjk=re.compile(led_by_one_class([pair, *rare, *after_latin]), re.MULTILINE),
        common_start=re.compile(f"[{char_class(common_starts())}]"),
    )


def _placed_symbol_positions(text: str) -> list[int]:
    """Positions of misread symbols near an ASCII letter or digit, sorted (searched in
    the suspect lines: every one of them is evidence there)."""
    return [match.start() for match in _in_suspect_lines(placed_symbol_re(), text)]


def dropped_lead_positions(text: str) -> list[int]:
    """Positions of :func:`dropped_lead_alternative` in the suspect lines, sorted."""
    return [match.start() for match in _in_suspect_lines(dropped_lead_re(), text)]


def _western_alternatives() -> list[Alternative]:
    """Evidence made of Western characters, for the families that read them: a lead
    whose no-break space became a space (ftfy), a Latin-1 lead that lost its
    continuation bytes or a ``?`` standing for them (lossy Latin-1)."""
    return [*_lost_a0(western=True), *_lossy_alternatives()]


#: Latin-1 lead characters whose continuation bytes, had they all been C1 and lost,
#: would have spelled a character of a non-Latin script (``é`` is 0xE9: U+9000 to
#: U+97DF, CJK; ``Ö`` is 0xD6: U+0580 to U+059F, Armenian and Hebrew; from 0xCE,
#: Greek, up to 0xDF, NKo).  Glued to an ASCII letter, such a lead is a real accented
#: letter (``été``, ``laissé``, ``Straße``, ``ESPAÑOL``), not evidence of loss: a CJK
#: or Cyrillic character inside a Latin word is no repair.  The two-byte leads below
#: 0xCE stay evidence: their characters are Latin (``È`` and a lost byte is
#: Romanian ``ș``, ``Ç`` pinyin ``ǎ``) or combining marks.
_FOREIGN_IF_LOST = frozenset(chr(code) for code in (*range(0xCE, 0xE0), 0xE1, *range(0xE3, 0xF5)))

#: ``à`` is 0xE0, which takes no C1 byte next: with its continuations lost it could
#: only be completed from those that survive (U+FFFD or one in 0xA0-0xBF after it).
_TAKES_NO_C1 = "\u00e0"


def _is_loss_evidence(text: str, position: int) -> bool:
    lead = text[position]
    after = text[position + 1 : position + 2]
    if after == "\ufffd" or "\u00a0" <= after <= "\u00bf":
        return True
    if lead == _TAKES_NO_C1:
        return False
    if lead not in _FOREIGN_IF_LOST or after == "":
        return True
    before = text[position - 1 : position] if position else ""
    return not any(char.isascii() and char.isalpha() for char in (before, after))


@lru_cache(maxsize=1)
def lossy_latin_windows(text: str) -> list[tuple[int, int]]:
    """Spans around each Latin-1 lead character that lost its continuation bytes.

    Cached for the last text: the lossy-Latin steps before and after ftfy both ask
    about it when ftfy changed nothing between them.  (The list is not to be changed.)
    """
    return _merge_windows(_lossy_latin_evidence(text), len(text))


def lossy_latin_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the lines holding a Latin-1 lead that lost its continuation bytes:
    the lines :func:`lossy_latin_windows` is about, each read under its own loss model."""
    return lines_at(text, _lossy_latin_evidence(text))


def has_lossy_latin_evidence(line: str) -> bool:
    """Does ``line`` hold a Latin-1 lead that lost its continuation bytes?

    For one line, such as ftfy's output for it: the line is searched whole, leaving
    the cache of :func:`suspect_lines` to the text being repaired (on a large text,
    finding its suspect lines again cost more than the rest of a family).
    """
    return any(_is_loss_evidence(line, match.start()) for match in LOSSY_LATIN_RE.finditer(line))


def _lossy_latin_evidence(text: str) -> Iterator[int]:
    positions = (match.start() for match in _in_suspect_lines(LOSSY_LATIN_RE, text))
    return (position for position in positions if _is_loss_evidence(text, position))


def multibyte_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """For each CJK codec with evidence in ``text``, the spans worth scanning.

    Evidence for a codec is one of its rare start characters, one of its common
    ones glued to an ASCII letter (``caf茅`` is ``café`` read as GBK) or standing
    where a symbol would (``Copyright 漏 2019``, :mod:`.symbols`), or, after a
    U+FFFD and before an ASCII character, a character it writes with a continuation
    byte first (``“If`` read as cp949 is ``��쏧f``: the lead was replaced, the rest
    paired with the ``I``).
    Each kind is found once for all codecs, then shared out.
    """
    rare_positions = [
        match.start()
        for match in any_rare_start_re().finditer(text)
        if not inside_western_sequence(text, match.start())
    ]
    glued = glued_common(text)
    placed = _placed_symbol_positions(text)
    after_lost = after_replacement(text)
    dropped = dropped_lead_positions(text)
    if not rare_positions and not glued and not placed and not after_lost and not dropped:
        return {}
    windows: dict[str, list[tuple[int, int]]] = {}
    for codec in CJK_CODECS:
        rare, common = rare_evidence(codec), multibyte_starts(codec)[1]
        positions = [position for position in rare_positions if text[position] in rare]
        # common characters that evidence beside them makes suspect: an ASCII letter
        # glued to them, or the place of the symbol they may be (``Copyright 漏 2019``)
        beside = [position for position in glued if text[position] in common]
        beside += [position for position in placed if text[position] in common]
        if after_lost:
            led = continuation_led(codec)
            beside += [position for position in after_lost if text[position] in led]
        if dropped and codec in DROPPED_LEAD_CODECS:
            beside += dropped
        if beside:
            positions = sorted(positions + beside)
        spans = _merge_windows(positions, len(text))
        if spans:
            windows[codec] = spans
    return windows


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
