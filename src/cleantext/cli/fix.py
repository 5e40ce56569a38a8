"""``cleantext fix``: clean files (or standard input) to stdout, in place, or as a check."""

from __future__ import annotations

import itertools
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import click

from cleantext.cli.files import WalkError, collect
from cleantext.cli.options import (
    cleaning_choice,
    cleaning_options,
    jsonl_field,
    selection_options,
    tuning_options,
    verbosity_options,
)
from cleantext.cli.output import Reporter, show_progress
from cleantext.cli.work import Action, Job, Result, process, process_stdin

__all__ = ["fix"]

EXAMPLES = """
\b
Examples:
  cleantext fix article.txt                 # print the repaired text
  cleantext fix --in-place corpus/          # repair every file under corpus/
  cleantext fix --check --include '*.txt' corpus/   # exit 1 if anything would change
  cleantext fix --diff notes.md             # show what would change
  cat page.txt | cleantext fix -            # filter standard input
  cleantext fix --in-place --jsonl --field text data.jsonl
  cleantext fix --encoding-only --in-place -j 4 corpus/
  cleantext fix --profile ascii-punctuation --set boilerplate=false notes.txt
  cleantext fix --rules site-rules.toml --in-place scraped/

\b
Exit status: 0 nothing to do or all fixed; 1 changes needed (--check, --diff,
--exit-non-zero-on-fix); 2 usage or I/O error.
"""


@click.command(epilog=EXAMPLES, short_help="Repair text in files, directories or standard input.")
@click.argument("paths", nargs=-1, metavar="PATH... | -")
@click.option("-i", "--in-place", is_flag=True, help="Rewrite changed files (atomically).")
@click.option("--check", is_flag=True, help="Write nothing; list files that would change.")
@click.option("--diff", is_flag=True, help="Print a unified diff of what changes; no text.")
@click.option(
    "--exit-non-zero-on-fix",
    is_flag=True,
    help="With --in-place, exit 1 when a file was changed (hook mode).",
)
@cleaning_options
@selection_options
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour diffs (default: only on a terminal, and not with NO_COLOR set).",
)
@click.option(
    "-j",
    "--jobs",
    metavar="N",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Clean N files at once in separate processes (0: one per CPU).",
)
@tuning_options
@verbosity_options
def fix(
    paths: tuple[str, ...],
    in_place: bool,
    check: bool,
    diff: bool,
    exit_non_zero_on_fix: bool,
    profile: str | None,
    settings: tuple[str, ...],
    rules: str | None,
    encoding_only: bool,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jsonl: bool,
    field: str | None,
    color: bool | None,
    jobs: int,
    stream_above: int,
    chunk_size: int,
    quiet: bool,
    verbose: bool,
) -> None:
    """Repair broken text in files, directories (recursively) or standard input.

    By default the cleaned text goes to standard output. With --in-place, changed
    files are rewritten through a temporary file, keeping their mode and line
    endings; files that are not UTF-8 are read with cleantext.fix_bytes and
    written back as UTF-8. Binary files are skipped and never touched.
    """
    if not paths:
        raise click.UsageError("give at least one PATH, or - to read standard input")
    if check and in_place:
        raise click.UsageError("--check never writes; use either --check or --in-place")
    if exit_non_zero_on_fix and not in_place:
        raise click.UsageError("--exit-non-zero-on-fix only applies with --in-place")
    action: Action = "write" if in_place else "check" if check or diff else "print"
    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    job = Job(
        action=action,
        diff=diff,
        color=color,
        profile=profile,
        encoding_only=encoding_only,
        overrides=cleaning_choice(profile, settings, rules, encoding_only),
        jsonl_field=jsonl_field(jsonl, field),
        stream_above=stream_above,
        chunk_size=chunk_size,
    )
    reporter = Reporter(action, diff=diff, quiet=quiet, verbose=verbose)
    if "-" in paths:
        if len(paths) > 1 or in_place:
            raise click.UsageError("- (standard input) cannot be mixed with paths or --in-place")
        reporter.result(_stdin(job))
    else:
        _files(paths, include, exclude, job, jobs, reporter)
    if action != "print" or verbose:
        reporter.summary()
    sys.exit(reporter.exit_code(fail_on_change=check or diff or exit_non_zero_on_fix))


def _stdin(job: Job) -> Result:
    data = sys.stdin.buffer.read()
    result = process_stdin(data, job, sys.stdout.buffer if job.action == "print" else None)
    sys.stdout.flush()
    return result


def _files(
    roots: Sequence[str],
    include: Sequence[str],
    exclude: Sequence[str],
    job: Job,
    jobs: int,
    reporter: Reporter,
) -> None:
    targets: list[Path] = []
    for found in collect(roots, include, exclude):
        if isinstance(found, WalkError):
            reporter.error(str(found.path), found.message)
        else:
            targets.append(found)
    size = sum(_size(target) for target in targets) if sys.stderr.isatty() else 0
    results = _run(targets, job, jobs or os.cpu_count() or 1)
    # Printed text would be torn by a bar on the same terminal.
    bar = job.action != "print" and show_progress(len(targets), size, reporter.quiet)
    for result in reporter.progress(results, len(targets), bar):
        reporter.result(result)


def _run(targets: list[Path], job: Job, jobs: int) -> Iterator[Result]:
    """Results in the order of ``targets``; printed text must stay in that order too."""
    if job.action == "print" or jobs == 1 or len(targets) < 2:
        out = sys.stdout.buffer if job.action == "print" else None
        for target in targets:
            yield process(target, job, out)
            sys.stdout.buffer.flush()
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(targets)), initializer=_leave_interrupts)
    try:
        yield from pool.map(process, targets, itertools.repeat(job), chunksize=4)
    except BaseException:
        # Interrupted: files not started are left alone; those being written finish
        # (each write is atomic), so wait for them but start nothing new.
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown()


def _leave_interrupts() -> None:
    """Workers ignore Ctrl-C: the main process handles it (one message, no tracebacks)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
