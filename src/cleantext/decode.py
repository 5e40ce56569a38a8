"""Bytes of unknown encoding to repaired text: :func:`fix_bytes`.

Decoding order (the first rule that applies wins):

1. a byte-order mark (UTF-32, UTF-16, UTF-8) names the encoding;
2. NUL bytes: UTF-32 or UTF-16 when the NULs fall in the pattern those encodings
   give to ASCII-rich text (every fourth byte; or one parity, in at least
   :data:`MIN_UTF16_NULS` of the code units), otherwise the input is binary;
3. strict UTF-8 (the fast path: most text is UTF-8 or ASCII);
4. UTF-8 with some invalid bytes, when at least :data:`MIN_UTF8_SHARE` of the
   non-ASCII lines read as UTF-8 (a file of mixed encodings): the valid UTF-8 is
   kept and only the invalid lines or byte runs are decoded with a legacy codec;
5. a legacy encoding, detected by charset-normalizer when there is enough evidence
   (at least :data:`MIN_EVIDENCE` non-ASCII bytes); on less, a double-byte East Asian
   codec only if every character it gives is a wide one, otherwise cp1252, the most
   common one (a legacy text read as cp1252 is then a case for the repair engine).

The decoded text then goes through the repair engine
(:func:`cleantext.repair.fix_encoding_and_explain`), whose plan is returned too.
charset-normalizer costs ~80 ms to import, so it is imported only when needed.
"""

from __future__ import annotations

import codecs
import re
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from cleantext.plan import Plan

__all__ = [
    "MIN_EVIDENCE",
    "MIN_UTF8_SHARE",
    "MIN_UTF16_NULS",
    "BinaryInputError",
    "Decoded",
    "Detection",
    "InvalidRun",
    "decode_bytes",
    "decode_mixed",
    "decode_with",
    "detect",
    "fix_bytes",
    "fix_bytes_and_explain",
    "legacy_codec_for",
    "reject_binary",
]

#: Non-ASCII bytes needed before charset-normalizer's guess is trusted; below it,
#: its guesses on short texts are close to random (``"Übergrößenträger"`` -> Big5).
MIN_EVIDENCE = 64
#: Share of C0 control bytes (other than tab, line breaks, form feed and ESC) above
#: which an input is binary rather than text.
MAX_CONTROL_SHARE = 0.10
#: Share of UTF-16 code units that must have a NUL byte (ASCII and Latin-1 characters)
#: for UTF-16 without BOM: ASCII text read as UTF-16 looks like CJK ideographs, so a
#: stray NUL in a byte string proves nothing.
MIN_UTF16_NULS = 0.2
#: Codec used when there is too little evidence for a detection.
FALLBACK_CODEC = "cp1252"
#: Share of non-ASCII lines that must read as UTF-8 for a file to count as mostly
#: UTF-8 with some lines in another encoding, rather than as a legacy-encoded file.
MIN_UTF8_SHARE = 0.10
REPLACEMENT = "replacement"

#: Lead bytes of the *common* characters of each double-byte codec: punctuation and
#: full-width forms, kana, the first-level (most frequent) ideographs, KS X 1001 Hangul.
#: Text whose every character is common is positive evidence for the codec.
_COMMON_LEADS: dict[str, tuple[range, ...]] = {
    "gb18030": (range(0xA1, 0xA4), range(0xB0, 0xD8)),
    "gbk": (range(0xA1, 0xA4), range(0xB0, 0xD8)),
    "big5": (range(0xA1, 0xA4), range(0xA4, 0xC7)),
    "cp950": (range(0xA1, 0xA4), range(0xA4, 0xC7)),
    "cp949": (range(0xA1, 0xA4), range(0xB0, 0xC9)),
    "euc_kr": (range(0xA1, 0xA4), range(0xB0, 0xC9)),
    "shift_jis": (range(0x81, 0x84), range(0x88, 0x99)),
    "cp932": (range(0x81, 0x84), range(0x88, 0x99)),
    "euc_jp": (range(0xA1, 0xA6), range(0xB0, 0xD0)),
}
_MAX_WINDOW = 1 << 16
_CONTROLS = bytes([*range(0, 9), *range(14, 27), *range(28, 32)])
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_HIGH = bytes(range(128, 256))
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Codecs charset-normalizer may propose that are never right for cleantext's input:
#: EBCDIC (its guess for a lone accented byte) and the Unicode forms handled above.
_REJECTED = frozenset(
    {"cp037", "cp273", "cp424", "cp500", "cp875", "cp1026", "cp1140", "utf_7", "utf_8"}
)


