"""Throughput of cleantext against ftfy, on the same inputs in one run.

Usage::

    python benchmarks/bench.py --smoke            # CI: tiny inputs, checks that it all runs
    python benchmarks/bench.py                    # 1, 10 and 50 MB per row
    python benchmarks/bench.py --sizes 1 10 --markdown /tmp/perf.md

Rows: ``cleantext.fix_encoding`` vs ``ftfy.fix_encoding`` and ``cleantext.clean`` vs
``ftfy.fix_text``, per input kind and size, in million characters per second and as
a ratio.  Each figure is the best of ``--repeat`` passes in CPU time, cleantext's
and ftfy's passes taken in turn, because the machines this runs on are shared and
noisy; quote the ratios, not the absolute numbers.  Then
the linearity checks (CPU time for 4n characters over CPU time for n, measured by
``linearity.py``'s runner on the inputs the speed issue names), the import time of
``cleantext`` and the speed-up of ``clean_many`` with two processes.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import ftfy

import cleantext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import ROWS, documents
from linearity import MB, Fn, Linearity, machine, table, warm_up
from linearity import run as linearity_run

# The linearity inputs the speed issue names: clean and damaged text, long runs of
# one mojibake character and one long line (``linearity.py`` alone runs all of its).
LINEARITY_CASES = (
    "clean English",
    "mixed scripts",
    "heavily damaged",
    "'Ã' repeated",
    "'鈥' repeated",
    "one long line",
)


def _clean() -> Fn | None:
    """``cleantext.clean`` with the default profile, or None before it exists."""
    return getattr(cleantext, "clean", None)


def pass_times(
    ours: Fn | None, theirs: Fn, docs: Sequence[str], repeat: int
) -> tuple[list[float], list[float]]:
    """CPU time of each of ``repeat`` passes over ``docs`` of ``ours`` and of ``theirs``,
    taken in turn (ours, theirs, ours, ...) after a warm-up call of each.

    In turn, so both meet the same load on a shared machine; CPU time, which other
    jobs disturb less than wall time.  The warm-up keeps one-off costs (lazy
    imports, lexicons loaded on first use) out of the figures; they are a start-up
    cost, reported by the import-time line.  The first pass still meets every line
    for the first time; later passes repeat the same lines, which per-word caches
    may speed up, so both are reported.
    """
    if ours is not None:
        warm_up(ours)
    warm_up(theirs)
    mine: list[float] = []
    others: list[float] = []
    for _ in range(repeat):
        for fn, times in ((ours, mine), (theirs, others)):
            if fn is None:
                continue
            gc.collect()
            start = time.process_time()
            for doc in docs:
                fn(doc)
            times.append(time.process_time() - start)
    return mine, others


@dataclass(frozen=True)
class Result:
    row: str
    size_mb: float
    chars: int
    pair: str
    ours: float | None  # seconds, best pass
    first: float | None  # seconds, first pass
    theirs: float  # seconds, best pass

    def rate(self, seconds: float | None) -> str:
        return "n/a" if seconds is None else _figure(self.chars / seconds / MB)

    @property
    def ratio(self) -> str:
        return "n/a" if self.ours is None else f"{_figure(self.theirs / self.ours)}×"


def _figure(value: float) -> str:
    """Two significant digits below 10, so slow rows do not all read 0.0."""
    return f"{value:.1f}" if value >= 10 else f"{value:.2g}"


def throughput(sizes: Sequence[float], repeat: int, rows: Sequence[str]) -> list[Result]:
    clean = _clean()
    pairs: list[tuple[str, Fn | None, Fn]] = [
        ("fix_encoding", cleantext.fix_encoding, ftfy.fix_encoding),
        ("clean / fix_text", clean, ftfy.fix_text),
    ]
    results: list[Result] = []
    for size in sizes:
        for row in ROWS:
            if rows and not any(word.lower() in row.name.lower() for word in rows):
                continue
            rng = random.Random(f"{row.name}:{size}")
            docs = documents(row.lines(rng), int(size * MB), rng)
            chars = sum(map(len, docs))
            for pair, ours, theirs in pairs:
                mine, others = pass_times(ours, theirs, docs, repeat)
                result = Result(
                    row.name,
                    size,
                    chars,
                    pair,
                    min(mine) if mine else None,
                    mine[0] if mine else None,
                    min(others),
                )
                results.append(result)
                print(
                    f"{size:>5g} MB  {row.name:<31} {pair:<17} "
                    f"cleantext {result.rate(result.ours):>6} "
                    f"(first pass {result.rate(result.first):>6})"
                    f"  ftfy {result.rate(result.theirs):>6} Mchar/s  ratio {result.ratio}",
                    flush=True,
                )
    return results


def import_time(repeat: int) -> float:
    """Best time of ``import cleantext`` in a fresh interpreter, in milliseconds.

    As after an install, which compiles the modules: bytecode is written (a machine
    with ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile every module on
    every import, 100 ms against 200 here) by a first import that is not counted.
    """
    code = "import time; t = time.perf_counter(); import cleantext; print(time.perf_counter() - t)"
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    best = float("inf")
    for attempt in range(repeat + 1):
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
        )
        if attempt:
            best = min(best, float(done.stdout) * 1000)
    print(f"import cleantext: {best:.0f} ms (best of {repeat})", flush=True)
    return best


def _load() -> str:
    """The 1-minute load average: a speed-up needs cores that nobody else is using."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def parallel(size: float, repeat: int, chunksize: int) -> tuple[float, float] | None:
    """Seconds for ``clean_many`` with jobs=1 and jobs=2 over mixed, 5%-damaged documents."""
    clean_many = getattr(cleantext, "clean_many", None)
    if clean_many is None or _clean() is None:
        return None
    rng = random.Random("parallel")
    docs = documents(ROWS[3].lines(rng), int(size * MB), rng)
    clean = _clean()
    assert clean is not None
    warm_up(clean)  # in this process, so jobs=1 does not pay for loading lexicons
    times: list[float] = []
    load = _load()
    for jobs in (1, 2):
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            for _text in clean_many(docs, jobs=jobs, chunksize=chunksize):
                pass
            best = min(best, time.perf_counter() - start)
        times.append(best)
    one, two = times
    print(
        f"clean_many ({len(docs)} documents, chunksize {chunksize}): "
        f"jobs=1 {one:.2f}s, jobs=2 {two:.2f}s, speed-up ×{one / two:.2f} "
        f"(load average before/after: {load}/{_load()})"
    )
    return one, two


