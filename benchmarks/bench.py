"""Throughput of cleantext against ftfy, on the same inputs in one run.

Usage::

    python benchmarks/bench.py --smoke            # CI: tiny inputs, checks that it all runs
    python benchmarks/bench.py                    # 1, 10 and 50 MB per row
    python benchmarks/bench.py --sizes 1 10 --markdown /tmp/perf.md

Rows: ``cleantext.fix_encoding`` vs ``ftfy.fix_encoding`` and ``cleantext.clean`` vs
``ftfy.fix_text``, per input kind and size, in million characters per second and as
a ratio.  Each figure is the best of ``--repeat`` runs because the machines this
runs on are shared and noisy; quote the ratios, not the absolute numbers.  Then
the linearity checks (time for 4n characters over time for n), the import time of
``cleantext`` and the speed-up of ``clean_many`` with two processes.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import ftfy

import cleantext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import ROWS, documents, english_lines, mixed_lines, one_text

MB = 1_000_000
Fn = Callable[[str], str]


def _clean() -> Fn | None:
    """``cleantext.clean`` with the default profile, or None before it exists."""
    return getattr(cleantext, "clean", None)


_WARM: set[Fn] = set()


def _warm_up(fn: Fn) -> None:
    """One call on a little of every input kind, once per function."""
    if fn not in _WARM:
        rng = random.Random("warm-up")
        for row in ROWS:
            fn("\n".join(rng.sample(row.lines(rng), 3)))
        _WARM.add(fn)


def pass_times(
    fn: Fn, docs: Sequence[str], repeat: int, budget: float = float("inf")
) -> list[float]:
    """Wall time of each of ``repeat`` passes of ``fn`` over ``docs``, after a warm-up call.

    The warm-up keeps one-off costs (lazy imports, lexicons loaded on first use) out
    of the figures; they are a start-up cost, reported by the import-time line.  The
    first pass still meets every line for the first time; later passes repeat the
    same lines, which per-word caches may speed up, so both are reported.
    """
    _warm_up(fn)
    times: list[float] = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        for doc in docs:
            fn(doc)
        times.append(time.perf_counter() - start)
        if times[-1] > budget:  # one pass already took too long: do not repeat it
            break
    return times


def best_time(fn: Fn, docs: Sequence[str], repeat: int, budget: float = float("inf")) -> float:
    """Best wall time of ``repeat`` passes (see :func:`pass_times`)."""
    return min(pass_times(fn, docs, repeat, budget))


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
                mine = [] if ours is None else pass_times(ours, docs, repeat)
                result = Result(
                    row.name,
                    size,
                    chars,
                    pair,
                    min(mine) if mine else None,
                    mine[0] if mine else None,
                    best_time(theirs, docs, repeat),
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


@dataclass(frozen=True)
class Linearity:
    name: str
    fn: str
    n: int
    small: float | None  # seconds; None: did not finish within the limit
    large: float | None  # seconds; None: did not finish, or not run because n did not
    limit: float

    def show(self, seconds: float | None) -> str:
        return f"> {self.limit:.0f} s" if seconds is None else f"{seconds:.3f} s"

    @property
    def factor(self) -> str:
        if self.small is None or self.large is None:
            return "n/a"
        return f"{self.large / self.small:.2f}"


def timed(fn: Fn, text: str, repeat: int, limit: float) -> float | None:
    """Best of ``repeat`` calls ``fn(text)`` in a forked child, or None if the child is
    still busy after ``limit`` seconds (a quadratic case could otherwise run for hours).
    """
    import multiprocessing

    _warm_up(fn)  # in the parent, so the child inherits the warm state
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        for _ in range(repeat):
            start = time.perf_counter()
            fn(text)
            sender.send(time.perf_counter() - start)

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()
    deadline = time.monotonic() + limit
    times: list[float] = []
    with contextlib.suppress(EOFError):  # the child died: keep what it sent
        while len(times) < repeat and receiver.poll(max(0.0, deadline - time.monotonic())):
            times.append(receiver.recv())
    process.kill()
    process.join()
    return min(times) if times else None


def linearity(
    n_scale: float, repeat_chars: int, line_mb: float, repeat: int, limit: float
) -> list[Linearity]:
    """Time for 4n characters over time for n, on clean, damaged and adversarial input.

    Each measurement runs in a child process killed after ``limit`` seconds; when n
    does not finish, 4n is not run.
    """
    rng = random.Random("linearity")
    clean_pool = english_lines()
    damaged_pool = ROWS[4].lines(rng)
    n = int(MB * n_scale)
    line = int(MB * line_mb) // 4
    cases: list[tuple[str, int, Callable[[int], str]]] = [
        ("clean English", n, lambda k: one_text(clean_pool, k, random.Random(k))),
        ("mixed scripts", n, lambda k: one_text(mixed_lines(), k, random.Random(k))),
        ("heavily damaged", n, lambda k: one_text(damaged_pool, k, random.Random(k))),
        ("'Ã' repeated", repeat_chars, lambda k: "Ã" * k),
        ("'鈥' repeated", repeat_chars, lambda k: "鈥" * k),
        (
            "one long line",
            line,
            lambda k: one_text(clean_pool, k, random.Random(k)).replace("\n", " "),
        ),
    ]
    fns: list[tuple[str, Fn | None]] = [
        ("fix_encoding", cleantext.fix_encoding),
        ("clean", _clean()),
    ]
    out: list[Linearity] = []
    for name, size, make in cases:
        small_text, large_text = make(size), make(4 * size)
        for fn_name, fn in fns:
            if fn is None:
                continue
            small = timed(fn, small_text, repeat, limit)
            large = None if small is None else timed(fn, large_text, repeat, limit * 5)
            item = Linearity(name, fn_name, len(small_text), small, large, limit)
            out.append(item)
            print(
                f"linearity {name:<16} {fn_name:<13} n={len(small_text):>9,} "
                f"{item.show(small):>10}  4n={len(large_text):>9,} "
                f"{item.show(large) if small is not None else 'not run':>10}  ×{item.factor}",
                flush=True,
            )
    return out


def import_time(repeat: int) -> float:
    """Best time of ``import cleantext`` in a fresh interpreter, in milliseconds."""
    code = "import time; t = time.perf_counter(); import cleantext; print(time.perf_counter() - t)"
    best = float("inf")
    for _ in range(repeat):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
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
    _warm_up(clean)  # in this process, so jobs=1 does not pay for loading lexicons
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


def machine() -> str:
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if dirty:
            commit += " plus uncommitted changes in src/"
    except (OSError, subprocess.CalledProcessError):
        commit = "unknown"
    return (
        f"{cpu}, {os.cpu_count()} logical cores (shared with other jobs), "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"ftfy {metadata.version('ftfy')}, cleantext at commit {commit}"
    )


def markdown(
    results: Sequence[Result],
    lines: Sequence[Linearity],
    import_ms: float,
    par: tuple[float, float] | None,
    repeat: int,
) -> str:
    out = [
        f"Machine: {machine()}.",
        f"Each figure is the best of {repeat} runs, all in one process run on the same inputs.",
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
        out += [
            "",
            "| input | function | n (chars) | time n | time 4n | factor |",
            "| --- | --- | ---: | ---: | ---: | ---: |",
        ]
        out += [
            f"| {item.name} | {item.fn} | {item.n:,} | {item.show(item.small)} | "
            f"{item.show(item.large) if item.small is not None else 'not run'} "
            f"| {item.factor} |"
            for item in lines
        ]
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
        "--rows", nargs="*", default=[], help="only rows whose name contains one of these words"
    )
    parser.add_argument("--markdown", type=Path, help="also write the tables as Markdown here")
    args = parser.parse_args(argv)
    if args.smoke:
        args.sizes, args.repeat = [0.005], 1
        args.linearity_mb, args.parallel_mb, args.limit = 0.001, 0.03, 2.0
        args.repeat_chars, args.line_mb, args.chunksize = 200, 0.004, 1  # 1: use the pool
    results = [] if "throughput" in args.skip else throughput(args.sizes, args.repeat, args.rows)
    lines = (
        []
        if "linearity" in args.skip
        else linearity(args.linearity_mb, args.repeat_chars, args.line_mb, args.repeat, args.limit)
    )
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
