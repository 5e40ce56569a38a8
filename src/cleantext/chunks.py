"""Apply a whole-text transformation to a text that arrives in chunks, as if to the whole.

:func:`cleantext.clean` has steps that look at the edges of a text: blank lines at
the start and end are dropped, runs of blank lines become one, and boilerplate
rules look at the first or last lines (a site signature as the last line, a
trailer and what follows it up to the end).  A large file cleaned chunk by chunk
would treat every cut as an edge.  So the text is cut into parts with at least
:data:`EDGE_LINES` lines of content after each cut (and before the first); a part
after a cut is preceded, and a part before a cut followed, by that many marker lines
(plain sentences no step touches), which are taken off again; and the blank lines
on both sides of a cut are given to ``fn`` as one run.  Steps that look no further
than :data:`EDGE_LINES` lines from an edge then act on each part exactly as on the
whole text.  A transformation that changes a marker line is applied to the bare
part instead (the edge effects come back, nothing worse).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

__all__ = ["EDGE_LINES", "map_chunks"]

#: Lines of content kept on each side of a cut; more than any default boilerplate
#: rule looks from an edge (trailers: 25 lines; head and tail rules: 5).
EDGE_LINES = 32

#: Marker lines: plain sentences that no cleaning step changes or removes.
BEFORE = "This text continues from the part before it."
AFTER = "This text continues in the part after it."

_BREAK = re.compile(r"\r\n|\n|\r")
_LINE_END = re.compile(r"[ \t]*(?:\r\n|\n|\r)")

Transform = Callable[[str], str]


def map_chunks(fn: Transform, chunks: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Yield ``(part of the input, fn's output for it)`` for a text given in ``chunks``.

    ``chunks`` must be cut at line ends (as :class:`cleantext.stream.DecodedStream`
    cuts them).  The input parts, joined, are the whole input; the outputs, joined,
    are what ``fn`` gives for the whole text, for any ``fn`` that treats lines by
    themselves apart from what lies within :data:`EDGE_LINES` lines of the text's
    edges and runs of blank lines, as :func:`cleantext.clean` and
    :func:`cleantext.fix_encoding` do.  Memory: one chunk and a few lines.
    """
    state = _State(fn)
    buffer = ""
    for chunk in chunks:
        buffer += chunk
        cut = _cut(buffer, need_before=EDGE_LINES if state.first else 0)
        if cut:
            part, buffer = buffer[:cut], buffer[cut:]
            yield part, state.output(part, last=False)
    yield buffer, state.output(buffer, last=True)


def _cut(text: str, *, need_before: int) -> int:
    """Where to cut ``text``: after a line with content, leaving :data:`EDGE_LINES` lines
    with content after the cut (and ``need_before`` before it); 0 if there is no such place.
    """
    ends = [match.end() for match in _BREAK.finditer(text)]
    if len(text) > (ends[-1] if ends else 0):
        ends.append(len(text))  # a last line without a line break
    starts = [0, *ends[:-1]]
    after = 0
    for index in range(len(ends) - 1, -1, -1):
        if text[starts[index] : ends[index]].strip():
            after += 1
            if after > EDGE_LINES:
                if need_before and _content_lines(text[: ends[index]]) < need_before:
                    return 0
                return ends[index]  # just after this line: the blank lines go with the rest
    return 0


def _content_lines(text: str) -> int:
    return sum(1 for line in _BREAK.split(text) if line.strip())


class _State:
    """What the parts before this one leave for it: whether there was one with content,
    and the blank lines at the end of the previous output, not yet written."""

    def __init__(self, fn: Transform) -> None:
        self.fn = fn
        self.first = True
        self.held = ""

    def output(self, part: str, *, last: bool) -> str:
        out = _apply(self.fn, part, first=self.first, last=last)
        body, tail = (out, "") if last else _split_trailing_blank_lines(out)
        joined = _join(self.fn, self.held, body, first=self.first)
        self.first = False
        self.held = tail
        return joined


def _join(fn: Transform, held: str, out: str, *, first: bool) -> str:
    """``out`` after the blank lines held back from the previous output: the blank lines
    on both sides of a cut are one run, which ``fn`` sees as one, in mid-text."""
    start = _leading_blank_lines(out)
    run = held + out[:start]
    if first or not run:
        return out
    if not out[start:]:  # nothing after the run: the text ends here
        return ""
    return _apply(fn, run, first=False, last=False, blank=True) + out[start:]


def _leading_blank_lines(text: str) -> int:
    """Length of the blank lines at the start of ``text`` (up to its first non-blank line)."""
    content = len(text) - len(text.lstrip(" \t\r\n"))
    return max(text.rfind("\n", 0, content), text.rfind("\r", 0, content)) + 1


def _split_trailing_blank_lines(text: str) -> tuple[str, str]:
    """``text`` cut after its last line that is not blank: (up to there, the blank rest)."""
    content = len(text.rstrip(" \t\r\n"))
    if content == 0:
        return "", text
    line_end = _LINE_END.match(text, content)
    cut = line_end.end() if line_end else len(text)
    return text[:cut], text[cut:]


def _apply(fn: Transform, part: str, *, first: bool, last: bool, blank: bool = False) -> str:
    """``fn(part)`` as if ``part`` stood where it does in the whole text."""
    if first and last:
        return fn(part)
    newline = _line_break(part)
    before = "" if first else (BEFORE + newline) * EDGE_LINES
    after = "" if last else newline.join([AFTER] * EDGE_LINES)
    out = fn(before + part + after)
    head = None if first else _markers(BEFORE, at_end=False).match(out)
    tail = None if last else _markers(AFTER, at_end=True).search(out)
    if (not first and head is None) or (not last and tail is None):
        return part if blank else fn(part)
    return out[head.end() if head else 0 : tail.start() if tail else len(out)]


@lru_cache(maxsize=2)
def _markers(line: str, *, at_end: bool) -> re.Pattern[str]:
    """The marker lines as ``fn`` left them (it may have rewritten their line breaks)."""
    marker = re.escape(line)
    if at_end:
        return re.compile(f"(?:{marker}(?:\\r\\n|\\n|\\r)){{{EDGE_LINES - 1}}}{marker}\\Z")
    return re.compile(f"(?:{marker}(?:\\r\\n|\\n|\\r)){{{EDGE_LINES}}}")


def _line_break(text: str) -> str:
    """The text's line break, so the marker lines do not make its line endings mixed."""
    if "\r\n" in text:
        return "\r\n"
    if "\r" in text and "\n" not in text:
        return "\r"
    return "\n"
