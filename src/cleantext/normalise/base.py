"""What every normalisation step shares: the step record and small edit builders.

A step is a pure function ``text -> list[Edit]``; the pipeline applies it with
:func:`cleantext.plan.apply_edits`, so every change it makes is explained and
replayable.  Steps find their characters with one small compiled pattern each
(C speed, no nested quantifiers) and decide in Python only on the rare hits.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cleantext.plan import Edit

if TYPE_CHECKING:
    from cleantext.config import Config

__all__ = [
    "Step",
    "char_name",
    "chars_named",
    "contains_any",
    "map_chars",
    "run_note",
    "scan",
    "sparse_matches",
]


@dataclass(frozen=True, slots=True)
class Step:
    """One entry of the ordered step table: its name, when it runs, what it proposes."""

    name: str
    enabled: Callable[[Config], bool]
    find: Callable[[str], list[Edit]]


def contains_any(text: str, chars: str) -> bool:
    """Whether any of ``chars`` occurs in ``text``.

    The fast path of every step: one ``in`` test per target character is a
    memchr-speed scan, many times faster than a regex character class, so text
    that needs nothing from a step costs almost nothing.
    """
    return any(char in text for char in chars)


def sparse_matches(pattern: re.Pattern[str], text: str, chars: str) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, for a pattern whose every match
    begins with one of ``chars``: found by ``str.find`` (memchr speed) and tried
    only there.  A regex scan of a long wide string costs tens of nanoseconds a
    character; this costs about as much per *occurrence*, and targets are rare.
    After a match, each character is looked for again from the match's end, so
    a run of 500,000 no-break spaces is one ``find``, not 500,000 steps.
    """
    upcoming = [(position, char) for char in chars if (position := text.find(char)) >= 0]
    heapq.heapify(upcoming)
    end = 0
    while upcoming:
        start, char = upcoming[0]
        match = None if start < end else pattern.match(text, start)
        if match is not None:
            end = match.end()
            yield match
        following = text.find(char, max(start + 1, end))
        if following >= 0:
            heapq.heapreplace(upcoming, (following, char))
        else:
            heapq.heappop(upcoming)


def char_name(char: str) -> str:
    """``U+00A0 NO-BREAK SPACE``: how a note names a character."""
    fallback = "<control>" if unicodedata.category(char) == "Cc" else "<unnamed>"
    return f"U+{ord(char):04X} {unicodedata.name(char, fallback)}"


def chars_named(found: str) -> str:
    """``U+00A0 NO-BREAK SPACE (x3)``: the characters of a run, by name, and how many."""
    kinds = sorted(set(found))
    names = ", ".join(char_name(char) for char in kinds[:3]) + (", ..." if len(kinds) > 3 else "")
    return names + (f" (x{len(found)})" if len(found) > 1 else "")


def run_note(found: str, after: str) -> str:
    """A note for replacing a run of target characters: names them, says what they became."""
    shown = after if len(after) <= 12 else after[:12] + "..."
    return f"{chars_named(found)} -> {shown!r}"


def scan(
    pattern: re.Pattern[str],
    text: str,
    decide: Callable[[re.Match[str]], Edit | None],
    starts: str | None = None,
) -> list[Edit]:
    """An edit for every match that ``decide`` accepts (it returns ``None`` to keep one).

    Adjacent edits with the same model and note (a run of 500 no-break spaces)
    become one edit noted ``(x500)``, so a long run costs one change, not 500.
    ``starts``, if given, holds every character a match can begin with, and the
    matches are found with :func:`sparse_matches`.
    """
    edits: list[Edit] = []
    run: list[Edit] = []
    matches = pattern.finditer(text) if starts is None else sparse_matches(pattern, text, starts)
    for match in matches:
        edit = decide(match)
        if edit is None:
            continue
        if run and (
            run[-1].end != edit.start or run[-1].model != edit.model or run[-1].note != edit.note
        ):
            edits.append(_merged(run))
            run = []
        run.append(edit)
    if run:
        edits.append(_merged(run))
    return edits


def _merged(run: list[Edit]) -> Edit:
    """One edit for a run of adjacent edits with the same model and note."""
    first = run[0]
    if len(run) == 1:
        return first
    return Edit(
        first.start,
        run[-1].end,
        "".join(edit.after for edit in run),
        first.model,
        min(edit.confidence for edit in run),
        f"{first.note} (x{len(run)})",
    )


def map_chars(
    pattern: re.Pattern[str], text: str, table: Mapping[str, str], model: str
) -> list[Edit]:
    """Replace each run ``pattern`` finds character by character through ``table``."""
    translation = str.maketrans(dict(table))

    def decide(match: re.Match[str]) -> Edit:
        found = match.group()
        after = found.translate(translation)
        return Edit(match.start(), match.end(), after, model, note=run_note(found, after))

    return scan(pattern, text, decide)
