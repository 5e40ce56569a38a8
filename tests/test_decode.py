"""fix_bytes: encodings found, text kept, binary refused."""

from __future__ import annotations

import codecs
import random
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import BinaryInputError, fix_bytes, fix_bytes_and_explain, fix_encoding
from cleantext.decode import MIN_EVIDENCE, decode_bytes

MULTILINGUAL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "multilingual"

#: Expected encodings: charset-normalizer's own tests (tests/test_full_detection.py,
#: MIT) for the legacy files, whose texts were checked by eye; the rest are UTF-8.
LEGACY = {
    "sample-arabic-1.txt": "cp1256",
    "sample-chinese.txt": "big5",
    "sample-french-1.txt": "cp1252",
    "sample-greek.txt": "cp1253",
    "sample-greek-2.txt": "cp1253",
    "sample-hebrew-2.txt": "cp1255",
    "sample-hebrew-3.txt": "cp1255",
    "sample-korean.txt": "cp949",
    "sample-russian.txt": "mac_cyrillic",
    "sample-turkish.txt": "cp1254",
}
#: Legacy files whose text also exists as a UTF-8 file: an independent reference.
TWINS = {
    "sample-arabic-1.txt": "sample-arabic.txt",
    "sample-french-1.txt": "sample-french.txt",
    "sample-russian.txt": "sample-russian-2.txt",
}
#: What a few lines of each legacy file say (read by eye, checked against Wikipedia).
OPENINGS = {
    "sample-arabic-1.txt": "بالموازاة مع ذلك",
    "sample-chinese.txt": "維基大典（Wikipedia）者",
    "sample-french-1.txt": "JEAN-BAPTISTE POQUELIN MOLIÈRE\nNÉ LE 15 JANVIER 1622",
    "sample-greek.txt": "Η ελληνική αποτελεί τη μητρική γλώσσα",
    "sample-greek-2.txt": "Η ελληνική αποτελεί τη μητρική γλώσσα",
    "sample-hebrew-2.txt": "אין כמעט ניבים אזוריים עבריים.",
    "sample-hebrew-3.txt": "אין כמעט ניבים אזוריים עבריים.",
    "sample-korean.txt": "역사적 예수 연구자들은",
    "sample-russian.txt": "В гимназии он не был в числе первых учеников",
    "sample-turkish.txt": "İstanbul, Türkiye'nin en kalabalık",
}

needs_corpus = pytest.mark.skipif(
    not MULTILINGUAL.is_dir(), reason=f"shared corpus not found at {MULTILINGUAL}"
)


def corpus_files() -> list[str]:
    return sorted(path.name for path in MULTILINGUAL.glob("*.txt")) if MULTILINGUAL.is_dir() else []


def expected_encoding(name: str) -> str:
    return LEGACY.get(name, "utf-8")


@needs_corpus
def test_corpus_is_fully_covered() -> None:
    names = corpus_files()
    assert len(names) >= 18
    assert set(LEGACY) <= set(names)


@needs_corpus
@pytest.mark.parametrize("name", corpus_files())
def test_corpus_file_decodes_to_its_text(name: str) -> None:
    data = (MULTILINGUAL / name).read_bytes()
    codec = expected_encoding(name)
    text, detection, runs = decode_bytes(data)
    assert codecs.lookup(detection.encoding).name == codecs.lookup(codec).name
    assert text == data.decode("utf-8-sig" if codec == "utf-8" else codec)
    assert runs == ()
    if name in OPENINGS:
        assert text.startswith(OPENINGS[name])


@needs_corpus
@pytest.mark.parametrize("name", sorted(TWINS))
def test_legacy_file_matches_its_utf8_twin(name: str) -> None:
    legacy = (MULTILINGUAL / name).read_bytes()
    utf8 = (MULTILINGUAL / TWINS[name]).read_bytes()
    assert legacy != utf8
    assert decode_bytes(legacy)[0] == utf8.decode("utf-8")