class BinaryInputError(ValueError):
    """The input is binary data (NUL or control bytes, or no text encoding fits), not text.

    Callers that walk many files (the CLI) catch it and skip the file untouched.
    """


@dataclass(frozen=True, slots=True)
class InvalidRun:
    """Bytes ``data[start:end]`` that were not valid in the main encoding.

    ``codec`` is the codec that decoded them instead, or ``"replacement"`` when they
    became U+FFFD (e.g. a UTF-8 sequence cut short); ``text`` is what replaced them.
    """

    start: int
    end: int
    codec: str
    text: str


@dataclass(frozen=True, slots=True)
class Detection:
    """Which encoding a byte string is in, how sure, and why."""

    encoding: str
    confidence: float
    reason: str
    bom_length: int = 0
    #: For ``mixed`` UTF-8: the codec its invalid lines are decoded with.
    fallback: str | None = None


@dataclass(frozen=True)
class Decoded:
    """What :func:`fix_bytes_and_explain` found and did.

    ``text`` is the decoded *and repaired* text; ``plan`` holds the repair engine's
    changes, which index the decoded text before repair.  ``encoding`` is a Python
    codec name (``"utf-8"``, ``"utf-16-le"``, ``"cp1256"``, ...); for a file of mixed
    encodings it is ``"utf-8"`` and ``invalid_runs`` lists the bytes decoded otherwise.
    """

    text: str
    encoding: str
    confidence: float
    reason: str
    plan: Plan
    had_bom: bool
    invalid_runs: tuple[InvalidRun, ...] = ()

    def summary(self) -> str:
        """One line for people, e.g. ``cp1256 (charset-normalizer: Arabic), 0 repairs``."""
        extra = ", BOM" if self.had_bom else ""
        runs = f", {len(self.invalid_runs)} invalid byte runs" if self.invalid_runs else ""
        return f"{self.encoding} ({self.reason}{extra}){runs}, {len(self.plan)} repairs"


def fix_bytes(data: bytes) -> str:
    """Decode bytes of unknown encoding and repair any mojibake in the result.

    Raises :class:`BinaryInputError` for binary data and ``TypeError`` for non-bytes.
    """
    return fix_bytes_and_explain(data).text


def fix_bytes_and_explain(data: bytes) -> Decoded:
    """Like :func:`fix_bytes`, but also say which encoding was found, why, and what changed."""
    from cleantext.repair import fix_encoding_and_explain  # lazy: import cycle

    text, detection, runs = decode_bytes(data)
    fixed, plan = fix_encoding_and_explain(text)
    return Decoded(
        text=fixed,
        encoding=detection.encoding,
        confidence=detection.confidence,
        reason=detection.reason,
        plan=plan,
        had_bom=detection.bom_length > 0,
        invalid_runs=runs,
    )


