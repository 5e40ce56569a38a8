"""Large inputs in bounded memory: decode and transform a byte stream chunk by chunk.

The encoding is detected once, from the first :data:`DETECTION_SAMPLE` bytes (or the
first chunk, if larger), with the same rules as :func:`cleantext.fix_bytes`.  The
stream is then cut at line ends, so no chunk splits a character or a CRLF and every
chunk is whole lines; only a line longer than :data:`MAX_LINE_CHUNKS` chunks is cut
inside (after a CR or a space if it has one).  Memory use is a few chunks whatever
the size of the input.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, TextIO

from cleantext.chunks import map_chunks
from cleantext.decode import (
    BinaryInputError,
    Detection,
    decode_mixed,
    detect,
    legacy_codec_for,
    reject_binary,
)

__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "DETECTION_SAMPLE",
    "MAX_LINE_CHUNKS",
    "DecodedStream",
    "StreamStats",
    "iter_decoded_chunks",
    "map_chunks",
    "transform_stream",
]

#: Bytes read per chunk (1 MiB): memory use is a few chunks whatever the input's size.
DEFAULT_CHUNK_SIZE = 1 << 20
#: Bytes read before detecting the encoding: enough for charset-normalizer's evidence.
DETECTION_SAMPLE = 1 << 16
#: A line longer than this many chunks is cut inside, so memory stays bounded.
MAX_LINE_CHUNKS = 4


@dataclass
class StreamStats:
    """What a pass over a stream found: encoding, sizes, and whether anything changed."""

    encoding: str = ""
    reason: str = ""
    had_bom: bool = False
    bytes_read: int = 0
    chunks: int = 0
    #: Byte sequences that were not valid in the detected encoding (see ``InvalidRun``).
    invalid_runs: int = 0
    #: Chunks that the transformation changed (only set by :func:`transform_stream`).
    changed_chunks: int = 0

    @property
    def changed(self) -> bool:
        return self.changed_chunks > 0


class _Source:
    """A binary stream with the bytes already read for detection put back in front."""

    def __init__(self, stream: BinaryIO, head: bytes, stats: StreamStats) -> None:
        self._stream = stream
        self._head = head
        self._stats = stats

    def read(self, size: int) -> bytes:
        if self._head:
            block, self._head = self._head[:size], self._head[size:]
            return block
        block = _read_full(self._stream, size)
        self._stats.bytes_read += len(block)
        return block


def _read_full(stream: BinaryIO, size: int) -> bytes:
    """Read ``size`` bytes unless the stream ends first (pipes return short reads)."""
    parts: list[bytes] = []
    missing = size
    while missing > 0:
        block = stream.read(missing)
        if not block:
            break
        parts.append(block)
        missing -= len(block)
    return b"".join(parts)


class DecodedStream:
    """Iterate over the decoded text of a binary stream, in chunks of whole lines.

    After the first chunk, :attr:`detection` says which encoding was found and
    :attr:`stats` counts what was read.  Raises :class:`~cleantext.BinaryInputError`
    when the stream is binary, which may happen after some chunks were yielded if NUL
    bytes only appear later in the stream.
    """

    def __init__(self, stream: BinaryIO, *, chunk_size: int = DEFAULT_CHUNK_SIZE) -> None:
        if chunk_size < 1:
            raise ValueError(f"chunk_size must be positive, not {chunk_size}")
        self._stream = stream
        self.chunk_size = chunk_size
        self.detection: Detection | None = None
        self.stats = StreamStats()

    def __iter__(self) -> Iterator[str]:
        head = _read_full(self._stream, max(self.chunk_size, DETECTION_SAMPLE))
        self.stats.bytes_read = len(head)
        if not head:
            return
        at_end = len(head) < max(self.chunk_size, DETECTION_SAMPLE)
        detection = detect(head if at_end else _whole_units(head))
        self.detection = detection
        self.stats.encoding = detection.encoding
        self.stats.reason = detection.reason
        self.stats.had_bom = detection.bom_length > 0
        source = _Source(self._stream, head[detection.bom_length :], self.stats)
        if detection.encoding.startswith(("utf-16", "utf-32")):
            chunks = self._wide(source, detection.encoding)
        elif detection.encoding == "utf-8":
            chunks = self._utf8(source, detection.fallback)
        else:
            chunks = self._legacy(source, detection.encoding)
        for chunk in chunks:
            if chunk:
                self.stats.chunks += 1
                yield chunk

    def _utf8(self, source: _Source, fallback: str | None) -> Iterator[str]:
        offset = self.detection.bom_length if self.detection else 0
        for piece in _line_pieces(source, self.chunk_size):
            reject_binary(piece, offset)
            try:
                yield piece.decode("utf-8")
            except UnicodeDecodeError:
                codec = fallback or legacy_codec_for(piece)
                text, runs = decode_mixed(piece, codec, offset)
                self.stats.invalid_runs += len(runs)
                yield text
            offset += len(piece)

    def _legacy(self, source: _Source, codec: str) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        offset = 0
        for piece in _line_pieces(source, self.chunk_size):
            reject_binary(piece, offset)
            text = decoder.decode(piece)
            self.stats.invalid_runs += text.count("\ufffd")
            offset += len(piece)
            yield text
        yield decoder.decode(b"", final=True)

    def _wide(self, source: _Source, codec: str) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder(codec)(errors="replace")
        carry = ""
        while block := source.read(self.chunk_size):
            text = carry + decoder.decode(block)
            if "\0" in text:
                raise BinaryInputError(f"binary data: U+0000 in {codec} text")
            cut = _text_cut(text, self.chunk_size * MAX_LINE_CHUNKS)
            self.stats.invalid_runs += text.count("\ufffd", 0, cut)
            yield text[:cut]
            carry = text[cut:]
        text = carry + decoder.decode(b"", final=True)
        self.stats.invalid_runs += text.count("\ufffd")
        yield text


def _whole_units(head: bytes) -> bytes:
    """The detection sample: whole lines if there are line ends, else whole 4-byte units.

    UTF-16 and UTF-32 are found by where their NULs fall, so their sample must keep
    its length a multiple of four; other encodings must not end inside a character.
    """
    if b"\0" in head:
        return head[: len(head) - len(head) % 4]
    cut = head.rfind(b"\n") + 1
    if cut:
        return head[:cut]
    start = len(head) - 1  # no line end: drop a UTF-8 character cut short at the end
    while start > max(0, len(head) - 4) and 0x80 <= head[start] < 0xC0:
        start -= 1
    return head[:start] if head[start] >= 0xC0 else head


def _line_pieces(source: _Source, chunk_size: int) -> Iterator[bytes]:
    """Cut a byte stream after line feeds (safe in UTF-8 and every ASCII-compatible codec)."""
    carry = b""
    block = source.read(chunk_size)
    while block:
        data = carry + block
        block = source.read(chunk_size)
        if not block:
            yield data
            return
        cut = data.rfind(b"\n") + 1
        if not cut:
            if len(data) < chunk_size * MAX_LINE_CHUNKS:
                carry = data
                continue
            cut = _byte_cut(data)
        yield data[:cut]
        carry = data[cut:]
    if carry:
        yield carry


def _byte_cut(data: bytes) -> int:
    """Where to cut a line too long to keep whole: after a CR or space, else before a character.

    A CR at the very end is not used, since its LF may be in the next block.
    """
    for separator in (b"\r", b" "):
        cut = data.rfind(separator, 0, len(data) - 1) + 1
        if cut:
            return cut
    cut = len(data) - 1
    while cut > max(0, len(data) - 4) and 0x80 <= data[cut] < 0xC0:
        cut -= 1
    return cut or len(data)


def _text_cut(text: str, limit: int) -> int:
    """Where to cut decoded text: after the last LF, else (if too long) after a CR or space."""
    cut = text.rfind("\n") + 1
    if cut or len(text) < limit:
        return cut
    for separator in ("\r", " "):
        cut = text.rfind(separator, 0, len(text) - 1) + 1
        if cut:
            return cut
    return len(text)


def iter_decoded_chunks(stream: BinaryIO, *, chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[str]:
    """Yield the decoded text of ``stream`` in chunks of whole lines; see :class:`DecodedStream`."""
    return iter(DecodedStream(stream, chunk_size=chunk_size))


def transform_stream(
    src: BinaryIO,
    dst: TextIO | BinaryIO,
    fn: Callable[[str], str] | None = None,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    bom: bool = False,
) -> StreamStats:
    """Decode ``src``, apply ``fn`` (default :func:`cleantext.fix_encoding`) chunk by chunk, write.

    A text ``dst`` (one with an ``encoding``) gets the text; a binary one gets UTF-8,
    preceded by a UTF-8 byte-order mark if ``bom``.  Line endings are kept as they are.
    ``fn`` sees whole lines, and each chunk as the middle of a text, not its start
    or end (:func:`map_chunks`), so :func:`cleantext.clean` and
    :func:`cleantext.fix_encoding` give the same result as on the whole text.
    Returns the :class:`StreamStats`, whose ``changed`` says whether ``fn`` changed
    anything (the decoding itself is not counted as a change).
    """
    if fn is None:
        from cleantext.repair import fix_encoding  # lazy: import cycle

        fn = fix_encoding
    decoded = DecodedStream(src, chunk_size=chunk_size)
    as_text = hasattr(dst, "encoding")
    if bom and not as_text:
        dst.write(codecs.BOM_UTF8)  # type: ignore[arg-type]
    for chunk, result in map_chunks(fn, decoded):
        if result != chunk:
            decoded.stats.changed_chunks += 1
        dst.write(result if as_text else result.encode("utf-8"))  # type: ignore[arg-type]
    return decoded.stats
