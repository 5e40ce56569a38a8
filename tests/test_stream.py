"""Streaming: same text as whole-input decoding, whole lines per chunk, bounded memory."""

from __future__ import annotations

import codecs
import io
import itertools
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cleantext import BinaryInputError, fix_encoding
from cleantext.decode import decode_bytes
from cleantext.stream import (
    DETECTION_SAMPLE,
    DecodedStream,
    iter_decoded_chunks,
    transform_stream,
)

MULTILINGUAL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "multilingual"
CHUNK_SIZES = [1, 7, 64, 4096, 1 << 20]


def chunks(data: bytes, chunk_size: int) -> list[str]:
    return list(iter_decoded_chunks(io.BytesIO(data), chunk_size=chunk_size))


def corpus_files() -> list[str]:
    return sorted(path.name for path in MULTILINGUAL.glob("*.txt")) if MULTILINGUAL.is_dir() else []


@pytest.mark.skipif(not MULTILINGUAL.is_dir(), reason=f"shared corpus not found at {MULTILINGUAL}")
@pytest.mark.parametrize("name", corpus_files())
@pytest.mark.parametrize("chunk_size", CHUNK_SIZES)
def test_corpus_streams_to_the_same_text_as_whole_decoding(name: str, chunk_size: int) -> None:
    data = (MULTILINGUAL / name).read_bytes()
    assert "".join(chunks(data, chunk_size)) == decode_bytes(data)[0]


@pytest.mark.parametrize("chunk_size", [16, 100, 1000])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_chunks_are_whole_lines(chunk_size: int, newline: str) -> None:
    lines = [f"Zeile {n}: Grüße, 中文, Ελληνικά{newline}" for n in range(50)]
    pieces = chunks("".join(lines).encode(), chunk_size)
    assert "".join(pieces) == "".join(lines)
    assert all(piece.endswith(newline) for piece in pieces)
    assert len(pieces) > 1


@pytest.mark.parametrize("chunk_size", [1, 2, 3, 5])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_lines_longer_than_the_chunks_never_split_a_crlf(chunk_size: int, encoding: str) -> None:
    text = "".join(f"Zeile {n}\rGrüße\r\n中文\r\n" for n in range(30))
    pieces = chunks(text.encode(encoding), chunk_size)
    assert "".join(pieces) == text
    assert not any(
        left.endswith("\r") and right.startswith("\n") for left, right in itertools.pairwise(pieces)
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-32", "utf-32-be", "utf-8-sig"])
@pytest.mark.parametrize("chunk_size", [1, 5, 64])
def test_unicode_encodings_stream_with_and_without_bom(encoding: str, chunk_size: int) -> None:
    text = "héllo\r\nwörld 中文 𝄞\n" * 50
    stream = DecodedStream(io.BytesIO(text.encode(encoding)), chunk_size=chunk_size)
    assert "".join(stream) == text
    assert stream.stats.encoding.startswith(encoding.removesuffix("-sig")[:6])
    assert stream.stats.had_bom == (encoding in {"utf-16", "utf-32", "utf-8-sig"})


def test_a_long_line_is_cut_at_spaces_to_bound_memory() -> None:
    text = "word " * 10_000
    pieces = chunks(text.encode(), 100)
    assert "".join(pieces) == text
    assert max(len(piece) for piece in pieces) <= 4 * 100 + 100


def test_a_long_line_without_spaces_is_cut_between_characters() -> None:
    text = "é中𝄞" * 2000
    pieces = chunks(text.encode(), 7)
    assert "".join(pieces) == text
    assert len(pieces) > 10


def test_a_detection_sample_ending_inside_a_character_is_still_utf8() -> None:
    text = "a" * (DETECTION_SAMPLE - 1) + "é" * 10 + "b" * 5000
    stream = DecodedStream(io.BytesIO(text.encode()), chunk_size=1000)
    assert "".join(stream) == text, "decoded text differs"
    assert stream.stats.encoding == "utf-8"


def test_mixed_utf8_stream_keeps_utf8_lines_and_reads_the_rest_as_cp1252() -> None:
    utf8 = "Überschrift: Grüße aus Köln\n".encode()
    data = utf8 * 200 + "Café crème brûlée\n".encode("cp1252") + utf8 * 200
    stream = DecodedStream(io.BytesIO(data), chunk_size=256)
    text = "".join(stream)
    assert text == decode_bytes(data)[0], "stream and whole decoding differ"
    assert text.count("Überschrift: Grüße aus Köln\n") == 400
    assert "Café crème brûlée\n" in text
    assert stream.stats.invalid_runs == 1
    assert stream.stats.bytes_read == len(data)


RUSSIAN = [
    "В гимназии он не был в числе первых учеников.",
    "Москва — столица России, город федерального значения.",
    "Укоренившаяся система механического заучивания материала.",
    "Ещё он любил читать книги и гулять по вечерам.",
    "Зимой в Сибири бывает очень холодно, а летом жарко.",
]


def test_a_stream_cut_inside_its_last_character_ends_with_one_replacement() -> None:
    text = "".join(f"{n}. {RUSSIAN[n % 5]}\n" for n in range(3000))
    data = text.encode().rstrip(b".\n")[:-1]  # "... жарко.\n" loses ".\n" and half an "о"
    decoded = "".join(iter_decoded_chunks(io.BytesIO(data), chunk_size=1000))
    assert decoded == text.rstrip(".\n")[:-1] + "\ufffd"


def test_legacy_encoding_is_detected_from_the_first_chunk() -> None:
    text = "".join(f"{n}. {RUSSIAN[n % 5]}\n" for n in range(3000))
    stream = DecodedStream(io.BytesIO(text.encode("cp1251")), chunk_size=1000)
    decoded = "".join(stream)
    assert decoded == text, "decoded text differs"
    assert stream.stats.encoding == "cp1251"
    assert stream.stats.chunks > 100


def test_binary_stream_is_refused_before_any_output() -> None:
    iterator = iter_decoded_chunks(io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 100))
    with pytest.raises(BinaryInputError):
        next(iterator)


