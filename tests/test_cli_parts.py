"""The CLI's building blocks: diffs, line endings, chunking, globs, the progress decision."""

from __future__ import annotations

import contextlib
import difflib
import io
import os
import signal
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext.cli import files
from cleantext.cli.diffs import Differ
from cleantext.cli.files import AtomicFile, WalkError, collect, matches
from cleantext.cli.lines import LineIndex, keep_line_endings, line_ending
from cleantext.cli.output import PROGRESS_BYTES, PROGRESS_FILES, show_progress

SETTINGS = settings(max_examples=60, deadline=None)
LINES = st.lists(st.sampled_from(["a\n", "b\n", "c\n", "d\n", "é\n", "\n", "long line\n"]))


@SETTINGS
@given(LINES, LINES)
def test_one_chunk_diff_equals_difflib(old: list[str], new: list[str]) -> None:
    differ = Differ("f.txt")
    differ.add("".join(old), "".join(new))
    expected = difflib.unified_diff(old, new, "f.txt\t(original)", "f.txt\t(fixed)")
    assert str(differ) == "".join(expected)
    assert bool(differ) == (old != new)


@SETTINGS
@given(st.lists(st.tuples(LINES, LINES), max_size=5))
def test_chunked_diff_numbers_hunks_by_their_place_in_the_file(
    chunks: list[tuple[list[str], list[str]]],
) -> None:
    """Applying the chunked diff's hunks to the old file gives the new file."""
    differ = Differ("f.txt")
    for old, new in chunks:
        differ.add("".join(old), "".join(new))
    old_lines = [line for old, _ in chunks for line in old]
    new_lines = [line for _, new in chunks for line in new]
    assert _patch(old_lines, str(differ)) == new_lines


def _patch(lines: list[str], diff: str) -> list[str]:
    out: list[str] = []
    position = 0
    body = diff.splitlines(keepends=True)[2:]
    for line in body:
        if line.startswith("@@"):
            start = int(line.split()[1][1:].split(",")[0])
            length = int(line.split()[1].split(",")[1]) if "," in line.split()[1] else 1
            start = start - 1 if length else start
            out.extend(lines[position:start])
            position = start
        elif line.startswith(" "):
            assert lines[position] == line[1:]
            out.append(line[1:])
            position += 1
        elif line.startswith("-"):
            assert lines[position] == line[1:]
            position += 1
        elif line.startswith("+"):
            out.append(line[1:])
    return out + lines[position:]


def test_diff_marks_a_missing_final_newline() -> None:
    differ = Differ("f")
    differ.add("a\nb", "a\nc")
    assert str(differ).endswith(
        "-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"
    )


@pytest.mark.parametrize(
    ("text", "ending"),
    [
        ("a\nb\n", "\n"),
        ("a\r\nb\r\n", "\r\n"),
        ("a\rb", "\r"),
        ("a\r\nb\n", None),
        ("no break", None),
        ("", None),
    ],
)
def test_line_ending(text: str, ending: str | None) -> None:
    assert line_ending(text) == ending


TEXT = st.text(alphabet=st.sampled_from("ab é\n\r"), max_size=40)


@SETTINGS
@given(TEXT, st.sampled_from(["\r\n", "\r", "\n"]))
def test_keep_line_endings_restores_a_single_style(text: str, style: str) -> None:
    kept = keep_line_endings(style, text)
    assert line_ending(kept) in (style, None)
    if "\n" in text or "\r" in text:
        assert line_ending(kept) == style
    assert keep_line_endings(None, text) == text
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    assert kept.replace(style, "\n") == normalised


@pytest.mark.parametrize(
    ("path", "patterns", "expected"),
    [
        ("a/b/c.txt", ["*.txt"], True),
        ("a/b/c.txt", ["*.md"], False),
        ("a/drafts/c.txt", ["drafts/*"], True),
        ("a/drafts", ["drafts"], True),
        ("a/b/c.txt", ["b"], False),
        ("a/b/c.txt", ["a/b/*.txt"], True),
        ("c.TXT", ["*.txt"], False),
    ],
)
def test_matches(path: str, patterns: list[str], expected: bool) -> None:
    assert matches(Path(path), patterns) is expected


def test_collect_reports_missing_roots_and_skips_temporaries(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".a.txt.123.cleantext-tmp").write_text("partial")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    found = list(collect([str(tmp_path), str(tmp_path / "gone")]))
    assert found == [tmp_path / "a.txt", WalkError(tmp_path / "gone", "no such file or directory")]


