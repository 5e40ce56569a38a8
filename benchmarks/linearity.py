"""Time for 4n characters over time for n, per input kind, for fix_encoding and clean.

Usage::

    python benchmarks/linearity.py                   # n = 1 MB, 'Ã' * 200 000, 5 MB line
    python benchmarks/linearity.py --rows CJK 'Ã'    # only rows whose name has these words
    python benchmarks/linearity.py --smoke           # tiny sizes, checks that it runs

The same measurement as the linearity part of ``bench.py`` (each call runs in a
forked child, best of ``--repeat``, killed after ``--limit`` seconds, 4n only run
when n finished), over every input kind of the throughput table (clean English,
clean CJK, clean mixed scripts, lightly and heavily damaged) plus the adversarial
inputs: long runs of one mojibake character and one line of 5 MB.  The target is
a factor of at most 4.5.  The machines are shared, so quote factors, not times.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import MB, Fn, Linearity, machine, timed
from inputs import ROWS, english_lines, one_text

import cleantext

Maker = Callable[[int], str]


def _joined(pool: Sequence[str]) -> Maker:
    """Lines of ``pool`` shuffled into one text of k characters (the same for the same k)."""
    return lambda k: one_text(pool, k, random.Random(k))


def cases(n_mb: float, repeat_chars: int, line_mb: float) -> list[tuple[str, int, Maker]]:
    """(name, n, text of k characters) for every row; documents joined into one text."""
    n = int(MB * n_mb)
    out = [
        (row.name, n, _joined(row.lines(random.Random(f"linearity:{row.name}")))) for row in ROWS
    ]
    english = english_lines()
    out += [
        ("'Ã' repeated", repeat_chars, lambda k: "Ã" * k),
        ("'鈥' repeated", repeat_chars, lambda k: "鈥" * k),
        ("'Ã©' repeated", repeat_chars // 2, lambda k: "Ã©" * k),
        (
            "one long line",
            int(MB * line_mb) // 4,
            lambda k: one_text(english, k, random.Random(k)).replace("\n", " "),
        ),
    ]
    return out


def run(
    n_mb: float, repeat_chars: int, line_mb: float, repeat: int, limit: float, rows: Sequence[str]
) -> list[Linearity]:
    fns: list[tuple[str, Fn]] = [
        ("fix_encoding", cleantext.fix_encoding),
        ("clean", cleantext.clean),
    ]
    results: list[Linearity] = []
    for name, size, make in cases(n_mb, repeat_chars, line_mb):
        if rows and not any(word.lower() in name.lower() for word in rows):
            continue
        small_text, large_text = make(size), make(4 * size)
        for fn_name, fn in fns:
            small = timed(fn, small_text, repeat, limit)
            large = None if small is None else timed(fn, large_text, repeat, limit * 5)
            item = Linearity(name, fn_name, len(small_text), small, large, limit)
            results.append(item)
            print(
                f"{name:<31} {fn_name:<13} n={len(small_text):>9,} {item.show(small):>10}  "
                f"4n={len(large_text):>9,} "
                f"{item.show(large) if small is not None else 'not run':>10}  ×{item.factor}",
                flush=True,
            )
    return results


def markdown(results: Sequence[Linearity], repeat: int) -> str:
    lines = [
        f"Machine: {machine()}.",
        f"Best of {repeat} calls per cell, each in a forked child; factor = time 4n / time n.",
        "",
        "| input | function | n (chars) | time n | time 4n | factor |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {r.name} | {r.fn} | {r.n:,} | {r.show(r.small)} | "
        f"{r.show(r.large) if r.small is not None else 'not run'} | {r.factor} |"
        for r in results
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n-mb", type=float, default=1.0, help="n for the row inputs (MB)")
    parser.add_argument("--repeat-chars", type=int, default=200_000, help="n for 'Ã' * n")
    parser.add_argument("--line-mb", type=float, default=5.0, help="4n for the one-line input")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, default=60.0, help="seconds n may take")
    parser.add_argument("--rows", nargs="*", default=[], help="only rows containing these words")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one call per cell")
    parser.add_argument("--markdown", type=Path, help="also write the table as Markdown here")
    args = parser.parse_args(argv)
    if args.smoke:
        args.n_mb, args.repeat_chars, args.line_mb, args.repeat = 0.002, 200, 0.004, 1
    results = run(args.n_mb, args.repeat_chars, args.line_mb, args.repeat, args.limit, args.rows)
    if args.markdown:
        args.markdown.write_text(markdown(results, args.repeat), encoding="utf-8")
    return 0 if all(r.large is not None for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