def markdown(
    results: Sequence[Result],
    lines: Sequence[Linearity],
    import_ms: float,
    par: tuple[float, float] | None,
    repeat: int,
) -> str:
    out = [
        f"Machine: {machine()}.",
        f"Each figure is the best of {repeat} passes in CPU time, cleantext's and ftfy's "
        "taken in turn, all in one process run on the same inputs.",
    ]
    if results:
        out += [
            "",
            "| size | input | comparison | cleantext Mchar/s | cleantext first pass "
            "| ftfy Mchar/s | ratio |",
            "| ---: | --- | --- | ---: | ---: | ---: | ---: |",
        ]
        out += [
            f"| {r.size_mb:g} MB | {r.row} | {r.pair} | {r.rate(r.ours)} | {r.rate(r.first)} "
            f"| {r.rate(r.theirs)} | {r.ratio} |"
            for r in results
        ]
    if lines:
        out += ["", *table(lines, repeat)]
    out += [
        "",
        f"`import cleantext`: {import_ms:.0f} ms (best of {max(repeat, 3)} fresh interpreters).",
    ]
    if par is not None:
        one, two = par
        out.append(
            f"`clean_many` on lightly damaged documents: jobs=1 {one:.2f} s, jobs=2 {two:.2f} s, "
            f"speed-up {one / two:.2f}×."
        )
    return "\n".join(out) + "\n"


def linearity(args: argparse.Namespace) -> list[Linearity]:
    """The n-vs-4n checks of ``linearity.py`` on :data:`LINEARITY_CASES`, with this
    script's sizes and limit.
    """
    return linearity_run(
        args.linearity_mb,
        args.repeat_chars,
        args.line_mb,
        args.repeat,
        args.limit,
        LINEARITY_CASES,
        prefix="linearity ",
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--smoke", action="store_true", help="tiny inputs, one pass (for CI)")
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50], metavar="MB")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--linearity-mb", type=float, default=1.0, help="n for the n-vs-4n checks")
    parser.add_argument(
        "--limit", type=float, default=60.0, help="seconds n may take (4n: 5 times that)"
    )
    parser.add_argument("--repeat-chars", type=int, default=200_000, help="n for 'Ã' * n")
    parser.add_argument("--line-mb", type=float, default=5.0, help="4n for the one-line input")
    parser.add_argument("--chunksize", type=int, default=8, help="clean_many batch size")
    parser.add_argument("--parallel-mb", type=float, default=10.0)
    parser.add_argument(
        "--skip", nargs="*", default=[], choices=["throughput", "linearity", "parallel"]
    )
    parser.add_argument(
        "--rows",
        nargs="*",
        default=[],
        help="only throughput rows whose name contains one of these words",
    )
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown here")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.repeat = [0.005], 1
        args.linearity_mb, args.parallel_mb, args.limit = 0.001, 0.03, 2.0
        args.repeat_chars, args.line_mb, args.chunksize = 200, 0.004, 1  # 1: use the pool
    results = [] if "throughput" in args.skip else throughput(args.sizes, args.repeat, args.rows)
    lines = [] if "linearity" in args.skip else linearity(args)
    import_ms = import_time(max(args.repeat, 3))
    par = (
        None if "parallel" in args.skip else parallel(args.parallel_mb, args.repeat, args.chunksize)
    )
    if args.markdown:
        args.markdown.write_text(
            markdown(results, lines, import_ms, par, args.repeat), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
