"""Apply a rule set to a text: find the whole lines that are boilerplate.

Lines are split on ``\\n`` only, so every edit starts at the start of a line and
ends after a newline (or at the end of the text).  Blank lines next to a removed
block are folded into its edit, so removing a line never leaves a double gap.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from cleantext.boilerplate.ruleio import default_rules
from cleantext.boilerplate.rules import Rule, RuleSet, normalise_line
from cleantext.boilerplate.screen import Screen, screen_for
from cleantext.plan import Edit

__all__ = ["TRAILER_MAX_LINES", "boilerplate_edits", "looks_like_prose"]

TRAILER_MAX_LINES = 25
"""A trailer removes what follows it only if at most this many non-blank lines follow."""

_SENTENCE_END = ".!?…。！？"
_CLOSERS = "\"'”’»)]*_"
_TERMINAL = _SENTENCE_END + ":;"


def looks_like_prose(line: str) -> bool:
    """Whether a line reads as body text rather than a link, heading or label.

    Prose here is a sentence of at least eight words ending in sentence
    punctuation (closing quotes allowed), any line of 30 words or more, or, for
    scripts written without spaces, 20+ characters ending a sentence or 150+
    characters in all.  A trailer never swallows prose, which keeps a misplaced
    lead-in from removing the body below it.
    """
    words = line.split()
    if len(words) >= 30 or len(line) >= 150:
        return True
    ends_sentence = line.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
    return ends_sentence and (len(words) >= 8 or (len(line) >= 20 and len(words) <= 2))


# What str.split() splits on besides a space and a newline (a test checks the list
# against str.isspace).  Spelt out: a class of ranges is searched about twice as
# fast as the equivalent [^\S \n].
_ODD_WHITESPACE = re.compile(
    "[\t\x0b-\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)


def _untidy_lines(text: str) -> set[int]:
    """The numbers of the lines (split on newlines) that :func:`normalise_line` may change.

    Every other line holds no whitespace but single spaces between words, so it
    is its own normal form.  Found with a few searches of the whole text instead
    of splitting and joining every line's words, which was the largest part of
    boilerplate removal on clean text.
    """
    positions = [match.start() for match in _ODD_WHITESPACE.finditer(text)]
    for needle, offset in (("  ", 0), (" \n", 0), ("\n ", 1)):
        found = text.find(needle)
        while found >= 0:
            positions.append(found + offset)
            found = text.find(needle, found + 1)
    if text.startswith(" "):
        positions.append(0)
    if text.endswith(" "):
        positions.append(len(text) - 1)
    lines: set[int] = set()
    line = counted = 0
    for position in sorted(positions):
        line += text.count("\n", counted, position)
        counted = position
        lines.add(line)
    return lines


@dataclass(slots=True)
class _Layout:
    """The lines of a text, with what the rules need to know about each."""

    norm: list[str]
    content: list[int]  # indices of non-blank lines, in order

    @classmethod
    def of(cls, text: str) -> _Layout:
        norm = text.split("\n")
        if not norm[-1]:
            norm.pop()  # a final newline ends the last line, it does not begin one
        for index in _untidy_lines(text):
            norm[index] = normalise_line(norm[index])
        return cls(norm, [i for i, line in enumerate(norm) if line])

    def subset(self, kept: list[int]) -> _Layout:
        """The layout of only the lines at ``kept`` (already normalised once)."""
        norm = [self.norm[index] for index in kept]
        content = [i for i, line in enumerate(norm) if line]
        return _Layout(norm, content)

    def _ends_sentence(self, index: int) -> bool:
        return self.norm[index].rstrip(_CLOSERS)[-1:] in _TERMINAL

    def standalone(self, index: int) -> bool:
        """The line does not continue a sentence wrapped from the line before."""
        return index == 0 or not self.norm[index - 1] or self._ends_sentence(index - 1)

    def continues(self, index: int) -> bool:
        """The line is plainly inside a wrapped sentence: it starts in lower case right
        after a line that does not end one (``...the contents of a`` / ``register.``),
        or it does not end one and the next line goes on in lower case.
        """
        if self.norm[index][0].islower() and not self.standalone(index):
            return True
        following = index + 1
        return (
            following < len(self.norm)
            and self.norm[following][:1].islower()
            and not self._ends_sentence(index)
        )


def _fits(rule: Rule, index: int, rank: int, layout: _Layout) -> bool:
    """Position and standalone constraints, except the peeled ``first``/``last``.

    Positional rules describe a line's place around a body, so they never act
    on a text of a single line.
    """
    if rule.position != "any" and len(layout.content) < 2:
        return False
    if rule.position == "head" and rank >= rule.within:
        return False
    if rule.position == "tail" and len(layout.content) - rank > rule.within:
        return False
    return not (rule.standalone and not layout.standalone(index))


class _Screened:
    """A group of rules with its screen, remembering per line text which rules match
    it (lines repeat, and a text is judged again after each removal)."""

    __slots__ = ("gate", "matching", "rules", "screen")

    def __init__(self, screen: Screen, lines: str) -> None:
        self.rules = screen.rules
        self.screen = screen
        self.gate = screen.gate.within(lines) if screen.rules else None
        self.matching: dict[str, tuple[Rule, ...]] = {}

    def suspects(self, layout: _Layout, text: str) -> set[int]:
        """The indices of the lines any rule may match (``text``: the lines joined).

        Found for the whole text at once (:meth:`Screen.suspects`): every other
        line would get no candidates from :meth:`candidates`, and judging it line
        by line was most of the time ``clean`` spent on clean text.  Whether a line
        is a suspect depends on its text alone, so later rounds reuse the set.
        """
        return self.screen.suspects(layout.norm, text, self.gate)

    def candidates(self, line: str, timeout: float) -> tuple[Rule, ...]:
        """The rules whose pattern matches ``line``, in order (position aside)."""
        found = self.matching.get(line)
        if found is None:
            found = ()
            if self.screen.may_match(line, timeout, self.gate):
                possible = self.screen.possible(line)
                found = tuple(rule for rule in possible if rule.matches(line, timeout))
            self.matching[line] = found
        return found


def _first_match(
    group: _Screened, index: int, rank: int, layout: _Layout, timeout: float
) -> Rule | None:
    candidates = group.candidates(layout.norm[index], timeout)
    if not candidates or layout.continues(index):
        return None
    for rule in candidates:
        if _fits(rule, index, rank, layout):
            return rule
    return None


@dataclass(slots=True)
class _Groups:
    """The active rules of a set, grouped by how they are applied, for one call."""

    anywhere: _Screened  # "any", "head" and "tail" rules: every line is tried
    first: _Screened  # peeled from the top
    last: _Screened  # peeled from the bottom
    timeout: float

    @classmethod
    def of(cls, rules: RuleSet, text: str) -> _Groups:
        memo = rules.memo()
        screens = memo.get("screens")
        if not isinstance(screens, tuple):
            active = rules.active()
            screens = memo["screens"] = (
                screen_for(tuple(r for r in active if r.position in ("any", "head", "tail"))),
                screen_for(tuple(r for r in active if r.position == "first")),
                screen_for(tuple(r for r in active if r.position == "last")),
            )
        anywhere, first, last = screens
        return cls(
            _Screened(anywhere, text),
            _Screened(first, text),
            _Screened(last, text),
            rules.timeout,
        )


def _verdicts(layout: _Layout, groups: _Groups, suspects: list[int]) -> list[Rule | None]:
    """For each line, the rule that removes it (``None``: kept).

    ``suspects`` are the ranks, in order, of the lines the "anywhere" rules are
    tried on: only suspects can be matched, so only they can be removed or be
    trailers.
    """
    verdict: list[Rule | None] = [None] * len(layout.norm)
    content = layout.content
    timeout = groups.timeout
    for rank in suspects:
        index = content[rank]
        verdict[index] = _first_match(groups.anywhere, index, rank, layout, timeout)

    # Trailers: the first trailer line whose following lines hold no prose takes them all.
    for rank in suspects:
        index = content[rank]
        rule = verdict[index]
        if rule is None or not rule.trailer:
            continue
        if len(content) - rank - 1 > TRAILER_MAX_LINES:
            continue  # checked before slicing: a long text has many trailer-like lines
        rest = content[rank + 1 :]
        if not any(verdict[j] is None and looks_like_prose(layout.norm[j]) for j in rest):
            for j in rest:
                verdict[j] = rule
            break

    kept = len(content) - (len(verdict) - verdict.count(None))  # only content lines go
    top_down = list(enumerate(content))
    for order, group in ((top_down, groups.first), (top_down[::-1], groups.last)):
        if not group.rules:
            continue
        for rank, index in order:
            if verdict[index] is not None:
                continue
            if kept <= 1:
                break
            rule = _first_match(group, index, rank, layout, timeout)
            if rule is None:
                break
            verdict[index] = rule
            kept -= 1
    return verdict


def _deleted(layout: _Layout, verdict: list[Rule | None]) -> list[Rule | None]:
    """Which lines go, and for which rule: removed lines plus the blank lines they strand.

    In each block of removed and blank lines, the blank lines before the first
    removed line stay (or, if there are none, those after the last), so the
    text keeps one gap where it had one; at the top or bottom of the text the
    whole block goes.
    """
    n = len(verdict)
    blank = [not line for line in layout.norm]
    deleted: list[Rule | None] = list(verdict)
    i = 0
    while i < n:
        if not (blank[i] or verdict[i] is not None):
            i += 1
            continue
        j = i
        while j < n and (blank[j] or verdict[j] is not None):
            j += 1
        removed = [k for k in range(i, j) if verdict[k] is not None]
        if removed:
            keep: range = range(0)
            if i > 0 and j < n:
                keep = range(i, removed[0]) if removed[0] > i else range(removed[-1] + 1, j)
            owner = verdict[removed[0]]
            for k in range(i, j):
                if verdict[k] is not None:
                    owner = verdict[k]
                elif k not in keep:
                    deleted[k] = owner
        i = j
    return deleted


def _edits(text: str, layout: _Layout, verdict: list[Rule | None]) -> list[Edit]:
    """One edit per run of deleted lines of ``text`` owned by the same rule."""
    if not any(verdict):
        return []  # nothing removed, so no blank line is stranded either
    deleted = _deleted(layout, verdict)
    edits: list[Edit] = []
    offset = 0
    start = 0
    parts = text.split("\n")
    for index, rule in enumerate(deleted):
        if rule is not None and (index == 0 or deleted[index - 1] is not rule):
            start = offset
        offset = min(offset + len(parts[index]) + 1, len(text))  # the line and its newline
        last_of_run = index + 1 == len(deleted) or deleted[index + 1] is not rule
        if rule is not None and last_of_run:
            edits.append(
                Edit(
                    start=start,
                    end=offset,
                    after="",
                    model=f"boilerplate: {rule.name}",
                    note=rule.description or f"matched boilerplate rule {rule.name!r}",
                )
            )
    return edits


def _settled_verdicts(layout: _Layout, rules: RuleSet) -> list[Rule | None]:
    """Verdicts re-run on what is left until nothing more goes.

    Removing a line can expose another (a new last line, a mark that now stands
    alone), so the rules are applied again to the kept lines until they settle.
    That makes removal idempotent: the rules find nothing in their own output.

    A later round tries the "anywhere" rules only where an earlier verdict could
    change: on the lines next to a removed one (a line's verdict reads its
    neighbours) and near either end (ranks from the top or bottom moved, and
    trailers sit there); elsewhere the same rules would see the same lines.  A
    large text that needed a third round used to re-read all of it again.
    """
    text = "\n".join(layout.norm)
    groups = _Groups.of(rules, text)
    verdict: list[Rule | None] = [None] * len(layout.norm)
    found = sorted(groups.anywhere.suspects(layout, text)) if groups.anywhere.rules else []
    ranks = [bisect_left(layout.content, index) for index in found]
    alive = list(range(len(layout.norm)))
    current = layout
    suspects: set[int] | None = None  # the same lines as ``found``, for later rounds
    while True:
        judged = _verdicts(current, groups, ranks)
        if judged.count(None) == len(judged):
            return verdict
        for index, rule in zip(alive, judged, strict=True):
            if rule is not None:
                verdict[index] = rule
        beside = _next_to_removed(alive, judged)
        alive = [index for index in alive if verdict[index] is None]
        current = layout.subset(alive)
        if suspects is None:
            suspects = set(found)
        ranks = _ranks_to_try_again(current, alive, suspects, beside, groups.anywhere.rules)


def _ranks_to_try_again(
    layout: _Layout,
    alive: list[int],
    suspects: set[int],
    beside: set[int],
    rules: tuple[Rule, ...],
) -> list[int]:
    """The ranks, in ``layout`` (the lines still ``alive``), of the suspects a later
    round must try: next to a removed line, or near either end."""
    zone = _end_zone(rules)
    count = len(layout.content)
    return [
        rank
        for rank, index in enumerate(layout.content)
        if (number := alive[index]) in suspects
        and (rank < zone or count - rank <= zone or number in beside)
    ]


@lru_cache(maxsize=64)
def _end_zone(rules: tuple[Rule, ...]) -> int:
    """How many lines from either end a rank-dependent verdict can reach: head and
    tail rules within their ``within``, trailers within :data:`TRAILER_MAX_LINES`."""
    reach = [rule.within for rule in rules if rule.position in ("head", "tail")]
    return max([TRAILER_MAX_LINES, *reach]) + 1


def _next_to_removed(alive: list[int], judged: list[Rule | None]) -> set[int]:
    """The numbers of the kept lines right before and after each run of removed ones."""
    beside: set[int] = set()
    for position, rule in enumerate(judged):
        if rule is None:
            continue
        if position > 0 and judged[position - 1] is None:
            beside.add(alive[position - 1])
        if position + 1 < len(judged) and judged[position + 1] is None:
            beside.add(alive[position + 1])
    return beside


def boilerplate_edits(text: str, rules: RuleSet | None = None) -> list[Edit]:
    """Edits removing the boilerplate lines of ``text`` (default rules if none given).

    Each edit deletes whole lines and is named ``"boilerplate: <rule name>"``.
    Raises :class:`~cleantext.boilerplate.rules.PatternTimeoutError` if a regex
    rule exceeds the rule set's timeout on a line.
    """
    if not isinstance(text, str):
        raise TypeError(f"boilerplate_edits expects str, got {type(text).__name__}")
    if rules is None:
        rules = default_rules()
    elif not isinstance(rules, RuleSet):
        raise TypeError(
            f"rules must be a RuleSet (read a file with load_rules), got {type(rules).__name__}"
        )
    layout = _Layout.of(text)
    if not layout.content:
        return []
    return _edits(text, layout, _settled_verdicts(layout, rules))
