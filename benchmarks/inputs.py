"""Benchmark inputs, built at run time from the fixtures and ../shared/corpora.

Nothing here is stored in the repository: the texts are read from the seeds, the
hand-checked goldens, the shared multilingual samples (decoded from their legacy
encodings) and the CJK texts in CPython's own test package, then shuffled and
repeated into documents of a few kilobytes up to the size asked for.  Damaged rows
use the same re-playable :class:`~cleantext.repair.models.DamageModel` s as the tests.
"""

from __future__ import annotations

import random
import sysconfig
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cleantext.repair.models import (
    CP1252_LOSSY_MODELS,
    LATIN1_LOSSY_MODELS,
    MULTIBYTE_MODELS,
    DamageModel,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"
GOLDENS = ROOT / "fixtures" / "expected" / "fix_encoding"
CORPORA = ROOT.parent / "shared" / "corpora"
MULTILINGUAL = CORPORA / "multilingual"
CPYTHON_CJK = Path(sysconfig.get_paths()["stdlib"]) / "test" / "cjkencodings"

#: The natural encoding of each shared multilingual sample (checked by hand).
SAMPLE_ENCODINGS = {
    "sample-arabic-1.txt": "cp1256",
    "sample-arabic.txt": "utf-8",
    "sample-bulgarian.txt": "utf-8",
    "sample-chinese.txt": "big5",
    "sample-english.bom.txt": "utf-8-sig",
    "sample-french-1.txt": "cp1252",
    "sample-french.txt": "utf-8",
    "sample-greek-2.txt": "cp1253",
    "sample-greek.txt": "cp1253",
    "sample-hebrew-2.txt": "cp1255",
    "sample-hebrew-3.txt": "cp1255",
    "sample-korean.txt": "cp949",
    "sample-polish.txt": "utf-8",
    "sample-russian-2.txt": "utf-8",
    "sample-russian-3.txt": "utf-8",
    "sample-russian.txt": "mac_cyrillic",
    "sample-spanish.txt": "utf-8",
    "sample-turkish.txt": "cp1254",
}
CJK_SAMPLES = ("sample-chinese.txt", "sample-korean.txt")

#: Assorted damage: the classic single-byte misreadings ftfy knows, every multi-byte
#: CJK misreading (lossless, dropped, replaced), lossy Latin-1 and lossy cp1252.
DAMAGE_MODELS: tuple[DamageModel, ...] = (
    DamageModel("utf-8", "cp1252"),
    DamageModel("utf-8", "latin-1"),
    DamageModel("utf-8", "mac_roman"),
    DamageModel("utf-8", "cp1251"),
    *MULTIBYTE_MODELS,
    *LATIN1_LOSSY_MODELS,
    *CP1252_LOSSY_MODELS,
)

DOCUMENT_CHARS = 4000


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def english_lines() -> list[str]:
    """Clean English news prose with typographic quotes, dashes and ellipses."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("00[024]_*.txt"))]
    texts += [path.read_text(encoding="utf-8") for path in sorted(GOLDENS.glob("00[13]_*.txt"))]
    return [line for text in texts for line in _lines(text)]


def _sample(name: str) -> str:
    return (MULTILINGUAL / name).read_bytes().decode(SAMPLE_ENCODINGS[name])


def cjk_lines() -> list[str]:
    """Clean Chinese, Japanese and Korean prose."""
    lines: list[str] = []
    if MULTILINGUAL.is_dir():
        for name in CJK_SAMPLES:
            lines += _lines(_sample(name))
    if CPYTHON_CJK.is_dir():
        for path in sorted(CPYTHON_CJK.glob("*-utf8.txt")):
            lines += _lines(path.read_text(encoding="utf-8"))
    if not lines:
        raise SystemExit("no CJK text found: need ../shared/corpora or CPython's test package")
    return lines


def mixed_lines() -> list[str]:
    """Every script at hand: English, CJK and the decoded multilingual samples."""
    lines = english_lines() + cjk_lines()
    if MULTILINGUAL.is_dir():
        for name in SAMPLE_ENCODINGS:
            if name not in CJK_SAMPLES:
                lines += _lines(_sample(name))
    return lines


def damage_line(line: str, rng: random.Random) -> str:
    """The line under a random damage model that applies to it and changes it."""
    for model in rng.sample(DAMAGE_MODELS, len(DAMAGE_MODELS)):
        if model.can_apply(line):
            damaged = model.apply(line)
            if damaged != line:
                return damaged
    return line


def damaged_lines(share: float) -> Callable[[random.Random], list[str]]:
    """Mixed lines with ``share`` of the damageable (non-ASCII) ones damaged."""

    def build(rng: random.Random) -> list[str]:
        out: list[str] = []
        for line in mixed_lines():
            damageable = not line.isascii()
            out.append(damage_line(line, rng) if damageable and rng.random() < share else line)
        return out

    return build


@dataclass(frozen=True)
class Row:
    """One benchmark row: a name and a way to get its pool of lines."""

    name: str
    lines: Callable[[random.Random], list[str]]


ROWS: tuple[Row, ...] = (
    Row("clean English", lambda _rng: english_lines()),
    Row("clean CJK", lambda _rng: cjk_lines()),
    Row("clean mixed scripts", lambda _rng: mixed_lines()),
    Row("lightly damaged (5% of lines)", damaged_lines(0.05)),
    Row("heavily damaged (all lines)", damaged_lines(1.0)),
)


def documents(pool: Sequence[str], size_bytes: int, rng: random.Random) -> list[str]:
    """Documents of about ``DOCUMENT_CHARS`` characters drawn from ``pool``, ``size_bytes`` in all.

    Lines are drawn at random (with replacement) so repeats do not line up with
    document boundaries.
    """
    docs: list[str] = []
    total = 0
    current: list[str] = []
    chars = 0
    while total < size_bytes:
        line = rng.choice(pool)
        current.append(line)
        chars += len(line) + 1
        total += len(line.encode("utf-8")) + 1
        if chars >= DOCUMENT_CHARS:
            docs.append("\n".join(current) + "\n")
            current, chars = [], 0
    if current:
        docs.append("\n".join(current) + "\n")
    return docs


def one_text(pool: Sequence[str], size_chars: int, rng: random.Random) -> str:
    """A single text of exactly ``size_chars`` characters (for the linearity checks)."""
    parts: list[str] = []
    chars = 0
    while chars < size_chars:
        line = rng.choice(pool)
        parts.append(line)
        chars += len(line) + 1
    return "\n".join(parts)[:size_chars]