def test_atomic_file_is_all_or_nothing(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_bytes(b"old")
    path.chmod(0o600)
    with AtomicFile(path) as replacement:
        replacement.stream.write(b"half")
    assert path.read_bytes() == b"old"
    with pytest.raises(RuntimeError), AtomicFile(path) as replacement:
        replacement.stream.write(b"half")
        raise RuntimeError
    assert path.read_bytes() == b"old"
    with AtomicFile(path) as replacement:
        replacement.stream.write(b"new")
        replacement.commit()
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["f.txt"]


@pytest.mark.parametrize(
    ("text", "offset", "position"),
    [("ab\ncd", 0, (1, 1)), ("ab\ncd", 3, (2, 1)), ("ab\r\ncd", 5, (2, 2)), ("a\rb", 2, (2, 1))],
)
def test_line_index(text: str, offset: int, position: tuple[int, int]) -> None:
    assert LineIndex(text).position(offset) == position


class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.mark.parametrize(
    ("files", "size", "quiet", "tty", "shown"),
    [
        (PROGRESS_FILES, 0, False, True, True),
        (1, PROGRESS_BYTES, False, True, True),
        (PROGRESS_FILES - 1, 1000, False, True, False),
        (PROGRESS_FILES * 10, PROGRESS_BYTES, False, False, False),
        (PROGRESS_FILES * 10, PROGRESS_BYTES, True, True, False),
    ],
)
def test_progress_only_on_a_terminal_for_long_runs(
    files: int, size: int, quiet: bool, tty: bool, shown: bool
) -> None:
    assert show_progress(files, size, quiet, _Stream(tty)) is shown


def test_progress_bar_counts_items_and_keeps_messages_readable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleantext.cli.output import Reporter

    stderr = io.StringIO()
    monkeypatch.setattr("sys.stderr", stderr)
    reporter = Reporter("check")
    seen = []
    for item in reporter.progress(iter(range(30)), 30, enabled=True):
        seen.append(item)
        if item == 3:
            reporter.message("would fix x.txt")
    assert seen == list(range(30))
    assert "would fix x.txt\n" in stderr.getvalue()
    assert "| 0/30 " in stderr.getvalue()  # the bar was drawn (and cleared at the end)
    assert stderr.getvalue().endswith("\r")


def test_importing_cleantext_does_not_load_the_cli() -> None:
    import subprocess
    import sys

    code = (
        "import sys, cleantext; "
        "print(sorted({'click', 'tqdm', 'cleantext.cli'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


class _StoppedError(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _StoppedError


def _signalled_while_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, send: Any) -> None:
    """Make a replacement file, calling ``send()`` (which sends SIGTERM somehow) right
    after the temporary file exists; check the handler ran and nothing was left."""
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    make = tempfile.mkstemp

    def make_then_signal(*args: Any, **kwargs: Any) -> tuple[int, str]:
        made = make(*args, **kwargs)
        send()
        return made

    monkeypatch.setattr(tempfile, "mkstemp", make_then_signal)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        with pytest.raises(_StoppedError), contextlib.ExitStack() as stack:
            files.replacement_in(stack, path)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert [entry.name for entry in tmp_path.iterdir()] == ["a.txt"]
    assert path.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="POSIX signals only")
def test_a_signal_while_the_temporary_file_is_made_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM right after the temporary file exists, before its clean-up is armed:
    held until it is armed, then delivered, and the file is removed."""
    _signalled_while_made(tmp_path, monkeypatch, lambda: os.kill(os.getpid(), signal.SIGTERM))


@pytest.mark.skipif(not hasattr(signal, "pthread_kill"), reason="POSIX signals only")
def test_a_signal_taken_by_another_thread_is_held_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A signal sent to the process may be taken by any thread that does not block it
    (a progress bar's, a worker pool's), and Python then runs the handler in the main
    thread at once: a signal mask on the main thread held nothing (a CI run raised
    inside ``os.fdopen`` and left the temporary file behind).  Here the signal is given
    to another thread on purpose."""
    release = threading.Event()
    other = threading.Thread(target=release.wait, daemon=True)
    other.start()
    assert other.ident is not None
    ident = other.ident

    def signal_the_other_thread() -> None:
        signal.pthread_kill(ident, signal.SIGTERM)
        time.sleep(0.05)  # the main thread meets the pending handler here, or soon after

    try:
        _signalled_while_made(tmp_path, monkeypatch, signal_the_other_thread)
    finally:
        release.set()
        other.join()
