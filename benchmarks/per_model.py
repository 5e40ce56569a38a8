"""Whole documents damaged by one model each: speed against ftfy, and how many come back.

Usage::

    python benchmarks/per_model.py                  # 50 000 characters of each pool
    python benchmarks/per_model.py --chars 20000 --pools CJK --markdown /tmp/models.md
    python benchmarks/per_model.py --smoke          # tiny inputs, checks that it runs

The throughput table's damaged rows damage lines with assorted models, so every
codec's family meets evidence in every document.  A real damaged file is more often
one document read wrongly as a whole: this table damages whole documents of clean
English and of clean CJK prose (``inputs.py``) with each model of the bench's
assortment, and times ``cleantext.fix_encoding`` against ``ftfy.fix_encoding`` on
them (in turn, in CPU time, best of ``--repeat``, as ``bench.py`` does).  It also
counts the documents each gives back exactly, how close each output is to the
original on average (difflib's ratio, 1 when equal; the damaged text's own beside
it), and the damaged lines each gives a character that is in neither the original
nor the damaged line: a character made up, such as a wrong letter (a hole or
mojibake left as it was is none).  Quote ratios, not times.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import ftfy

import cleantext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import pass_times
from inputs import DAMAGE_MODELS, cjk_lines, documents, english_lines
from linearity import machine

POOLS = {"English": english_lines, "CJK": cjk_lines}


@dataclass(frozen=True)
class Row:
    pool: str
    model: str
    documents: int
    chars: int
    ours: float  # seconds, best pass
    theirs: float
    ours_exact: int  # documents given back exactly
    theirs_exact: int
    damaged_similarity: float  # mean difflib ratio to the original: as damaged,
    ours_similarity: float  # as cleantext repaired it,
    theirs_similarity: float  # as ftfy repaired it
    ours_made_up: int  # damaged lines given a character in neither the original nor the damage
    theirs_made_up: int

    @property
    def ratio(self) -> float:
        return self.theirs / self.ours if self.ours else float("inf")


def measure(pools: Sequence[str], chars: int, repeat: int) -> list[Row]:
    rows: list[Row] = []
    for pool in pools:
        rng = random.Random(f"per-model:{pool}")
        originals = documents(POOLS[pool](), chars, rng)
        for model in DAMAGE_MODELS:
            pairs = [(doc, model.apply(doc)) for doc in originals if model.can_apply(doc)]
            pairs = [(doc, damaged) for doc, damaged in pairs if damaged != doc]
            if not pairs:
                continue  # cannot occur: lossless CJK models cannot read CJK prose's bytes
            damaged_docs = [damaged for _, damaged in pairs]
            mine, others = pass_times(
                cleantext.fix_encoding, ftfy.fix_encoding, damaged_docs, repeat
            )
            ours = [cleantext.fix_encoding(damaged) for damaged in damaged_docs]
            theirs = [ftfy.fix_encoding(damaged) for damaged in damaged_docs]
            docs = [doc for doc, _ in pairs]
            row = Row(
                pool,
                model.name,
                len(pairs),
                sum(map(len, damaged_docs)),
                min(mine),
                min(others),
                sum(map(str.__eq__, ours, docs)),
                sum(map(str.__eq__, theirs, docs)),
                _similarity(docs, damaged_docs),
                _similarity(docs, ours),
                _similarity(docs, theirs),
                _made_up_lines(docs, damaged_docs, ours),
                _made_up_lines(docs, damaged_docs, theirs),
            )
            rows.append(row)
            print(
                f"{pool:<8} {row.model:<55} ratio {row.ratio:8.3f}  "
                f"exact {row.ours_exact}/{row.documents} (ftfy {row.theirs_exact})  "
                f"similarity {row.damaged_similarity:.2f} -> {row.ours_similarity:.2f} "
                f"(ftfy {row.theirs_similarity:.2f})  "
                f"made up {row.ours_made_up} (ftfy {row.theirs_made_up})",
                flush=True,
            )
    return rows


def _similarity(originals: Sequence[str], texts: Sequence[str]) -> float:
    """Mean of difflib's ratio between each original and its counterpart (1: equal)."""
    ratios = [
        difflib.SequenceMatcher(None, original, text, autojunk=False).ratio()
        for original, text in zip(originals, texts, strict=True)
    ]
    return sum(ratios) / len(ratios)


def _made_up_lines(originals: Sequence[str], damaged: Sequence[str], texts: Sequence[str]) -> int:
    """How many damaged lines came out holding a character that is in neither the
    original line nor the damaged one (U+FFFD aside): a character the repair made
    up.  A hole or mojibake left as it was is no such character; a wrong letter is."""
    count = 0
    for original, broken, text in zip(originals, damaged, texts, strict=True):
        lines = zip(original.split("\n"), broken.split("\n"), text.split("\n"), strict=False)
        for original_line, broken_line, line in lines:
            known = set(original_line) | set(broken_line) | {"\ufffd"}
            count += original_line != broken_line and not set(line) <= known
    return count


def markdown(rows: Sequence[Row]) -> str:
    lines = [
        machine(),
        "",
        "| pool | damage model | documents | cleantext Mchar/s | ftfy Mchar/s | ratio "
        "| exact, cleantext | exact, ftfy | similarity: damaged | cleantext | ftfy "
        "| lines made up, cleantext | ftfy |",
        "| --- | --- " + "| ---: " * 11 + "|",
    ]
    lines.extend(
        f"| {row.pool} | {row.model} | {row.documents} "
        f"| {row.chars / row.ours / 1e6:.2g} | {row.chars / row.theirs / 1e6:.2g} "
        f"| {row.ratio:.2g}× | {row.ours_exact} | {row.theirs_exact} "
        f"| {row.damaged_similarity:.3f} | {row.ours_similarity:.3f} "
        f"| {row.theirs_similarity:.3f} | {row.ours_made_up} | {row.theirs_made_up} |"
        for row in rows
    )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=50_000, help="characters of each pool")
    parser.add_argument("--repeat", type=int, default=1, help="passes; the best is kept")
    parser.add_argument("--pools", nargs="*", default=list(POOLS), choices=list(POOLS))
    parser.add_argument("--markdown", type=Path, help="also write the table there")
    parser.add_argument("--smoke", action="store_true", help="tiny inputs: checks that it runs")
    args = parser.parse_args(argv)
    chars = 500 if args.smoke else args.chars
    table = markdown(measure(args.pools, chars, args.repeat))
    print(table)
    if args.markdown:
        args.markdown.write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
