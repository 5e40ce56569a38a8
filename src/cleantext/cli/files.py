"""Finding the files to work on and writing them back without ever losing one.

Walks never follow a symbolic link (a linked file inside a root is reached through
its real path anyway, and one pointing outside must not be touched), and every
write goes to a temporary file in the same directory that then replaces the
original with :func:`os.replace`, so a run killed at any moment leaves each file
wholly old or wholly new.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, BinaryIO

__all__ = [
    "CHUNK_SIZE",
    "TEMP_SUFFIX",
    "AtomicFile",
    "WalkError",
    "collect",
    "matches",
    "reason",
    "replacement_in",
    "write_bytes_atomic",
    "write_refusal",
]

#: Temporary files of an interrupted run end with this; walks skip them.
TEMP_SUFFIX = ".cleantext-tmp"

#: Size of the pieces a large file is read and cleaned in (see cleantext.stream).
CHUNK_SIZE = 1024 * 1024

#: Directories no one wants cleaned; skipped in walks unless named as a root.
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".mypy_cache", ".ruff_cache"})


@dataclass(frozen=True, slots=True)
class WalkError:
    """A root or directory that could not be read; reported as one line, the walk goes on."""

    path: Path
    message: str


def matches(path: Path, patterns: Sequence[str]) -> bool:
    """True if ``path`` matches a glob by its name or by any trailing part of its path.

    ``*.txt`` matches ``a/b/c.txt``; ``drafts/*`` matches ``corpus/drafts/x.txt``.
    """
    parts = path.as_posix().split("/")
    tails = ["/".join(parts[i:]) for i in range(len(parts))]
    return any(fnmatch.fnmatchcase(tail, pattern) for pattern in patterns for tail in tails)


def collect(
    roots: Sequence[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[Path | WalkError]:
    """Yield the files under ``roots`` in a stable order, none twice.

    A file named as a root is used unless an exclude glob matches it; a file found
    by walking a directory must also match an include glob when any is given. A
    root that does not exist or cannot be read is a :class:`WalkError`.
    """
    seen: set[tuple[int, int]] = set()
    for root in roots:
        path = Path(root)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield WalkError(path, "no such file or directory")
            continue
        except OSError as error:
            yield WalkError(path, reason(error))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, include, exclude, seen)
        elif not (exclude and matches(path, exclude)) and _first_time(info, seen):
            yield path


def _walk(
    root: Path,
    include: Sequence[str],
    exclude: Sequence[str],
    seen: set[tuple[int, int]],
) -> Iterator[Path | WalkError]:
    errors: list[OSError] = []
    for directory, dirnames, filenames in os.walk(root, onerror=errors.append):
        yield from (WalkError(Path(e.filename or root), reason(e)) for e in errors)
        errors.clear()
        here = Path(directory)
        dirnames[:] = sorted(
            name
            for name in dirnames
            if name not in SKIPPED_DIRS
            and not (here / name).is_symlink()
            and not (exclude and matches((here / name).relative_to(root), exclude))
        )
        for name in sorted(filenames):
            path = here / name
            relative = path.relative_to(root)
            if name.endswith(TEMP_SUFFIX) or path.is_symlink():
                continue
            if include and not matches(relative, include):
                continue
            if exclude and matches(relative, exclude):
                continue
            try:
                info = path.stat()
            except OSError as error:
                yield WalkError(path, reason(error))
                continue
            if stat.S_ISREG(info.st_mode) and _first_time(info, seen):
                yield path
    yield from (WalkError(Path(e.filename or root), reason(e)) for e in errors)


def _first_time(info: os.stat_result, seen: set[tuple[int, int]]) -> bool:
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def reason(error: Exception) -> str:
    """One lower-case phrase for an error: ``no such file or directory``, ``permission denied``."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)


def write_refusal(path: Path) -> str | None:
    """Why ``path`` must not be rewritten in place, or ``None`` if it may be.

    A symbolic link is refused: replacing it would turn the link into a plain file
    (and following it could write outside the tree); so is anything but a regular
    file (a FIFO or device would be replaced by a file). A file without any write
    bit is refused even when running as root, who could otherwise replace it.
    """
    if path.is_symlink():
        return f"is a symbolic link to {os.readlink(path)}; not writing through it"
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        return "is not a regular file; not writing it"
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return "is read-only; not writing it"
    return None


class AtomicFile:
    """A replacement for ``path`` written beside it, swapped in only by :meth:`commit`.

    Use it as a context manager: leaving the block without committing (or with an
    exception) removes the temporary file and leaves ``path`` as it was. The new
    file keeps the old one's permission bits, and its owner where allowed. (Other
    hard links to the old file keep the old content.)
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stat = path.stat()
        handle, temp_name = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX
        )
        self.temp = Path(temp_name)
        try:
            self.stream: BinaryIO = os.fdopen(handle, "wb")
        except BaseException:
            with contextlib.suppress(OSError):  # a file object made and dropped closed it
                os.close(handle)
            self.temp.unlink(missing_ok=True)
            raise
        self._done = False

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._done:
            self.discard()

    def commit(self) -> None:
        """Make the written bytes durable, then atomically put them in ``path``'s place."""
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.chmod(self.temp, stat.S_IMODE(self._stat.st_mode))
            self._keep_owner()
            os.replace(self.temp, self.path)
        except BaseException:
            self.discard()
            raise
        self._done = True
        _sync_directory(self.path.parent)

    def _keep_owner(self) -> None:
        """Give the new file the old one's owner and group where allowed (e.g. as root)."""
        temp = self.temp.stat()
        if (temp.st_uid, temp.st_gid) == (self._stat.st_uid, self._stat.st_gid):
            return
        with contextlib.suppress(OSError):
            os.chown(self.temp, self._stat.st_uid, self._stat.st_gid)

    def discard(self) -> None:
        """Drop the temporary file; ``path`` is untouched."""
        self._done = True
        self.stream.close()
        self.temp.unlink(missing_ok=True)


def replacement_in(stack: contextlib.ExitStack, path: Path) -> AtomicFile:
    """An :class:`AtomicFile` for ``path``, its clean-up registered on ``stack``.

    SIGTERM and SIGINT are held from the temporary file's creation until that
    registration, and delivered right after it: arriving in between, they would
    leave the temporary file behind.
    """
    with _signals_held():
        return stack.enter_context(AtomicFile(path))


_HELD_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGTERM and SIGINT for the block, then hand them to their handlers.

    Python runs signal handlers in the main thread, whichever thread the system
    gave the signal to, so the block swaps in a handler that only notes the signal;
    a thread's signal mask would not do (a progress bar's or a worker pool's thread
    can take a signal sent to the process: a CI run met that).  Outside the main
    thread handlers cannot be swapped, and the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    arrived: list[int] = []

    def note(signum: int, frame: FrameType | None) -> None:
        arrived.append(signum)

    previous: dict[int, _Handler] = {}
    try:
        for held in _HELD_SIGNALS:
            previous[held] = signal.signal(held, note)
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        for signum in dict.fromkeys(arrived):
            _deliver(signum, previous[signum])


def _deliver(signum: int, handler: _Handler) -> None:
    """What ``signum`` would have done had it not been held."""
    if callable(handler):
        handler(signum, None)
    elif handler != signal.SIG_IGN:
        signal.raise_signal(signum)  # the default action, now that it is restored


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable; best effort (not every system can open a directory)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace ``path``'s content by ``data`` atomically (see :class:`AtomicFile`)."""
    with contextlib.ExitStack() as stack:
        replacement = replacement_in(stack, path)
        replacement.stream.write(data)
        replacement.commit()
