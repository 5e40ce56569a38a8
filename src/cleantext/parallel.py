"""Clean many texts on every core of one machine, in input order.

``clean`` is pure Python, so threads would not help: the texts go to worker
processes in batches.  The input is read lazily with a bounded look-ahead, so a
generator over a corpus larger than memory works, and results come back in the
order the texts went in.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from cleantext.config import DEFAULT_PROFILE, Config
from cleantext.pipeline import clean

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["clean_many"]

#: Batches in flight per worker: enough to keep every worker busy while results
#: are consumed, few enough to keep memory bounded on endless input.
_LOOK_AHEAD = 2


def clean_many(
    texts: Iterable[str],
    *,
    jobs: int | None = None,
    profile: str | Config = DEFAULT_PROFILE,
    chunksize: int = 64,
) -> Iterator[str]:
    """``clean(text, profile)`` for every text, in order, using ``jobs`` processes.

    ``jobs=None`` uses every core this process may run on; ``jobs=1`` (or input
    that fits in one batch of ``chunksize`` texts) runs in this process, with no
    start-up cost.  The profile and options are checked here, before any work
    starts: a bad profile raises ``ValueError`` at the call, and an item that is
    not a ``str`` raises ``TypeError`` naming its position when it is reached.
    """
    if isinstance(texts, (str, bytes)):
        raise TypeError("clean_many expects an iterable of str, not a single str or bytes")
    config = Config.from_profile(profile)
    workers = _workers(jobs)
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a positive integer, got {chunksize!r}")
    batches = _batches(texts, chunksize)
    if workers == 1:
        return (text for batch in batches for text in _clean_batch(batch, config))
    return _pooled(batches, config, workers)


def _workers(jobs: int | None) -> int:
    if jobs is None:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a positive integer or None, got {jobs!r}")
    return jobs


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    """Lists of up to ``size`` texts, each checked to be a ``str`` in this process."""
    iterator = iter(texts)
    position = 0
    while batch := list(itertools.islice(iterator, size)):
        for offset, text in enumerate(batch):
            if not isinstance(text, str):
                hint = " (decode bytes with cleantext.fix_bytes)" if isinstance(text, bytes) else ""
                raise TypeError(
                    f"clean_many: item {position + offset} is {type(text).__name__}, not str{hint}"
                )
        position += len(batch)
        yield batch


def _clean_batch(batch: list[str], config: Config) -> list[str]:
    """The worker's job (module level, so it pickles by name)."""
    return [clean(text, config) for text in batch]


def _pooled(batches: Iterator[list[str]], config: Config, workers: int) -> Iterator[str]:
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:  # one batch: a process pool would only add start-up time
        yield from _clean_batch(first, config)
        return
    from concurrent.futures import ProcessPoolExecutor

    pending: deque[Future[list[str]]] = deque()
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        for batch in itertools.chain((first, second), batches):
            pending.append(pool.submit(_clean_batch, batch, config))
            if len(pending) >= workers * _LOOK_AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
