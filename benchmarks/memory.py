"""Peak memory and speed of cleaning one large file, each case in a fresh process.

Usage::

    python benchmarks/memory.py                      # 1024 MB, every case
    python benchmarks/memory.py --size-mb 100 --cases stream-fix_encoding
    python benchmarks/memory.py --size-mb 0.1 --json # machine-readable rows

The input is the seed fixtures (``fixtures/seeds/``, damaged ones included, so the
repair really runs) repeated up to ``--size-mb`` megabytes in a temporary directory,
which is removed at the end, also when the run is interrupted.  Each case runs in
its own child process:

- ``cli-in-place``: ``python -m cleantext fix --in-place FILE`` (a copy of the input);
- ``cli-encoding-only``: ``python -m cleantext fix --encoding-only FILE > /dev/null``;
- ``stream-fix_encoding``, ``stream-clean``: :func:`cleantext.stream.transform_stream`
  with that function, to ``/dev/null``;
- ``stream-decode``: ``transform_stream`` with ``str``, the cost of streaming alone;
- ``import``: ``import cleantext`` and nothing else, the floor under every row.

Peak RSS comes from ``/usr/bin/time -v`` ("Maximum resident set size") when it is
installed, else from ``resource.getrusage(RUSAGE_CHILDREN)`` in a small wrapper
process.  The machines this runs on are shared, so wall times are noisy; the CPU
seconds (user + system) say more about speed, and the RSS figures are not affected.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "seeds"
MB = 1_000_000
GNU_TIME = Path("/usr/bin/time")
CASES = (
    "import",
    "stream-decode",
    "stream-fix_encoding",
    "stream-clean",
    "cli-encoding-only",
    "cli-in-place",
)

#: Runs a command and prints its peak RSS (KiB) and CPU seconds, when GNU time is missing.
_RUSAGE_WRAPPER = """\
import json, resource, subprocess, sys
code = subprocess.call(sys.argv[2:], stdout=open(sys.argv[1], "wb"))
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps([code, usage.ru_maxrss, usage.ru_utime + usage.ru_stime]))
"""


@dataclass(frozen=True)
class Row:
    """One case: sizes in MB (10**6 bytes), times in seconds."""

    case: str
    input_mb: float
    peak_rss_mb: float
    seconds: float
    cpu_seconds: float
    output_mb: float
    exit_code: int
    #: Chunks the function changed (``stream-*`` cases only; -1 elsewhere).
    changed_chunks: int = -1

    @property
    def mb_per_s(self) -> float:
        return self.input_mb / self.seconds if self.seconds > 0 else 0.0


def seed_bytes() -> bytes:
    """All seed fixtures, each ending with a line feed, as one block to repeat."""
    parts = []
    for path in sorted(SEEDS.glob("*.txt")):
        data = path.read_bytes()
        parts.append(data if data.endswith(b"\n") else data + b"\n")
    if not parts:
        raise SystemExit(f"no seed fixtures in {SEEDS}")
    return b"".join(parts)


def generate(path: Path, size_mb: float) -> int:
    """Write the seeds repeated to at least ``size_mb`` megabytes; return the byte count."""
    block = seed_bytes()
    target = int(size_mb * MB)
    repeats = max(1, -(-(1 << 22) // len(block)))  # write ~4 MiB at a time
    big = block * repeats
    written = 0
    with path.open("wb") as out:
        while written < target:
            missing = target - written
            piece = big if missing >= len(big) else block * -(-missing // len(block))
            out.write(piece)
            written += len(piece)
    return written


def command(case: str, data: Path, work: Path) -> tuple[list[str], Path]:
    """The child command for ``case`` and the file (or /dev/null) its stdout goes to."""
    python = sys.executable
    if case == "import":
        return [python, "-c", "import cleantext"], Path(os.devnull)
    if case.startswith("stream-"):
        function = case.removeprefix("stream-")
        out = work / f"{case}.json"
        return [python, __file__, "--stream-child", str(data), function], out
    if case == "cli-encoding-only":
        return [python, "-m", "cleantext", "fix", "--encoding-only", str(data)], Path(os.devnull)
    if case == "cli-in-place":
        copy = work / "in-place.txt"
        shutil.copyfile(data, copy)
        return [python, "-m", "cleantext", "fix", "--in-place", "-q", str(copy)], Path(os.devnull)
    raise ValueError(f"unknown case {case!r}")


def measure(argv: list[str], stdout: Path, work: Path) -> tuple[int, float, float, float]:
    """Run ``argv``; return exit code, peak RSS in MB, wall seconds and CPU seconds."""
    start = time.perf_counter()
    if GNU_TIME.exists():
        report = work / "time.txt"
        with stdout.open("wb") as out:
            code = subprocess.call([str(GNU_TIME), "-v", "-o", str(report), *argv], stdout=out)
        seconds = time.perf_counter() - start
        fields = dict(
            line.strip().rsplit(": ", 1) for line in report.read_text().splitlines() if ": " in line
        )
        rss_kib = int(fields["Maximum resident set size (kbytes)"])
        cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
        return code, rss_kib * 1024 / MB, seconds, cpu
    done = subprocess.run(
        [sys.executable, "-c", _RUSAGE_WRAPPER, str(stdout), *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - start
    code, rss_kib, cpu = json.loads(done.stdout)
    return int(code), rss_kib * 1024 / MB, seconds, float(cpu)


def run_case(case: str, data: Path, work: Path) -> Row:
    argv, stdout = command(case, data, work)
    code, rss, seconds, cpu = measure(argv, stdout, work)
    if code not in (0, 1):  # 1: the CLI's "changes were made" in some modes
        raise SystemExit(f"{case}: exit status {code} from {' '.join(argv)}")
    input_mb = 0.0 if case == "import" else data.stat().st_size / MB
    output_mb, changed = 0.0, -1
    if case.startswith("stream-"):
        report = json.loads(stdout.read_text())
        output_mb, changed = report["output_bytes"] / MB, report["changed_chunks"]
    elif case == "cli-in-place":
        output_mb = (work / "in-place.txt").stat().st_size / MB
        (work / "in-place.txt").unlink()
    return Row(case, input_mb, rss, seconds, cpu, output_mb, code, changed)


def stream_child(path: str, function: str) -> int:
    """The ``stream-*`` cases' child: stream ``path`` through ``function`` into a byte counter."""
    import cleantext
    from cleantext.stream import transform_stream

    fns = {"decode": str, "fix_encoding": cleantext.fix_encoding, "clean": cleantext.clean}

    class Counter:
        """A binary sink that keeps only the number of bytes written."""

        written = 0

        def write(self, data: bytes) -> int:
            self.written += len(data)
            return len(data)

    sink = Counter()
    with open(path, "rb") as src:
        stats = transform_stream(src, sink, fns[function])  # type: ignore[arg-type]
    report = {
        "bytes_read": stats.bytes_read,
        "output_bytes": sink.written,
        "chunks": stats.chunks,
        "changed_chunks": stats.changed_chunks,
        "encoding": stats.encoding,
    }
    print(json.dumps(report))
    return 0