@needs_corpus
@pytest.mark.parametrize("name", corpus_files())
def test_repair_changes_nothing_on_clean_corpus_text(name: str) -> None:
    data = (MULTILINGUAL / name).read_bytes()
    decoded = fix_bytes_and_explain(data)
    assert decoded.text == decode_bytes(data)[0]
    assert not decoded.plan, str(decoded.plan)


TEXT = "Grüße aus Köln — 中文 Ελληνικά\r\nzweite Zeile\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
        (codecs.BOM_UTF32_BE + TEXT.encode("utf-32-be"), "utf-32-be"),
    ],
)
def test_byte_order_marks(data: bytes, encoding: str) -> None:
    decoded = fix_bytes_and_explain(data)
    assert (decoded.text, decoded.encoding, decoded.had_bom) == (TEXT, encoding, True)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (TEXT, "utf-16-le"),
        (TEXT, "utf-16-be"),
        (TEXT, "utf-32-le"),
        (TEXT, "utf-32-be"),
        ("plain ASCII in UTF-16\n", "utf-16-le"),
        ("x𝄞y and an astral character", "utf-32-le"),
    ],
)
def test_utf16_and_utf32_without_bom(text: str, encoding: str) -> None:
    decoded = fix_bytes_and_explain(text.encode(encoding))
    assert (decoded.text, decoded.encoding, decoded.had_bom) == (text, encoding, False)


def test_utf8_with_a_cp1252_line_keeps_the_utf8_lines() -> None:
    lines = ["Überschrift: Grüße\n", "Café crème brûlée\n", "Ελληνικά κείμενο\n"]
    data = lines[0].encode() + lines[1].encode("cp1252") + lines[2].encode()
    decoded = fix_bytes_and_explain(data)
    assert decoded.text == "".join(lines)
    assert decoded.encoding == "utf-8"
    (run,) = decoded.invalid_runs
    assert data[run.start : run.end] == lines[1].encode("cp1252")
    assert (run.codec, run.text) == ("cp1252", lines[1])


def test_utf8_with_a_gbk_line_decodes_that_line_as_chinese() -> None:
    lines = ["中文一行，很好。\n", "中文测试，你好世界。\n", "naïve ünïcödé\n"]
    data = lines[0].encode() + lines[1].encode("gbk") + lines[2].encode()
    text, detection, runs = decode_bytes(data)
    assert text == "".join(lines)
    assert detection.fallback == "gb18030"
    assert [data[run.start : run.end] for run in runs] == [lines[1].encode("gbk")]


def test_invalid_bytes_inside_a_utf8_line_are_decoded_alone() -> None:
    data = "Grüße, schöne Straße, ".encode() + b"caf\xe9 " + "und Öl\n".encode()
    text, _, runs = decode_bytes(data)
    assert text == "Grüße, schöne Straße, café und Öl\n"
    assert [(run.start, run.end, run.codec, run.text) for run in runs] == [
        (len("Grüße, schöne Straße, caf".encode()), len("Grüße, schöne Straße, caf".encode()) + 1,
         "cp1252", "é")
    ]  # fmt: skip


def test_a_utf8_character_cut_short_becomes_one_replacement_character() -> None:
    data = "Ελληνικά κείμενο και ".encode() + "—".encode()[:2] + b" end"
    text, _, runs = decode_bytes(data)
    assert text == "Ελληνικά κείμενο και \ufffd end"
    assert [(run.codec, run.end - run.start) for run in runs] == [("replacement", 2)]


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"", "", "utf-8"),
        (b"plain ASCII\n", "plain ASCII\n", "utf-8"),
        ("Café crème".encode("cp1252"), "Café crème", "cp1252"),
        ("Übergrößenträger".encode("cp1252"), "Übergrößenträger", "cp1252"),
        ("我们的国家很大".encode("gbk"), "我们的国家很大", "gb18030"),
        ("台灣的天氣很好".encode("big5"), "台灣的天氣很好", "big5"),
        ("안녕하세요 세계".encode("euc_kr"), "안녕하세요 세계", "cp949"),
    ],
)
def test_short_inputs(data: bytes, text: str, encoding: str) -> None:
    assert sum(byte >= 0x80 for byte in data) < MIN_EVIDENCE
    found, detection, _ = decode_bytes(data)
    assert (found, detection.encoding) == (text, encoding)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", id="png"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00" + bytes(8), id="elf"),
        pytest.param(b"text with a \x00 NUL byte", id="nul"),
        pytest.param(random.Random(1).randbytes(4096), id="random"),
        pytest.param(bytes(range(1, 9)) * 8 + b"mostly control bytes", id="controls"),
        pytest.param(codecs.BOM_UTF16_LE + "a\0b".encode("utf-16-le"), id="utf16-with-nul"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + bytes(20), id="zip"),
    ],
)
def test_binary_input_is_refused_with_a_clear_error(data: bytes) -> None:
    with pytest.raises(BinaryInputError, match=r"^binary data: "):
        fix_bytes(data)
    assert issubclass(BinaryInputError, ValueError)