def decode_bytes(data: bytes) -> tuple[str, Detection, tuple[InvalidRun, ...]]:
    """Decode without repairing: the text, the detection, and the invalid byte runs."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"fix_bytes expects bytes, not {type(data).__name__}; see fix_encoding")
    data = bytes(data)
    detection = detect(data)
    text, runs = decode_with(data, detection)
    return text, detection, runs


def detect(data: bytes) -> Detection:
    """Find the encoding of ``data`` (see the module docstring for the order)."""
    if not data:
        return Detection("utf-8", 1.0, "empty input")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-8" and not _valid_utf8(data[len(bom) :]):
                fallback = legacy_codec_for(data[len(bom) :])
                reason = f"byte-order mark; invalid lines read as {fallback}"
                return Detection(codec, 0.9, reason, bom_length=len(bom), fallback=fallback)
            return Detection(codec, 1.0, "byte-order mark", bom_length=len(bom))
    nul = data.find(b"\0")
    if nul >= 0:
        wide = _wide_unicode(data)
        if wide is None:
            raise BinaryInputError(f"binary data: NUL byte at offset {nul}")
        return wide
    _reject_controls(data)
    if _valid_utf8(data):
        return Detection("utf-8", 1.0, "ASCII" if data.isascii() else "valid UTF-8")
    utf8_lines, legacy_lines = _line_votes(data)
    if utf8_lines and utf8_lines >= MIN_UTF8_SHARE * (utf8_lines + legacy_lines):
        legacy = legacy_codec_for(data)
        share = utf8_lines / (utf8_lines + legacy_lines)
        reason = f"mostly UTF-8, invalid bytes read as {legacy}"
        return Detection("utf-8", round(share, 3), reason, fallback=legacy)
    return _legacy_codec(data)


def decode_with(data: bytes, detection: Detection) -> tuple[str, tuple[InvalidRun, ...]]:
    """Decode ``data`` as ``detection`` says; invalid bytes never stop the decoding."""
    body = data[detection.bom_length :]
    offset = detection.bom_length
    if detection.fallback is not None:
        text, runs = decode_mixed(body, detection.fallback, offset)
    else:
        text, runs = _decode_collecting(body, detection.encoding, offset)
    if detection.bom_length or detection.encoding.startswith(("utf-16", "utf-32")):
        _reject_binary_text(text)
    return text, runs


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _valid_utf8(data: bytes) -> bool:
    return _try_decode(data, "utf-8") is not None


def _wide_unicode(data: bytes) -> Detection | None:
    """UTF-32 or UTF-16 without BOM, when the NULs fall where those encodings put them."""
    size = len(data)
    if size % 4 == 0:
        for codec, zero, small in (("utf-32-le", 3, 2), ("utf-32-be", 0, 1)):
            if data[zero::4].count(0) == size // 4 and max(data[small::4]) <= 0x10:
                found = _try_wide(data, codec, "NULs in every fourth byte")
                if found is not None:
                    return found
    if size % 2 == 0:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        total = even + odd
        for codec, share in (("utf-16-le", odd), ("utf-16-be", even)):
            if share >= 0.9 * total and share >= MIN_UTF16_NULS * (size // 2):
                found = _try_wide(data, codec, f"NULs in {share} of {size // 2} code units")
                if found is not None:
                    return found
    return None


def _try_wide(data: bytes, codec: str, reason: str) -> Detection | None:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if _binary_text(text) else Detection(codec, 0.95, reason)


def _binary_text(text: str) -> bool:
    """Decoded text that is not text: NULs, many controls, or unassigned code points."""
    if "\0" in text or len(_CONTROL_CHARS.findall(text)) > MAX_CONTROL_SHARE * len(text):
        return True
    sample = text[:65536]
    odd = sum(1 for char in sample if unicodedata.category(char) in {"Cn", "Co", "Cs"})
    return odd > 0.01 * len(sample)


def _reject_binary_text(text: str) -> None:
    if _binary_text(text):
        raise BinaryInputError("binary data: the decoded text holds NULs or control characters")


def reject_binary(data: bytes, offset: int = 0) -> None:
    """Raise :class:`BinaryInputError` if ``data`` (at ``offset`` in its file) holds NULs.

    Used on the chunks after the first; the share of control bytes is judged once, on
    the detection sample, since a single line may well be mostly control bytes.
    """
    nul = data.find(b"\0")
    if nul >= 0:
        raise BinaryInputError(f"binary data: NUL byte at offset {offset + nul}")


def legacy_codec_for(data: bytes) -> str:
    """The codec for the lines of ``data`` that are not valid UTF-8.

    Never refuses them as binary: they sit among valid UTF-8 lines, and a line may be
    invalid only because its last UTF-8 character was cut short.
    """
    return _legacy_codec(_invalid_lines(data), refuse_binary=False).encoding


def _reject_controls(data: bytes) -> None:
    controls = len(data) - len(data.translate(None, _CONTROLS))
    if controls > MAX_CONTROL_SHARE * len(data):
        raise BinaryInputError(f"binary data: {controls} of {len(data)} bytes are control bytes")


def _line_votes(data: bytes) -> tuple[int, int]:
    """Count the lines that read as UTF-8 and those that read as a legacy codec.

    A line reads as UTF-8 when its valid multi-byte characters number at least two
    and outnumber its invalid sequences: text in a legacy encoding is almost never
    valid UTF-8 by chance beyond a single pair of bytes.
    """
    utf8 = legacy = 0
    for line in data.split(b"\n"):
        if line.isascii():
            continue
        valid, invalid = _utf8_balance(line)
        if valid >= 2 and valid > invalid:
            utf8 += 1
        elif invalid:
            legacy += 1
    return utf8, legacy


def _utf8_balance(data: bytes) -> tuple[int, int]:
    """Count the valid multi-byte UTF-8 characters and the invalid sequences of ``data``."""
    valid = invalid = 0
    for text, _, _ in _segments(data):
        if text is None:
            invalid += 1
        else:
            valid += _non_ascii(text)
    return valid, invalid


def _segments(data: bytes) -> Iterator[tuple[str | None, int, int]]:
    """Valid UTF-8 segments ``(text, start, end)`` and invalid sequences ``(None, start, end)``.

    Python's decoder allocates for the whole input before it finds the first error,
    so decoding "the rest" after every error is quadratic on a long line of invalid
    bytes; windows that shrink after an error and grow after success keep it linear.
    """
    position, window, size = 0, 64, len(data)
    while position < size:
        stop = min(size, position + window)
        try:
            text, consumed = codecs.utf_8_decode(data[position:stop], "strict", stop == size)
        except UnicodeDecodeError as error:
            start, end = position + error.start, position + error.end
            if start > position:
                yield data[position:start].decode("utf-8"), position, start
            yield None, start, end
            position, window = end, 64
            continue
        if consumed:
            yield text, position, position + consumed
        position += consumed
        window = min(window * 2, _MAX_WINDOW)


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("utf-8").translate(None, _HIGH))


def _invalid_lines(data: bytes) -> bytes:
    """The lines of ``data`` that are not valid UTF-8, joined: the evidence for a fallback."""
    return b"\n".join(line for line in data.split(b"\n") if not _valid_utf8(line))


def _legacy_codec(data: bytes, *, refuse_binary: bool = True) -> Detection:
    """charset-normalizer's guess given enough evidence, else cp1252."""
    high = len(data) - len(data.translate(None, _HIGH))
    if high >= MIN_EVIDENCE:
        from charset_normalizer import from_bytes  # lazy: slow import

        matches = [
            match
            for match in from_bytes(data)
            if match.encoding not in _REJECTED and not match.encoding.startswith("utf")
        ]
        if matches:
            # Equal scores are common among Latin code pages (cp1250 and cp1252 read
            # French alike to charset-normalizer); the far more common cp1252 wins ties.
            best = matches[0]
            tied = [
                m.encoding
                for m in matches
                if (m.chaos, m.coherence) == (best.chaos, best.coherence)
            ]
            codec = FALLBACK_CODEC if FALLBACK_CODEC in tied else best.encoding
            language = best.language if best.language != "Unknown" else "language unknown"
            return Detection(
                codecs.lookup(codec).name,
                round(1.0 - best.chaos, 3),
                f"charset-normalizer: {language}",
            )
        if refuse_binary and _is_binary(data):
            raise BinaryInputError("binary data: no text encoding fits")
    elif high:
        cjk = _cjk_reading(data)
        if cjk is not None:
            return Detection(cjk, 0.8, "East Asian: every character a common one")
    reason = f"only {high} non-ASCII bytes: too few to detect, read as {FALLBACK_CODEC}"
    return Detection(FALLBACK_CODEC, 0.5, reason)