def table(rows: Sequence[Row]) -> str:
    head = "| case | input MB | peak RSS MB | seconds | MB/s | CPU s | output MB | changed chunks |"
    lines = [head, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    lines += [
        f"| {r.case} | {r.input_mb:.1f} | {r.peak_rss_mb:.0f} | {r.seconds:.1f} "
        f"| {r.mb_per_s:.2f} | {r.cpu_seconds:.1f} | {r.output_mb:.1f} "
        f"| {r.changed_chunks if r.changed_chunks >= 0 else ''} |"
        for r in rows
    ]
    return "\n".join(lines)


def _interrupted(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds through the TemporaryDirectory: files removed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=float, default=1024.0, help="input size (10**6 bytes)")
    parser.add_argument("--cases", nargs="+", choices=CASES, default=list(CASES))
    parser.add_argument("--tmpdir", type=Path, help="where the input is written (default: TMPDIR)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per case")
    parser.add_argument(
        "--stream-child", nargs=2, metavar=("PATH", "FUNCTION"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.stream_child:
        return stream_child(*args.stream_child)
    signal.signal(signal.SIGTERM, _interrupted)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="cleantext-memory-", dir=args.tmpdir) as name:
        work = Path(name)
        data = work / "input.txt"
        start = time.perf_counter()
        size = generate(data, args.size_mb)
        if not args.json:
            how = "/usr/bin/time -v" if GNU_TIME.exists() else "getrusage"
            print(
                f"input: {size / MB:.1f} MB of repeated seeds, written in "
                f"{time.perf_counter() - start:.1f} s; peak RSS via {how}",
                flush=True,
            )
        for case in args.cases:
            row = run_case(case, data, work)
            rows.append(row)
            if args.json:
                print(json.dumps({**asdict(row), "mb_per_s": row.mb_per_s}), flush=True)
            else:
                print(table([row]).splitlines()[-1], flush=True)  # kept if a later case fails
    if not args.json:
        print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
