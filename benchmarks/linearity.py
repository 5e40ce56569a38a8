"""Time for 4n characters over time for n, per input kind, for fix_encoding and clean.

Usage::

    python benchmarks/linearity.py                   # n = 1 MB, 'Ã' * 200 000, 5 MB line
    python benchmarks/linearity.py --rows CJK 'Ã'    # only rows whose name has these words
    python benchmarks/linearity.py --smoke           # tiny sizes, checks that it runs

The one implementation of this measurement: ``bench.py`` calls :func:`run` for
its linearity section, on the inputs the speed issue names.  Each call runs in a
forked child, best of ``--repeat``, killed after ``--limit`` seconds; 4n is only
run when n finished.  The inputs are every input kind of the throughput table
(clean English, clean CJK, clean mixed scripts, lightly and heavily damaged) plus
the adversarial ones: long runs of one mojibake character and one line of 5 MB.
The target is a factor of at most 4.5.  Each row also times ``str.lower``, a C
function linear by construction, as the machine's own baseline for that row.
Each call is timed twice: CPU time of the child (``time.process_time``), which
other jobs on a shared machine barely disturb, and wall time; the factor is
taken from CPU time.  Quote factors, not times.  The helpers both scripts need
(:func:`warm_up`, :func:`machine`) live here
so that ``bench.py`` imports this module and not the other way round.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import platform
import random
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata, util
from pathlib import Path

import cleantext

sys.path.insert(0, str(Path(__file__).resolve().parent))
from inputs import ROWS, english_lines, one_text

MB = 1_000_000
Fn = Callable[[str], str]
Maker = Callable[[int], str]

_WARM: set[Fn] = set()


def warm_up(fn: Fn) -> None:
    """One call on a little of every input kind, once per function, so that lexicons
    loaded on first use (a start-up cost) stay out of the timed calls.
    """
    if fn not in _WARM:
        rng = random.Random("warm-up")
        for row in ROWS:
            fn("\n".join(rng.sample(row.lines(rng), 3)))
        _WARM.add(fn)


def _commit() -> str:
    """HEAD's short hash, and whether src/ differs from it: the code that was timed."""
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
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + (" plus uncommitted changes in src/" if dirty else "")


def machine() -> str:
    """Where and on what code a table was measured, for the line above it."""
    cpu = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} logical cores (shared with other jobs), "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"ftfy {metadata.version('ftfy')}, cleantext ({build()}) at commit {_commit()}"
    )


def build() -> str:
    """Which build of the repair engine is timed: pure Python, or the optional one
    compiled by mypyc (``CLEANTEXT_COMPILE=1``, docs/performance.md)."""
    spec = util.find_spec("cleantext.repair.engine")
    origin = (spec.origin if spec else None) or ""
    return "pure Python" if origin.endswith(".py") else "compiled by mypyc"


@dataclass(frozen=True)
class Timing:
    """Best CPU and best wall seconds of the calls that finished in time."""

    cpu: float
    wall: float


@dataclass(frozen=True)
class Linearity:
    name: str
    fn: str
    n: int
    small: Timing | None  # None: n did not finish within the limit
    large: Timing | None  # None: 4n did not finish, or was not run
    limit: float

    @staticmethod
    def show(timing: Timing | None, limit: float) -> str:
        return f"> {limit:.0f} s" if timing is None else f"{timing.cpu:.3f} s"

    @property
    def time_n(self) -> str:
        return self.show(self.small, self.limit)

    @property
    def time_4n(self) -> str:
        return "not run" if self.small is None else self.show(self.large, self.limit * 5)

    @property
    def factor(self) -> str:
        if self.small is None or self.large is None or self.small.cpu <= 0:
            return "n/a"
        return f"{self.large.cpu / self.small.cpu:.2f}"

    @property
    def wall_factor(self) -> str:
        if self.small is None or self.large is None or self.small.wall <= 0:
            return "n/a"
        return f"{self.large.wall / self.small.wall:.2f}"


#: A C function linear by construction, timed the same way on the same inputs: its
#: factor is what this machine's memory alone makes of n against 4n (a 1 MB text
#: fits the 2 MB L2 cache of the machines here, a 4 MB one does not: ``str.lower``
#: measures about 5 on them).
BASELINE = "str.lower"