def _cjk_reading(data: bytes) -> str | None:
    """A double-byte codec (GBK, Big5, ...) for a short text, given positive evidence.

    charset-normalizer guesses at random on a few bytes, so its multi-byte guesses are
    taken only when the text decodes into at least two non-ASCII characters, all of
    them common ones (see ``_COMMON_LEADS``): ``"Übergrößenträger"`` in cp1252 and
    ``"Ελληνικά"`` in cp1253 both fail.
    """
    from charset_normalizer import from_bytes  # lazy: slow import

    for match in from_bytes(data):
        codec = codecs.lookup(match.encoding).name
        leads = _COMMON_LEADS.get(codec)
        text = _try_decode(data, codec) if leads else None
        if leads is None or text is None:
            continue
        wide = [char for char in text if not char.isascii()]
        if len(wide) >= 2 and all(_common(char, codec, leads) for char in wide):
            return codec
    return None


def _common(char: str, codec: str, leads: tuple[range, ...]) -> bool:
    encoded = char.encode(codec)
    return len(encoded) == 2 and any(encoded[0] in lead for lead in leads)


def _is_binary(data: bytes) -> bool:
    from charset_normalizer import is_binary  # lazy: slow import

    return bool(is_binary(data))


def _decode_collecting(
    data: bytes, codec: str, offset: int = 0
) -> tuple[str, tuple[InvalidRun, ...]]:
    """Decode, turning each undecodable byte sequence into U+FFFD and recording it."""
    _recorded.spans = []
    text = data.decode(codec, _RECORD)
    runs = tuple(
        InvalidRun(offset + start, offset + end, REPLACEMENT, "\ufffd")
        for start, end in _recorded.spans
    )
    return text, runs


