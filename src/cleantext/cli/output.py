"""What a run says: per-file messages, one summary line, diffs, and a progress bar.

Cleaned text and diffs go to standard output; everything else goes to standard
error, so ``cleantext fix a.txt > a.fixed`` captures only the text. Messages
follow pre-commit-hooks and black (``Fixing PATH``, ``would fix PATH``); ``-q``
keeps only errors, ``-v`` adds a line for every file.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO, TypeVar

import click

from cleantext.cli.work import Action, Result

if TYPE_CHECKING:
    from tqdm import tqdm
    from typing_extensions import Never

__all__ = ["PROGRESS_BYTES", "PROGRESS_FILES", "Reporter", "show_progress"]

T = TypeVar("T")

#: A bar appears (on a terminal) for at least this many files ...
PROGRESS_FILES = 20
#: ... or at least this many bytes in all.
PROGRESS_BYTES = 32 * 1024 * 1024


def show_progress(files: int, size: int, quiet: bool, stream: TextIO | None = None) -> bool:
    """A bar only helps a person watching a long run: on a terminal, many or large files."""
    stream = sys.stderr if stream is None else stream
    if quiet or not stream.isatty():
        return False
    return files >= PROGRESS_FILES or size >= PROGRESS_BYTES


@dataclass
class Reporter:
    """Prints each file's outcome as it arrives and keeps the counts for the summary."""

    action: Action
    diff: bool = False
    quiet: bool = False
    verbose: bool = False
    counts: Counter[str] = field(default_factory=Counter)
    _bar: tqdm[Never] | None = None

    def progress(self, items: Iterable[T], total: int, enabled: bool) -> Iterator[T]:
        """Yield ``items``, advancing a tqdm bar on standard error when ``enabled``."""
        if not enabled:
            yield from items
            return
        from tqdm import tqdm

        with tqdm(total=total, unit="file", file=sys.stderr, leave=False) as bar:
            self._bar = bar
            try:
                for item in items:
                    yield item
                    bar.update(1)
            finally:
                self._bar = None

    def message(self, text: str) -> None:
        """A message line on standard error, kept clear of the progress bar."""
        if self._bar is not None:
            self._bar.write(text, file=sys.stderr)
        else:
            click.echo(text, err=True)

    def error(self, path: str, reason: str) -> None:
        """An error is always shown, even with ``-q``; it makes the run exit with 2."""
        self.counts["error"] += 1
        self.message(f"error: {path}: {reason}")

    def result(self, result: Result) -> None:
        """Report one file's outcome (and print its diff, if any)."""
        if result.status == "error":
            self.error(result.path, result.note)
            return
        self.counts[result.status] += 1
        if result.diff:
            self._diff(result.diff)
        if self.quiet:
            return
        note = f" ({result.note})" if result.note else ""
        if self.verbose and result.detail:
            note = f" ({result.note}; {result.detail})" if result.note else f" ({result.detail})"
        if result.status == "skipped":
            self.message(f"skipping {result.path}: {result.note}")
        elif result.status == "changed" and self.action == "write":
            self.message(f"Fixing {result.path}{note}")
        elif result.status == "changed" and self.action == "check":
            self.message(f"would fix {result.path}{note}")
        elif result.status == "changed" and (self.verbose or result.note):
            self.message(f"fixed {result.path}{note}")
        elif result.status == "unchanged" and self.verbose:
            self.message(f"{result.path} already clean")

    def _diff(self, text: str) -> None:
        if self._bar is not None:
            self._bar.clear()
        sys.stdout.write(text)
        sys.stdout.flush()

    def summary(self) -> None:
        """One line: what changed (or would), what was already clean, skipped, failed."""
        if self.quiet:
            return
        changed, clean = self.counts["changed"], self.counts["unchanged"]
        if self.action == "write":
            parts = [f"{_files(changed)} fixed"] if changed else []
        elif self.action == "check" or self.diff:
            parts = [f"{_files(changed)} would be fixed"] if changed else []
        else:
            parts = [f"{_files(changed)} changed"] if changed else []
        if clean:
            parts.append(f"{_files(clean)} already clean")
        if self.counts["skipped"]:
            parts.append(f"{_files(self.counts['skipped'])} skipped")
        if self.counts["error"]:
            errors = self.counts["error"]
            parts.append(f"{errors} error{'s' if errors != 1 else ''}")
        self.message(", ".join(parts) + "." if parts else "No files to clean.")

    def exit_code(self, fail_on_change: bool) -> int:
        """2 after any error; 1 when something changed and that counts as failure; else 0."""
        if self.counts["error"]:
            return 2
        return 1 if self.counts["changed"] and fail_on_change else 0


def _files(count: int) -> str:
    return f"{count} file{'s' if count != 1 else ''}"