def test_str_input_is_a_type_error_that_points_to_fix_encoding() -> None:
    with pytest.raises(TypeError, match="fix_encoding"):
        fix_bytes("text")  # type: ignore[arg-type]


def test_mojibake_in_utf8_bytes_is_repaired_and_explained() -> None:
    decoded = fix_bytes_and_explain("The cafÃ© is open.\n".encode())
    assert decoded.text == "The café is open.\n"
    assert decoded.encoding == "utf-8"
    assert decoded.plan
    assert "utf-8" in decoded.summary()


def clean(text: str) -> bool:
    """Text that fix_bytes must return unchanged: no controls, no unassigned or private."""
    return all(
        char in "\t\n\r" or unicodedata.category(char) not in {"Cc", "Cn", "Co", "Cs"}
        for char in text
    ) and not text.startswith("\ufeff")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80), st.sampled_from(["utf-8", "utf-16", "utf-8-sig", "utf-32"]))
def test_unicode_bytes_round_trip(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    try:
        result = fix_bytes(data)
    except BinaryInputError:
        assert not clean(text)
        return
    if clean(text):
        assert result == fix_encoding(text)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_are_refused_as_binary(data: bytes) -> None:
    try:
        text, detection, runs = decode_bytes(data)
    except BinaryInputError:
        return
    assert isinstance(text, str)
    for run in runs:
        assert 0 <= run.start < run.end <= len(data)
    if detection.encoding == "utf-8" and not runs:
        assert text == data[detection.bom_length :].decode("utf-8")


FRENCH = [
    "Ça coûte très cher à Noël, dit-il à l’élève.",
    "Molière naquit à Paris ; il fut baptisé à l’église Saint-Eustache.",
    "Quel est le plus grand des écrivains de mon règne ?",
]


def test_latin_code_pages_that_score_alike_resolve_to_cp1252() -> None:
    text = "".join(f"{FRENCH[n % 3]}\n" for n in range(40))
    found, detection, _ = decode_bytes(text.encode("cp1252"))
    assert (found, detection.encoding) == (text, "cp1252")


LETTERS = st.characters(whitelist_categories=("Ll", "Lu"), max_codepoint=0x4FF)
UTF8_LINE = st.text(LETTERS, min_size=2, max_size=30).filter(
    lambda line: sum(not char.isascii() for char in line) >= 2
)
CP1252_LINE = st.text(st.sampled_from("abc éèàçüöß–€ ABC"), min_size=1, max_size=30).filter(
    lambda line: not line.isascii()
)


@settings(max_examples=60, deadline=None)
@given(st.lists(UTF8_LINE, min_size=1, max_size=6), CP1252_LINE, st.integers(0, 6))
def test_valid_utf8_lines_are_never_lost(utf8: list[str], legacy: str, where: int) -> None:
    where = min(where, len(utf8))
    raw = [line.encode() for line in utf8]
    raw.insert(where, legacy.encode("cp1252"))
    text, _, runs = decode_bytes(b"\n".join(raw))
    lines = text.split("\n")
    assert lines[:where] + lines[where + 1 :] == utf8
    assert all(run.start >= len(b"\n".join(raw[:where])) for run in runs)