class _Recorded(threading.local):
    spans: list[tuple[int, int]]


_recorded = _Recorded()


def _record(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: U+FFFD, like ``"replace"``, and remember where."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _recorded.spans.append((error.start, error.end))
    return "\ufffd", error.end


_RECORD = "cleantext-decode-record"
codecs.register_error(_RECORD, _record)


def decode_mixed(data: bytes, fallback: str, offset: int) -> tuple[str, tuple[InvalidRun, ...]]:
    """Mostly-UTF-8 bytes: valid UTF-8 is kept, invalid lines or runs use ``fallback``.

    A line whose invalid bytes outnumber its valid multi-byte characters is a line in
    the legacy encoding and is decoded whole; otherwise only its invalid runs are.
    """
    pieces: list[str] = []
    runs: list[InvalidRun] = []
    position = 0
    for line in data.splitlines(keepends=True):
        try:
            pieces.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            text, line_runs = _decode_mixed_line(line, fallback, offset + position)
            pieces.append(text)
            runs.extend(line_runs)
        position += len(line)
    return "".join(pieces), tuple(runs)


def _decode_mixed_line(line: bytes, fallback: str, offset: int) -> tuple[str, list[InvalidRun]]:
    segments = _utf8_segments(line)
    valid = sum(_non_ascii(text) for text, _, _ in segments if text is not None)
    invalid = sum(1 for text, _, _ in segments if text is None)
    whole = _try_decode(line, fallback) if invalid > valid else None
    if whole is not None:
        return whole, [InvalidRun(offset, offset + len(line), fallback, whole)]
    pieces: list[str] = []
    runs: list[InvalidRun] = []
    for text, start, end in segments:
        if text is not None:
            pieces.append(text)
            continue
        decoded, codec = _decode_run(line[start:end], fallback, at_end=end == len(line))
        pieces.append(decoded)
        runs.append(InvalidRun(offset + start, offset + end, codec, decoded))
    return "".join(pieces), runs


def _utf8_segments(line: bytes) -> list[tuple[str | None, int, int]]:
    """Split into valid UTF-8 segments (with their text) and maximal invalid runs (None).

    An invalid run is made of adjacent invalid sequences; a sequence Python reports as
    longer than one byte is a UTF-8 character cut short and stays a run of its own.
    """
    segments: list[tuple[str | None, int, int]] = []
    extendable = False  # the last segment is a run of one-byte invalid sequences
    for text, start, end in _segments(line):
        single = text is None and end - start == 1
        if single and extendable and segments[-1][2] == start:
            segments[-1] = (None, segments[-1][1], end)
            continue
        segments.append((text, start, end))
        extendable = single
    return segments


def _decode_run(run: bytes, fallback: str, *, at_end: bool) -> tuple[str, str]:
    """Decode one invalid run: a cut-short UTF-8 character becomes U+FFFD, else ``fallback``.

    A lone lead byte is a cut-short character only at the very end of the input (a
    line without line end); elsewhere it is as likely a legacy letter (``é`` + space).
    """
    truncated = (len(run) > 1 or at_end) and 0xC2 <= run[0] <= 0xF4
    if truncated and all(0x80 <= byte < 0xC0 for byte in run[1:]):
        return "\ufffd", REPLACEMENT
    for codec in dict.fromkeys((fallback, FALLBACK_CODEC)):
        text = _try_decode(run, codec)
        if text is not None:
            return text, codec
    return "\ufffd" * len(run), REPLACEMENT