def timed(fn: Fn, text: str, repeat: int, limit: float) -> Timing | None:
    """Best of ``repeat`` calls ``fn(text)`` in a forked child, or None if the child is
    still busy after ``limit`` wall seconds (a quadratic case could run for hours).
    """
    warm_up(fn)  # in the parent, so the child inherits the warm state
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        for _ in range(repeat):
            cpu, wall = time.process_time(), time.perf_counter()
            fn(text)
            sender.send((time.process_time() - cpu, time.perf_counter() - wall))

    process = context.Process(target=child, daemon=True)
    process.start()
    sender.close()
    deadline = time.monotonic() + limit
    times: list[tuple[float, float]] = []
    with contextlib.suppress(EOFError):  # the child died: keep what it sent
        while len(times) < repeat and receiver.poll(max(0.0, deadline - time.monotonic())):
            times.append(receiver.recv())
    process.kill()
    process.join()
    if not times:
        return None
    return Timing(min(cpu for cpu, _ in times), min(wall for _, wall in times))


def _joined(pool: Sequence[str]) -> Maker:
    """Lines of ``pool`` shuffled into one text of k characters (the same for the same k)."""
    return lambda k: one_text(pool, k, random.Random(k))


_C1_DELETED_LINE = "Howardâs Â«ìë¥ê¶ë¥Â» concern Â«GeorgiaÂ» extended â cÃ³mo "


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
        # Western words glued to Hangul, on one line: each looks like legacy text and
        # is judged, once, as touching another script
        ("'a©©©한' repeated", repeat_chars // 5, lambda k: "a©©©한" * k),
        # one line of GBK damage whose regions only ASCII separates: they join into one
        # (quadratic before 3 December: each join copied the region's pieces)
        ("GBK-damaged quotes on one line", repeat_chars // 60, lambda k: "鈥渘o鈥? " * k),
        # a long run of U+FFFD (bytes replaced, a binary file read as text): each of its
        # bytes had counted the whole run (quadratic before 3 December, night)
        ("U+FFFD repeated", repeat_chars, lambda k: "\ufffd" * k),
        # four lost bytes inside a word, read as two letters together (their pair of
        # holes was scored afresh each time: 0.3 ms a word before the pairs were cached)
        ("'ab����cd ' repeated", repeat_chars // 40, lambda k: "ab\ufffd\ufffd\ufffd\ufffdcd " * k),
        # contractions whose first bytes cp949 dropped, on one line (``Putin셲``): each
        # searched its whole line for Korean words (quadratic before 4 December)
        ("'Putin셲 said ' repeated", repeat_chars // 13, lambda k: "Putin셲 said " * k),
        # Latin-1 that lost its C1 bytes, its words repeated on one line: ftfy's repair
        # was compared with the line whole (cubic before 6 December: 5 800 chars, 11 s)
        ("C1-deleted line repeated", repeat_chars // 200, lambda k: _C1_DELETED_LINE * k),
        (
            "one long line",
            int(MB * line_mb) // 4,
            lambda k: one_text(english, k, random.Random(k)).replace("\n", " "),
        ),
    ]
    return out


def run(
    n_mb: float,
    repeat_chars: int,
    line_mb: float,
    repeat: int,
    limit: float,
    rows: Sequence[str],
    prefix: str = "",
) -> list[Linearity]:
    """Time n and 4n for each case whose name contains a word of ``rows`` (all if
    empty), printing each cell as it finishes (after ``prefix``) so a run cut short
    keeps its figures.
    """
    fns: list[tuple[str, Fn]] = [
        ("fix_encoding", cleantext.fix_encoding),
        ("clean", cleantext.clean),
        (BASELINE, str.lower),
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
                f"{prefix}{name:<31} {fn_name:<13} n={len(small_text):>9,} {item.time_n:>10}"
                f"  4n={len(large_text):>9,} {item.time_4n:>10}"
                f"  ×{item.factor} (wall ×{item.wall_factor})",
                flush=True,
            )
    return results


def table(results: Sequence[Linearity], repeat: int) -> list[str]:
    """The Markdown table of ``results``, after a line that says how it was timed."""
    lines = [
        f"Best of {repeat} calls per cell, each in a forked child; times are CPU seconds, "
        "factor = CPU time 4n / CPU time n; the wall-time factor beside it for comparison.",
        "",
        "| input | function | n (chars) | CPU n | CPU 4n | factor | wall factor |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {r.name} | {r.fn} | {r.n:,} | {r.time_n} | {r.time_4n} | {r.factor} | {r.wall_factor} |"
        for r in results
    ]
    return lines


def markdown(results: Sequence[Linearity], repeat: int) -> str:
    return "\n".join([f"Machine: {machine()}.", *table(results, repeat)]) + "\n"


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