def test_nul_bytes_late_in_a_stream_are_refused_when_met() -> None:
    data = b"clean line\n" * 20_000 + b"\x00\x01binary tail"
    seen: list[str] = []
    with pytest.raises(BinaryInputError, match=f"offset {len(data) - 13}"):
        seen.extend(iter_decoded_chunks(io.BytesIO(data), chunk_size=1024))
    assert seen and all(chunk.startswith("clean line\n") for chunk in seen)


def test_control_bytes_are_judged_on_the_sample_not_per_chunk() -> None:
    text = "plain text line\n" * 100 + "\x01\x02\x03\x04\n" + "more text\n" * 100
    assert "".join(chunks(text.encode(), 8)) == text
    with pytest.raises(BinaryInputError, match="control bytes"):
        chunks(bytes(range(1, 9)) * 100, 8)


def test_empty_stream_and_bad_chunk_size() -> None:
    assert chunks(b"", 10) == []
    with pytest.raises(ValueError, match="chunk_size"):
        DecodedStream(io.BytesIO(b"x"), chunk_size=0)


def test_transform_stream_writes_utf8_bytes_and_reports_changes() -> None:
    source = "The cafÃ© is open.\n" + "Nothing to fix here.\n" * 100
    destination = io.BytesIO()
    stats = transform_stream(io.BytesIO(source.encode("utf-8")), destination, chunk_size=64)
    assert destination.getvalue().decode("utf-8") == fix_encoding(source)
    assert stats.changed and stats.changed_chunks == 1
    assert stats.bytes_read == len(source.encode())


def test_transform_stream_to_text_with_a_custom_function() -> None:
    destination = io.StringIO()
    line = "Ça coûte très cher à Noël, dit-il à l’élève.\n"
    stats = transform_stream(io.BytesIO(line.encode("cp1252") * 50), destination, str.upper)
    assert destination.getvalue() == line.upper() * 50
    assert stats.encoding == "cp1252" and stats.changed


def test_transform_stream_identity_is_unchanged_and_can_write_a_bom() -> None:
    destination = io.BytesIO()
    data = "Ελληνικά\n".encode("utf-16")
    stats = transform_stream(io.BytesIO(data), destination, lambda text: text, bom=True)
    assert destination.getvalue() == codecs.BOM_UTF8 + "Ελληνικά\n".encode()
    assert not stats.changed and stats.had_bom


class _Lines(io.RawIOBase):
    """A generated stream of ``total`` bytes of text that is never held in memory."""

    def __init__(self, total: int) -> None:
        self._line = "Grüße aus Köln, 中文 and plain ASCII words too.\n".encode()
        self._left = total
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = min(len(buffer), self._left)
        repeated = self._line * (size // len(self._line) + 2)
        start = self._offset % len(self._line)
        buffer[:size] = repeated[start : start + size]
        self._offset += size
        self._left -= size
        return size


def test_memory_stays_bounded_by_the_chunk_size() -> None:
    chunk_size = 1 << 16
    total = 16 << 20
    tracemalloc.start()
    try:
        size = sum(
            len(chunk) for chunk in iter_decoded_chunks(_Lines(total), chunk_size=chunk_size)
        )
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > total // 2
    assert peak < 16 * chunk_size, f"peak {peak} bytes for {total} bytes streamed"


@settings(max_examples=60, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co")), max_size=200),
    st.sampled_from(["utf-8", "utf-16", "utf-32", "utf-8-sig"]),
    st.integers(1, 64),
)
def test_stream_round_trips_unicode_text_at_any_chunk_size(
    text: str, encoding: str, chunk_size: int
) -> None:
    assume(not text.startswith("\ufeff"))
    assert "".join(chunks(text.encode(encoding), chunk_size)) == text


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.integers(1, 64))
def test_stream_matches_whole_decoding_for_any_bytes(data: bytes, chunk_size: int) -> None:
    try:
        whole = decode_bytes(data)[0]
    except BinaryInputError:
        return
    assume(max(len(line) for line in data.split(b"\n")) < chunk_size)
    assert "".join(chunks(data, chunk_size)) == whole
